"""The one pipeline every request of an operation takes, between the router and its handler.

`endpoint` authenticates the request as the operation's `security` in the spec says, counts it
against the rate limit, parses and validates its parameters and body against the spec, calls the
operation's handler, and turns any `EmulatorError` into its wire form in one place. A handler
parses nothing itself: it gets a `Call`, calls the backend once and serialises what comes back.

Nothing reaches a handler, so nothing is stored, before the whole request has been read, parsed
and validated. Large bodies are parsed and validated in a worker thread, so one big request does
not hold up every other request on the event loop. The base of every URL the emulator writes
(session `url`s, list links, a client token's `iss`) is the configured public URL or the address
the server is listening on, never the request's `Host` header.
"""

from __future__ import annotations

import base64
import binascii
import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Scope

from didit_spec import SecurityScheme, didit_document

from .config import ApplicationConfig
from .exceptions import (
    BodyTooLarge,
    ClientWentAway,
    EmulatorError,
    InternalError,
    InvalidApiKey,
    RateLimited,
    SessionNotFound,
    Unauthorized,
    error_response,
)
from .models import EmulatorBackend
from .ratelimit import RateDecision, SlidingWindowRateLimiter
from .validation import OperationRules

__all__ = ["Call", "Handler", "base_url_of", "endpoint", "listening_url", "unrouted_headers"]

logger = logging.getLogger("didit_emulator")


@dataclass(frozen=True)
class Call:
    """A parsed, authenticated, validated request."""

    request: Request
    application: ApplicationConfig | None
    params: dict[str, Any]
    body: Any = field(repr=False)  # may carry a share token, a client secret...
    base_url: str
    # The query string's (name, value) pairs as sent, in order (`params` has them validated).
    query: list[tuple[str, str]]
    # The credential the request authenticated with, as sent (a secret: never shown).
    credential: str | None = field(default=None, repr=False)

    @property
    def app(self) -> ApplicationConfig:
        assert self.application is not None, "operation without security"
        return self.application


Handler = Callable[[Call], Response | Awaitable[Response]]


_DEFAULT_PORTS = {"http": 80, "https": 443}


def listening_url(scope: Scope) -> str:
    """`scheme://host:port` of the address the server accepted the request on, as the server
    reports it in the ASGI scope (uvicorn: the socket's own address; the in-process transport:
    the URL the client was given). A client can choose neither, unlike the `Host` header."""
    scheme = str(scope.get("scheme") or "http")
    server = scope.get("server")
    return _listening_url(scheme, tuple(server) if server else None)


@functools.lru_cache(maxsize=64)
def _listening_url(scheme: str, server: tuple[Any, ...] | None) -> str:
    """`listening_url` for one scheme and server address (a server has few: kept)."""
    if not server:
        return f"{scheme}://localhost"
    host, port = str(server[0]), server[1]
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def base_url_of(request: Request, backend: EmulatorBackend) -> str:
    """Where clients reach the emulator: the configured public URL, else the address the server
    listens on (`listening_url`); never the request's `Host` header."""
    configured = backend.config.public_base_url
    return (configured or listening_url(request.scope)).rstrip("/")


def _basic_credentials(encoded: str | None) -> tuple[str | None, str | None]:
    if encoded is None:
        return None, None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None, None
    client_id, sep, client_secret = decoded.partition(":")
    return (client_id, client_secret) if sep else (None, None)


def _api_key(rules: OperationRules, backend: EmulatorBackend, key: str | None) -> ApplicationConfig:
    try:
        return backend.application_for_api_key(key)
    except InvalidApiKey as error:
        raise InvalidApiKey(error.detail, status=rules.api_key_failure_status) from None


Verifier = Callable[[OperationRules, EmulatorBackend, str | None], ApplicationConfig]

# How each credential a security scheme can carry (its `x-credential` in the spec) is checked, and
# which application it shows the caller to be. A session's `session_token` authenticates as the
# application of that session.
VERIFIERS: dict[str, Verifier] = {
    "api_key": _api_key,
    "client_token": lambda _, backend, token: backend.application_for_client_token(token),
    "client_credentials": lambda _, backend, encoded: backend.application_for_client_credentials(
        *_basic_credentials(encoded)
    ),
    "session_token": lambda _, backend, token: backend.application_for_session_token(token),
}


def check_verifiable(rules: OperationRules) -> None:
    """Refuses, when the app is built, an operation whose security the emulator cannot check."""
    for scheme in rules.security:
        if scheme.credential not in VERIFIERS:
            raise ValueError(
                f"{rules.operation_id}: security scheme {scheme.name!r} carries x-credential "
                f"{scheme.credential!r}; the emulator verifies {sorted(VERIFIERS)}"
            )


def authenticate(
    rules: OperationRules, backend: EmulatorBackend, request: Request
) -> tuple[ApplicationConfig | None, str | None]:
    """The application the request authenticates as, per the operation's security schemes, and
    the credential that showed it."""
    if not rules.security:
        return None, None
    failures: list[Unauthorized] = []
    for scheme in rules.security:
        credential = scheme.credential_in(request.headers)
        try:
            return VERIFIERS[scheme.credential](rules, backend, credential), credential
        except Unauthorized as exc:
            failures.append(exc)
    raise failures[0] if failures else Unauthorized()


