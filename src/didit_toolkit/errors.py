"""Typed errors for Didit responses, and `unwrap`, which turns a response into its body or one.

The generated operations return `Response[ErrorResponse | Model]` and leave every caller to check
the status and `isinstance` the body; for an undocumented status they return `None`. `unwrap` does
that once: the parsed body for a 2xx, else one exception per status, all under `DiditError`.
A request that got no response at all (the connection failed, broke or timed out, after the
retries the policy allows) is `APIConnectionError` (`APITimeoutError` for a timeout), also a
`DiditError`: the retry transport raises it in place of httpx's exception, which carries the
request and its headers (the API key among them).

The live service answers errors in three shapes, and an error must read well in each: `{"detail":
...}` (a string, or an object), field errors `{"<field>": ["<message>", ...]}` (nested for nested
objects), and a bare JSON array of messages (update-status to the status a session already has).
`DiditError` carries them decoded — `detail`, `field_errors`, `messages` — and builds its message
from them, bounded in length. Messages and reprs are built only from those fields, the status and
the request id — never from request headers, nor from a body that is not JSON (a proxy may echo
the request there) — so no API key, token or secret can reach a log line through them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, TypeVar, overload

import httpx
from didit_client.models import ErrorResponse, FieldErrors
from didit_client.types import Response

from didit_toolkit._retry_after import retry_after_seconds

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "DiditError",
    "ErrorBody",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ServerError",
    "UnexpectedStatusError",
    "connection_error",
    "decode_error_body",
    "error_for",
    "unwrap",
]

T = TypeVar("T")

_MAX_DETAIL = 500
"""Characters kept of `detail`, and of the body-derived part of an error's message."""
_MAX_ITEM = 200
"""Characters kept of each field-error message or array item."""
_MAX_ITEMS = 50
"""Field errors (over all fields) and array items kept."""
_MAX_DEPTH = 8
"""Nesting of field errors followed (`expected_details.first_name`, `nodes[0].feature`)."""
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class ErrorBody:
    """An error body, decoded from whichever of the service's shapes it has.

    `detail` is the body's `detail` as text (a string as is, a list of strings joined with "; ",
    anything else as compact JSON), `field_errors` maps a field (dotted for nested fields, with
    `[i]` for list items) to its messages (the service sends a list, or one message), `messages`
    lists everything readable: the detail, each field error as "field: message", and the items of
    a bare array. All bounded in length.
    """

    detail: str | None = None
    field_errors: Mapping[str, list[str]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def _field_errors(value: Any, path: str, found: dict[str, list[str]], depth: int) -> None:
    if depth > _MAX_DEPTH or sum(map(len, found.values())) >= _MAX_ITEMS:
        return
    if path and _is_messages(value) and value:
        messages = [value] if isinstance(value, str) else value
        room = _MAX_ITEMS - sum(map(len, found.values()))
        found.setdefault(path, []).extend(_clip(item, _MAX_ITEM) for item in messages[:room])
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            _field_errors(item, f"{path}.{key}" if path else str(key), found, depth + 1)
    elif isinstance(value, list) and path:
        for index, item in enumerate(value):
            _field_errors(item, f"{path}[{index}]", found, depth + 1)


def decode_error_body(content: bytes) -> ErrorBody:
    """Decode an error body in any of the service's shapes; an empty `ErrorBody` for anything else
    (not JSON, not UTF-8, a scalar). Field errors are only read from an object without a `detail`
    (absent or null), and only where a value is a message or a list of messages, as the service
    writes them."""
    try:
        body = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return ErrorBody()
    if isinstance(body, list):
        items = [_clip(_as_text(item), _MAX_ITEM) for item in body[:_MAX_ITEMS]]
        return ErrorBody(messages=[item for item in items if item])
    if not isinstance(body, dict):
        return ErrorBody()
    if body.get("detail") is not None:
        raw = body["detail"]
        if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
            text = "; ".join(raw)
        else:
            text = _as_text(raw)
        detail = _clip(text, _MAX_DETAIL)
        return ErrorBody(detail=detail, messages=[detail] if detail else [])
    found: dict[str, list[str]] = {}
    _field_errors({k: v for k, v in body.items() if k != "detail"}, "", found, 0)
    messages = [f"{name}: {message}" for name, errors in found.items() for message in errors]
    return ErrorBody(field_errors=found, messages=messages)


class DiditError(Exception):
    """A Didit request that did not succeed: every exception this package raises for a response
    (or for the lack of one) derives from it.

    `status` is the HTTP status (None for `APIConnectionError`: no response came); `detail`,
    `field_errors` and `messages` the decoded error body (see `ErrorBody`; None, empty and empty
    when the body had none of it); `request_id` the `X-Request-Id` header when the response had
    one; `error` the body as the spec's `ErrorResponse` when it had a string `detail`.
    """

    def __init__(
        self,
        status: int | None,
        detail: str | None = None,
        *,
        request_id: str | None = None,
        error: ErrorResponse | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        messages: list[str] | None = None,
    ) -> None:
        self.status = status
        self.detail = detail
        self.request_id = request_id
        self.error = error
        self.field_errors: dict[str, list[str]] = {
            name: list(errors) for name, errors in (field_errors or {}).items()
        }
        if messages is None:
            messages = [detail] if detail else []
            messages += [f"{n}: {m}" for n, errors in self.field_errors.items() for m in errors]
        self.messages = list(messages)
        super().__init__(self._message())

    def _message(self) -> str:
        try:
            phrase = HTTPStatus(self.status).phrase if self.status is not None else "No Response"
        except ValueError:
            phrase = "Unknown Status"
        message = f"HTTP {self.status} {phrase}"
        if self.messages:
            message += ": " + _clip("; ".join(self.messages), _MAX_DETAIL)
        if self.request_id:
            message += f" (request id {self.request_id})"
        return message

    def _repr_fields(self) -> str:
        fields = f"status={self.status!r}, detail={self.detail!r}"
        if self.field_errors:
            fields += f", field_errors={self.field_errors!r}"
        if self.messages and self.detail is None and not self.field_errors:
            fields += f", messages={self.messages!r}"
        return fields + f", request_id={self.request_id!r}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._repr_fields()})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickling calls cls(*args) with the message; rebuild from the fields instead,
        # so errors survive process boundaries (task queues, multiprocessing).
        return (_restore_error, (type(self), dict(self.__dict__)))


def _restore_error(cls: type[DiditError], state: dict[str, Any]) -> DiditError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error._message())
    return error


