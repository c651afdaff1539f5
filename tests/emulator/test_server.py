"""The emulator's server (`didit_emulator.server`): slow or hostile clients cannot take it down.

Real uvicorn servers on 127.0.0.1, driven with raw sockets so that requests can be left
unfinished. Every wait has a deadline far above the timeouts under test; nothing sleeps.
"""

from __future__ import annotations

import asyncio
import errno
import io
import json
import logging
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvloop
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from didit_emulator.app import create_app
from didit_emulator.cli import _parser, settings_from
from didit_emulator.config import default_config
from didit_emulator.logs import RepeatedMessageFilter, configure_logging
from didit_emulator.server import (
    EmulatorServer,
    ServerSettings,
    listening_socket,
    serving_in_background,
)
from didit_emulator.testing import RunningEmulator, in_process_emulator
from tests.journey.receiver import WebhookEndpoint

# The `emulator` fixture is a real uvicorn server for this module (see conftest.py).
OVER_THE_NETWORK = True

HOST = "127.0.0.1"
# Far above every timeout configured below: reaching it means the server did not act.
DEADLINE = 10.0
SHORT_TIMEOUT = 0.3
LONG_TIMEOUT = 120.0
STALLED_PER_KIND = 75

CONFIG = default_config().with_rate_limits(enabled=False)
ACME_KEY = CONFIG.application("Acme").api_key
# Requests cut off part-way, by where they stop. "body": the headers are complete and the
# application is waiting for the rest of the body it was promised.
STALLS: dict[str, bytes] = {
    "bare connection": b"",
    "request line": b"GET /_emulator/sta",
    "headers": b"GET /_emulator/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Unfinished: ye",
    "body": (
        b"POST /v3/session/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"x-api-key: " + ACME_KEY.encode() + b'\r\nContent-Length: 100\r\n\r\n{"workflow_id": '
    ),
}


# --- helpers ---------------------------------------------------------------------------------


@contextmanager
def serving(app: Any = None, **settings: Any) -> Iterator[tuple[int, EmulatorServer]]:
    """The emulator (or `app`) served with these `ServerSettings`; yields (port, server)."""
    app = app or create_app(CONFIG, validate_responses=False)
    sock = listening_socket(HOST)
    port = sock.getsockname()[1]
    with serving_in_background(app, ServerSettings(host=HOST, port=port, **settings), sock) as s:
        yield port, s


@contextmanager
def connections(port: int, payloads: list[bytes]) -> Iterator[list[socket.socket]]:
    """One client connection per payload, each having sent its payload; all closed on exit."""
    with ExitStack() as stack:
        socks = []
        for payload in payloads:
            sock = stack.enter_context(socket.create_connection((HOST, port), timeout=DEADLINE))
            if payload:
                sock.sendall(payload)
            socks.append(sock)
        yield socks


def read_until_closed(socks: list[socket.socket]) -> dict[socket.socket, bytes]:
    """What each socket received before the server closed it, for those it closed in time."""
    received = {sock: b"" for sock in socks}
    closed: dict[socket.socket, bytes] = {}
    deadline = time.monotonic() + DEADLINE
    with selectors.DefaultSelector() as selector:
        for sock in socks:
            selector.register(sock, selectors.EVENT_READ)
        for _ in range(100 * len(socks) + 100):
            remaining = deadline - time.monotonic()
            if not selector.get_map() or remaining <= 0:
                break
            for key, _ in selector.select(timeout=remaining):
                ready = key.fileobj
                assert isinstance(ready, socket.socket)
                try:
                    chunk = ready.recv(65536)
                except ConnectionResetError:
                    chunk = b""
                received[ready] += chunk
                if not chunk:
                    closed[ready] = received[ready]
                    selector.unregister(ready)
    return closed


def still_open(socks: list[socket.socket]) -> list[socket.socket]:
    """The sockets with nothing to read: neither answered nor closed by the server."""
    with selectors.DefaultSelector() as selector:
        for sock in socks:
            selector.register(sock, selectors.EVENT_READ)
        ready = {key.fileobj for key, _ in selector.select(timeout=0)}
    return [sock for sock in socks if sock not in ready]


def parse_response(data: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(":", 1) for line in lines)
    return (
        int(status_line.split()[1]),
        {k.strip().lower(): v.strip() for k, v in headers.items()},
        body,
    )


def assert_json_error(data: bytes, status: int) -> dict[str, str]:
    code, headers, body = parse_response(data)
    assert code == status, data
    assert headers["content-type"] == "application/json"
    assert headers["connection"] == "close"
    assert int(headers["content-length"]) == len(body)
    detail = json.loads(body)
    assert list(detail) == ["detail"]
    assert detail["detail"]
    return headers


