"""Choosing the generation seed of a run: `DIDIT_CONTRACT_SEED` (contracts/profiles.py) and
`didit-contract --seed`, which sets it."""

from __future__ import annotations

import os
import sys

import pytest

from contracts.profiles import seed_override
from didit_contract.cli import main


@pytest.mark.parametrize(("given", "expected"), [("", None), ("  ", None), ("0", 0), ("42", 42)])
def test_seed_override_reads_didit_contract_seed(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: int | None
) -> None:
    monkeypatch.setenv("DIDIT_CONTRACT_SEED", given)
    assert seed_override() == expected


def test_seed_override_is_none_without_didit_contract_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIDIT_CONTRACT_SEED", raising=False)
    assert seed_override() is None


@pytest.mark.parametrize("given", ["seven", "1.5", "-1"])
def test_seed_override_refuses_what_is_not_a_seed(
    monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    monkeypatch.setenv("DIDIT_CONTRACT_SEED", given)
    with pytest.raises(SystemExit, match="DIDIT_CONTRACT_SEED"):
        seed_override()


@pytest.mark.parametrize("given", ["seven", "-1"])
def test_didit_contract_seed_option_refuses_what_is_not_a_seed(
    capsys: pytest.CaptureFixture[str], given: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--seed", given])
    assert exit_.value.code == 2  # argparse's usage error, before anything runs
    assert "--seed" in capsys.readouterr().err


def test_didit_contract_seed_option_sets_didit_contract_seed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # main() changes the environment, the bytecode settings and the directory of its process:
    # each is put back after the test.
    environment = {k: v for k, v in os.environ.items() if k != "DIDIT_CONTRACT_SEED"}
    monkeypatch.setattr(os, "environ", environment)
    monkeypatch.setattr(sys, "pycache_prefix", sys.pycache_prefix)
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.chdir(os.getcwd())
    ran: list[list[str]] = []

    def pytest_main(arguments: list[str]) -> int:
        ran.append(arguments)
        return 0

    monkeypatch.setattr("pytest.main", pytest_main)
    assert main(["--profile", "ci", "--seed", "11"]) == 0
    assert environment["DIDIT_CONTRACT_SEED"] == "11"
    assert ran, "pytest never ran"
