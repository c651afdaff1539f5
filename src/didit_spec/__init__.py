"""Loads openapi.yaml, the project's single source of truth, for everything that reads it.

The emulator validates requests with it, the tests and the contract suite derive their cases from
it; none of them re-types a schema. This module is the only code that walks an OpenAPI document:
it finds the file (the repository's `openapi.yaml`, or `$DIDIT_OPENAPI_SPEC`), parses it once,
resolves JSON pointers and `$ref`s, escapes names into pointers, lists the operations with their
security schemes, and hands out JSON-Schema validators for any pointer. `OpenAPIDocument` does the
same for any other OpenAPI document (the emulator's control surface has its own).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

__all__ = [
    "HTTP_METHODS",
    "SPEC_URI",
    "Credential",
    "OpenAPIDocument",
    "Operation",
    "SecurityScheme",
    "component_schema",
    "credential_headers",
    "didit_document",
    "enum_values",
    "escape",
    "inline_refs",
    "json_pointer",
    "load_spec",
    "load_yaml",
    "operations",
    "pointer",
    "resolve",
    "spec_path",
    "validator_for",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_URI = "urn:didit:openapi"


def spec_path() -> Path:
    """The spec file: `$DIDIT_OPENAPI_SPEC`, else `openapi.yaml` at the repository root (a
    clone or an editable install), else the copy an installed distribution carries beside this
    module (setup.py copies the root file in at build time)."""
    override = os.environ.get("DIDIT_OPENAPI_SPEC")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    repository = here.parents[1] / "openapi.yaml"
    if repository.is_file() and (here.parents[1] / "generator-config.yml").is_file():
        return repository
    return here / "openapi.yaml"


def escape(token: str) -> str:
    """One reference token of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """A JSON pointer from unescaped tokens: `pointer("paths", "/v3/x/", "get")`."""
    return "".join(f"/{escape(str(token))}" for token in tokens)


def json_pointer(document: Any, location: str) -> Any:
    """The value at a JSON pointer (`/a/b~1c`) in `document`."""
    node = document
    for part in location.lstrip("/").split("/"):
        if part:
            key = part.replace("~1", "/").replace("~0", "~")
            node = node[int(key)] if isinstance(node, list) else node[key]
    return node


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme an operation accepts, as the document's `securitySchemes` declares it.

    `credential` is the scheme's `x-credential`: which credential it carries (`api_key`,
    `client_credentials`, `client_token`, `session_token`; empty when the document does not say).
    `credential_in` reads the credential a request carries for it (servers); `header_for` builds
    the header that carries one (clients). A basic-auth credential is `(client_id, secret)`.
    """

    name: str
    type: str
    scheme: str | None = None
    header: str = "Authorization"
    credential: str = ""

    @property
    def kind(self) -> str:
        """`api_key`, `bearer` or `basic`."""
        return "api_key" if self.type == "apiKey" else (self.scheme or "").lower()

    def credential_in(self, headers: Mapping[str, str]) -> str | None:
        """The credential in a request's headers (for `basic`, still base64), or None."""
        value = headers.get(self.header.lower(), headers.get(self.header))
        if value is None:
            return None
        if self.kind == "api_key":
            return value
        kind, _, credential = value.partition(" ")
        if kind.lower() != self.kind or not credential.strip():
            return None
        return credential.strip()

    def header_for(self, credential: str | tuple[str, str]) -> dict[str, str]:
        """The request header that carries `credential` for this scheme."""
        if isinstance(credential, tuple):
            raw = ":".join(credential).encode()
            return {self.header: "Basic " + base64.b64encode(raw).decode()}
        if self.kind == "api_key":
            return {self.header: credential}
        return {self.header: f"{self.kind.capitalize()} {credential}"}


Credential = str | tuple[str, str]


def credential_headers(
    schemes: tuple[SecurityScheme, ...], credentials: Mapping[str, Credential | None]
) -> dict[str, str]:
    """The header for the first of `schemes` (an operation's security) that `credentials` has a
    credential for, keyed by what each scheme carries (its `x-credential`: `api_key`,
    `client_credentials`, `client_token`, `session_token`); empty when none."""
    for scheme in schemes:
        credential = credentials.get(scheme.credential) if scheme.credential else None
        if credential is not None:
            return scheme.header_for(credential)
    return {}


