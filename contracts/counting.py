"""Counts the requests the suite sends, per layer, for the closing summary."""

from __future__ import annotations

from collections import Counter

__all__ = ["CASES", "count_case", "total"]

CASES: Counter[str] = Counter()


def count_case(layer: str) -> None:
    CASES[layer] += 1


def total() -> int:
    return sum(CASES.values())
