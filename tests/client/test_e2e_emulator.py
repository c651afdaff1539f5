"""The production client against the project's emulator, over real HTTP (issue 5's end-to-end).

The unit tests use mock transports; these prove the same behaviour against a server that keeps
state and enforces Didit's rules: one real retry after the emulator's own 429 (the injected sleep
advances the emulator's clock instead of waiting, so its rate-limit window really moves), a client
token fetched once and renewed after expiry on both clocks, and pagination that visits every
session exactly once. The emulator comes from `didit_emulator.testing.running_emulator`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import create_session, create_session_v2, get_session_decision
from didit_client.models import CreateSessionRequest, CreateSessionV2Request, SessionStatus
from didit_client.types import UNSET

from didit_emulator.config import EmulatorConfig, default_config
from didit_emulator.testing import RunningEmulator, running_emulator
from didit_toolkit import (
    NotFoundError,
    RateLimitedError,
    RetryPolicy,
    aiter_sessions,
    create_client,
    create_v2_client,
    iter_sessions,
    unwrap,
)

from ._fakes import FakeClock


class Recording(httpx.BaseTransport):
    """The real network transport, recording (method, path, status) of every exchange."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.exchanges: list[tuple[str, str, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        self.exchanges.append((request.method, request.url.path, response.status_code))
        return response

    def close(self) -> None:
        self.inner.close()

    def paths(self, path: str) -> list[int]:
        return [status for _, p, status in self.exchanges if p == path]


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    with running_emulator() as running:
        yield running


@pytest.fixture
def fresh(emulator: RunningEmulator) -> RunningEmulator:
    emulator.reset()
    return emulator


class EmulatorSleep:
    """A retry sleep that moves the emulator's clock by the wait instead of waiting."""

    def __init__(self, emulator: RunningEmulator) -> None:
        self.emulator = emulator
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.emulator.advance_clock(seconds)


def running_emulator_config_with_limit(operation: str, limit: int) -> EmulatorConfig:
    """The default configuration on a frozen clock, with `limit` requests a minute for one
    operation, so the emulator's own 429 (and its Retry-After) is deterministic."""
    frozen = default_config().replace(clock_frozen=True)
    return frozen.with_rate_limits(operations={operation: limit})


def test_e2e_create_session_retried_once_after_the_emulators_429() -> None:
    limited = running_emulator_config_with_limit("create_session", 1)
    with running_emulator(limited) as emulator:
        sleep = EmulatorSleep(emulator)
        recording = Recording()
        app = emulator.application("Acme")
        client = create_client(
            app.api_key,
            base_url=emulator.base_url,
            retry=RetryPolicy(sleep=sleep),
            transport=recording,
        )
        body = CreateSessionRequest(workflow_id=uuid.UUID(emulator.workflow("Acme").id))
        first = unwrap(create_session.sync_detailed(client=client, body=body))
        second = unwrap(create_session.sync_detailed(client=client, body=body))
        assert first.session_id != second.session_id
        # The emulator's window is 60 s on a frozen clock: Retry-After is exactly 60.
        assert sleep.waits == [60.0]
        assert recording.paths("/v3/session/") == [201, 429, 201]
        # The refused POST created nothing: exactly the two sessions exist.
        assert len(list(iter_sessions(client))) == 2


def test_e2e_rate_limited_over_the_cap_surfaces_at_once() -> None:
    limited = running_emulator_config_with_limit("get_session_decision", 1)
    with running_emulator(limited) as emulator:
        sleep = EmulatorSleep(emulator)
        session = emulator.create_session("Acme")
        client = create_client(
            emulator.application("Acme").api_key,
            base_url=emulator.base_url,
            retry=RetryPolicy(sleep=sleep, max_wait=30.0),
        )
        unwrap(get_session_decision.sync_detailed(session.session_id, client=client))
        with pytest.raises(RateLimitedError) as caught:
            unwrap(get_session_decision.sync_detailed(session.session_id, client=client))
        assert caught.value.retry_after == 60.0
        assert sleep.waits == []


def v2_body(emulator: RunningEmulator) -> CreateSessionV2Request:
    return CreateSessionV2Request(workflow_id=uuid.UUID(emulator.workflow("Acme").id))


