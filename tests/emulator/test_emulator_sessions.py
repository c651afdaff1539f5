"""Sessions through the generated client: create (v3, v2), decision, list, delete, update-status,
PDF, and expiry on the emulator clock."""

from __future__ import annotations

import io
import json
import uuid
from typing import Any
from uuid import UUID

import pypdf
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import (
    create_session,
    create_session_v2,
    delete_session,
    generate_session_pdf,
    get_session_decision,
    list_sessions,
    update_session_status,
)
from didit_client.models import (
    ContactDetails,
    CreatedSession,
    CreateSessionRequest,
    CreateSessionV2Request,
    DecisionV3,
    DeletedSession,
    ErrorResponse,
    NewSessionStatus,
    NodeToResubmit,
    ResubmittableFeature,
    SessionMetadata,
    SessionPage,
    SessionStatus,
    UpdateSessionStatusRequest,
)

from didit_emulator import default_config
from didit_emulator.testing import RunningEmulator
from didit_spec import component_schema, didit_document, validator_for

DAY = 86400
EXPIRY = default_config().session_expiry_seconds
# 1 MB of base64 (004): openapi.yaml's maxLength.
MAX_PORTRAIT = component_schema("CreateSessionRequest")["properties"]["portrait_image"]["maxLength"]


def _decision(client: AuthenticatedClient, session_id: object) -> dict[str, Any]:
    response = get_session_decision.sync_detailed(UUID(str(session_id)), client=client)
    assert response.status_code == 200, response.content
    body: dict[str, Any] = json.loads(response.content)
    return body


def _detail(content: bytes) -> str:
    detail: str = json.loads(content)["detail"]
    return detail


# --- create ---------------------------------------------------------------------------------


def test_create_session_returns_a_not_started_session_pointing_at_the_emulator(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    workflow = emulator.workflow("Acme")
    body = CreateSessionRequest(
        workflow_id=UUID(workflow.id),
        vendor_data="user-123",
        callback="https://yourapp.com/callback",
        metadata=SessionMetadata.from_dict({"account_id": "ABC123"}),
    )
    response = create_session.sync_detailed(client=acme, body=body)
    assert response.status_code == 201
    created = response.parsed
    assert isinstance(created, CreatedSession)
    assert created.status == SessionStatus.NOT_STARTED
    assert str(created.workflow_id) == workflow.id
    assert created.vendor_data == "user-123"
    assert created.callback == "https://yourapp.com/callback"
    assert isinstance(created.metadata, SessionMetadata)
    assert created.metadata.to_dict() == {"account_id": "ABC123"}
    assert created.session_token
    assert created.url == f"{emulator.base_url}/session/{created.session_token}"


def test_create_session_metadata_json_string_is_echoed(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    body = CreateSessionRequest(
        workflow_id=UUID(emulator.workflow().id), metadata='{"account_id": "ABC123"}'
    )
    created = create_session.sync(client=acme, body=body)
    assert isinstance(created, CreatedSession)
    assert created.metadata == '{"account_id": "ABC123"}'


def test_create_session_numbers_sessions_sequentially_per_application(
    emulator: RunningEmulator, acme: AuthenticatedClient, partner: AuthenticatedClient
) -> None:
    def create(client: AuthenticatedClient, app: str) -> CreatedSession:
        body = CreateSessionRequest(workflow_id=UUID(emulator.workflow(app).id))
        created = create_session.sync(client=client, body=body)
        assert isinstance(created, CreatedSession)
        return created

    sessions = [create(acme, "Acme"), create(acme, "Acme"), create(partner, "Partner")]
    sessions.append(create(acme, "Acme"))
    assert [s.session_number for s in sessions] == [1, 2, 1, 3]
    assert len({s.session_id for s in sessions}) == 4
    assert len({s.session_token for s in sessions}) == 4
    assert len({s.url for s in sessions}) == 4


@pytest.mark.parametrize(
    "workflow_id",
    [
        pytest.param(str(uuid.uuid4()), id="unknown"),
        pytest.param("9f9b1234-aaaa-bbbb-cccc-1234567890ab", id="partner-workflow"),
    ],
)
def test_create_session_unknown_workflow_is_400(
    acme: AuthenticatedClient, workflow_id: str
) -> None:
    response = create_session.sync_detailed(
        client=acme, body=CreateSessionRequest(workflow_id=UUID(workflow_id))
    )
    assert response.status_code == 400
    assert isinstance(response.parsed, ErrorResponse)
    assert "workflow_id" in response.parsed.detail


@pytest.mark.parametrize(
    ("length", "status"),
    [
        (0, 201),
        (3, 400),  # not base64: padded base64 comes in groups of 4
        (4, 201),
        (MAX_PORTRAIT, 201),
        (MAX_PORTRAIT + 1, 400),
        (MAX_PORTRAIT + 4, 400),
    ],
)
def test_create_session_portrait_image_at_most_1_mb(
    emulator: RunningEmulator, acme: AuthenticatedClient, length: int, status: int
) -> None:
    body = CreateSessionRequest(
        workflow_id=UUID(emulator.workflow("Acme").id), portrait_image="A" * length
    )
    response = create_session.sync_detailed(client=acme, body=body)
    assert response.status_code == status
    if status == 400:
        assert _detail(response.content).startswith("portrait_image:")
        assert len(response.content) < 500  # the error does not echo the image


MISSING = object()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"workflow_id": MISSING}, "workflow_id"),
        ({"workflow_id": "not-a-uuid"}, "workflow_id"),
        ({"workflow_id": 42}, "workflow_id"),
        ({"language": "english"}, "language"),
        ({"callback": "not a url"}, "callback"),
        ({"callback_method": "sideways"}, "callback_method"),
        ({"metadata": 5}, "metadata"),
        ({"contact_details": {"phone": "4155552671"}}, "contact_details.phone"),
        ({"expected_details": {"date_of_birth": "15/05/1990"}}, "expected_details.date_of_birth"),
        ({"expected_details": {"gender": "X"}}, "expected_details.gender"),
        ({"portrait_image": "not base64!"}, "portrait_image"),
        ({"vendor_data": ["a"]}, "vendor_data"),
    ],
)
def test_create_session_invalid_body_is_400_naming_the_field(
    emulator: RunningEmulator, acme: AuthenticatedClient, body: dict[str, Any], field: str
) -> None:
    payload = {"workflow_id": emulator.workflow().id, **body}
    payload = {key: value for key, value in payload.items() if value is not MISSING}
    response = acme.get_httpx_client().post("/v3/session/", json=payload)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}:"), response.json()


