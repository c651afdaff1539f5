"""The thin HTTP layer: one handler per operationId, and the one pipeline every request takes.

The pipeline (`endpoint`) authenticates the request as the operation's `security` in the spec says,
counts it against the rate limit, parses and validates its parameters and body against the spec,
calls the operation's handler, and turns any `EmulatorError` into its wire form in one place. A
handler parses nothing itself: it calls the backend once and serialises what comes back.
"""

from __future__ import annotations

import base64
import binascii
import html
import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from .config import ApplicationConfig
from .exceptions import (
    BodyTooLarge,
    EmulatorError,
    InternalError,
    InvalidApiKey,
    MalformedBody,
    NotFound,
    RateLimited,
    Unauthorized,
    error_response,
)
from .models import EmulatorBackend
from .validation import OperationRules, SpecDocument

__all__ = [
    "Call",
    "DiditResponses",
    "Handler",
    "base_url_of",
    "endpoint",
    "session_page",
    "unrouted_headers",
]

logger = logging.getLogger("didit_emulator")


@dataclass(frozen=True)
class Call:
    """A parsed, authenticated, validated request."""

    request: Request
    application: ApplicationConfig | None
    params: dict[str, Any]
    body: Any
    base_url: str

    @property
    def app(self) -> ApplicationConfig:
        assert self.application is not None, "operation without security"
        return self.application


Handler = Callable[[Call], Response | Awaitable[Response]]


def base_url_of(request: Request, backend: EmulatorBackend) -> str:
    """Where clients reach the emulator: the configured public URL or the request's base URL."""
    configured = backend.config.public_base_url
    return (configured or str(request.base_url)).rstrip("/")


def _authorization(request: Request, scheme: str) -> str | None:
    value = request.headers.get("authorization", "")
    kind, _, credentials = value.partition(" ")
    if kind.lower() != scheme or not credentials.strip():
        return None
    return credentials.strip()


def authenticate(
    rules: OperationRules, document: SpecDocument, backend: EmulatorBackend, request: Request
) -> ApplicationConfig | None:
    """The application the request authenticates as, per the operation's security schemes."""
    if not rules.security:
        return None
    failures: list[Unauthorized] = []
    for name in rules.security:
        scheme = document.security_scheme(name)
        kind = str(scheme.get("type"))
        http_scheme = str(scheme.get("scheme", "")).lower()
        try:
            if kind == "apiKey" and scheme.get("in") == "header":
                return backend.application_for_api_key(request.headers.get(str(scheme["name"])))
            if kind == "http" and http_scheme == "bearer":
                return backend.application_for_client_token(_authorization(request, "bearer"))
            if kind == "http" and http_scheme == "basic":
                client_id, client_secret = _basic_credentials(_authorization(request, "basic"))
                return backend.application_for_client_credentials(client_id, client_secret)
        except Unauthorized as exc:
            failures.append(exc)
    raise failures[0] if failures else Unauthorized()


def _basic_credentials(encoded: str | None) -> tuple[str | None, str | None]:
    if encoded is None:
        return None, None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None, None
    client_id, sep, client_secret = decoded.partition(":")
    return (client_id, client_secret) if sep else (None, None)


def _anonymous(request: Request) -> str:
    return f"anonymous:{request.client.host if request.client else 'unknown'}"


def unrouted_headers(request: Request, backend: EmulatorBackend) -> dict[str, str]:
    """Rate-limit headers for a request that matched no operation (404 / 405)."""
    try:
        identity = backend.application_for_api_key(request.headers.get("x-api-key")).id
    except InvalidApiKey:
        identity = _anonymous(request)
    return backend.rate_limiter.hit(identity, "unrouted").headers()


def endpoint(
    rules: OperationRules,
    document: SpecDocument,
    backend: EmulatorBackend,
    handler: Handler,
    *,
    rate_limited: bool = True,
) -> Callable[[Request], Awaitable[Response]]:
    """The Starlette endpoint of one operation: the shared request pipeline around `handler`."""

    async def run(request: Request) -> Response:
        request.state.operation_id = rules.operation_id
        headers: dict[str, str] = {}
        try:
            try:
                application = authenticate(rules, document, backend, request)
            except Unauthorized:
                if rate_limited:
                    decision = backend.rate_limiter.hit(_anonymous(request), rules.operation_id)
                    headers = decision.headers()
                    if not decision.allowed:
                        raise RateLimited() from None
                raise
            if rate_limited:
                identity = application.id if application else _anonymous(request)
                decision = backend.rate_limiter.hit(identity, rules.operation_id)
                headers = decision.headers()
                if not decision.allowed:
                    raise RateLimited(
                        f"Request was throttled: over {decision.limit} requests in "
                        f"{backend.config.rate_limits.window_seconds:g} s. "
                        f"Retry in {decision.reset_seconds} s."
                    )
            params = rules.parse_parameters(request.path_params, request.query_params.multi_items())
            body = rules.parse_body(request.headers.get("content-type"), await _read_body(request))
            call = Call(request, application, params, body, base_url_of(request, backend))
            result = handler(call)
            response = await result if inspect.isawaitable(result) else result
        except EmulatorError as error:
            return error_response(error, headers)
        except ClientDisconnect:
            return error_response(MalformedBody("The client went away mid-request."), headers)
        except Exception:
            logger.exception("unhandled error in %s", rules.operation_id)
            return error_response(InternalError(), headers)
        response.headers.update(headers)
        return response

    return run


