"""`create_app`: the emulator as an ASGI application.

`EmulatorApp` is the whole application: the routing table of `urls.py` compiled into a
`routing.Router`, the middleware chosen at creation (the access log, the response audit) and
any added later (`add_middleware`, as Starlette's), and one guard that turns an unexpected
exception into the emulator's JSON 500. It is not a Starlette application: Starlette's router
and exception middleware cost more per request than the emulator's own work on a read (issue 13),
and the emulator needs neither (every wire error is an `EmulatorError`, answered by the pipeline).
Requests and responses are still Starlette's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import EmulatorConfig, default_config
from .exceptions import (
    EmulatorError,
    InternalError,
    MethodNotAllowed,
    RouteNotFound,
    error_response,
)
from .logs import AccessLogMiddleware
from .models import EmulatorBackend
from .pipeline import unrouted_headers
from .ratelimit import SlidingWindowRateLimiter
from .routing import Route, Router
from .urls import build_routes
from .validation import ResponseValidator, didit_document

__all__ = ["EmulatorApp", "ResponseAudit", "create_app"]

logger = logging.getLogger("didit_emulator")


class ResponseAudit:
    """What the response-validating middleware found: how many responses of spec operations it
    checked, and every way one of them strayed from openapi.yaml."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.checked = 0
        self.violations: list[str] = []

    def record(self, problems: list[str]) -> None:
        with self._lock:
            self.checked += 1
            self.violations.extend(problems)

    def clear(self) -> None:
        with self._lock:
            self.checked = 0
            self.violations.clear()


class ResponseValidationMiddleware:
    """Checks every response of an openapi.yaml operation against the spec (status documented,
    headers, content type, body schema) and records what does not conform in a `ResponseAudit`."""

    def __init__(self, app: ASGIApp, audit: ResponseAudit) -> None:
        self.app = app
        self.audit = audit
        self.validator = ResponseValidator(didit_document())
        self.operations = {op.operation_id for op in didit_document().operations}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})
        status = 0
        headers: dict[str, str] = {}
        chunks: list[bytes] = []

        held: list[Message] = []

        async def capture(message: Message) -> None:
            # Nothing leaves until the body is complete and checked, so a client that has the
            # response also finds its findings in the audit.
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                for key, value in message.get("headers", []):
                    headers[key.decode("latin-1")] = value.decode("latin-1")
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._check(scope, status, headers, b"".join(chunks))
            held.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                while held:
                    await send(held.pop(0))

        await self.app(scope, receive, capture)

    def _check(self, scope: Scope, status: int, headers: dict[str, str], body: bytes) -> None:
        operation_id = (scope.get("state") or {}).get("operation_id")
        if operation_id in self.operations and scope["method"] != "HEAD":
            problems = self.validator.check(operation_id, status, headers, body)
            for problem in problems:
                logger.error("response violates openapi.yaml: %s", problem)
            self.audit.record(problems)


