"""The suite sends each operation the credential its `security` names (contracts/target.py)."""

from __future__ import annotations

from typing import Any, cast

import pytest

from contracts.target import Target
from didit_spec import didit_document


def _target() -> Target:
    return Target(
        base_url="http://emulator.test",
        api_key="key-of-the-application",
        allow_writes=True,
        connections=cast(Any, None),
        v2_token="client-token",
        client_credentials=("client-id", "client-secret"),
    )


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("get_session_decision", {"x-api-key": "key-of-the-application"}),
        ("create_session_v2", {"Authorization": "Bearer client-token"}),
        # arm authenticates with the session's own token, which the target does not have: the
        # application's key must not be sent in its place.
        ("arm_sandbox_scenario", {}),
    ],
)
def test_headers_for_sends_the_credential_the_operation_names(
    operation_id: str, expected: dict[str, str]
) -> None:
    assert _target().headers_for(didit_document().operation(operation_id)) == expected