@pytest.mark.parametrize(
    "content",
    [b"{", b"not json", b'{"workflow_id": NaN}', b"\xff\xfe", b"[" * 100000],
    ids=["truncated", "text", "nan", "not-utf8", "deep"],
)
def test_create_session_malformed_json_is_400(acme: AuthenticatedClient, content: bytes) -> None:
    response = acme.get_httpx_client().post(
        "/v3/session/", content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["detail"]


def test_create_session_without_body_is_400(acme: AuthenticatedClient) -> None:
    response = acme.get_httpx_client().post("/v3/session/")
    assert response.status_code == 400
    assert "request body" in response.json()["detail"]


def test_create_session_v2_with_a_client_token_continues_the_numbering(
    emulator: RunningEmulator,
) -> None:
    first = emulator.create_session("Acme")
    body = CreateSessionV2Request(
        workflow_id=UUID(emulator.workflow("Acme").id),
        vendor_data="user-123",
        metadata=SessionMetadata.from_dict({"user_type": "premium"}),
        contact_details=ContactDetails(email="john.doe@example.com", phone="+14155552671"),
    )
    with emulator.bearer_client(emulator.access_token("Acme")) as client:
        response = create_session_v2.sync_detailed(client=client, body=body)
    assert response.status_code == 201
    created = response.parsed
    assert isinstance(created, CreatedSession)
    assert created.session_number == first.session_number + 1
    assert created.status == SessionStatus.NOT_STARTED
    assert created.url.startswith(f"{emulator.base_url}/session/")
    assert isinstance(created.metadata, SessionMetadata)
    assert created.metadata.to_dict() == {"user_type": "premium"}


def test_create_session_v2_unknown_workflow_is_400(emulator: RunningEmulator) -> None:
    with emulator.bearer_client(emulator.access_token("Acme")) as client:
        response = create_session_v2.sync_detailed(
            client=client, body=CreateSessionV2Request(workflow_id=uuid.uuid4())
        )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("elapsed", "status"),
    [(0, "Not Started"), (EXPIRY - 1, "Not Started"), (EXPIRY, "Expired"), (30 * DAY, "Expired")],
)
def test_create_session_expires_after_the_configured_expiry(
    emulator: RunningEmulator, acme: AuthenticatedClient, elapsed: int, status: str
) -> None:
    session = emulator.create_session()
    emulator.advance_clock(elapsed)
    assert _decision(acme, session.session_id)["status"] == status
    page = list_sessions.sync(client=acme)
    assert isinstance(page, SessionPage)
    assert [r.status for r in page.results] == [status]


@pytest.mark.parametrize("outcome", ["in_progress", "approved", "declined", "in_review"])
def test_create_session_expiry_only_applies_while_the_user_has_not_finished(
    emulator: RunningEmulator, acme: AuthenticatedClient, outcome: str
) -> None:
    session = emulator.finished_session("Acme", outcome)
    before = _decision(acme, session.session_id)["status"]
    emulator.advance_clock(8 * DAY)
    after = _decision(acme, session.session_id)["status"]
    assert after == ("Expired" if outcome == "in_progress" else before)


# --- decision -------------------------------------------------------------------------------


