"""No token in the access log (issue 12, finding 7): whatever the method, trailing segments or
route, a session token or share token in the path never reaches a log line."""

from __future__ import annotations

import logging

import pytest

from didit_emulator.logs import ACCESS_LOGGER, REDACTED, JsonFormatter, PathRedactor
from didit_emulator.pipeline import Call
from didit_emulator.testing import RunningEmulator


def _logged(
    emulator: RunningEmulator, caplog: pytest.LogCaptureFixture, *requests: tuple[str, str]
) -> list[str]:
    formatter = JsonFormatter()
    with caplog.at_level(logging.DEBUG):
        caplog.clear()
        with emulator.client() as client:
            for method, path in requests:
                client.get_httpx_client().request(method, path)
        # The emulator's lines and its server's (httpx, the client here, logs its own URLs).
        return [
            formatter.format(record)
            for record in caplog.records
            if record.name.startswith(("didit_emulator", "uvicorn", "asyncio"))
        ]


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("suffix", ["", "/", "/extra", "/extra/more", "/share/"])
def test_session_page_token_never_reaches_the_log(
    emulator: RunningEmulator, caplog: pytest.LogCaptureFixture, method: str, suffix: str
) -> None:
    session = emulator.create_session()
    lines = _logged(emulator, caplog, (method, f"/session/{session.session_token}{suffix}"))
    access = [line for line in lines if ACCESS_LOGGER in line]
    assert len(access) == 1
    assert '"path": "/session/{session_token}' in access[0]
    assert all(session.session_token not in line for line in lines)


@pytest.mark.parametrize(
    "template",
    [
        "/{token}",
        "/v3/{token}/",
        "/v3/session/{token}",
        "/v3/session/{token}/decision/",
        "/v3/session/{token}/decision/extra",
        "/_emulator/sessions/{token}/complete",
        "/nowhere/{token}/x",
    ],
)
def test_share_token_in_any_path_never_reaches_the_log(
    emulator: RunningEmulator, caplog: pytest.LogCaptureFixture, template: str
) -> None:
    source = emulator.finished_session()
    token = emulator.share_token(source.session_id)
    lines = _logged(
        emulator, caplog, *((m, template.format(token=token)) for m in ("GET", "POST", "DELETE"))
    )
    assert len([line for line in lines if ACCESS_LOGGER in line]) == 3
    assert all(token not in line for line in lines)
    for part in token.split("."):
        assert all(part not in line for line in lines)


ROUTES = ["/v3/session/", "/v3/session/{sessionId}/decision/", "/session/{session_token}"]


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/v3/session/", "/v3/session/"),
        (
            "/v3/session/0b5e2a5c-2f50-4a6e-9d0c-3f4b8a1e2d7c/decision/",
            "/v3/session/0b5e2a5c-2f50-4a6e-9d0c-3f4b8a1e2d7c/decision/",
        ),
        ("/v3/session/secret-ish/decision/", "/v3/session/{sessionId}/decision/"),
        ("/v3/session/secret-ish", f"/v3/session/{REDACTED}"),
        ("/session/abc", "/session/{session_token}"),
        ("/session/abc/decision/x", f"/session/{{session_token}}/decision/{REDACTED}"),
        ("/v3/nowhere/", f"/v3/{REDACTED}/"),
        ("/", "/"),
    ],
)
def test_path_redactor_keeps_only_what_route_templates_spell_out(path: str, logged: str) -> None:
    assert PathRedactor(ROUTES)(path) == logged


def test_call_repr_never_shows_the_body() -> None:
    call = Call(
        request=None,  # type: ignore[arg-type]
        application=None,
        params={},
        body={"share_token": "share-secret-123"},
        base_url="http://emulator.test",
        query=[],
        credential="session-secret-456",
    )
    assert "share-secret-123" not in repr(call)
    assert "session-secret-456" not in repr(call)