def v2_client_for(
    emulator: RunningEmulator, clock: FakeClock, recording: Recording
) -> AuthenticatedClient:
    app = emulator.application("Acme")
    return create_v2_client(
        app.client_id,
        app.client_secret,
        base_url=emulator.base_url,
        auth_base_url=emulator.base_url,
        clock=clock,
        transport=recording,
    )


def test_e2e_client_token_fetched_once_and_refreshed_after_expiry(
    fresh: RunningEmulator, clock: FakeClock
) -> None:
    recording = Recording()
    client = v2_client_for(fresh, clock, recording)
    for _ in range(3):
        assert unwrap(create_session_v2.sync_detailed(client=client, body=v2_body(fresh)))
    assert recording.paths("/auth/v2/token/") == [200]
    # A day later on both clocks: the emulator no longer accepts the token, and the auth renews
    # it before sending, so no request is ever refused.
    fresh.advance_clock(86400)
    clock.advance(86400)
    unwrap(create_session_v2.sync_detailed(client=client, body=v2_body(fresh)))
    assert recording.paths("/auth/v2/token/") == [200, 200]
    assert recording.paths("/v2/session/") == [201, 201, 201, 201]


def test_e2e_client_token_expired_server_side_is_renewed_on_401(
    fresh: RunningEmulator, clock: FakeClock
) -> None:
    recording = Recording()
    client = v2_client_for(fresh, clock, recording)
    unwrap(create_session_v2.sync_detailed(client=client, body=v2_body(fresh)))
    fresh.advance_clock(86400)  # only the server's clock: the cached token looks fresh locally
    created = unwrap(create_session_v2.sync_detailed(client=client, body=v2_body(fresh)))
    assert created.status == SessionStatus.NOT_STARTED
    assert recording.paths("/auth/v2/token/") == [200, 200]
    assert recording.paths("/v2/session/") == [201, 401, 201]


PAGING_FILTERS = [
    pytest.param({"limit": 3}, id="limit-offset"),
    pytest.param({"page": 1, "page_size": 3, "limit": UNSET, "offset": UNSET}, id="page-number"),
]


@pytest.mark.parametrize("paging", PAGING_FILTERS)
def test_e2e_iter_sessions_visits_every_session_exactly_once(
    fresh: RunningEmulator, paging: dict[str, Any]
) -> None:
    # Finished, so that the next create with the same vendor_data makes a new session.
    vendor = f"e2e-{uuid.uuid4()}"
    created = {str(fresh.finished_session("Acme", vendor_data=vendor).session_id) for _ in range(7)}
    for _ in range(3):
        fresh.finished_session("Acme", vendor_data="someone-else")
    fresh.create_session("Partner", vendor_data=vendor)  # another application's: never listed
    client = create_client(fresh.application("Acme").api_key, base_url=fresh.base_url)
    seen = [str(s.session_id) for s in iter_sessions(client, vendor_data=vendor, **paging)]
    assert len(seen) == 7
    assert set(seen) == created
    everything = [str(s.session_id) for s in iter_sessions(client, **paging)]
    assert len(everything) == len(set(everything)) == 10


@pytest.mark.anyio
async def test_e2e_aiter_sessions_visits_every_session_exactly_once(
    fresh: RunningEmulator,
) -> None:
    vendor = f"e2e-async-{uuid.uuid4()}"
    created = {str(fresh.finished_session("Acme", vendor_data=vendor).session_id) for _ in range(5)}
    client = create_client(fresh.application("Acme").api_key, base_url=fresh.base_url)
    async with client:
        seen = [
            str(s.session_id) async for s in aiter_sessions(client, vendor_data=vendor, limit=2)
        ]
    assert sorted(seen) == sorted(created)


def test_e2e_unwrap_raises_not_found_for_an_unknown_session(fresh: RunningEmulator) -> None:
    client = create_client(fresh.application("Acme").api_key, base_url=fresh.base_url)
    with pytest.raises(NotFoundError) as caught:
        unwrap(get_session_decision.sync_detailed(uuid.uuid4(), client=client))
    assert caught.value.status == 404
    assert caught.value.detail
