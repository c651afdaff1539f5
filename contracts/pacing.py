"""Keeps a contract run under a deployment's published rate limits, and within a create budget.

A run against Didit must never be the cause of a 429 (issue 9): that would fail the run for the
service's policy, not for a contract, and spend the application's quota. Every request the suite
sends to a deployment — schemathesis' calls and the harness' own httpx calls alike — passes
through one `Pacer`, which holds a token bucket per rate-limit bucket of the spec and waits (on an
injectable clock, so tests never sleep) until every bucket the request counts against has a token.

The limits are openapi.yaml's `x-rate-limits` (the live service's, from Didit's published
OpenAPI). Each bucket is paced to `HEADROOM` of its limit, and under pytest-xdist every worker
paces to its share, so the whole run stays under the limit in any window whatever the server's
counting scheme (fixed or sliding window, token bucket).

A sandbox application may create 500 sessions a day, so creates are also counted against
`DIDIT_CREATE_BUDGET` (`CreateBudget`): a create is reserved before it is sent, kept when the
server created a session and given back otherwise, in a file all xdist workers of the run share
under a lock. Once the budget is spent, whatever would create another session is skipped, saying
so.
"""

from __future__ import annotations

import fcntl
import math
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import pytest
from hypothesis import currently_in_test_context, reject
from hypothesis.errors import FailedHealthCheck, Unsatisfiable

from didit_spec import didit_document

__all__ = [
    "HEADROOM",
    "Bucket",
    "Clock",
    "CreateBudget",
    "OperationIndex",
    "Pacer",
    "RateLimits",
    "SystemClock",
    "TokenBucket",
    "spec_rate_limits",
]

# The share of each published limit the suite allows itself: the rest is margin for clock skew
# between us and the server and for anything else using the same key meanwhile.
HEADROOM = 0.9
# The part of a bucket's allowance that may go out at once; the rest is spread over the window.
BURST_SHARE = 0.1


@dataclass(frozen=True)
class Bucket:
    """One limit: how many requests per window, and which requests count against it."""

    name: str
    limit: int
    methods: frozenset[str]
    operations: frozenset[str]
    replaces: bool


@dataclass(frozen=True)
class RateLimits:
    """The limits of a deployment, as `x-rate-limits` states them."""

    window_seconds: float
    buckets: tuple[Bucket, ...]

    @classmethod
    def from_extension(cls, extension: Mapping[str, Any]) -> RateLimits:
        buckets = tuple(
            Bucket(
                name=name,
                limit=int(raw["limit"]),
                methods=frozenset(method.upper() for method in raw.get("methods", ())),
                operations=frozenset(raw.get("operations", ())),
                replaces=bool(raw.get("replaces", False)),
            )
            for name, raw in extension["buckets"].items()
        )
        return cls(float(extension["window_seconds"]), buckets)

    def buckets_for(self, method: str, operation_id: str | None) -> tuple[Bucket, ...]:
        """Every bucket a request counts against (`x-rate-limits`' matching rule).

        An operation a `replaces` bucket names counts there instead of in its method's buckets;
        any other request counts in its method's buckets and in the buckets naming its
        operation. A request to no known operation counts by its method alone.
        """
        by_operation = [b for b in self.buckets if operation_id in b.operations]
        if any(bucket.replaces for bucket in by_operation):
            return tuple(by_operation)
        by_method = [b for b in self.buckets if method.upper() in b.methods]
        return tuple(by_method + [b for b in by_operation if b not in by_method])


def spec_rate_limits() -> RateLimits:
    """openapi.yaml's `x-rate-limits` (the live service's limits, from Didit's published
    OpenAPI)."""
    extension = didit_document().contents.get("x-rate-limits")
    if extension is None:
        raise LookupError("openapi.yaml states no x-rate-limits: the suite cannot pace itself")
    return RateLimits.from_extension(extension)


class Clock(Protocol):
    """Where the pacer reads the time and how it waits (a fake one in tests)."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class TokenBucket:
    """At most `capacity + rate * t` takes in any span of `t` seconds.

    Starts full; `rate` tokens a second flow back, up to `capacity`.
    """

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self._tokens = capacity
        self._updated = now

    @classmethod
    def within(cls, allowance: float, window_seconds: float, now: float) -> TokenBucket:
        """A bucket that admits at most `allowance` requests in any `window_seconds`."""
        capacity = max(1.0, math.floor(allowance * BURST_SHARE))
        rate = max(allowance - capacity, 0.0) / window_seconds
        if rate <= 0:
            raise ValueError(f"an allowance of {allowance} per window leaves nothing to pace")
        return cls(capacity, rate, now)

    def _refill(self, now: float) -> None:
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)
        self._updated = max(self._updated, now)

    def wait_seconds(self, now: float) -> float:
        """How long until a token is there (0 when one is)."""
        self._refill(now)
        missing = 1.0 - self._tokens
        return 0.0 if missing <= 1e-9 else missing / self.rate

    def take(self, now: float) -> None:
        self._refill(now)
        self._tokens -= 1.0


class OperationIndex:
    """Which operation of the spec a request URL names, by the spec's path templates."""

    def __init__(self, base_url: str) -> None:
        self._prefix = urlsplit(base_url).path.rstrip("/")
        self._templates: list[tuple[str, re.Pattern[str], str]] = []
        for operation in didit_document().operations:
            parts = re.split(r"(\{[^}/]+\})", operation.path.rstrip("/"))
            body = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
            pattern = re.compile(f"{body}/?")
            self._templates.append((operation.method.upper(), pattern, operation.operation_id))
        # A literal segment names an operation before a parameter could (`import-shared/` is
        # not a session id).
        self._templates.sort(key=lambda template: template[1].pattern.count("[^/]+"))

    def operation_id(self, method: str, url: str) -> str | None:
        path = urlsplit(url).path
        if self._prefix and path.startswith(self._prefix):
            path = path[len(self._prefix) :]
        for template_method, pattern, operation_id in self._templates:
            if template_method == method.upper() and pattern.fullmatch(path):
                return operation_id
        return None


