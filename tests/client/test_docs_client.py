"""Every Python block of docs/client.md runs as written against the emulator (issue 11).

Each block runs on its own, in a fresh namespace holding only the placeholders the document
declares at its top, with the emulator's values; a block that needs anything else (an import it
forgot, a name from another block, `async for` outside a function) fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from didit_emulator.testing import RunningEmulator, running_emulator

DOC = Path(__file__).resolve().parents[2] / "docs" / "client.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)
PLACEHOLDERS = {
    "DIDIT_BASE_URL",
    "DIDIT_AUTH_BASE_URL",
    "YOUR_API_KEY",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "WORKFLOW_ID",
    "session_id",
    "WEBHOOK_SECRET",
}


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    with running_emulator() as running:
        yield running


def placeholders(emulator: RunningEmulator) -> dict[str, Any]:
    acme = emulator.application("Acme")
    values = {
        "DIDIT_BASE_URL": emulator.base_url,
        "DIDIT_AUTH_BASE_URL": emulator.base_url,
        "YOUR_API_KEY": acme.api_key,
        "CLIENT_ID": acme.client_id,
        "CLIENT_SECRET": acme.client_secret,
        "WORKFLOW_ID": emulator.workflow("Acme").id,
        "session_id": emulator.finished_session("Acme").session_id,
        "WEBHOOK_SECRET": "whsec_docs_example",
    }
    assert set(values) == PLACEHOLDERS
    return values


def test_docs_client_declares_every_placeholder() -> None:
    table = DOC.read_text(encoding="utf-8").split("## Using the client")[0]
    assert {name for name in PLACEHOLDERS if f"`{name}`" in table} == PLACEHOLDERS


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block-{n}" for n in range(1, len(BLOCKS) + 1)])
def test_docs_client_block_runs_as_written(block: str, emulator: RunningEmulator) -> None:
    namespace = placeholders(emulator)
    exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 (our own documentation)
