"""Which process of a run is pytest-xdist's controller, and `didit-contract -- --collect-only`.

pytest-xdist distributes nothing when only collecting, so the process that collects is a lone
one: it needs a target to build the spec's example cases, and has no run to judge (the deep
profile's floor and 2xx guard do not apply).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from contracts import conftest


@pytest.mark.parametrize(
    ("config", "controls"),
    [
        (
            SimpleNamespace(option=SimpleNamespace(collectonly=False, dist="load", tx=["popen"])),
            True,
        ),
        (
            SimpleNamespace(option=SimpleNamespace(collectonly=True, dist="load", tx=["popen"])),
            False,
        ),
        (SimpleNamespace(option=SimpleNamespace(collectonly=False, dist="no", tx=[])), False),
        (SimpleNamespace(option=SimpleNamespace(collectonly=False, dist="load", tx=[])), False),
        # -p no:xdist: no distribution options at all
        (SimpleNamespace(option=SimpleNamespace(collectonly=False)), False),
        (
            SimpleNamespace(
                workerinput={}, option=SimpleNamespace(collectonly=False, dist="load", tx=["popen"])
            ),
            False,
        ),
    ],
    ids=["distributing", "collecting", "no-dist", "no-workers", "no-xdist", "worker"],
)
def test_is_controller_as_xdist_decides(config: Any, controls: bool) -> None:
    assert conftest._is_controller(config) is controls


REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("workers", ["0", "2"])
def test_collect_only_lists_every_layer(workers: str) -> None:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "didit_contract.cli", "--profile", "deep"),
            *("--workers", workers, "--", "--collect-only", "-q"),
        ],
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    listed = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    assert "contracts/test_conformance.py" in listed
    assert "contracts/test_stateful.py" in listed
    assert "no 2xx answer" not in result.stdout


def test_collect_only_with_the_reserved_stack_named_on_the_command_line() -> None:
    # In the repository, `-p contracts.reserved_stack` (as `make test` names it) registers the
    # plugin before the suite's conftest would.
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-p", "contracts.reserved_stack"),
            *("--collect-only", "-q", "-p", "no:cacheprovider", "contracts/test_boundaries.py"),
        ],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "contracts/test_boundaries.py::" in result.stdout
