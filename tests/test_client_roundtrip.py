"""The generated client decodes every documented JSON response without loss.

For each operation and each documented JSON response, bodies are drawn from the spec's schema; a
mock transport serves them to the generated client's `sync_detailed`; the decoded model's
`to_dict()` must equal the body (after normalising uuid and date-time spellings). A field the
generator drops, mistypes or renames fails here. Runs are derandomised, hence reproducible.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.client_decoding import normalise_json
from contracts.strategies import body_model_for, json_strategy, sync_detailed_for
from didit_spec import Operation, load_spec, operations, resolve


def _json_responses() -> list[tuple[Operation, int]]:
    cases = []
    for operation in operations():
        for status, response in operation.definition["responses"].items():
            if "application/json" in resolve(response).get("content", {}):
                cases.append((operation, int(status)))
    return sorted(cases, key=lambda case: (case[0].operation_id, case[1]))


CASES = _json_responses()


def _response_schema(operation: Operation, status: int) -> dict[str, Any]:
    response = resolve(operation.definition["responses"][str(status)])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def _call_kwargs(operation: Operation) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if any(p.get("name") == "sessionId" for p in _path_parameters(operation)):
        kwargs["session_id"] = uuid.UUID("11111111-2222-3333-4444-555555555555")
    if "requestBody" in operation.definition:
        media = next(iter(operation.definition["requestBody"]["content"].values()))
        example = next(iter(media["examples"].values()))["value"]
        kwargs["body"] = body_model_for(operation).from_dict(example)
    return kwargs


def _path_parameters(operation: Operation) -> list[dict[str, Any]]:
    item = load_spec()["paths"][operation.path]
    return [resolve(p) for p in item.get("parameters", [])]


def _decode(operation: Operation, status: int, body: Any) -> Any:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    client = AuthenticatedClient(base_url="https://didit.test", token="test-key")
    client.set_httpx_client(httpx.Client(base_url="https://didit.test", transport=transport))
    response = sync_detailed_for(operation)(client=client, **_call_kwargs(operation))
    return response.parsed


def test_roundtrip_covers_every_json_response() -> None:
    assert len(CASES) >= 60, CASES


@pytest.mark.parametrize(
    ("operation", "status"), CASES, ids=[f"{op.operation_id}-{status}" for op, status in CASES]
)
@settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_response_decodes_without_loss(operation: Operation, status: int, data: Any) -> None:
    body = data.draw(json_strategy(_response_schema(operation, status)), label="body")
    parsed = _decode(operation, status, body)
    assert parsed is not None, f"{operation.operation_id} {status}: the client did not decode"
    assert normalise_json(parsed.to_dict()) == normalise_json(body)