@dataclass(frozen=True)
class Operation:
    """One operation of a document's `paths`."""

    method: str
    path: str
    operation_id: str
    definition: Mapping[str, Any] = field(repr=False)
    security: tuple[SecurityScheme, ...] = field(default=(), repr=False)

    @property
    def tag(self) -> str:
        tags: list[str] = self.definition.get("tags", ["default"])
        return tags[0]

    @property
    def pointer(self) -> str:
        """The JSON pointer of this operation in its document."""
        return pointer("paths", self.path, self.method)

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


# OpenAPI's own formats (data types of the OpenAPI Specification), which JSON Schema validators
# do not check and are not meant to.
_OPENAPI_ONLY_FORMATS = frozenset(
    {"int32", "int64", "float", "double", "byte", "binary", "password"}
)
_FORMAT_CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER


def _nodes(node: Any) -> Iterator[Mapping[str, Any]]:
    """Every mapping in a document, depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Mapping):
            yield current
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


class OpenAPIDocument:
    """An OpenAPI 3.1 document: pointer resolution, operations and cached validators."""

    def __init__(self, contents: Mapping[str, Any], uri: str) -> None:
        self.contents = contents
        self.uri = uri
        resource: Resource[Any] = Resource.from_contents(
            dict(contents), default_specification=DRAFT202012
        )
        self._registry: Registry[Any] = Registry().with_resource(uri, resource)
        self._validators: dict[str, Validator] = {}
        self._formats_checked = False

    def _ensure_formats_checked(self) -> None:
        """Fails unless jsonschema can check every JSON Schema `format` the document uses.
        jsonschema checks `uri` and `date-time` only when optional packages are installed
        (rfc3986-validator, rfc3339-validator: the [emulator] extra) and otherwise accepts any
        string without a word; a validator that quietly checks less is refused here instead."""
        if self._formats_checked:
            return
        used = {
            node["format"] for node in _nodes(self.contents) if isinstance(node.get("format"), str)
        }
        missing = sorted((used - _OPENAPI_ONLY_FORMATS) - set(_FORMAT_CHECKER.checkers))
        if missing:
            raise RuntimeError(
                f"jsonschema cannot check the format(s) {', '.join(missing)} used by the spec: "
                "install the package's [emulator] extra (rfc3986-validator, rfc3339-validator)"
            )
        self._formats_checked = True

    def at(self, location: str) -> Any:
        """The node at a JSON pointer, `$ref`s not followed."""
        return json_pointer(self.contents, location)

    def resolve(self, location: str) -> tuple[str, Any]:
        """The node at a pointer with its local `$ref` chain followed: (final pointer, node)."""
        node = self.at(location)
        for _ in range(64):
            if not (isinstance(node, Mapping) and "$ref" in node):
                return location, node
            ref = str(node["$ref"])
            if not ref.startswith("#"):
                raise ValueError(f"only local references are supported: {ref}")
            location = ref[1:]
            node = self.at(location)
        raise ValueError(f"$ref chain too long at {location}")

    def validator(self, location: str) -> Validator:
        """A format-checking 2020-12 validator for the schema at a pointer (cached)."""
        validator = self._validators.get(location)
        if validator is None:
            self._ensure_formats_checked()
            validator = jsonschema.Draft202012Validator(
                {"$ref": f"{self.uri}#{location}"},
                registry=self._registry,
                format_checker=_FORMAT_CHECKER,
            )
            self._validators[location] = validator
        return validator

    def security_scheme(self, name: str) -> SecurityScheme:
        raw = self.contents["components"]["securitySchemes"][name]
        header = str(raw["name"]) if raw.get("type") == "apiKey" else "Authorization"
        credential = str(raw.get("x-credential", ""))
        return SecurityScheme(name, str(raw["type"]), raw.get("scheme"), header, credential)

    def scheme_carrying(self, credential: str) -> SecurityScheme:
        """The first security scheme whose `x-credential` is `credential` (e.g. `api_key`)."""
        for name, raw in self.contents["components"]["securitySchemes"].items():
            if raw.get("x-credential") == credential:
                return self.security_scheme(name)
        raise KeyError(f"no security scheme carries {credential!r}")

    @cached_property
    def default_security(self) -> tuple[SecurityScheme, ...]:
        """The schemes of the document-level `security` (operations without their own)."""
        requirements = self.contents.get("security", [])
        return tuple(self.security_scheme(name) for r in requirements for name in r)

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        """Every operation under `paths` (webhooks are requests a server sends, not receives)."""
        found = []
        default_security = self.contents.get("security", [])
        for path, item in self.contents.get("paths", {}).items():
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                definition = item[method]
                requirements = definition.get("security", default_security)
                schemes = tuple(
                    self.security_scheme(name)
                    for requirement in requirements
                    for name in requirement
                )
                found.append(
                    Operation(method, path, definition["operationId"], definition, schemes)
                )
        return tuple(found)

    def parameters(self, operation: Operation) -> dict[tuple[str, str], tuple[str, Any]]:
        """The operation's parameters, path-level ones first, by (location, name): the pointer
        each resolves to, and the parameter object."""
        found: dict[tuple[str, str], tuple[str, Any]] = {}
        for base in (pointer("paths", operation.path), operation.pointer):
            for index in range(len(self.at(base).get("parameters", []))):
                location, parameter = self.resolve(f"{base}/parameters/{index}")
                found[(parameter["in"], parameter["name"])] = (location, parameter)
        return found

    def parameter_schema(self, operation_id: str, name: str, location: str = "query") -> str:
        """The pointer of one parameter's schema."""
        operation = self.operation(operation_id)
        parameter_pointer, _ = self.parameters(operation)[(location, name)]
        return f"{parameter_pointer}/schema"

    def operation(self, operation_id: str) -> Operation:
        for operation in self.operations:
            if operation.operation_id == operation_id:
                return operation
        raise KeyError(operation_id)

    def enum(self, schema: str) -> tuple[str, ...]:
        """The `enum` of `components/schemas/<schema>`, in the document's order."""
        values: list[str] = self.contents["components"]["schemas"][schema]["enum"]
        return tuple(values)


