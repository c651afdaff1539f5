"""The wait a response asks for (`retry-after-ms`, `Retry-After`), parsed strictly.

Its own module so that both the retry policy (`didit_toolkit.retry`, which re-exports it) and the
typed errors (`RateLimitedError.retry_after`) read a response's wait the same way, without the two
modules importing each other.

Strict, because a value read wrongly is a wait nobody asked for: delay-seconds are digits (with an
optional fraction, which some servers send), nothing else — no sign, exponent, underscore, hex or
trailing text; an HTTP-date is one of the three forms of RFC 9110, 5.6.7 (IMF-fixdate, and the
obsolete RFC 850 and asctime forms a recipient must accept), in GMT, with nothing after it.
Anything else is None: the caller backs off on its own schedule instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime

__all__ = ["retry_after_seconds"]

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH = "(?P<month>" + "|".join(_MONTHS) + ")"
_TIME = r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
_SHORT_DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_IMF_FIXDATE = re.compile(
    rf"{_SHORT_DAY}, (?P<day>[0-9]{{2}}) {_MONTH} (?P<year>[0-9]{{4}}) {_TIME} GMT"
)
_RFC850_DATE = re.compile(
    rf"{_LONG_DAY}, (?P<day>[0-9]{{2}})-{_MONTH}-(?P<year>[0-9]{{2}}) {_TIME} GMT"
)
_ASCTIME_DATE = re.compile(
    rf"{_SHORT_DAY} {_MONTH} (?P<day>[ 0-9][0-9]) {_TIME} (?P<year>[0-9]{{4}})"
)


def retry_after_seconds(headers: Mapping[str, str], *, now: float) -> float | None:
    """The wait a response asks for, in seconds, or None when it asks for none (or garbles it).

    `retry-after-ms` (milliseconds) wins over `Retry-After`, which is either delay-seconds or an
    HTTP-date (RFC 9110, 10.2.3); a date in the past means "now" (0). `now` is Unix time. Both are
    parsed strictly (see the module docstring); surrounding whitespace is ignored.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    milliseconds = _non_negative_number(lowered.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    value = lowered.get("retry-after")
    if value is None:
        return None
    seconds = _non_negative_number(value)
    if seconds is not None:
        return seconds
    when = _http_date(value.strip(), now)
    if when is None:
        return None
    return max(0.0, when - now)


def _non_negative_number(value: str | None) -> float | None:
    if value is None or not _NUMBER.fullmatch(value.strip()):
        return None
    number = float(value.strip())
    return number if math.isfinite(number) else None


def _http_date(value: str, now: float) -> float | None:
    """An HTTP-date as Unix time, or None when `value` is not exactly one."""
    for form in (_IMF_FIXDATE, _RFC850_DATE, _ASCTIME_DATE):
        found = form.fullmatch(value)
        if found is not None:
            break
    else:
        return None
    year = int(found["year"])
    if form is _RFC850_DATE:
        # RFC 9110, 5.6.7: a two-digit year more than 50 years ahead is the latest past one.
        try:
            this_year = datetime.fromtimestamp(now, UTC).year
        except (OverflowError, OSError, ValueError):  # a `now` no calendar holds
            return None
        year += this_year - this_year % 100
        if year > this_year + 50:
            year -= 100
    try:
        moment = datetime(
            year,
            _MONTHS.index(found["month"]) + 1,
            int(found["day"]),
            int(found["hour"]),
            int(found["minute"]),
            int(found["second"]),
            tzinfo=UTC,
        )
    except ValueError:  # 31 Feb, 25:00:00, second 60
        return None
    return moment.timestamp()
