"""The retry transport: which failures are resent, after how long, and which are not.

Every wait goes through an injected sleep that records it and moves a fake clock, so these tables
pin exact timings (Retry-After in seconds, as an HTTP-date, in milliseconds, over the cap; backoff
with and without jitter) without the suite ever sleeping.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from email.utils import formatdate

import httpx
import pytest

from didit_toolkit import APIConnectionError, APITimeoutError, DiditError
from didit_toolkit.retry import (
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    SyncRetryTransport,
    retry_after_seconds,
)

from ._fakes import FakeClock, Sleeps

NOW = 1_753_630_666.0
BASE = "https://didit.test"

Step = tuple[int, dict[str, str]] | Exception


class Script:
    """A mock server that answers with `steps` in order (the last one repeats) and logs requests."""

    def __init__(self, *steps: Step) -> None:
        self.steps = steps
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps[min(len(self.requests), len(self.steps)) - 1]
        if isinstance(step, Exception):
            raise step
        status, headers = step
        return httpx.Response(status, headers=headers, json={"detail": f"status {status}"})


def policy_for(sleeps: Sleeps, clock: FakeClock, **overrides: object) -> RetryPolicy:
    settings: dict[str, object] = {
        "clock": clock,
        "sleep": sleeps,
        "async_sleep": sleeps.asleep,
        "random": lambda: 0.0,
    }
    settings.update(overrides)
    return RetryPolicy(**settings)  # type: ignore[arg-type]


def date_in(seconds: float) -> str:
    return formatdate(NOW + seconds, usegmt=True)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param({"Retry-After": "3"}, 3.0, id="seconds"),
        pytest.param({"Retry-After": " 1.5 "}, 1.5, id="fractional-seconds"),
        pytest.param({"Retry-After": date_in(7)}, 7.0, id="http-date"),
        pytest.param({"Retry-After": date_in(-30)}, 0.0, id="http-date-in-the-past"),
        pytest.param({"Retry-After": "Sunday, 27-Jul-25 15:37:53 GMT"}, 7.0, id="rfc850-date"),
        pytest.param({"Retry-After": "Sun Jul 27 15:37:53 2025"}, 7.0, id="asctime-date"),
        pytest.param({"Retry-After": "Sun Jul  6 00:00:00 2025"}, 0.0, id="asctime-one-digit-day"),
        pytest.param({"retry-after-ms": "250", "Retry-After": "9"}, 0.25, id="ms-wins"),
        pytest.param({"retry-after": "4"}, 4.0, id="lowercase-name"),
        pytest.param({"Retry-After": "soon"}, None, id="garbage"),
        pytest.param({"Retry-After": "-1"}, None, id="negative"),
        pytest.param({"Retry-After": "nan"}, None, id="nan"),
        pytest.param({"retry-after-ms": "x", "Retry-After": "2"}, 2.0, id="bad-ms-falls-back"),
        pytest.param({}, None, id="absent"),
    ],
)
def test_retry_after_seconds_parses_every_spelling(
    headers: dict[str, str], expected: float | None
) -> None:
    assert retry_after_seconds(headers, now=NOW) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("1_000", id="underscore"),
        pytest.param("1e3", id="exponent"),
        pytest.param("0x10", id="hex"),
        pytest.param("+5", id="sign"),
        pytest.param("5, 5", id="list"),
        pytest.param("5s", id="unit"),
        pytest.param("inf", id="infinity"),
        pytest.param("", id="empty"),
        pytest.param("Sun, 27 Jul 2025 15:37:53 GMT extra", id="date-then-junk"),
        pytest.param("Sun, 27 Jul 2025 15:37:53 +0100", id="numeric-zone"),
        pytest.param("Sun, 27 Jul 2025 15:37:53 -0000", id="minus-zero-zone"),
        pytest.param("Sun, 27 Jul 2025 15:37:53", id="no-zone"),
        pytest.param("Mon, 31 Feb 2025 00:00:00 GMT", id="no-such-day"),
        pytest.param("Sun, 27 Jul 2025 25:00:00 GMT", id="no-such-hour"),
        pytest.param("sun, 27 jul 2025 15:37:53 gmt", id="lowercase-date"),
    ],
)
def test_retry_after_seconds_refuses_a_lenient_spelling(value: str) -> None:
    assert retry_after_seconds({"Retry-After": value}, now=NOW) is None
    assert retry_after_seconds({"retry-after-ms": value}, now=NOW) is None


# (method, first status, its headers, expected waits, expected calls, final status); the
# second answer is 200.
TIMING_TABLE = [
    pytest.param("GET", 429, {"Retry-After": "3"}, [3.0], 2, 200, id="429-get-seconds"),
    pytest.param("POST", 429, {"Retry-After": "3"}, [3.0], 2, 200, id="429-post-seconds"),
    pytest.param("PATCH", 429, {"Retry-After": date_in(7)}, [7.0], 2, 200, id="429-patch-date"),
    pytest.param("POST", 429, {"retry-after-ms": "1500"}, [1.5], 2, 200, id="429-post-ms"),
    pytest.param("GET", 429, {"Retry-After": "120"}, [120.0], 2, 200, id="429-at-the-cap"),
    pytest.param("GET", 429, {"Retry-After": "121"}, [], 1, 429, id="429-over-the-cap"),
    pytest.param("POST", 429, {"Retry-After": date_in(600)}, [], 1, 429, id="429-date-over-cap"),
    pytest.param("GET", 429, {}, [0.5], 2, 200, id="429-no-header-backs-off"),
    pytest.param("GET", 503, {}, [0.5], 2, 200, id="503-get"),
    pytest.param("GET", 503, {"Retry-After": "2"}, [2.0], 2, 200, id="503-get-retry-after"),
    pytest.param("HEAD", 502, {}, [0.5], 2, 200, id="502-head"),
    pytest.param("OPTIONS", 504, {}, [0.5], 2, 200, id="504-options"),
    pytest.param("PUT", 408, {}, [0.5], 2, 200, id="408-put"),
    pytest.param("DELETE", 503, {}, [0.5], 2, 200, id="503-delete"),
    pytest.param("POST", 503, {}, [], 1, 503, id="503-post-not-retried"),
    pytest.param("POST", 408, {}, [], 1, 408, id="408-post-not-retried"),
    pytest.param("PATCH", 502, {}, [], 1, 502, id="502-patch-not-retried"),
    pytest.param("PATCH", 504, {"Retry-After": "1"}, [], 1, 504, id="504-patch-not-retried"),
    pytest.param("GET", 500, {}, [], 1, 500, id="500-not-transient"),
    pytest.param("GET", 404, {}, [], 1, 404, id="404-not-retried"),
]


@pytest.mark.parametrize(("method", "status", "headers", "waits", "calls", "final"), TIMING_TABLE)
def test_retry_transport_sync_timing_table(
    clock: FakeClock,
    sleeps: Sleeps,
    method: str,
    status: int,
    headers: dict[str, str],
    waits: list[float],
    calls: int,
    final: int,
) -> None:
    clock.now = NOW
    script = Script((status, headers), (200, {}))
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with httpx.Client(transport=transport, base_url=BASE) as client:
        response = client.request(method, "/v3/thing/", json={"a": 1} if method == "POST" else None)
    assert response.status_code == final
    assert sleeps.waits == waits
    assert len(script.requests) == calls


@pytest.mark.anyio
@pytest.mark.parametrize(("method", "status", "headers", "waits", "calls", "final"), TIMING_TABLE)
async def test_retry_transport_async_timing_table(
    clock: FakeClock,
    sleeps: Sleeps,
    method: str,
    status: int,
    headers: dict[str, str],
    waits: list[float],
    calls: int,
    final: int,
) -> None:
    clock.now = NOW
    script = Script((status, headers), (200, {}))
    transport = AsyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        response = await client.request(method, "/v3/thing/")
    assert response.status_code == final
    assert sleeps.waits == waits
    assert len(script.requests) == calls


def test_retry_transport_backoff_doubles_up_to_the_cap(clock: FakeClock, sleeps: Sleeps) -> None:
    script = Script((503, {}))
    policy = policy_for(sleeps, clock, max_retries=6)
    with httpx.Client(
        transport=SyncRetryTransport(httpx.MockTransport(script), policy=policy)
    ) as c:
        response = c.get(f"{BASE}/v3/sessions/")
    assert response.status_code == 503
    assert sleeps.waits == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert len(script.requests) == 7


@pytest.mark.parametrize(
    ("jitter", "draw", "retry_number", "expected"),
    [
        pytest.param(0.25, 0.0, 0, 0.5, id="no-draw"),
        pytest.param(0.25, 0.5, 0, 0.4375, id="quarter-jitter"),
        pytest.param(1.0, 0.5, 1, 0.5, id="full-jitter"),
        pytest.param(0.0, 0.9, 2, 2.0, id="jitter-off"),
        pytest.param(0.25, 0.0, 10, 8.0, id="capped"),
        pytest.param(0.25, 0.0, 5000, 8.0, id="huge-retry-number"),
    ],
)
def test_retry_policy_backoff_applies_jitter(
    jitter: float, draw: float, retry_number: int, expected: float
) -> None:
    policy = RetryPolicy(jitter=jitter, random=lambda: draw)
    assert policy.backoff(retry_number) == pytest.approx(expected)


def test_retry_policy_defaults_match_the_issue() -> None:
    policy = RetryPolicy()
    assert (policy.max_retries, policy.backoff_base, policy.backoff_max, policy.max_wait) == (
        2,
        0.5,
        8.0,
        120.0,
    )
    assert policy.idempotent_methods == {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
    assert policy.transient_statuses == {408, 502, 503, 504}


def test_retry_transport_gives_up_after_max_retries(clock: FakeClock, sleeps: Sleeps) -> None:
    script = Script((429, {"Retry-After": "1"}))
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with httpx.Client(transport=transport) as client:
        response = client.post(f"{BASE}/v3/session/", json={})
    assert response.status_code == 429
    assert sleeps.waits == [1.0, 1.0]
    assert len(script.requests) == 3


def test_retry_transport_zero_retries_sends_once(clock: FakeClock, sleeps: Sleeps) -> None:
    script = Script((503, {}), (200, {}))
    policy = policy_for(sleeps, clock, max_retries=0)
    with httpx.Client(
        transport=SyncRetryTransport(httpx.MockTransport(script), policy=policy)
    ) as c:
        assert c.get(f"{BASE}/x").status_code == 503
    assert sleeps.waits == []


@pytest.mark.parametrize(
    ("method", "steps", "waits", "calls", "outcome"),
    [
        pytest.param(
            "GET",
            [httpx.ConnectError("refused"), httpx.ConnectError("refused"), (200, {})],
            [0.5, 1.0],
            3,
            200,
            id="get-connect-error-retried",
        ),
        pytest.param(
            "DELETE", [httpx.ConnectTimeout("slow"), (204, {})], [0.5], 2, 204, id="delete-connect"
        ),
        pytest.param(
            "PUT",
            [httpx.RemoteProtocolError("disconnected"), (200, {})],
            [0.5],
            2,
            200,
            id="put-protocol-error",
        ),
        pytest.param(
            "GET",
            [httpx.ConnectError("refused")],
            [0.5, 1.0],
            3,
            APIConnectionError,
            id="get-gives-up",
        ),
        pytest.param(
            "POST", [httpx.ConnectError("refused"), (201, {})], [], 1, APIConnectionError, id="post"
        ),
        pytest.param(
            "PATCH", [httpx.ReadError("reset"), (200, {})], [], 1, APIConnectionError, id="patch"
        ),
        pytest.param(
            "GET",
            [httpx.UnsupportedProtocol("ftp"), (200, {})],
            [],
            1,
            APIConnectionError,
            id="not-a-connection-error",
        ),
    ],
)
def test_retry_transport_connection_errors_only_for_idempotent_methods(
    clock: FakeClock,
    sleeps: Sleeps,
    method: str,
    steps: list[Step],
    waits: list[float],
    calls: int,
    outcome: int | type[Exception],
) -> None:
    script = Script(*steps)
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with httpx.Client(transport=transport) as client:
        if isinstance(outcome, int):
            assert client.request(method, f"{BASE}/x").status_code == outcome
        else:
            with pytest.raises(outcome):
                client.request(method, f"{BASE}/x")
    assert sleeps.waits == waits
    assert len(script.requests) == calls


@pytest.mark.anyio
async def test_retry_transport_async_connection_error_retried_for_get_only(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    get_script = Script(httpx.ConnectError("refused"), (200, {}))
    post_script = Script(httpx.ConnectError("refused"), (200, {}))
    policy = policy_for(sleeps, clock)
    async with httpx.AsyncClient(
        transport=AsyncRetryTransport(httpx.MockTransport(get_script), policy=policy)
    ) as client:
        assert (await client.get(f"{BASE}/x")).status_code == 200
    async with httpx.AsyncClient(
        transport=AsyncRetryTransport(httpx.MockTransport(post_script), policy=policy)
    ) as client:
        with pytest.raises(APIConnectionError):
            await client.post(f"{BASE}/x")
    assert len(get_script.requests) == 2
    assert len(post_script.requests) == 1
    assert sleeps.waits == [0.5]


def test_retry_transport_resends_the_same_post_body_after_429(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    script = Script((429, {"Retry-After": "1"}), (201, {}))
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with httpx.Client(transport=transport) as client:
        response = client.post(f"{BASE}/v3/session/", json={"workflow_id": "w", "n": 1})
    assert response.status_code == 201
    first, second = script.requests
    assert first.content == second.content == b'{"workflow_id":"w","n":1}'


class TrackedStream(httpx.SyncByteStream):
    def __init__(self, events: list[str], name: str) -> None:
        self.events = events
        self.name = name

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"detail": "slow down"}'

    def close(self) -> None:
        self.events.append(f"closed {self.name}")


def test_retry_transport_closes_the_discarded_response(clock: FakeClock, sleeps: Sleeps) -> None:
    events: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        name = f"response {len([e for e in events if e.startswith('sent')]) + 1}"
        events.append(f"sent {name}")
        status = 429 if name == "response 1" else 200
        return httpx.Response(
            status, headers={"Retry-After": "1"}, stream=TrackedStream(events, name)
        )

    transport = SyncRetryTransport(httpx.MockTransport(handler), policy=policy_for(sleeps, clock))
    with httpx.Client(transport=transport) as client:
        assert client.get(f"{BASE}/x").status_code == 200
    assert events[:3] == ["sent response 1", "closed response 1", "sent response 2"]


def test_retry_transport_log_names_the_path_not_the_key_or_query(
    clock: FakeClock, sleeps: Sleeps, caplog: pytest.LogCaptureFixture
) -> None:
    script = Script((429, {"Retry-After": "1"}), (200, {}))
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with (
        caplog.at_level(logging.INFO, logger="didit_toolkit.retry"),
        httpx.Client(transport=transport, headers={"x-api-key": "sk_live_do_not_log"}) as client,
    ):
        client.get(f"{BASE}/v3/sessions/?vendor_data=user-42")
    [record] = caplog.records
    message = record.getMessage()
    assert "GET /v3/sessions/ after HTTP 429 in 1.000s (retry 1 of 2)" in message
    assert "sk_live_do_not_log" not in message
    assert "user-42" not in message


def test_retry_transport_serves_sync_and_async_clients_with_one_policy(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    script = Script((429, {"Retry-After": "2"}), (200, {}))
    mock = httpx.MockTransport(script)
    policy = policy_for(sleeps, clock)
    transport = RetryTransport(policy=policy, transport=mock, async_transport=mock)
    assert transport.sync.policy is transport.async_.policy is policy
    with httpx.Client(transport=transport) as client:
        assert client.get(f"{BASE}/x").status_code == 200

    async def run_async() -> int:
        async with httpx.AsyncClient(transport=transport) as client:
            return (await client.get(f"{BASE}/x")).status_code

    script.requests.clear()
    script.steps = ((429, {"Retry-After": "3"}), (200, {}))
    assert asyncio.run(run_async()) == 200
    assert sleeps.waits == [2.0, 3.0]


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"max_retries": -1}, id="negative-retries"),
        pytest.param({"jitter": 1.5}, id="jitter-above-one"),
        pytest.param({"backoff_base": -0.5}, id="negative-backoff"),
        pytest.param({"max_wait": -1.0}, id="negative-cap"),
        pytest.param({"max_wait": float("nan")}, id="nan-cap"),
        pytest.param({"max_wait": float("inf")}, id="infinite-cap"),
        pytest.param({"backoff_base": float("nan")}, id="nan-backoff"),
        pytest.param({"backoff_max": float("inf")}, id="infinite-backoff-cap"),
        pytest.param({"jitter": float("nan")}, id="nan-jitter"),
        pytest.param({"max_retries": 1.5}, id="fractional-retries"),
    ],
)
def test_retry_policy_rejects_nonsense(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**settings)  # type: ignore[arg-type]


# --- DELETE: resent only when the first attempt cannot have been applied ---------------------

# The first answer to a request; a GET is resent after each of them.
FIRST_FAILURES: dict[str, Step] = {
    "502": (502, {}),
    "503": (503, {}),
    "429": (429, {"Retry-After": "1"}),
    "connect-error": httpx.ConnectError("refused"),
    "connect-timeout": httpx.ConnectTimeout("slow"),
    "pool-timeout": httpx.PoolTimeout("busy"),
    "504": (504, {}),
    "408": (408, {}),
    "read-timeout": httpx.ReadTimeout("slow"),
    "read-error": httpx.ReadError("reset"),
    "write-timeout": httpx.WriteTimeout("slow"),
    "dropped": httpx.RemoteProtocolError("disconnected"),
}
# Those after which a DELETE cannot have been applied, and is resent.
DELETE_RESENT = {"502", "503", "429", "connect-error", "connect-timeout", "pool-timeout"}


def _send(method: str, first: Step, clock: FakeClock, sleeps: Sleeps) -> tuple[int, Script]:
    """Sends `method`: answered `first`, then 404 (what a second DELETE of a deleted session
    gets). The status the caller got (0 for an exception), and the script."""
    script = Script(first, (404, {}))
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with httpx.Client(transport=transport) as client:
        try:
            status = client.request(method, f"{BASE}/v3/session/s-1/delete/").status_code
        except APIConnectionError:
            status = 0
    return status, script


@pytest.mark.parametrize("first", FIRST_FAILURES)
def test_retry_transport_delete_resent_only_when_not_applied(
    clock: FakeClock, sleeps: Sleeps, first: str
) -> None:
    step = FIRST_FAILURES[first]
    status, script = _send("DELETE", step, clock, sleeps)
    if first in DELETE_RESENT:
        assert (len(script.requests), status) == (2, 404)
    else:  # the caller sees what became of the attempt that may have deleted it
        assert (len(script.requests), status) == (1, step[0] if isinstance(step, tuple) else 0)


@pytest.mark.parametrize("first", FIRST_FAILURES)
def test_retry_transport_get_resent_after_every_transient_failure(
    clock: FakeClock, sleeps: Sleeps, first: str
) -> None:
    _, script = _send("GET", FIRST_FAILURES[first], clock, sleeps)
    assert len(script.requests) == 2


@pytest.mark.anyio
async def test_retry_transport_async_delete_not_resent_after_504(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    script = Script((504, {}), (404, {}))
    transport = AsyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.delete(f"{BASE}/v3/session/s-1/delete/")
    assert response.status_code == 504
    assert len(script.requests) == 1


# --- no response: the library's own error, with nothing of the request but method and path ---

KEY = "sk_live_connection_key_42"
CONNECTION_FAILURES = [
    pytest.param(httpx.ConnectError("refused"), APIConnectionError, id="connect-error"),
    pytest.param(httpx.ReadError("reset"), APIConnectionError, id="read-error"),
    pytest.param(httpx.RemoteProtocolError("gone"), APIConnectionError, id="dropped"),
    pytest.param(httpx.ProxyError("proxy"), APIConnectionError, id="proxy-error"),
    pytest.param(httpx.ConnectTimeout("slow"), APITimeoutError, id="connect-timeout"),
    pytest.param(httpx.ReadTimeout("slow"), APITimeoutError, id="read-timeout"),
    pytest.param(httpx.PoolTimeout("busy"), APITimeoutError, id="pool-timeout"),
]


def _assert_wrapped(error: BaseException, expected: type[APIConnectionError]) -> None:
    assert type(error) is expected
    assert isinstance(error, DiditError)
    assert error.__cause__ is None
    assert error.__context__ is None  # httpx's exception, and its request, are unreachable
    assert error.status is None
    for text in (str(error), repr(error), str(error.args)):
        assert KEY not in text
        assert "user-42" not in text


@pytest.mark.parametrize(("failure", "expected"), CONNECTION_FAILURES)
def test_retry_transport_wraps_a_transport_error_after_the_retries(
    clock: FakeClock, sleeps: Sleeps, failure: Exception, expected: type[APIConnectionError]
) -> None:
    script = Script(failure)
    transport = SyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    with (
        httpx.Client(transport=transport, headers={"x-api-key": KEY}) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.get(f"{BASE}/v3/sessions/?vendor_data=user-42")
    _assert_wrapped(caught.value, expected)
    error = caught.value
    assert (error.method, error.path, error.reason) == (
        "GET",
        "/v3/sessions/",
        type(failure).__name__,
    )
    assert error.attempts == len(script.requests)


@pytest.mark.anyio
@pytest.mark.parametrize(("failure", "expected"), CONNECTION_FAILURES)
async def test_retry_transport_async_wraps_a_transport_error_after_the_retries(
    clock: FakeClock, sleeps: Sleeps, failure: Exception, expected: type[APIConnectionError]
) -> None:
    script = Script(failure)
    transport = AsyncRetryTransport(httpx.MockTransport(script), policy=policy_for(sleeps, clock))
    async with httpx.AsyncClient(transport=transport, headers={"x-api-key": KEY}) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.get(f"{BASE}/v3/sessions/?vendor_data=user-42")
    _assert_wrapped(caught.value, expected)
    assert caught.value.attempts == len(script.requests)


def test_retry_transport_message_names_method_path_and_attempts(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    transport = SyncRetryTransport(
        httpx.MockTransport(Script(httpx.ReadTimeout("slow"))), policy=policy_for(sleeps, clock)
    )
    with httpx.Client(transport=transport) as client, pytest.raises(APITimeoutError) as caught:
        client.get(f"{BASE}/v3/sessions/?vendor_data=user-42")
    assert str(caught.value) == "GET /v3/sessions/: timed out after 3 attempts (ReadTimeout)"


def test_retry_transport_leaves_other_exceptions_alone(clock: FakeClock, sleeps: Sleeps) -> None:
    class HandlerBug(Exception):
        pass

    transport = SyncRetryTransport(
        httpx.MockTransport(Script(HandlerBug("mine"))), policy=policy_for(sleeps, clock)
    )
    with httpx.Client(transport=transport) as client, pytest.raises(HandlerBug):
        client.get(f"{BASE}/x")


class FailingBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body whose second chunk never comes: the read times out after the headers arrived."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"count": '
        raise httpx.ReadTimeout("slow body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"count": '
        raise httpx.ReadTimeout("slow body")


def _slow_body(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=FailingBody())


def test_retry_transport_wraps_an_error_while_reading_the_body(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    transport = SyncRetryTransport(
        httpx.MockTransport(_slow_body), policy=policy_for(sleeps, clock)
    )
    with (
        httpx.Client(transport=transport, headers={"x-api-key": KEY}) as client,
        pytest.raises(APITimeoutError) as caught,
    ):
        client.get(f"{BASE}/v3/sessions/?vendor_data=user-42")
    _assert_wrapped(caught.value, APITimeoutError)


@pytest.mark.anyio
async def test_retry_transport_async_wraps_an_error_while_reading_the_body(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    transport = AsyncRetryTransport(
        httpx.MockTransport(_slow_body), policy=policy_for(sleeps, clock)
    )
    async with httpx.AsyncClient(transport=transport, headers={"x-api-key": KEY}) as client:
        with pytest.raises(APITimeoutError) as caught:
            await client.get(f"{BASE}/v3/sessions/?vendor_data=user-42")
    _assert_wrapped(caught.value, APITimeoutError)
