"""Poison at the door (issue 12, findings 1 and 2): on every operation of openapi.yaml and
control-openapi.yaml, a lone surrogate, a number beyond a finite double, a NaN / Infinity literal
or nesting far too deep is a 400 with a JSON `detail` naming it, nothing is stored or used up,
and the session numbering carries on unbroken."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from didit_emulator.exceptions import ValidationFailed
from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import OperationRules
from didit_spec import OpenAPIDocument

from .poison import (
    JSON_BODY_OPERATIONS,
    SURROGATE,
    all_operation_rules,
    examples_of,
    headers_for,
    path_for,
    poisoned_bodies,
)
from .state import stored_state

# What the refusal must say, by what the body carries: the door, not the schema, refused it.
EXPECTED_PROBLEM = {
    "surrogate": "surrogate",
    "1e400": "finite number",
    "400-digit": "finite number",
    "literal": "not valid JSON",
    "levels deep": "deeper than",
}


def _expected_problem(label: str) -> str:
    return next(problem for key, problem in EXPECTED_PROBLEM.items() if key in label)


def _operation_id(case: tuple[OpenAPIDocument, OperationRules]) -> str:
    return case[1].operation_id


@pytest.mark.parametrize("case", JSON_BODY_OPERATIONS, ids=_operation_id)
def test_every_json_operation_refuses_poisoned_bodies_and_stores_nothing(
    emulator: RunningEmulator, case: tuple[OpenAPIDocument, OperationRules]
) -> None:
    document, rules = case
    session = emulator.finished_session("Acme", "approved")
    access_token = emulator.access_token("Acme")
    path = path_for(emulator, rules, str(session.session_id))
    headers = {
        **headers_for(emulator, rules, session.session_token, access_token),
        "Content-Type": "application/json",
    }
    before = stored_state(emulator.backend)
    wrong: list[str] = []
    sent = 0
    with emulator.http() as http:
        for example in examples_of(document, rules):
            for poisoned in poisoned_bodies(example):
                sent += 1
                response = http.request(
                    rules.operation.method.upper(), path, content=poisoned.content, headers=headers
                )
                detail = response.json().get("detail") if response.status_code == 400 else None
                expected = _expected_problem(poisoned.label)
                if not isinstance(detail, str) or expected not in detail:
                    wrong.append(f"{poisoned.label}: {response.status_code} {response.text[:200]}")
    assert sent >= len(EXPECTED_PROBLEM)
    assert wrong == []
    assert stored_state(emulator.backend) == before
    # Nothing was half-created: the next session takes the next number.
    assert emulator.create_session("Acme").session_number == session.session_number + 1


def test_get_client_token_refuses_a_form_body_with_an_encoded_surrogate(
    emulator: RunningEmulator,
) -> None:
    rules = next(r for _, r in all_operation_rules() if r.operation_id == "get_client_token")
    headers = headers_for(emulator, rules, "", "")
    before = stored_state(emulator.backend)
    with emulator.http() as http:
        response = http.post(
            rules.operation.path,
            # A lone surrogate as UTF-8 would spell it (CESU-8), which is not UTF-8.
            content=b"grant_type=client_credentials&scope=%ED%A0%80",
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
        )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Malformed form body")
    assert stored_state(emulator.backend) == before


PARAMETERS = [
    (rules, parameter.name)
    for _, rules in all_operation_rules()
    for parameter in rules.parameters
    if parameter.location in ("path", "query")
]


@pytest.mark.parametrize(
    ("rules", "name"), PARAMETERS, ids=[f"{r.operation_id}-{n}" for r, n in PARAMETERS]
)
def test_every_parameter_refuses_a_lone_surrogate(rules: OperationRules, name: str) -> None:
    path_params = {p.name: str(uuid.uuid4()) for p in rules.parameters if p.location == "path"}
    query: list[tuple[str, str]] = []
    target = next(p for p in rules.parameters if p.name == name)
    if target.location == "path":
        path_params[name] = SURROGATE
    else:
        query.append((name, f"x{SURROGATE}"))
    with pytest.raises(ValidationFailed) as refused:
        rules.parse_parameters(path_params, query)
    assert refused.value.detail.startswith(f"{name}: contains a lone UTF-16 surrogate")


def _import(emulator: RunningEmulator, token: str, vendor_data: Any) -> tuple[int, dict[str, Any]]:
    body = {
        "share_token": token,
        "trust_review": True,
        "workflow_id": emulator.workflow("Partner").id,
        "vendor_data": vendor_data,
    }
    with emulator.http() as http:
        response = http.post(
            "/v3/session/import-shared/",
            content=json.dumps(body).encode(),
            headers={
                "x-api-key": emulator.application("Partner").api_key,
                "Content-Type": "application/json",
            },
        )
    return response.status_code, response.json()


def test_import_shared_session_with_a_surrogate_in_vendor_data_does_not_use_up_the_share(
    emulator: RunningEmulator,
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    before = stored_state(emulator.backend)
    status, body = _import(emulator, token, f"partner-user{SURROGATE}")
    assert status == 400
    assert body["detail"].startswith("vendor_data: contains a lone UTF-16 surrogate")
    assert stored_state(emulator.backend) == before
    status, _ = _import(emulator, token, "partner-user")
    assert status == 201


@pytest.mark.parametrize("refused", [3, 20])
def test_create_session_numbering_is_unbroken_by_refused_creates(
    emulator: RunningEmulator, refused: int
) -> None:
    first = emulator.create_session("Acme")
    workflow = emulator.workflow().id
    deep = '{"a": ' * 950 + "{}" + "}" * 950  # written out: json.dumps would recurse as deep
    bodies = [
        f'{{"workflow_id": "{workflow}", "metadata": {deep}}}'.encode(),
        b'{"workflow_id": "%s", "metadata": {"n": 1e400}}' % emulator.workflow().id.encode(),
        json.dumps({"workflow_id": emulator.workflow().id, "vendor_data": SURROGATE}).encode(),
    ]
    with emulator.http() as http:
        for index in range(refused):
            response = http.post(
                "/v3/session/",
                content=bodies[index % len(bodies)],
                headers={
                    "x-api-key": emulator.application("Acme").api_key,
                    "Content-Type": "application/json",
                },
            )
            assert response.status_code == 400
    assert emulator.create_session("Acme").session_number == first.session_number + 1
    assert len(emulator.state()["sessions"]) == 2
