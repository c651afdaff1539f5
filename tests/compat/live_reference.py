"""Didit's published OpenAPI of the live service, read for the compatibility test, and the list of
known differences between it and openapi.yaml.

The reference is `../shared/reference/didit-openapi-live.json` beside the repository (or
`$DIDIT_LIVE_OPENAPI`), read in place rather than copied: it is 2.7 MB of third-party text that
already has one home and one provenance note (`shared/reference/README.md`), and CI checks out
`shared/` beside the clone. A missing reference is an error, never a skip: without it the test
would prove nothing.

The reference is OpenAPI 3.0; `to_json_schema` turns one of its schemas into a self-contained JSON
Schema 2020-12 document (`nullable` becomes a `null` type, local `$ref`s are inlined), which is
what our validators and the hypothesis strategies take.

Known differences live in `live_exceptions.toml`, one entry per operation, check and item, each
with its reason.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from didit_spec import HTTP_METHODS, json_pointer

__all__ = [
    "CHECKS",
    "EXCEPTIONS_PATH",
    "IN_SCOPE",
    "KnownDifference",
    "LiveOperation",
    "escape",
    "known_differences",
    "live_operations",
    "live_reference",
    "live_reference_path",
    "to_json_schema",
]

REPOSITORY = Path(__file__).resolve().parents[2]
EXCEPTIONS_PATH = Path(__file__).resolve().with_name("live_exceptions.toml")

# The live service's operations that openapi.yaml covers or is to cover: the sessions API of
# issue 9, and the sandbox arm endpoint and the webhook destinations of issue 10. Everything else
# in the reference (workflows, users, lists, transactions, ...) is out of scope.
IN_SCOPE = (
    "POST /v3/session/",
    "GET /v3/session/{sessionId}/decision/",
    "GET /v3/sessions/",
    "DELETE /v3/session/{sessionId}/delete/",
    "PATCH /v3/session/{sessionId}/update-status/",
    "GET /v3/session/{sessionId}/generate-pdf/",
    "POST /v3/session/{sessionId}/share/",
    "POST /v3/session/import-shared/",
    "POST /v3/session/{sessionId}/sandbox/arm/",
    "GET /v3/webhook/destinations/",
    "POST /v3/webhook/destinations/",
    "GET /v3/webhook/destinations/{destination_uuid}/",
    "PATCH /v3/webhook/destinations/{destination_uuid}/",
    "DELETE /v3/webhook/destinations/{destination_uuid}/",
)

# What each check of the test compares; the `check` of an exception is one of these.
CHECKS = {
    "operation": "an in-scope operation of the service that openapi.yaml lacks "
    "(item: its operationId)",
    "extra-operation": "an operation of openapi.yaml the service does not document "
    "(item: our operationId)",
    "path": "our operation answers the service's under another path (item: our path)",
    "status": "a status the service documents that openapi.yaml does not (item: the status)",
    "example": "a response example of the service that the client cannot decode without loss, or "
    "that openapi.yaml rejects (item: '<status>: <example name>')",
    "response-schema": "bodies drawn from the service's response schema that the client cannot "
    "decode without loss (item: the status)",
    "request-body": "request bodies openapi.yaml allows that the service's schema rejects "
    "(item: '<location>: <keyword>')",
    "query-parameter": "a query parameter the generated client sends that the service does not "
    "document (item: its name)",
}


def live_reference_path() -> Path:
    """`$DIDIT_LIVE_OPENAPI`, else `../shared/reference/didit-openapi-live.json`."""
    configured = os.environ.get("DIDIT_LIVE_OPENAPI")
    if configured:
        return Path(configured)
    return REPOSITORY.parent / "shared" / "reference" / "didit-openapi-live.json"


@cache
def live_reference() -> Mapping[str, Any]:
    """The parsed reference; a clear FileNotFoundError when it is not there."""
    path = live_reference_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"Didit's published OpenAPI is not at {path}. The compatibility test needs it: check "
            "out shared/ beside the repository (shared/reference/didit-openapi-live.json), or "
            "point DIDIT_LIVE_OPENAPI at a copy."
        )
    with path.open(encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


def escape(segment: str) -> str:
    """A JSON-pointer segment (RFC 6901)."""
    return segment.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class LiveOperation:
    """One operation of the reference."""

    method: str
    path: str
    definition: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def pointer(self) -> str:
        return f"/paths/{escape(self.path)}/{self.method}"

    def parameters(self) -> list[Mapping[str, Any]]:
        """Path-item and operation parameters, `$ref`s resolved."""
        item = live_reference()["paths"][self.path]
        found = [*item.get("parameters", []), *self.definition.get("parameters", [])]
        return [_resolve(parameter) for parameter in found]

    def responses(self) -> dict[str, Mapping[str, Any]]:
        return {status: _resolve(r) for status, r in self.definition["responses"].items()}


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = json_pointer(live_reference(), node["$ref"].removeprefix("#"))
    return node


def live_operations() -> dict[str, LiveOperation]:
    """The in-scope operations of the reference, by label (`METHOD path`)."""
    found: dict[str, LiveOperation] = {}
    for path, item in live_reference()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                operation = LiveOperation(method, path, item[method])
                if operation.label in IN_SCOPE:
                    found[operation.label] = operation
    missing = set(IN_SCOPE) - set(found)
    if missing:
        raise LookupError(f"the reference no longer has these in-scope operations: {missing}")
    return found


# Formats both our validators and the generator understand; the reference's others (`byte`,
# `float`, `decimal`, `binary`) are annotations in OpenAPI 3.0 and are dropped.
_FORMATS = frozenset({"date", "date-time", "uuid", "email", "uri", "ipv4", "ipv6"})
# OpenAPI 3.0 annotations with no bearing on validity.
_ANNOTATIONS = frozenset(
    {"description", "example", "examples", "title", "deprecated", "discriminator", "xml"}
    | {"externalDocs", "readOnly", "writeOnly"}
)


def to_json_schema(schema: Any, *, _refs: tuple[str, ...] = ()) -> Any:
    """A self-contained JSON Schema 2020-12 equivalent of an OpenAPI 3.0 schema of the reference."""
    if isinstance(schema, list):
        return [to_json_schema(item, _refs=_refs) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        ref = schema["$ref"]
        if ref in _refs:
            raise ValueError(f"recursive schema through {ref}: cannot inline")
        target = to_json_schema(
            json_pointer(live_reference(), ref.removeprefix("#")), _refs=(*_refs, ref)
        )
        siblings = to_json_schema({k: v for k, v in schema.items() if k != "$ref"}, _refs=_refs)
        return {"allOf": [target], **siblings} if siblings else target
    converted: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-") or key == "nullable":
            continue
        if key == "format" and value not in _FORMATS:
            continue
        if key == "properties":
            converted[key] = {name: to_json_schema(s, _refs=_refs) for name, s in value.items()}
        elif key in ("enum", "required", "default", "const"):
            converted[key] = list(value) if isinstance(value, list) else value
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            # OpenAPI 3.0's boolean form; the reference has none, so none is converted.
            raise ValueError(f"boolean {key} is not supported")
        else:
            converted[key] = to_json_schema(value, _refs=_refs)
    if schema.get("nullable") is True:
        return _nullable(converted)
    return converted


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif kind is None and any(key in schema for key in ("allOf", "anyOf", "oneOf")):
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


@dataclass(frozen=True)
class KnownDifference:
    """One entry of live_exceptions.toml."""

    operation: str
    check: str
    item: str
    reason: str


@cache
def known_differences() -> tuple[KnownDifference, ...]:
    """Every entry of live_exceptions.toml, checked for shape (not for still occurring)."""
    with EXCEPTIONS_PATH.open("rb") as handle:
        document = tomllib.load(handle)
    unexpected = set(document) - {"difference"}
    if unexpected:
        raise ValueError(f"{EXCEPTIONS_PATH.name}: unexpected top-level keys {unexpected}")
    entries = []
    for index, raw in enumerate(document.get("difference", [])):
        keys = set(raw)
        if keys != {"operation", "check", "item", "reason"}:
            raise ValueError(f"{EXCEPTIONS_PATH.name}: entry {index} has keys {sorted(keys)}")
        if not all(isinstance(raw[key], str) and raw[key].strip() for key in keys):
            raise ValueError(
                f"{EXCEPTIONS_PATH.name}: entry {index} has an empty or non-text value"
            )
        entries.append(KnownDifference(raw["operation"], raw["check"], raw["item"], raw["reason"]))
    return tuple(entries)
