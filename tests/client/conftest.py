"""Fixtures shared by the client tests: the fake clock and sleep recorder, and anyio's backend."""

from __future__ import annotations

import pytest

from ._fakes import FakeClock, Sleeps


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sleeps(clock: FakeClock) -> Sleeps:
    return Sleeps(clock)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