# --- the read timeout ------------------------------------------------------------------------


def test_server_answers_a_request_while_hundreds_of_connections_stall() -> None:
    payloads = [payload for payload in STALLS.values() for _ in range(STALLED_PER_KIND)]
    with (
        serving(read_timeout=LONG_TIMEOUT) as (port, _),
        connections(port, payloads) as stalled,
    ):
        answer = httpx.get(f"http://{HOST}:{port}/_emulator/clock", timeout=DEADLINE)
        assert answer.status_code == 200
        # The stalled connections were all still held, unanswered, when the request was served.
        assert len(still_open(stalled)) == len(payloads)


def test_server_closes_stalled_connections_at_the_read_timeout() -> None:
    kinds = [kind for kind in STALLS for _ in range(STALLED_PER_KIND)]
    with (
        serving(read_timeout=SHORT_TIMEOUT, keep_alive_timeout=LONG_TIMEOUT) as (port, _),
        connections(port, [STALLS[kind] for kind in kinds]) as stalled,
    ):
        closed = read_until_closed(stalled)
        assert len(closed) == len(stalled), f"{len(stalled) - len(closed)} connections left open"
        by_kind: dict[str, set[int | None]] = {}
        for kind, sock in zip(kinds, stalled, strict=True):
            data = closed[sock]
            by_kind.setdefault(kind, set()).add(parse_response(data)[0] if data else None)
            if data:
                assert_json_error(data, 408)
    assert by_kind == {
        "bare connection": {None},  # nothing to answer: just closed
        "request line": {408},
        "headers": {408},
        "body": {408},
    }


def test_server_closes_a_request_answered_before_its_body_arrived_without_a_second_answer() -> None:
    async def answers_at_once(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    unfinished = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"
    with (
        serving(answers_at_once, read_timeout=SHORT_TIMEOUT, keep_alive_timeout=LONG_TIMEOUT) as (
            port,
            _,
        ),
        connections(port, [unfinished]) as (sock,),
    ):
        closed = read_until_closed([sock])
    assert parse_response(closed[sock])[0] == 204
    assert closed[sock].count(b"HTTP/1.1 ") == 1


def test_server_closes_a_kept_alive_connection_whose_next_request_stalls() -> None:
    answered = b"GET /_emulator/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with (
        serving(read_timeout=SHORT_TIMEOUT, keep_alive_timeout=LONG_TIMEOUT) as (port, _),
        connections(port, [answered + STALLS["headers"]]) as (sock,),
    ):
        closed = read_until_closed([sock])
    first, _, second = closed[sock].partition(b"HTTP/1.1 408")
    assert parse_response(first)[0] == 200
    assert_json_error(b"HTTP/1.1 408" + second, 408)


def test_server_keeps_read_deadlines_for_connections_made_after_all_others_closed() -> None:
    with serving(read_timeout=SHORT_TIMEOUT, keep_alive_timeout=LONG_TIMEOUT) as (port, _):
        with connections(port, [STALLS["headers"]]) as first:
            assert first[0] in read_until_closed(first)
        # No connection is left: the sweep has stopped. A new one must start it again.
        with connections(port, [STALLS["headers"]]) as second:
            closed = read_until_closed(second)
    assert_json_error(closed[second[0]], 408)


def test_server_closes_an_idle_keep_alive_connection() -> None:
    request = b"GET /_emulator/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with (
        serving(read_timeout=LONG_TIMEOUT, keep_alive_timeout=SHORT_TIMEOUT) as (port, _),
        connections(port, [request]) as (sock,),
    ):
        closed = read_until_closed([sock])
    assert sock in closed
    status, headers, body = parse_response(closed[sock])
    assert status == 200
    assert "close" not in headers.get("connection", "")  # kept alive, then closed when idle
    assert len(body) == int(headers["content-length"])


# --- the connection cap ----------------------------------------------------------------------


def test_server_refuses_connections_over_the_limit_at_once() -> None:
    limit = 8
    with (
        serving(read_timeout=LONG_TIMEOUT, limit_concurrency=limit) as (port, _),
        connections(port, [b""] * limit) as held,
        connections(port, [b""] * 20) as over,
    ):
        closed = read_until_closed(over)
        assert len(closed) == len(over)  # answered and closed long before the read timeout
        for data in closed.values():
            assert_json_error(data, 503)
        assert len(still_open(held)) == limit


