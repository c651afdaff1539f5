"""Every code block of README.md and docs/*.md runs as written, against the emulator (issue 11).

Blocks are found by their fences and named by file and line (`README.md:97`), so a failure says
which block broke. The emulator is the default configuration, as `make emulator` serves it, on a
free port (it posts no webhooks: a destination an example registers may point at any local port),
reset before each block.

- ```python: each block runs on its own, in a fresh namespace holding only the placeholders below;
  a block that needs anything else (an import it forgot, a name from another block, `async for`
  outside a function) fails here.
- ```toml: an emulator configuration, loaded by `didit_emulator.config.load_config`. A block made
  only of `[[applications.…]]` tables is a fragment, loaded appended to its document's previous
  configuration. The first whole configuration of docs/emulator.md is `my-emulator.toml`, the file
  the shell examples pass to `--config`.
- ```sh: the block's commands run with bash (`-euo pipefail`, curl failing on an HTTP error) in a
  scratch directory that links the repository's `.venv`, `openapi.yaml`, `schemathesis.toml` and
  `docs/`. A command that starts the emulator's server (`SERVES`) is started instead, must answer,
  and must exit 0 on SIGTERM. A command that cannot run inside the test suite is listed in
  `NOT_RUN` with the reason; a block none of whose commands run is listed, not run.

The placeholder convention of the docs: a value the reader supplies is a bare name (the table at
the top of docs/client.md declares every one, and `PLACEHOLDERS` gives each its emulator value);
a value written out is the emulator's own (`http://127.0.0.1:8790` and the default
configuration's keys and ids), so only that URL is replaced, by the test emulator's.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from didit_emulator.config import DeliveryScope, default_config, load_config
from didit_emulator.testing import RunningEmulator, running_emulator
from didit_toolkit.webhooks import canonical_json, sign_webhook
from tests.emulator.test_server import _wait_for_line

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EMULATOR_URL = "http://127.0.0.1:8790"
EMULATOR_PORT = "8790"
WEBHOOK_SECRET = "whsec_docs_example"
# What the shell examples reach through relative paths, linked into the scratch directory.
LINKED = (".venv", "openapi.yaml", "schemathesis.toml", "docs")

# Commands of shell blocks that do not run here (matched by their first words), and why.
NOT_RUN = {
    "pip install": "installs into the running environment; tests/test_installed_product.py "
    "installs the built wheel, with each extra, into a fresh virtual environment",
    "didit-contract --profile ci": "an installed command; tests/test_installed_product.py runs "
    "the installed didit-contract (ci profile) on an emulator of its own",
    "DIDIT_API_KEY=... didit-contract --base-url": "a deployment of Didit, which CI has not",
    "DIDIT_BASE_URL=https://verification.didit.me": "the live service, which CI has no key for",
    "make dist": "rewrites dist/; tests/test_installed_product.py builds the sdist and the wheel",
    "make contract": "the whole contract suite (deep profile); make test runs its ci profile",
    "make test": "CI's own command, of which this test is a part",
    "make emulator": "builds the emulator's own environment and serves until stopped; here the "
    "emulator is running_emulator's",
    "make generate": "rewrites generated_client/; make test runs make check-generated",
    "make check-generated": "part of make test",
    "make docs": "tests/docs/test_api_reference.py runs this recipe and reads the page in Chromium",
}
# Commands that start the emulator's server: started, asked for its clock, stopped with SIGTERM.
SERVES = (".venv/bin/didit-emulator",)
# Words a block's output must not contain (a command's substring -> what it must not say).
MUST_NOT_SAY = {"schemathesis run": re.compile("warning", re.IGNORECASE)}
# The first words of a fragment of a configuration (see the module docstring).
FRAGMENT = "[[applications."


@dataclass(frozen=True)
class Block:
    doc: Path
    line: int
    language: str
    text: str

    @property
    def name(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"


def _blocks() -> list[Block]:
    found = []
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").splitlines()
        index = 0
        while index < len(lines):
            fence = re.fullmatch(r"```(\S*)", lines[index])
            if fence is None:
                index += 1
                continue
            end = lines.index("```", index + 1)
            text = "\n".join(lines[index + 1 : end]) + "\n"
            found.append(Block(doc, index + 1, fence.group(1), text))
            index = end + 1
    return found


BLOCKS = _blocks()


def _commands(block: Block) -> list[str]:
    """The block's commands: backslash-continued lines joined, blank and comment lines left out."""
    commands: list[str] = []
    pending = ""
    for line in block.text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        commands.append(pending + line)
        pending = ""
    return commands


def _reason_not_run(command: str) -> str | None:
    return next((why for words, why in NOT_RUN.items() if command.startswith(words)), None)


def _runs(block: Block) -> bool:
    if block.language != "sh":
        return True
    return any(_reason_not_run(command) is None for command in _commands(block))


def _ids(blocks: list[Block]) -> list[str]:
    return [block.name for block in blocks]


RUN = [block for block in BLOCKS if _runs(block)]
PLACEHOLDERS = {
    "DIDIT_BASE_URL",
    "DIDIT_AUTH_BASE_URL",
    "YOUR_API_KEY",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "WORKFLOW_ID",
    "session_id",
    "WEBHOOK_SECRET",
    "raw_body",
    "headers",
}


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    config = default_config()
    config = config.replace(webhooks=replace(config.webhooks, deliver_to=DeliveryScope.NONE))
    with running_emulator(config) as running:
        yield running


