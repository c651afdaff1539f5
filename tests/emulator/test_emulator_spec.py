"""The emulator is driven by openapi.yaml: the values its rules name are the spec's, defaults come
from the spec, and the response checker the other tests rely on does catch violations."""

from __future__ import annotations

import json
from typing import Any

import pytest

from didit_emulator import models
from didit_emulator.models import OUTCOME_STATUS, SessionStatus
from didit_emulator.results import BLOCKS
from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import ResponseValidator, control_document, didit_document
from didit_spec import component_schema, load_spec

RATE_HEADERS = {"X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "0"}


def test_session_statuses_the_rules_name_are_values_of_the_spec() -> None:
    assert SessionStatus.all() <= set(component_schema("SessionStatus")["enum"])
    assert set(OUTCOME_STATUS.values()) <= set(component_schema("SessionStatus")["enum"])


def test_feature_blocks_are_features_and_decision_arrays_of_the_spec() -> None:
    assert set(BLOCKS) <= set(component_schema("Feature")["enum"])
    v3 = component_schema("DecisionV3")["properties"]
    v2 = component_schema("DecisionV2")["properties"]
    for array, block in BLOCKS.values():
        assert v3[array]["type"] == "array"
        assert block in v2


def test_control_outcomes_are_the_outcomes_the_backend_knows() -> None:
    outcomes = control_document().spec["components"]["schemas"]["Outcome"]["enum"]
    assert set(outcomes) == set(OUTCOME_STATUS)


def test_request_rules_are_read_from_the_spec() -> None:
    document = didit_document()
    assert {op.operation_id for op in document.operations()} == {
        definition["operationId"]
        for item in load_spec()["paths"].values()
        for definition in item.values()
        if isinstance(definition, dict) and "operationId" in definition
    }
    assert document.operation("create_session_v2").security == ["ClientTokenAuth"]
    assert document.operation("get_client_token").security == ["ClientCredentials"]
    assert document.operation("create_session").security == ["ApiKeyAuth"]
    params = {p.name: p.location for p in document.operation("list_sessions").parameters}
    assert params == {
        "vendor_data": "query",
        "status": "query",
        "page": "query",
        "page_size": "query",
    }


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
        ("create_session", 400, {"error": "x"}, None, "detail"),
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


@pytest.mark.parametrize(
    ("schema", "extra"),
    [("BlocklistItemType", "iris"), ("SessionKind", None), ("FeatureStatus", None)],
)
def test_emulator_refuses_to_start_when_it_disagrees_with_the_spec(
    monkeypatch: pytest.MonkeyPatch, schema: str, extra: str | None
) -> None:
    real = models._spec_enum

    def changed(name: str) -> frozenset[str]:
        values = real(name)
        if name != schema:
            return values
        # A new kind the emulator has no rule for, or a value the emulator uses that left the spec.
        return values | {extra} if extra else frozenset(sorted(values)[1:])

    monkeypatch.setattr(models, "_spec_enum", changed)
    with pytest.raises(RuntimeError, match=r"disagrees with openapi\.yaml"):
        models._check_against_spec()