def test_get_session_decision_is_the_v3_payload_of_the_current_state(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.create_session("Acme", vendor_data="user-123")
    response = get_session_decision.sync_detailed(session.session_id, client=acme)
    assert response.status_code == 200
    decision = response.parsed
    assert isinstance(decision, DecisionV3)
    assert decision.status == SessionStatus.NOT_STARTED
    assert decision.vendor_data == "user-123"
    assert [str(f) for f in decision.features or []] == list(emulator.workflow("Acme").features)
    assert decision.id_verifications is None  # null until the feature has run (live)
    assert decision.session_url == session.url

    emulator.complete_session(session.session_id, "approved")
    decision = get_session_decision.sync(session.session_id, client=acme)
    assert isinstance(decision, DecisionV3)
    assert decision.status == SessionStatus.APPROVED
    checks = [
        decision.id_verifications,
        decision.liveness_checks,
        decision.face_matches,
        decision.aml_screenings,
        decision.phone_verifications,
        decision.email_verifications,
        decision.ip_analyses,
    ]
    for items in checks:
        assert isinstance(items, list)
        assert len(items) == 1
        assert items[0].status == "Approved"
    assert decision.nfc_verifications is None  # the KYC workflow does not run NFC


@pytest.mark.parametrize(
    ("outcome", "status", "block", "block_status", "risk"),
    [
        ("approved", "Approved", "face_matches", "Approved", None),
        ("declined", "Declined", "face_matches", "Declined", "LOW_FACE_MATCH_SIMILARITY"),
        ("in_review", "In Review", "aml_screenings", "In Review", "POSSIBLE_MATCH_FOUND"),
        ("resubmitted", "Resubmitted", "id_verifications", "Resub Requested", "DOCUMENT_EXPIRED"),
        ("abandoned", "Abandoned", "liveness_checks", "Not Finished", None),
        ("expired", "Expired", "id_verifications", "Not Finished", None),
        ("in_progress", "In Progress", "face_matches", "Not Finished", None),
    ],
)
def test_get_session_decision_reflects_the_completed_outcome(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    outcome: str,
    status: str,
    block: str,
    block_status: str,
    risk: str | None,
) -> None:
    session = emulator.finished_session("Acme", outcome)
    decision = _decision(acme, session.session_id)
    assert decision["status"] == status
    item = decision[block][0]
    assert item["status"] == block_status
    assert [w["risk"] for w in item["warnings"]] == ([risk] if risk else [])


def test_get_session_decision_scores_fit_the_outcome(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    approved = _decision(acme, emulator.finished_session("Acme", "approved").session_id)
    declined = _decision(acme, emulator.finished_session("Acme", "declined").session_id)
    assert approved["face_matches"][0]["score"] > 90 > declined["face_matches"][0]["score"]
    assert approved["liveness_checks"][0]["method"] == "ACTIVE_3D"
    in_review = _decision(acme, emulator.finished_session("Acme", "in_review").session_id)
    assert in_review["aml_screenings"][0]["total_hits"] == 1
    assert approved["aml_screenings"][0]["total_hits"] == 0


def test_get_session_decision_of_a_business_session_is_the_kyb_payload(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved", kind="business")
    response = get_session_decision.sync_detailed(session.session_id, client=acme)
    assert response.status_code == 200
    assert isinstance(response.parsed, DecisionV3)
    assert response.parsed.session_kind == "business"
    body = json.loads(response.content)
    assert body["registry_checks"][0]["status"] == "Approved"
    assert body["key_people"]
    assert body["documents"]
    assert not list(validator_for("/components/schemas/BusinessDecision").iter_errors(body))


def test_get_session_decision_follows_every_change_to_its_session(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    # Each read follows a change: a second create with the same vendor_data, expiry, completion
    # and a review (guards any caching of rendered decisions).
    sid = emulator.create_session(vendor_data="erin").session_id
    assert _decision(acme, sid)["status"] == "Not Started"
    again = {"workflow_id": emulator.workflow("Acme", "user").id, "vendor_data": "erin"}
    reused = acme.get_httpx_client().post("/v3/session/", json={**again, "metadata": {"n": 2}})
    assert reused.json()["session_id"] == str(sid)
    assert _decision(acme, sid)["metadata"] == {"n": 2}
    emulator.advance_clock(EXPIRY)
    assert _decision(acme, sid)["status"] == "Expired"
    other = emulator.create_session().session_id
    assert _decision(acme, other)["status"] == "Not Started"
    emulator.complete_session(other, "declined")
    declined = _decision(acme, other)
    assert (declined["status"], declined["reviews"]) == ("Declined", [])
    body = UpdateSessionStatusRequest(new_status=NewSessionStatus.RESUBMITTED)
    assert update_session_status.sync_detailed(other, client=acme, body=body).status_code == 200
    reopened = _decision(acme, other)
    assert reopened["status"] == "Resubmitted"
    assert [r["new_status"] for r in reopened["reviews"]] == ["Resubmitted"]
    assert reopened["face_matches"][0]["status"] == "Resub Requested"


@pytest.mark.parametrize("session_id", [uuid.uuid4(), UUID(int=0)], ids=["random", "nil"])
def test_get_session_decision_unknown_session_is_404(
    acme: AuthenticatedClient, session_id: UUID
) -> None:
    response = get_session_decision.sync_detailed(session_id, client=acme)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Not found."


def test_get_session_decision_of_another_application_is_404(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    session = emulator.create_session("Acme")
    response = get_session_decision.sync_detailed(session.session_id, client=partner)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Session not found."


def test_get_session_decision_malformed_session_id_is_404(acme: AuthenticatedClient) -> None:
    response = acme.get_httpx_client().get("/v3/session/not-a-uuid/decision/")
    assert response.status_code == 404  # no such session, whoever asks (the live service)


def test_get_session_decision_include_events_adds_the_timeline(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "declined")
    plain = acme.get_httpx_client().get(f"/v3/session/{session.session_id}/decision/").json()
    assert "events" not in plain
    body = (
        acme.get_httpx_client()
        .get(f"/v3/session/{session.session_id}/decision/", params={"include": "events"})
        .json()
    )
    assert [e["status"] for e in body["events"]] == ["Declined"]


# --- list -----------------------------------------------------------------------------------


def _create_many(emulator: RunningEmulator, n: int, vendor_data: str | None = None) -> list[str]:
    """n sessions, oldest first; with a vendor_data, each is finished before the next is created
    (an unfinished one would be returned again)."""
    if vendor_data is None:
        return [str(emulator.create_session().session_id) for _ in range(n)]
    return [str(emulator.finished_session(vendor_data=vendor_data).session_id) for _ in range(n)]


def _ids(page: object) -> list[str]:
    assert isinstance(page, SessionPage)
    return [str(r.session_id) for r in page.results]


def test_list_sessions_filters_by_vendor_data_and_status(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    a1 = str(emulator.finished_session(vendor_data="alice").session_id)
    a2 = str(emulator.create_session(vendor_data="alice").session_id)
    emulator.finished_session(vendor_data="bob")

    assert _ids(list_sessions.sync(client=acme, vendor_data="alice")) == [a2, a1]
    assert _ids(list_sessions.sync(client=acme, vendor_data="alice", status="Approved")) == [a1]
    page = list_sessions.sync(client=acme, status="Approved")
    assert isinstance(page, SessionPage)
    assert page.count == 2
    assert {r.vendor_data for r in page.results} == {"alice", "bob"}


def test_list_sessions_status_takes_a_comma_separated_list(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    approved = str(emulator.finished_session(outcome="approved").session_id)
    review = str(emulator.finished_session(outcome="in_review").session_id)
    emulator.finished_session(outcome="declined")
    page = list_sessions.sync(client=acme, status="Approved,In Review")
    assert _ids(page) == [review, approved]


def test_list_sessions_is_newest_first_by_limit_and_offset(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    ids = _create_many(emulator, 5)
    first = list_sessions.sync(client=acme, limit=2)
    assert isinstance(first, SessionPage)
    assert first.count == 5
    assert _ids(first) == ids[::-1][:2]
    base = f"{emulator.base_url}/v3/sessions/"
    assert first.next_ == f"{base}?limit=2&offset=2"
    assert first.previous is None
    last = list_sessions.sync(client=acme, limit=2, offset=4)
    assert isinstance(last, SessionPage)
    assert _ids(last) == ids[:1]
    assert last.next_ is None
    assert last.previous == f"{base}?limit=2&offset=2"


def test_list_sessions_offset_past_the_end_is_an_empty_page(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    _create_many(emulator, 2)
    page = list_sessions.sync(client=acme, offset=10)
    assert isinstance(page, SessionPage)
    assert page.count == 2
    assert page.results == []


def test_list_sessions_next_links_keep_the_filters_and_visit_every_session_once(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    wanted = _create_many(emulator, 4, vendor_data="carol")
    _create_many(emulator, 3, vendor_data="dave")
    seen: list[str] = []
    url: str | None = f"{emulator.base_url}/v3/sessions/?vendor_data=carol&limit=3"
    http = acme.get_httpx_client()
    while url:
        assert url.startswith(emulator.base_url)
        body = http.get(url).json()
        assert body["count"] == 4
        seen += [r["session_id"] for r in body["results"]]
        url = body["next"]
    assert seen == wanted[::-1]


def test_list_sessions_page_and_page_size_select_004s_scheme(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    ids = _create_many(emulator, 5)[::-1]
    pages = [list_sessions.sync(client=acme, page=n, page_size=2) for n in (1, 2, 3)]
    assert [i for p in pages for i in _ids(p)] == ids
    base = f"{emulator.base_url}/v3/sessions/"
    assert isinstance(pages[1], SessionPage)
    # The generated client also sends the default limit and offset; page wins, and the links
    # carry only the scheme in use.
    assert pages[1].previous == f"{base}?page_size=2&page=1"
    assert pages[1].next_ == f"{base}?page_size=2&page=3"


def test_list_sessions_order_is_stable_when_statuses_change(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    ids = _create_many(emulator, 3)
    emulator.complete_session(ids[2], "approved")
    emulator.complete_session(ids[0], "declined")
    page = list_sessions.sync(client=acme)
    assert _ids(page) == ids[::-1]
    assert isinstance(page, SessionPage)
    assert [r.session_number for r in page.results] == [3, 2, 1]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("user", ["user"]), ("business", ["business"]), ("all", ["user", "business"])],
)
def test_list_sessions_session_kind_picks_the_rows(
    emulator: RunningEmulator, acme: AuthenticatedClient, kind: str, expected: list[str]
) -> None:
    emulator.create_session(kind="business")
    emulator.create_session(kind="user")
    body = acme.get_httpx_client().get("/v3/sessions/", params={"session_kind": kind}).json()
    assert [r["session_kind"] for r in body["results"]] == expected
    assert body["count"] == len(expected)


def test_list_sessions_workflow_and_country_and_search_filter(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    emulator.finished_session(first_name="Zoë", last_name="Ærø", nationality="DNK")
    other = emulator.finished_session(nationality="FRA")
    http = acme.get_httpx_client()

    def ids(**params: str) -> list[str]:
        return [r["session_id"] for r in http.get("/v3/sessions/", params=params).json()["results"]]

    assert ids(country="FRA") == [str(other.session_id)]
    assert len(ids(country="FRA,DNK")) == 2
    assert len(ids(search="zoe")) == 1  # accents and case do not matter
    assert ids(search=str(other.session_id)) == [str(other.session_id)]
    assert len(ids(workflow_id=emulator.workflow().id)) == 2
    assert ids(workflow_id="not-a-uuid") == []


@pytest.mark.parametrize(
    ("date_from", "date_to", "count"),
    [
        ("2026-01-01", None, 1),
        ("2026-01-02", None, 0),
        (None, "2025-12-31", 0),
        (None, "2026-01-01", 1),
    ],
)
def test_list_sessions_date_filters_are_utc_days(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    date_from: str | None,
    date_to: str | None,
    count: int,
) -> None:
    emulator.create_session()  # the frozen clock: 2026-01-01T00:00:00Z
    params = {k: v for k, v in {"date_from": date_from, "date_to": date_to}.items() if v}
    body = acme.get_httpx_client().get("/v3/sessions/", params=params).json()
    assert body["count"] == count


@pytest.mark.parametrize(
    ("sessions", "page", "status"),
    [(0, 1, 200), (0, 2, 404), (3, 2, 404), (3, 1, 200), (4, 2, 200), (3, 10**21, 404)],
)
def test_list_sessions_page_beyond_the_last_is_404(
    emulator: RunningEmulator, acme: AuthenticatedClient, sessions: int, page: int, status: int
) -> None:
    _create_many(emulator, sessions)
    response = list_sessions.sync_detailed(client=acme, page=page, page_size=3)
    assert response.status_code == status
    if status == 200 and sessions == 0:
        assert isinstance(response.parsed, SessionPage)
        assert response.parsed.count == 0
        assert response.parsed.results == []
        assert response.parsed.next_ is None


def test_list_sessions_only_shows_the_callers_sessions(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    _create_many(emulator, 2)
    mine = emulator.create_session("Partner").session_id
    page = list_sessions.sync(client=partner)
    assert _ids(page) == [str(mine)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=two", "page"),
        ("page_size=0", "page_size"),
        ("page_size=1.5", "page_size"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("session_kind=robots", "session_kind"),
        ("date_from=yesterday", "date_from"),
    ],
)
def test_list_sessions_invalid_query_is_400(
    acme: AuthenticatedClient, query: str, field: str
) -> None:
    response = acme.get_httpx_client().get(f"/v3/sessions/?{query}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}:")


def _list_page_size_bound() -> int:
    schema = didit_document().at(didit_document().parameter_schema("list_sessions", "page_size"))
    return int(schema["maximum"])


def test_list_sessions_page_size_above_the_spec_maximum_is_400(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    response = acme.get_httpx_client().get(
        "/v3/sessions/", params={"page_size": _list_page_size_bound() + 1}
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("page_size:")


def test_list_sessions_page_size_at_the_spec_maximum_fills_a_page(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    bound = _list_page_size_bound()
    app = emulator.application("Acme")
    for _ in range(bound + 1):  # seeded in the backend directly: the list is what is under test
        emulator.backend.create_session(app, {"workflow_id": app.workflows[0].id}, "http://x")
    page = list_sessions.sync(client=acme, page_size=bound)
    assert isinstance(page, SessionPage)
    assert page.count == bound + 1
    assert len(page.results) == bound
    assert page.next_ is not None


def test_list_sessions_page_without_page_size_uses_the_configured_default(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    size = emulator.config.default_page_size
    app = emulator.application("Acme")
    for _ in range(size + 1):
        emulator.backend.create_session(app, {"workflow_id": app.workflows[0].id}, "http://x")
    default = list_sessions.sync(client=acme, page=1)
    assert isinstance(default, SessionPage)
    assert len(default.results) == size
    assert default.count == size + 1


def test_list_sessions_all_kinds_by_page_runs_the_user_rows_then_the_business_rows(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    business = [str(emulator.create_session(kind="business").session_id) for _ in range(2)]
    users = _create_many(emulator, 3)
    http = acme.get_httpx_client()
    pages = [
        http.get("/v3/sessions/", params={"session_kind": "all", "page": n, "page_size": 2}).json()
        for n in (1, 2, 3)
    ]
    assert [r["session_id"] for p in pages for r in p["results"]] == users[::-1] + business[::-1]
    assert {p["count"] for p in pages} == {5}


def test_list_sessions_leaves_out_a_deleted_session_in_every_view(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    kept, deleted = (str(emulator.finished_session(vendor_data="carol").session_id) for _ in "ab")
    assert delete_session.sync_detailed(UUID(deleted), client=acme).status_code == 200
    http = acme.get_httpx_client()
    views = [{}, {"vendor_data": "carol"}, {"status": "Approved"}, {"page": "1"}]
    for params in views:
        body = http.get("/v3/sessions/", params=params).json()
        assert ([r["session_id"] for r in body["results"]], body["count"]) == ([kept], 1), params


def test_list_sessions_shows_a_row_expired_since_it_was_created_as_expired(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    _create_many(emulator, 2)
    emulator.advance_clock(EXPIRY)
    body = acme.get_httpx_client().get("/v3/sessions/", params={"limit": 1}).json()
    assert [r["status"] for r in body["results"]] == ["Expired"]
    assert body["count"] == 2


def test_create_session_after_the_unfinished_one_was_deleted_is_a_new_session(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    first = emulator.create_session(vendor_data="dave").session_id
    assert delete_session.sync_detailed(first, client=acme).status_code == 200
    again = emulator.create_session(vendor_data="dave").session_id
    assert again != first


def test_list_sessions_row_follows_every_change_to_its_session(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    # Rows are rendered once and kept until their session changes: each list here follows a
    # change (completion with an identity, a review reopening a step, expiry is above).
    [sid] = _create_many(emulator, 1)
    http = acme.get_httpx_client()

    def row() -> dict[str, Any]:
        rows: list[dict[str, Any]] = http.get("/v3/sessions/").json()["results"]
        return rows[0]

    assert (row()["status"], row()["full_name"]) == ("Not Started", None)
    emulator.complete_session(sid, "declined", first_name="Ada", last_name="Lovelace")
    declined = row()
    assert (declined["status"], declined["full_name"]) == ("Declined", "Ada Lovelace")
    body = {"new_status": "Resubmitted"}
    assert http.patch(f"/v3/session/{sid}/update-status/", json=body).status_code == 200
    reopened = row()
    assert reopened["status"] == "Resubmitted"
    assert {f["status"] for f in reopened["features"]} == {
        f["status"] for f in declined["features"]
    } - {"Declined"} | {"Resub Requested"}


# --- delete ---------------------------------------------------------------------------------


def test_delete_session_is_200_then_404_everywhere(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved")
    keep = emulator.create_session("Acme")
    sid = session.session_id
    response = delete_session.sync_detailed(sid, client=acme)
    assert response.status_code == 200  # the live service; 004 said 204
    assert isinstance(response.parsed, DeletedSession)
    assert response.parsed.session_id == sid
    assert response.parsed.face_retention_outcome == "deleted"

    http = acme.get_httpx_client()
    partner_id = emulator.application("Partner").id
    attempts = {
        "decision": http.get(f"/v3/session/{sid}/decision/"),
        "delete": http.delete(f"/v3/session/{sid}/delete/"),
        "update-status": http.patch(
            f"/v3/session/{sid}/update-status/", json={"new_status": "Approved"}
        ),
        "pdf": http.get(f"/v3/session/{sid}/generate-pdf/"),
        "pdf-004": http.get(f"/v3/session/{sid}/generate-pdf"),
        "share": http.post(f"/v3/session/{sid}/share/", json={"for_application_id": partner_id}),
        "blocklist-add": http.post("/v3/blocklist/add/", json={"session_id": str(sid)}),
        "blocklist-remove": http.post("/v3/blocklist/remove/", json={"session_id": str(sid)}),
    }
    assert {name: r.status_code for name, r in attempts.items()} == dict.fromkeys(attempts, 404)
    page = list_sessions.sync(client=acme)
    assert isinstance(page, SessionPage)
    assert [r.session_id for r in page.results] == [keep.session_id]


def test_delete_session_of_unknown_session_is_404(acme: AuthenticatedClient) -> None:
    assert delete_session.sync_detailed(uuid.uuid4(), client=acme).status_code == 404


@pytest.mark.parametrize(
    ("body", "vendor_data", "outcome"),
    [
        ({}, "user-1", "deleted"),
        ({"retain_face_embeddings": True}, "user-1", "retained_with_user"),
        ({"retain_face_embeddings": True}, None, "ineligible_no_vendor_user"),
    ],
)
def test_delete_session_reports_what_became_of_the_face_data(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    body: dict[str, Any],
    vendor_data: str | None,
    outcome: str,
) -> None:
    session = emulator.finished_session("Acme", "approved", vendor_data=vendor_data)
    http = acme.get_httpx_client()
    answer = http.request("DELETE", f"/v3/session/{session.session_id}/delete/", json=body)
    assert answer.status_code == 200
    assert answer.json()["face_retention_outcome"] == outcome
    assert (answer.json()["biometric_template_uuid"] is not None) == (
        outcome == "retained_with_user"
    )


def test_delete_session_privacy_erasure_cannot_retain_faces(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved", vendor_data="user-1")
    body = {"retain_face_embeddings": True, "deletion_instruction": "privacy_erasure"}
    answer = acme.get_httpx_client().request(
        "DELETE", f"/v3/session/{session.session_id}/delete/", json=body
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "retain_face_embeddings": ["A privacy erasure cannot retain biometric templates."]
    }
    assert get_session_decision.sync_detailed(session.session_id, client=acme).status_code == 200


# --- update-status --------------------------------------------------------------------------


SAME = ["The new status is the same as the current status."]


@pytest.mark.parametrize(
    ("outcome", "new_status", "error"),
    [
        ("declined", "Resubmitted", None),
        ("in_review", "Resubmitted", None),
        ("abandoned", "Resubmitted", None),
        ("approved", "Resubmitted", "nodes_to_resubmit"),  # nothing left to resubmit
        (None, "Resubmitted", "current"),
        (None, "Approved", "current"),
        ("in_progress", "Resubmitted", "current"),
        ("expired", "Declined", "current"),
        ("resubmitted", "Resubmitted", "same"),
        ("approved", "Approved", "same"),
        ("in_review", "Approved", None),
        ("in_review", "Declined", None),
        ("approved", "Declined", None),
        ("declined", "Approved", None),
        ("resubmitted", "Approved", None),
    ],
)
def test_update_session_status_transitions(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    outcome: str | None,
    new_status: str,
    error: str | None,
) -> None:
    session = emulator.create_session()
    if outcome:
        emulator.complete_session(session.session_id, outcome)
    before = _decision(acme, session.session_id)["status"]
    body = UpdateSessionStatusRequest(new_status=NewSessionStatus(new_status), comment="review")
    response = update_session_status.sync_detailed(session.session_id, client=acme, body=body)
    after = _decision(acme, session.session_id)
    if error is None:
        assert response.status_code == 200
        assert json.loads(response.content) == {"session_id": str(session.session_id)}
        assert after["status"] == new_status
        assert after["reviews"][-1]["new_status"] == new_status
        assert after["reviews"][-1]["comment"] == "review"
        return
    assert response.status_code == 400
    assert after["status"] == before
    answer = json.loads(response.content)
    if error == "same":
        assert answer == SAME  # a bare array, as the live service sends it
    elif error == "current":
        assert answer["detail"].endswith(f"Current status: {before}")
    else:
        assert list(answer) == [error]


def test_update_session_status_resubmitted_without_nodes_reopens_what_did_not_pass(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "declined")
    body = UpdateSessionStatusRequest(new_status=NewSessionStatus.RESUBMITTED)
    response = update_session_status.sync_detailed(session.session_id, client=acme, body=body)
    assert response.status_code == 200
    decision = _decision(acme, session.session_id)
    assert decision["face_matches"][0]["status"] == "Resub Requested"  # the declined step
    assert decision["id_verifications"][0]["status"] == "Approved"


def test_update_session_status_server_side_resubmission_has_a_cooldown(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "in_review")
    body = {"new_status": "Resubmitted", "nodes_to_resubmit": [{"node_id": "n", "feature": "AML"}]}
    http = acme.get_httpx_client()
    path = f"/v3/session/{session.session_id}/update-status/"
    assert http.patch(path, json=body).status_code == 200
    assert http.patch(path, json={"new_status": "Declined"}).status_code == 200
    emulator.advance_clock(29)
    refused = http.patch(path, json=body)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    emulator.advance_clock(1)
    assert http.patch(path, json=body).status_code == 200


@pytest.mark.parametrize("feature", ["KYB_REGISTRY", "KYB_KEY_PEOPLE", "KYB"])
def test_update_session_status_business_steps_cannot_be_resubmitted(
    emulator: RunningEmulator, acme: AuthenticatedClient, feature: str
) -> None:
    session = emulator.finished_session("Acme", "declined")
    body = {
        "new_status": "Resubmitted",
        "nodes_to_resubmit": [{"node_id": "n", "feature": feature}],
    }
    response = acme.get_httpx_client().patch(
        f"/v3/session/{session.session_id}/update-status/", json=body
    )
    assert response.status_code == 400
    assert list(response.json()) == ["nodes_to_resubmit"]


def test_update_session_status_resubmission_preserves_approved_steps(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "in_review")
    body = UpdateSessionStatusRequest(
        new_status=NewSessionStatus.RESUBMITTED,
        nodes_to_resubmit=[NodeToResubmit(node_id="feature_aml", feature=ResubmittableFeature.AML)],
    )
    assert (
        update_session_status.sync_detailed(session.session_id, client=acme, body=body).status_code
        == 200
    )
    decision = _decision(acme, session.session_id)
    assert decision["aml_screenings"][0]["status"] == "Resub Requested"
    assert decision["id_verifications"][0]["status"] == "Approved"
    assert decision["face_matches"][0]["status"] == "Approved"


@pytest.mark.parametrize(
    ("send_email", "email_address", "code"),
    [(True, None, 400), (True, "", 400), (True, "user@example.com", 200), (False, None, 200)],
)
def test_update_session_status_email_address_required_when_send_email(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    send_email: bool,
    email_address: str | None,
    code: int,
) -> None:
    session = emulator.finished_session("Acme", "declined")
    body: dict[str, Any] = {"new_status": "Resubmitted", "send_email": send_email}
    if email_address is not None:
        body["email_address"] = email_address
    request = UpdateSessionStatusRequest.from_dict(body)
    response = update_session_status.sync_detailed(session.session_id, client=acme, body=request)
    assert response.status_code == code
    outbox = emulator.state()["outbox"]
    if code == 400:
        assert isinstance(response.parsed, ErrorResponse)
        assert str(response.parsed.detail).startswith("email_address:")
        assert _decision(acme, session.session_id)["status"] == "Declined"
    else:
        assert [m["to"] for m in outbox] == ([email_address] if send_email else [])


@pytest.mark.parametrize("new_status", ["Pending", "approved", "In Review", "", None])
def test_update_session_status_only_approved_declined_resubmitted(
    emulator: RunningEmulator, acme: AuthenticatedClient, new_status: str | None
) -> None:
    session = emulator.finished_session("Acme", "in_review")
    response = acme.get_httpx_client().patch(
        f"/v3/session/{session.session_id}/update-status/", json={"new_status": new_status}
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("new_status:")


@pytest.mark.parametrize(
    "body",
    [{}, {"new_status": "bogus"}, {"new_status": "Approved", "send_email": True}, []],
    ids=["empty", "unknown-status", "email-without-address", "not-an-object"],
)
def test_update_session_status_checks_the_current_status_before_the_body(
    emulator: RunningEmulator, acme: AuthenticatedClient, body: Any
) -> None:
    session = emulator.create_session()  # Not Started: no change can start from it
    response = acme.get_httpx_client().patch(
        f"/v3/session/{session.session_id}/update-status/", json=body
    )
    assert response.status_code == 400
    assert response.json()["detail"].endswith("Current status: Not Started")


# --- generate-pdf ---------------------------------------------------------------------------


def test_generate_session_pdf_is_a_real_pdf_report(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "declined", vendor_data="user-123")
    response = generate_session_pdf.sync_detailed(session.session_id, client=acme)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert str(session.session_id) in text
    assert "Status: Declined" in text
    assert "user-123" in text
    assert "LOW_FACE_MATCH_SIMILARITY" in text
    assert "Acme" in text


def test_generate_session_pdf_unknown_session_is_404(acme: AuthenticatedClient) -> None:
    response = generate_session_pdf.sync_detailed(uuid.uuid4(), client=acme)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse)


@pytest.mark.parametrize(
    ("outcome", "code"),
    [(None, 403), ("in_progress", 403), ("abandoned", 403), ("approved", 200), ("in_review", 200)],
)
def test_generate_session_pdf_only_for_finished_sessions(
    emulator: RunningEmulator, acme: AuthenticatedClient, outcome: str | None, code: int
) -> None:
    session = emulator.create_session()
    if outcome:
        emulator.complete_session(session.session_id, outcome)
    response = generate_session_pdf.sync_detailed(session.session_id, client=acme)
    assert response.status_code == code


@pytest.mark.parametrize("path", ["generate-pdf/", "generate-pdf"], ids=["live", "004"])
def test_generate_session_pdf_is_served_at_both_spellings_of_its_path(
    emulator: RunningEmulator, acme: AuthenticatedClient, path: str
) -> None:
    session = emulator.finished_session("Acme", "approved")
    response = acme.get_httpx_client().get(f"/v3/session/{session.session_id}/{path}")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_create_session_returns_an_unfinished_session_of_the_same_vendor_data_again(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    first = emulator.create_session(vendor_data="user-9")
    again = acme.get_httpx_client().post(
        "/v3/session/",
        json={
            "workflow_id": emulator.workflow().id,
            "vendor_data": "user-9",
            "callback": "https://example.com/back",
            "metadata": {"n": 2},
        },
    )
    assert again.status_code == 201
    body = again.json()
    assert body["session_id"] == str(first.session_id)
    assert body["callback"] == "https://example.com/back"
    assert body["metadata"] == {"n": 2}
    emulator.complete_session(first.session_id, "approved")
    fresh = emulator.create_session(vendor_data="user-9")
    assert fresh.session_id != first.session_id
