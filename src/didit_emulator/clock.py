"""The emulator's clock: real time plus an offset that only moves forward.

Token expiry, session expiry and the rate-limit windows all read this clock, so a test advances it
(`POST /_emulator/clock/advance`, or `Clock.advance`) instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["LATEST", "MAX_AHEAD_SECONDS", "Clock", "isoformat"]


class Clock:
    """An advanceable clock.

    `start` (Unix seconds) makes the clock begin at that instant; `frozen` stops it from following
    real time, so it moves only when advanced. `reset()` restores the initial state.
    """

    def __init__(
        self,
        start: float | None = None,
        *,
        frozen: bool = False,
        time_source: Callable[[], float] = time.time,
    ) -> None:
        self._source = time_source
        self._start = start
        self._frozen = frozen
        self._lock = threading.Lock()
        self._origin = 0.0
        self._offset = 0.0
        self.reset()

    def reset(self) -> None:
        with self._lock:
            real = self._source()
            self._origin = real if self._start is None else self._start
            self._offset = 0.0
            self._real_at_origin = real

    def now(self) -> float:
        """Unix time in seconds, as the emulator sees it."""
        with self._lock:
            elapsed = 0.0 if self._frozen else self._source() - self._real_at_origin
            return self._origin + elapsed + self._offset

    def now_datetime(self) -> datetime:
        return datetime.fromtimestamp(self.now(), UTC)

    @property
    def offset_seconds(self) -> float:
        """How far the clock has been advanced."""
        with self._lock:
            return self._offset

    def advance(self, seconds: float) -> float:
        """Moves the clock forward; returns the new time. Refuses to go past `LATEST`."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            elapsed = 0.0 if self._frozen else self._source() - self._real_at_origin
            if self._origin + elapsed + self._offset + seconds > LATEST:
                raise ValueError(
                    f"seconds: would move the clock past {isoformat(LATEST)}, the latest it goes "
                    "(what the emulator dates ahead of it must still fall within year 9999)"
                )
            self._offset += seconds
        return self.now()


# The furthest ahead of its clock the emulator dates anything: a document's expiry date is five
# years on, and a session's or a client token's expiry is configurable up to this (config.py).
MAX_AHEAD_SECONDS = 100 * 365 * 24 * 3600
# The latest the clock goes: far enough before the last instant an RFC 3339 timestamp can write
# (the end of year 9999) that every time dated ahead of it can still be written.
LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp() - MAX_AHEAD_SECONDS


def isoformat(timestamp: float) -> str:
    """RFC 3339 in UTC with a `Z`, as Didit writes `created_at`."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")
