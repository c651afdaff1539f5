"""Loads openapi.yaml, the project's single source of truth, for everything that reads it.

The emulator validates requests with it, the tests and the contract suite derive their cases from
it; none of them re-types a schema. This module finds the file (the repository's `openapi.yaml`, or
`$DIDIT_OPENAPI_SPEC`), parses it once, and hands out JSON-Schema validators for its components.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

__all__ = [
    "HTTP_METHODS",
    "SPEC_URI",
    "Operation",
    "component_schema",
    "inline_refs",
    "json_pointer",
    "load_spec",
    "operations",
    "resolve",
    "spec_path",
    "validator_for",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_URI = "urn:didit:openapi"


def spec_path() -> Path:
    """The spec file: `$DIDIT_OPENAPI_SPEC`, else `openapi.yaml` at the repository root."""
    override = os.environ.get("DIDIT_OPENAPI_SPEC")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "openapi.yaml"


@lru_cache(maxsize=1)
def load_spec() -> Mapping[str, Any]:
    """The parsed spec, loaded once per process."""
    with spec_path().open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


@dataclass(frozen=True)
class Operation:
    """One operation of the spec's `paths`."""

    method: str
    path: str
    operation_id: str
    definition: Mapping[str, Any]

    @property
    def tag(self) -> str:
        tags: list[str] = self.definition.get("tags", ["default"])
        return tags[0]


def operations() -> Iterator[Operation]:
    """Every operation under `paths` (webhooks are not requests a server receives)."""
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                definition = item[method]
                yield Operation(method, path, definition["operationId"], definition)


@lru_cache(maxsize=1)
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(
        dict(load_spec()), default_specification=DRAFT202012
    )
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
    return registry


def json_pointer(document: Any, pointer: str) -> Any:
    """The value at a JSON pointer (`/a/b~1c`) in `document`."""
    node = document
    for part in pointer.lstrip("/").split("/"):
        if part:
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def resolve(node: Any) -> Any:
    """`node`, or what its local `$ref` (chain) points at in the spec."""
    while isinstance(node, dict) and "$ref" in node:
        node = json_pointer(load_spec(), node["$ref"].removeprefix("#"))
    return node


def inline_refs(node: Any) -> Any:
    """`node` with every local `$ref` replaced by a copy of its target.

    For tools that take one self-contained schema (hypothesis-jsonschema). The spec has no
    recursive schemas, so the result is finite. Sibling keywords of a `$ref` are kept.
    """
    if isinstance(node, list):
        return [inline_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node and isinstance(node["$ref"], str) and node["$ref"].startswith("#/"):
        target = inline_refs(json_pointer(load_spec(), node["$ref"][1:]))
        siblings = {key: inline_refs(value) for key, value in node.items() if key != "$ref"}
        if not siblings:
            return target
        return {"allOf": [target], **siblings}
    return {key: inline_refs(value) for key, value in node.items()}


def component_schema(name: str) -> Mapping[str, Any]:
    """`components/schemas/<name>` as written in the spec."""
    schema: Mapping[str, Any] = load_spec()["components"]["schemas"][name]
    return schema


@cache
def validator_for(pointer: str) -> jsonschema.protocols.Validator:
    """A format-checking 2020-12 validator for the schema at a JSON pointer into the spec.

    `pointer` is a fragment such as `/components/schemas/ShareSessionRequest`; `$ref`s inside
    resolve against the whole spec.
    """
    schema = {"$ref": f"{SPEC_URI}#{pointer}"}
    validator_class = jsonschema.Draft202012Validator
    return validator_class(
        schema,
        registry=_registry(),
        format_checker=validator_class.FORMAT_CHECKER,
    )
