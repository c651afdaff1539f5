"""Blocklist add / remove / list through the generated client, and the auto-decline of later
sessions whose face, document, phone or e-mail is blocked (004)."""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

import pytest
from didit_client import AuthenticatedClient
from didit_client.api.blocklist import add_to_blocklist, list_blocklist, remove_from_blocklist
from didit_client.api.sessions import create_session, get_session_decision
from didit_client.models import (
    BlocklistAddRequest,
    BlocklistChange,
    BlocklistItemType,
    BlocklistPage,
    BlocklistRemoveRequest,
    ContactDetails,
    CreatedSession,
    CreateSessionRequest,
    DecisionV3,
)

from didit_emulator.testing import RunningEmulator

# item kind -> (control-surface identity field, a value, decision block, warning)
KINDS = {
    "face": ("face_id", "person-42", "liveness_checks", "FACE_IN_BLOCKLIST"),
    "document": ("document_number", "X1234567", "id_verifications", "ID_DOCUMENT_IN_BLOCKLIST"),
    "phone": ("phone", "+14155550042", "phone_verifications", "PHONE_NUMBER_IN_BLOCKLIST"),
    "email": ("email", "person42@example.com", "email_verifications", "EMAIL_IN_BLOCKLIST"),
}


def _add(client: AuthenticatedClient, session_id: object, *kinds: str) -> Any:
    body = BlocklistAddRequest.from_dict(
        {"session_id": str(session_id), **{f"blocklist_{kind}": True for kind in kinds}}
    )
    return add_to_blocklist.sync_detailed(client=client, body=body)


def _remove(client: AuthenticatedClient, session_id: object, *kinds: str) -> Any:
    body = BlocklistRemoveRequest.from_dict(
        {"session_id": str(session_id), **{f"unblock_{kind}": True for kind in kinds}}
    )
    return remove_from_blocklist.sync_detailed(client=client, body=body)


def _entries(client: AuthenticatedClient, item_type: str | None = None) -> BlocklistPage:
    kind = BlocklistItemType(item_type) if item_type else None
    page = (
        list_blocklist.sync(client=client, item_type=kind)
        if kind
        else list_blocklist.sync(client=client)
    )
    assert isinstance(page, BlocklistPage)
    return page


def _decision(client: AuthenticatedClient, session_id: UUID) -> DecisionV3:
    decision = get_session_decision.sync(session_id, client=client)
    assert isinstance(decision, DecisionV3)
    return decision


def test_add_to_blocklist_blocks_the_chosen_items_of_a_session(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "declined")
    response = _add(acme, session.session_id, "face", "document")
    assert response.status_code == 200
    change = response.parsed
    assert isinstance(change, BlocklistChange)
    assert change.session_id == session.session_id
    assert [str(t) for t in change.item_types or []] == ["face", "document"]

    page = _entries(acme)
    assert page.count == 2
    assert {str(e.item_type) for e in page.results} == {"face", "document"}
    assert {e.session_id for e in page.results} == {session.session_id}
    assert all(str(e.value).startswith("sha256:") for e in page.results)  # fingerprints


@pytest.mark.parametrize("item_type", list(KINDS))
def test_list_blocklist_filters_by_item_type(
    emulator: RunningEmulator, acme: AuthenticatedClient, item_type: str
) -> None:
    session = emulator.finished_session("Acme", "approved")
    assert _add(acme, session.session_id, *KINDS).status_code == 200
    assert _entries(acme).count == 4
    page = _entries(acme, item_type)
    assert page.count == 1
    assert [str(e.item_type) for e in page.results] == [item_type]


def test_list_blocklist_unknown_item_type_is_400(acme: AuthenticatedClient) -> None:
    response = acme.get_httpx_client().get("/v3/blocklist/?item_type=fingerprint")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("item_type:")


