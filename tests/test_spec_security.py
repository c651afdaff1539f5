"""didit_spec's security schemes: what each carries comes from its `x-credential` in openapi.yaml,
and `credential_headers` sends each credential only where a scheme carries it."""

from __future__ import annotations

import base64

import pytest

from didit_spec import Credential, SecurityScheme, credential_headers, didit_document

ALL_CREDENTIALS: dict[str, Credential | None] = {
    "api_key": "key-1",
    "client_credentials": ("client-1", "secret-1"),
    "client_token": "token-1",
    "session_token": "session-token-1",
}


def _security(operation_id: str) -> tuple[SecurityScheme, ...]:
    return didit_document().operation(operation_id).security


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("create_session", {"x-api-key": "key-1"}),
        ("create_session_v2", {"Authorization": "Bearer token-1"}),
        (
            "get_client_token",
            {"Authorization": "Basic " + base64.b64encode(b"client-1:secret-1").decode()},
        ),
        ("arm_sandbox_scenario", {"Session-Token": "session-token-1"}),
    ],
)
def test_credential_headers_sends_the_credential_the_scheme_carries(
    operation_id: str, expected: dict[str, str]
) -> None:
    assert credential_headers(_security(operation_id), ALL_CREDENTIALS) == expected


def test_credential_headers_never_sends_the_api_key_as_a_session_token() -> None:
    # Both schemes are apiKey schemes: only `x-credential` tells them apart.
    assert credential_headers(_security("arm_sandbox_scenario"), {"api_key": "key-1"}) == {}


def test_credential_headers_ignores_scheme_names() -> None:
    assert credential_headers(_security("create_session"), {"ApiKeyAuth": "key-1"}) == {}


def test_security_scheme_without_x_credential_carries_nothing_known() -> None:
    scheme = SecurityScheme("Other", "apiKey", None, "x-other")
    assert scheme.credential == ""
    assert credential_headers((scheme,), {"": "key-1", "api_key": "key-1"}) == {}


def test_scheme_carrying_finds_the_scheme_by_its_credential() -> None:
    scheme = didit_document().scheme_carrying("session_token")
    assert (scheme.name, scheme.header) == ("SessionTokenAuth", "Session-Token")


def test_scheme_carrying_an_unknown_credential_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="password"):
        didit_document().scheme_carrying("password")
