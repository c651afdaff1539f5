"""The uvicorn server the emulator runs in, built one way for `didit-emulator` and for tests.

uvicorn's defaults leave a shared emulator open to clients that never finish: it has no deadline
for receiving a request, so connections that send half a request line, half the headers, half a
body or nothing at all stay open for ever; enough of them use up the process's file descriptors
and the emulator stops answering. This module configures uvicorn so that cannot happen, and so
that it is fast:

- uvloop as the event loop and httptools as the HTTP parser (about 40 % more requests per second
  than asyncio + h11 with no code change);
- a read deadline (`ServerSettings.read_timeout`): a request line, headers and body must all have
  arrived within it, counted from the connection (or from the request's first byte on a kept-alive
  connection). A late request is answered 408 and its connection closed; a connection that sent
  nothing is simply closed. One sweep per server notices late requests, within a quarter of the
  timeout (at most a second) after it, rather than a timer per request. Idle kept-alive
  connections close after `keep_alive_timeout`;
- a cap on connections (`ServerSettings.limit_concurrency`): with that many open, a new request is
  answered 503, and a connection beyond it is answered 503 and closed at once, so it holds no file
  descriptor for longer than it takes to say so;
- bytes the HTTP parser rejects are answered 400 with the emulator's JSON `{"detail": ...}`, as
  every other error is, instead of uvicorn's plain text;
- no `X-Forwarded-For` / `X-Forwarded-Proto` is believed unless `ServerSettings.trusted_proxies`
  names the proxy it comes from (off by default): otherwise any local client could pick the client
  address the rate limits count by, and so multiply its limits.

`build_server` returns a `uvicorn.Server` (the CLI calls its `run()`); `serving_in_background`
runs one in a thread for tests (`didit_emulator.testing.running_emulator` uses it).
"""

from __future__ import annotations

import asyncio
import json
import logging
import resource
import socket
import threading
import weakref
from asyncio import TimerHandle
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.types import ASGIApp
from uvicorn._types import ASGI3Application, ASGIReceiveCallable, ASGISendCallable, Scope
from uvicorn.protocols.http.flow_control import service_unavailable
from uvicorn.protocols.http.httptools_impl import (
    STATUS_LINE,
    HttpToolsProtocol,
    RequestResponseCycle,
)
from uvicorn.server import ServerState

from .logs import SERVER_LOGGER

__all__ = [
    "EmulatorHttpProtocol",
    "ServerSettings",
    "build_server",
    "default_limit_concurrency",
    "listening_socket",
    "serving_in_background",
]

logger = logging.getLogger(SERVER_LOGGER)

# At most this many connections by default; fewer if the process may open fewer than twice as many
# files (the rest stay free for the emulator itself: webhook deliveries, logs).
_DEFAULT_CONNECTION_CAP = 1000
_START_TIMEOUT = 10.0
_START_POLL = 0.05  # how often a failed start (a dead thread) is noticed

READ_TIMEOUT_DETAIL = "The request did not arrive in time: the connection is closed."
MALFORMED_DETAIL = (
    "The request is not valid HTTP/1.1: its request line, headers or framing could not be parsed."
)
OVER_CAPACITY_DETAIL = "The emulator is at its connection limit; retry shortly."


def default_limit_concurrency() -> int:
    """1,000 connections, or half the process's soft open-file limit if that is lower."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return _DEFAULT_CONNECTION_CAP
    return max(1, min(_DEFAULT_CONNECTION_CAP, soft // 2))


@dataclass(frozen=True)
class ServerSettings:
    """How the emulator's server listens. Timeouts are in seconds."""

    host: str = "127.0.0.1"
    port: int = 8790
    # A request line, headers and body must all arrive within this (see the module docstring).
    read_timeout: float = 10.0
    # An idle kept-alive connection is closed after this.
    keep_alive_timeout: float = 5.0
    # Connections open at once; requests beyond it are answered 503 (see the module docstring).
    limit_concurrency: int = field(default_factory=default_limit_concurrency)
    # Connections the kernel may queue before the server accepts them.
    backlog: int = 2048
    # On shutdown, requests in flight get this long to finish.
    graceful_timeout: float = 5.0
    # Addresses (or networks, or "*") of proxies whose X-Forwarded-For / X-Forwarded-Proto are
    # believed, comma-separated as uvicorn's `forwarded_allow_ips`; None believes no one.
    trusted_proxies: str | None = None

    def __post_init__(self) -> None:
        for name in ("read_timeout", "keep_alive_timeout", "graceful_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be a positive number of seconds")
        if self.limit_concurrency < 1:
            raise ValueError("limit_concurrency must be at least 1")


