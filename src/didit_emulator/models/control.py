"""What the control surface drives: a user finishing a session, time passing, and the state dump.

Completing a session plays the user's part: it fills the session's results for the outcome (with
an identity that makes two sessions the same person when their identity fields agree), moves it
to the outcome's status, and declines it when a blocklisted item turns up. The state dump is a
read-only view of everything without keys, secrets or tokens.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .. import results, serialization
from ..clock import isoformat
from ..exceptions import BadRequest, SessionNotFound
from ..results import Identity
from ..spec_values import SessionStatus, WebhookEventType, status_of_outcome
from .blocklist import BlocklistOperations
from .sessions import Session
from .state import BackendState, locked, token_key

__all__ = ["ControlOperations"]

# Outcomes after which the user has been through the checks, so the blocklist applies.
_SCREENED = frozenset(
    {
        SessionStatus.APPROVED,
        SessionStatus.DECLINED,
        SessionStatus.IN_REVIEW,
        SessionStatus.RESUBMITTED,
    }
)


def identity_from(session: Session, given: Mapping[str, Any]) -> Identity:
    """Who went through the session: the fields given, else the session's own inputs, else
    values unique to the session."""
    contact = session.contact_details or {}
    expected = session.expected_details or {}
    short = session.id.split("-")[0]

    def pick(name: str, default: str) -> str:
        return str(given.get(name) or expected.get(name) or default)

    return Identity(
        face_id=str(given.get("face_id") or f"face-{session.id}"),
        document_number=str(given.get("document_number") or f"X{short.upper()}"),
        phone=given.get("phone") or contact.get("phone") or f"+1415555{session.number % 10000:04d}",
        email=given.get("email") or contact.get("email") or f"user-{short}@example.com",
        first_name=pick("first_name", "John"),
        last_name=pick("last_name", "Doe"),
        date_of_birth=pick("date_of_birth", "1990-05-15"),
        nationality=pick("nationality", "USA"),
        document_type=str(given.get("document_type") or "Passport"),
        company_name=str(given.get("company_name") or "Acme Holdings Ltd"),
        registration_number=str(given.get("registration_number") or f"R{session.number:08d}"),
    )


def _without_token(row: dict[str, Any]) -> dict[str, Any]:
    """A session-list row less its `session_url`, whose path is the session's token."""
    row.pop("session_url", None)
    return row


class ControlOperations(BlocklistOperations, BackendState):
    """Completing sessions, the clock, and the state dump."""

    @locked
    def complete_session(self, session_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """Drives a session to an outcome, as if the user had gone through the workflow, and
        fills its decision; a blocklisted face / document / phone / e-mail declines it."""
        session = self._any_session(session_id)
        outcome = status_of_outcome(str(body["outcome"]))
        identity = identity_from(session, body)
        blocks = results.build_blocks(
            session_id=session.id,
            features=session.features,
            business=session.is_business,
            plan=results.plan_outcome(outcome, session.features, session.is_business),
            identity=identity,
            now=self.now(),
        )
        # Nothing of the session changes until everything it gets has been built.
        session.identity, session.blocks = identity, blocks
        if outcome in _SCREENED and self._apply_blocklist(session):
            outcome = SessionStatus.DECLINED
        session.move_to(outcome, self.now(), "completed")
        self._emit(session, WebhookEventType.STATUS_UPDATED)
        return serialization.decision_v3(session)

    @locked
    def session_by_token(self, token: str) -> Session:
        """The session whose hosted-page `url` carries this session_token."""
        session = self.sessions_by_token.get(token_key(token))
        if session is None:
            raise SessionNotFound()
        self._expire_due(self.now())
        return session

    @locked
    def advance_clock(self, seconds: float) -> dict[str, Any]:
        try:
            self.clock.advance(seconds)
        except ValueError as error:
            raise BadRequest(str(error)) from None
        self._expire_due(self.now())
        return self.clock_state()

    def clock_state(self) -> dict[str, Any]:
        now = self.now()
        return {"now": now, "iso": isoformat(now), "offset_seconds": self.clock.offset_seconds}

    @locked
    def state(self) -> dict[str, Any]:
        """A read-only view of everything, without keys, secrets or tokens."""
        now = self.now()
        self._expire_due(now)
        return {
            "clock": self.clock_state(),
            "applications": [
                {
                    "id": a.id,
                    "name": a.name,
                    "workflows": [
                        {"id": w.id, "name": w.name, "kind": w.kind, "features": list(w.features)}
                        for w in a.workflows
                    ],
                }
                for a in self.applications.values()
            ],
            "sessions": [
                {
                    **_without_token(serialization.summary(s)),
                    "application_id": s.application_id,
                    "shared_from_session": s.shared_from_session,
                }
                for s in sorted(self.sessions.values(), key=lambda s: (s.application_id, s.number))
            ],
            "deleted_session_ids": sorted(self.deleted_session_ids),
            "imports": [
                {"application_id": a, "source_session_id": s, "session_id": c}
                for (a, s), c in self.imports.items()
            ],
            "entities": [
                {
                    "id": e.id,
                    "application_id": e.application_id,
                    "kind": e.kind,
                    "vendor_data": e.vendor_data,
                    "session_ids": list(e.session_ids),
                }
                for e in [*self.entities.values(), *self.anonymous_entities]
            ],
            "blocklist": [
                {**e.as_dict(), "application_id": e.application_id} for e in self.blocklist
            ],
            "outbox": copy.deepcopy(self.outbox),
        }
