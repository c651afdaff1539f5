"""The `/_emulator/` control surface, validated against control-openapi.yaml."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import create_session_v2, get_session_decision
from didit_client.models import CreateSessionV2Request, DecisionV3
from openapi_spec_validator import validate

from didit_emulator.clock import LATEST
from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import ResponseValidator, control_document


def _post(emulator: RunningEmulator, path: str, body: Any = None) -> httpx.Response:
    with emulator.http() as http:
        return http.post(f"/_emulator/{path}", json=body)


def test_control_openapi_is_a_valid_openapi_31_document() -> None:
    validate(dict(control_document().contents))


def test_complete_session_returns_the_new_v3_decision(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.create_session()
    response = _post(emulator, f"sessions/{session.session_id}/complete", {"outcome": "in_review"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "In Review"
    assert body["aml_screenings"][0]["warnings"][0]["risk"] == "POSSIBLE_MATCH_FOUND"
    decision = get_session_decision.sync_detailed(session.session_id, client=acme)
    assert json.loads(decision.content) == body


def test_complete_session_uses_the_identity_given(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.create_session()
    emulator.complete_session(
        session.session_id,
        "approved",
        first_name="Carmen",
        last_name="Española",
        document_number="CAA000000",
        nationality="ESP",
        date_of_birth="1980-01-01",
        phone="+34600000000",
        email="carmen@example.com",
    )
    decision = get_session_decision.sync(session.session_id, client=acme)
    assert isinstance(decision, DecisionV3)
    assert isinstance(decision.id_verifications, list)
    document = decision.id_verifications[0]
    assert (document.first_name, document.last_name) == ("Carmen", "Española")
    assert document.document_number == "CAA000000"
    assert document.nationality == "ESP"
    assert isinstance(document.age, int)
    assert document.age >= 45
    assert isinstance(decision.phone_verifications, list)
    assert decision.phone_verifications[0].full_number == "+34600000000"
    assert isinstance(decision.email_verifications, list)
    assert decision.email_verifications[0].email == "carmen@example.com"


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"outcome": "won"}, 400, "outcome:"),
        ({}, 400, "outcome:"),
        ({"outcome": "approved", "phone": "12345"}, 400, "phone:"),
        ({"outcome": "approved", "date_of_birth": "1.1.1980"}, 400, "date_of_birth:"),
        ({"outcome": "approved", "colour": "red"}, 400, "request body:"),
        (None, 400, "request body:"),
    ],
)
def test_complete_session_validates_against_the_control_spec(
    emulator: RunningEmulator, body: dict[str, Any] | None, status: int, detail: str
) -> None:
    session = emulator.create_session()
    response = _post(emulator, f"sessions/{session.session_id}/complete", body)
    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)


@pytest.mark.parametrize(
    ("session_id", "status"), [(str(uuid.uuid4()), 404), ("nope", 400)], ids=["unknown", "not-uuid"]
)
def test_complete_session_unknown_session(
    emulator: RunningEmulator, session_id: str, status: int
) -> None:
    response = _post(emulator, f"sessions/{session_id}/complete", {"outcome": "approved"})
    assert response.status_code == status


def test_advance_clock_moves_time_forward_only(emulator: RunningEmulator) -> None:
    before = emulator.http().get("/_emulator/clock").json()
    after = emulator.advance_clock(3600)
    assert after["offset_seconds"] == 3600
    assert 3600 <= after["now"] - before["now"] < 3610
    assert after["iso"].endswith("Z")
    assert _post(emulator, "clock/advance", {"seconds": -1}).status_code == 400
    assert _post(emulator, "clock/advance", {"seconds": "soon"}).status_code == 400


def test_reset_clears_all_state_and_restarts_numbering(emulator: RunningEmulator) -> None:
    first = emulator.finished_session("Acme", "approved")
    with emulator.client("Acme") as acme:
        acme.get_httpx_client().post(
            "/v3/blocklist/add/", json={"session_id": str(first.session_id), "blocklist_face": True}
        )
    emulator.advance_clock(1000)
    token = emulator.access_token()
    response = _post(emulator, "reset")
    assert response.status_code == 204
    state = emulator.state()
    assert state["sessions"] == []
    assert state["blocklist"] == []
    assert state["imports"] == []
    assert state["clock"]["offset_seconds"] == 0
    assert emulator.create_session().session_number == 1
    with emulator.bearer_client(token) as client:
        body = CreateSessionV2Request(workflow_id=uuid.UUID(emulator.workflow().id))
        assert create_session_v2.sync_detailed(client=client, body=body).status_code == 401


def test_state_lists_applications_and_workflows_without_secrets(
    emulator: RunningEmulator,
) -> None:
    session = emulator.finished_session()
    response = emulator.http().get("/_emulator/state")
    assert response.status_code == 200
    body = response.json()
    assert [a["name"] for a in body["applications"]] == ["Acme", "Partner"]
    kinds = {w["kind"] for a in body["applications"] for w in a["workflows"]}
    assert kinds == {"user", "business"}
    text = response.text
    for app in emulator.config.applications:
        assert app.api_key not in text
        assert app.client_secret not in text
    assert emulator.config.share_token_secret not in text
    assert session.session_token not in text  # a session row's `session_url` carries it
    assert all(s["session_kind"] == "user" for s in body["sessions"])
    problems = ResponseValidator(control_document()).check(
        "get_state", 200, dict(response.headers), response.content
    )
    assert problems == []


CENTURY = 3_153_600_000  # the most one advance may move the clock (control-openapi.yaml)


def _advance_to(emulator: RunningEmulator, instant: float) -> None:
    now = emulator.http().get("/_emulator/clock").json()["now"]
    while now < instant:
        step = min(CENTURY, instant - now)
        moved = _post(emulator, "clock/advance", {"seconds": step})
        assert moved.status_code == 200, moved.text
        now = moved.json()["now"]


def test_advance_clock_past_its_latest_is_400_and_changes_nothing(
    emulator: RunningEmulator,
) -> None:
    _advance_to(emulator, LATEST - 10)
    before = emulator.http().get("/_emulator/clock").json()
    refused = _post(emulator, "clock/advance", {"seconds": 20})
    assert refused.status_code == 400
    assert "9999" in refused.json()["detail"]
    after = emulator.http().get("/_emulator/clock")
    assert after.status_code == 200
    assert after.json()["offset_seconds"] == before["offset_seconds"]


def test_advance_clock_to_its_latest_leaves_every_step_of_a_journey_answering(
    emulator: RunningEmulator,
) -> None:
    # What the emulator dates ahead of the clock (expiries, a document's expiry date five years
    # on) must still be writable when the clock is as late as it goes.
    _advance_to(emulator, LATEST)
    session = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(session.session_id)
    with emulator.http() as http:
        acme = {"x-api-key": emulator.application("Acme").api_key}
        partner = {"x-api-key": emulator.application("Partner").api_key}
        decision = http.get(f"/v3/session/{session.session_id}/decision/", headers=acme)
        imported = http.post(
            "/v3/session/import-shared/",
            headers=partner,
            json={
                "share_token": token,
                "trust_review": True,
                "workflow_id": str(emulator.workflow("Partner").id),
            },
        )
        created = http.post(
            "/v3/session/", headers=acme, json={"workflow_id": str(emulator.workflow().id)}
        )
    assert [decision.status_code, imported.status_code, created.status_code] == [200, 201, 201]
    assert decision.json()["id_verifications"][0]["expiration_date"].startswith("99")
    assert decision.json()["expires_at"].startswith("99")
    assert emulator.response_violations == []