# PyYAML's libyaml parser where the wheel has it: openapi.yaml in 0.05 s instead of 0.45 s with the
# pure-Python one, in every process that loads the spec (the emulator, each contract-suite worker).
# Both build the document with the same safe constructors, so the result is the same.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """A YAML document parsed with the safe loader (libyaml's when available)."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C or Python


@cache
def didit_document() -> OpenAPIDocument:
    """openapi.yaml, parsed once per process."""
    contents: dict[str, Any] = load_yaml(spec_path().read_text(encoding="utf-8"))
    return OpenAPIDocument(contents, SPEC_URI)


def load_spec() -> Mapping[str, Any]:
    """The parsed openapi.yaml."""
    return didit_document().contents


def operations() -> Iterator[Operation]:
    """Every operation of openapi.yaml."""
    return iter(didit_document().operations)


def resolve(node: Any) -> Any:
    """`node`, or what its local `$ref` (chain) points at in openapi.yaml."""
    while isinstance(node, dict) and "$ref" in node:
        node = didit_document().at(node["$ref"].removeprefix("#"))
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
        target = inline_refs(didit_document().at(node["$ref"][1:]))
        siblings = {key: inline_refs(value) for key, value in node.items() if key != "$ref"}
        if not siblings:
            return target
        return {"allOf": [target], **siblings}
    return {key: inline_refs(value) for key, value in node.items()}


def component_schema(name: str) -> Mapping[str, Any]:
    """`components/schemas/<name>` as written in openapi.yaml."""
    schema: Mapping[str, Any] = load_spec()["components"]["schemas"][name]
    return schema


def enum_values(schema: str) -> tuple[str, ...]:
    """The `enum` of openapi.yaml's `components/schemas/<schema>`."""
    return didit_document().enum(schema)


@lru_cache(maxsize=4096)
def validator_for(location: str) -> Validator:
    """A format-checking 2020-12 validator for the schema at a pointer into openapi.yaml, such as
    `/components/schemas/ShareSessionRequest`; `$ref`s inside resolve against the whole spec."""
    return didit_document().validator(location)
