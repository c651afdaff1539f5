"""The contract suite's session-create budget (contracts/pacing.py `CreateBudget`).

A sandbox application may create 500 sessions a day; a run against a deployment creates at most
`DIDIT_CREATE_BUDGET`, counted in one file that every xdist worker of the run shares.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, Unsatisfiable

from contracts.pacing import CreateBudget


def _reserve_all(path: str, limit: int, attempts: int, granted: multiprocessing.Queue[int]) -> None:
    budget = CreateBudget(Path(path), limit)
    count = 0
    for _ in range(attempts):
        try:
            budget.reserve()
        except pytest.skip.Exception:
            continue
        count += 1
    granted.put(count)


def test_create_budget_grants_up_to_its_limit(tmp_path: Path) -> None:
    budget = CreateBudget(tmp_path / "creates", 2)
    budget.reserve()
    budget.reserve()
    assert budget.used() == 2


def test_create_budget_skips_once_spent_saying_why(tmp_path: Path) -> None:
    budget = CreateBudget(tmp_path / "creates", 1)
    budget.reserve()
    with pytest.raises(pytest.skip.Exception, match="DIDIT_CREATE_BUDGET=1"):
        budget.reserve()


def test_create_budget_gives_back_a_refused_create(tmp_path: Path) -> None:
    budget = CreateBudget(tmp_path / "creates", 1)
    budget.reserve()
    budget.settle(created=False)
    assert budget.used() == 0


def test_create_budget_keeps_a_created_session(tmp_path: Path) -> None:
    budget = CreateBudget(tmp_path / "creates", 1)
    budget.reserve()
    budget.settle(created=True)
    assert budget.used() == 1


def test_create_budget_is_shared_by_processes(tmp_path: Path) -> None:
    path, limit, attempts = str(tmp_path / "creates"), 50, 40
    context = multiprocessing.get_context("fork")
    granted: multiprocessing.Queue[int] = context.Queue()
    workers = [
        context.Process(target=_reserve_all, args=(path, limit, attempts, granted))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    counts = [granted.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert sum(counts) == limit
    assert CreateBudget(Path(path), limit).used() == limit


def _failing_create_test(budget: CreateBudget) -> Callable[[], None]:
    """A property test whose every case creates a session and then fails its check."""

    @settings(database=None, max_examples=20, derandomize=True)
    @given(st.integers())
    def test_create_response_conforms(n: int) -> None:
        budget.reserve()  # as RequestGuard.before does for each create sent to a deployment
        raise AssertionError("the response violates the spec")

    return test_create_response_conforms


def test_create_budget_spent_while_hypothesis_replays_a_failure_never_hides_it(
    tmp_path: Path,
) -> None:
    budget = CreateBudget(tmp_path / "creates", 1)  # the replays find it spent
    raised: BaseException | None = None
    try:
        with budget.skip_when_the_budget_ran_out():
            _failing_create_test(budget)()
    except BaseException as error:  # whatever it is, it must not be a skip
        raised = error
    assert raised is not None
    assert not isinstance(raised, pytest.skip.Exception)
    shown = repr(raised) + "".join(repr(e) for e in getattr(raised, "exceptions", ()))
    assert "the response violates the spec" in shown


def test_create_budget_spent_before_a_hypothesis_test_skips_it(tmp_path: Path) -> None:
    budget = CreateBudget(tmp_path / "creates", 0)
    skip = pytest.raises(pytest.skip.Exception, match="DIDIT_CREATE_BUDGET=0")
    with skip, budget.skip_when_the_budget_ran_out():
        _failing_create_test(budget)()


def test_create_budget_not_spent_leaves_an_unsatisfiable_test_an_error(tmp_path: Path) -> None:
    budget = CreateBudget(tmp_path / "creates", 5)

    @settings(database=None, max_examples=5, derandomize=True)
    @given(st.integers())
    def test_never_satisfied(n: int) -> None:
        assume(False)

    with pytest.raises((Unsatisfiable, FailedHealthCheck)), budget.skip_when_the_budget_ran_out():
        test_never_satisfied()