class BadRequestError(DiditError):
    """400: the request body or parameters are invalid."""


class AuthenticationError(DiditError):
    """401: the API key, client token or client credentials are missing or wrong."""


class PermissionDeniedError(DiditError):
    """403: the key may not do this (no permission, insufficient credits, already imported)."""


class NotFoundError(DiditError):
    """404: no such session (or workflow, application, page)."""


class RateLimitedError(DiditError):
    """429: over the rate limit; `retry_after` is the server's requested wait in seconds."""

    def __init__(
        self,
        status: int | None,
        detail: str | None = None,
        *,
        request_id: str | None = None,
        error: ErrorResponse | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        messages: list[str] | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(
            status,
            detail,
            request_id=request_id,
            error=error,
            field_errors=field_errors,
            messages=messages,
        )

    def _message(self) -> str:
        message = super()._message()
        if self.retry_after is not None:
            message += f"; retry after {self.retry_after:g}s"
        return message

    def _repr_fields(self) -> str:
        return super()._repr_fields() + f", retry_after={self.retry_after!r}"


class ServerError(DiditError):
    """5xx: the service failed."""


class UnexpectedStatusError(DiditError):
    """Any other status the caller cannot treat as success (3xx, an undocumented 4xx), or a 2xx
    whose body is not the one the spec documents for it (none, not JSON, another shape)."""


class APIConnectionError(DiditError):
    """No response: the connection could not be made, broke, or failed at the protocol level,
    after the retries the policy allows (`attempts` in all).

    It names the request by `method` and `path` only, and the httpx exception by its class name
    (`reason`, e.g. "ConnectError"): no headers (the API key or a token is one), no query string
    (filters such as `vendor_data` may identify a person), and not the httpx exception itself,
    which is neither the cause nor the context of this one. `status` is None.
    """

    def __init__(self, method: str, path: str, *, reason: str, attempts: int = 1) -> None:
        self.method = method
        self.path = path
        self.reason = reason
        self.attempts = attempts
        super().__init__(None)

    _what = "connection failed"

    def _message(self) -> str:
        tries = "" if self.attempts == 1 else f" after {self.attempts} attempts"
        return f"{self.method} {self.path}: {self._what}{tries} ({self.reason})"

    def _repr_fields(self) -> str:
        return (
            f"method={self.method!r}, path={self.path!r}, reason={self.reason!r}, "
            f"attempts={self.attempts!r}"
        )


class APITimeoutError(APIConnectionError):
    """No response in time: connecting, sending, reading or waiting for a pooled connection took
    longer than the client's timeout (`reason` says which, e.g. "ReadTimeout")."""

    _what = "timed out"


def connection_error(
    error: httpx.TransportError, request: httpx.Request, *, attempts: int = 1
) -> APIConnectionError:
    """The `APIConnectionError` (or `APITimeoutError`) to raise, `from None`, in place of an httpx
    transport error on `request`."""
    cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    return cls(request.method, request.url.path, reason=type(error).__name__, attempts=attempts)


_NO_CONTENT = frozenset({HTTPStatus.NO_CONTENT, HTTPStatus.RESET_CONTENT})
"""2xx statuses that never carry a body (RFC 9110, 15.3.5 and 15.3.6)."""

_BY_STATUS: dict[int, type[DiditError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
}


def _spec_error(content: bytes) -> ErrorResponse | None:
    """The body as the spec's `ErrorResponse`, when it is one (an object whose detail is a
    message or a list of messages)."""
    try:
        body = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(body, dict) or not _is_messages(body.get("detail")):
        return None
    return ErrorResponse(detail=body["detail"])


def _is_messages(value: object) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(item, str) for item in value)
    )