# How an application's API key is sent: an unrouted request is counted against the application
# whose key it carries.
_API_KEY_SCHEME: SecurityScheme = didit_document().scheme_carrying("api_key")


def _anonymous(request: Request) -> str:
    return f"anonymous:{request.client.host if request.client else 'unknown'}"


def unrouted_headers(
    request: Request, backend: EmulatorBackend, limiter: SlidingWindowRateLimiter
) -> dict[str, str]:
    """Rate-limit headers for a request that matched no operation (404 / 405)."""
    try:
        key = _API_KEY_SCHEME.credential_in(request.headers)
        identity = backend.application_for_api_key(key).id
    except InvalidApiKey:
        identity = _anonymous(request)
    return limiter.hit(identity, "unrouted", request.method).headers()


def endpoint(
    rules: OperationRules,
    backend: EmulatorBackend,
    handler: Handler,
    limiter: SlidingWindowRateLimiter | None,
    before_body: Callable[[Call], None] | None = None,
) -> Callable[[Request], Awaitable[Response]]:
    """The endpoint of one operation: the shared request pipeline around `handler`.
    Without a `limiter`, the operation is not rate-limited (the control surface); `before_body`
    checks the request before its body is read (what the live service looks at first)."""
    check_verifiable(rules)
    method = rules.operation.method.upper()
    asynchronous = inspect.iscoroutinefunction(handler)

    def count(identity: str) -> RateDecision | None:
        if limiter is None:
            return None
        decision = limiter.hit(identity, rules.operation_id, method)
        if not decision.allowed:
            raise RateLimited(
                f"Request was throttled: over {decision.limit} requests in "
                f"{limiter.window_seconds:g} s. Retry in {decision.reset_seconds} s.",
                headers=decision.headers(),
            )
        return decision

    async def run(request: Request) -> Response:
        # For the access log and the response audit (the scope's state, as `request.state`).
        request.scope.setdefault("state", {})["operation_id"] = rules.operation_id
        decision: RateDecision | None = None
        try:
            session_id = request.path_params.get("sessionId")
            if rules.security and session_id is not None and not backend.session_exists(session_id):
                # The live service looks the session up before the credentials (Didit's published
                # OpenAPI): an unknown id is 404 whoever asks.
                decision = count(_anonymous(request))
                raise SessionNotFound("Not found.")
            try:
                application, credential = authenticate(rules, backend, request)
            except Unauthorized:
                decision = count(_anonymous(request))
                raise
            decision = count(application.id if application else _anonymous(request))
            query = _query_items(request.scope["query_string"])
            params = rules.parse_parameters(request.path_params, query)
            base_url = base_url_of(request, backend)
            if before_body is not None:  # checks what it can without the body; stores nothing
                before_body(Call(request, application, params, None, base_url, query, credential))
            body = await _parse_body(rules, request)
            call = Call(request, application, params, body, base_url, query, credential)
            result = handler(call)
            if asynchronous:
                response = await cast(Awaitable[Response], result)
            else:
                response = cast(Response, result)
        except EmulatorError as error:
            return error_response(error, _headers(decision))
        except ClientDisconnect:
            return error_response(ClientWentAway(), _headers(decision))
        except Exception:
            logger.exception("unhandled error in %s", rules.operation_id)
            return error_response(InternalError(), _headers(decision))
        if decision is not None:
            # The handler's response never sets the rate-limit headers: appended, not merged.
            response.raw_headers.extend(decision.raw_headers)
        return response

    return run


def _query_items(query_string: bytes) -> list[tuple[str, str]]:
    """The query's (name, value) pairs, decoded as Starlette's `Request.query_params` does."""
    if not query_string:
        return []
    return parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)


def _headers(decision: RateDecision | None) -> dict[str, str]:
    return decision.headers() if decision is not None else {}


# Far above the largest body the spec admits (a 1 MB portrait is 1,398,104 base64 characters);
# a bigger one is refused while it streams in, never held in memory whole.
MAX_BODY_BYTES = 4 * 1024 * 1024
# Bodies larger than this are parsed and validated in a worker thread (a few milliseconds of work
# and more); smaller ones on the event loop, where a thread would cost more than the work.
THREADED_PARSE_BYTES = 64 * 1024


async def _parse_body(rules: OperationRules, request: Request) -> Any:
    headers = request.headers
    if (
        rules.body is None
        and "content-length" not in headers
        and "transfer-encoding" not in headers
    ):
        return None  # no body to read, and none taken (most reads): nothing to wait for
    content_type = headers.get("content-type")
    raw = await _read_body(request)
    if len(raw) > THREADED_PARSE_BYTES:
        return await run_in_threadpool(rules.parse_body, content_type, raw)
    return rules.parse_body(content_type, raw)


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
