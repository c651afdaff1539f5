"""Fixtures of the contract suite: the target server, the profile, and the closing case count."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from contracts.counting import CASES, SCHEMATHESIS, SUCCESSES, count_case, total
from contracts.emulator_target import emulator_target
from contracts.profiles import PROFILE
from contracts.schema import SCHEMA
from contracts.target import Target, current_target, remote_target_from_env, set_current_target


def pytest_report_header(config: pytest.Config) -> list[str]:
    remote = remote_target_from_env()
    where = remote.base_url if remote else "a local emulator on a free port"
    return [
        f"didit contracts: profile={PROFILE.name} seed={SCHEMA.config.seed} target={where}",
        "reproduce a failure with the curl command it prints, or re-run with the same profile "
        "(all generation is seeded)",
    ]


_EMULATOR = ExitStack()


def pytest_configure(config: pytest.Config) -> None:
    # The target is resolved before collection: schemathesis builds the spec's example cases,
    # credentials included, while collecting.
    target = remote_target_from_env() or _EMULATOR.enter_context(emulator_target())
    set_current_target(target)


def pytest_unconfigure(config: pytest.Config) -> None:
    set_current_target(None)
    _EMULATOR.close()


@pytest.fixture(scope="session")
def target() -> Target:
    return current_target()


@pytest.fixture
def control(target: Target):  # type: ignore[no-untyped-def]
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


@pytest.fixture(autouse=True)
def _count_explicit_tests(request: pytest.FixtureRequest) -> None:
    if request.node.module.__name__.endswith("test_boundaries"):
        count_case("boundaries")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    layers = ", ".join(f"{layer}: {count}" for layer, count in sorted(CASES.items()))
    terminalreporter.write_line(
        f"didit contracts: {total()} cases run "
        f"(profile {PROFILE.name}, seed {SCHEMA.config.seed}; {layers})"
    )
    for label, count in sorted(SUCCESSES.items()):
        terminalreporter.write_line(f"  {label}: {count} successful responses")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    sent = CASES[SCHEMATHESIS]
    whole_suite = not session.config.option.keyword and any(
        item.nodeid.startswith("contracts/test_conformance.py") for item in session.items
    )
    if exitstatus == 0 and whole_suite and sent < PROFILE.min_requests:
        session.config.get_terminal_writer().line(
            f"didit contracts: only {sent} schemathesis requests, the {PROFILE.name} profile "
            f"promises at least {PROFILE.min_requests}",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
