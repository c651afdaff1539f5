"""Fixtures of the emulator tests: one real uvicorn server per test process, reset before each test.

Every response of an openapi.yaml operation the tests provoke is validated against the spec by the
server (`running_emulator(validate_responses=True)`); `emulator` fails the test that produced a
non-conforming one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from didit_client import AuthenticatedClient

from didit_emulator.testing import RunningEmulator, running_emulator


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[RunningEmulator]:
    with running_emulator() as server:
        yield server


@pytest.fixture
def emulator(emulator_server: RunningEmulator) -> Iterator[RunningEmulator]:
    """The shared emulator, reset to the default configuration (clock and rate limits too)."""
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