def test_server_answers_a_request_beyond_the_limit_json_503() -> None:
    limit = 4
    request = b"GET /_emulator/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with (
        serving(read_timeout=LONG_TIMEOUT, limit_concurrency=limit) as (port, _),
        connections(port, [b""] * (limit - 1)),
        connections(port, [request]) as (sock,),
    ):
        closed = read_until_closed([sock])
    headers = assert_json_error(closed[sock], 503)
    assert headers["retry-after"] == "1"


# --- what the HTTP parser refuses ------------------------------------------------------------


@pytest.mark.parametrize(
    "garbage",
    [
        pytest.param(b"\x00\x01\x02\xff garbage\r\n\r\n", id="binary"),
        pytest.param(b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n", id="header without colon"),
        pytest.param(b"GET /a b c HTTP/1.1\r\n\r\n", id="spaces in the target"),
        pytest.param(b"GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n", id="bad content-length"),
        pytest.param(
            b"POST /_emulator/clock/advance HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Transfer-Encoding: chunked\r\n\r\nzz\r\n",
            id="bad chunk size",
        ),
    ],
)
def test_emulator_answers_unparseable_http_json_400(
    emulator: RunningEmulator, garbage: bytes
) -> None:
    port = int(emulator.base_url.rsplit(":", 1)[1])
    with connections(port, [garbage]) as (sock,):
        closed = read_until_closed([sock])
    assert_json_error(closed[sock], 400)


# --- the runtime -----------------------------------------------------------------------------


def test_server_runs_on_uvloop_and_httptools() -> None:
    loops: list[asyncio.AbstractEventLoop] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        loops.append(asyncio.get_running_loop())
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    with serving(app) as (port, server), httpx.Client() as client:
        assert client.get(f"http://{HOST}:{port}/").status_code == 204
        protocols = list(server.server_state.connections)  # the client's kept-alive connection
    assert len(loops) == 1
    assert isinstance(loops[0], uvloop.Loop)
    assert protocols
    assert all(isinstance(p, HttpToolsProtocol) for p in protocols)


# --- repeated log lines ----------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _record(message: str, name: str = "uvicorn.error") -> logging.LogRecord:
    return logging.makeLogRecord({"name": name, "levelno": logging.WARNING, "msg": message})


def test_repeated_message_filter_lets_one_per_interval_through_with_the_count() -> None:
    clock = FakeClock()
    repeats = RepeatedMessageFilter(interval=10.0, clock=clock)
    first = _record("Invalid HTTP request received.")
    assert repeats.filter(first)
    assert not hasattr(first, "suppressed_repeats")
    assert [repeats.filter(_record("Invalid HTTP request received.")) for _ in range(99)] == [
        False
    ] * 99
    clock.now += 9.999
    assert not repeats.filter(_record("Invalid HTTP request received."))
    clock.now += 0.001
    after = _record("Invalid HTTP request received.")
    assert repeats.filter(after)
    assert vars(after)["suppressed_repeats"] == 100


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(_record("a"), _record("b"), id="another message"),
        pytest.param(_record("a"), _record("a", name="asyncio"), id="another logger"),
        pytest.param(
            _record("a"),
            logging.makeLogRecord({"name": "uvicorn.error", "levelno": logging.ERROR, "msg": "a"}),
            id="another level",
        ),
    ],
)
def test_repeated_message_filter_passes_a_different_line(
    first: logging.LogRecord, second: logging.LogRecord
) -> None:
    repeats = RepeatedMessageFilter(interval=10.0, clock=FakeClock())
    assert repeats.filter(first)
    assert repeats.filter(second)


def test_repeated_message_filter_remembers_a_bounded_number_of_messages() -> None:
    repeats = RepeatedMessageFilter(interval=10.0, max_messages=3, clock=FakeClock())
    assert all(repeats.filter(_record(str(n))) for n in range(4))  # "0" is forgotten
    assert repeats.filter(_record("0"))
    assert not repeats.filter(_record("3"))


@pytest.fixture
def logging_restored() -> Iterator[None]:
    """Puts back what `configure_logging` changes."""
    root = logging.getLogger()
    saved_root = (root.handlers[:], root.level)
    loggers = [logging.getLogger(n) for n in ("uvicorn", "uvicorn.error", "uvicorn.access")]
    loggers += [
        logging.getLogger(n)
        for n in ("asyncio", "didit_emulator", "didit_emulator.server", "httpx", "httpcore")
    ]
    saved = [(lg, lg.handlers[:], lg.filters[:], lg.propagate, lg.level) for lg in loggers]
    yield
    root.handlers[:], _ = saved_root
    root.setLevel(saved_root[1])
    for lg, handlers, filters, propagate, level in saved:
        lg.handlers[:] = handlers
        lg.filters[:] = filters
        lg.propagate = propagate
        lg.setLevel(level)


