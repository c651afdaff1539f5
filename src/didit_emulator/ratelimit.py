"""Sliding-window rate limits per API key, in the live service's buckets, on the emulator clock.

The buckets and their limits are openapi.yaml's `x-rate-limits` (Didit's published OpenAPI: 600
reads, 300 writes shared by every POST / PATCH / DELETE, 600 session creations counted instead
of writes, 50 PDF reports counted on top of reads, per key over 60 s). A request counts against
every bucket it falls in and is refused when any of them is full. The configuration can change a
bucket's limit (`[rate_limits.buckets]`) or give one operation a window of its own
(`[rate_limits.operations]`, a testing knob); an operation in no bucket gets `default`.

The limiter's memory is bounded: a key (identity and operation) whose window has emptied is
forgotten, and at most `RateLimitConfig.max_tracked_keys` keys are kept; beyond that the least
recently seen is forgotten first (its next request starts a fresh window). Keys are kept in the
order they were last seen, so forgetting costs O(1) per request, whatever the number of keys.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass

from didit_spec import didit_document

from .clock import Clock
from .config import RateLimitConfig

__all__ = ["RateDecision", "SlidingWindowRateLimiter"]


@dataclass(frozen=True)
class RateDecision:
    """The outcome of one request against its window, and the headers that describe it."""

    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int
    reset_at: int = 0  # UTC epoch seconds at which the window admits again (live semantics)

    @functools.cached_property
    def raw_headers(self) -> tuple[tuple[bytes, bytes], ...]:
        """`headers` as ASGI wants them: lower-case names, Latin-1 bytes."""
        return tuple(
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in self.headers().items()
        )

    def headers(self) -> dict[str, str]:
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_at),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset_seconds)
        return headers


class SlidingWindowRateLimiter:
    """Keeps, for each (identity, bucket), the times of the requests admitted in the last window.

    A request is admitted while fewer than the bucket's limit were admitted in the preceding
    `window_seconds`; refused requests do not count. `X-RateLimit-Reset` is when the window admits
    another request, in UTC epoch seconds (as the live service sends it), and `Retry-After` on a
    refusal the seconds until then.
    """

    def __init__(self, config: RateLimitConfig, clock: Clock) -> None:
        self._config = config
        self._clock = clock
        self._lock = threading.Lock()
        # (identity, bucket) -> times of admitted requests; least recently seen first.
        self._hits: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()
        self._buckets: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}
        # With the limits off, the one decision of each operation and method, made once.
        self._unlimited: dict[tuple[str, str], RateDecision] = {}

    @property
    def window_seconds(self) -> float:
        return self._config.window_seconds

    @property
    def tracked_keys(self) -> int:
        """How many (identity, bucket) windows are held."""
        with self._lock:
            return len(self._hits)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()

    def _forget_stale(self, now: float) -> None:
        """Forgets, from the least recently seen, keys whose window has emptied, then as many as
        the cap on keys requires (room for one more)."""
        horizon = now - self._config.window_seconds
        while self._hits:
            oldest = next(iter(self._hits.values()))
            if oldest and oldest[-1] > horizon:
                break
            self._hits.popitem(last=False)
        while len(self._hits) >= self._config.max_tracked_keys:
            self._hits.popitem(last=False)

    def buckets_for(self, operation_id: str, method: str) -> tuple[tuple[str, int], ...]:
        """The (bucket, limit) pairs a request of this operation and method counts against."""
        found = self._buckets.get((operation_id, method))
        if found is None:
            found = self._buckets[(operation_id, method)] = self._resolve(operation_id, method)
        return found

    def _resolve(self, operation_id: str, method: str) -> tuple[tuple[str, int], ...]:
        if operation_id in self._config.operations:
            return ((operation_id, self._config.operations[operation_id]),)
        spec = didit_document().contents.get("x-rate-limits", {}).get("buckets", {})
        named = [n for n, b in spec.items() if operation_id in b.get("operations", [])]
        replaces = any(spec[n].get("replaces") for n in named)
        by_method = (
            [] if replaces else [n for n, b in spec.items() if method in b.get("methods", [])]
        )
        names = [*named, *by_method]
        if not names:
            return ((operation_id, self._config.default),)
        return tuple((n, self._config.buckets.get(n, int(spec[n]["limit"]))) for n in names)

    def hit(self, identity: str, operation_id: str, method: str = "GET") -> RateDecision:
        """Counts one request of `identity` against every bucket of its operation and method;
        the decision is the refusing bucket's, or the one with the fewest requests left."""
        if not self._config.enabled:
            decision = self._unlimited.get((operation_id, method))
            if decision is None:
                limit = min(limit for _, limit in self.buckets_for(operation_id, method))
                decision = self._unlimited[(operation_id, method)] = RateDecision(
                    True, limit, limit, 0, 0
                )
            return decision
        buckets = self.buckets_for(operation_id, method)
        window = self._config.window_seconds
        now = self._clock.now()
        with self._lock:
            windows = [(self._window((identity, name), now), limit) for name, limit in buckets]
            for hits, limit in windows:
                if len(hits) >= limit:
                    wait = max(1, math.ceil(hits[0] + window - now))
                    return RateDecision(False, limit, 0, wait, math.ceil(hits[0] + window))
            decisions = []
            for hits, limit in windows:
                hits.append(now)
                remaining = limit - len(hits)
                reset = 0 if remaining > 0 else max(1, math.ceil(hits[0] + window - now))
                decisions.append(
                    RateDecision(True, limit, remaining, reset, math.ceil(hits[0] + window))
                )
            return min(decisions, key=lambda d: d.remaining)

    def _window(self, key: tuple[str, str], now: float) -> deque[float]:
        """The requests admitted in the last window for `key`, oldest first."""
        hits = self._hits.get(key)
        if hits is None:
            self._forget_stale(now)
            hits = self._hits[key] = deque()
        else:
            self._hits.move_to_end(key)
        while hits and hits[0] <= now - self._config.window_seconds:
            hits.popleft()
        return hits