def placeholders(emulator: RunningEmulator) -> dict[str, Any]:
    """Each placeholder's value against the emulator (the webhook signed now: receivers check
    the timestamp against the wall clock by default)."""
    acme = emulator.application("Acme")
    session_id = emulator.finished_session("Acme", "declined").session_id
    now = int(time.time())
    event = {
        "webhook_type": "status.updated",
        "session_id": str(session_id),
        "status": "Declined",
        "timestamp": now,
    }
    values = {
        "DIDIT_BASE_URL": emulator.base_url,
        "DIDIT_AUTH_BASE_URL": emulator.base_url,
        "YOUR_API_KEY": acme.api_key,
        "CLIENT_ID": acme.client_id,
        "CLIENT_SECRET": acme.client_secret,
        "WORKFLOW_ID": emulator.workflow("Acme").id,
        "session_id": session_id,
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "raw_body": canonical_json(event),
        "headers": sign_webhook(event, WEBHOOK_SECRET, now),
    }
    assert set(values) == PLACEHOLDERS
    return values


def _configuration_text(block: Block) -> str:
    """A toml block as a whole configuration: a fragment follows its document's previous one."""
    if not block.text.lstrip().startswith(FRAGMENT):
        return block.text
    earlier = [
        b for b in BLOCKS if b.doc == block.doc and b.language == "toml" and b.line < block.line
    ]
    whole = [b for b in earlier if not b.text.lstrip().startswith(FRAGMENT)]
    return whole[-1].text + "\n" + block.text


MY_EMULATOR_TOML = next(
    b for b in BLOCKS if b.doc.name == "emulator.md" and b.language == "toml"
).text


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    for name in LINKED:
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "my-emulator.toml").write_text(MY_EMULATOR_TOML, encoding="utf-8")
    return tmp_path


def _environment() -> dict[str, str]:
    """This process's environment without the variables the examples set themselves."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DIDIT_", "SCHEMATHESIS_"))
    }


def _serve(command: str, cwd: Path) -> None:
    """Starts a server command on a free port; it must answer, then exit 0 on SIGTERM."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = command.replace(f"--port {EMULATOR_PORT}", f"--port {port}")
    server = subprocess.Popen(
        ["bash", "-c", f"exec {command}"],
        cwd=cwd,
        env={**_environment(), "PYTHONUNBUFFERED": "1"},
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_line(server, "Uvicorn running on")
        assert httpx.get(f"http://127.0.0.1:{port}/_emulator/clock").status_code == 200
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert server.returncode == 0, f"{command!r} exited {server.returncode} on SIGTERM"


def _run_shell(block: Block, emulator: RunningEmulator, cwd: Path) -> None:
    script = ["set -euo pipefail", 'curl() { command curl --fail-with-body "$@"; }']
    for command in _commands(block):
        if _reason_not_run(command) is not None:
            continue
        if command.startswith(SERVES):
            _serve(command, cwd)
            continue
        script.append(command.replace(EMULATOR_URL, emulator.base_url))
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=cwd,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    for words, forbidden in MUST_NOT_SAY.items():
        if words in block.text:
            assert not forbidden.search(output), output


@pytest.mark.parametrize("block", RUN, ids=_ids(RUN))
def test_doc_block_runs_as_written(block: Block, emulator: RunningEmulator, scratch: Path) -> None:
    emulator.reset()  # as a fresh `make emulator`: no sessions, clock and rate-limit windows anew
    if block.language == "python":
        namespace = placeholders(emulator)
        # Padded so that a traceback's line numbers are the document's.
        source = "\n" * block.line + block.text.replace(EMULATOR_URL, emulator.base_url)
        exec(compile(source, str(block.doc), "exec"), namespace)  # noqa: S102 (our own docs)
    elif block.language == "toml":
        configuration = scratch / "block.toml"
        configuration.write_text(_configuration_text(block), encoding="utf-8")
        load_config(configuration)
    elif block.language == "sh":
        _run_shell(block, emulator, scratch)
    else:
        pytest.fail(f"{block.name}: no way to run a ```{block.language} block")


def _make_targets_of(command: str) -> list[str]:
    """The targets a `make` command names (variables and `&` left out)."""
    words = command.split("#")[0].split()
    if "make" not in words:
        return []
    after = words[words.index("make") + 1 :]
    return [word for word in after if "=" not in word and word != "&"]


NOT_RUN_MAKE_TARGETS = sorted(
    {
        target
        for block in BLOCKS
        if block.language == "sh"
        for command in _commands(block)
        if _reason_not_run(command) is not None
        for target in _make_targets_of(command)
    }
)


@pytest.mark.parametrize("target", NOT_RUN_MAKE_TARGETS)
def test_doc_blocks_not_run_name_make_targets_the_makefile_has(target: str) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(target)}:", makefile, re.MULTILINE)


def test_doc_blocks_not_run_are_each_still_in_the_docs() -> None:
    commands = [
        command for block in BLOCKS if block.language == "sh" for command in _commands(block)
    ]
    stale = [words for words in NOT_RUN if not any(c.startswith(words) for c in commands)]
    assert stale == []


def test_doc_blocks_every_placeholder_is_declared_in_docs_client() -> None:
    client = (ROOT / "docs" / "client.md").read_text(encoding="utf-8")
    table = client.split("## Using the client")[0]
    assert {name for name in PLACEHOLDERS if f"`{name}`" in table} == PLACEHOLDERS
