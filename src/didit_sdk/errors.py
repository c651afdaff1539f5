"""Typed errors for Didit responses, and `unwrap`, which turns a response into its body or one.

The generated operations return `Response[ErrorResponse | Model]` and leave every caller to check
the status and `isinstance` the body; for an undocumented status they return `None`. `unwrap` does
that once: the parsed body for a 2xx, else one exception per status, all under `DiditError`, each
carrying the status, the spec's `detail` and the request id. Messages and reprs are built only from
those three fields, never from request headers, so no API key, token or secret can end up in a log
line through them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, TypeVar, overload

from didit_client.models import ErrorResponse
from didit_client.types import Response

from didit_sdk.retry import retry_after_seconds

__all__ = [
    "AuthenticationError",
    "BadRequestError",
    "DiditError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ServerError",
    "UnexpectedStatusError",
    "error_for",
    "unwrap",
]

T = TypeVar("T")

_MAX_DETAIL = 500
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid")


class DiditError(Exception):
    """A Didit response that is not a success.

    `status` is the HTTP status, `detail` the spec's `ErrorResponse.detail` when the body had one,
    `request_id` the `X-Request-Id` header when the response had one, and `error` the decoded body.
    """

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        request_id: str | None = None,
        error: ErrorResponse | None = None,
    ) -> None:
        self.status = status
        self.detail = detail
        self.request_id = request_id
        self.error = error
        super().__init__(self._message())

    def _message(self) -> str:
        try:
            phrase = HTTPStatus(self.status).phrase
        except ValueError:
            phrase = "Unknown Status"
        message = f"HTTP {self.status} {phrase}"
        if self.detail:
            message += f": {self.detail}"
        if self.request_id:
            message += f" (request id {self.request_id})"
        return message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, detail={self.detail!r}, "
            f"request_id={self.request_id!r})"
        )

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
        status: int,
        detail: str | None = None,
        *,
        request_id: str | None = None,
        error: ErrorResponse | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status, detail, request_id=request_id, error=error)

    def _message(self) -> str:
        message = super()._message()
        if self.retry_after is not None:
            message += f"; retry after {self.retry_after:g}s"
        return message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, detail={self.detail!r}, "
            f"request_id={self.request_id!r}, retry_after={self.retry_after!r})"
        )


class ServerError(DiditError):
    """5xx: the service failed."""


class UnexpectedStatusError(DiditError):
    """Any other status the caller cannot treat as success (3xx, an undocumented 4xx, or a 2xx
    whose body the spec does not describe)."""


_BY_STATUS: dict[int, type[DiditError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
}


def _decode_error_body(content: bytes) -> ErrorResponse | None:
    try:
        body = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(body, dict) or not isinstance(body.get("detail"), str):
        return None
    return ErrorResponse.from_dict(body)


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
    error = parsed if isinstance(parsed, ErrorResponse) else _decode_error_body(content)
    detail = error.detail[:_MAX_DETAIL] if error is not None else None
    request_id = _header(headers, _REQUEST_ID_HEADERS)
    if status == 429:
        wait = retry_after_seconds(headers, now=time.time() if now is None else now)
        return RateLimitedError(
            status, detail, request_id=request_id, error=error, retry_after=wait
        )
    if 500 <= status <= 599:
        return ServerError(status, detail, request_id=request_id, error=error)
    cls = _BY_STATUS.get(status, UnexpectedStatusError)
    return cls(status, detail, request_id=request_id, error=error)


@overload
def unwrap(response: Response[ErrorResponse | T], *, now: float | None = None) -> T: ...
@overload
def unwrap(response: Response[T], *, now: float | None = None) -> T: ...
def unwrap(response: Response[Any], *, now: float | None = None) -> Any:
    """The parsed body of a 2xx response, or raise the `DiditError` subclass for its status.

    The error body is decoded into the spec's `ErrorResponse` (also for statuses the spec does not
    list). A 2xx with a body the generated client did not parse (an undocumented success status)
    raises `UnexpectedStatusError` rather than returning a silent `None`; a 2xx without a body
    (204) returns `None`.
    """
    status = int(response.status_code)
    parsed = response.parsed
    if 200 <= status <= 299:
        if isinstance(parsed, ErrorResponse) or (parsed is None and response.content.strip()):
            raise UnexpectedStatusError(
                status, None, request_id=_header(response.headers, _REQUEST_ID_HEADERS)
            )
        return parsed
    raise error_for(status, response.content, response.headers, parsed=parsed, now=now)
