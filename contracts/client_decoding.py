"""Decodes a server's response through the generated client and checks nothing was lost.

Used as a schemathesis check on every response of the conformance and stateful layers, so a
response that is valid per the spec but that `didit_client` cannot decode (or decodes lossily)
fails the run. "Without loss": the decoded model's `to_dict()` equals the JSON received, after
normalising uuid and date-time spellings.
"""

from __future__ import annotations

import importlib
import json
import uuid
from datetime import datetime
from functools import cache
from typing import Any

import httpx
from dateutil.parser import isoparse
from didit_client import Client

from contracts.reporting import shown_body
from didit_spec import Operation, operations

__all__ = ["assert_decodes_without_loss", "normalise_json"]


@cache
def _operations_by_label() -> dict[tuple[str, str], Operation]:
    return {(op.method.upper(), op.path): op for op in operations()}


def normalise_json(value: Any) -> Any:
    """JSON with uuids lower-cased and date-times parsed, for comparing two spellings."""
    if isinstance(value, dict):
        return {key: normalise_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise_json(item) for item in value]
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


def _as_json(parsed: Any) -> Any:
    """A decoded value back as JSON: models through `to_dict()`, lists item by item."""
    if isinstance(parsed, list):
        return [_as_json(item) for item in parsed]
    to_dict = getattr(parsed, "to_dict", None)
    return to_dict() if callable(to_dict) else parsed


def assert_decodes_without_loss(
    method: str, path: str, status: int, headers: Any, body: bytes
) -> None:
    """Raise AssertionError when `didit_client` cannot decode this documented JSON response."""
    operation = _operations_by_label().get((method.upper(), path))
    if operation is None or str(status) not in operation.definition["responses"]:
        return  # undocumented statuses are status_code_conformance's business
    content_type = str(headers.get("content-type", "")).split(";")[0].strip()
    if content_type != "application/json":
        return
    try:
        received = json.loads(body)
    except ValueError:
        return  # not JSON: response_schema_conformance reports it
    module = importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")
    response = httpx.Response(status, content=body, headers={"content-type": "application/json"})
    client = Client(base_url="http://decoder.invalid", raise_on_unexpected_status=True)
    # `_parse_response` is the generated module's own decoder: the one `sync()` uses.
    try:
        parsed = module._parse_response(client=client, response=response)
    except Exception as error:  # any decoding failure is the finding, reported as one
        raise AssertionError(
            f"didit_client cannot decode {method.upper()} {path} {status}: "
            f"{type(error).__name__}: {error}\n  received: {shown_body(body)}"
        ) from error
    if parsed is None:
        raise AssertionError(f"didit_client decoded {method.upper()} {path} {status} to None")
    decoded = _as_json(parsed)
    if normalise_json(decoded) != normalise_json(received):
        raise AssertionError(
            f"didit_client lost data decoding {method.upper()} {path} {status}:\n"
            f"  received: {shown_body(json.dumps(received, sort_keys=True))}\n"
            f"  decoded:  {shown_body(json.dumps(decoded, sort_keys=True, default=str))}"
        )
