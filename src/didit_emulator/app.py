"""`create_app`: the emulator as a Starlette ASGI application."""

from __future__ import annotations

import logging
import threading
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import EmulatorConfig, default_config
from .exceptions import (
    BadRequest,
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
from .urls import build_routes
from .validation import ResponseValidator, didit_document

__all__ = ["ResponseAudit", "create_app"]

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


def create_app(
    config: EmulatorConfig | None = None,
    *,
    validate_responses: bool = False,
    access_log: bool = True,
) -> Starlette:
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
    middleware = [Middleware(AccessLogMiddleware)] if access_log else []
    if validate_responses:
        middleware.append(Middleware(ResponseValidationMiddleware, audit=audit))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        error: EmulatorError
        if exc.status_code == 404:
            error = RouteNotFound(f"Not found: no operation at {request.url.path}.")
        elif exc.status_code == 405:
            methods = (exc.headers or {}).get("Allow", "").split(",")
            allow = ", ".join(sorted(m.strip() for m in methods if m.strip()))
            error = MethodNotAllowed(
                f"Method {request.method} not allowed; allowed: {allow}.",
                headers={"Allow": allow},
            )
        elif exc.status_code < 500:
            error = BadRequest(str(exc.detail))
        else:
            error = InternalError()
        return error_response(error, unrouted_headers(request, backend, limiter))

    async def server_error(request: Request, exc: Exception) -> Response:
        logger.error("unhandled error", exc_info=exc)
        return error_response(InternalError())

    exception_handlers: dict[Any, Any] = {HTTPException: http_error, Exception: server_error}
    app = Starlette(
        routes=build_routes(backend, limiter),
        middleware=middleware,
        exception_handlers=exception_handlers,
    )
    app.router.redirect_slashes = False
    app.state.backend = backend
    app.state.rate_limiter = limiter
    app.state.config = config
    app.state.response_audit = audit
    return app
