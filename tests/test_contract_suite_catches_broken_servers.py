"""The contract suite fails, readably, against a server that breaks a documented rule.

Each case starts the emulator behind an ASGI middleware that breaks one rule, points the suite
at it as a deployment (DIDIT_BASE_URL, writes allowed), and checks that the run fails and says
what is wrong. A suite that passed here would be certifying nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import didit_emulator.app
import didit_emulator.testing
from didit_emulator.config import default_config
from didit_emulator.testing import RunningEmulator, running_emulator

ROOT = Path(__file__).resolve().parents[1]
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
        if type(ttl) is int and not 60 <= ttl <= 86400:
            body["ttl_in_seconds"] = 3600
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


class _Broken:
    """Starlette middleware applying one breakage around the emulator."""

    def __init__(self, app: Asgi, breakage: Callable[[Asgi], Asgi]) -> None:
        self._inner = breakage(app)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await self._inner(scope, receive, send)


@pytest.fixture
def broken_emulator(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningEmulator]:
    breakage: Callable[[Asgi], Asgi] = request.param
    create_app = didit_emulator.app.create_app

    def broken_app(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)
        app.add_middleware(_Broken, breakage=breakage)
        return app

    monkeypatch.setattr(didit_emulator.testing, "create_app", broken_app)
    with running_emulator(default_config().with_rate_limits(enabled=False)) as emulator:
        yield emulator


def _run_suite(emulator: RunningEmulator, *selection: str) -> subprocess.CompletedProcess[str]:
    partner = emulator.application("Partner")
    env = {
        **os.environ,
        "DIDIT_BASE_URL": emulator.base_url,
        "DIDIT_API_KEY": emulator.application("Acme").api_key,
        "DIDIT_ALLOW_WRITES": "1",
        "DIDIT_WORKFLOW_ID": emulator.workflow("Acme", "user").id,
        "DIDIT_V2_TOKEN": emulator.access_token("Acme"),
        "DIDIT_PARTNER_APPLICATION_ID": partner.id,
        "DIDIT_PARTNER_API_KEY": partner.api_key,
        "DIDIT_PARTNER_WORKFLOW_ID": emulator.workflow("Partner", "user").id,
        "DIDIT_CONTRACT_PROFILE": "ci",
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *selection],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("broken_emulator", [ttl_bounds_not_enforced], indirect=True)
def test_contract_suite_fails_when_ttl_bounds_are_not_enforced(
    broken_emulator: RunningEmulator,
) -> None:
    result = _run_suite(broken_emulator, "contracts/test_boundaries.py", "-k", "ttl")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "FAILED contracts/test_boundaries.py::test_share_session_ttl_bounds[59-False]" in (
        result.stdout
    )
    assert "FAILED contracts/test_boundaries.py::test_share_session_ttl_bounds[86401-False]" in (
        result.stdout
    )
    assert "assert 200 == 400" in result.stdout
    # The in-range cases still pass: the failure names exactly the broken rule.
    assert "2 failed, " in result.stdout.splitlines()[-1]


@pytest.mark.parametrize("broken_emulator", [decision_without_status], indirect=True)
def test_contract_suite_fails_when_the_decision_lacks_a_required_field(
    broken_emulator: RunningEmulator,
) -> None:
    result = _run_suite(broken_emulator, "contracts/test_workflows.py")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Response violates schema" in result.stdout, result.stdout[-6000:]
    assert '"status" is a required property' in result.stdout
    assert "didit_client cannot decode GET /v3/session/{sessionId}/decision/ 200" in result.stdout
    assert "curl -X GET -H 'x-api-key: [Filtered]'" in result.stdout, "no request to replay"
