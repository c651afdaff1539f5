"""Layer 2, deterministic: the documented workflows, each step reached through a spec `link`.

The state machine (test_stateful.py) explores linked calls at random; this module walks the
workflows the documents describe, so each is exercised on every run:

  create -> decision
  create -> (complete) -> share -> import-shared (partner) -> decision of the import
  create -> (complete) -> blocklist add -> list -> remove
  create -> delete -> 404 for that session

Each request after the first is built by evaluating the `links` of openapi.yaml on the previous
response, so a wrong or missing link fails here. Every response passes schemathesis' checks and
the client-decoding check; a failure prints the request as curl.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from didit_client.models import SessionStatus

from contracts.reporting import shown_body
from contracts.schema import SCHEMA
from contracts.target import Control, Target
from didit_spec import json_pointer, operations, resolve

OPERATIONS = {op.operation_id: op for op in operations()}


@dataclass
class Step:
    """One call of a workflow: which operation, with whose key, expecting which status."""

    operation_id: str
    # None: any success status the spec documents for the operation (where sources differ).
    status: int | None
    as_partner: bool = False
    # Body fields the link cannot know (the partner's ids); the link's own values win.
    body: dict[str, Any] = field(default_factory=dict)
    # The earlier operation whose response the link starts from (default: the previous step).
    linked_from: str | None = None


@dataclass
class Exchange:
    operation_id: str
    status: int
    request_body: Any
    path_parameters: dict[str, Any]
    response_body: Any


def _evaluate(expression: Any, previous: Exchange) -> Any:
    """An OpenAPI runtime expression (the subset the spec uses), or a constant."""
    if isinstance(expression, dict):
        return {key: _evaluate(value, previous) for key, value in expression.items()}
    if not isinstance(expression, str) or not expression.startswith("$"):
        return expression
    if expression.startswith("$response.body#"):
        return json_pointer(previous.response_body, expression.split("#", 1)[1])
    if expression.startswith("$request.body#"):
        return json_pointer(previous.request_body, expression.split("#", 1)[1])
    if expression.startswith("$request.path."):
        return previous.path_parameters[expression.removeprefix("$request.path.")]
    raise AssertionError(f"runtime expression {expression!r} is not supported by this walker")


def _link(previous: Exchange, target_operation: str) -> dict[str, Any]:
    status = previous.status
    responses = OPERATIONS[previous.operation_id].definition["responses"]
    links = responses[str(status)].get("links", {})
    for link in links.values():
        link = resolve(link)
        if link["operationId"] == target_operation:
            resolved: dict[str, Any] = link
            return resolved
    raise AssertionError(
        f"openapi.yaml has no link from {previous.operation_id} {status} to {target_operation}"
    )


def _expected_statuses(step: Step) -> set[int]:
    if step.status is not None:
        return {step.status}
    responses = OPERATIONS[step.operation_id].definition["responses"]
    return {int(status) for status in responses if status.startswith("2")}


def _call(target: Target, step: Step, path_parameters: dict[str, Any], body: Any) -> Exchange:
    definition = OPERATIONS[step.operation_id]
    operation = SCHEMA.find_operation_by_label(f"{definition.method.upper()} {definition.path}")
    assert operation is not None
    key = target.partner.api_key if step.as_partner and target.partner else None
    kwargs: dict[str, Any] = {
        "path_parameters": path_parameters,
        "headers": target.api_key_headers(key),
    }
    if body is not None:
        kwargs["body"] = body
        kwargs["media_type"] = "application/json"
    case = operation.Case(**kwargs)
    response = case.call(
        base_url=target.base_url, **target.connections.schemathesis_kwargs(in_process=False)
    )
    case.validate_response(response)
    expected = _expected_statuses(step)
    assert response.status_code in expected, (
        f"{step.operation_id}: expected {sorted(expected)}, got {response.status_code}: "
        f"{shown_body(response.content)[:500]}\nReproduce with: {case.as_curl_command()}"
    )
    return Exchange(
        step.operation_id,
        response.status_code,
        body,
        path_parameters,
        response.json() if response.content else None,
    )


def _walk(target: Target, control: Control | None, steps: list[Step | str]) -> list[Exchange]:
    first = steps[0]
    assert isinstance(first, Step)
    exchanges = [_call(target, first, {}, {"workflow_id": target.workflow_id, **first.body})]
    succeeded: dict[str, Exchange] = {first.operation_id: exchanges[-1]}
    previous = first.operation_id
    for step in steps[1:]:
        if step == "complete":
            assert control is not None
            control.complete(exchanges[0].response_body["session_id"], "approved")
            continue
        assert isinstance(step, Step)
        linked_from = succeeded[step.linked_from or previous]
        link = _link(linked_from, step.operation_id)
        path_parameters = _evaluate(link.get("parameters", {}), linked_from)
        body = None
        if "requestBody" in link or step.body:
            body = {**step.body, **_evaluate(link.get("requestBody", {}), linked_from)}
        exchange = _call(target, step, path_parameters, body)
        exchanges.append(exchange)
        if exchange.status < 300:
            succeeded[step.operation_id] = exchange
            previous = step.operation_id
    return exchanges


def _partner_ids(target: Target) -> tuple[str, str]:
    if target.partner is None:
        pytest.skip("needs a partner application (DIDIT_PARTNER_*) to share sessions with")
    return target.partner.application_id, target.partner.workflow_id


def test_workflow_create_then_decision(writable: Target) -> None:
    _, decision = _walk(
        writable, None, [Step("create_session", 201), Step("get_session_decision", 200)]
    )
    assert decision.response_body["status"] == SessionStatus.NOT_STARTED


def test_workflow_create_complete_share_import_decision(writable: Target, control: Control) -> None:
    partner_app, partner_workflow = _partner_ids(writable)
    created, shared, imported, decision = _walk(
        writable,
        control,
        [
            Step("create_session", 201),
            "complete",
            Step("share_session", 200, body={"for_application_id": partner_app}),
            Step(
                "import_shared_session",
                201,
                as_partner=True,
                body={"workflow_id": partner_workflow, "trust_review": True},
            ),
            Step("get_session_decision", 200, as_partner=True),
        ],
    )
    assert shared.response_body["for_application_id"] == partner_app
    assert imported.response_body["session_id"] != created.response_body["session_id"]
    assert decision.response_body["session_id"] == imported.response_body["session_id"]
    assert decision.response_body["status"] == SessionStatus.APPROVED


def test_workflow_create_blocklist_add_list_remove(writable: Target, control: Control) -> None:
    created, added, listed, removed = _walk(
        writable,
        control,
        [
            Step("create_session", 201),
            "complete",
            Step("add_to_blocklist", 200),
            Step("list_blocklist", 200),
            Step("remove_from_blocklist", 200, linked_from="add_to_blocklist"),
        ],
    )
    session_id = created.response_body["session_id"]
    entries = [e for e in listed.response_body["results"] if e["session_id"] == session_id]
    assert entries, "the blocked items are not in the blocklist"
    blocked = sorted(added.response_body["item_types"])
    assert blocked == sorted(e["item_type"] for e in entries)
    assert sorted(removed.response_body["item_types"]) == blocked


def test_workflow_create_delete_then_not_found(writable: Target) -> None:
    created, _deleted = _walk(
        writable, None, [Step("create_session", 201), Step("delete_session", None)]
    )
    session_id = created.response_body["session_id"]
    gone = _call(writable, Step("get_session_decision", 404), {"sessionId": session_id}, None)
    assert "detail" in gone.response_body
