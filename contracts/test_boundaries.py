"""Layer 3: explicit boundary properties, parametrised from the bounds written in openapi.yaml.

Nothing here restates a bound: the TTL limits and default, the statuses `update-status` accepts,
the blocklist item kinds and the session statuses are read from the spec, and the cases are the
values on and just past each edge.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import jwt
import pytest
from didit_client.api.sessions import list_sessions
from didit_client.api.sharing import import_shared_session, share_session
from didit_client.models import (
    DecisionV3,
    ImportSharedSessionRequest,
    SessionPage,
    SessionStatus,
    ShareSessionRequest,
    ShareToken,
)

from contracts.reporting import reproduction, shown_body
from contracts.sessions import api_client, create_user_session, finished_session
from contracts.target import Control, Target
from didit_spec import component_schema

TTL = component_schema("ShareSessionRequest")["properties"]["ttl_in_seconds"]
TTL_MIN, TTL_MAX, TTL_DEFAULT = TTL["minimum"], TTL["maximum"], TTL["default"]
SESSION_STATUSES: list[str] = component_schema("SessionStatus")["enum"]
NEW_STATUSES: list[str] = component_schema("NewSessionStatus")["enum"]
ITEM_TYPES: list[str] = component_schema("BlocklistItemType")["enum"]


def _explained(target: Target, body: bytes) -> str:
    """A failure message: the answer (tokens hidden) and the curl command of the request."""
    return f"{shown_body(body)}\n{reproduction(target.connections.transport.last_request)}"


def _partner(target: Target) -> Any:
    if target.partner is None:
        pytest.skip("needs a partner application (DIDIT_PARTNER_*) to share sessions with")
    return target.partner


def _share(target: Target, session_id: uuid.UUID, body: Any) -> httpx.Response:
    return target.http.post(
        f"{target.base_url}/v3/session/{session_id}/share/",
        json=body,
        headers=target.api_key_headers(),
    )


def _token_lifetime(share_token: str) -> int:
    claims = jwt.decode(share_token, options={"verify_signature": False})
    lifetime: int = claims["exp"] - claims["iat"]
    return lifetime


@pytest.mark.parametrize(
    ("ttl", "accepted"),
    [
        (TTL_MIN - 1, False),
        (TTL_MIN, True),
        (TTL_DEFAULT, True),
        (TTL_MAX, True),
        (TTL_MAX + 1, False),
    ],
)
def test_share_session_ttl_bounds(
    writable: Target, control: Control, ttl: int, accepted: bool
) -> None:
    partner = _partner(writable)
    session_id = finished_session(writable, control)
    response = _share(
        writable, session_id, {"for_application_id": partner.application_id, "ttl_in_seconds": ttl}
    )
    if not accepted:
        assert response.status_code == 400, _explained(writable, response.content)
        assert "detail" in response.json()
        return
    assert response.status_code == 200, _explained(writable, response.content)
    assert _token_lifetime(response.json()["share_token"]) == ttl


def test_share_session_ttl_defaults_when_absent(writable: Target, control: Control) -> None:
    partner = _partner(writable)
    session_id = finished_session(writable, control)
    body = ShareSessionRequest(for_application_id=uuid.UUID(partner.application_id))
    shared = share_session.sync(session_id, client=api_client(writable), body=body)
    assert isinstance(shared, ShareToken)
    assert _token_lifetime(shared.share_token) == TTL_DEFAULT


@pytest.mark.parametrize("ttl", [3600.5, "3600", True, None, [3600]], ids=repr)
def test_share_session_rejects_non_integer_ttl(
    writable: Target, control: Control, ttl: object
) -> None:
    partner = _partner(writable)
    session_id = finished_session(writable, control)
    response = _share(
        writable, session_id, {"for_application_id": partner.application_id, "ttl_in_seconds": ttl}
    )
    assert response.status_code == 400, _explained(writable, response.content)


@pytest.mark.parametrize("status", SESSION_STATUSES)
def test_session_status_decodes_every_spec_value(status: str) -> None:
    decision = DecisionV3.from_dict({"session_id": str(uuid.uuid4()), "status": status})
    assert decision.status == SessionStatus(status)
    assert decision.status.is_known
    assert decision.to_dict()["status"] == status


def test_list_sessions_emits_only_spec_statuses(target: Target) -> None:
    page = list_sessions.sync(client=api_client(target), page_size=100)
    assert isinstance(page, SessionPage)
    for summary in page.results:
        assert summary.status.is_known, f"{summary.session_id} has status {summary.status.value!r}"


@pytest.mark.parametrize(
    "new_status",
    sorted(set(SESSION_STATUSES) - set(NEW_STATUSES)) + [s.lower() for s in NEW_STATUSES] + [""],
)
def test_update_session_status_rejects_values_outside_its_enum(
    writable: Target, control: Control, new_status: str
) -> None:
    # A session a reviewer can act on (one Not Started is refused whatever the body says), and
    # its twin, which takes a value of the enum: so the 400 is the value's.
    refused, twin = (finished_session(writable, control, "in_review") for _ in range(2))

    def update(session_id: object, value: str) -> httpx.Response:
        return writable.http.patch(
            f"{writable.base_url}/v3/session/{session_id}/update-status/",
            json={"new_status": value},
            headers=writable.api_key_headers(),
        )

    assert update(twin, NEW_STATUSES[0]).status_code == 200
    response = update(refused, new_status)
    assert response.status_code == 400, f"{new_status!r} was accepted ({len(response.content)} B)"


@pytest.mark.parametrize(
    "item_type", [*(t.upper() for t in ITEM_TYPES), *(t + "s" for t in ITEM_TYPES), "", "passport"]
)
def test_list_blocklist_rejects_item_types_outside_its_enum(target: Target, item_type: str) -> None:
    response = target.http.get(
        f"{target.base_url}/v3/blocklist/",
        params={"item_type": item_type},
        headers=target.api_key_headers(),
    )
    assert response.status_code == 400, _explained(target, response.content)


@pytest.mark.parametrize("page_size", [1, 2, 3, 7])
def test_list_sessions_pages_partition_the_filtered_set(writable: Target, page_size: int) -> None:
    vendor_data = f"contract-pages-{uuid.uuid4()}"
    created = {create_user_session(writable, vendor_data=vendor_data).session_id for _ in range(7)}
    create_user_session(writable, vendor_data=f"{vendor_data}-other")
    seen: list[uuid.UUID] = []
    url: str | None = f"{writable.base_url}/v3/sessions/"
    params: dict[str, Any] | None = {"vendor_data": vendor_data, "page_size": page_size}
    previous_url: str | None = None
    pages = 0
    while url is not None:
        response = writable.http.get(url, params=params, headers=writable.api_key_headers())
        assert response.status_code == 200, _explained(writable, response.content)
        page = SessionPage.from_dict(response.json())
        assert page.count == len(created)
        assert len(page.results) <= page_size
        if previous_url is None:
            assert page.previous is None
        else:
            assert page.previous is not None
            headers = writable.api_key_headers()
            back = writable.http.get(page.previous, headers=headers).json()
            before = writable.http.get(previous_url, params=params, headers=headers)
            assert back["results"] == before.json()["results"]
        seen.extend(summary.session_id for summary in page.results)
        previous_url, url, params = str(response.url), page.next_, None
        pages += 1
    assert len(seen) == len(set(seen)), "a session appeared on two pages"
    assert set(seen) == created
    assert pages == -(-len(created) // page_size)


def _import(target: Target, share_token: str, trust_review: bool) -> Any:
    partner = _partner(target)
    body = ImportSharedSessionRequest(
        share_token=share_token, trust_review=trust_review, workflow_id=partner.workflow_id
    )
    return import_shared_session.sync_detailed(
        client=api_client(target, partner.api_key), body=body
    )


@pytest.mark.parametrize(
    ("outcome", "trust_review", "expected_status"),
    [
        ("approved", True, SessionStatus.APPROVED),
        ("declined", True, SessionStatus.DECLINED),
        ("approved", False, SessionStatus.IN_REVIEW),
        ("declined", False, SessionStatus.IN_REVIEW),
    ],
)
def test_import_shared_session_trust_review(
    writable: Target,
    control: Control,
    outcome: str,
    trust_review: bool,
    expected_status: SessionStatus,
) -> None:
    partner = _partner(writable)
    session_id = finished_session(writable, control, outcome)
    body = ShareSessionRequest(for_application_id=uuid.UUID(partner.application_id))
    shared = share_session.sync(session_id, client=api_client(writable), body=body)
    assert isinstance(shared, ShareToken)
    response = _import(writable, shared.share_token, trust_review)
    assert response.status_code == 201, _explained(writable, response.content)
    assert response.parsed.status == SessionStatus(expected_status)
    assert response.parsed.session_id != session_id


def test_import_shared_session_twice_is_forbidden(writable: Target, control: Control) -> None:
    partner = _partner(writable)
    session_id = finished_session(writable, control)
    body = ShareSessionRequest(for_application_id=uuid.UUID(partner.application_id))
    shared = share_session.sync(session_id, client=api_client(writable), body=body)
    assert isinstance(shared, ShareToken)
    assert _import(writable, shared.share_token, True).status_code == 201
    second = _import(writable, shared.share_token, True)
    assert second.status_code == 403, _explained(writable, second.content)
