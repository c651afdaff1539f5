"""The generated client decodes every documented JSON response without loss.

For each operation and each documented JSON response, hypothesis-jsonschema draws bodies from the
spec's schema; a mock transport serves them to the generated client's `sync_detailed`; the decoded
model's `to_dict()` must equal the body (after normalising uuid and date-time spellings). A field
the generator drops, mistypes or renames fails here. Runs are derandomised, hence reproducible.

Bodies are drawn by schemathesis' JSON Schema generator (hypothesis-jsonschema 0.23 no longer
works with current Hypothesis); `_json_strategy` is the one place that touches its internals.
"""

from __future__ import annotations

import importlib
import typing
import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from dateutil.parser import isoparse
from didit_client import AuthenticatedClient
from didit_client.types import Unset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from didit_spec import Operation, inline_refs, load_spec, operations


def _json_strategy(schema: dict[str, Any]) -> SearchStrategy[Any]:
    import jsonschema_rs
    from schemathesis.config import GenerationConfig
    from schemathesis.generation.jsonschema.builder import build
    from schemathesis.generation.jsonschema.context import Alphabet
    from schemathesis.generation.modes import GenerationMode
    from schemathesis.specs.openapi._hypothesis import _build_custom_formats
    from schemathesis.specs.openapi.formats import format_lengths_for

    formats = _build_custom_formats(GenerationConfig(), GenerationMode.POSITIVE)
    return build(
        schema,
        draft=jsonschema_rs.Draft202012,
        formats=formats,
        format_lengths=format_lengths_for(formats),
        alphabet=Alphabet(codec="utf-8"),
        whole_floats=True,
    )


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        pointer = node["$ref"].lstrip("#/").split("/")
        target: Any = load_spec()
        for part in pointer:
            target = target[part]
        node = target
    return node


def _json_responses() -> list[tuple[Operation, int]]:
    cases = []
    for operation in operations():
        for status, response in operation.definition["responses"].items():
            if "application/json" in _resolve(response).get("content", {}):
                cases.append((operation, int(status)))
    return sorted(cases, key=lambda case: (case[0].operation_id, case[1]))


CASES = _json_responses()


def _response_schema(operation: Operation, status: int) -> dict[str, Any]:
    response = _resolve(operation.definition["responses"][str(status)])
    schema: dict[str, Any] = inline_refs(response["content"]["application/json"]["schema"])
    return schema


def _first_example(media: dict[str, Any]) -> Any:
    example = next(iter(media["examples"].values()))
    return example["value"]


def _call_kwargs(operation: Operation, function: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    hints = typing.get_type_hints(function)
    if "session_id" in hints:
        kwargs["session_id"] = uuid.UUID("11111111-2222-3333-4444-555555555555")
    if "body" in hints:
        content = operation.definition["requestBody"]["content"]
        media = next(iter(content.values()))
        body_type = next(
            arg for arg in typing.get_args(hints["body"]) or (hints["body"],) if arg is not Unset
        )
        kwargs["body"] = body_type.from_dict(_first_example(media))
    return kwargs


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
        if len(value) > 10 and value[4:5] == "-" and "T" in value.upper():
            try:
                parsed: datetime = isoparse(value)
            except ValueError:
                return value
            return ("datetime", parsed)
    return value


def _decode(operation: Operation, status: int, body: Any) -> Any:
    module = importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    client = AuthenticatedClient(base_url="https://didit.test", token="test-key")
    client.set_httpx_client(httpx.Client(base_url="https://didit.test", transport=transport))
    function = module.sync_detailed
    response = function(client=client, **_call_kwargs(operation, function))
    return response.parsed


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
    body = data.draw(
        _json_strategy(_response_schema(operation, status)),
        label="body",
    )
    parsed = _decode(operation, status, body)
    assert parsed is not None, f"{operation.operation_id} {status}: the client did not decode"
    assert _normalise(parsed.to_dict()) == _normalise(body)
