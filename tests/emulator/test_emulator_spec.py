"""The emulator is driven by openapi.yaml: the values its rules name are the spec's, defaults come
from the spec, and the response checker the other tests rely on does catch violations."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from didit_client.models import BlocklistItemType, Feature, SessionStatus

from didit_emulator import results, spec_values
from didit_emulator.models import blocklist
from didit_emulator.pipeline import VERIFIERS, check_verifiable
from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import ResponseValidator, control_document, rules_for
from didit_spec import OpenAPIDocument, component_schema, didit_document, load_spec

RATE_HEADERS = {"X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "0"}


@pytest.mark.parametrize("schema", ["DecisionV3", "BusinessDecision"])
def test_decision_arrays_are_the_annotated_arrays_of_the_spec(schema: str) -> None:
    properties = component_schema(schema)["properties"]
    arrays = spec_values.USER_ARRAYS if schema == "DecisionV3" else spec_values.BUSINESS_ARRAYS
    annotated = [n for n, p in properties.items() if "x-feature" in p or p.get("x-kyb")]
    assert [a.key for a in arrays] == annotated
    for array in arrays:
        assert "array" in properties[array.key]["type"]
        assert properties[array.key]["items"]["$ref"].endswith(f"/{array.item_schema}")


def test_every_feature_with_an_array_has_a_result_builder() -> None:
    plan = results.plan_outcome(SessionStatus.APPROVED, tuple(Feature), business=False)
    identity = results.Identity(face_id="f", document_number="d", phone=None, email=None)
    blocks = results.build_blocks(
        session_id="s", features=tuple(Feature), business=False, plan=plan, identity=identity, now=0
    )
    assert set(blocks) == {array.key for array in spec_values.USER_ARRAYS}


def test_control_outcomes_are_session_statuses() -> None:
    outcomes = control_document().enum("Outcome")
    assert {spec_values.status_of_outcome(o) for o in outcomes} <= set(SessionStatus)
    assert spec_values.status_of_outcome("in_review") is SessionStatus.IN_REVIEW


def test_request_rules_are_read_from_the_spec() -> None:
    rules = rules_for(didit_document())
    assert set(rules) == {
        definition["operationId"]
        for item in load_spec()["paths"].values()
        for definition in item.values()
        if isinstance(definition, dict) and "operationId" in definition
    }
    for operation_id, rule in rules.items():
        declared = rule.operation.definition.get("security", load_spec()["security"])
        assert [s.name for s in rule.security] == [n for r in declared for n in r], operation_id
    assert [s.kind for s in rules["create_session_v2"].security] == ["bearer"]
    assert [s.kind for s in rules["get_client_token"].security] == ["basic"]
    assert [s.kind for s in rules["create_session"].security] == ["api_key"]


@pytest.mark.parametrize("name", sorted(load_spec()["components"]["securitySchemes"]))
def test_every_security_scheme_carries_a_credential_the_emulator_verifies(name: str) -> None:
    assert didit_document().security_scheme(name).credential in VERIFIERS


def test_an_operation_whose_scheme_names_no_known_credential_is_refused_at_start() -> None:
    contents = copy.deepcopy(dict(load_spec()))
    del contents["components"]["securitySchemes"]["SessionTokenAuth"]["x-credential"]
    rules = rules_for(OpenAPIDocument(contents, "urn:test"))
    check_verifiable(rules["create_session"])  # the API key: still known
    with pytest.raises(
        ValueError, match="arm_sandbox_scenario: security scheme 'SessionTokenAuth'"
    ):
        check_verifiable(rules["arm_sandbox_scenario"])


def test_every_blocklist_item_type_has_a_rule() -> None:
    assert set(blocklist._RULES) == set(BlocklistItemType)
    for rule in blocklist._RULES.values():
        assert rule.carriers(), rule


def _check(
    operation: str, status: int, body: Any, headers: dict[str, str] | None = None
) -> list[str]:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    media = "application/pdf" if isinstance(body, bytes) else "application/json"
    return ResponseValidator(didit_document()).check(
        operation,
        status,
        {"content-type": media, **(headers if headers is not None else RATE_HEADERS)},
        content,
    )


@pytest.mark.parametrize(
    ("operation", "status", "body", "headers", "problem"),
    [
        ("get_session_decision", 200, {"session_id": "x", "status": "Approved"}, None, "uuid"),
        ("get_session_decision", 200, {"status": "Approved"}, None, "session_id"),
        ("get_session_decision", 418, {"detail": "teapot"}, None, "not documented"),
        ("list_blocklist", 404, {"detail": "x"}, None, "not documented"),
        ("create_session", 400, {}, None, "body"),
        ("create_session", 429, {"detail": "slow down"}, None, "Retry-After"),
        ("generate_session_pdf", 200, b"not a pdf", None, "not a PDF"),
        ("list_sessions", 400, {"detail": "x"}, {"X-RateLimit-Limit": "-1"}, "X-RateLimit-Limit"),
    ],
)
def test_response_validator_catches_responses_that_violate_the_spec(
    operation: str, status: int, body: Any, headers: dict[str, str] | None, problem: str
) -> None:
    problems = _check(operation, status, body, headers)
    assert problems
    assert any(problem in p for p in problems), problems


def test_response_validator_problems_never_quote_the_string_at_fault() -> None:
    token = "session-token-secret-123"  # response strings can be tokens; problems are logged
    problems = _check("get_session_decision", 200, {"session_id": token, "status": "Approved"})
    assert problems
    assert not any(token in p for p in problems), problems
    assert any("(a string of 24 characters)" in p for p in problems), problems


def test_response_validator_accepts_conforming_responses() -> None:
    decision = {"session_id": "11111111-2222-3333-4444-555555555555", "status": "Approved"}
    assert _check("get_session_decision", 200, decision) == []
    assert (
        _check("create_session", 429, {"detail": "x"}, {**RATE_HEADERS, "Retry-After": "3"}) == []
    )
    assert _check("generate_session_pdf", 200, b"%PDF-1.4 ...") == []


def test_every_response_of_the_suite_is_checked(emulator: RunningEmulator) -> None:
    before = emulator.audit.checked
    emulator.create_session()
    assert emulator.audit.checked == before + 1
