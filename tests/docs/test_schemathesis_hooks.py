"""The README's `schemathesis run` hooks (docs/examples/schemathesis_emulator_hooks.py) make its
stateful phase start at the session creates, as the contract suite's does.

Loaded in a separate interpreter: the hooks register themselves with schemathesis for the whole
process they are loaded in, as the CLI loads them, and must not reach this test run's other
schemathesis users.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from didit_contract.stateful_support import SESSION_CREATES
from didit_emulator.config import default_config
from didit_spec import didit_document

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "docs" / "examples" / "schemathesis_emulator_hooks.py"

_ENTRY_POINTS = """
import json, runpy, sys
import schemathesis
runpy.run_path(sys.argv[1])
machine = schemathesis.openapi.from_path(sys.argv[2]).as_state_machine()
print(json.dumps(sorted(machine._root_labels)))
"""


def test_schemathesis_hooks_start_the_stateful_phase_at_the_session_creates() -> None:
    env = {**os.environ, "DIDIT_API_KEY": default_config().applications[0].api_key}
    done = subprocess.run(
        [sys.executable, "-c", _ENTRY_POINTS, str(HOOKS), str(ROOT / "openapi.yaml")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    entry_points = set(json.loads(done.stdout.splitlines()[-1]))
    creates = {
        f"{operation.method.upper()} {operation.path}"
        for operation in (didit_document().operation(name) for name in SESSION_CREATES)
    }
    assert creates <= entry_points, f"the stateful phase starts only at {sorted(entry_points)}"
