"""How much faster the generated client decodes since its model imports were hoisted (issue 13).

openapi-python-client imports the other models inside every `from_dict` / `to_dict`, so decoding a
decision runs the import machinery a dozen times per call; `templates/model.py.jinja` imports them
once per module instead. This tool measures what that buys, both sides in one run: it generates
the client twice from the same openapi.yaml with the same pinned generator — once with the
project's templates ("hoisted") and once with the generator's own model template ("baseline",
every other project template kept) — imports both side by side in this process (the generated
package only imports itself relatively, so each copy gets a name of its own), and times the
decoding of realistic payloads in short batches that alternate between the two, so that a busy
machine slows both alike:

- `DecisionV3`: a completed, approved session's decision as the local emulator serves it;
- `DecisionV2`: the full V2 payload of openapi.yaml's `DecisionV2From000` example;
- `ImportedSession`: the emulator's 201 body of an import of a shared session;
- `SessionPage`: one page of 50 sessions from the emulator's list.

Two timings per payload: `from_dict` (a decoded JSON dict to the model) and `response` (the
generated operation's `_parse_response` on the raw bytes, i.e. with JSON parsing, as a caller pays
it). Printed: the best microseconds per decode of each variant, and the median over the batches of
how much faster the hoisted one is. A measurement, not a test: nothing is asserted.

    .venv/bin/python bench/decode.py [--batches 40]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import openapi_python_client

from didit_emulator.testing import running_emulator
from didit_spec import load_spec

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PAGE_SIZE = 50
BATCH_SECONDS = 0.02
VARIANTS = ("baseline", "hoisted")


def realistic_payloads() -> dict[str, Any]:
    """The decision, import and list bodies as the emulator serves them, plus the V2 example."""
    payloads: dict[str, Any] = {
        "DecisionV2": load_spec()["components"]["examples"]["DecisionV2From000"]["value"]
    }
    with running_emulator() as emulator:
        acme = {"x-api-key": emulator.application("Acme").api_key}
        partner = {"x-api-key": emulator.application("Partner").api_key}
        with httpx.Client(base_url=emulator.base_url, verify=False) as http:  # noqa: S501
            sessions = [emulator.finished_session("Acme", "approved") for _ in range(PAGE_SIZE)]
            decision = http.get(f"/v3/session/{sessions[0].session_id}/decision/", headers=acme)
            payloads["DecisionV3"] = decision.raise_for_status().json()
            token = emulator.share_token(sessions[1].session_id)
            imported = http.post(
                "/v3/session/import-shared/",
                headers=partner,
                json={
                    "share_token": token,
                    "trust_review": True,
                    "workflow_id": emulator.workflow("Partner").id,
                },
            )
            payloads["ImportedSession"] = imported.raise_for_status().json()
            page = http.get(
                "/v3/sessions/",
                params={"page_size": PAGE_SIZE, "limit": PAGE_SIZE},
                headers=acme,
            )
            payloads["SessionPage"] = page.raise_for_status().json()
    if len(payloads["SessionPage"]["results"]) != PAGE_SIZE:
        raise SystemExit(
            f"the emulator's list page holds {len(payloads['SessionPage']['results'])}"
        )
    return payloads


def generate(templates: Path, output: Path) -> None:
    subprocess.run(  # noqa: S603 (a fixed command: the pinned generator)
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "openapi.yaml"),
            "--config",
            str(ROOT / "generator-config.yml"),
            "--meta",
            "none",
            "--custom-template-path",
            str(templates),
            "--output-path",
            str(output),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"},
    )


def decoders(package: str, payloads: dict[str, Any]) -> dict[str, Callable[[], object]]:
    """Zero-argument callables, one per (payload, timing), over one generated copy."""
    models = importlib.import_module(f"{package}.models")
    client = importlib.import_module(package).Client(base_url="http://bench.invalid")
    operations = {
        "DecisionV3": (models.DecisionV3, "sessions.get_session_decision", 200),
        "DecisionV2": (models.DecisionV2, None, 200),
        "ImportedSession": (None, "sharing.import_shared_session", 201),
        "SessionPage": (models.SessionPage, "sessions.list_sessions", 200),
    }
    found: dict[str, Callable[[], object]] = {}
    for name, (model, operation_path, status) in operations.items():
        body = payloads[name]
        if operation_path is not None:
            operation = importlib.import_module(f"{package}.api.{operation_path}")
            response = httpx.Response(status, content=json.dumps(body).encode())
            parse = operation._parse_response

            def decode_response(parse: Any = parse, response: httpx.Response = response) -> object:
                return parse(client=client, response=response)

            if model is None:  # a union: the variant the generated operation decodes it into
                model = type(decode_response())
            found[f"{name} response"] = decode_response

        def decode_dict(model: Any = model, body: Any = body) -> object:
            return model.from_dict(body)

        found[f"{name} from_dict"] = decode_dict
    return found


def per_call(decode: Callable[[], object], calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        decode()
    return (time.perf_counter() - started) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--batches", type=int, default=40, help="alternating batches per case")
    batches = parser.parse_args().batches
    with tempfile.TemporaryDirectory(prefix="decode-bench-") as scratch:
        work = Path(scratch)
        payloads = realistic_payloads()
        # The baseline: every project template except the model one, which falls back to the
        # generator's own (function-local imports).
        baseline_templates = work / "baseline-templates"
        shutil.copytree(ROOT / "templates", baseline_templates)
        (baseline_templates / "model.py.jinja").unlink()
        templates = {"baseline": baseline_templates, "hoisted": ROOT / "templates"}
        for variant in VARIANTS:
            generate(templates[variant], work / f"bench_{variant}")
        sys.path.insert(0, str(work))
        cases = {variant: decoders(f"bench_{variant}", payloads) for variant in VARIANTS}
        gc.disable()
        best: dict[str, dict[str, float]] = {variant: {} for variant in VARIANTS}
        ratios: dict[str, list[float]] = {}
        for case in cases["baseline"]:
            calls = max(1, int(BATCH_SECONDS / per_call(cases["baseline"][case], 20)))
            for batch in range(batches):
                order = VARIANTS if batch % 2 == 0 else VARIANTS[::-1]
                seconds = {variant: per_call(cases[variant][case], calls) for variant in order}
                for variant in VARIANTS:
                    best[variant][case] = min(seconds[variant], best[variant].get(case, 1e9))
                ratios.setdefault(case, []).append(seconds["baseline"] / seconds["hoisted"])
        gc.enable()
    load = os.getloadavg()
    print(
        f"openapi-python-client {openapi_python_client.__version__}; {batches} alternating batches"
        f" of ~{BATCH_SECONDS * 1000:.0f} ms per case; load average {load[0]:.2f} {load[1]:.2f}"
    )
    print(f"{'payload':<28}{'baseline µs':>12}{'hoisted µs':>12}{'ratio':>8}{'faster by':>11}")
    for case in cases["baseline"]:
        ratio = statistics.median(ratios[case])
        before, after = best["baseline"][case] * 1e6, best["hoisted"][case] * 1e6
        print(f"{case:<28}{before:>12.1f}{after:>12.1f}{ratio:>7.2f}x{1 - 1 / ratio:>10.0%}")


if __name__ == "__main__":
    main()
