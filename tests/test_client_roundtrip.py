"""The generated client decodes every documented JSON response without loss.

For each operation and each documented JSON response, bodies are drawn from the spec's schema and
given to the generated operation's own decoder (`_parse_response`, what `sync()` uses); the decoded
value turned back into JSON (`to_dict()` of each model) must equal the body (after normalising uuid
and date-time spellings). A field the generator drops, mistypes or renames fails here. Error
responses share their body schema across operations and their decoders are generated alike, so
each distinct error schema is drawn once. Runs are derandomised, hence reproducible.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import httpx
import pytest
from didit_client import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.client_decoding import normalise_json
from contracts.strategies import json_strategy
from didit_spec import Operation, operations, resolve


def _json_responses() -> list[tuple[Operation, int]]:
    cases, error_schemas = [], set()
    for operation in sorted(operations(), key=lambda op: op.operation_id):
        for status, response in sorted(operation.definition["responses"].items()):
            content = resolve(response).get("content", {})
            if "application/json" not in content:
                continue
            if int(status) >= 400:
                schema = json.dumps(content["application/json"]["schema"], sort_keys=True)
                if schema in error_schemas:
                    continue
                error_schemas.add(schema)
            cases.append((operation, int(status)))
    return cases


CASES = _json_responses()


def _response_schema(operation: Operation, status: int) -> dict[str, Any]:
    response = resolve(operation.definition["responses"][str(status)])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def _decode(operation: Operation, status: int, body: Any) -> Any:
    module = importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")
    client = Client(base_url="https://didit.test", raise_on_unexpected_status=True)
    return module._parse_response(client=client, response=httpx.Response(status, json=body))


def _as_json(decoded: Any) -> Any:
    if isinstance(decoded, list):
        return [_as_json(item) for item in decoded]
    return decoded.to_dict() if hasattr(decoded, "to_dict") else decoded


def test_roundtrip_covers_every_json_success_and_error_schema() -> None:
    successes = {
        (operation.operation_id, int(status))
        for operation in operations()
        for status, response in operation.definition["responses"].items()
        if status.startswith("2") and "application/json" in resolve(response).get("content", {})
    }
    assert successes <= {(operation.operation_id, status) for operation, status in CASES}
    assert any(status >= 400 for _, status in CASES)


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
    assert normalise_json(_as_json(parsed)) == normalise_json(body)
