"""The v2 client-token auth: fetched once, cached, renewed before expiry, renewed once on 401.

A fake Didit (both hosts, one mock transport) issues numbered tokens and can revoke them; the
auth's clock is a fake one, so expiry is tested by moving it, never by waiting.
"""

from __future__ import annotations

import asyncio
import base64
import inspect
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import create_session_v2
from didit_client.models import CreatedSession, CreateSessionV2Request

from didit_toolkit import (
    AuthenticationError,
    ClientTokenAuth,
    RetryPolicy,
    UnexpectedStatusError,
    create_v2_client,
    unwrap,
)

from ._fakes import FakeClock, Sleeps

CLIENT_ID = "acme-client"
CLIENT_SECRET = "acme-client-secret-do-not-print"
WORKFLOW_ID = uuid.UUID("d8d2fa2d-c69c-471c-b7bc-bc71512b43ef")
BODY = CreateSessionV2Request(workflow_id=WORKFLOW_ID, vendor_data="user-1")


class FakeDidit:
    """The token endpoint on apx.didit.me and `POST /v2/session/` on verification.didit.me."""

    def __init__(self, expires_in: int = 86400) -> None:
        self.expires_in = expires_in
        self.token_requests: list[httpx.Request] = []
        self.session_requests: list[httpx.Request] = []
        self.issued: set[str] = set()
        self.revoked: set[str] = set()
        self.token_answers: list[httpx.Response] = []
        self.bearers: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if (request.url.host, request.url.path) == ("apx.didit.me", "/auth/v2/token/"):
            self.token_requests.append(request)
            if self.token_answers:
                return self.token_answers.pop(0)
            token = f"token-{len(self.token_requests)}"
            self.issued.add(token)
            return httpx.Response(
                200,
                json={"access_token": token, "expires_in": self.expires_in, "client_id": CLIENT_ID},
            )
        assert (request.url.host, request.url.path) == ("verification.didit.me", "/v2/session/")
        self.session_requests.append(request)
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        self.bearers.append(token)  # now: the auth mutates and resends the same request object
        if token not in self.issued or token in self.revoked:
            return httpx.Response(401, json={"detail": "Invalid or expired access token."})
        return httpx.Response(
            201,
            json={
                "session_id": str(uuid.uuid4()),
                "session_number": len(self.session_requests),
                "session_token": "abcdef",
                "url": "https://verify.didit.me/session/abcdef",
                "status": "Not Started",
                "workflow_id": str(WORKFLOW_ID),
            },
        )

    def bearer_tokens(self) -> list[str]:
        return self.bearers


def v2_client(
    didit: FakeDidit, clock: FakeClock, sleeps: Sleeps, **kwargs: Any
) -> AuthenticatedClient:
    mock = httpx.MockTransport(didit)
    return create_v2_client(
        CLIENT_ID,
        CLIENT_SECRET,
        clock=clock,
        retry=RetryPolicy(clock=clock, sleep=sleeps, async_sleep=sleeps.asleep, random=lambda: 0),
        transport=mock,
        async_transport=mock,
        **kwargs,
    )


def create(client: AuthenticatedClient) -> CreatedSession:
    return unwrap(create_session_v2.sync_detailed(client=client, body=BODY))


def test_client_token_fetched_once_for_many_requests(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps)
    for _ in range(3):
        assert create(client).status == "Not Started"
    assert len(didit.token_requests) == 1
    assert didit.bearer_tokens() == ["token-1"] * 3


def test_client_token_request_is_basic_auth_with_client_credentials_form(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    didit = FakeDidit()
    create(v2_client(didit, clock, sleeps))
    [request] = didit.token_requests
    assert request.method == "POST"
    assert str(request.url) == "https://apx.didit.me/auth/v2/token/"
    expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.content == b"grant_type=client_credentials"
    # The token request carries neither the placeholder nor any bearer header.
    assert "x-api-key" not in request.headers


def test_client_token_auth_base_url_is_configurable(clock: FakeClock, sleeps: Sleeps) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/auth/v2/token/":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 60})
        return httpx.Response(204)

    mock = httpx.MockTransport(handler)
    client = create_v2_client(
        CLIENT_ID,
        CLIENT_SECRET,
        base_url="http://127.0.0.1:8790",
        auth_base_url="http://127.0.0.1:8790/",
        transport=mock,
    )
    create_session_v2.sync_detailed(client=client, body=BODY)
    assert seen == ["http://127.0.0.1:8790/auth/v2/token/", "http://127.0.0.1:8790/v2/session/"]


@pytest.mark.parametrize(
    ("elapsed", "token_fetches", "last_token"),
    [
        pytest.param(86400 - 61, 1, "token-1", id="fresh-until-the-skew"),
        pytest.param(86400 - 60, 2, "token-2", id="renewed-at-the-skew"),
        pytest.param(86400 + 5, 2, "token-2", id="renewed-after-expiry"),
    ],
)
def test_client_token_refreshed_before_expiry(
    clock: FakeClock, sleeps: Sleeps, elapsed: float, token_fetches: int, last_token: str
) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps, refresh_skew=60.0)
    create(client)
    clock.advance(elapsed)
    create(client)
    create(client)
    assert len(didit.token_requests) == token_fetches
    assert didit.bearer_tokens() == ["token-1", last_token, last_token]


