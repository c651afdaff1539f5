"""Fixtures of the emulator tests: one emulator per test process, reset before each test.

The emulator runs in-process (`in_process_emulator`: httpx's ASGI transport, no socket), except for
modules that set `OVER_THE_NETWORK = True` (HTTP-level behaviour, concurrency), which get a real
uvicorn server.

The emulator clock is frozen at `FROZEN_AT` (reset puts it back there): time moves only when a
test advances it, so expiry tests are exact and never race the wall clock. Every response of an
openapi.yaml operation the tests provoke is validated against the spec by the server
(`running_emulator(validate_responses=True)`); `emulator` fails the test that produced a
non-conforming one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from didit_client import AuthenticatedClient

from didit_emulator import default_config
from didit_emulator.testing import RunningEmulator, in_process_emulator, running_emulator

FROZEN_AT = 1_767_225_600.0  # 2026-01-01T00:00:00Z, a whole second


FROZEN_CONFIG = default_config().replace(clock_start=FROZEN_AT, clock_frozen=True)


@pytest.fixture(scope="session")
def in_process_server() -> Iterator[RunningEmulator]:
    with in_process_emulator(FROZEN_CONFIG) as server:
        yield server


@pytest.fixture(scope="session")
def network_server() -> Iterator[RunningEmulator]:
    with running_emulator(FROZEN_CONFIG) as server:
        yield server


@pytest.fixture
def emulator(request: pytest.FixtureRequest) -> Iterator[RunningEmulator]:
    """The shared emulator, reset to the default configuration (clock and rate limits too)."""
    over_network = getattr(request.module, "OVER_THE_NETWORK", False)
    emulator_server: RunningEmulator = request.getfixturevalue(
        "network_server" if over_network else "in_process_server"
    )
    emulator_server.reset()
    yield emulator_server
    violations = emulator_server.response_violations
    assert violations == [], "responses that violate openapi.yaml:\n" + "\n".join(violations)


@pytest.fixture
def acme(emulator: RunningEmulator) -> Iterator[AuthenticatedClient]:
    """The generated client with Acme's API key."""
    with emulator.client("Acme") as client:
        yield client


@pytest.fixture
def partner(emulator: RunningEmulator) -> Iterator[AuthenticatedClient]:
    """The generated client with Partner's API key."""
    with emulator.client("Partner") as client:
        yield client
