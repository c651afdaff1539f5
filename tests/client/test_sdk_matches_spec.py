"""The SDK's few constants are the spec's: it ships without openapi.yaml, so they are written
out once in the SDK, and these tests pin each to the place in the spec that defines it."""

from __future__ import annotations

from didit_spec import load_spec, operations
from didit_toolkit import auth, client, webhooks


def test_default_base_url_is_the_specs_server() -> None:
    assert load_spec()["servers"][0]["url"] == client.DEFAULT_BASE_URL


def test_token_endpoint_is_the_specs_get_client_token() -> None:
    token = next(op for op in operations() if op.operation_id == "get_client_token")
    assert token.path == auth.TOKEN_PATH
    assert token.definition["servers"][0]["url"] == auth.DEFAULT_AUTH_BASE_URL


def test_webhook_headers_are_the_specs_webhook_parameters() -> None:
    event = load_spec()["webhooks"]["session_event"]["post"]
    names = {parameter["name"] for parameter in event["parameters"]}
    assert names == {
        webhooks.TIMESTAMP_HEADER,
        webhooks.SIGNATURE_HEADER,
        webhooks.SIGNATURE_V2_HEADER,
        webhooks.SIGNATURE_SIMPLE_HEADER,
    }
    description = " ".join(event["description"].split())
    assert f"than {int(webhooks.DEFAULT_TOLERANCE)} s from now" in description
