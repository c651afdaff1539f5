"""`unwrap` and the typed errors: one exception per status, with detail, request id, retry_after.

Responses come from the generated operations over a mock transport, so the table covers both the
statuses the spec documents (the generated code has already parsed `ErrorResponse`) and the ones it
does not (`parsed` is None and `unwrap` decodes the body itself).
"""

from __future__ import annotations

import json
import pickle
import uuid
from email.utils import formatdate
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import delete_session, get_session_decision, list_sessions
from didit_client.models import ErrorResponse, SessionPage

from didit_toolkit import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    DiditError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    UnexpectedStatusError,
    decode_error_body,
    unwrap,
)

SESSION_ID = uuid.UUID("11111111-2222-3333-4444-555555555555")
API_KEY = "sk_live_never_in_a_message_42"
NOW = 1_753_630_666.0


def client_answering(
    status: int,
    body: Any = None,
    headers: dict[str, str] | None = None,
    content: bytes | None = None,
) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if content is not None:
            return httpx.Response(status, headers=headers, content=content)
        return httpx.Response(status, headers=headers, json=body)

    client = AuthenticatedClient(
        base_url="https://didit.test", token=API_KEY, prefix="", auth_header_name="x-api-key"
    )
    return client.set_httpx_client(
        httpx.Client(
            base_url="https://didit.test",
            headers={"x-api-key": API_KEY},
            transport=httpx.MockTransport(handler),
        )
    )


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        pytest.param(400, BadRequestError, id="400"),
        pytest.param(401, AuthenticationError, id="401"),
        pytest.param(403, PermissionDeniedError, id="403"),
        pytest.param(404, NotFoundError, id="404"),
        pytest.param(429, RateLimitedError, id="429"),
        pytest.param(500, ServerError, id="500-undocumented"),
        pytest.param(502, ServerError, id="502-undocumented"),
        pytest.param(503, ServerError, id="503-undocumented"),
        pytest.param(409, UnexpectedStatusError, id="409-undocumented"),
        pytest.param(418, UnexpectedStatusError, id="418-undocumented"),
        pytest.param(302, UnexpectedStatusError, id="302"),
    ],
)
def test_unwrap_raises_one_exception_per_status(status: int, error_class: type[DiditError]) -> None:
    client = client_answering(
        status, {"detail": "Session not found"}, headers={"X-Request-Id": "req-123"}
    )
    response = get_session_decision.sync_detailed(SESSION_ID, client=client)
    with pytest.raises(error_class) as caught:
        unwrap(response)
    error = caught.value
    assert type(error) is error_class
    assert isinstance(error, DiditError)
    assert error.status == status
    assert error.detail == "Session not found"
    assert error.request_id == "req-123"
    assert isinstance(error.error, ErrorResponse)
    assert error.error.detail == "Session not found"


def test_unwrap_message_names_status_detail_and_request_id() -> None:
    client = client_answering(404, {"detail": "Session not found"}, {"x-request-id": "r-9"})
    with pytest.raises(NotFoundError) as caught:
        unwrap(get_session_decision.sync_detailed(SESSION_ID, client=client))
    assert str(caught.value) == "HTTP 404 Not Found: Session not found (request id r-9)"
    assert repr(caught.value) == (
        "NotFoundError(status=404, detail='Session not found', request_id='r-9')"
    )


def test_unwrap_returns_the_parsed_body_for_2xx() -> None:
    client = client_answering(200, {"count": 0, "next": None, "previous": None, "results": []})
    page = unwrap(list_sessions.sync_detailed(client=client))
    assert isinstance(page, SessionPage)
    assert page.count == 0