class EmulatorApp:
    """The emulator's ASGI application (see the module). `state` holds `backend`, `rate_limiter`,
    `config` and `response_audit`; `routes` is the routing table."""

    def __init__(
        self,
        router: Router,
        state: State,
        middleware: Sequence[tuple[type[Any], dict[str, Any]]] = (),
    ) -> None:
        self.router = router
        self.state = state
        self._middleware = list(middleware)  # outermost first
        self._stack: ASGIApp | None = None

    def close(self) -> None:
        """Stops what runs beside the app (the webhook deliveries' thread); the server's lifespan
        shutdown and the test helpers call it."""
        self.state.backend.stop_deliveries()

    @property
    def routes(self) -> tuple[Route, ...]:
        return self.router.routes

    def add_middleware(self, middleware_class: type[Any], **options: Any) -> None:
        """Wraps the application in `middleware_class(app, **options)`, outside the middleware
        already there (Starlette's `add_middleware` order)."""
        self._middleware.insert(0, (middleware_class, options))
        self._stack = None

    def _build_stack(self) -> ASGIApp:
        app: ASGIApp = self._dispatch
        for middleware_class, options in reversed(self._middleware):
            app = middleware_class(app, **options)
        return app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        scope["app"] = self  # the access log reads the route templates from it
        if kind == "http":
            stack = self._stack
            if stack is None:
                stack = self._stack = self._build_stack()
            await _guarded(stack, scope, receive, send)
        elif kind == "lifespan":
            await _lifespan(receive, send, on_shutdown=self.close)
        elif kind == "websocket":
            await send({"type": "websocket.close", "code": 1000})

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            response = await self._respond(request)
        except Exception as exc:  # a bug: answered here, so the middleware sees the 500 too
            logger.error("unhandled error", exc_info=exc)
            response = error_response(InternalError())
        await response(scope, receive, send)

    async def _respond(self, request: Request) -> Response:
        scope = request.scope
        method: str = scope["method"]
        match = self.router.match(_route_path(scope), method)
        if match is None or match.endpoint is None:
            error: EmulatorError
            if match is None:
                error = RouteNotFound(f"Not found: no operation at {scope['path']}.")
            else:
                allow = ", ".join(sorted(match.allowed))
                error = MethodNotAllowed(
                    f"Method {method} not allowed; allowed: {allow}.", headers={"Allow": allow}
                )
            state = self.state
            return error_response(
                error, unrouted_headers(request, state.backend, state.rate_limiter)
            )
        scope["path_params"] = match.path_params
        return await match.endpoint(request)


async def _guarded(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Runs `app` (the middleware and the dispatch); an exception escaping it (from a middleware,
    or while a response is sent) is a bug: logged, and answered with the JSON 500 unless the
    response had already begun (then it is raised on, for the server to close the connection)."""
    started = False

    async def send_and_note(message: Message) -> None:
        nonlocal started
        if message["type"] == "http.response.start":
            started = True
        await send(message)

    try:
        await app(scope, receive, send_and_note)
    except Exception as exc:
        logger.error("unhandled error", exc_info=exc)
        if started:
            raise
        await error_response(InternalError())(scope, receive, send)


def _route_path(scope: Scope) -> str:
    """The path to route: the request's path less the application's mount point (`root_path`),
    as Starlette's router reads it."""
    path: str = scope["path"]
    root_path: str = scope.get("root_path", "")
    if root_path and path.startswith(root_path) and path[len(root_path) :].startswith("/"):
        return path[len(root_path) :]
    return path


async def _lifespan(receive: Receive, send: Send, on_shutdown: Callable[[], None]) -> None:
    """Nothing to start (the backend is built with the application); `on_shutdown` when the
    server stops, off the event loop."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await run_in_threadpool(on_shutdown)
            await send({"type": "lifespan.shutdown.complete"})
            return


def create_app(
    config: EmulatorConfig | None = None,
    *,
    validate_responses: bool = False,
    access_log: bool = True,
) -> EmulatorApp:
    """The emulator: every operation of openapi.yaml, the `/_emulator/` control surface and the
    session pages, over one `EmulatorBackend` seeded from `config` (the default configuration when
    None).

    With `access_log` false, no request is logged (and no logging middleware runs).
    With `validate_responses`, every response of a spec operation is checked against the spec;
    findings go to the log and to `app.state.response_audit`.

    The app's state has `backend` (the `EmulatorBackend`), `rate_limiter`, `config` and
    `response_audit`.
    """
    config = config or default_config()
    backend = EmulatorBackend(config)
    limiter = SlidingWindowRateLimiter(config.rate_limits, backend.clock)
    audit = ResponseAudit()
    # Without the access log the middleware is left out altogether (it is a cost per request).
    middleware: list[tuple[type[Any], dict[str, Any]]] = (
        [(AccessLogMiddleware, {})] if access_log else []
    )
    if validate_responses:
        middleware.append((ResponseValidationMiddleware, {"audit": audit}))
    state = State(
        {"backend": backend, "rate_limiter": limiter, "config": config, "response_audit": audit}
    )
    return EmulatorApp(Router(build_routes(backend, limiter)), state, middleware)
