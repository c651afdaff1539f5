"""Every payload the emulator answers with, built in one place from a session.

The created-session body, the list summary, the V3 decision (user and KYB), the V2 decision of a
user-session import, and the state dump's rows. Which result arrays a decision has, and their V2
names, come from the spec (`spec_values`). Each function returns fresh containers, so a caller
may hand them to a JSON encoder while the session changes under the lock.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .clock import isoformat
from .spec_values import BUSINESS_ARRAYS, USER_ARRAYS

if TYPE_CHECKING:
    from .models.sessions import Session

__all__ = ["created", "decision_v2", "decision_v3", "summary"]


def created(session: Session, *, echo_metadata: bool) -> dict[str, Any]:
    """The 201 body of a create: identifiers, token, url, status and the echoed inputs."""
    body = {
        "session_id": session.id,
        "session_number": session.number,
        "session_token": session.token,
        "url": session.url,
        "vendor_data": session.vendor_data,
        "status": session.status,
        "workflow_id": session.workflow_id,
        "callback": session.callback,
    }
    if echo_metadata:
        body["metadata"] = copy.deepcopy(session.metadata)
    return body


def summary(session: Session) -> dict[str, Any]:
    """One row of the session list."""
    return {
        "session_id": session.id,
        "session_number": session.number,
        "status": session.status,
        "vendor_data": session.vendor_data,
        "workflow_id": session.workflow_id,
        "session_kind": session.kind,
        "created_at": isoformat(session.created_at),
    }


def _common(session: Session) -> dict[str, Any]:
    return {
        "session_id": session.id,
        "session_number": session.number,
        "session_url": session.url,
        "status": session.status,
        "workflow_id": session.workflow_id,
        "features": list(session.features),
        "vendor_data": session.vendor_data,
        "metadata": copy.deepcopy(session.metadata),
    }


def _user_inputs(session: Session) -> dict[str, Any]:
    return {
        "expected_details": copy.deepcopy(session.expected_details),
        "contact_details": copy.deepcopy(session.contact_details),
        "callback": session.callback,
    }


def _tail(session: Session) -> dict[str, Any]:
    return {
        "reviews": copy.deepcopy(session.reviews),
        "shared_from_session": session.shared_from_session,
        "created_at": isoformat(session.created_at),
        "expires_at": isoformat(session.expires_at),
    }


def decision_v3(session: Session) -> dict[str, Any]:
    """The V3 decision: every result array of the session's kind, empty until it ran."""
    decision = {**_common(session), "session_kind": session.kind}
    if not session.is_business:
        decision.update(_user_inputs(session))
    for array in BUSINESS_ARRAYS if session.is_business else USER_ARRAYS:
        decision[array.key] = copy.deepcopy(session.blocks.get(array.key, []))
    return {**decision, **_tail(session)}


def decision_v2(session: Session) -> dict[str, Any]:
    """The V2 payload (000): one block per feature, null when it did not run; no
    session_kind (001)."""
    decision = {**_common(session), **_user_inputs(session)}
    for array in USER_ARRAYS:
        if array.v2_key is None:
            continue
        items = session.blocks.get(array.key)
        decision[array.v2_key] = copy.deepcopy(items[0]) if items else None
    return {**decision, **_tail(session)}
