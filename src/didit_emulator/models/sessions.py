"""Verification sessions: the `Session` resource with its rules, and the session operations.

A session knows when it expires, whether it can be shared, and how a manual review changes it
(004's update-status rules). The operations (create, decision, list, delete, update-status, the
PDF report's data) find the session, let it apply its rules, and hand back plain data built by
`serialization`.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import math
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from didit_client.models import (
    DeletedSessionFaceRetentionOutcome,
    DeleteSessionRequestDeletionInstruction,
)

from .. import serialization
from ..clock import isoformat
from ..config import ApplicationConfig, WorkflowConfig
from ..exceptions import (
    ReportNotAvailable,
    ResubmitCooldown,
    RetentionConflict,
    SessionNotFinished,
    UnknownWorkflow,
)
from ..results import Identity
from ..spec_values import (
    FEATURE_ARRAYS,
    Feature,
    FeatureStatus,
    SessionKind,
    SessionStatus,
    WebhookEventType,
)
from . import review
from .listing import ListPage, RowChanges, SessionQuery, rendered_page
from .state import BackendState, locked, token_key

__all__ = ["Session", "SessionOperations"]


def _rows_json(sessions: list[Session]) -> bytes:
    """The list rows of `sessions`, comma-separated (a JSON array's members)."""
    return b",".join(
        [session.row_json or serialization.summary_json(session) for session in sessions]
    )


Status = SessionStatus


@dataclass
class Session:
    """One verification session of one application."""

    # 003 / 004: only finished sessions can be shared.
    SHAREABLE: ClassVar[frozenset[SessionStatus]] = frozenset(
        {Status.APPROVED, Status.DECLINED, Status.IN_REVIEW}
    )
    # Sessions a PDF report exists for (Didit's published OpenAPI); business sessions lack Kyc
    # Expired.
    REPORTABLE: ClassVar[frozenset[SessionStatus]] = frozenset(
        {Status.APPROVED, Status.DECLINED, Status.IN_REVIEW, Status.KYC_EXPIRED}
    )
    # Unfinished sessions a create with the same vendor_data returns again (Didit's published
    # OpenAPI).
    REUSABLE: ClassVar[frozenset[SessionStatus]] = frozenset(
        {Status.NOT_STARTED, Status.IN_PROGRESS, Status.RESUBMITTED, Status.AWAITING_USER}
    )
    # Sessions still waiting for the user expire (004: "Expired ... default: 7 days").
    EXPIRABLE: ClassVar[frozenset[SessionStatus]] = frozenset(
        {Status.NOT_STARTED, Status.IN_PROGRESS, Status.RESUBMITTED}
    )

    id: str
    application_id: str
    number: int
    token: str = field(repr=False)
    kind: SessionKind
    workflow_id: str
    features: tuple[Feature, ...]
    status: SessionStatus
    url: str = field(repr=False)
    created_at: float
    expires_at: float
    vendor_data: str | None = None
    metadata: Any = None
    callback: str | None = None
    callback_method: str | None = None
    language: str | None = None
    contact_details: dict[str, Any] | None = None
    expected_details: dict[str, Any] | None = None
    portrait_sha256: str | None = None
    blocks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    shared_from_session: str | None = None
    identity: Identity | None = None
    nodes_to_resubmit: list[dict[str, Any]] = field(default_factory=list)
    server_side_resubmitted_at: float | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    # The session's list row as sent (`serialization.summary_json`), kept until any other field
    # is set. Rows are small and bounded (no metadata); the decision is not kept this way, as
    # with its metadata it would double what a session holds.
    row_json: bytes | None = field(default=None, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        # Every change to a session sets a field (a status through `move_to`; results and
        # identity as new objects; a review's in-place marks and appended timeline entries come
        # with a status change, under the same hold of the lock), so forgetting the rendered
        # payloads here keeps them current. Code that changes a session's containers in place
        # must set a field too.
        object.__setattr__(self, name, value)
        if name != "row_json":
            object.__setattr__(self, "row_json", None)
            RowChanges.note()

    def move_to(self, status: SessionStatus, now: float, cause: str) -> None:
        """Changes the status and records it in the session's timeline (`include=events`)."""
        self.status = status
        self.events.append(
            {
                "type": "STATUS_CHANGED",
                "created_at": isoformat(now),
                "status": status,
                "detail": cause,
            }
        )

    @functools.cached_property
    def created_at_iso(self) -> str:
        """`created_at` in RFC 3339 (it never changes), written once for every payload."""
        return isoformat(self.created_at)

    @property
    def is_business(self) -> bool:
        return self.kind is SessionKind.BUSINESS

    @property
    def unfinished(self) -> bool:
        """Still waiting for the user: the sessions a create with the same `vendor_data` reuses."""
        return self.status in self.REUSABLE

    def ensure_reportable(self) -> None:
        allowed = self.REPORTABLE - ({Status.KYC_EXPIRED} if self.is_business else set())
        if self.status not in allowed:
            names = ", ".join(s.value for s in SessionStatus if s in allowed)
            raise ReportNotAvailable(
                f"A PDF report exists only for sessions that are {names}; this one is "
                f"{self.status}."
            )

    def expire_if_due(self, now: float) -> bool:
        """Expires the session if its time has come; whether it did (the backend announces it)."""
        if now >= self.expires_at and self.status in self.EXPIRABLE:
            self.move_to(Status.EXPIRED, now, "expired")
            return True
        return False

    def ensure_shareable(self) -> None:
        if self.status not in self.SHAREABLE:
            allowed = ", ".join(sorted(self.SHAREABLE))
            raise SessionNotFinished(
                f"Only finished sessions ({allowed}) can be shared; this one is {self.status}."
            )

    def review(
        self, new_status: SessionStatus, body: Mapping[str, Any], reviewer: str, now: float
    ) -> None:
        """A manual status change, under the rules of `review` (the live service's): a
        resubmission reopens the chosen steps (their results become `Resub Requested`), restarts
        the session's expiry and refuses a repeat of server-side steps within the cooldown."""
        review.check_change(self.status, new_status)
        if new_status is Status.RESUBMITTED:
            nodes = list(body.get("nodes_to_resubmit") or [])
            reopened = review.resubmission(self.features, self.blocks, nodes)
            if review.server_side_only(reopened):
                last = self.server_side_resubmitted_at
                if last is not None and now - last < review.COOLDOWN_SECONDS:
                    wait = math.ceil(review.COOLDOWN_SECONDS - (now - last))
                    raise ResubmitCooldown(headers={"Retry-After": str(max(1, wait))})
                self.server_side_resubmitted_at = now
            self.nodes_to_resubmit = copy.deepcopy(nodes)
            for feature in reopened:
                array = FEATURE_ARRAYS.get(feature)
                for item in self.blocks.get(array.key, []) if array else []:
                    item["status"] = FeatureStatus.RESUB_REQUESTED
        self.move_to(new_status, now, f"review by {reviewer}")
        self.reviews.append(
            {
                "user": reviewer,
                "new_status": new_status,
                "comment": body.get("comment"),
                "created_at": isoformat(now),
            }
        )


Retention = DeletedSessionFaceRetentionOutcome
_ERASURE = DeleteSessionRequestDeletionInstruction.PRIVACY_ERASURE


def retention_outcome(session: Session, body: Mapping[str, Any]) -> Retention:
    """What a deletion does with the session's face template (Didit's published OpenAPI): kept
    with the user only when asked and the session has one, none for business sessions or
    sessions that never captured a face."""
    retain = body.get("retain_face_embeddings")
    if retain and body.get("deletion_instruction") == _ERASURE.value:
        raise RetentionConflict()
    if session.is_business or session.identity is None:
        return Retention.NONE
    if retain:
        return (
            Retention.RETAINED_WITH_USER
            if session.vendor_data
            else Retention.INELIGIBLE_NO_VENDOR_USER
        )
    return Retention.DELETED


class SessionOperations(BackendState):
    """Create, read, list, delete and review sessions."""

    def _new_session(
        self,
        app: ApplicationConfig,
        workflow: WorkflowConfig,
        base_url: str,
        *,
        kind: SessionKind | None = None,
        features: tuple[Feature, ...] | None = None,
    ) -> Session:
        """A Not Started session with the application's next number (not yet stored)."""
        token = secrets.token_urlsafe(12)
        now = self.now()
        return Session(
            id=str(uuid.uuid4()),
            application_id=app.id,
            number=self.session_counters.get(app.id, 0) + 1,
            token=token,
            kind=kind or workflow.kind,
            workflow_id=workflow.id,
            features=features if features is not None else workflow.features,
            status=Status.NOT_STARTED,
            url=f"{base_url.rstrip('/')}/session/{token}",
            created_at=now,
            expires_at=now + self.config.session_expiry_seconds,
        )

    def _store(self, session: Session) -> None:
        self.session_counters[session.application_id] = session.number
        self.sessions[session.id] = session
        self.sessions_by_token[token_key(session.token)] = session
        self.session_index[session.application_id].add(session)
        self._schedule_expiry(session)

    @locked
    def create_session(
        self, app: ApplicationConfig, body: Mapping[str, Any], base_url: str
    ) -> dict[str, Any]:
        """`POST /v3/session/` and `POST /v2/session/`: a new Not Started session."""
        workflow = app.workflow(str(body["workflow_id"]))
        if workflow is None:
            raise UnknownWorkflow()
        reused = self._unfinished_session(app, workflow.id, body.get("vendor_data"))
        if reused is not None:
            # Didit's published OpenAPI: the same session again, with the new callback and metadata.
            reused.callback = body.get("callback")
            reused.metadata = copy.deepcopy(body.get("metadata"))
            return serialization.created(reused, echo_metadata=True)
        session = self._new_session(app, workflow, base_url)
        session.vendor_data = body.get("vendor_data")
        session.metadata = copy.deepcopy(body.get("metadata"))
        session.callback = body.get("callback")
        session.callback_method = body.get("callback_method")
        session.language = body.get("language")
        session.contact_details = copy.deepcopy(body.get("contact_details"))
        session.expected_details = copy.deepcopy(body.get("expected_details"))
        if body.get("portrait_image"):
            session.portrait_sha256 = hashlib.sha256(body["portrait_image"].encode()).hexdigest()
        created = serialization.created(session, echo_metadata="metadata" in body)
        self._store(session)
        return created

    def _unfinished_session(
        self, app: ApplicationConfig, workflow_id: str, vendor_data: str | None
    ) -> Session | None:
        if vendor_data is None:
            return None
        self._expire_due(self.now())
        for session in reversed(self.session_index[app.id].with_vendor_data(vendor_data)):
            if session.workflow_id == workflow_id and session.unfinished:
                return session
        return None

    @locked
    def get_decision(
        self, app: ApplicationConfig, session_id: str, *, events: bool = False
    ) -> bytes:
        """The V3 decision of the session's current state (for business sessions the V3 KYB
        payload, which is also a valid DecisionV3), with its timeline when `events`."""
        session = self._session(app, session_id)
        # Rendered under the lock, so the payload can share the session's data uncopied.
        return serialization.to_json(
            serialization.decision_v3(session, events=events, copied=False)
        )

    @locked
    def list_sessions(
        self, app: ApplicationConfig, params: Mapping[str, Any]
    ) -> tuple[ListPage, bytes]:
        """One page of the application's sessions, newest first, filtered (see `listing`), and
        its rows as the JSON array's members, rendered under the lock."""
        now = self.now()
        self._expire_due(now)
        return rendered_page(
            self.session_index[app.id],
            SessionQuery.from_params(params),
            params,
            self.config.default_page_size,
            now,
            _rows_json,
        )

    @locked
    def delete_session(
        self, app: ApplicationConfig, session_id: str, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Deletes the session and its data; it is 404 everywhere afterwards. Its blocklist
        entries stay (the point of a blocklist), and so does the record of an import. The answer
        says what became of the session's face data (Didit's published OpenAPI)."""
        session = self._session(app, session_id)
        outcome = retention_outcome(session, body)
        del self.sessions[session.id]
        self.session_index[session.application_id].remove(session)
        del self.sessions_by_token[token_key(session.token)]
        self.armed_scenarios.pop(session.id, None)
        self.page_initiators.pop(session.id, None)
        self.deleted_session_ids.add(session.id)
        return {
            "session_id": session.id,
            "session_number": session.number,
            "face_retention_outcome": outcome,
            "biometric_template_uuid": (
                str(uuid.uuid4()) if outcome is Retention.RETAINED_WITH_USER else None
            ),
        }

    @locked
    def ensure_reviewable(self, app: ApplicationConfig, session_id: str) -> None:
        """Refuses (400) a session whose status no manual change can start from."""
        review.check_reviewable(self._session(app, session_id).status)

    @locked
    def update_status(
        self, app: ApplicationConfig, session_id: str, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Manual review (004), and the e-mail it may send (kept in the outbox)."""
        session = self._session(app, session_id)
        new_status = SessionStatus(body["new_status"])
        session.review(new_status, body, reviewer=f"api:{app.name}", now=self.now())
        self._emit(session, WebhookEventType.STATUS_UPDATED)
        if new_status is Status.RESUBMITTED:
            session.expires_at = self.now() + self.config.session_expiry_seconds
            self._schedule_expiry(session)
        if body.get("send_email"):
            self.outbox.append(
                {
                    "to": body["email_address"],
                    "language": body.get("email_language"),
                    "session_id": session.id,
                    "status": new_status,
                    "sent_at": isoformat(self.now()),
                }
            )
        return {"session_id": session.id}  # the live answer; read the decision for the rest

    @locked
    def session_report(self, app: ApplicationConfig, session_id: str) -> dict[str, Any]:
        """What the PDF report shows: the decision plus the application's name (finished
        sessions only)."""
        session = self._session(app, session_id)
        session.ensure_reportable()
        decision = serialization.decision_v3(session)
        return {"application": app.name, "generated_at": isoformat(self.now()), **decision}
