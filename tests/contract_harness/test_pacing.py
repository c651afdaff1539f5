"""The contract suite's pacer keeps every rate-limit bucket under its limit (contracts/pacing.py).

On a fake clock: the pacer sleeps by moving it, so these tests never wait. The limits here are
small made-up ones, in the shape of openapi.yaml's `x-rate-limits`, so that a few simulated
minutes cover many windows; the matching rule and the spec's own limits are checked apart.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest

import contracts.pacing
from contracts.pacing import (
    Bucket,
    OperationIndex,
    Pacer,
    RateLimits,
    spec_rate_limits,
)
from didit_contract.stateful_support import session_creates
from didit_spec import didit_document
from tests.contract_harness._fakes import FakeClock

WINDOW = 60.0
EXTENSION: dict[str, Any] = {
    "window_seconds": WINDOW,
    "buckets": {
        "read": {"limit": 60, "methods": ["GET"]},
        "write": {"limit": 30, "methods": ["POST", "PATCH", "DELETE"]},
        "create": {"limit": 40, "operations": ["make_thing"], "replaces": True},
        "report": {"limit": 5, "operations": ["render_report"]},
    },
}
LIMITS = RateLimits.from_extension(EXTENSION)
# (method, operationId) of the requests the simulated runs send.
REQUESTS = [
    ("GET", "read_thing"),
    ("GET", "render_report"),
    ("POST", "make_thing"),
    ("POST", "change_thing"),
    ("PATCH", "change_thing"),
    ("DELETE", "drop_thing"),
    ("GET", None),
]


def most_in_any_window(times: list[float], window: float) -> int:
    """The largest number of `times` inside one half-open span of `window` seconds."""
    most, first = 0, 0
    for last, time in enumerate(times):
        while times[first] <= time - window:
            first += 1
        most = max(most, last - first + 1)
    return most


def simulate(
    pacer: Pacer, clock: FakeClock, count: int, seed: int
) -> Iterator[tuple[float, tuple[Bucket, ...]]]:
    """Sends `count` requests drawn from REQUESTS as fast as the pacer lets them go."""
    draw = random.Random(seed)
    for _ in range(count):
        method, operation_id = draw.choice(REQUESTS)
        pacer.acquire(method, operation_id)
        yield clock.now, LIMITS.buckets_for(method, operation_id)


@pytest.mark.parametrize(
    ("method", "operation_id", "buckets"),
    [
        ("GET", "read_thing", {"read"}),
        ("GET", "render_report", {"read", "report"}),
        ("POST", "make_thing", {"create"}),
        ("POST", "change_thing", {"write"}),
        ("PATCH", "change_thing", {"write"}),
        ("DELETE", "drop_thing", {"write"}),
        ("GET", None, {"read"}),
        ("PUT", None, set()),
    ],
)
def test_rate_limits_match_requests_to_buckets(
    method: str, operation_id: str | None, buckets: set[str]
) -> None:
    assert {bucket.name for bucket in LIMITS.buckets_for(method, operation_id)} == buckets


@pytest.mark.parametrize("share", [1.0, 0.5], ids=["alone", "one-of-two-workers"])
def test_pacer_keeps_every_bucket_under_its_limit_in_any_window(share: float) -> None:
    clock = FakeClock()
    pacer = Pacer(LIMITS, clock=clock, share=share)
    sent = list(simulate(pacer, clock, count=3000, seed=20261121))
    for bucket in LIMITS.buckets:
        times = [time for time, matched in sent if bucket in matched]
        assert times, f"the simulation sent nothing to {bucket.name}"
        assert most_in_any_window(times, WINDOW) <= bucket.limit * share, bucket.name


def test_pacer_sends_a_first_burst_without_waiting() -> None:
    clock = FakeClock()
    pacer = Pacer(LIMITS, clock=clock)
    for _ in range(5):
        pacer.acquire("GET", "read_thing")
    assert clock.sleeps == []


def test_pacer_waits_once_the_burst_is_spent() -> None:
    clock = FakeClock()
    pacer = Pacer(LIMITS, clock=clock)
    while not clock.sleeps:
        pacer.acquire("GET", "read_thing")
    assert clock.sleeps[0] > 0


def test_pacer_sustains_most_of_the_limit() -> None:
    clock = FakeClock()
    pacer = Pacer(LIMITS, clock=clock)
    minutes = 10
    sent = 0
    while clock.now < minutes * WINDOW:
        pacer.acquire("GET", "read_thing")
        sent += 1
    read = next(bucket for bucket in LIMITS.buckets if bucket.name == "read")
    assert sent >= 0.8 * read.limit * minutes


def test_spec_rate_limits_come_from_the_spec_extension(monkeypatch: pytest.MonkeyPatch) -> None:
    class Document:
        contents: ClassVar[dict[str, Any]] = {"x-rate-limits": EXTENSION}

    monkeypatch.setattr(contracts.pacing, "didit_document", Document)
    assert spec_rate_limits() == LIMITS


def test_spec_rate_limits_refuse_a_spec_without_them(monkeypatch: pytest.MonkeyPatch) -> None:
    class Document:
        contents: ClassVar[dict[str, Any]] = {}

    monkeypatch.setattr(contracts.pacing, "didit_document", Document)
    with pytest.raises(LookupError, match="x-rate-limits"):
        spec_rate_limits()


def test_create_operations_are_spec_operations() -> None:
    created = session_creates()
    assert created
    assert created <= {operation.operation_id for operation in didit_document().operations}


def _url(base_url: str, path: str) -> str:
    concrete = "/".join(
        str(uuid.uuid4()) if part.startswith("{") else part for part in path.split("/")
    )
    return f"{base_url}{concrete}"


@pytest.mark.parametrize("base_url", ["https://didit.invalid", "http://127.0.0.1:8790/prefix"])
@pytest.mark.parametrize(
    "operation", didit_document().operations, ids=lambda operation: operation.operation_id
)
def test_operation_index_names_the_operation_of_a_url(base_url: str, operation: Any) -> None:
    index = OperationIndex(base_url)
    url = _url(base_url, operation.path)
    assert index.operation_id(operation.method, url) == operation.operation_id


def test_operation_index_names_no_operation_for_an_unknown_path() -> None:
    index = OperationIndex("https://didit.invalid")
    assert index.operation_id("GET", "https://didit.invalid/v3/nowhere/") is None
