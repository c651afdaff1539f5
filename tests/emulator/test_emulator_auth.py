"""Authentication through the generated client: API keys, client credentials and client tokens,
and one application never seeing another's sessions (002, 004)."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from typing import Any
from uuid import UUID

import pytest
from didit_client import AuthenticatedClient
from didit_client.api.auth import get_client_token
from didit_client.api.blocklist import add_to_blocklist, remove_from_blocklist
from didit_client.api.sessions import (
    create_session_v2,
    delete_session,
    generate_session_pdf,
    get_session_decision,
    update_session_status,
)
from didit_client.api.sharing import share_session
from didit_client.models import (
    BlocklistAddRequest,
    BlocklistRemoveRequest,
    ClientToken,
    ClientTokenRequest,
    CreatedSession,
    CreateSessionV2Request,
    DecisionV3,
    ErrorResponse,
    GrantType,
    NewSessionStatus,
    ShareSessionRequest,
    UpdateSessionStatusRequest,
)

from didit_emulator import default_config
from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import OperationRules, rules_for
from didit_spec import didit_document

TTL = default_config().client_token_ttl_seconds  # 002: 24 hours
API_KEY_OPERATIONS = [
    rules
    for rules in rules_for(didit_document()).values()
    if rules.security and all(scheme.credential == "api_key" for scheme in rules.security)
]


def _request(http: Any, rules: OperationRules, session_id: str) -> Any:
    path = rules.operation.path
    for name in ("sessionId", "destination_uuid"):
        path = path.replace("{" + name + "}", session_id)
    kwargs: dict[str, Any] = {}
    if "requestBody" in rules.operation.definition:
        kwargs["json"] = {}
    return http.request(rules.operation.method.upper(), path, **kwargs)


@pytest.mark.parametrize("rules", API_KEY_OPERATIONS, ids=lambda r: r.operation_id)
@pytest.mark.parametrize(
    "headers",
    [{}, {"x-api-key": "test_unknown"}, {"x-api-key": ""}, {"Authorization": "Bearer x"}],
    ids=["missing", "unknown", "empty", "bearer-instead"],
)
def test_every_api_key_operation_without_a_valid_key_answers_the_spec_failure_status(
    emulator: RunningEmulator, rules: OperationRules, headers: dict[str, str]
) -> None:
    # An existing session, so the live service's 404-before-credentials does not apply.
    session_id = str(emulator.create_session().session_id)
    with emulator.plain_client(headers=headers) as client:
        response = _request(client.get_httpx_client(), rules, session_id)
    assert response.status_code == rules.api_key_failure_status
    assert response.json() == {
        "detail": "Authentication credentials were not provided or are invalid."
    }
    assert int(response.headers["X-RateLimit-Limit"]) > 0


@pytest.mark.parametrize(
    ("operation_id", "status"), [("get_session_decision", 403), ("share_session", 401)]
)
def test_api_key_failure_status_is_the_live_services(operation_id: str, status: int) -> None:
    """403 on the live v3 operations, 401 on share (Didit's published OpenAPI)."""
    assert rules_for(didit_document())[operation_id].api_key_failure_status == status


@pytest.mark.parametrize("headers", [{}, {"x-api-key": "test_unknown"}], ids=["none", "unknown"])
def test_get_session_decision_unknown_session_is_404_before_credentials(
    emulator: RunningEmulator, headers: dict[str, str]
) -> None:
    with emulator.plain_client(headers=headers) as client:
        response = client.get_httpx_client().get(f"/v3/session/{uuid.uuid4()}/decision/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_get_client_token_issues_a_24_hour_bearer_token(emulator: RunningEmulator) -> None:
    app = emulator.application("Acme")
    with emulator.token_client("Acme") as client:
        response = get_client_token.sync_detailed(
            client=client, body=ClientTokenRequest(grant_type=GrantType.CLIENT_CREDENTIALS)
        )
    assert response.status_code == 200
    token = response.parsed
    assert isinstance(token, ClientToken)
    assert token.expires_in == TTL
    assert token.iat == int(emulator.backend.now())
    assert token.exp == token.iat + TTL
    assert token.client_id == app.client_id == token.sub
    assert token.organization_id == app.organization_id
    assert token.access_token


def _client_sending(emulator: RunningEmulator, headers: dict[str, str]) -> AuthenticatedClient:
    """A generated client that sends exactly `headers` as credentials (possibly none)."""
    return AuthenticatedClient(
        base_url=emulator.base_url,
        token="",
        prefix="",
        auth_header_name="X-Test-Unused",
        **emulator.with_transport({"headers": headers, "verify_ssl": False}),
    )


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        _basic("acme-test-client", "wrong"),
        _basic("nobody", "acme-test-client-secret-9c2e7b4a1d0f"),
        _basic("partner-test-client", "acme-test-client-secret-9c2e7b4a1d0f"),
        "Basic not-base64!",
        "Basic " + base64.b64encode(b"no-colon").decode(),
        "Basic " + base64.b64encode("é:\u2603".encode()).decode(),
        "Bearer something",
    ],
    ids=[
        "none",
        "wrong-secret",
        "unknown-client",
        "other-apps-secret",
        "bad-base64",
        "no-colon",
        "non-ascii",
        "bearer",
    ],
)
def test_get_client_token_without_valid_client_credentials_is_401(
    emulator: RunningEmulator, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    with _client_sending(emulator, headers) as client:
        response = get_client_token.sync_detailed(
            client=client, body=ClientTokenRequest(grant_type=GrantType.CLIENT_CREDENTIALS)
        )
    assert response.status_code == 401
    assert isinstance(response.parsed, ErrorResponse)


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        ({"grant_type": "password"}, "grant_type:"),
        ({}, "request body:"),
        ({"scope": "x"}, "grant_type:"),
    ],
)
def test_get_client_token_needs_the_client_credentials_grant(
    emulator: RunningEmulator, form: dict[str, str], problem: str
) -> None:
    with emulator.token_client("Acme") as client:
        response = client.get_httpx_client().post("/auth/v2/token/", data=form)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(problem)