def test_add_to_blocklist_leaves_out_items_the_session_does_not_have(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    body = CreateSessionRequest(
        workflow_id=UUID(emulator.workflow().id),
        contact_details=ContactDetails(phone="+14155550099"),
    )
    created = create_session.sync(client=acme, body=body)
    assert isinstance(created, CreatedSession)
    response = _add(acme, created.session_id, *KINDS)  # not completed: no face, document, e-mail
    assert response.status_code == 200
    assert [str(t) for t in response.parsed.item_types] == ["phone"]
    assert [e.value for e in _entries(acme).results] == ["+14155550099"]


def test_add_to_blocklist_twice_keeps_one_entry(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved")
    _add(acme, session.session_id, "phone")
    _add(acme, session.session_id, "phone")
    assert _entries(acme).count == 1


@pytest.mark.parametrize("kind", list(KINDS))
def test_add_to_blocklist_declines_later_sessions_that_match(
    emulator: RunningEmulator, acme: AuthenticatedClient, kind: str
) -> None:
    field, value, block, risk = KINDS[kind]
    fraud = emulator.finished_session("Acme", "approved", **{field: value})
    assert _add(acme, fraud.session_id, kind).status_code == 200

    same = emulator.finished_session("Acme", "approved", **{field: value})
    decision = _decision(acme, same.session_id)
    assert decision.status == "Declined"
    body = decision.to_dict()
    assert body[block][0]["status"] == "Declined"
    assert risk in [w["risk"] for w in body[block][0]["warnings"]]

    other = emulator.finished_session("Acme", "approved")
    assert _decision(acme, other.session_id).status == "Approved"


@pytest.mark.parametrize("outcome", ["in_review", "declined"])
def test_add_to_blocklist_match_declines_whatever_the_outcome(
    emulator: RunningEmulator, acme: AuthenticatedClient, outcome: str
) -> None:
    fraud = emulator.finished_session("Acme", "approved", face_id="person-7")
    _add(acme, fraud.session_id, "face")
    again = emulator.finished_session("Acme", outcome, face_id="person-7")
    decision = _decision(acme, again.session_id).to_dict()
    assert decision["status"] == "Declined"
    assert "FACE_IN_BLOCKLIST" in [w["risk"] for w in decision["liveness_checks"][0]["warnings"]]


def test_add_to_blocklist_matches_the_email_given_at_creation(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    fraud = emulator.finished_session("Acme", "approved", email="Fraud@Example.com")
    _add(acme, fraud.session_id, "email")
    body = CreateSessionRequest(
        workflow_id=UUID(emulator.workflow().id),
        contact_details=ContactDetails(email="fraud@example.com"),
    )
    created = create_session.sync(client=acme, body=body)
    assert isinstance(created, CreatedSession)
    emulator.complete_session(created.session_id, "approved")
    assert _decision(acme, created.session_id).status == "Declined"


def test_remove_from_blocklist_unblocks_the_items(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    fraud = emulator.finished_session("Acme", "approved", face_id="p1", document_number="D1")
    _add(acme, fraud.session_id, "face", "document")
    response = _remove(acme, fraud.session_id, "face")
    assert response.status_code == 200
    assert isinstance(response.parsed, BlocklistChange)
    assert [str(t) for t in response.parsed.item_types or []] == ["face"]
    assert [str(e.item_type) for e in _entries(acme).results] == ["document"]

    face_only = emulator.finished_session("Acme", "approved", face_id="p1")
    assert _decision(acme, face_only.session_id).status == "Approved"
    document = emulator.finished_session("Acme", "approved", document_number="D1")
    assert _decision(acme, document.session_id).status == "Declined"


def test_remove_from_blocklist_through_another_session_of_the_same_person(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    fraud = emulator.finished_session("Acme", "approved", phone="+14155550001")
    _add(acme, fraud.session_id, "phone")
    later = emulator.finished_session("Acme", "approved", phone="+14155550001")
    response = _remove(acme, later.session_id, "phone", "email")
    assert [str(t) for t in response.parsed.item_types] == ["phone"]
    assert _entries(acme).count == 0


def test_add_to_blocklist_is_per_application(
    emulator: RunningEmulator, acme: AuthenticatedClient, partner: AuthenticatedClient
) -> None:
    fraud = emulator.finished_session("Acme", "approved", face_id="shared-face")
    _add(acme, fraud.session_id, "face")
    elsewhere = emulator.finished_session("Partner", "approved", face_id="shared-face")
    assert _decision(partner, elsewhere.session_id).status == "Approved"
    assert _entries(partner).count == 0


@pytest.mark.parametrize("operation", ["add", "remove"])
def test_add_to_blocklist_unknown_or_foreign_session_is_404(
    emulator: RunningEmulator, partner: AuthenticatedClient, operation: str
) -> None:
    foreign = emulator.finished_session("Acme", "approved").session_id
    call = _add if operation == "add" else _remove
    assert call(partner, foreign, "face").status_code == 404
    assert call(partner, uuid.uuid4(), "face").status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "session_id"),
        ({"session_id": "abc"}, "session_id"),
        ({"session_id": str(uuid.UUID(int=1)), "blocklist_face": "yes"}, "blocklist_face"),
    ],
)
def test_add_to_blocklist_invalid_body_is_400(
    acme: AuthenticatedClient, body: dict[str, Any], field: str
) -> None:
    response = acme.get_httpx_client().post("/v3/blocklist/add/", json=body)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}:")
