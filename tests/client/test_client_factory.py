"""`create_client` / `create_v2_client`: the ready generated client, sync and async alike.

The generated client splats one `httpx_args` into both of its httpx clients; these tests prove the
retry transport reaches both (a sync-only transport would break every async call), that the key
goes out as `x-api-key` with no prefix to the production URL, and that no repr shows the key.
"""

from __future__ import annotations

import uuid

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import get_session_decision, list_sessions

from didit_toolkit import (
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APITimeoutError,
    DiditError,
    RetryPolicy,
    RetryTransport,
    ServerError,
    create_client,
    create_v2_client,
    unwrap,
)

from ._fakes import FakeClock, Sleeps

API_KEY = "sk_test_factory_key_0123456789"
EMPTY_PAGE: dict[str, object] = {"count": 0, "next": None, "previous": None, "results": []}


class Recorder:
    """Answers from a queue of (status, headers, body) and records every request."""

    def __init__(self, *answers: tuple[int, dict[str, str], object]) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, headers, body = self.answers[min(len(self.requests), len(self.answers)) - 1]
        return httpx.Response(status, headers=headers, json=body)


def make_client(
    recorder: Recorder, sleeps: Sleeps, clock: FakeClock, **kwargs: object
) -> AuthenticatedClient:
    mock = httpx.MockTransport(recorder)
    policy = RetryPolicy(clock=clock, sleep=sleeps, async_sleep=sleeps.asleep, random=lambda: 0.0)
    return create_client(
        API_KEY,
        retry=policy,
        transport=mock,
        async_transport=mock,
        **kwargs,  # type: ignore[arg-type]
    )


