"""Every payload the emulator answers with, built in one place from a session.

The created-session body, the list row and the V3 decision (user and KYB; imports answer with it
too, as the live service does). Which result arrays a decision has comes from the spec
(`spec_values`). Each function returns fresh containers, so a caller
may hand them to a JSON encoder while the session changes under the lock.
"""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

import orjson
from didit_client.models import DecisionV3Environment
from starlette.responses import JSONResponse as StarletteJSONResponse
from starlette.responses import Response

from .clock import isoformat
from .spec_values import BUSINESS_ARRAYS, FEATURE_ARRAYS, USER_ARRAYS, Feature, FeatureStatus

if TYPE_CHECKING:
    from .models.sessions import Session

__all__ = [
    "JSONResponse",
    "RenderedJSONResponse",
    "created",
    "decision_v3",
    "feature_progress",
    "list_page_json",
    "summary",
    "summary_json",
    "to_json",
]

# A feature result's `status` string as the spec's enum, without an enum lookup per row.
_FEATURE_STATUS = {status.value: status for status in FeatureStatus}


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
        # The emulator's workflows have one published version, which every session is pinned to.
        "workflow_version": 1,
        "callback": session.callback,
    }
    if echo_metadata:
        body["metadata"] = copy.deepcopy(session.metadata)
    return body


def summary_json(session: Session) -> bytes:
    """`summary` as JSON, kept on the session until it changes (`Session.row_json`)."""
    row = session.row_json
    if row is None:
        row = to_json(summary(session))
        session.row_json = row
    return row


def list_page_json(
    count: int, next_url: str | None, previous_url: str | None, rows: bytes
) -> bytes:
    """The list's body around its rows, already rendered by `summary_json` and comma-separated."""
    head = to_json({"count": count, "next": next_url, "previous": previous_url})
    return b"".join((head[:-1], b',"results":[', rows, b"]}"))


def summary(session: Session) -> dict[str, Any]:
    """One row of the session list: 004's fields, and those Didit's published OpenAPI adds for
    the session's kind (known once the user has been through it)."""
    identity = session.identity
    row: dict[str, Any] = {
        "session_id": session.id,
        "session_number": session.number,
        "session_kind": session.kind,
        "status": session.status,
        "vendor_data": session.vendor_data,
        "workflow_id": session.workflow_id,
        "created_at": session.created_at_iso,
        "country": identity.nationality if identity else None,
    }
    if session.is_business:
        row["company_name"] = identity.company_name if identity else None
        row["registration_number"] = identity.registration_number if identity else None
        return row
    row["session_url"] = session.url
    row["full_name"] = f"{identity.first_name} {identity.last_name}" if identity else None
    row["document_type"] = identity.document_type if identity else None
    row["features"] = [
        {"feature": feature, "status": status} for feature, status in feature_progress(session)
    ]
    return row


def feature_progress(session: Session) -> list[tuple[Feature, FeatureStatus]]:
    """Each feature of the session's workflow with the status of its result (Not Finished until
    it has one)."""
    progress = []
    for feature in session.features:
        array = FEATURE_ARRAYS.get(feature)
        items = session.blocks.get(array.key) if array else None
        status = str(items[0].get("status")) if items else ""
        progress.append((feature, _FEATURE_STATUS.get(status, FeatureStatus.NOT_FINISHED)))
    return progress


def to_json(payload: Any) -> bytes:
    """A payload as the bytes the emulator sends: compact UTF-8 JSON.

    orjson writes it (about 12 times faster than `json` on a list page, the same bytes); what
    orjson refuses (an integer beyond 64 bits in a client's metadata, say) the standard encoder
    writes, so every payload `json` can encode is still answered. No NaN or infinity gets into
    the state (requests carrying one are refused); should one ever, orjson writes `null`."""
    try:
        return orjson.dumps(payload)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(
            payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        ).encode()


class JSONResponse(StarletteJSONResponse):
    """Starlette's JSON response, encoded by `to_json`."""

    def render(self, content: Any) -> bytes:
        return to_json(content)


class RenderedJSONResponse(Response):
    """A 200 (or `status_code`) whose body is JSON already rendered by `to_json`: its headers are
    written straight away, without Starlette's general header assembly (the reads' hot path)."""

    media_type = "application/json"

    def __init__(self, body: bytes, status_code: int = 200) -> None:
        self.status_code = status_code
        self.body = body
        self.background = None
        self.raw_headers = [
            (b"content-length", b"%d" % len(body)),
            (b"content-type", b"application/json"),
        ]


def _copy(value: Any, copied: bool) -> Any:
    return copy.deepcopy(value) if copied else value


def _common(session: Session, copied: bool) -> dict[str, Any]:
    return {
        "session_id": session.id,
        "session_number": session.number,
        "session_url": session.url,
        "status": session.status,
        "workflow_id": session.workflow_id,
        "features": list(session.features),
        "vendor_data": session.vendor_data,
        "metadata": _copy(session.metadata, copied),
    }


def _user_inputs(session: Session, copied: bool) -> dict[str, Any]:
    return {
        "expected_details": _copy(session.expected_details, copied),
        "contact_details": _copy(session.contact_details, copied),
        "callback": session.callback,
    }


def _tail(session: Session, copied: bool) -> dict[str, Any]:
    return {
        "reviews": _copy(session.reviews, copied),
        "shared_from_session": session.shared_from_session,
        "created_at": session.created_at_iso,
        "expires_at": isoformat(session.expires_at),
    }


def decision_v3(session: Session, *, events: bool = False, copied: bool = True) -> dict[str, Any]:
    """The V3 decision: every result array of the session's kind, null until its feature has run
    (Didit's published OpenAPI); with `events`, a user session's timeline too.

    With `copied=False` the payload shares the session's containers: only for a caller that
    renders it (`to_json`) before the backend's lock is released, the read path's fast case.
    """
    # The emulator's applications are sandbox applications.
    environment = DecisionV3Environment.SANDBOX
    decision = {
        **_common(session, copied),
        "session_kind": session.kind,
        "environment": environment,
    }
    if not session.is_business:
        decision.update(_user_inputs(session, copied))
    for array in BUSINESS_ARRAYS if session.is_business else USER_ARRAYS:
        items = session.blocks.get(array.key)
        decision[array.key] = _copy(items, copied) if items is not None else None
    if events and not session.is_business:
        decision["events"] = _copy(session.events, copied)
    return {**decision, **_tail(session, copied)}
