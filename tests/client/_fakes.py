"""Stand-ins for time: a fake clock and a recorder that replaces sleeping.

Retries, token expiry and webhook freshness all depend on time; every test injects these instead
of waiting, so the suite never sleeps and its timings are exact.
"""

from __future__ import annotations


class FakeClock:
    """Unix time that moves only when told to (or when a recorded sleep "waits")."""

    def __init__(self, start: float = 1_753_630_666.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Sleeps:
    """Records the waits a retry transport asks for, and advances the clock by them."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(seconds)

    async def asleep(self, seconds: float) -> None:
        self(seconds)
