"""Sliding-window rate limits per API key and operation (004), on the emulator clock."""

from __future__ import annotations

import math
import threading
from collections import deque
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
        self._hits: dict[tuple[str, str], deque[float]] = {}

    @property
    def window_seconds(self) -> float:
        return self._config.window_seconds

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()

    def hit(self, identity: str, bucket: str) -> RateDecision:
        """Counts one request of `identity` against `bucket` (an operationId)."""
        limit = self._config.limit_for(bucket)
        window = self._config.window_seconds
        now = self._clock.now()
        with self._lock:
            hits = self._hits.setdefault((identity, bucket), deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if not self._config.enabled:
                return RateDecision(True, limit, limit, 0)
            if len(hits) >= limit:
                wait = max(1, math.ceil(hits[0] + window - now))
                return RateDecision(False, limit, 0, wait)
            hits.append(now)
            remaining = limit - len(hits)
            reset = 0 if remaining > 0 else max(1, math.ceil(hits[0] + window - now))
            return RateDecision(True, limit, remaining, reset)
