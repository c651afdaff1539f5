"""A local webhook endpoint for tests: a real HTTP server on 127.0.0.1 that records every
request (raw body bytes and headers, as a customer's endpoint would get them) and answers with
scripted statuses.

    with WebhookEndpoint(statuses=[500, 500]) as receiver:   # then 200 for the rest
        ...                                                 # point a destination at receiver.url
        receiver.requests                                   # what arrived, in order

`hold=True` makes it never answer (until the block exits, or `release` is set), to provoke
timeouts; `wait_for(n)` waits until n requests have arrived (deliveries come from a background
thread).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

__all__ = ["CallbackServer", "Received", "WebhookEndpoint", "callback_server"]


@dataclass(frozen=True)
class Received:
    path: str
    body: bytes
    headers: dict[str, str]


class WebhookEndpoint:
    """Records POSTs; answers each with the next scripted status, then 200."""

    def __init__(self, statuses: Iterable[int] = (), *, hold: bool = False) -> None:
        self.statuses = list(statuses)
        self.requests: list[Received] = []
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.requests.append(Received(self.path, body, dict(self.headers.items())))
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver._arrived.notify_all()
                receiver.release.wait()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(f"answered {status}".encode())

            def log_message(self, *args: object) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhooks/didit"

    def wait_for(self, count: int, within: float = 10.0) -> bool:
        """Whether `count` requests have arrived, waiting up to `within` seconds for them (a
        bound for a broken run, not a timing: a passing run returns as the request arrives)."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.requests) >= count, within)

    def __enter__(self) -> WebhookEndpoint:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


class CallbackServer:
    """Where the browser lands after the hosted page: records each GET of `url`'s path, with
    its query (anything else the browser asks for is 404)."""

    def __init__(self) -> None:
        self.visits: list[tuple[str, dict[str, list[str]]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != urlsplit(server.url).path:  # the browser's /favicon.ico
                    self.send_error(404)
                    return
                server.visits.append((parts.path, parse_qs(parts.query)))
                page = b"<!doctype html><title>Back at the app</title><h1>Back at the app</h1>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: object) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/verification/done"


@contextmanager
def callback_server() -> Iterator[CallbackServer]:
    server = CallbackServer()
    threading.Thread(target=server.server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.server.shutdown()
        server.server.server_close()
