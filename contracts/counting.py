"""Counts what the suite sends, per layer and per operation, for the closing summary.

The summary says how many cases ran and, per operation, how many got a 2xx: an operation that
never succeeded was only probed at its edges, so the deep profile fails on the emulator when one
did not (`run_shortfalls`). Under pytest-xdist each worker counts its own cases; `Tally` carries
a worker's counts to the controller (through xdist's `workeroutput`), which adds them up before
the summary and before the profile's floor and 2xx guard are checked.
"""

from __future__ import annotations

from collections import Counter
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
    "local_tally",
    "never_succeeded",
    "run_shortfalls",
]

SCHEMATHESIS = "schemathesis (conformance, stateful, workflows, listed resources)"

CASES: Counter[str] = Counter()
SUCCESSES: Counter[str] = Counter()


def count_case(layer: str) -> None:
    CASES[layer] += 1


def count_response(operation_label: str, status: int) -> None:
    if 200 <= status < 300:
        SUCCESSES[operation_label] += 1


@dataclass
class Tally:
    """Cases per layer and 2xx answers per operation, from one process or summed over several."""

    cases: Counter[str] = field(default_factory=Counter)
    successes: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.cases.values())

    @property
    def schemathesis_requests(self) -> int:
        return self.cases[SCHEMATHESIS]

    def add(self, other: Tally) -> None:
        self.cases.update(other.cases)
        self.successes.update(other.successes)

    def to_json(self) -> dict[str, Any]:
        return {"cases": dict(self.cases), "successes": dict(self.successes)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tally:
        return cls(Counter(data["cases"]), Counter(data["successes"]))


def local_tally() -> Tally:
    """What this process counted."""
    return Tally(Counter(CASES), Counter(SUCCESSES))


def floor_shortfall(tally: Tally, min_requests: int, profile: str) -> str | None:
    """Why a run that promised `min_requests` schemathesis requests falls short (None if not)."""
    sent = tally.schemathesis_requests
    if sent >= min_requests:
        return None
    return (
        f"didit contracts: only {sent} schemathesis requests, the {profile} profile "
        f"promises at least {min_requests}"
    )


def never_succeeded(tally: Tally, labels: list[str]) -> str | None:
    """Which of the operations `labels` (`METHOD /path`) never got a 2xx in the run (None if
    every one did): a layer that stops reaching an operation leaves the run green otherwise."""
    missing = sorted(label for label in labels if not tally.successes[label])
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
    notes = [note for note in [never_succeeded(tally, labels)] if note is not None]
    if min_requests:
        notes.append(
            f"didit contracts: the {profile} profile's floor ({min_requests} requests) is "
            "checked on the emulator only"
        )
    return notes
