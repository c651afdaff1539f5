"""One client, several event loops: each `asyncio.run()` gets connections of its own (issue 11).

An httpx async connection belongs to the loop that opened it; a client that captured one async
transport fails with "Event loop is closed" in the second `asyncio.run()`. The failure needs real
keep-alive connections, so these tests talk to the emulator over HTTP.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from didit_client.api.sessions import create_session_v2, list_sessions
from didit_client.models import CreateSessionV2Request, SessionPage

from didit_emulator.testing import RunningEmulator, running_emulator
from didit_toolkit import ClientTokenAuth, aiter_sessions, create_client, create_v2_client, unwrap

ROUNDS = 3


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    with running_emulator() as running:
        yield running


def test_create_client_works_across_asyncio_runs(emulator: RunningEmulator) -> None:
    client = create_client(emulator.application("Acme").api_key, base_url=emulator.base_url)

    async def count() -> int:
        return unwrap(await list_sessions.asyncio_detailed(client=client)).count

    results = [asyncio.run(count()) for _ in range(ROUNDS)]
    assert len(results) == ROUNDS
    with client:  # and the sync side is unaffected
        assert isinstance(unwrap(list_sessions.sync_detailed(client=client)), SessionPage)


def test_generated_client_works_across_asyncio_runs(emulator: RunningEmulator) -> None:
    # `async with` closes the loop's httpx client at the end of each run; the next run gets its own.
    client = emulator.client("Acme")

    async def status() -> int:
        async with client:
            return int((await list_sessions.asyncio_detailed(client=client)).status_code)

    assert [asyncio.run(status()) for _ in range(ROUNDS)] == [200] * ROUNDS


def test_generated_client_keeps_one_async_client_per_loop(emulator: RunningEmulator) -> None:
    client = emulator.client("Acme")

    async def same_client_twice() -> bool:
        return client.get_async_httpx_client() is client.get_async_httpx_client()

    async def current() -> object:
        return client.get_async_httpx_client()

    assert asyncio.run(same_client_twice())
    assert asyncio.run(current()) is not asyncio.run(current())


def test_aiter_sessions_works_across_asyncio_runs(emulator: RunningEmulator) -> None:
    emulator.reset()
    for _ in range(3):
        emulator.create_session("Acme")
    client = create_client(emulator.application("Acme").api_key, base_url=emulator.base_url)

    async def ids() -> list[uuid.UUID]:
        return [session.session_id async for session in aiter_sessions(client, page_size=2)]

    first, second = asyncio.run(ids()), asyncio.run(ids())
    assert len(first) == 3
    assert first == second


def test_create_v2_client_token_lock_works_across_asyncio_runs(emulator: RunningEmulator) -> None:
    # Concurrent first requests wait on the token lock, which binds an asyncio.Lock to its loop.
    application = emulator.application("Acme")
    client = create_v2_client(
        application.client_id,
        application.client_secret,
        base_url=emulator.base_url,
        auth_base_url=emulator.base_url,
    )
    auth = client.get_httpx_client().auth
    assert isinstance(auth, ClientTokenAuth)
    body = CreateSessionV2Request(workflow_id=uuid.UUID(emulator.workflow("Acme").id))

    async def create_two() -> list[int]:
        responses = await asyncio.gather(
            create_session_v2.asyncio_detailed(client=client, body=body),
            create_session_v2.asyncio_detailed(client=client, body=body),
        )
        return [int(response.status_code) for response in responses]

    for _ in range(2):
        auth.invalidate()
        assert asyncio.run(create_two()) == [201, 201]
