"""Fixtures of the contract suite: the target server, the profile, and the closing case count.

Runs alone or under pytest-xdist (`-n 2`). Each worker starts its own emulator (or paces its own
share of a deployment's rate limits); the controller starts nothing, hands the workers a run
directory (for the shared session-create budget), adds up their case counts and checks the deep
profile's floor on the sum. The controller never loads the spec, schemathesis or the emulator:
they are imported where a worker needs them, so the controller does not take CPU from the two
workers while they start.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import tomllib
from collections.abc import Generator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from contracts.counting import (
    Tally,
    count_case,
    deployment_notes,
    local_tally,
    run_shortfalls,
)
from contracts.generation import add_deferred_coverage_cases
from contracts.profiles import PROFILE, seed_override
from contracts.target import Deployment, current_target, deployment_from_env, set_current_target

if TYPE_CHECKING:
    from contracts.connections import RequestGuard
    from contracts.target import Control, Target

ROOT = Path(__file__).resolve().parents[1]

_RUN_DIR_KEY = "didit_contracts_run_dir"
_TALLY_KEY = "didit_contracts_tally"
_WHOLE_SUITE_KEY = "didit_contracts_whole_suite"
_CONFORMANCE_FILE = "contracts/test_conformance.py"


def _is_controller(config: pytest.Config) -> bool:
    """True in the xdist process that only schedules (it runs no test)."""
    # As pytest-xdist decides whether to distribute (xdist.plugin.pytest_configure): never when
    # only collecting (that process collects like a lone one), else with a mode and workers.
    if hasattr(config, "workerinput") or config.option.collectonly:
        return False
    dist = getattr(config.option, "dist", "no")
    return dist != "no" and bool(getattr(config.option, "tx", None))


class _Run:
    """This process' part of the run: its target, the run directory, the summed counts."""

    def __init__(self) -> None:
        self.stack = ExitStack()
        self.run_dir: Path | None = None
        self.owns_run_dir = False
        self.tally = Tally()
        self.whole_suite = False
        self.workers = 0
        # Why a run that passed its tests still fails (the floor, an operation never answered 2xx).
        self.shortfalls: list[str] = []
        # What the summary says of a run against a deployment (not a failure).
        self.notes: list[str] = []
        self.deselected = 0


_RUN = _Run()


def _seed() -> Any:
    """The run's generation seed: `DIDIT_CONTRACT_SEED`'s, else schemathesis.toml's (read
    without loading schemathesis)."""
    override = seed_override()
    if override is not None:
        return override
    with (ROOT / "schemathesis.toml").open("rb") as handle:
        return tomllib.load(handle).get("seed")


def pytest_report_header(config: pytest.Config) -> list[str]:
    deployment = deployment_from_env()
    where = deployment.base_url if deployment else "a local emulator on a free port"
    lines = [
        f"didit contracts: profile={PROFILE.name} seed={_seed()} target={where}",
        "reproduce a failure with the curl command it prints, or re-run with the same profile "
        "(generation is seeded, but for what schemathesis picks with true randomness: whether "
        "a value comes from the spec's examples, whether a stateful step uses its link's values)",
    ]
    if deployment is not None:
        pacing = "paced under its rate limits" if deployment.paced else "not paced (DIDIT_PACING)"
        writes = (
            f"writes allowed, at most {deployment.create_budget} session creates"
            if deployment.allow_writes
            else "read-only"
        )
        lines.append(f"didit contracts: the deployment is {pacing}; {writes}")
    return lines


def _guard(deployment: Deployment, run_dir: Path, workers: int) -> RequestGuard | None:
    from contracts.connections import RequestGuard
    from contracts.pacing import (
        CreateBudget,
        OperationIndex,
        Pacer,
        spec_rate_limits,
    )
    from didit_contract.stateful_support import session_creates

    pacer = None
    if deployment.paced:
        pacer = Pacer(spec_rate_limits(), share=1 / max(1, workers))
    budget = None
    if deployment.allow_writes:
        budget = CreateBudget(run_dir / "session-creates", deployment.create_budget)
    if pacer is None and budget is None:
        return None
    return RequestGuard(pacer, budget, session_creates(), OperationIndex(deployment.base_url))


def _target(deployment: Deployment, run_dir: Path, workers: int) -> Target:
    from contracts.connections import Connections

    connections = Connections(deployment.base_url, _guard(deployment, run_dir, workers))
    _RUN.stack.callback(connections.close)
    return deployment.target(connections)


