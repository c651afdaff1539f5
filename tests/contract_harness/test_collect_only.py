"""`didit-contract -- --collect-only` lists the suite's tests, with or without workers.

pytest-xdist distributes nothing when only collecting, so the process that collects is a lone
one: it needs a target to build the spec's example cases, and has no run to judge (the deep
profile's floor and 2xx guard do not apply).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

import pytest


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
