"""A clock for the pacing tests: time passes only when the code under test sleeps."""

from __future__ import annotations

__all__ = ["FakeClock"]


class FakeClock:
    """Time that passes only when the pacer sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
