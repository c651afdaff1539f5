"""Layer 4: what the generated client sends is what the spec accepts.

For every operation with a JSON request body, bodies are drawn from the spec's request schema,
loaded into the generated request model (`from_dict`) and serialised again (`to_dict`); the
result must validate against the spec and equal the drawn body. (The other half of this layer —
every response the server returns decodes without loss — is the `client_decodes_response`
check, applied to every response of layers 1 and 2.)
"""

from __future__ import annotations

import functools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from contracts.client_decoding import normalise_json
from contracts.counting import count_case
from contracts.profiles import PROFILE
from contracts.strategies import body_model_for, json_strategy
from didit_spec import Operation, operations, pointer, validator_for


def _json_bodies() -> list[tuple[Operation, str]]:
    found = []
    for operation in operations():
        content = operation.definition.get("requestBody", {}).get("content", {})
        for media_type in content:
            if media_type in ("application/json", "application/x-www-form-urlencoded"):
                location = pointer(
                    "paths", operation.path, operation.method, "requestBody", "content", media_type
                )
                found.append((operation, f"{location}/schema"))
    return found


BODIES = _json_bodies()


@functools.cache
def _body_strategy(pointer: str) -> SearchStrategy[Any]:
    # Built once per body schema: Hypothesis validates a strategy on its first draw, and the
    # strategy is immutable, so every example draws from the same one.
    return json_strategy({"$ref": "#" + pointer})


def test_every_request_body_is_covered() -> None:
    with_bodies = {op.operation_id for op in operations() if "requestBody" in op.definition}
    assert {op.operation_id for op, _ in BODIES} == with_bodies


@pytest.mark.parametrize(
    ("operation", "pointer"), BODIES, ids=[op.operation_id for op, _ in BODIES]
)
@settings(
    max_examples=PROFILE.client_examples,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_request_body_serialises_to_what_the_spec_accepts(
    operation: Operation, pointer: str, data: Any
) -> None:
    count_case("client properties")
    body = data.draw(_body_strategy(pointer), label="body")
    serialised = body_model_for(operation).from_dict(body).to_dict()
    errors = [error.message for error in validator_for(pointer).iter_errors(serialised)]
    assert not errors, (
        f"{operation.operation_id}: the client sends a body the spec rejects: {errors}"
    )
    assert normalise_json(serialised) == normalise_json(body)
