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


def _schema_seed(directory: Path, **environment: str) -> str:
    """The seed of the suite's schema, imported in a fresh process in `directory`."""
    env = {key: value for key, value in os.environ.items() if key != "DIDIT_CONTRACT_SEED"}
    result = subprocess.run(
        [sys.executable, "-c", "import contracts.schema as s; print(s.SCHEMA.config.seed)"],
        cwd=directory,
        env={**env, "PYTHONPATH": str(REPOSITORY), "DIDIT_CONTRACT_PROFILE": "ci", **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-1]


def test_schema_reads_the_suites_settings_from_another_directory(tmp_path: Path) -> None:
    seed = tomllib.loads((REPOSITORY / "schemathesis.toml").read_text(encoding="utf-8"))["seed"]
    assert _schema_seed(tmp_path) == str(seed)


def test_schema_takes_the_seed_of_didit_contract_seed(tmp_path: Path) -> None:
    assert _schema_seed(tmp_path, DIDIT_CONTRACT_SEED="7") == "7"