@pytest.mark.parametrize("status", [204, 205])
def test_unwrap_returns_none_for_a_status_without_content(status: int) -> None:
    client = client_answering(status, content=b"")
    assert unwrap(delete_session.sync_detailed(SESSION_ID, client=client)) is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"", "no body", id="empty"),
        pytest.param(b"   ", "no body", id="blank"),
        pytest.param(b"<html>maintenance</html>", "not the documented body", id="html"),
        pytest.param(b"\xff\xfe", "not the documented body", id="not-utf8"),
        pytest.param(b"{}", "not the documented body", id="empty-object"),
        pytest.param(b'{"detail": "x"}', "not the documented body", id="error-shape"),
        pytest.param(b'{"session_id": "not-a-uuid"}', "not the documented body", id="bad-uuid"),
        pytest.param(b"[1, 2]", "not the documented body", id="array"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "not the documented body", id="deep"),
    ],
)
def test_unwrap_rejects_a_documented_2xx_whose_body_is_not_the_documented_one(
    content: bytes, reason: str
) -> None:
    client = client_answering(200, content=content, headers={"X-Request-Id": "r-2"})
    response = get_session_decision.sync_detailed(SESSION_ID, client=client)
    assert response.parsed is None
    with pytest.raises(UnexpectedStatusError) as caught:
        unwrap(response)
    assert (caught.value.status, caught.value.request_id) == (200, "r-2")
    assert reason in str(caught.value)


@pytest.mark.anyio
async def test_unwrap_rejects_an_async_2xx_whose_body_is_not_the_documented_one() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"count": 1})  # no next, previous or results

    client = AuthenticatedClient(base_url="https://didit.test", token=API_KEY)
    client.set_async_httpx_client(
        httpx.AsyncClient(base_url="https://didit.test", transport=httpx.MockTransport(handler))
    )
    response = await list_sessions.asyncio_detailed(client=client)
    with pytest.raises(UnexpectedStatusError):
        unwrap(response)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        pytest.param(520, ServerError, id="520-cdn"),
        pytest.param(599, ServerError, id="599"),
        pytest.param(499, UnexpectedStatusError, id="499-nginx"),
        pytest.param(299, UnexpectedStatusError, id="299"),
        pytest.param(399, UnexpectedStatusError, id="399"),
    ],
)
def test_unwrap_raises_the_typed_error_of_a_status_no_registry_knows(
    status: int, error_class: type[DiditError]
) -> None:
    client = client_answering(status, content=b"<html>origin error</html>")
    response = get_session_decision.sync_detailed(SESSION_ID, client=client)
    assert response.status_code == status
    assert type(response.status_code) is int
    with pytest.raises(error_class) as caught:
        unwrap(response)
    assert type(caught.value) is error_class
    assert str(caught.value).startswith(f"HTTP {status} Unknown Status")


def test_unwrap_response_keeps_a_known_status_as_http_status() -> None:
    client = client_answering(404, {"detail": "gone"})
    response = get_session_decision.sync_detailed(SESSION_ID, client=client)
    assert response.status_code is HTTPStatus.NOT_FOUND


def test_unwrap_rejects_an_undocumented_2xx_with_a_body() -> None:
    client = client_answering(202, {"count": 0})
    with pytest.raises(UnexpectedStatusError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    assert caught.value.status == 202


def test_unwrap_server_error_without_json_has_no_detail() -> None:
    client = client_answering(502, content=b"<html>Bad Gateway</html>")
    with pytest.raises(ServerError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    assert caught.value.detail is None
    assert caught.value.error is None
    assert str(caught.value) == "HTTP 502 Bad Gateway"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param({"Retry-After": "30"}, 30.0, id="seconds"),
        pytest.param({"Retry-After": formatdate(NOW + 45, usegmt=True)}, 45.0, id="http-date"),
        pytest.param({"retry-after-ms": "1500"}, 1.5, id="milliseconds"),
        pytest.param({}, None, id="absent"),
    ],
)
def test_unwrap_rate_limited_carries_retry_after(
    headers: dict[str, str], expected: float | None
) -> None:
    client = client_answering(429, {"detail": "Too many requests"}, headers)
    with pytest.raises(RateLimitedError) as caught:
        unwrap(list_sessions.sync_detailed(client=client), now=NOW)
    assert caught.value.retry_after == expected
    if expected is not None:
        assert f"retry after {expected:g}s" in str(caught.value)