def pytest_configure(config: pytest.Config) -> None:
    workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
    if workerinput is not None:
        _RUN.run_dir = Path(workerinput[_RUN_DIR_KEY])
        workers = int(workerinput["workercount"])
    else:
        _RUN.run_dir = Path(tempfile.mkdtemp(prefix="didit-contracts-"))
        _RUN.owns_run_dir = True
        workers = 1
    if _is_controller(config):
        # pytest-xdist's `load` scheduling hands a worker whole runs of consecutive items once its
        # queue runs low, which can leave one worker with several long items while the other has
        # finished; one at a time (unless asked otherwise), the longest-first order balances.
        if config.option.maxschedchunk is None:
            config.option.maxschedchunk = 1
        return
    # Where the tests run, they run on a stack that deep draws do not map and unmap (unless
    # `-p contracts.reserved_stack` already registered it).
    import contracts.reserved_stack

    if not config.pluginmanager.is_registered(contracts.reserved_stack):
        config.pluginmanager.register(contracts.reserved_stack, "didit-reserved-stack")
    # The target is resolved before collection: schemathesis builds the spec's example cases,
    # credentials included, while collecting.
    deployment = deployment_from_env()
    if deployment is not None:
        target = _target(deployment, _RUN.run_dir, workers)
    else:
        from contracts.emulator_target import emulator_target

        target = _RUN.stack.enter_context(emulator_target())
    set_current_target(target)
    # Each operation's coverage-phase cases are built as its test starts (`pytest_runtest_call`),
    # by the process that runs it, not by every worker while collecting (contracts/generation.py).
    from contracts.generation import defer_coverage_cases
    from contracts.schema import SCHEMA

    defer_coverage_cases(SCHEMA)
    # ignored_auth's probes over the target's connections too (in-process, or pooled and paced).
    from contracts.connections import sessionless_requests_through

    _RUN.stack.enter_context(
        sessionless_requests_through(target.connections.probes, target.base_url)
    )


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """(xdist controller) Every worker shares the run directory."""
    node.workerinput[_RUN_DIR_KEY] = str(_RUN.run_dir)


