"""Share and import-shared through the generated client (000, 001, 003, 004)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any
from uuid import UUID

import jwt
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import delete_session, get_session_decision
from didit_client.api.sharing import import_shared_session, share_session
from didit_client.models import (
    BusinessDecision,
    DecisionV3,
    ImportedUserSessionV3,
    ImportSharedSessionRequest,
    ShareSessionRequest,
    ShareToken,
)
from didit_client.types import UNSET, Unset

from didit_emulator.testing import RunningEmulator
from didit_spec import component_schema, validator_for

TTL = component_schema("ShareSessionRequest")["properties"]["ttl_in_seconds"]
TTL_MIN, TTL_MAX, TTL_DEFAULT = TTL["minimum"], TTL["maximum"], TTL["default"]

CLAIMS = {"session_id", "session_kind", "from_application_id", "for_application_id", "iat", "exp"}


def _claims(emulator: RunningEmulator, token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(
        token,
        emulator.config.share_token_secret,
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_iat": False},
    )
    return claims


def _share(
    emulator: RunningEmulator, client: AuthenticatedClient, session_id: object, **body: Any
) -> Any:
    request = ShareSessionRequest.from_dict(
        {"for_application_id": emulator.application("Partner").id, **body}
    )
    return share_session.sync_detailed(UUID(str(session_id)), client=client, body=request)


def _import(
    emulator: RunningEmulator,
    client: AuthenticatedClient,
    token: str,
    *,
    trust_review: bool = True,
    workflow_id: str | None = None,
    vendor_data: str | Unset | None = UNSET,
) -> Any:
    body = ImportSharedSessionRequest(
        share_token=token,
        trust_review=trust_review,
        workflow_id=workflow_id or emulator.workflow("Partner").id,
        vendor_data=vendor_data,
    )
    return import_shared_session.sync_detailed(client=client, body=body)


def _forge(emulator: RunningEmulator, claims: dict[str, Any], **kwargs: Any) -> str:
    now = int(emulator.backend.now())
    payload = {"iat": now, "exp": now + 3600, **claims}
    key = kwargs.pop("key", emulator.config.share_token_secret)
    return jwt.encode(payload, key, **{"algorithm": "HS256", **kwargs})


# --- share ----------------------------------------------------------------------------------


def test_share_session_mints_an_hs256_token_with_the_documented_claims(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved")
    response = _share(emulator, acme, session.session_id)
    assert response.status_code == 200
    shared = response.parsed
    assert isinstance(shared, ShareToken)
    assert str(shared.for_application_id) == emulator.application("Partner").id
    assert shared.session_kind == "user"
    assert jwt.get_unverified_header(shared.share_token)["alg"] == "HS256"
    claims = _claims(emulator, shared.share_token)
    assert set(claims) == CLAIMS
    assert claims["session_id"] == str(session.session_id)
    assert claims["session_kind"] == "user"
    assert claims["from_application_id"] == emulator.application("Acme").id
    assert claims["for_application_id"] == emulator.application("Partner").id
    assert claims["exp"] - claims["iat"] == TTL_DEFAULT  # 003: 3600
    assert claims["iat"] == emulator.backend.now()  # the frozen clock is on a whole second


@pytest.mark.parametrize(
    ("ttl", "status"),
    [
        (0, 400),
        (TTL_MIN - 1, 400),
        (TTL_MIN, 200),
        (TTL_DEFAULT, 200),
        (TTL_MAX, 200),
        (TTL_MAX + 1, 400),
        (-TTL_MIN, 400),
    ],
)
def test_share_session_ttl_in_seconds_between_60_and_86400(
    emulator: RunningEmulator, acme: AuthenticatedClient, ttl: int, status: int
) -> None:
    session = emulator.finished_session("Acme", "approved")
    response = _share(emulator, acme, session.session_id, ttl_in_seconds=ttl)
    assert response.status_code == status
    if status == 200:
        claims = _claims(emulator, response.parsed.share_token)
        assert claims["exp"] - claims["iat"] == ttl
    else:
        assert response.parsed.detail.startswith("ttl_in_seconds:")


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        ("approved", 200),
        ("declined", 200),
        ("in_review", 200),
        (None, 400),
        ("in_progress", 400),
        ("abandoned", 400),
        ("expired", 400),
        ("resubmitted", 400),
    ],
)
def test_share_session_only_finished_sessions(
    emulator: RunningEmulator, acme: AuthenticatedClient, outcome: str | None, status: int
) -> None:
    session = emulator.create_session("Acme")
    if outcome:
        emulator.complete_session(session.session_id, outcome)
    response = _share(emulator, acme, session.session_id)
    assert response.status_code == status
    if status == 400:
        detail = json.loads(response.content)["detail"]
        assert isinstance(detail, list)  # a list of messages, as the live service sends it
        assert "finished" in detail[0]


def test_share_session_after_the_session_expired_is_400(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.create_session("Acme")
    emulator.advance_clock(7 * 86400)
    assert _share(emulator, acme, session.session_id).status_code == 400


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        (None, 400, "for_application_id"),
        ({}, 400, "for_application_id"),
        ({"ttl_in_seconds": 600}, 400, "for_application_id"),
        ({"for_application_id": "<caller>"}, 400, "for_application_id"),
        ({"for_application_id": "not-a-uuid"}, 400, "for_application_id"),
        ({"for_application_id": str(uuid.uuid4())}, 400, "for_application_id"),  # live; 003: 404
    ],
)
def test_share_session_for_application_id_must_be_another_known_application(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    body: dict[str, Any] | None,
    status: int,
    detail: str,
) -> None:
    session = emulator.finished_session("Acme", "approved")
    if body and body.get("for_application_id") == "<caller>":
        body = {"for_application_id": emulator.application("Acme").id}
    http = acme.get_httpx_client()
    url = f"/v3/session/{session.session_id}/share/"
    response = http.post(url) if body is None else http.post(url, json=body)
    assert response.status_code == status
    answer = response.json()
    # Field errors are keyed by the field (live); schema violations say it in `detail`.
    assert detail in answer or detail in answer["detail"]


def test_share_session_of_a_business_session_says_business(
    emulator: RunningEmulator, acme: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved", kind="business")
    response = _share(emulator, acme, session.session_id)
    assert response.status_code == 200
    assert response.parsed.session_kind == "business"
    assert _claims(emulator, response.parsed.share_token)["session_kind"] == "business"


def test_share_session_of_another_applications_session_is_404(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    session = emulator.finished_session("Acme", "approved")
    request = ShareSessionRequest(for_application_id=UUID(emulator.application("Acme").id))
    response = share_session.sync_detailed(session.session_id, client=partner, body=request)
    assert response.status_code == 404


# --- import-shared: success -----------------------------------------------------------------


def test_import_shared_session_clones_the_session_into_the_caller(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    emulator.create_session("Partner")  # Partner's session number 1
    source = emulator.finished_session("Acme", "approved", vendor_data="acme-user-1")
    token = emulator.share_token(source.session_id)
    response = _import(emulator, partner, token, vendor_data="partner-user-42")
    assert response.status_code == 201
    clone = response.parsed
    assert isinstance(clone, ImportedUserSessionV3)  # the V3 decision, as the live service sends
    assert clone.session_id != source.session_id
    assert clone.session_number == 2
    assert isinstance(clone.session_url, str)
    assert clone.session_url.startswith(f"{emulator.base_url}/session/")
    assert clone.session_url != source.url
    assert clone.shared_from_session == source.session_id
    assert clone.vendor_data == "partner-user-42"
    assert clone.status == "Approved"
    assert str(clone.workflow_id) == emulator.workflow("Partner").id

    decision = get_session_decision.sync(clone.session_id, client=partner)
    assert isinstance(decision, DecisionV3)
    assert decision.shared_from_session == source.session_id
    assert decision.status == "Approved"
    assert isinstance(decision.id_verifications, list)
    assert decision.id_verifications[0].status == "Approved"


@pytest.mark.parametrize(
    ("outcome", "trust_review", "status"),
    [
        ("approved", True, "Approved"),
        ("approved", False, "In Review"),
        ("declined", True, "Declined"),
        ("declined", False, "In Review"),
        ("in_review", True, "In Review"),
        ("in_review", False, "In Review"),
    ],
)
def test_import_shared_session_status_follows_trust_review(
    emulator: RunningEmulator,
    partner: AuthenticatedClient,
    outcome: str,
    trust_review: bool,
    status: str,
) -> None:
    source = emulator.finished_session("Acme", outcome)
    response = _import(
        emulator, partner, emulator.share_token(source.session_id), trust_review=trust_review
    )
    assert response.status_code == 201
    assert response.parsed.status == status
    decision = get_session_decision.sync(response.parsed.session_id, client=partner)
    assert isinstance(decision, DecisionV3)
    assert decision.status == status


@pytest.mark.parametrize(
    ("vendor_data", "expected"),
    [("partner-1", "partner-1"), (None, "acme-1"), (UNSET, "acme-1")],
    ids=["given", "null", "absent"],
)
def test_import_shared_session_vendor_data_overrides_when_given(
    emulator: RunningEmulator,
    partner: AuthenticatedClient,
    vendor_data: str | Unset | None,
    expected: str,
) -> None:
    source = emulator.finished_session("Acme", "approved", vendor_data="acme-1")
    token = emulator.share_token(source.session_id)
    response = _import(emulator, partner, token, vendor_data=vendor_data)
    assert response.status_code == 201
    assert response.parsed.vendor_data == expected


def test_import_shared_session_creates_an_entity_for_the_vendor_data(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    first = emulator.finished_session("Acme", "approved")
    second = emulator.finished_session("Acme", "declined")
    clones = [
        _import(emulator, partner, emulator.share_token(s.session_id), vendor_data="p-42").parsed
        for s in (first, second)
    ]
    entities = [
        e
        for e in emulator.state()["entities"]
        if e["application_id"] == emulator.application("Partner").id
    ]
    assert len(entities) == 1  # created by the first import, reused by the second
    assert entities[0]["kind"] == "user"
    assert entities[0]["vendor_data"] == "p-42"
    assert entities[0]["session_ids"] == [str(c.session_id) for c in clones]


def test_import_shared_session_user_body_is_the_v3_decision(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    source = emulator.finished_session("Acme", "declined")
    response = _import(emulator, partner, emulator.share_token(source.session_id))
    body = json.loads(response.content)
    assert body["session_kind"] == "user"
    assert body["face_matches"][0]["status"] == "Declined"
    assert body["face_matches"][0]["warnings"][0]["risk"] == "LOW_FACE_MATCH_SIMILARITY"
    assert body["id_verifications"][0]["status"] == "Approved"
    assert body["nfc_verifications"] is None
    assert not list(validator_for("/components/schemas/ImportedUserSessionV3").iter_errors(body))


def test_import_shared_session_business_body_is_the_kyb_payload(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    source = emulator.finished_session("Acme", "approved", kind="business")
    token = emulator.share_token(source.session_id)
    response = _import(
        emulator, partner, token, workflow_id=emulator.workflow("Partner", "business").id
    )
    assert response.status_code == 201
    assert isinstance(response.parsed, BusinessDecision)
    assert response.parsed.session_kind == "business"
    assert response.parsed.shared_from_session == source.session_id
    assert isinstance(response.parsed.registry_checks, list)
    assert response.parsed.registry_checks[0].status == "Approved"
    state = emulator.state()
    clone = next(s for s in state["sessions"] if s["session_id"] == str(response.parsed.session_id))
    assert clone["session_kind"] == "business"


def test_import_shared_session_token_without_session_kind_is_a_user_session(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    acme_id, partner_id = emulator.application("Acme").id, emulator.application("Partner").id
    user = emulator.finished_session("Acme", "approved")
    business = emulator.finished_session("Acme", "approved", kind="business")
    claims = {"from_application_id": acme_id, "for_application_id": partner_id}
    legacy = _forge(emulator, {**claims, "session_id": str(user.session_id)})
    response = _import(emulator, partner, legacy)
    assert response.status_code == 201
    assert isinstance(response.parsed, ImportedUserSessionV3)
    # A business session is not found among user sessions.
    legacy = _forge(emulator, {**claims, "session_id": str(business.session_id)})
    refused = _import(emulator, partner, legacy)
    assert refused.status_code == 400
    assert json.loads(refused.content) == {"share_token": ["Original session does not exist."]}


# --- import-shared: errors ------------------------------------------------------------------


def _valid_claims(emulator: RunningEmulator) -> dict[str, Any]:
    source = emulator.finished_session("Acme", "approved")
    return _claims(emulator, emulator.share_token(source.session_id))


@pytest.mark.filterwarnings("ignore:The HMAC key is .* bytes long")
@pytest.mark.parametrize(
    "variant",
    [
        "wrong-secret",
        "alg-none",
        "alg-hs512",
        "tampered-payload",
        "not-a-jwt",
        "two-segments",
        "garbage-segments",
        "empty",
        "no-session-id",
        "no-exp",
        "unknown-kind",
    ],
)
def test_import_shared_session_invalid_token_is_a_400_share_token_error(
    emulator: RunningEmulator, partner: AuthenticatedClient, variant: str
) -> None:
    claims = _valid_claims(emulator)
    secret = emulator.config.share_token_secret
    tokens: dict[str, Callable[[], str]] = {
        "wrong-secret": lambda: _forge(emulator, claims, key="another-secret-of-thirty-two-bytes!"),
        # An unsigned token (typeshed wants a key; "none" takes None).
        "alg-none": lambda: jwt.encode(claims, None, algorithm="none"),  # type: ignore[arg-type]
        "alg-hs512": lambda: jwt.encode(claims, secret, algorithm="HS512"),
        "tampered-payload": lambda: _tamper(_forge(emulator, claims)),
        "not-a-jwt": lambda: "not-a-jwt",
        "two-segments": lambda: "abc.def",
        "garbage-segments": lambda: "a.b.c",
        "empty": lambda: "",
        "no-session-id": lambda: _forge(
            emulator, {k: v for k, v in claims.items() if k != "session_id"}
        ),
        "no-exp": lambda: jwt.encode({k: v for k, v in claims.items() if k != "exp"}, secret),
        "unknown-kind": lambda: _forge(emulator, {**claims, "session_kind": "robot"}),
    }
    response = _import(emulator, partner, tokens[variant]())
    assert response.status_code == 400  # the live service; 001 said 401
    answer = json.loads(response.content)
    assert list(answer) == ["share_token"]
    assert "token" in answer["share_token"][0].lower()


def _tamper(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(jwt.utils.base64url_decode(payload))
    claims["exp"] += 86400
    forged = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    return f"{header}.{forged}.{signature}"


@pytest.mark.parametrize(("elapsed", "status"), [(0, 201), (59, 201), (60, 400), (3600, 400)])
def test_import_shared_session_expired_token_is_400_on_the_emulator_clock(
    emulator: RunningEmulator,
    partner: AuthenticatedClient,
    elapsed: int,
    status: int,
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id, ttl_in_seconds=60)
    emulator.advance_clock(elapsed)
    response = _import(emulator, partner, token)
    assert response.status_code == status
    if status == 400:
        assert "expired" in json.loads(response.content)["share_token"][0]


def test_import_shared_session_token_for_another_application_is_400(
    emulator: RunningEmulator, acme: AuthenticatedClient, partner: AuthenticatedClient
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)  # for Partner
    response = _import(emulator, acme, token, workflow_id=emulator.workflow("Acme").id)
    assert response.status_code == 400  # the live service; 001 said 403
    assert json.loads(response.content) == {
        "share_token": ["This token is not valid for this application."]
    }
    # A validly signed token for Acme is refused to Partner as well.
    for_acme = _forge(
        emulator,
        {
            "session_id": str(source.session_id),
            "session_kind": "user",
            "from_application_id": emulator.application("Partner").id,
            "for_application_id": emulator.application("Acme").id,
        },
    )
    assert _import(emulator, partner, for_acme).status_code == 400


def test_import_shared_session_second_import_is_403(
    emulator: RunningEmulator, partner: AuthenticatedClient
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    assert _import(emulator, partner, token).status_code == 201
    again = _import(emulator, partner, token)
    assert again.status_code == 403
    assert "already been imported" in again.parsed.detail
    # A fresh token for the same session is refused too: once per partner application.
    fresh = emulator.share_token(source.session_id, ttl_in_seconds=600)
    assert _import(emulator, partner, fresh).status_code == 403
    assert len(emulator.state()["imports"]) == 1


def test_import_shared_session_of_a_deleted_source_is_400(
    emulator: RunningEmulator, acme: AuthenticatedClient, partner: AuthenticatedClient
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    assert delete_session.sync_detailed(source.session_id, client=acme).status_code == 200
    response = _import(emulator, partner, token)
    assert response.status_code == 400  # the live service; 001 said 404
    assert json.loads(response.content) == {"share_token": ["Original session does not exist."]}


@pytest.mark.parametrize(
    "workflow_id",
    ["acme-kyc", str(uuid.uuid4()), "your-kyc-workflow-id", ""],
    ids=["acme-workflow", "unknown-uuid", "not-a-uuid", "empty"],
)
def test_import_shared_session_workflow_not_in_the_caller_is_404(
    emulator: RunningEmulator, partner: AuthenticatedClient, workflow_id: str
) -> None:
    if workflow_id == "acme-kyc":
        workflow_id = emulator.workflow("Acme").id
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    body = {"share_token": token, "trust_review": True, "workflow_id": workflow_id}
    response = partner.get_httpx_client().post("/v3/session/import-shared/", json=body)
    assert response.status_code == 404
    assert "workflow_id" in response.json()["detail"]
    # Nothing was imported: the same token still works with a workflow of Partner's.
    assert _import(emulator, partner, token).status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"trust_review": True, "workflow_id": "w"}, "share_token"),
        ({"share_token": "t", "workflow_id": "w"}, "trust_review"),
        ({"share_token": "t", "trust_review": True}, "workflow_id"),
        ({"share_token": "t", "trust_review": "yes", "workflow_id": "w"}, "trust_review"),
        ({"share_token": 1, "trust_review": True, "workflow_id": "w"}, "share_token"),
        (
            {"share_token": "t", "trust_review": True, "workflow_id": "w", "vendor_data": 7},
            "vendor_data",
        ),
    ],
)
def test_import_shared_session_invalid_body_is_400(
    partner: AuthenticatedClient, body: dict[str, Any], field: str
) -> None:
    response = partner.get_httpx_client().post("/v3/session/import-shared/", json=body)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}:")


def test_import_shared_session_clone_is_its_own_session(
    emulator: RunningEmulator, acme: AuthenticatedClient, partner: AuthenticatedClient
) -> None:
    source = emulator.finished_session("Acme", "approved")
    clone = _import(emulator, partner, emulator.share_token(source.session_id)).parsed
    assert get_session_decision.sync_detailed(clone.session_id, client=acme).status_code == 404
    assert delete_session.sync_detailed(clone.session_id, client=partner).status_code == 200
    decision = get_session_decision.sync(source.session_id, client=acme)
    assert isinstance(decision, DecisionV3)
    assert decision.status == "Approved"