def _header(headers: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    lowered = {name.lower(): value for name, value in headers.items()}
    for name in names:
        if lowered.get(name):
            return lowered[name]
    return None


def error_for(
    status: int,
    content: bytes,
    headers: Mapping[str, str],
    *,
    parsed: object = None,
    now: float | None = None,
) -> DiditError:
    """The exception for a non-success response (status, raw body, headers)."""
    body = decode_error_body(content)
    error = parsed if isinstance(parsed, ErrorResponse) else _spec_error(content)
    details: dict[str, Any] = {
        "request_id": _header(headers, _REQUEST_ID_HEADERS),
        "error": error,
        "field_errors": body.field_errors,
        "messages": body.messages,
    }
    if status == 429:
        wait = retry_after_seconds(headers, now=time.time() if now is None else now)
        return RateLimitedError(status, body.detail, retry_after=wait, **details)
    if 500 <= status <= 599:
        return ServerError(status, body.detail, **details)
    cls = _BY_STATUS.get(status, UnexpectedStatusError)
    return cls(status, body.detail, **details)


@overload
def unwrap(
    response: Response[ErrorResponse | FieldErrors | list[str] | T], *, now: float | None = None
) -> T: ...
@overload
def unwrap(response: Response[ErrorResponse | T], *, now: float | None = None) -> T: ...
@overload
def unwrap(response: Response[T], *, now: float | None = None) -> T: ...
def unwrap(response: Response[Any], *, now: float | None = None) -> Any:
    """The parsed body of a 2xx response, or raise the `DiditError` subclass for its status.

    The error body is decoded from the raw bytes in whichever shape it has (also for statuses the
    spec does not list, and for statuses no registry knows, such as a CDN's 520), so the error
    types drop out of the return type: `unwrap` of a
    `Response[ErrorResponse | FieldErrors | list[str] | SessionPage]` is a `SessionPage`.

    A 204 or 205 (which never carry a body) returns `None`. Any other 2xx that the generated
    client did not parse into its documented model raises `UnexpectedStatusError` rather than
    returning a silent `None`: an undocumented success status, and a documented one whose body is
    empty, not JSON, or not the documented shape (the project's endpoint template leaves `parsed`
    None there instead of raising the decoder's KeyError / ValueError).
    """
    status = int(response.status_code)
    parsed = response.parsed
    if 200 <= status <= 299:
        if status in _NO_CONTENT:
            return None
        if parsed is None or isinstance(parsed, ErrorResponse | FieldErrors):
            reason = "no body" if not response.content.strip() else "not the documented body"
            raise UnexpectedStatusError(
                status,
                f"{reason} for this status",
                request_id=_header(response.headers, _REQUEST_ID_HEADERS),
            )
        return parsed
    raise error_for(status, response.content, response.headers, parsed=parsed, now=now)