def pytest_unconfigure(config: pytest.Config) -> None:
    set_current_target(None)
    _RUN.stack.close()
    if _RUN.owns_run_dir and _RUN.run_dir is not None:
        shutil.rmtree(_RUN.run_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def target() -> Target:
    return current_target()


@pytest.fixture
def control(target: Target) -> Control:
    if target.control is None:
        pytest.skip(
            "needs the emulator's control surface (/_emulator/); the target is not an emulator"
        )
    return target.control


@pytest.fixture
def writable(target: Target) -> Target:
    if not target.allow_writes:
        pytest.skip("writes to this deployment are off; set DIDIT_ALLOW_WRITES=1 to allow them")
    return target


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """A boundary test is a case once it has run (passed or failed), not when it was skipped."""
    if report.when == "call" and report.nodeid.startswith("contracts/test_boundaries.py::"):
        count_case("boundaries")


# The order items are handed to xdist workers in: the longest first, so that no worker is left
# running a long item alone at the end (see `pytest_configure` for how they are dealt).
_LONGEST_FIRST = (
    _CONFORMANCE_FILE,
    "contracts/test_stateful.py",
    "contracts/test_client_properties.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return _LONGEST_FIRST.index(path) if path in _LONGEST_FIRST else len(_LONGEST_FIRST)

    items.sort(key=rank)


# Python's cyclic garbage collector walks every tracked object each time the heap has grown by a
# quarter: the parsed spec, schemathesis' compiled schema, the collected tests and everything each
# finished test leaves alive. Hypothesis allocates heavily, so those full collections were about a
# tenth of a worker's time (issue 13). What exists once collection is done, and what a finished
# test item leaves behind once its garbage is collected, lives until the end of the run: it is
# moved out of the collector's sight (`gc.freeze`), so later collections only walk what the
# running test made. Measured on the conformance layer: the collector's time 12.1 s -> 8.3 s, the
# peak memory unchanged.
def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    # The operation's coverage-phase cases, deferred from collection (contracts/generation.py):
    # built here, by the one process that runs the test, before Hypothesis reads them.
    add_deferred_coverage_cases(getattr(item, "obj", None))


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> Generator[None, object, object]:
    """Against a deployment with a create budget: a Hypothesis test whose cases were all refused
    for want of budget is skipped (`CreateBudget.skip_when_the_budget_ran_out`)."""
    guard = current_target().connections.guard
    if guard is None or guard.budget is None:
        return (yield)
    with guard.budget.skip_when_the_budget_ran_out():
        return (yield)


def _redact_report(report: pytest.TestReport) -> None:
    if report.failed and report.longrepr is not None:
        from contracts.reporting import redact_report_text

        report.longrepr = redact_report_text(str(report.longrepr))
        report.sections = [(title, redact_report_text(text)) for title, text in report.sections]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failure's report with the tokens and URLs of the payloads it quotes redacted
    (`redact_report_text`), before the JUnit XML and xdist's controller see it."""
    report = yield
    _redact_report(report)
    return report


@pytest.hookimpl(trylast=True)
def pytest_exception_interact(
    node: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport
) -> None:
    """Again after schemathesis' plugin, which writes a failure's text anew at this point (the
    text the terminal shows)."""
    _redact_report(report)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    gc.collect()
    gc.freeze()


# Every layer of the suite: a run is whole (and judged by the profile's floor and 2xx guard) only
# when each of them was collected and nothing was left out by -k, -m or --deselect.
_SUITE_FILES = frozenset(path.name for path in Path(__file__).parent.glob("test_*.py"))


def pytest_deselected(items: list[pytest.Item]) -> None:
    _RUN.deselected += len(items)


def _selects_whole_suite(session: pytest.Session) -> bool:
    option = session.config.option
    # A run that only collects runs no case: there is nothing to judge.
    if option.collectonly or option.keyword or option.markexpr or _RUN.deselected:
        return False
    collected = {item.nodeid.split("::")[0].rsplit("/", 1)[-1] for item in session.items}
    return collected >= _SUITE_FILES


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """(xdist controller) Add a finished worker's counts to the run's."""
    output = getattr(node, "workeroutput", {})
    if _TALLY_KEY in output:
        _RUN.tally.add(Tally.from_json(output[_TALLY_KEY]))
        _RUN.whole_suite = _RUN.whole_suite or bool(output[_WHOLE_SUITE_KEY])
        _RUN.workers += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    tally = _RUN.tally
    layers = ", ".join(f"{layer}: {count}" for layer, count in sorted(tally.cases.items()))
    across = f", summed over {_RUN.workers} workers" if _RUN.workers else ""
    terminalreporter.write_line(
        f"didit contracts: {tally.total} cases run "
        f"(profile {PROFILE.name}, seed {_seed()}{across}; {layers})"
    )
    for label in sorted(tally.successes.keys() | tally.listed_successes.keys()):
        listed = tally.listed_successes[label]
        apart = f" (and {listed} reading listed resources)" if listed else ""
        terminalreporter.write_line(
            f"  {label}: {tally.successes[label]} successful responses{apart}"
        )
    for shortfall in _RUN.shortfalls:
        terminalreporter.write_line(shortfall, red=True)
    for note in _RUN.notes:
        terminalreporter.write_line(note, yellow=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    workeroutput: dict[str, Any] | None = getattr(config, "workeroutput", None)
    if workeroutput is not None:
        # A worker reports to the controller, which checks the floor on the sum.
        workeroutput[_TALLY_KEY] = local_tally().to_json()
        workeroutput[_WHOLE_SUITE_KEY] = _selects_whole_suite(session)
        return
    if not _is_controller(config):
        _RUN.tally = local_tally()
        _RUN.whole_suite = _selects_whole_suite(session)
    if exitstatus != 0 or not _RUN.whole_suite:
        return
    from didit_spec import operations

    every_label = [operation.label for operation in operations()]
    if deployment_from_env() is not None:
        _RUN.notes = deployment_notes(
            _RUN.tally, min_requests=PROFILE.min_requests, profile=PROFILE.name, labels=every_label
        )
        return
    # On the suite's own emulator every operation can succeed; the deep profile's run is long
    # enough that each one does (the ci profile's stateful runs are too few to promise it).
    labels = every_label if PROFILE.every_operation_succeeds else None
    # Printed with the summary (pytest_terminal_summary comes after this hook).
    _RUN.shortfalls = run_shortfalls(
        _RUN.tally, min_requests=PROFILE.min_requests, profile=PROFILE.name, operation_labels=labels
    )
    if _RUN.shortfalls:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
