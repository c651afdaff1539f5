"""Fixtures of the contract suite: the target server, the profile, and the closing case count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.counting import CASES, total
from contracts.emulator_target import emulator_target
from contracts.profiles import PROFILE
from contracts.schema import SCHEMA
from contracts.target import Target, remote_target_from_env, set_current_target


def pytest_report_header(config: pytest.Config) -> list[str]:
    remote = remote_target_from_env()
    where = remote.base_url if remote else "a local emulator on a free port"
    return [
        f"didit contracts: profile={PROFILE.name} seed={SCHEMA.config.seed} target={where}",
        "reproduce a failure with the curl command it prints, or re-run with the same profile "
        "(all generation is seeded)",
    ]


@pytest.fixture(scope="session")
def target() -> Iterator[Target]:
    remote = remote_target_from_env()
    if remote is not None:
        set_current_target(remote)
        yield remote
        set_current_target(None)
        return
    with emulator_target() as local:
        set_current_target(local)
        yield local
        set_current_target(None)


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    layers = ", ".join(f"{layer}: {count}" for layer, count in sorted(CASES.items()))
    terminalreporter.write_line(
        f"didit contracts: {total()} cases run "
        f"(profile {PROFILE.name}, seed {SCHEMA.config.seed}; {layers})"
    )
