"""Generated models never show a credential in their repr (templates/model.py.jinja).

Every property of the spec named `*token` or `*secret` is a credential (share tokens, access
tokens, session tokens); the models that carry one must keep its value out of `repr()`.
"""

from __future__ import annotations

from typing import Any

import didit_client
import didit_client.models
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.strategies import json_strategy
from didit_spec import load_spec

SECRET_FIELDS = sorted(
    (schema_name, prop)
    for schema_name, schema in load_spec()["components"]["schemas"].items()
    for prop in schema.get("properties", {})
    if prop.endswith(("token", "secret"))
)


def test_spec_has_secret_fields() -> None:
    assert ("ShareToken", "share_token") in SECRET_FIELDS
    assert ("ClientToken", "access_token") in SECRET_FIELDS


@pytest.mark.parametrize(("schema_name", "field"), SECRET_FIELDS)
@settings(max_examples=10, derandomize=True, database=None, deadline=None)
@given(data=st.data())
def test_model_repr_hides_secret_field(schema_name: str, field: str, data: Any) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    body = data.draw(json_strategy(schema))
    body[field] = "s3cr3t-credential-value"
    model = getattr(didit_client.models, schema_name).from_dict(body)
    assert getattr(model, field) == "s3cr3t-credential-value"
    assert "s3cr3t-credential-value" not in repr(model)


def test_authenticated_client_repr_hides_the_key() -> None:
    client = didit_client.AuthenticatedClient(
        base_url="https://verification.didit.test",
        token="s3cr3t-api-key",
        prefix="",
        auth_header_name="x-api-key",
        httpx_args={"auth": ("client-id", "s3cr3t-client-secret")},
    )
    client.get_httpx_client()  # puts the key into the client's headers
    assert "s3cr3t" not in repr(client)
    assert client.get_httpx_client().headers["x-api-key"] == "s3cr3t-api-key"
