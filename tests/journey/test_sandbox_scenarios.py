"""Sandbox scenarios: `sandbox_scenario` on create, `POST /v3/session/{id}/sandbox/arm/` with the
session's own `Session-Token`, and the outcome each of the spec's 16 scenarios plays out."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sandbox import arm_sandbox_scenario
from didit_client.models import ArmedSandboxScenario, ArmSandboxScenarioRequest, SandboxScenario

from didit_emulator import results
from didit_emulator.spec_values import SessionStatus
from didit_emulator.testing import RunningEmulator
from didit_spec import didit_document


def _api(emulator: RunningEmulator) -> httpx.Client:
    return emulator.http(headers={"x-api-key": emulator.application("Acme").api_key})


def _create(emulator: RunningEmulator, **fields: Any) -> dict[str, Any]:
    body = {"workflow_id": emulator.workflow().id, **fields}
    with _api(emulator) as api:
        response = api.post("/v3/session/", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _arm(
    emulator: RunningEmulator, session_id: str, token: str | None, scenario: str
) -> httpx.Response:
    headers = {} if token is None else {"Session-Token": token}
    with emulator.http(headers=headers) as http:
        return http.post(f"/v3/session/{session_id}/sandbox/arm/", json={"scenario": scenario})


def _submit(emulator: RunningEmulator, session: dict[str, Any], scenario: str | None) -> None:
    form = {} if scenario is None else {"scenario": scenario}
    with emulator.http() as http:
        response = http.post(httpx.URL(session["url"]).path, data=form)
    assert response.status_code == 200, response.text


def _decision(emulator: RunningEmulator, session_id: str) -> dict[str, Any]:
    with _api(emulator) as api:
        decision: dict[str, Any] = api.get(f"/v3/session/{session_id}/decision/").json()
    return decision


def test_arm_sandbox_scenario_authenticates_with_the_session_token_alone() -> None:
    arm = next(
        op for op in didit_document().operations if op.operation_id == "arm_sandbox_scenario"
    )
    assert [scheme.credential for scheme in arm.security] == ["session_token"]


def test_arm_sandbox_scenario_arms_a_not_started_session(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    response = _arm(emulator, session["session_id"], session["session_token"], "decline_aml_hit")
    assert response.status_code == 200
    assert response.json() == {
        "session_id": session["session_id"],
        "scenario": "decline_aml_hit",
        "status": "Not Started",
    }
    assert _decision(emulator, session["session_id"])["status"] == "Not Started"


def test_arm_sandbox_scenario_through_the_generated_client(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    client = AuthenticatedClient(
        base_url=emulator.base_url,
        token=session["session_token"],
        prefix="",
        auth_header_name="Session-Token",
        **emulator.with_transport({}),
    )
    with client:
        armed = arm_sandbox_scenario.sync(
            UUID(session["session_id"]),
            client=client,
            body=ArmSandboxScenarioRequest(scenario=SandboxScenario.REVIEW_AML_POSSIBLE_MATCH),
        )
    assert isinstance(armed, ArmedSandboxScenario)
    assert armed.scenario is SandboxScenario.REVIEW_AML_POSSIBLE_MATCH


def test_arm_sandbox_scenario_again_replaces_the_earlier_choice(emulator: RunningEmulator) -> None:
    session = _create(emulator, sandbox_scenario="decline_aml_hit")
    _arm(emulator, session["session_id"], session["session_token"], "review_aml_possible_match")
    _submit(emulator, session, None)
    assert _decision(emulator, session["session_id"])["status"] == "In Review"


@pytest.mark.parametrize("token", ["other-session", "wrong", None, "api-key"])
def test_arm_sandbox_scenario_without_this_sessions_token_is_404(
    emulator: RunningEmulator, token: str | None
) -> None:
    session, other = _create(emulator), _create(emulator)
    given = {
        "other-session": other["session_token"],
        "wrong": "not-a-session-token",
        None: None,
        "api-key": emulator.application("Acme").api_key,
    }[token]
    response = _arm(emulator, session["session_id"], given, "approve")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert "X-RateLimit-Limit" in response.headers


def test_arm_sandbox_scenario_after_the_start_is_400_with_a_bare_array(
    emulator: RunningEmulator,
) -> None:
    session = _create(emulator)
    _submit(emulator, session, "approve")
    response = _arm(emulator, session["session_id"], session["session_token"], "approve")
    assert response.status_code == 400
    body = response.json()
    assert isinstance(body, list)
    assert len(body) == 1
    assert isinstance(body[0], str)


def test_arm_sandbox_scenario_unknown_scenario_is_400(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    response = _arm(emulator, session["session_id"], session["session_token"], "not-a-scenario")
    assert response.status_code == 400


def test_create_session_with_an_unknown_sandbox_scenario_is_400(emulator: RunningEmulator) -> None:
    with _api(emulator) as api:
        response = api.post(
            "/v3/session/",
            json={"workflow_id": emulator.workflow().id, "sandbox_scenario": "win"},
        )
    assert response.status_code == 400


@pytest.mark.parametrize("scenario", list(SandboxScenario), ids=lambda s: s.value)
def test_each_sandbox_scenario_produces_its_outcome(
    emulator: RunningEmulator, scenario: SandboxScenario
) -> None:
    session = _create(emulator, sandbox_scenario=scenario.value)
    _submit(emulator, session, None)
    decision = _decision(emulator, session["session_id"])
    expected = results.scenario_outcome(scenario)
    assert decision["status"] == expected
    risks = {
        warning["risk"]
        for key, value in decision.items()
        if isinstance(value, list)
        for item in value
        if isinstance(item, dict)
        for warning in item.get("warnings") or []
    }
    if expected is SessionStatus.APPROVED:
        assert scenario is SandboxScenario.APPROVE
        assert risks == set()
    else:
        prefix = "decline_" if expected is SessionStatus.DECLINED else "review_"
        assert scenario.value.startswith(prefix)
        plan = results.plan_scenario(scenario, (), business=False)
        assert risks == {plan.risk}


def test_decline_minimum_age_reads_an_under_age_birth_date(emulator: RunningEmulator) -> None:
    session = _create(emulator, sandbox_scenario=SandboxScenario.DECLINE_MINIMUM_AGE.value)
    _submit(emulator, session, None)
    [document] = _decision(emulator, session["session_id"])["id_verifications"]
    assert document["age"] < 18
    assert document["warnings"][0]["risk"] == "AGE_BELOW_MINIMUM"


def test_decline_document_expired_reads_a_past_expiry_date(emulator: RunningEmulator) -> None:
    session = _create(emulator, sandbox_scenario=SandboxScenario.DECLINE_DOCUMENT_EXPIRED.value)
    _submit(emulator, session, None)
    [document] = _decision(emulator, session["session_id"])["id_verifications"]
    assert document["expiration_date"] < "2026-01-01"  # the frozen clock's today
    assert document["warnings"][0]["risk"] == "DOCUMENT_EXPIRED"


def test_business_session_scenario_declines_the_registry(emulator: RunningEmulator) -> None:
    with _api(emulator) as api:
        session = api.post(
            "/v3/session/",
            json={
                "workflow_id": emulator.workflow(kind="business").id,
                "sandbox_scenario": "decline_kyb_registry_mismatch",
            },
        ).json()
    _submit(emulator, session, None)
    decision = _decision(emulator, session["session_id"])
    assert decision["status"] == "Declined"
    assert decision["registry_checks"][0]["status"] == "Declined"
    assert decision["registry_checks"][0]["warnings"][0]["risk"] == "REGISTRY_DATA_MISMATCH"


def test_create_session_reusing_a_begun_session_leaves_its_outcome_unarmed(
    emulator: RunningEmulator,
) -> None:
    # As the arm would: only a Not Started session takes a scenario (a resubmitted one is begun).
    first = _create(emulator, vendor_data="user-7")
    emulator.complete_session(first["session_id"], "declined")
    with _api(emulator) as api:
        api.patch(
            f"/v3/session/{first['session_id']}/update-status/",
            json={"new_status": "Resubmitted"},
        ).raise_for_status()
    again = _create(emulator, vendor_data="user-7", sandbox_scenario="decline_aml_hit")
    assert again["session_id"] == first["session_id"]
    _submit(emulator, again, None)
    assert _decision(emulator, first["session_id"])["status"] == "Approved"


@pytest.mark.parametrize("scenario", [[], "decline_aml_hit"], ids=["not-a-scenario", "a-scenario"])
def test_create_session_v2_ignores_a_sandbox_scenario_it_does_not_take(
    emulator: RunningEmulator, scenario: Any
) -> None:
    # The v2 create shares the v3 create's handler, but its body does not declare the member: it
    # is ignored as any unknown member is (it once reached the handler unchecked, and a 500).
    body = {"workflow_id": emulator.workflow().id, "sandbox_scenario": scenario}
    with emulator.bearer_client(emulator.access_token()) as client:
        response = client.get_httpx_client().post("/v2/session/", json=body)
    assert response.status_code == 201, response.text
    session = response.json()
    _submit(emulator, session, None)
    assert _decision(emulator, session["session_id"])["status"] == "Approved"
