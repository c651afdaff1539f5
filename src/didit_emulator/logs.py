"""Structured logs: one JSON object per line, and one line per request.

A request line has `method`, `path`, `status`, `latency_ms` and, for operations of the spec, the
`operation_id`. It never has a header, a query string or a body, so no API key, client secret,
access token, share token or vendor data reaches the log. Nor does a token a client puts in the
path, whatever the method and whether or not a route matched: `PathRedactor` keeps only the
segments a route template of the app spells out and UUIDs (session ids are not secrets), shows a
segment in a parameter's place as the parameter (`/session/{session_token}`), and every other
segment as `{redacted}`.

The server's own warnings (uvicorn's, asyncio's, the emulator's server module's) can be provoked
by a client at the rate it connects (garbage requests, connections over the limit, an accept loop
out of file descriptors); `RepeatedMessageFilter` keeps such a flood to one line per interval.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import weakref
from collections.abc import Callable, Iterable, MutableMapping
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "ACCESS_LOGGER",
    "SERVER_LOGGER",
    "AccessLogMiddleware",
    "JsonFormatter",
    "PathRedactor",
    "RepeatedMessageFilter",
    "configure_logging",
    "logged_path",
]

ACCESS_LOGGER = "didit_emulator.access"
SERVER_LOGGER = "didit_emulator.server"
# Loggers whose lines a client can provoke in bulk; their repeats are rate-limited.
_FLOODABLE_LOGGERS = ("uvicorn", "uvicorn.error", "asyncio", "didit_emulator", SERVER_LOGGER)
# The HTTP client the emulator delivers webhooks with: it would log each delivery's URL, and a
# receiver's URL can carry a token in its query. Its warnings and errors still come through.
_QUIET_LOGGERS = ("httpx", "httpcore")
# LogRecord's own attributes, and uvicorn's ANSI-coloured duplicate of its message.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "color_message"}


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line: time, level, logger, message and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat().replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class RepeatedMessageFilter(logging.Filter):
    """Lets an identical message (same logger, level and text) through at most once per
    `interval` seconds. The next one let through carries `suppressed_repeats`: how many were
    dropped since the previous one. At most `max_messages` distinct messages are remembered (the
    least recently let through are forgotten first)."""

    def __init__(
        self,
        interval: float = 10.0,
        *,
        max_messages: int = 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.interval = interval
        self.max_messages = max_messages
        self.clock = clock
        # message -> (when it was last let through, repeats dropped since)
        self._seen: dict[tuple[str, int, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, record.getMessage())
        now = self.clock()
        seen = self._seen.get(key)
        if seen is not None and now - seen[0] < self.interval:
            self._seen[key] = (seen[0], seen[1] + 1)
            return False
        if seen is not None:
            del self._seen[key]
            if seen[1]:
                record.suppressed_repeats = seen[1]
        self._seen[key] = (now, 0)
        while len(self._seen) > self.max_messages:
            del self._seen[next(iter(self._seen))]
        return True


def configure_logging(level: str = "info") -> None:
    """Sends every log record (the emulator's and uvicorn's) to stderr as JSON lines, rate-limits
    repeated server warnings (`RepeatedMessageFilter`), and keeps httpx's per-request lines (the
    webhook deliveries' URLs) out."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    repeats = RepeatedMessageFilter()
    for name in _FLOODABLE_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, RepeatedMessageFilter)]:
            logger.removeFilter(old)
        logger.addFilter(repeats)


REDACTED = "{redacted}"
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _is_parameter(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


class PathRedactor:
    """Shows a request path with only what the app's route templates spell out.

    A segment is shown as it is when it is a literal segment of some route template (`v3`,
    `session`, `decision`) or a UUID (session ids are not secrets). Otherwise, where the path
    begins like a template (`/session/<token>/...` like `/session/{session_token}`), the segment
    in a parameter's place is shown as that parameter (`{session_token}`); any other segment is
    `{redacted}`.
    """

    def __init__(self, templates: Iterable[str]) -> None:
        templates = list(templates)
        prefixes = []
        for template in templates:
            segments = template.split("/")
            while len(segments) > 1 and segments[-1] == "":
                segments.pop()
            if any(_is_parameter(s) for s in segments):
                prefixes.append(tuple(segments))
        # Longest first: the most specific template a path begins with wins.
        self.templates = sorted(set(prefixes), key=len, reverse=True)
        self.literals = frozenset(
            s for template in templates for s in template.split("/") if not _is_parameter(s)
        )

    def _shown(self, segment: str) -> bool:
        return not segment or segment in self.literals or _UUID.fullmatch(segment) is not None

    def __call__(self, path: str) -> str:
        segments = path.split("/")
        if all(self._shown(segment) for segment in segments):
            return path
        template = next((t for t in self.templates if self._begins_like(segments, t)), ())
        shown = [
            segment
            if self._shown(segment)
            else template[index]
            if index < len(template) and _is_parameter(template[index])
            else REDACTED
            for index, segment in enumerate(segments)
        ]
        return "/".join(shown)

    @staticmethod
    def _begins_like(segments: list[str], template: tuple[str, ...]) -> bool:
        return len(segments) >= len(template) and all(
            _is_parameter(t) or t == s for t, s in zip(template, segments, strict=False)
        )


# One redactor per app (its route templates), made on the app's first request.
_redactors: weakref.WeakKeyDictionary[Any, PathRedactor] = weakref.WeakKeyDictionary()
_NO_ROUTES = PathRedactor(())


def logged_path(scope: Scope) -> str:
    """The request's path as the access log shows it (see `PathRedactor`), per the routes of the
    app serving it (every segment but UUIDs redacted without one)."""
    app = scope.get("app")
    routes = getattr(app, "routes", None)
    if routes is None:
        return _NO_ROUTES(scope["path"])
    redactor = _redactors.get(app)
    if redactor is None:
        redactor = PathRedactor(str(getattr(route, "path", "")) for route in routes)
        _redactors[app] = redactor
    return redactor(scope["path"])


class AccessLogMiddleware:
    """Logs one line per HTTP request, as its response completes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.logger = logging.getLogger(ACCESS_LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        logged = False
        scope.setdefault("state", {})

        def log() -> None:
            nonlocal logged
            logged = True
            state: MutableMapping[str, Any] = scope.get("state") or {}
            fields = {
                "method": scope["method"],
                "path": state.get("log_path") or logged_path(scope),
                "status": status,
                "latency_ms": round((time.perf_counter() - started) * 1000, 3),
            }
            if state.get("operation_id"):
                fields["operation_id"] = state["operation_id"]
            self.logger.info("request", extra=fields)

        held: list[Message] = []

        async def send_and_record(message: Message) -> None:
            # The start of the response is held back until its body is complete, and the line is
            # logged first: a client that has the response (even a 204, complete at its headers)
            # finds its line in the log.
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                held.append(message)
                return
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                log()
            while held:
                await send(held.pop(0))
            await send(message)

        try:
            await self.app(scope, receive, send_and_record)
        finally:
            if not logged:
                log()
