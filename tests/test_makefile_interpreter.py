"""The Makefile makes its environments with the system's optimised CPython when it qualifies,
else with the `python3` on PATH, and always with PYTHON when that is given (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]


def _chosen_python(*assignments: str, environment: dict[str, str] | None = None) -> str:
    """The PYTHON make settles on, read from its database (`-p`) without running a recipe."""
    database = subprocess.run(
        ["make", "--no-print-directory", "-pn", *assignments, "help"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
        env={**_without_make_state(os.environ), **(environment or {})},
    ).stdout
    values = [line for line in database.splitlines() if line.startswith("PYTHON ")]
    assert len(values) == 1, values
    return values[0].split("=", 1)[1].strip()


def _without_make_state(environment: os._Environ[str]) -> dict[str, str]:
    """The environment without what an outer make passes down (`make test PYTHON=...` exports
    its command-line variables through MAKEFLAGS) or a PYTHON of the caller's."""
    inherited = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "PYTHON", "SYSTEM_PYTHON"}
    return {name: value for name, value in environment.items() if name not in inherited}


def _interpreter(tmp_path: Path, check_exit_status: int) -> Path:
    """A stand-in for the system's python3 whose version-and-venv check exits as told."""
    script = tmp_path / "python3"
    script.write_text(f"#!/bin/sh\nexit {check_exit_status}\n")
    script.chmod(0o755)
    return script


def test_make_uses_the_system_python_when_it_is_new_enough_with_venv(tmp_path: Path) -> None:
    system = _interpreter(tmp_path, 0)
    assert _chosen_python(f"SYSTEM_PYTHON={system}") == str(system)


@pytest.mark.parametrize("check_exit_status", [1, 127], ids=["too-old-or-no-venv", "missing"])
def test_make_falls_back_to_python3_on_path(tmp_path: Path, check_exit_status: int) -> None:
    system = _interpreter(tmp_path, check_exit_status)
    assert _chosen_python(f"SYSTEM_PYTHON={system}") == "python3"


def test_make_checks_version_and_venv_with_a_real_interpreter() -> None:
    # The interpreter this venv was made from: 3.11+, and it made a venv with `-m venv`
    # (ensurepip), as the Makefile does.
    base = Path(sys.base_prefix) / "bin" / "python3"
    assert _chosen_python(f"SYSTEM_PYTHON={base}") == str(base)


def test_make_treats_an_empty_python_as_not_given(tmp_path: Path) -> None:
    system = _interpreter(tmp_path, 0)
    assert _chosen_python(f"SYSTEM_PYTHON={system}", environment={"PYTHON": ""}) == str(system)
    assert _chosen_python(f"SYSTEM_PYTHON={system}", "PYTHON=") == str(system)


def test_make_keeps_the_python_it_is_given(tmp_path: Path) -> None:
    system = _interpreter(tmp_path, 0)
    given = "/opt/some/python3.12"
    assert _chosen_python(f"SYSTEM_PYTHON={system}", f"PYTHON={given}") == given
    assert _chosen_python(f"SYSTEM_PYTHON={system}", environment={"PYTHON": given}) == given
