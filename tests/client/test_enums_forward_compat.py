"""Forward-compatible enums: a value the spec does not list yet decodes, and stays out of requests.

Didit has already added statuses beyond its documents; with plain generated enums one new value
makes every decode of a session fail. The project's generator templates make response decoding
go through `Enum.decode()`, which keeps the raw string (`is_known` is False), while `Enum(value)`
stays strict, so requests only carry known values. These tests go through the generated
operations and models, so a regeneration without the templates fails here.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import get_session_decision, list_sessions
from didit_client.models import (
    BlocklistItemType,
    DecisionV3,
    Feature,
    FeatureStatus,
    GrantType,
    NewSessionStatus,
    SessionStatus,
    UpdateSessionStatusRequest,
    WebhookEvent,
    WebhookType,
)
from didit_client.types import Unset

from didit_toolkit import unwrap

SESSION_ID = "11111111-2222-3333-4444-555555555555"

DECISION: dict[str, Any] = {
    "session_id": SESSION_ID,
    "session_number": 34,
    "status": "Awaiting Biometrics",
    "workflow_id": "d8d2fa2d-c69c-471c-b7bc-bc71512b43ef",
    "features": ["ID_VERIFICATION", "VOICE_MATCH"],
    "vendor_data": "user-123",
    "metadata": {"tier": "gold"},
    "id_verifications": [
        {"status": "Escalated", "first_name": "Zoë", "document_number": "CAA000000", "age": 45}
    ],
    "reviews": [],
    "brand_new_block": {"score": 0.5},
}


def answering(body: Any) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url="https://didit.test", token="k", prefix="")
    return client.set_httpx_client(
        httpx.Client(
            base_url="https://didit.test",
            transport=httpx.MockTransport(lambda request: httpx.Response(200, json=body)),
        )
    )


def test_get_session_decision_unknown_status_decodes_and_keeps_its_value() -> None:
    decision = unwrap(
        get_session_decision.sync_detailed(uuid.UUID(SESSION_ID), client=answering(DECISION))
    )
    assert isinstance(decision, DecisionV3)
    assert isinstance(decision.status, SessionStatus)
    assert decision.status.value == "Awaiting Biometrics"
    assert decision.status == "Awaiting Biometrics"
    assert str(decision.status) == "Awaiting Biometrics"
    assert decision.status.is_known is False


def test_get_session_decision_unknown_values_lose_nothing_else() -> None:
    decision = unwrap(
        get_session_decision.sync_detailed(uuid.UUID(SESSION_ID), client=answering(DECISION))
    )
    assert decision.session_id == uuid.UUID(SESSION_ID)
    assert decision.session_number == 34
    assert decision.vendor_data == "user-123"
    assert not isinstance(decision.features, Unset)
    assert [f.value for f in decision.features] == ["ID_VERIFICATION", "VOICE_MATCH"]
    assert [f.is_known for f in decision.features] == [True, False]
    assert isinstance(decision.id_verifications, list)
    [verification] = decision.id_verifications
    assert verification.status.value == "Escalated"
    assert verification.status.is_known is False
    assert verification.first_name == "Zoë"
    assert decision.additional_properties == {"brand_new_block": {"score": 0.5}}
    # Re-encoding gives back exactly what the server sent.
    assert decision.to_dict() == DECISION


def test_list_sessions_unknown_status_in_a_page_decodes() -> None:
    page_body = {
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            {"session_id": SESSION_ID, "status": "Approved"},
            {"session_id": "00000000-0000-4000-8000-000000000002", "status": "Pending Payment"},
        ],
    }
    page = unwrap(list_sessions.sync_detailed(client=answering(page_body)))
    known, unknown = page.results
    assert known.status is SessionStatus.APPROVED
    assert known.status.is_known is True
    assert unknown.status.value == "Pending Payment"
    assert unknown.status.is_known is False


def test_webhook_event_unknown_type_and_status_decode() -> None:
    event = WebhookEvent.from_dict(
        {
            "webhook_type": "session.archived",
            "session_id": SESSION_ID,
            "status": "Archived",
            "timestamp": 1753630666,
        }
    )
    assert isinstance(event.webhook_type, WebhookType)
    assert (event.webhook_type.value, event.webhook_type.is_known) == ("session.archived", False)
    assert (event.status.value, event.status.is_known) == ("Archived", False)


@pytest.mark.parametrize(
    ("enum", "value"),
    [
        pytest.param(SessionStatus, "Awaiting Biometrics", id="session-status"),
        pytest.param(NewSessionStatus, "Archived", id="new-session-status"),
        pytest.param(BlocklistItemType, "iban", id="blocklist-item-type"),
        pytest.param(FeatureStatus, "Escalated", id="feature-status"),
        pytest.param(Feature, "VOICE_MATCH", id="feature"),
    ],
)
def test_enum_constructor_rejects_unknown_values_for_requests(enum: Any, value: str) -> None:
    with pytest.raises(ValueError, match="is not a valid"):
        enum(value)
    assert enum.decode(value).is_known is False


def test_update_session_status_request_only_takes_known_statuses() -> None:
    with pytest.raises(ValueError, match="is not a valid NewSessionStatus"):
        UpdateSessionStatusRequest(new_status=NewSessionStatus("Archived"))
    body = UpdateSessionStatusRequest(new_status=NewSessionStatus("Approved")).to_dict()
    assert body["new_status"] == "Approved"


def test_enum_decode_known_value_is_the_member() -> None:
    assert SessionStatus.decode("In Review") is SessionStatus.IN_REVIEW
    assert SessionStatus.IN_REVIEW.is_known is True


def test_enum_decode_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="expects a string"):
        SessionStatus.decode(3)


def test_one_value_enum_decode_stays_strict() -> None:
    # A one-value enum is a discriminator: keeping an unknown value would hide a wrong payload.
    with pytest.raises(ValueError, match="is not a valid GrantType"):
        GrantType.decode("password")
