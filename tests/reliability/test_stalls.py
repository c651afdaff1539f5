"""Slow clients cannot take the emulator down (issue 12, finding 3): with hundreds of connections
stalled at every stage of a request, a client with a real job (create a session, read its
decision, list sessions) is served at once, and every stalled connection is closed by the read
timeout, none left open past it.

The raw-socket helpers are `tests/emulator/test_server.py`'s; this is the end-to-end case over
them: real work while the stalls are held, then the timeout measured per connection."""

from __future__ import annotations

import time

import httpx

from didit_emulator.app import create_app
from tests.emulator.conftest import FROZEN_CONFIG
from tests.emulator.test_server import (
    DEADLINE,
    HOST,
    LONG_TIMEOUT,
    STALLS,
    assert_json_error,
    connections,
    read_until_closed,
    serving,
    still_open,
)

STALLED_PER_KIND = 100  # 400 connections
# Long enough for the real job to finish while every stall is still held, short enough for CI.
READ_TIMEOUT = 4.0
# How late after the timeout a close may be noticed on a loaded machine.
CLOSE_SLACK = 5.0


def test_emulator_serves_real_work_while_hundreds_of_connections_stall_then_closes_them() -> None:
    config = FROZEN_CONFIG.with_rate_limits(enabled=False)
    app = create_app(config)
    acme = config.application("Acme")
    kinds = [kind for kind in STALLS for _ in range(STALLED_PER_KIND)]
    with (
        serving(app, read_timeout=READ_TIMEOUT, keep_alive_timeout=LONG_TIMEOUT) as (port, _),
        connections(port, [STALLS[kind] for kind in kinds]) as stalled,
    ):
        held_at = time.monotonic()
        with httpx.Client(
            base_url=f"http://{HOST}:{port}",
            headers={"x-api-key": acme.api_key},
            timeout=DEADLINE,
        ) as client:
            created = client.post("/v3/session/", json={"workflow_id": acme.workflows[0].id})
            session_id = created.json()["session_id"]
            decision = client.get(f"/v3/session/{session_id}/decision/")
            listed = client.get("/v3/sessions/")
        # Every stalled connection was still held, unanswered, while the job was served.
        assert len(still_open(stalled)) == len(stalled)
        closed = read_until_closed(stalled)
        closed_at = time.monotonic()
    assert (created.status_code, decision.status_code, listed.status_code) == (201, 200, 200)
    assert len(closed) == len(stalled), f"{len(stalled) - len(closed)} left open"
    # Each was closed by the read timeout, counted from its connection (all made by `held_at`).
    assert closed_at - held_at <= READ_TIMEOUT + CLOSE_SLACK
    for kind, sock in zip(kinds, stalled, strict=True):
        if kind == "bare connection":
            assert closed[sock] == b""
        else:
            assert_json_error(closed[sock], 408)