def test_create_client_sends_the_key_without_prefix_to_production(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    recorder = Recorder((200, {}, EMPTY_PAGE))
    client = make_client(recorder, sleeps, clock)
    unwrap(list_sessions.sync_detailed(client=client))
    [request] = recorder.requests
    assert str(request.url.copy_with(query=None)) == "https://verification.didit.me/v3/sessions/"
    assert request.headers["x-api-key"] == API_KEY
    assert "authorization" not in request.headers


def test_create_client_honours_base_url_and_timeout(clock: FakeClock, sleeps: Sleeps) -> None:
    recorder = Recorder((200, {}, EMPTY_PAGE))
    client = make_client(recorder, sleeps, clock, base_url="http://127.0.0.1:8790", timeout=3.0)
    unwrap(list_sessions.sync_detailed(client=client))
    assert recorder.requests[0].url.host == "127.0.0.1"
    assert client.get_httpx_client().timeout == httpx.Timeout(3.0)
    assert recorder.requests[0].extensions["timeout"]["read"] == 3.0


def test_create_client_default_timeout_is_finite() -> None:
    client = create_client(API_KEY)
    timeout = client.get_httpx_client().timeout
    assert timeout == DEFAULT_TIMEOUT
    assert None not in (timeout.connect, timeout.read, timeout.write, timeout.pool)


def test_create_client_sync_calls_go_through_the_retry_transport(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    recorder = Recorder((429, {"Retry-After": "4"}, {"detail": "slow"}), (200, {}, EMPTY_PAGE))
    client = make_client(recorder, sleeps, clock)
    page = unwrap(list_sessions.sync_detailed(client=client))
    assert page.count == 0
    assert sleeps.waits == [4.0]
    assert len(recorder.requests) == 2


@pytest.mark.anyio
async def test_create_client_async_calls_go_through_the_async_retry_transport(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    recorder = Recorder((503, {}, {"detail": "down"}), (200, {}, EMPTY_PAGE))
    client = make_client(recorder, sleeps, clock)
    async with client:
        page = unwrap(await list_sessions.asyncio_detailed(client=client))
    assert page.count == 0
    assert sleeps.waits == [0.5]
    assert isinstance(client.get_async_httpx_client()._transport, RetryTransport)


def test_create_client_keeps_retries_across_with_headers(clock: FakeClock, sleeps: Sleeps) -> None:
    recorder = Recorder((429, {"Retry-After": "1"}, {"detail": "slow"}), (200, {}, EMPTY_PAGE))
    client = make_client(recorder, sleeps, clock).with_headers({"X-Trace": "abc"})
    unwrap(list_sessions.sync_detailed(client=client))
    assert sleeps.waits == [1.0]
    assert recorder.requests[-1].headers["x-trace"] == "abc"
    assert recorder.requests[-1].headers["x-api-key"] == API_KEY


def test_create_client_lets_undocumented_statuses_reach_unwrap(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    recorder = Recorder((500, {}, {"detail": "boom"}))
    client = make_client(recorder, sleeps, clock)
    with pytest.raises(ServerError) as caught:
        unwrap(
            get_session_decision.sync_detailed(
                uuid.UUID("11111111-2222-3333-4444-555555555555"), client=client
            )
        )
    assert caught.value.detail == "boom"


def test_create_client_repr_hides_the_key(clock: FakeClock, sleeps: Sleeps) -> None:
    client = make_client(Recorder((200, {}, EMPTY_PAGE)), sleeps, clock)
    client.get_httpx_client()  # the generated client copies the key into its headers here
    for text in (repr(client), str(client), repr(client.with_headers({"a": "b"}))):
        assert API_KEY not in text
        assert "redacted" in text


def test_create_client_rejects_an_empty_key() -> None:
    with pytest.raises(ValueError, match="api_key"):
        create_client("")


def test_create_v2_client_repr_hides_the_secret() -> None:
    client = create_v2_client("client-id", "client-secret-value")
    auth = client.get_httpx_client().auth
    for text in (repr(client), repr(auth), str(auth)):
        assert "client-secret-value" not in text


def test_create_client_does_not_take_raise_on_unexpected_status() -> None:
    # With the generated flag on, sync_detailed raises didit_client.errors.UnexpectedStatus (not
    # a DiditError) for an undocumented 500 before unwrap can raise ServerError.
    assert create_client(API_KEY).raise_on_unexpected_status is False
    assert create_v2_client("id", "secret").raise_on_unexpected_status is False
    with pytest.raises(TypeError, match="raise_on_unexpected_status"):
        create_client(API_KEY, raise_on_unexpected_status=True)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="raise_on_unexpected_status"):
        create_v2_client("id", "secret", raise_on_unexpected_status=True)  # type: ignore[call-arg]


def refusing(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


SESSION_ID = uuid.UUID("11111111-2222-3333-4444-555555555555")


def test_create_client_raises_a_didit_error_when_no_response_comes(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    policy = RetryPolicy(clock=clock, sleep=sleeps, random=lambda: 0.0)
    client = create_client(API_KEY, retry=policy, transport=httpx.MockTransport(refusing))
    with pytest.raises(DiditError) as caught:
        get_session_decision.sync_detailed(SESSION_ID, client=client)
    error = caught.value
    assert isinstance(error, APIConnectionError)
    assert (error.method, error.path) == ("GET", f"/v3/session/{SESSION_ID}/decision/")
    assert error.attempts == 3
    assert error.__context__ is None
    assert API_KEY not in f"{error} {error!r}"


@pytest.mark.anyio
async def test_create_client_async_raises_a_didit_error_when_no_response_comes(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    def timing_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    policy = RetryPolicy(clock=clock, async_sleep=sleeps.asleep, random=lambda: 0.0)
    client = create_client(API_KEY, retry=policy, async_transport=httpx.MockTransport(timing_out))
    async with client:
        with pytest.raises(APITimeoutError) as caught:
            await list_sessions.asyncio_detailed(client=client, vendor_data="user-42")
    assert caught.value.path == "/v3/sessions/"
    assert "user-42" not in str(caught.value)
    assert caught.value.__context__ is None


def test_create_v2_client_token_request_without_response_is_a_didit_error(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    policy = RetryPolicy(clock=clock, sleep=sleeps, random=lambda: 0.0)
    client = create_v2_client(
        "client-id", "client-secret-value", retry=policy, transport=httpx.MockTransport(refusing)
    )
    with pytest.raises(APIConnectionError) as caught:
        client.get_httpx_client().post("/v2/session/", json={})
    assert (caught.value.method, caught.value.path) == ("POST", "/auth/v2/token/")
    assert caught.value.__context__ is None