@pytest.fixture
def configured_log(logging_restored: None, monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """What `configure_logging("info")` writes, read from a stderr of the test's own."""
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    configure_logging("info")
    return stderr


def test_configure_logging_rate_limits_the_accept_loop_flood(
    configured_log: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = configured_log
    monkeypatch.setattr(sys, "stderr", stderr)  # pytest's capture has put its own back
    configure_logging("info")  # configuring twice leaves one filter, not two
    loop = asyncio.new_event_loop()  # asyncio's own loop logs this; how it reports EMFILE
    try:
        with socket.socket() as listener:
            for _ in range(1000):
                loop.call_exception_handler(
                    {
                        "message": "socket.accept() out of system resource",
                        "exception": OSError(errno.EMFILE, os.strerror(errno.EMFILE)),
                        "socket": listener,
                    }
                )
    finally:
        loop.close()
    lines = [json.loads(line) for line in stderr.getvalue().splitlines()]
    assert len(lines) == 1
    assert lines[0]["logger"] == "asyncio"
    assert lines[0]["message"].startswith("socket.accept() out of system resource")
    assert len(logging.getLogger("asyncio").filters) == 1


# --- the command line ------------------------------------------------------------------------


def test_cli_flags_become_server_settings() -> None:
    args = _parser().parse_args(
        ["--port", "9001", "--read-timeout", "0.5", "--limit-concurrency", "7", "--no-access-log"]
    )
    settings = settings_from(args)
    assert (settings.port, settings.read_timeout, settings.limit_concurrency) == (9001, 0.5, 7)
    assert args.access_log is False
    assert _parser().parse_args([]).access_log is True


@pytest.mark.parametrize(
    "flags",
    [
        ["--read-timeout", "0"],
        ["--read-timeout", "-1"],
        ["--read-timeout", "soon"],
        ["--limit-concurrency", "0"],
        ["--limit-concurrency", "2.5"],
        ["--graceful-timeout", "0"],
    ],
)
def test_cli_refuses_a_non_positive_setting(flags: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parser().parse_args(flags)
    assert exit_info.value.code == 2


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("didit-emulator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "didit_emulator.cli"]


def _wait_for_line(process: subprocess.Popen[bytes], wanted: str) -> list[dict[str, Any]]:
    """The JSON log lines up to and including the first whose message contains `wanted`."""
    assert process.stderr is not None
    lines: list[dict[str, Any]] = []
    deadline = time.monotonic() + 3 * DEADLINE
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        for _ in range(10_000):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {wanted!r} in time: {lines}"
            assert process.poll() is None, f"exited before {wanted!r}: {lines}"
            if selector.select(timeout=remaining):
                line = process.stderr.readline()
                if line.strip():
                    lines.append(json.loads(line))
                    if wanted in lines[-1]["message"]:
                        return lines
    raise AssertionError(f"no {wanted!r} in {lines}")


def test_cli_serves_with_a_read_timeout_and_no_access_log() -> None:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [*_console_script(), "--port", str(port), "--read-timeout", "0.3", "--no-access-log"],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        _wait_for_line(process, "Uvicorn running on")
        with connections(port, [STALLS["headers"]]) as (stalled,):
            closed = read_until_closed([stalled])
        assert_json_error(closed[stalled], 408)
        assert httpx.get(f"http://{HOST}:{port}/_emulator/clock").status_code == 200
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=3 * DEADLINE)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    lines = [json.loads(line) for line in stderr.decode().splitlines() if line.strip()]
    assert any(line["message"] == "stopped" for line in lines)
    assert not [line for line in lines if line["logger"] == "didit_emulator.access"]


def test_configure_logging_keeps_webhook_delivery_urls_out_of_the_log(
    configured_log: io.StringIO,
) -> None:
    with WebhookEndpoint() as receiver, in_process_emulator() as emulator:
        headers = {"x-api-key": emulator.application().api_key}
        created = emulator.http(headers=headers).post(
            "/v3/webhook/destinations/",
            json={
                "label": "receiver",
                "url": receiver.url + "?token=receiver-secret-123",
                "subscribed_events": ["status.updated"],
            },
        )
        assert created.status_code == 201, created.text
        emulator.finished_session()
        flushed = emulator.http().post("/_emulator/webhooks/flush").json()
    assert [a["status_code"] for a in flushed["attempts"]] == [200]
    assert "receiver-secret-123" not in configured_log.getvalue()


def test_configure_logging_rate_limits_repeated_unhandled_errors(
    configured_log: io.StringIO,
) -> None:
    for _ in range(100):
        logging.getLogger("didit_emulator").error("unhandled error in %s", "create_session")
    assert len(configured_log.getvalue().splitlines()) == 1
