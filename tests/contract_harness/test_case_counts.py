"""The contract suite's case counts add up across xdist workers (contracts/counting.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from contracts.counting import SCHEMATHESIS, Tally, floor_shortfall


def _worker(requests: int, boundaries: int) -> Tally:
    counted = Tally(Counter({SCHEMATHESIS: requests, "boundaries": boundaries}), Counter())
    return Tally.from_json(counted.to_json())


def test_tally_sums_the_workers_counts() -> None:
    tally = Tally()
    tally.add(_worker(6_000, 30))
    tally.add(_worker(4_500, 22))
    assert tally.schemathesis_requests == 10_500
    assert tally.total == 10_552


@pytest.mark.parametrize(
    ("first", "second", "short"),
    [(6_000, 4_000, False), (6_000, 3_999, True), (0, 0, True)],
)
def test_floor_shortfall_judges_the_summed_count(first: int, second: int, short: bool) -> None:
    tally = Tally()
    tally.add(_worker(first, 0))
    tally.add(_worker(second, 0))
    shortfall = floor_shortfall(tally, 10_000, "deep")
    assert (shortfall is not None) == short
    if shortfall is not None:
        assert f"only {first + second} schemathesis requests" in shortfall
