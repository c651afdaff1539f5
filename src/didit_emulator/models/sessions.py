"""Verification sessions: the `Session` resource with its rules, and the session operations.

A session knows when it expires, whether it can be shared, and how a manual review changes it
(004's update-status rules). The operations (create, decision, list, delete, update-status, the
PDF report's data) find the session, let it apply its rules, and hand back plain data built by
`serialization`.
"""

from __future__ import annotations

import copy
import hashlib
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .. import serialization
from ..clock import isoformat
from ..config import ApplicationConfig, WorkflowConfig
from ..exceptions import InvalidStatusTransition, NotFound, SessionNotFinished, UnknownWorkflow
from ..results import Identity
from ..spec_values import Feature, FeatureStatus, SessionKind, SessionStatus
from .state import BackendState, locked

__all__ = ["ListPage", "Session", "SessionOperations"]

Status = SessionStatus


@dataclass
class Session:
    """One verification session of one application."""

    # 003 / 004: only finished sessions can be shared.
    SHAREABLE: ClassVar[frozenset[SessionStatus]] = frozenset(
        {Status.APPROVED, Status.DECLINED, Status.IN_REVIEW}
    )
    # 004: "Resubmit: Session must be Declined, In Review, or Abandoned."
    RESUBMITTABLE: ClassVar[frozenset[SessionStatus]] = frozenset(
        {Status.DECLINED, Status.IN_REVIEW, Status.ABANDONED}
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

    @property
    def is_business(self) -> bool:
        return self.kind is SessionKind.BUSINESS

    def expire_if_due(self, now: float) -> None:
        if self.status in self.EXPIRABLE and now >= self.expires_at:
            self.status = Status.EXPIRED

    def ensure_shareable(self) -> None:
        if self.status not in self.SHAREABLE:
            allowed = ", ".join(sorted(self.SHAREABLE))
            raise SessionNotFinished(
                f"Only finished sessions ({allowed}) can be shared; this one is {self.status}."
            )

    def review(
        self, new_status: SessionStatus, body: Mapping[str, Any], reviewer: str, now: float
    ) -> None:
        """A manual status change (004): Approved / Declined from any state; Resubmitted only from
        Declined, In Review or Abandoned, reopening the steps that were not approved."""
        if new_status is Status.RESUBMITTED:
            if self.status not in self.RESUBMITTABLE:
                allowed = ", ".join(sorted(self.RESUBMITTABLE))
                raise InvalidStatusTransition(
                    f"new_status: a session can only be resubmitted from {allowed}; "
                    f"this one is {self.status}."
                )
            self.nodes_to_resubmit = copy.deepcopy(list(body.get("nodes_to_resubmit", [])))
            for items in self.blocks.values():
                for item in items:
                    if item.get("status") not in (FeatureStatus.APPROVED, None):
                        item["status"] = FeatureStatus.RESUB_REQUESTED
        self.status = new_status
        self.reviews.append(
            {
                "user": reviewer,
                "new_status": new_status,
                "comment": body.get("comment"),
                "created_at": isoformat(now),
            }
        )


@dataclass(frozen=True)
class ListPage:
    count: int
    page: int
    results: list[dict[str, Any]]
    has_next: bool
    has_previous: bool


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

    @locked
    def create_session(
        self, app: ApplicationConfig, body: Mapping[str, Any], base_url: str
    ) -> dict[str, Any]:
        """`POST /v3/session/` and `POST /v2/session/`: a new Not Started session."""
        workflow = app.workflow(str(body["workflow_id"]))
        if workflow is None:
            raise UnknownWorkflow()
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

    @locked
    def get_decision(self, app: ApplicationConfig, session_id: str) -> dict[str, Any]:
        """The V3 decision of the session's current state (for business sessions the V3 KYB
        payload, which is also a valid DecisionV3)."""
        return serialization.decision_v3(self._session(app, session_id))

    @locked
    def list_sessions(
        self,
        app: ApplicationConfig,
        *,
        vendor_data: str | None,
        status: str | None,
        page: int,
        page_size: int | None,
    ) -> ListPage:
        """Sessions of the application in session_number order, filtered, one page of them."""
        size = page_size or self.config.default_page_size
        now = self.now()
        matching = []
        for session in sorted(self.sessions.values(), key=lambda s: s.number):
            if session.application_id != app.id:
                continue
            session.expire_if_due(now)
            if vendor_data is not None and session.vendor_data != vendor_data:
                continue
            if status is not None and session.status != status:
                continue
            matching.append(session)
        pages = max(1, -(-len(matching) // size))
        if page > pages:
            raise NotFound("Invalid page.")
        chunk = matching[(page - 1) * size : page * size]
        return ListPage(
            count=len(matching),
            page=page,
            results=[serialization.summary(s) for s in chunk],
            has_next=page < pages,
            has_previous=page > 1,
        )

    @locked
    def delete_session(self, app: ApplicationConfig, session_id: str) -> None:
        """Deletes the session and its data; it is 404 everywhere afterwards. Its blocklist
        entries stay (the point of a blocklist), and so does the record of an import."""
        session = self._session(app, session_id)
        del self.sessions[session.id]
        self.deleted_session_ids.add(session.id)

    @locked
    def update_status(
        self, app: ApplicationConfig, session_id: str, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Manual review (004), and the e-mail it may send (kept in the outbox)."""
        session = self._session(app, session_id)
        new_status = SessionStatus(body["new_status"])
        session.review(new_status, body, reviewer=f"api:{app.name}", now=self.now())
        if new_status is Status.RESUBMITTED:
            session.expires_at = self.now() + self.config.session_expiry_seconds
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
        return {"session_id": session.id, "status": session.status}

    @locked
    def session_report(self, app: ApplicationConfig, session_id: str) -> dict[str, Any]:
        """What the PDF report shows: the decision plus the application's name."""
        decision = serialization.decision_v3(self._session(app, session_id))
        return {"application": app.name, "generated_at": isoformat(self.now()), **decision}
