"""The HTTP surface: routing from the spec, 404 / 405 / malformed bodies as JSON, the catch-all
for bugs, structured request logs, and the session page behind each `url`."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import get_session_decision
from starlette.applications import Starlette
from starlette.routing import Mount

from didit_emulator import create_app
from didit_emulator.logs import ACCESS_LOGGER, JsonFormatter
from didit_emulator.testing import RunningEmulator
from didit_emulator.urls import SESSION_PAGE_PATH
from didit_emulator.validation import control_document
from didit_spec import Credential, Operation, credential_headers, didit_document, operations

# HTTP-level behaviour and concurrency: a real uvicorn server (see conftest).
OVER_THE_NETWORK = True

JSON_BODY_OPERATIONS = [
    op
    for op in operations()
    if "application/json" in op.definition.get("requestBody", {}).get("content", {})
]


def test_every_spec_operation_is_routed_at_its_path_and_method(emulator: RunningEmulator) -> None:
    routes = {
        (method, route.path)
        for route in emulator.app.routes
        for method in route.methods
        if method != "HEAD"
    }
    spec = {(op.method.upper(), op.path) for op in operations()}
    assert spec <= routes
    aliases = {
        path
        for item in didit_document().contents["paths"].values()
        for path in item.get("x-also-served-at", [])
    }
    control = {op.path for op in control_document().operations}
    assert {path for _, path in routes - spec} <= {SESSION_PAGE_PATH, *aliases, *control}


@pytest.mark.parametrize(
    "path", ["/v3/nowhere/", "/v3/session", "/v3/sessions", "/v3/session/x/generate-pdf/", "/"]
)
def test_unknown_path_is_404_json(acme: AuthenticatedClient, path: str) -> None:
    response = acme.get_httpx_client().get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json()["detail"].startswith("Not found")
    assert "X-RateLimit-Limit" in response.headers


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/v3/session/", "POST"),
        ("DELETE", "/v3/sessions/", "GET, HEAD"),
        ("POST", f"/v3/session/{uuid.UUID(int=1)}/decision/", "GET, HEAD"),
        ("PUT", "/v3/blocklist/add/", "POST"),
        ("GET", "/auth/v2/token/", "POST"),
    ],
)
def test_wrong_method_is_405_json_with_allow(
    acme: AuthenticatedClient, method: str, path: str, allow: str
) -> None:
    response = acme.get_httpx_client().request(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allow
    assert response.json()["detail"] == f"Method {method} not allowed; allowed: {allow}."


@pytest.mark.parametrize("operation", JSON_BODY_OPERATIONS, ids=lambda op: op.operation_id)
def test_every_json_operation_rejects_malformed_json_with_400(
    emulator: RunningEmulator, operation: Operation
) -> None:
    # Finished: a status every operation on a session reads its body in (update-status looks at
    # the status first).
    session = emulator.finished_session()
    path = operation.path.replace("{sessionId}", str(session.session_id))
    path = path.replace("{destination_uuid}", str(uuid.uuid4()))
    app = emulator.application("Acme")
    credentials: dict[str, Credential | None] = {
        "api_key": app.api_key,
        "client_token": emulator.access_token(),
        "session_token": session.session_token,
    }
    headers = credential_headers(operation.security, credentials)
    with emulator.http() as http:
        response = http.request(
            operation.method.upper(),
            path,
            content=b'{"a": ',
            headers={"Content-Type": "application/json", **headers},
        )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Malformed JSON body")


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data"])
def test_create_session_other_content_types_are_400(
    emulator: RunningEmulator, acme: AuthenticatedClient, content_type: str
) -> None:
    body = json.dumps({"workflow_id": emulator.workflow().id}).encode()
    response = acme.get_httpx_client().post(
        "/v3/session/", content=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == 400
    assert "Content-Type" in response.json()["detail"]


def test_get_session_decision_bug_in_the_backend_is_a_logged_500_not_a_crash(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = emulator.create_session()

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(emulator.backend, "get_decision", broken)
    with caplog.at_level(logging.ERROR, logger="didit_emulator"):
        response = get_session_decision.sync_detailed(session.session_id, client=acme)
    assert response.status_code == 500
    assert json.loads(response.content) == {
        "detail": "Internal emulator error; this is a bug in the emulator."
    }
    assert "X-RateLimit-Limit" in response.headers
    assert any("simulated bug" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    # The response audit notices the undocumented status, which is how a real bug would surface.
    assert any("-> 500: status not documented" in v for v in emulator.response_violations)
    emulator.audit.clear()
    monkeypatch.undo()
    assert get_session_decision.sync_detailed(session.session_id, client=acme).status_code == 200


def test_requests_are_logged_as_one_json_line_without_secrets(
    emulator: RunningEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    app = emulator.application("Acme")
    formatter = JsonFormatter()
    with caplog.at_level(logging.INFO, logger="didit_emulator"):
        caplog.clear()
        access_token = emulator.access_token("Acme")
        session = emulator.finished_session("Acme", vendor_data="secret-vendor-data")
        token = emulator.share_token(session.session_id)
        with emulator.client("Partner") as partner:
            partner.get_httpx_client().post(
                "/v3/session/import-shared/",
                json={"share_token": token, "trust_review": True, "workflow_id": "nope"},
            )
            partner.get_httpx_client().get("/v3/sessions/?vendor_data=secret-vendor-data")
        emulator_page = emulator.backend.sessions[str(session.session_id)].url
        with emulator.client("Acme") as acme:
            acme.get_httpx_client().get(emulator_page)
    lines = [formatter.format(r) for r in caplog.records]
    text = "\n".join(lines)
    for secret in (
        app.api_key,
        app.client_secret,
        access_token,
        token,
        "secret-vendor-data",
        emulator.backend.sessions[str(session.session_id)].token,
    ):
        assert secret not in text
    requests = [json.loads(formatter.format(r)) for r in caplog.records if r.name == ACCESS_LOGGER]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("POST", "/auth/v2/token/", 200),
        ("POST", "/v3/session/", 201),
        ("POST", f"/_emulator/sessions/{session.session_id}/complete", 200),
        ("POST", f"/v3/session/{session.session_id}/share/", 200),
        ("POST", "/v3/session/import-shared/", 404),
        ("GET", "/v3/sessions/", 200),
        ("GET", "/session/{session_token}", 200),
    ]
    for record in requests:
        assert isinstance(record["latency_ms"], float)
        assert record["latency_ms"] >= 0
        assert record["level"] == "info"
    assert requests[4]["operation_id"] == "import_shared_session"


def test_session_page_behind_the_url_shows_the_session(emulator: RunningEmulator) -> None:
    session = emulator.create_session()
    with emulator.client() as client:
        response = client.get_httpx_client().get(session.url)
        missing = client.get_httpx_client().get("/session/not-a-token")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert str(session.session_id) in response.text
    assert "Not Started" in response.text
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")  # a page, for a person


@pytest.mark.parametrize("declare_length", [True, False])
def test_create_session_body_over_the_size_limit_is_400(
    emulator: RunningEmulator, declare_length: bool
) -> None:
    from didit_emulator.pipeline import MAX_BODY_BYTES

    oversized = b'{"workflow_id": "' + b"x" * (MAX_BODY_BYTES + 1) + b'"}'
    headers = {
        "x-api-key": emulator.application("Acme").api_key,
        "content-type": "application/json",
    }
    body: Any = oversized if declare_length else iter([oversized[:1024], oversized[1024:]])
    response = httpx.post(f"{emulator.base_url}/v3/session/", content=body, headers=headers)
    assert response.status_code == 400
    assert response.json() == {"detail": "Request body too large."}


@pytest.mark.parametrize("path", ["/didit/_emulator/clock", "/didit/_emulator/state"])
def test_emulator_app_mounted_under_a_prefix_routes_below_it(path: str) -> None:
    host = Starlette(routes=[Mount("/didit", app=create_app(access_log=False))])

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=host)
        async with httpx.AsyncClient(transport=transport, base_url="http://host.test") as client:
            return await client.get(path)

    assert asyncio.run(get()).status_code == 200


class _Failing:
    """A middleware with a bug: it raises before the request reaches the emulator."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("middleware bug")


def _with_failing_middleware() -> httpx.Response:
    app = create_app(access_log=False)
    app.add_middleware(_Failing)

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://host.test") as client:
            return await client.get("/_emulator/clock")

    return asyncio.run(get())


def test_emulator_app_bug_in_a_middleware_is_the_json_500() -> None:
    response = _with_failing_middleware()
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal emulator error; this is a bug in the emulator."}


def test_emulator_app_bug_in_a_middleware_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="didit_emulator"):
        _with_failing_middleware()
    assert any(r.exc_info and "middleware bug" in str(r.exc_info[1]) for r in caplog.records)
