"""The contract suite's case counts add up across xdist workers (contracts/counting.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from contracts import counting
from contracts.counting import (
    SCHEMATHESIS,
    Tally,
    deployment_notes,
    floor_shortfall,
    never_succeeded,
    run_shortfalls,
)


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


def _successes(**per_label: int) -> Tally:
    return Tally(Counter(), Counter({label.replace("_", " "): n for label, n in per_label.items()}))


def _two_workers() -> Tally:
    tally = Tally()
    tally.add(Tally.from_json(_successes(GET_a=3, POST_b=0).to_json()))
    tally.add(Tally.from_json(_successes(POST_b=1).to_json()))
    return tally


def test_never_succeeded_accepts_a_2xx_from_any_worker() -> None:
    assert never_succeeded(_two_workers(), ["GET a", "POST b"]) is None


def test_never_succeeded_names_the_operations_without_a_2xx() -> None:
    tally = _two_workers()
    tally.add(_successes(PATCH_d=0))  # counted, but never a 2xx
    assert never_succeeded(tally, ["GET a", "POST b", "DELETE c", "PATCH d"]) == (
        "didit contracts: no 2xx answer in the whole run for DELETE c, PATCH d"
    )


def test_run_shortfalls_judges_2xx_only_when_given_the_operations() -> None:
    tally = _worker(10_000, 0)
    assert run_shortfalls(tally, min_requests=10_000, profile="deep", operation_labels=None) == []


def test_run_shortfalls_reports_the_floor_and_the_missing_2xx() -> None:
    tally = _worker(9_999, 0)
    shortfalls = run_shortfalls(
        tally, min_requests=10_000, profile="deep", operation_labels=["GET a"]
    )
    assert [line.split(":")[1].split()[0] for line in shortfalls] == ["only", "no"]


def test_deployment_notes_say_what_was_not_reached_without_failing_the_run() -> None:
    tally = _worker(7_200, 0)  # a read-only deep run: below the floor, GETs only
    tally.add(_successes(GET_a=3))
    notes = deployment_notes(tally, min_requests=10_000, profile="deep", labels=["GET a", "POST b"])
    assert notes == [
        "didit contracts: no 2xx answer in the whole run for POST b",
        "didit contracts: the deep profile's floor (10000 requests) is checked on the emulator "
        "only",
    ]


def test_deployment_notes_of_a_profile_without_a_floor_name_only_the_missing_2xx() -> None:
    tally = _worker(100, 0)
    tally.add(_successes(GET_a=1))
    assert deployment_notes(tally, min_requests=0, profile="ci", labels=["GET a"]) == []


def _listed(**per_label: int) -> Tally:
    labels = Counter({label.replace("_", " "): n for label, n in per_label.items()})
    return Tally(Counter(), Counter(), labels)


def test_never_succeeded_leaves_out_the_listed_layers_2xx_on_the_emulator() -> None:
    # The guard is about the other layers still reaching the operation.
    tally = Tally.from_json(_listed(GET_a=5).to_json())
    assert never_succeeded(tally, ["GET a"]) == (
        "didit contracts: no 2xx answer in the whole run for GET a"
    )
    assert never_succeeded(tally, ["GET a"], with_listed=True) is None


def test_deployment_notes_count_the_listed_layers_2xx() -> None:
    tally = _worker(100, 0)
    tally.add(_listed(GET_a=2))
    assert deployment_notes(tally, min_requests=0, profile="ci", labels=["GET a"]) == []


def test_count_response_inside_the_listed_layer_counts_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(counting, "SUCCESSES", Counter())
    monkeypatch.setattr(counting, "LISTED_SUCCESSES", Counter())
    counting.count_response("GET a", 200)
    with counting.listed_layer():
        counting.count_response("GET a", 200)
        counting.count_response("GET a", 404)
    counting.count_response("GET a", 201)
    tally = counting.local_tally()
    assert (tally.successes["GET a"], tally.listed_successes["GET a"]) == (2, 1)
