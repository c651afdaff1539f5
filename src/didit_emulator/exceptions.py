"""One small class per wire error, and the one place they become HTTP responses.

Every error the emulator sends is `{"detail": "..."}` (the spec's `ErrorResponse`, 004), with the
status code of its class.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from starlette.responses import JSONResponse

__all__ = [
    "AlreadyImported",
    "ApplicationNotFound",
    "BadRequest",
    "CannotShareWithOwnApplication",
    "EmulatorError",
    "Forbidden",
    "InternalError",
    "InvalidApiKey",
    "InvalidClientCredentials",
    "InvalidClientToken",
    "InvalidShareToken",
    "InvalidStatusTransition",
    "MalformedBody",
    "MethodNotAllowed",
    "MissingShareTarget",
    "NotFound",
    "RateLimited",
    "RouteNotFound",
    "SessionNotFinished",
    "SessionNotFound",
    "ShareTokenForAnotherApplication",
    "SharedSessionNotFound",
    "Unauthorized",
    "UnknownWorkflow",
    "ValidationFailed",
    "WorkflowNotFound",
    "error_response",
]


class EmulatorError(Exception):
    """An error the client sees. `detail` is for a person to read."""

    status_code: ClassVar[int] = 500
    default_detail: ClassVar[str] = "Internal error."

    def __init__(self, detail: str | None = None, *, headers: Mapping[str, str] | None = None):
        self.detail = detail or self.default_detail
        self.headers = dict(headers or {})
        super().__init__(self.detail)


class BadRequest(EmulatorError):
    status_code = 400
    default_detail = "Invalid request body or parameters."


class Unauthorized(EmulatorError):
    status_code = 401
    default_detail = "Invalid or missing API key."


class Forbidden(EmulatorError):
    status_code = 403
    default_detail = "You do not have permission to perform this action."


class NotFound(EmulatorError):
    status_code = 404
    default_detail = "Not found."


class MethodNotAllowed(EmulatorError):
    status_code = 405
    default_detail = "Method not allowed."


class RateLimited(EmulatorError):
    status_code = 429
    default_detail = "Request was throttled."


class InternalError(EmulatorError):
    status_code = 500
    default_detail = "Internal emulator error; this is a bug in the emulator."


# 400
class ValidationFailed(BadRequest):
    """The request violates openapi.yaml."""


class MalformedBody(BadRequest):
    default_detail = "Malformed request body."


class BodyTooLarge(BadRequest):
    default_detail = "Request body too large."


class UnknownWorkflow(BadRequest):
    default_detail = "Invalid workflow_id: no such workflow in this application."


class SessionNotFinished(BadRequest):
    default_detail = "Only finished sessions (Approved, Declined, In Review) can be shared."


class MissingShareTarget(BadRequest):
    default_detail = "for_application_id: is required."


class CannotShareWithOwnApplication(BadRequest):
    default_detail = "for_application_id: cannot be the calling application."


class InvalidStatusTransition(BadRequest):
    default_detail = "This status change is not allowed."


# 401
class InvalidApiKey(Unauthorized):
    default_detail = "Invalid or missing API key (x-api-key)."


class InvalidClientToken(Unauthorized):
    default_detail = "Invalid or missing access token."


class InvalidClientCredentials(Unauthorized):
    default_detail = "Invalid client credentials."


class InvalidShareToken(Unauthorized):
    default_detail = "Share token invalid or expired."


# 403
class ShareTokenForAnotherApplication(Forbidden):
    default_detail = "Share token not intended for your application."


class AlreadyImported(Forbidden):
    default_detail = "This session has already been imported by your application."


# 404
class RouteNotFound(NotFound):
    default_detail = "Not found."


class SessionNotFound(NotFound):
    default_detail = "Session not found."


class ApplicationNotFound(NotFound):
    default_detail = "for_application_id: application not found."


class SharedSessionNotFound(NotFound):
    default_detail = "Original session no longer exists."


class WorkflowNotFound(NotFound):
    default_detail = "workflow_id not found in your application."


def error_response(error: EmulatorError, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The one serialisation of every error: `{"detail": ...}` with the error's status."""
    return JSONResponse(
        {"detail": error.detail},
        status_code=error.status_code,
        headers={**(headers or {}), **error.headers},
    )
