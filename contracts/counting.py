"""Counts what the suite sends, per layer and per operation, for the closing summary.

The summary says how many cases ran and, per operation, how many got a 2xx: an operation that
never succeeded was only probed at its edges, which a reader of a green run should know.
"""

from __future__ import annotations

from collections import Counter

__all__ = ["CASES", "SCHEMATHESIS", "SUCCESSES", "count_case", "count_response", "total"]

SCHEMATHESIS = "schemathesis (conformance, stateful, workflows)"

CASES: Counter[str] = Counter()
SUCCESSES: Counter[str] = Counter()


def count_case(layer: str) -> None:
    CASES[layer] += 1


def count_response(operation_label: str, status: int) -> None:
    if 200 <= status < 300:
        SUCCESSES[operation_label] += 1


def total() -> int:
    return sum(CASES.values())
