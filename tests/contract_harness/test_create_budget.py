"""The contract suite's session-create budget (contracts/pacing.py `CreateBudget`).

A sandbox application may create 500 sessions a day; a run against a deployment creates at most
`DIDIT_CREATE_BUDGET`, counted in one file that every xdist worker of the run shares.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

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
