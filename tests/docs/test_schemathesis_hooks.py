"""The README's `schemathesis run` hooks (docs/examples/schemathesis_emulator_hooks.py) make its
stateful phase start at the session creates, with one of the caller's workflows, and judge a
deleted session's 404 with the delete-aware resource check, as the contract suite does.

Loaded in a separate interpreter: the hooks register themselves with schemathesis for the whole
process they are loaded in, as the CLI loads them, and must not reach this test run's other
schemathesis users.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from didit_contract.stateful_support import session_creates
from didit_emulator.config import default_config
from didit_spec import didit_document

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "docs" / "examples" / "schemathesis_emulator_hooks.py"

_HOOKED = """
import json, runpy, sys
from types import SimpleNamespace
import schemathesis
from schemathesis.checks import CHECKS
hooks = runpy.run_path(sys.argv[1])
machine = schemathesis.openapi.from_path(sys.argv[2]).as_state_machine()
create = SimpleNamespace(
    meta=SimpleNamespace(
        phase=SimpleNamespace(name="stateful"), generation=SimpleNamespace(mode="positive")
    ),
    operation=SimpleNamespace(definition=SimpleNamespace(raw={"operationId": sys.argv[3]})),
    body={"workflow_id": "drawn"},
    headers={},
)
hooks["before_call"](None, create, {})
print(json.dumps({
    "entry_points": sorted(machine._root_labels),
    "resource_check": CHECKS.get_one("ensure_resource_availability").__module__,
    "create_workflow": create.body["workflow_id"],
}))
"""


@functools.cache
def _hooked(create: str) -> dict[str, Any]:
    """What the hooks change, seen from a process they were loaded in (as the CLI loads them)."""
    env = {**os.environ, "DIDIT_API_KEY": default_config().applications[0].api_key}
    done = subprocess.run(
        [sys.executable, "-c", _HOOKED, str(HOOKS), str(ROOT / "openapi.yaml"), create],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return seen


def test_schemathesis_hooks_start_the_stateful_phase_at_the_session_creates() -> None:
    entry_points = set(_hooked("create_session")["entry_points"])
    creates = {
        f"{operation.method.upper()} {operation.path}"
        for operation in (didit_document().operation(name) for name in session_creates())
    }
    assert creates <= entry_points, f"the stateful phase starts only at {sorted(entry_points)}"


def test_schemathesis_hooks_replace_the_resource_check() -> None:
    assert _hooked("create_session")["resource_check"] == "didit_contract.stateful_support"


@pytest.mark.parametrize("create", sorted(session_creates()))
def test_schemathesis_hooks_give_a_stateful_create_the_callers_workflow(create: str) -> None:
    caller = default_config().applications[0]
    workflows = {workflow.id for workflow in caller.workflows}
    assert _hooked(create)["create_workflow"] in workflows
