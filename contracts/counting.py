"""Counts what the suite sends, per layer and per operation, for the closing summary.

The summary says how many cases ran and, per operation, how many got a 2xx: an operation that
never succeeded was only probed at its edges, so the deep profile fails on the emulator when one
did not (`run_shortfalls`). Under pytest-xdist each worker counts its own cases; `Tally` carries
a worker's counts to the controller (through xdist's `workeroutput`), which adds them up before
the summary and before the profile's floor and 2xx guard are checked.

The listed-resources layer's 2xx answers are counted apart (`listed_layer`): that layer reads
what the target holds, and would meet the 2xx guard on its own for the operations it reads,
while the guard is there to see the other layers still reach them. Against a deployment, where
the guard only informs, they count too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CASES",
    "SCHEMATHESIS",
    "SUCCESSES",
    "Tally",
    "count_case",
    "count_response",
    "deployment_notes",
    "floor_shortfall",
    "listed_layer",
    "local_tally",
    "never_succeeded",
    "run_shortfalls",
]

SCHEMATHESIS = "schemathesis (conformance, stateful, workflows, listed resources)"

CASES: Counter[str] = Counter()
SUCCESSES: Counter[str] = Counter()
LISTED_SUCCESSES: Counter[str] = Counter()
# Whether the responses being counted are the listed-resources layer's (one test at a time runs
# in a process).
_listed = False


@contextmanager
def listed_layer() -> Iterator[None]:
    """While open, 2xx answers count as the listed-resources layer's (apart from the others)."""
    global _listed
    _listed = True
    try:
        yield
    finally:
        _listed = False


def count_case(layer: str) -> None:
    CASES[layer] += 1


def count_response(operation_label: str, status: int) -> None:
    if 200 <= status < 300:
        (LISTED_SUCCESSES if _listed else SUCCESSES)[operation_label] += 1


@dataclass
class Tally:
    """Cases per layer and 2xx answers per operation (the listed-resources layer's apart), from
    one process or summed over several."""

    cases: Counter[str] = field(default_factory=Counter)
    successes: Counter[str] = field(default_factory=Counter)
    listed_successes: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.cases.values())

    @property
    def schemathesis_requests(self) -> int:
        return self.cases[SCHEMATHESIS]

    def add(self, other: Tally) -> None:
        self.cases.update(other.cases)
        self.successes.update(other.successes)
        self.listed_successes.update(other.listed_successes)

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": dict(self.cases),
            "successes": dict(self.successes),
            "listed_successes": dict(self.listed_successes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tally:
        return cls(
            Counter(data["cases"]),
            Counter(data["successes"]),
            Counter(data.get("listed_successes", {})),
        )


def local_tally() -> Tally:
    """What this process counted."""
    return Tally(Counter(CASES), Counter(SUCCESSES), Counter(LISTED_SUCCESSES))


def floor_shortfall(tally: Tally, min_requests: int, profile: str) -> str | None:
    """Why a run that promised `min_requests` schemathesis requests falls short (None if not)."""
    sent = tally.schemathesis_requests
    if sent >= min_requests:
        return None
    return (
        f"didit contracts: only {sent} schemathesis requests, the {profile} profile "
        f"promises at least {min_requests}"
    )


def never_succeeded(tally: Tally, labels: list[str], *, with_listed: bool = False) -> str | None:
    """Which of the operations `labels` (`METHOD /path`) never got a 2xx in the run (None if
    every one did): a layer that stops reaching an operation leaves the run green otherwise.
    The listed-resources layer's 2xx answers count only `with_listed`."""
    missing = sorted(
        label
        for label in labels
        if not tally.successes[label] and not (with_listed and tally.listed_successes[label])
    )
    if not missing:
        return None
    return "didit contracts: no 2xx answer in the whole run for " + ", ".join(missing)


def run_shortfalls(
    tally: Tally, *, min_requests: int, profile: str, operation_labels: list[str] | None
) -> list[str]:
    """Why a whole run whose tests all passed still fails: too few requests for the profile's
    floor, or (when `operation_labels` is given) operations that never answered 2xx."""
    found = [floor_shortfall(tally, min_requests, profile)]
    if operation_labels is not None:
        found.append(never_succeeded(tally, operation_labels))
    return [shortfall for shortfall in found if shortfall is not None]


def deployment_notes(
    tally: Tally, *, min_requests: int, profile: str, labels: list[str]
) -> list[str]:
    """What the summary says of a run against a deployment, which fails on neither: it allows
    what it allows (read-only, its GET operations; writes within the create budget and its rate
    limits), so the floor and the 2xx guard are the emulator's. Which operations never answered
    2xx is still said."""
    notes = [note for note in [never_succeeded(tally, labels, with_listed=True)] if note]
    if min_requests:
        notes.append(
            f"didit contracts: the {profile} profile's floor ({min_requests} requests) is "
            "checked on the emulator only"
        )
    return notes
