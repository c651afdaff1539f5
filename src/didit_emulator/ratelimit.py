"""Sliding-window rate limits per API key and operation (004), on the emulator clock.

The limiter's memory is bounded: a key (identity and operation) whose window has emptied is
forgotten, and at most `RateLimitConfig.max_tracked_keys` keys are kept; beyond that the least
recently seen is forgotten first (its next request starts a fresh window). Keys are kept in the
order they were last seen, so forgetting costs O(1) per request, whatever the number of keys.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass

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

    def headers(self) -> dict[str, str]:
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_seconds),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset_seconds)
        return headers


class SlidingWindowRateLimiter:
    """Keeps, for each (identity, bucket), the times of the requests admitted in the last window.

    A request is admitted while fewer than the bucket's limit were admitted in the preceding
    `window_seconds`; refused requests do not count. `X-RateLimit-Reset` is the number of seconds
    until the window admits another request (0 while it still does).
    """

    def __init__(self, config: RateLimitConfig, clock: Clock) -> None:
        self._config = config
        self._clock = clock
        self._lock = threading.Lock()
        # (identity, bucket) -> times of admitted requests; least recently seen first.
        self._hits: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()

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

    def hit(self, identity: str, bucket: str) -> RateDecision:
        """Counts one request of `identity` against `bucket` (an operationId)."""
        limit = self._config.limit_for(bucket)
        if not self._config.enabled:
            return RateDecision(True, limit, limit, 0)
        window = self._config.window_seconds
        now = self._clock.now()
        key = (identity, bucket)
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                self._forget_stale(now)
                hits = self._hits[key] = deque()
            else:
                self._hits.move_to_end(key)
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                wait = max(1, math.ceil(hits[0] + window - now))
                return RateDecision(False, limit, 0, wait)
            hits.append(now)
            remaining = limit - len(hits)
            reset = 0 if remaining > 0 else max(1, math.ceil(hits[0] + window - now))
            return RateDecision(True, limit, remaining, reset)
