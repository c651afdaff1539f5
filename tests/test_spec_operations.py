"""Every operation of openapi.yaml is reachable through the generated client, sync and async."""

from __future__ import annotations

import importlib

import pytest

from didit_spec import Operation, operations

OPERATIONS = sorted(operations(), key=lambda op: op.operation_id)


def _has_body(operation: Operation) -> bool:
    return any("content" in response for response in operation.definition["responses"].values())


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_client_has_sync_and_async_functions(operation: Operation) -> None:
    module = importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")
    expected = ["sync_detailed", "asyncio_detailed"]
    if _has_body(operation):
        expected += ["sync", "asyncio"]
    for name in expected:
        assert callable(getattr(module, name, None)), f"{module.__name__} lacks {name}()"
