"""A bounded soak (issue 12, finding 4): the emulator as a separate process, driven with session
creates carrying large-but-allowed `metadata`, then decision and list reads, for a bounded time
and count. Its resident memory (RSS, from /proc) must stay within a stated bound: what the
sessions created are allowed to hold, plus a fixed allowance; the reads that follow the creates
must not grow it further.

The numbers measured are printed (run with `-s` to see them)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

from didit_emulator.config import default_config
from didit_emulator.validation import didit_document, rules_for
from tests.emulator.test_server import DEADLINE, HOST, _console_script, _wait_for_line

SOAK_SECONDS = 10.0  # wall time of the drive, creates then reads (the test: ~15 s)
MAX_CREATES = 1500
MAX_READS = 20_000
# `metadata` per create when the spec does not bound it (the bound proposed for the spec).
DEFAULT_METADATA_BYTES = 16 * 1024
# Resident memory one stored session may cost beyond its metadata (ids, token, url, decision
# scaffolding, dict overhead), and what the process may grow by for any other reason (allocator
# arenas, caches warming up).
PER_SESSION_OVERHEAD = 8 * 1024
FIXED_ALLOWANCE = 16 * 1024 * 1024
# Reads store nothing: after the creates, memory may move by no more than this.
READ_ALLOWANCE = 8 * 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")


def _metadata_bytes() -> int:
    """The spec's `x-max-serialized-bytes` on create_session's metadata, else the default."""
    body = rules_for(didit_document())["create_session"].body
    assert body is not None
    bounds = [b.max_bytes for b in body.size_bounds["application/json"] if b.path == ("metadata",)]
    return min(bounds) if bounds else DEFAULT_METADATA_BYTES


def _metadata(size: int, n: int) -> dict[str, str]:
    """A metadata object that serialises to exactly `size` bytes, different for each n."""
    head = {"n": f"{n:08d}", "blob": ""}
    room = size - len(json.dumps(head, separators=(",", ":")))
    return {"n": f"{n:08d}", "blob": "x" * room}


def _rss(pid: int) -> int:
    resident = Path(f"/proc/{pid}/statm").read_text().split()[1]
    return int(resident) * PAGE


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def test_emulator_soak_resident_memory_stays_within_its_bound(tmp_path: Path) -> None:
    config_file = tmp_path / "emulator.toml"
    config_file.write_text("[rate_limits]\nenabled = false\n")
    port = _free_port()
    process = subprocess.Popen(
        [*_console_script(), "--port", str(port), "--config", str(config_file), "--no-access-log"],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    app = default_config().application("Acme")
    metadata_bytes = _metadata_bytes()
    try:
        _wait_for_line(process, "Uvicorn running on")
        with httpx.Client(
            base_url=f"http://{HOST}:{port}", headers={"x-api-key": app.api_key}, timeout=DEADLINE
        ) as client:
            # Warm up every path once, then take the baseline.
            warm = client.post("/v3/session/", json={"workflow_id": app.workflows[0].id})
            client.get(f"/v3/session/{warm.json()['session_id']}/decision/")
            client.get("/v3/sessions/")
            baseline = _rss(process.pid)
            started = time.monotonic()
            deadline = started + SOAK_SECONDS
            ids: list[str] = []
            for n in range(MAX_CREATES):
                if time.monotonic() > started + SOAK_SECONDS / 2:
                    break
                metadata = _metadata(metadata_bytes, n)
                created = client.post(
                    "/v3/session/", json={"workflow_id": app.workflows[0].id, "metadata": metadata}
                )
                assert created.status_code == 201, created.text
                ids.append(created.json()["session_id"])
            after_creates = _rss(process.pid)
            reads = 0
            for n in range(MAX_READS):
                if time.monotonic() > deadline:
                    break
                if n % 50 == 0:
                    assert client.get("/v3/sessions/", params={"page_size": 100}).status_code == 200
                else:
                    decision = client.get(f"/v3/session/{ids[n % len(ids)]}/decision/")
                    assert decision.status_code == 200
                reads += 1
            after_reads = _rss(process.pid)
            elapsed = time.monotonic() - started
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=3 * DEADLINE)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
    creates = len(ids)
    bound = baseline + creates * (metadata_bytes + PER_SESSION_OVERHEAD) + FIXED_ALLOWANCE
    mib = 1024 * 1024
    print(
        f"\nsoak: {creates} creates with {metadata_bytes} B of metadata, {reads} reads in "
        f"{elapsed:.1f} s ({(creates + reads) / elapsed:.0f} req/s); RSS {baseline / mib:.1f} MiB "
        f"-> {after_creates / mib:.1f} MiB after creates -> {after_reads / mib:.1f} MiB after "
        f"reads; bound {bound / mib:.1f} MiB; load {os.getloadavg()[0]:.2f}"
    )
    assert creates >= 50, "too few creates to say anything: the machine is overloaded"
    assert after_creates <= bound
    assert after_reads <= after_creates + READ_ALLOWANCE