def test_client_token_short_lived_is_kept_for_half_its_life(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    # expires_in below the skew: renewing "skew seconds before expiry" would mean a fetch for
    # every request; the token is kept for half its life instead.
    didit = FakeDidit(expires_in=40)
    client = v2_client(didit, clock, sleeps, refresh_skew=60.0)
    create(client)
    clock.advance(19)
    create(client)
    clock.advance(1)
    create(client)
    assert didit.bearer_tokens() == ["token-1", "token-1", "token-2"]


def test_client_token_renewed_once_on_401(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps)
    create(client)
    didit.revoked.add("token-1")  # revoked server-side long before its expiry
    created = create(client)
    assert created.session_number == 3
    assert didit.bearer_tokens() == ["token-1", "token-1", "token-2"]
    assert didit.session_requests[1].content == didit.session_requests[2].content
    assert b"user-1" in didit.session_requests[2].content


def test_client_token_gives_up_after_one_renewal(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    didit.issued = set()  # the service rejects every token
    didit_issue = didit.__call__

    def never_valid(request: httpx.Request) -> httpx.Response:
        response = didit_issue(request)
        didit.issued.clear()
        return response

    mock = httpx.MockTransport(never_valid)
    client = create_v2_client(CLIENT_ID, CLIENT_SECRET, clock=clock, transport=mock)
    with pytest.raises(AuthenticationError) as caught:
        create(client)
    assert caught.value.detail == "Invalid or expired access token."
    assert len(didit.token_requests) == 2
    assert len(didit.session_requests) == 2


def test_client_token_endpoint_rejection_raises_without_the_secret(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    didit = FakeDidit()
    didit.token_answers.append(httpx.Response(401, json={"detail": "Invalid client credentials"}))
    client = v2_client(didit, clock, sleeps)
    with pytest.raises(AuthenticationError) as caught:
        create_session_v2.sync_detailed(client=client, body=BODY)
    assert caught.value.detail == "Invalid client credentials"
    assert didit.session_requests == []
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    for text in (str(caught.value), repr(caught.value)):
        assert CLIENT_SECRET not in text
        assert basic not in text


def test_client_token_malformed_response_raises(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    didit.token_answers.append(httpx.Response(200, json={"token": "wrong-shape"}))
    with pytest.raises(UnexpectedStatusError, match="not a ClientToken"):
        create_session_v2.sync_detailed(client=v2_client(didit, clock, sleeps), body=BODY)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param({"access_token": "t", "expires_in": "86400"}, "expires_in", id="lifetime-str"),
        pytest.param({"access_token": "t", "expires_in": None}, "expires_in", id="lifetime-null"),
        pytest.param({"access_token": "t", "expires_in": -1}, "expires_in", id="lifetime-negative"),
        pytest.param({"access_token": "t", "expires_in": True}, "expires_in", id="lifetime-bool"),
        pytest.param(
            {"access_token": "t", "expires_in": float("inf")}, "expires_in", id="lifetime-inf"
        ),
        pytest.param({"access_token": None, "expires_in": 60}, "access_token", id="token-null"),
        pytest.param({"access_token": "", "expires_in": 60}, "access_token", id="token-empty"),
        pytest.param({"access_token": 12345, "expires_in": 60}, "access_token", id="token-int"),
        pytest.param({"access_token": ["t"], "expires_in": 60}, "access_token", id="token-list"),
    ],
)
def test_client_token_unusable_response_raises_before_any_bearer_is_sent(
    clock: FakeClock, sleeps: Sleeps, body: dict[str, Any], problem: str
) -> None:
    didit = FakeDidit()
    content = json.dumps(body).replace("Infinity", "1e400")  # json.loads reads it as inf
    didit.token_answers.append(httpx.Response(200, content=content.encode()))
    client = v2_client(didit, clock, sleeps)
    with pytest.raises(UnexpectedStatusError, match=problem):
        create_session_v2.sync_detailed(client=client, body=BODY)
    assert didit.session_requests == []
    auth = client.get_httpx_client().auth
    assert isinstance(auth, ClientTokenAuth)
    assert auth.expires_at is None  # nothing cached: the next request fetches again
    create(client)
    assert didit.bearer_tokens() == ["token-2"]


@pytest.mark.parametrize("lifetime", [0, 1.5, 86400])
def test_client_token_accepts_any_finite_non_negative_lifetime(
    clock: FakeClock, sleeps: Sleeps, lifetime: float
) -> None:
    didit = FakeDidit()
    didit.token_answers.append(
        httpx.Response(200, json={"access_token": "short", "expires_in": lifetime})
    )
    didit.issued.add("short")
    client = v2_client(didit, clock, sleeps)
    create(client)
    auth = client.get_httpx_client().auth
    assert isinstance(auth, ClientTokenAuth)
    assert auth.expires_at == clock.now + lifetime
    assert didit.bearer_tokens() == ["short"]


def test_client_token_validity_is_measured_on_a_monotonic_clock() -> None:
    # A wall clock set back would keep an expired token, set forward drop a valid one.
    for made in (ClientTokenAuth, create_v2_client):
        assert inspect.signature(made).parameters["clock"].default is time.monotonic


@pytest.mark.parametrize("skew", [-1.0, float("nan"), float("inf")])
def test_client_token_auth_rejects_a_nonsense_refresh_skew(skew: float) -> None:
    with pytest.raises(ValueError, match="refresh_skew"):
        ClientTokenAuth(CLIENT_ID, CLIENT_SECRET, refresh_skew=skew)


def test_client_token_request_goes_through_the_retry_transport(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    didit = FakeDidit()
    didit.token_answers.append(
        httpx.Response(429, headers={"Retry-After": "2"}, json={"detail": "slow"})
    )
    create(v2_client(didit, clock, sleeps))
    assert sleeps.waits == [2.0]
    assert len(didit.token_requests) == 2
    assert didit.bearer_tokens() == ["token-2"]


def test_client_token_request_uses_the_client_timeout(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    create(v2_client(didit, clock, sleeps, timeout=7.0))
    assert didit.token_requests[0].extensions["timeout"] == {
        "connect": 7.0,
        "read": 7.0,
        "write": 7.0,
        "pool": 7.0,
    }


def test_client_token_auth_repr_hides_secret_and_token(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps)
    create(client)
    auth = client.get_httpx_client().auth
    assert isinstance(auth, ClientTokenAuth)
    for text in (repr(auth), str(auth), repr(client)):
        assert CLIENT_SECRET not in text
        assert "token-1" not in text
    assert CLIENT_ID in repr(auth)


def test_client_token_invalidate_forces_a_new_fetch(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps)
    create(client)
    auth = client.get_httpx_client().auth
    assert isinstance(auth, ClientTokenAuth)
    assert auth.expires_at == clock.now + 86400
    auth.invalidate()
    assert auth.expires_at is None
    create(client)
    assert didit.bearer_tokens() == ["token-1", "token-2"]


def test_client_token_fetched_once_across_threads(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: create(client), range(16)))
    assert len(results) == 16
    assert len(didit.token_requests) == 1


@pytest.mark.anyio
async def test_client_token_async_fetched_once_and_refreshed_after_expiry(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    didit = FakeDidit(expires_in=3600)
    client = v2_client(didit, clock, sleeps)
    async with client:
        for _ in range(3):
            unwrap(await create_session_v2.asyncio_detailed(client=client, body=BODY))
        clock.advance(3600)
        unwrap(await create_session_v2.asyncio_detailed(client=client, body=BODY))
    assert len(didit.token_requests) == 2
    assert didit.bearer_tokens() == ["token-1", "token-1", "token-1", "token-2"]


@pytest.mark.anyio
async def test_client_token_async_concurrent_requests_share_one_fetch(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    didit = FakeDidit()

    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0)  # hand over to the other tasks mid-request, as a network would
        return didit(request)

    mock = httpx.MockTransport(handler)
    client = create_v2_client(CLIENT_ID, CLIENT_SECRET, clock=clock, async_transport=mock)
    async with client:
        responses = await asyncio.gather(
            *(create_session_v2.asyncio_detailed(client=client, body=BODY) for _ in range(10))
        )
    assert [r.status_code for r in responses] == [201] * 10
    assert len(didit.token_requests) == 1


@pytest.mark.anyio
async def test_client_token_async_renewed_once_on_401(clock: FakeClock, sleeps: Sleeps) -> None:
    didit = FakeDidit()
    client = v2_client(didit, clock, sleeps)
    async with client:
        unwrap(await create_session_v2.asyncio_detailed(client=client, body=BODY))
        didit.revoked.add("token-1")
        unwrap(await create_session_v2.asyncio_detailed(client=client, body=BODY))
    assert didit.bearer_tokens() == ["token-1", "token-1", "token-2"]


def test_client_token_auth_rejects_empty_credentials() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        ClientTokenAuth(CLIENT_ID, "")
