"""Every operation of openapi.yaml is reachable through the generated client, sync and async."""

from __future__ import annotations

import importlib

import pytest

from didit_spec import Operation, operations

OPERATIONS = sorted(operations(), key=lambda op: op.operation_id)


def _has_body(operation: Operation) -> bool:
    return any("content" in response for response in operation.definition["responses"].values())


def test_spec_has_every_documented_operation() -> None:
    assert {(op.method.upper(), op.path) for op in OPERATIONS} == {
        ("POST", "/auth/v2/token/"),
        ("POST", "/v2/session/"),
        ("POST", "/v3/session/"),
        ("GET", "/v3/session/{sessionId}/decision/"),
        ("GET", "/v3/sessions/"),
        ("DELETE", "/v3/session/{sessionId}/delete/"),
        ("PATCH", "/v3/session/{sessionId}/update-status/"),
        ("GET", "/v3/session/{sessionId}/generate-pdf"),
        ("POST", "/v3/session/{sessionId}/share/"),
        ("POST", "/v3/session/import-shared/"),
        ("POST", "/v3/blocklist/add/"),
        ("POST", "/v3/blocklist/remove/"),
        ("GET", "/v3/blocklist/"),
    }


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_client_has_sync_and_async_functions(operation: Operation) -> None:
    module = importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")
    expected = ["sync_detailed", "asyncio_detailed"]
    if _has_body(operation):
        expected += ["sync", "asyncio"]
    for name in expected:
        assert callable(getattr(module, name, None)), f"{module.__name__} lacks {name}()"