class Pacer:
    """Waits before each request until every bucket it counts against admits it.

    Shared by everything the suite sends to one target (thread-safe). `share` is this process's
    part of each limit (1 / the number of xdist workers).
    """

    def __init__(
        self,
        limits: RateLimits,
        *,
        clock: Clock | None = None,
        share: float = 1.0,
        headroom: float = HEADROOM,
    ) -> None:
        self.limits = limits
        self._clock = clock or SystemClock()
        now = self._clock.monotonic()
        self._buckets = {
            bucket.name: TokenBucket.within(
                bucket.limit * headroom * share, limits.window_seconds, now
            )
            for bucket in limits.buckets
        }
        self._lock = threading.Lock()
        self.waited_seconds = 0.0

    def acquire(self, method: str, operation_id: str | None) -> None:
        """Returns when a request to `operation_id` (None: no known operation) may go out,
        having counted it."""
        matched = self.limits.buckets_for(method, operation_id)
        buckets = [self._buckets[bucket.name] for bucket in matched]
        with self._lock:
            while True:
                now = self._clock.monotonic()
                wait = max((bucket.wait_seconds(now) for bucket in buckets), default=0.0)
                if wait <= 0:
                    for bucket in buckets:
                        bucket.take(now)
                    return
                self.waited_seconds += wait
                self._clock.sleep(wait)


class CreateBudget:
    """How many sessions the run may still create, in a file every xdist worker shares.

    `reserve()` before sending a create, then `settle(created)` once the answer is in: a create
    the server refused gives its reservation back.
    """

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit

    @contextmanager
    def _locked(self) -> Iterator[Any]:
        with self.path.open("a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield handle
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @staticmethod
    def _read(handle: Any) -> int:
        handle.seek(0)
        text = handle.read().strip()
        return int(text) if text else 0

    @staticmethod
    def _write(handle: Any, value: int) -> None:
        handle.seek(0)
        handle.truncate()
        handle.write(str(value))
        handle.flush()
        os.fsync(handle.fileno())

    def used(self) -> int:
        with self._locked() as handle:
            return self._read(handle)

    @property
    def spent_message(self) -> str:
        return (
            f"the session-create budget is spent: DIDIT_CREATE_BUDGET={self.limit} sessions "
            "were created on this deployment in this run; raise it to run the tests that create"
        )

    def spent(self) -> bool:
        return self.used() >= self.limit

    def reserve(self) -> None:
        """Count one create. When the budget is spent, a plain test is skipped; inside a
        Hypothesis test the case is rejected instead (`hypothesis.reject`): a skip raised there
        ends the whole test as skipped, even while Hypothesis replays a failure it has found,
        which would hide it. (A Hypothesis test none of whose cases could run is skipped after
        the fact: `skip_when_the_budget_ran_out`.)"""
        with self._locked() as handle:
            used = self._read(handle)
            if used < self.limit:
                self._write(handle, used + 1)
                return
        if currently_in_test_context():
            reject()
        pytest.skip(self.spent_message)

    @contextmanager
    def skip_when_the_budget_ran_out(self) -> Iterator[None]:
        """Around a test: a Hypothesis test that found no case it could run (`Unsatisfiable`, or
        the health check on rejected cases) once the budget is spent is skipped. It found no
        failure either: a failing case is not a rejected one."""
        try:
            yield
        except (Unsatisfiable, FailedHealthCheck):
            if not self.spent():
                raise
            pytest.skip(self.spent_message)

    def record_created(self) -> None:
        """Count a session created by a request that did not reserve one (see
        `RequestGuard.holds_creates`), past the limit if need be: later creates then skip."""
        with self._locked() as handle:
            self._write(handle, self._read(handle) + 1)

    def settle(self, created: bool) -> None:
        if created:
            return
        with self._locked() as handle:
            self._write(handle, max(0, self._read(handle) - 1))
