"""Creating and finishing sessions through the generated client, for the boundary layer."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from didit_client import AuthenticatedClient
from didit_client.api.sessions import create_session
from didit_client.models import CreatedSession, CreateSessionRequest

from contracts.target import Control, Target
from didit_spec import didit_document

__all__ = ["api_client", "create_user_session", "finished_session"]


def api_client(target: Target, api_key: str | None = None) -> AuthenticatedClient:
    """A generated client authenticated with the target's (or the given) API key."""
    return AuthenticatedClient(
        base_url=target.base_url,
        token=api_key or target.api_key,
        prefix="",
        auth_header_name=didit_document().scheme_carrying("api_key").header,
        raise_on_unexpected_status=True,
        timeout=None,
        # The target's pooled (and, against a deployment, paced) connections.
        httpx_args={"transport": target.connections.transport},
    )


def create_user_session(target: Target, **fields: Any) -> CreatedSession:
    if target.workflow_id is None:
        pytest.skip("needs DIDIT_WORKFLOW_ID: a user workflow of the target application")
    body = CreateSessionRequest.from_dict({"workflow_id": target.workflow_id, **fields})
    created = create_session.sync(client=api_client(target), body=body)
    assert isinstance(created, CreatedSession), created
    return created


def finished_session(target: Target, control: Control, outcome: str = "approved") -> uuid.UUID:
    """A session of the target application, completed with `outcome` through the control surface."""
    created = create_user_session(target, vendor_data=f"contract-{uuid.uuid4()}")
    control.complete(str(created.session_id), outcome)
    return created.session_id