# Far above the largest body the spec admits (a 1 MB portrait is 1,398,104 base64 characters);
# a bigger one is refused while it streams in, never held in memory whole.
MAX_BODY_BYTES = 4 * 1024 * 1024


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise BodyTooLarge()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BodyTooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


class DiditResponses:
    """One handler per operationId of openapi.yaml."""

    def __init__(self, backend: EmulatorBackend) -> None:
        self.backend = backend

    def handlers(self) -> dict[str, Handler]:
        return {
            "get_client_token": self.get_client_token,
            "create_session_v2": self.create_session_v2,
            "create_session": self.create_session,
            "get_session_decision": self.get_session_decision,
            "list_sessions": self.list_sessions,
            "delete_session": self.delete_session,
            "update_session_status": self.update_session_status,
            "generate_session_pdf": self.generate_session_pdf,
            "share_session": self.share_session,
            "import_shared_session": self.import_shared_session,
            "add_to_blocklist": self.add_to_blocklist,
            "remove_from_blocklist": self.remove_from_blocklist,
            "list_blocklist": self.list_blocklist,
        }

    def get_client_token(self, call: Call) -> Response:
        return JSONResponse(self.backend.issue_client_token(call.app, issuer=call.base_url))

    def create_session_v2(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.create_session(call.app, call.body, call.base_url), status_code=201
        )

    def create_session(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.create_session(call.app, call.body, call.base_url), status_code=201
        )

    def get_session_decision(self, call: Call) -> Response:
        return JSONResponse(self.backend.get_decision(call.app, call.params["sessionId"]))

    def list_sessions(self, call: Call) -> Response:
        page = self.backend.list_sessions(
            call.app,
            vendor_data=call.params.get("vendor_data"),
            status=call.params.get("status"),
            page=call.params["page"],
            page_size=call.params.get("page_size"),
        )

        def link(number: int) -> str:
            query = [(k, v) for k, v in call.request.query_params.multi_items() if k != "page"]
            query.append(("page", str(number)))
            return f"{call.base_url}{call.request.url.path}?{urlencode(query)}"

        return JSONResponse(
            {
                "count": page.count,
                "next": link(page.page + 1) if page.has_next else None,
                "previous": link(page.page - 1) if page.has_previous else None,
                "results": page.results,
            }
        )

    def delete_session(self, call: Call) -> Response:
        self.backend.delete_session(call.app, call.params["sessionId"])
        return Response(status_code=204)

    def update_session_status(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.update_status(call.app, call.params["sessionId"], call.body)
        )

    async def generate_session_pdf(self, call: Call) -> Response:
        session_id = call.params["sessionId"]
        content = await run_in_threadpool(self.backend.generate_pdf, call.app, session_id)
        return Response(
            content,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="session-{session_id}.pdf"'},
        )

    def share_session(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.share_session(call.app, call.params["sessionId"], call.body)
        )

    def import_shared_session(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.import_shared(call.app, call.body, call.base_url), status_code=201
        )

    def add_to_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_add(call.app, call.body))

    def remove_from_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_remove(call.app, call.body))

    def list_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_list(call.app, call.params.get("item_type")))


async def session_page(request: Request) -> Response:
    """The `url` of a session: a placeholder for Didit's hosted verification page."""
    request.state.log_path = "/session/{session_token}"
    backend: EmulatorBackend = request.app.state.backend
    try:
        summary = backend.session_by_token(str(request.path_params["session_token"]))
    except NotFound as error:
        return error_response(error)
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in summary.items()
    )
    return HTMLResponse(
        "<!doctype html><html><head><title>Didit emulator session</title></head><body>"
        "<h1>Didit emulator: verification session</h1>"
        "<p>This stands in for Didit's hosted verification page. Drive the session with "
        "<code>POST /_emulator/sessions/{session_id}/complete</code>.</p>"
        f"<table>{rows}</table></body></html>"
    )