class EmulatorServerConfig(uvicorn.Config):
    """uvicorn's configuration with the emulator's settings attached for its protocol."""

    def __init__(self, app: ASGIApp, settings: ServerSettings) -> None:
        super().__init__(
            app,
            host=settings.host,
            port=settings.port,
            loop="uvloop",
            http=EmulatorHttpProtocol,
            ws="none",
            lifespan="off",
            log_config=None,
            # The emulator logs requests itself (`didit_emulator.logs.AccessLogMiddleware`).
            access_log=False,
            server_header=False,
            # Nothing sits in front of the emulator by default: X-Forwarded-* from a local client
            # must not choose the client address (rate-limit keys) or the scheme.
            proxy_headers=settings.trusted_proxies is not None,
            forwarded_allow_ips=settings.trusted_proxies or "",
            limit_concurrency=settings.limit_concurrency,
            backlog=settings.backlog,
            # uvicorn annotates these as int; it hands them to call_later / wait_for (float secs).
            timeout_keep_alive=settings.keep_alive_timeout,  # type: ignore[arg-type]
            timeout_graceful_shutdown=settings.graceful_timeout,  # type: ignore[arg-type]
        )
        self.settings = settings


class _ReadDeadlines:
    """The read deadline of every connection of one server, kept by one timer.

    A timer per request (armed when its first byte arrives, cancelled when it is complete) costs
    a timer handle's creation and cancellation on every request, a measurable share of a read
    (issue 13). Instead each connection notes when its current request began (`read_since`),
    and this sweep, every quarter of the read timeout (at most every second), closes those whose
    request has taken longer than the timeout. A late request is so closed between the timeout
    and a quarter of it (or a second) later. The sweep runs only while the server has connections.
    """

    def __init__(
        self, loop: asyncio.AbstractEventLoop, connections: set[Any], read_timeout: float
    ) -> None:
        self.loop = loop
        self.connections = connections
        self.interval = min(1.0, max(0.01, read_timeout / 4))
        self.timer: TimerHandle | None = None

    def ensure_running(self) -> None:
        if self.timer is None:
            self.timer = self.loop.call_later(self.interval, self.sweep)

    def sweep(self) -> None:
        self.timer = None
        now = self.loop.time()
        for protocol in list(self.connections):
            try:
                if isinstance(protocol, EmulatorHttpProtocol) and protocol.read_overdue(now):
                    protocol.read_timed_out()
            except Exception:  # one connection's failure must not end every other's deadline
                logger.exception("closing a connection at its read deadline failed")
        if self.connections:
            self.ensure_running()


# One sweep per server (its `ServerState`), started by its first connection.
_read_deadlines: weakref.WeakKeyDictionary[ServerState, _ReadDeadlines] = (
    weakref.WeakKeyDictionary()
)


class EmulatorHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a read deadline, a hard connection cap and JSON errors."""

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        settings = config.settings if isinstance(config, EmulatorServerConfig) else ServerSettings()
        self.read_timeout = settings.read_timeout
        # When the request being read began to arrive (or the connection was made); None while
        # no request is being read.
        self.read_since: float | None = None
        self.request_begun = False  # a byte of the current request has arrived, not all of it
        self.headers_received = False  # the current request's headers are complete
        deadlines = _read_deadlines.get(server_state)
        if deadlines is None:
            deadlines = _ReadDeadlines(self.loop, server_state.connections, self.read_timeout)
            _read_deadlines[server_state] = deadlines
        self.deadlines = deadlines

    # --- connection -------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if self.limit_concurrency is not None and len(self.connections) > self.limit_concurrency:
            logger.warning("connection refused: the connection limit is reached")
            self.answer_and_close(503, OVER_CAPACITY_DETAIL)
            return
        self.arm_read_deadline()
        self.deadlines.ensure_running()

    def connection_lost(self, exc: Exception | None) -> None:
        self.cancel_read_deadline()
        super().connection_lost(exc)

    # --- the read deadline (kept by `_ReadDeadlines`) ---------------------------------------

    def arm_read_deadline(self) -> None:
        if self.read_since is None:
            self.read_since = self.loop.time()

    def cancel_read_deadline(self) -> None:
        self.read_since = None

    def read_overdue(self, now: float) -> bool:
        return self.read_since is not None and now - self.read_since >= self.read_timeout

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.request_begun = True
        self.headers_received = False
        self.arm_read_deadline()  # a no-op on a new connection: armed when it was made

    def on_headers_complete(self) -> None:
        self.headers_received = True
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self.request_begun = False
        self.read_since = None
        super().on_message_complete()

    def read_timed_out(self) -> None:
        self.read_since = None
        if self.transport.is_closing():
            return
        if self.flow.read_paused:
            # uvicorn stopped reading (a queued pipelined request, or a body the application has
            # not consumed yet): the delay is the server's, not the client's.
            self.arm_read_deadline()
            return
        logger.warning("connection closed: no complete request within the read timeout")
        if self.request_begun:
            self.answer_and_close(408, READ_TIMEOUT_DETAIL)
        else:
            self.transport.close()

    # --- answers uvicorn gives in plain text ------------------------------------------------

    def send_400_response(self, msg: str) -> None:
        """Called by uvicorn when httptools rejects the bytes received."""
        self.answer_and_close(400, MALFORMED_DETAIL)

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: ASGI3Application) -> None:
        # uvicorn picks its plain-text 503 application when `limit_concurrency` is exceeded.
        if app is service_unavailable:
            app = _over_capacity
        super()._start_asgi_task(cycle, app)

    def answer_and_close(self, status: int, detail: str) -> None:
        """Writes `{"detail": ...}` with `status` and closes the connection, unless the application
        has begun to answer this request or the one before it (then the connection is just
        closed: a second answer would be read as the answer to a later request)."""
        cycle = self.cycle
        # `cycle` is the current request's once its headers are in, else the previous request's.
        if cycle is not None and (self.headers_received or not cycle.response_complete):
            if cycle.response_started:
                self.transport.close()
                return
            # The application is still waiting for the request: it sees a disconnect, and its
            # answer, if it writes one, goes nowhere.
            cycle.disconnected = True
            cycle.message_event.set()
        body = json.dumps({"detail": detail}).encode()
        head = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [
            b"content-type: application/json\r\n",
            b"content-length: %d\r\n" % len(body),
            b"connection: close\r\n",
            b"\r\n",
        ]
        self.transport.write(b"".join([*head, body]))
        self.transport.close()


async def _over_capacity(
    scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable
) -> None:
    body = json.dumps({"detail": OVER_CAPACITY_DETAIL}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", b"1"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


class EmulatorServer(uvicorn.Server):
    """A `uvicorn.Server` that also signals, through `started_event`, that it is listening."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.started_event = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.started_event.set()


def build_server(app: ASGIApp, settings: ServerSettings) -> EmulatorServer:
    """The emulator's uvicorn server for `app`; `run()` serves until SIGINT / SIGTERM or
    `should_exit`."""
    return EmulatorServer(EmulatorServerConfig(app, settings))


def listening_socket(host: str, port: int = 0) -> socket.socket:
    """A TCP socket bound to (host, port); port 0 picks a free one."""
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on sockets whose proto says TCP.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


@contextmanager
def serving_in_background(
    app: ASGIApp, settings: ServerSettings, sock: socket.socket
) -> Iterator[EmulatorServer]:
    """Serves `app` on the bound `sock` in a background thread while the block runs, then stops
    the server gracefully (the socket is closed either way). `settings.host` / `port` are unused:
    the socket decides where it listens."""
    server = build_server(app, settings)
    name = f"didit-emulator:{sock.getsockname()[1]}"
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    try:
        for _ in range(round(_START_TIMEOUT / _START_POLL)):
            if server.started_event.wait(_START_POLL):
                break
            if not thread.is_alive():
                raise RuntimeError("the emulator did not start")
        else:
            raise RuntimeError("the emulator did not start")
        yield server
    finally:
        server.should_exit = True
        thread.join(timeout=settings.graceful_timeout + _START_TIMEOUT)
        sock.close()