@pytest.mark.parametrize(
    ("status", "content"),
    [
        pytest.param(502, f"<html>proxy: x-api-key={API_KEY}</html>".encode(), id="html-echo"),
        pytest.param(400, f'{{"detail": "bad", "echo": "{API_KEY}"}}'.encode(), id="json-echo"),
        pytest.param(409, f"x-api-key: {API_KEY}".encode(), id="text-echo"),
    ],
)
def test_unwrap_errors_never_show_the_body_beyond_detail(status: int, content: bytes) -> None:
    # A proxy or a buggy server echoing the request's key: the error shows `detail` only, unlike
    # the generated `UnexpectedStatus`, whose message is the whole body.
    client = client_answering(status, content=content)
    with pytest.raises(DiditError) as caught:
        unwrap(get_session_decision.sync_detailed(SESSION_ID, client=client))
    for text in (str(caught.value), repr(caught.value), str(caught.value.args)):
        assert API_KEY not in text


def test_unwrap_truncates_a_huge_detail() -> None:
    client = client_answering(400, {"detail": "x" * 10_000})
    with pytest.raises(BadRequestError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    assert caught.value.detail is not None
    assert len(caught.value.detail) == 500


def test_unwrap_errors_survive_pickling() -> None:
    client = client_answering(429, {"detail": "slow"}, {"Retry-After": "7", "X-Request-Id": "r-1"})
    with pytest.raises(RateLimitedError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 (our own bytes)
    assert type(copy) is RateLimitedError
    assert (copy.status, copy.detail, copy.request_id, copy.retry_after) == (
        429,
        "slow",
        "r-1",
        7.0,
    )
    assert str(copy) == str(caught.value)


# --- the three error-body shapes of the live service (issue 9) ---------------------------------

SHAPES = [
    pytest.param(
        {"detail": "Session not found"},
        ("Session not found", {}, ["Session not found"]),
        id="detail-string",
    ),
    pytest.param(
        {"detail": {"code": "quota", "message": "No credits left"}},
        ('{"code":"quota","message":"No credits left"}', {}, None),
        id="detail-object",
    ),
    pytest.param(
        {"detail": ["Too early.", "Try later."]},
        ("Too early.; Try later.", {}, ["Too early.; Try later."]),
        id="detail-list",
    ),
    pytest.param({"detail": None}, (None, {}, []), id="detail-null"),
    pytest.param(
        {"detail": None, "vendor_data": ["Too long."]},
        (None, {"vendor_data": ["Too long."]}, ["vendor_data: Too long."]),
        id="detail-null-beside-field-errors",
    ),
    pytest.param(
        {"vendor_data": ["Too long."], "workflow_id": ["Required.", "Not a UUID."]},
        (
            None,
            {"vendor_data": ["Too long."], "workflow_id": ["Required.", "Not a UUID."]},
            ["vendor_data: Too long.", "workflow_id: Required.", "workflow_id: Not a UUID."],
        ),
        id="field-errors",
    ),
    pytest.param(
        {
            "expected_details": {"first_name": ["Required."]},
            "nodes_to_resubmit": [{}, {"feature": ["Unknown feature."]}],
            "callback": "Enter a valid URL.",
        },
        (
            None,
            {
                "expected_details.first_name": ["Required."],
                "nodes_to_resubmit[1].feature": ["Unknown feature."],
                "callback": ["Enter a valid URL."],
            },
            None,
        ),
        id="field-errors-nested-and-single",
    ),
    pytest.param(
        ["Session already has this status"],
        (None, {}, ["Session already has this status"]),
        id="bare-array",
    ),
    pytest.param(["a", 3, {"x": 1}], (None, {}, ["a", "3", '{"x":1}']), id="bare-array-mixed"),
]


@pytest.mark.parametrize(("body", "expected"), SHAPES)
@pytest.mark.parametrize("status", [400, 403, 409, 500])
def test_unwrap_error_carries_every_body_shape(
    body: Any, expected: tuple[Any, Any, Any], status: int
) -> None:
    detail, field_errors, messages = expected
    client = client_answering(status, body, {"X-Request-Id": "r-7"})
    with pytest.raises(DiditError) as caught:
        unwrap(get_session_decision.sync_detailed(SESSION_ID, client=client))
    error = caught.value
    assert (error.status, error.detail, error.field_errors) == (status, detail, field_errors)
    expected_messages = messages if messages is not None else [detail] if detail else None
    if expected_messages is None:
        expected_messages = [f"{name}: {m}" for name, ms in field_errors.items() for m in ms]
    assert error.messages == expected_messages
    text = str(error)
    assert text.endswith("(request id r-7)")
    assert all(message in text for message in expected_messages)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"<html><body>Bad Gateway</body></html>", id="html"),
        pytest.param(b"\xff\xfe\x00not utf-8", id="not-utf8"),
        pytest.param(b"", id="empty"),
        pytest.param(b'"just a string"', id="json-string"),
        pytest.param(b"42", id="json-number"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deeply-nested"),
    ],
)
def test_unwrap_error_of_an_undecodable_body_is_plain(content: bytes) -> None:
    client = client_answering(400, content=content)
    with pytest.raises(BadRequestError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    error = caught.value
    assert (error.detail, error.field_errors, error.messages, error.error) == (None, {}, [], None)
    assert str(error) == "HTTP 400 Bad Request"


def test_unwrap_error_message_is_bounded() -> None:
    body = {f"field_{n}": ["x" * 1000, "y" * 1000] for n in range(1000)}
    client = client_answering(400, body)
    with pytest.raises(BadRequestError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    error = caught.value
    assert len(error.messages) == 50
    assert all(len(message) <= 220 for message in error.messages)
    assert len(str(error)) < 600


def test_unwrap_error_repr_shows_field_errors_and_bare_messages() -> None:
    field = client_answering(400, {"vendor_data": ["Too long."]})
    with pytest.raises(BadRequestError) as caught:
        unwrap(list_sessions.sync_detailed(client=field))
    assert repr(caught.value) == (
        "BadRequestError(status=400, detail=None, field_errors={'vendor_data': ['Too long.']}, "
        "request_id=None)"
    )
    bare = client_answering(400, ["Already Approved"])
    with pytest.raises(BadRequestError) as caught:
        unwrap(list_sessions.sync_detailed(client=bare))
    assert repr(caught.value) == (
        "BadRequestError(status=400, detail=None, messages=['Already Approved'], request_id=None)"
    )


def test_unwrap_field_errors_survive_pickling() -> None:
    client = client_answering(400, {"vendor_data": ["Too long."]})
    with pytest.raises(BadRequestError) as caught:
        unwrap(list_sessions.sync_detailed(client=client))
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 (our own bytes)
    assert copy.field_errors == {"vendor_data": ["Too long."]}
    assert copy.messages == ["vendor_data: Too long."]
    assert str(copy) == str(caught.value)


def test_decode_error_body_ignores_other_keys_beside_detail() -> None:
    # Only `detail` is read from such a body: other keys may echo the request.
    body = decode_error_body(json.dumps({"detail": "bad", "echo": API_KEY}).encode())
    assert (body.detail, body.field_errors, body.messages) == ("bad", {}, ["bad"])


def test_connection_error_names_the_request_and_survives_pickling() -> None:
    error = APITimeoutError("GET", "/v3/sessions/", reason="ReadTimeout", attempts=3)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    assert type(copy) is APITimeoutError
    assert isinstance(copy, APIConnectionError)
    assert isinstance(copy, DiditError)
    assert (copy.method, copy.path, copy.reason, copy.attempts, copy.status) == (
        "GET",
        "/v3/sessions/",
        "ReadTimeout",
        3,
        None,
    )
    assert str(copy) == str(error) == "GET /v3/sessions/: timed out after 3 attempts (ReadTimeout)"
    assert repr(copy) == (
        "APITimeoutError(method='GET', path='/v3/sessions/', reason='ReadTimeout', attempts=3)"
    )
