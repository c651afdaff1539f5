"""Fixtures of the reliability suite: an in-process emulator on a frozen clock without rate
limits (the suite sends many requests on purpose), reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from didit_emulator.testing import RunningEmulator, in_process_emulator
from tests.emulator.conftest import FROZEN_CONFIG

UNLIMITED_FROZEN = FROZEN_CONFIG.with_rate_limits(enabled=False)


@pytest.fixture(scope="session")
def reliability_server() -> Iterator[RunningEmulator]:
    with in_process_emulator(UNLIMITED_FROZEN) as server:
        yield server


@pytest.fixture
def emulator(reliability_server: RunningEmulator) -> Iterator[RunningEmulator]:
    reliability_server.reset()
    yield reliability_server
    violations = reliability_server.response_violations
    assert violations == [], "responses that violate openapi.yaml:\n" + "\n".join(violations)
