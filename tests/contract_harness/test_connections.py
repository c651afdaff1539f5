"""Everything the contract suite sends to a deployment passes one guard (contracts/connections.py).

The harness' httpx client and schemathesis' requests session of a target share one pacer and one
create budget: a request through either counts against the same limits. Against a local emulator
(real HTTP), with a fake clock and tiny limits so that the second request has to wait.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contracts.connections import Connections, RequestGuard
from contracts.pacing import CreateBudget, OperationIndex, Pacer, RateLimits
from didit_contract.stateful_support import session_creates
from didit_emulator.config import default_config
from didit_emulator.testing import RunningEmulator, running_emulator
from didit_spec import didit_document
from tests.contract_harness._fakes import FakeClock

# One read, then one more per 60 seconds (the burst is a single request).
ONE_READ_A_MINUTE: dict[str, Any] = {
    "window_seconds": 60,
    "buckets": {"read": {"limit": 2, "methods": ["GET"]}},
}


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    with running_emulator(default_config().with_rate_limits(enabled=False)) as running:
        yield running


def _connections(
    emulator: RunningEmulator, clock: FakeClock, budget: CreateBudget | None = None
) -> Connections:
    pacer = Pacer(RateLimits.from_extension(ONE_READ_A_MINUTE), clock=clock, headroom=1.0)
    guard = RequestGuard(pacer, budget, session_creates(), OperationIndex(emulator.base_url))
    return Connections(emulator.base_url, guard)


def _path(operation_id: str, **parameters: str) -> str:
    path = didit_document().operation(operation_id).path
    for name, value in parameters.items():
        path = path.replace(f"{{{name}}}", value)
    return path


def test_connections_pace_httpx_and_requests_calls_together(emulator: RunningEmulator) -> None:
    clock = FakeClock()
    connections = _connections(emulator, clock)
    headers = {"x-api-key": emulator.application("Acme").api_key}
    url = emulator.base_url + _path("get_session_decision", sessionId=str(uuid.uuid4()))
    try:
        connections.http.get(url, headers=headers)
        assert clock.sleeps == []
        connections.session.get(url, headers=headers)
    finally:
        connections.close()
    assert clock.sleeps == [pytest.approx(60.0)]


def test_connections_skip_a_create_past_the_budget(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    budget = CreateBudget(tmp_path / "creates", 1)
    connections = _connections(emulator, FakeClock(), budget)
    headers = {"x-api-key": emulator.application("Acme").api_key}
    url = emulator.base_url + _path("create_session")
    body = {"workflow_id": emulator.workflow("Acme", "user").id}
    try:
        assert connections.http.post(url, json=body, headers=headers).status_code == 201
        with pytest.raises(pytest.skip.Exception, match="DIDIT_CREATE_BUDGET=1"):
            connections.session.post(url, json=body, headers=headers)
    finally:
        connections.close()
    assert budget.used() == 1


def test_connections_give_back_a_create_the_server_refused(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    budget = CreateBudget(tmp_path / "creates", 1)
    connections = _connections(emulator, FakeClock(), budget)
    headers = {"x-api-key": emulator.application("Acme").api_key}
    url = emulator.base_url + _path("create_session")
    try:
        refused = connections.session.post(url, json={"workflow_id": "no"}, headers=headers)
    finally:
        connections.close()
    assert refused.status_code == 400
    assert budget.used() == 0
