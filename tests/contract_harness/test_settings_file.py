"""The suite's schema carries schemathesis.toml's settings wherever pytest runs from.

schemathesis discovers its settings file from the working directory only; an installed suite
(`didit-contract`) or `pytest /path/to/contracts` run elsewhere would silently lose the tuned
expected statuses and the seed. contracts/schema.py names the file instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def test_schema_reads_the_suites_settings_from_another_directory(tmp_path: Path) -> None:
    seed = tomllib.loads((REPOSITORY / "schemathesis.toml").read_text(encoding="utf-8"))["seed"]
    result = subprocess.run(
        [sys.executable, "-c", "import contracts.schema as s; print(s.SCHEMA.config.seed)"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), "DIDIT_CONTRACT_PROFILE": "ci"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == str(seed)