def _v2_body(emulator: RunningEmulator) -> CreateSessionV2Request:
    return CreateSessionV2Request(workflow_id=UUID(emulator.workflow("Acme").id))


@pytest.mark.parametrize(
    "credential",
    ["none", "unknown-token", "api-key", "share-token", "basic", "lowercase-bearer"],
)
def test_create_session_v2_without_a_client_token_is_401(
    emulator: RunningEmulator, credential: str
) -> None:
    app = emulator.application("Acme")
    finished = emulator.finished_session("Acme")
    headers = {
        "none": {},
        "unknown-token": {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"},
        "api-key": {"x-api-key": app.api_key},
        "share-token": {"Authorization": "Bearer " + emulator.share_token(finished.session_id)},
        "basic": {"Authorization": _basic(app.client_id, app.client_secret)},
        "lowercase-bearer": {"Authorization": "bearer " + emulator.access_token("Acme")},
    }[credential]
    with _client_sending(emulator, headers) as client:
        response = create_session_v2.sync_detailed(client=client, body=_v2_body(emulator))
    expected = 201 if credential == "lowercase-bearer" else 401  # the scheme is case-insensitive
    assert response.status_code == expected


@pytest.mark.parametrize(("before_expiry", "status"), [(TTL, 201), (1, 201), (0, 401), (-1, 401)])
def test_create_session_v2_client_token_expires_after_its_ttl(
    emulator: RunningEmulator, before_expiry: int, status: int
) -> None:
    token = emulator.access_token("Acme")
    emulator.advance_clock(emulator.config.client_token_ttl_seconds - before_expiry)
    with emulator.bearer_client(token) as client:
        response = create_session_v2.sync_detailed(client=client, body=_v2_body(emulator))
    assert response.status_code == status
    if status == 401:
        assert isinstance(response.parsed, ErrorResponse)
        assert "expired" in response.parsed.detail


def test_create_session_v2_token_of_another_application_creates_in_that_application(
    emulator: RunningEmulator,
) -> None:
    token = emulator.access_token("Partner")
    with emulator.bearer_client(token) as client:
        response = create_session_v2.sync_detailed(client=client, body=_v2_body(emulator))
    assert response.status_code == 400  # Acme's workflow is unknown to Partner
    partner_body = CreateSessionV2Request(workflow_id=UUID(emulator.workflow("Partner").id))
    with emulator.bearer_client(token) as client:
        created = create_session_v2.sync(client=client, body=partner_body)
    assert isinstance(created, CreatedSession)
    assert emulator.state()["sessions"][0]["application_id"] == emulator.application("Partner").id


def test_create_session_v2_tokens_do_not_survive_a_reset(emulator: RunningEmulator) -> None:
    token = emulator.access_token("Acme")
    emulator.reset()
    with emulator.bearer_client(token) as client:
        assert (
            create_session_v2.sync_detailed(client=client, body=_v2_body(emulator)).status_code
            == 401
        )


Call = Callable[[AuthenticatedClient, UUID], Any]
FOREIGN_CALLS: dict[str, Call] = {
    "get_session_decision": lambda c, s: get_session_decision.sync_detailed(s, client=c),
    "delete_session": lambda c, s: delete_session.sync_detailed(s, client=c),
    "generate_session_pdf": lambda c, s: generate_session_pdf.sync_detailed(s, client=c),
    "update_session_status": lambda c, s: update_session_status.sync_detailed(
        s, client=c, body=UpdateSessionStatusRequest(new_status=NewSessionStatus.DECLINED)
    ),
    "share_session": lambda c, s: share_session.sync_detailed(
        s, client=c, body=ShareSessionRequest(for_application_id=uuid.UUID(int=7))
    ),
    "add_to_blocklist": lambda c, s: add_to_blocklist.sync_detailed(
        client=c, body=BlocklistAddRequest(session_id=s, blocklist_face=True)
    ),
    "remove_from_blocklist": lambda c, s: remove_from_blocklist.sync_detailed(
        client=c, body=BlocklistRemoveRequest(session_id=s, unblock_face=True)
    ),
}


@pytest.mark.parametrize("operation", list(FOREIGN_CALLS))
def test_another_applications_session_is_404(
    emulator: RunningEmulator,
    acme: AuthenticatedClient,
    partner: AuthenticatedClient,
    operation: str,
) -> None:
    session = emulator.finished_session("Acme", "approved")
    response = FOREIGN_CALLS[operation](partner, session.session_id)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Session not found."
    decision = get_session_decision.sync(session.session_id, client=acme)
    assert isinstance(decision, DecisionV3)
    assert decision.status == "Approved"  # untouched
