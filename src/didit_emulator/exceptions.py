"""One small class per wire error, and the one place they become HTTP responses.

Every error the emulator sends is `{"detail": "..."}` (the spec's `ErrorResponse`, 004), with the
status code of its class.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .serialization import JSONResponse

__all__ = [
    "AlreadyImported",
    "ApplicationNotFound",
    "AttemptNotFound",
    "BadRequest",
    "CannotShareWithOwnApplication",
    "ClientWentAway",
    "DeliveriesStuck",
    "DestinationNotFound",
    "DestinationPaused",
    "DetailListError",
    "DuplicateDestinationUrl",
    "EmulatorError",
    "FieldError",
    "Forbidden",
    "InternalError",
    "InvalidApiKey",
    "InvalidClientCredentials",
    "InvalidClientToken",
    "InvalidShareToken",
    "InvalidStatusTransition",
    "MalformedBody",
    "MessageListError",
    "MethodNotAllowed",
    "MissingShareTarget",
    "NotFound",
    "NotResubmittable",
    "NothingToResubmit",
    "RateLimited",
    "ReportNotAvailable",
    "ResubmitCooldown",
    "RetentionConflict",
    "RouteNotFound",
    "SameStatus",
    "ScenarioTooLate",
    "SessionNotFinished",
    "SessionNotFound",
    "ShareTokenForAnotherApplication",
    "SharedSessionNotFound",
    "Unauthorized",
    "UnknownWorkflow",
    "UnsupportedContentType",
    "ValidationFailed",
    "WorkflowKindMismatch",
    "WorkflowNotFound",
    "error_response",
]


class EmulatorError(Exception):
    """An error the client sees. `detail` is for a person to read."""

    status_code: int = 500
    default_detail: ClassVar[str] = "Internal error."

    def __init__(
        self,
        detail: str | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        status: int | None = None,
    ):
        self.detail = detail or self.default_detail
        self.headers = dict(headers or {})
        if status is not None:
            self.status_code = status
        super().__init__(self.detail)

    def body(self) -> Any:
        """The JSON body on the wire: `{"detail": ...}` unless the error's class says otherwise."""
        return {"detail": self.detail}


class FieldError(EmulatorError):
    """An error about one request field, sent as Didit's live service does: `{field: [message]}`."""

    status_code = 400
    field: ClassVar[str] = "non_field_errors"

    def body(self) -> Any:
        return {self.field: [self.detail]}


class MessageListError(EmulatorError):
    """An error sent as a bare JSON array of messages (Didit's live service, e.g. a status change
    to the status a session already has)."""

    status_code = 400

    def body(self) -> Any:
        return [self.detail]


class DetailListError(EmulatorError):
    """An error whose `detail` is a list of messages (Didit's live service, share)."""

    status_code = 400

    def body(self) -> Any:
        return {"detail": [self.detail]}


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


class ClientWentAway(MalformedBody):
    """The client disconnected before its body was whole: nothing was stored."""

    default_detail = "The client went away mid-request."


class UnsupportedContentType(BadRequest):
    """The body's Content-Type is not one the operation takes, or not UTF-8."""

    default_detail = "Content-Type: not supported."


class BodyTooLarge(BadRequest):
    default_detail = "Request body too large."


class UnknownWorkflow(BadRequest):
    default_detail = "Invalid workflow_id: no such workflow in this application."


class SessionNotFinished(DetailListError):
    default_detail = "Only finished sessions (Approved, Declined, In Review) can be shared."


class MissingShareTarget(BadRequest):
    default_detail = "for_application_id: is required."


class CannotShareWithOwnApplication(FieldError):
    field = "for_application_id"
    default_detail = "Cannot share a session with the same application."


class InvalidStatusTransition(BadRequest):
    default_detail = "This status change is not allowed."


class SameStatus(MessageListError):
    default_detail = "The new status is the same as the current status."


class NothingToResubmit(FieldError):
    field = "nodes_to_resubmit"
    default_detail = "No features found that need resubmission; every feature is approved."


class ResubmitCooldown(EmulatorError):
    status_code = 429
    default_detail = (
        "This session was resubmitted for server-side steps less than 30 seconds ago; "
        "wait before resubmitting them again."
    )


class ReportNotAvailable(EmulatorError):
    """A PDF report of a session in a status that has none (Didit's live service: 403)."""

    status_code = 403
    default_detail = "No PDF report for a session in this status."


class WorkflowKindMismatch(BadRequest):
    """An import into a workflow of the other kind (a business session into a user workflow, or
    the reverse)."""

    default_detail = "workflow_id: the workflow's kind is not the shared session's kind."


# 401
class InvalidApiKey(Unauthorized):
    """A missing or unknown API key. Its status is the operation's (see the spec's
    `x-api-key-failure-status`): 403 on the live v3 operations, 401 for share."""

    default_detail = "Authentication credentials were not provided or are invalid."


class InvalidClientToken(Unauthorized):
    default_detail = "Invalid or missing access token."


class InvalidClientCredentials(Unauthorized):
    default_detail = "Invalid client credentials."


class InvalidShareToken(FieldError):
    """A share token that does not decode, is expired or malformed (live: a 400 field error;
    001 said 401)."""

    field = "share_token"
    default_detail = "Invalid share token."


# 403
class ShareTokenForAnotherApplication(FieldError):
    field = "share_token"
    default_detail = "This token is not valid for this application."


class AlreadyImported(Forbidden):
    default_detail = "This session has already been imported by your application."


# 404
class RouteNotFound(NotFound):
    default_detail = "Not found."


class SessionNotFound(NotFound):
    default_detail = "Session not found."


class ApplicationNotFound(FieldError):
    """An unknown share target: 400 on the live service (003 said 404)."""

    field = "for_application_id"
    default_detail = "Target application does not exist."


class SharedSessionNotFound(FieldError):
    """The shared session is gone: 400 on the live service (001 said 404)."""

    field = "share_token"
    default_detail = "Original session does not exist."


class WorkflowNotFound(NotFound):
    default_detail = "workflow_id not found in your application."


class NotResubmittable(FieldError):
    field = "nodes_to_resubmit"
    default_detail = "This step cannot be resubmitted."


class ScenarioTooLate(MessageListError):
    default_detail = "A sandbox scenario can only be armed before the verification starts."


class RetentionConflict(FieldError):
    field = "retain_face_embeddings"
    default_detail = "A privacy erasure cannot retain biometric templates."


class DuplicateDestinationUrl(FieldError):
    field = "url"
    default_detail = "The application already has a webhook destination with this url."


class DestinationNotFound(NotFound):
    default_detail = "Webhook destination not found."


class AttemptNotFound(NotFound):
    default_detail = "No such delivery attempt (or no longer recorded)."


class DestinationPaused(EmulatorError):
    status_code = 409
    default_detail = "The webhook destination is disabled: it receives nothing."


class DeliveriesStuck(EmulatorError):
    status_code = 504
    default_detail = "Webhook deliveries made no progress; a receiver is not answering."


def error_response(error: EmulatorError, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The one serialisation of every error: its body (`{"detail": ...}` unless the error's class
    says otherwise) with the error's status."""
    return JSONResponse(
        error.body(),
        status_code=error.status_code,
        headers={**(headers or {}), **error.headers},
    )
