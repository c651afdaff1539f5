"""The contract suite run as a team runs it against a deployment (`didit-contract --base-url`).

- Against a server that breaks one documented rule (the emulator behind an ASGI middleware), the
  run fails and says what is wrong. A suite that passed there would be certifying nothing.
- Without DIDIT_ALLOW_WRITES=1 the run sends the deployment nothing but reads.
- With writes, the run creates at most DIDIT_CREATE_BUDGET sessions, however many xdist workers
  share it, and the tests past the budget skip saying so; the workers' case counts are summed.

These runs turn pacing off (DIDIT_PACING=off): the emulator here has no rate limits, and waiting
under Didit's would make each run minutes long. The pacer has its own tests, on a fake clock
(tests/contract_harness/).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import didit_emulator.app
import didit_emulator.testing
from contracts.counting import SCHEMATHESIS
from didit_emulator.config import default_config
from didit_emulator.testing import RunningEmulator, running_emulator
from didit_spec import component_schema, didit_document

TTL = component_schema("ShareSessionRequest")["properties"]["ttl_in_seconds"]
Asgi = Callable[..., Any]


def ttl_bounds_not_enforced(app: Asgi) -> Asgi:
    """Share requests with a TTL outside 60..86400 are quietly given the default instead."""

    async def middleware(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/share/"):
            await app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        raw = b"".join(chunks)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        ttl = body.get("ttl_in_seconds") if isinstance(body, dict) else None
        if type(ttl) is int and not TTL["minimum"] <= ttl <= TTL["maximum"]:
            body["ttl_in_seconds"] = TTL["default"]
            raw = json.dumps(body).encode()
        headers = [(k, v) for k, v in scope["headers"] if k != b"content-length"]
        headers.append((b"content-length", str(len(raw)).encode()))
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                message: dict[str, Any] = await receive()
                return message
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}

        await app({**scope, "headers": headers}, replay, send)

    return middleware


def decision_without_status(app: Asgi) -> Asgi:
    """Decision responses lose their required `status` field."""

    async def middleware(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/decision/"):
            await app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        body = bytearray()

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            payload = bytes(body)
            if start["status"] == 200:
                decoded = json.loads(payload)
                decoded.pop("status", None)
                payload = json.dumps(decoded).encode()
            headers = [(k, v) for k, v in start["headers"] if k != b"content-length"]
            headers.append((b"content-length", str(len(payload)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": payload})

        await app(scope, receive, capture)

    return middleware


class _Wrapped:
    """Starlette middleware applying one wrapper (a breakage, a probe) around the emulator."""

    def __init__(self, app: Asgi, wrapper: Callable[[Asgi], Asgi]) -> None:
        self._inner = wrapper(app)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await self._inner(scope, receive, send)


WRITES: list[str] = []
CREATED: list[str] = []


def count_writes(app: Asgi) -> Asgi:
    """Records every request to a Didit path with a method other than GET / HEAD / OPTIONS."""

    async def middleware(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] not in ("GET", "HEAD", "OPTIONS")
            and not scope["path"].startswith("/_emulator/")
        ):
            WRITES.append(f"{scope['method']} {scope['path']}")
        await app(scope, receive, send)

    return middleware


def count_creates(app: Asgi) -> Asgi:
    """Records every session the emulator creates (a 201 to `POST /v3/session/`)."""
    create_path = didit_document().operation("create_session").path

    async def middleware(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != create_path:
            await app(scope, receive, send)
            return

        async def record(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and message["status"] == 201:
                CREATED.append(scope["path"])
            await send(message)

        await app(scope, receive, record)

    return middleware


@pytest.fixture
def wrapped_emulator(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningEmulator]:
    wrapper: Callable[[Asgi], Asgi] = request.param
    create_app = didit_emulator.app.create_app

    def broken_app(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)
        app.add_middleware(_Wrapped, wrapper=wrapper)
        return app

    monkeypatch.setattr(didit_emulator.testing, "create_app", broken_app)
    with running_emulator(default_config().with_rate_limits(enabled=False)) as emulator:
        yield emulator


def _run_suite(
    emulator: RunningEmulator,
    *selection: str,
    allow_writes: bool = True,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    partner = emulator.application("Partner")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DIDIT_")},
        "DIDIT_BASE_URL": emulator.base_url,
        "DIDIT_API_KEY": emulator.application("Acme").api_key,
        "DIDIT_ALLOW_WRITES": "1" if allow_writes else "0",
        "DIDIT_WORKFLOW_ID": emulator.workflow("Acme", "user").id,
        "DIDIT_V2_TOKEN": emulator.access_token("Acme"),
        "DIDIT_PARTNER_APPLICATION_ID": partner.id,
        "DIDIT_PARTNER_API_KEY": partner.api_key,
        "DIDIT_PARTNER_WORKFLOW_ID": emulator.workflow("Partner", "user").id,
        "DIDIT_PACING": "off",
        **(env or {}),
    }
    WRITES.clear()  # what the suite sends, not what setting it up (the token above) sent
    # Through `didit-contract` (as `make contract` runs it), from outside the repository.
    return subprocess.run(
        [
            *(sys.executable, "-m", "didit_contract.cli", "--profile", "ci"),
            *("--base-url", emulator.base_url, "--", "-q", *selection),
        ],
        cwd=tempfile.gettempdir(),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("wrapped_emulator", [ttl_bounds_not_enforced], indirect=True)
def test_contract_suite_fails_when_ttl_bounds_are_not_enforced(
    wrapped_emulator: RunningEmulator,
) -> None:
    result = _run_suite(wrapped_emulator, "contracts/test_boundaries.py", "-k", "ttl")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "FAILED contracts/test_boundaries.py::test_share_session_ttl_bounds[59-False]" in (
        result.stdout
    )
    assert "FAILED contracts/test_boundaries.py::test_share_session_ttl_bounds[86401-False]" in (
        result.stdout
    )
    assert "assert 200 == 400" in result.stdout
    assert "Reproduce with: curl -X POST " in result.stdout
    assert "-H 'x-api-key: [Filtered]'" in result.stdout
    # The in-range cases still pass: the failure names exactly the broken rule.
    assert "2 failed, " in result.stdout.splitlines()[-1]


@pytest.mark.parametrize("wrapped_emulator", [decision_without_status], indirect=True)
def test_contract_suite_fails_when_the_decision_lacks_a_required_field(
    wrapped_emulator: RunningEmulator,
) -> None:
    result = _run_suite(wrapped_emulator, "contracts/test_workflows.py")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Response violates schema" in result.stdout, result.stdout[-6000:]
    assert '"status" is a required property' in result.stdout
    assert "didit_client cannot decode GET /v3/session/{sessionId}/decision/ 200" in result.stdout
    assert "curl -X GET -H 'x-api-key: [Filtered]'" in result.stdout, "no request to replay"
    # The failing decision is quoted with its session URL, whose last segment is the token.
    assert f"{wrapped_emulator.base_url}/session/<redacted>" in result.stdout
    assert not re.search(
        rf"{re.escape(wrapped_emulator.base_url)}/session/(?!<redacted>)[\w-]+", result.stdout
    ), "a session token in the report"


@pytest.mark.parametrize("wrapped_emulator", [decision_without_status], indirect=True)
def test_contract_suite_reads_the_decisions_a_read_only_deployment_holds(
    wrapped_emulator: RunningEmulator,
) -> None:
    # The deployment's own sessions, listed and read through the list's link: the only way a
    # read-only run sees a real decision (the conformance layer's ids are drawn, and 404).
    wrapped_emulator.finished_session()
    result = _run_suite(wrapped_emulator, "contracts/test_listed_resources.py", allow_writes=False)
    assert result.returncode == 1, result.stdout[-3000:]
    assert (
        "FAILED contracts/test_listed_resources.py::"
        "test_listed_resources_conform_to_spec[GetListedDecision]"
    ) in result.stdout
    assert '"status" is a required property' in result.stdout
    assert "curl -X GET -H 'x-api-key: [Filtered]'" in result.stdout, "no request to replay"
    # The listed PDF report is read too, and conforms; no destination is listed: said, skipped.
    assert (
        "GET /v3/session/{sessionId}/generate-pdf/: 0 successful responses "
        "(and 1 reading listed resources)"
    ) in result.stdout
    assert "lists nothing on this deployment to follow GetListedDestination" in (
        _skip_reasons(result.stdout)
    )


@pytest.mark.parametrize("wrapped_emulator", [count_writes], indirect=True)
def test_contract_suite_only_reads_a_deployment_without_allow_writes(
    wrapped_emulator: RunningEmulator,
) -> None:
    result = _run_suite(wrapped_emulator, "contracts", allow_writes=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert WRITES == [], sorted(set(WRITES))
    assert "set DIDIT_ALLOW_WRITES=1 to allow them" in _skip_reasons(result.stdout)
    assert "GET /v3/sessions/:" in result.stdout, "the read-only run should still read"
    # Boundary tests are counted when they run: those that would write were skipped.
    counts = next(line for line in result.stdout.splitlines() if "cases run" in line)
    ran = int(counts.split("boundaries: ")[1].split(",")[0].rstrip(")"))
    skipped = sum(
        int(line.split("[")[1].split("]")[0])
        for line in result.stdout.splitlines()
        if line.startswith("SKIPPED [") and "contracts/test_boundaries.py" in line
    )
    assert skipped > 0, result.stdout[-3000:]
    assert ran + skipped == BOUNDARY_TESTS, counts


def _skip_reasons(stdout: str) -> str:
    return "\n".join(line for line in stdout.splitlines() if line.startswith("SKIPPED"))


WORKFLOW_TESTS = 4  # contracts/test_workflows.py: each creates one session first
BOUNDARY_TESTS = 52  # the test items of contracts/test_boundaries.py
BUDGET = 2


@pytest.fixture(scope="module")
def run_with_a_create_budget() -> Iterator[subprocess.CompletedProcess[str]]:
    """contracts/test_workflows.py on two xdist workers, with a budget of BUDGET creates."""
    create_app = didit_emulator.app.create_app

    def counting_app(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)
        app.add_middleware(_Wrapped, wrapper=count_creates)
        return app

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(didit_emulator.testing, "create_app", counting_app)
        with running_emulator(default_config().with_rate_limits(enabled=False)) as emulator:
            CREATED.clear()
            yield _run_suite(
                emulator,
                "contracts/test_workflows.py",
                "-n",
                "2",
                "-rs",
                env={"DIDIT_CREATE_BUDGET": str(BUDGET)},
            )


def test_contract_suite_creates_at_most_the_budget_across_workers(
    run_with_a_create_budget: subprocess.CompletedProcess[str],
) -> None:
    result = run_with_a_create_budget
    assert result.returncode == 0, result.stdout[-3000:]
    assert len(CREATED) == BUDGET, CREATED
    summary = result.stdout.splitlines()[-1]
    assert f"{BUDGET} passed" in summary
    assert f"{WORKFLOW_TESTS - BUDGET} skipped" in summary
    assert f"DIDIT_CREATE_BUDGET={BUDGET}" in _skip_reasons(result.stdout)


def test_contract_suite_sums_case_counts_across_workers(
    run_with_a_create_budget: subprocess.CompletedProcess[str],
) -> None:
    counts = next(
        line for line in run_with_a_create_budget.stdout.splitlines() if "cases run" in line
    )
    assert "summed over 2 workers" in counts, counts
    requests = int(counts.split(f"{SCHEMATHESIS}: ")[1].rstrip(")"))
    assert requests >= BUDGET, counts
