"""Request (and, for tests, response) validation straight from an OpenAPI document.

Nothing here knows a Didit schema: the parameters, request bodies, defaults, security schemes and
responses of each operation are read from the document (openapi.yaml, through `didit_spec`, or the
emulator's own control-openapi.yaml), and every check is a JSON-Schema validator for a pointer into
it. Both documents are loaded once per process.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl

import yaml
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator

from didit_spec import OpenAPIDocument, Operation, SecurityScheme, didit_document, escape

from .exceptions import MalformedBody, ValidationFailed

__all__ = [
    "BodyRule",
    "OperationRules",
    "ParameterRule",
    "ResponseValidator",
    "control_document",
    "didit_document",
    "rules_for",
]

CONTROL_SPEC_URI = "urn:didit:emulator-control"
_MAX_PROBLEM = 160


def schema_types(document: OpenAPIDocument, location: str) -> set[str]:
    """The JSON types a schema allows, following `$ref` and `allOf` / `anyOf` / `oneOf`."""
    location, schema = document.resolve(location)
    if not isinstance(schema, Mapping):
        return set()
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return {str(t) for t in declared}
    types: set[str] = set()
    for keyword in ("allOf", "anyOf", "oneOf"):
        for index in range(len(schema.get(keyword, []))):
            types |= schema_types(document, f"{location}/{keyword}/{index}")
    return types


def default_of(document: OpenAPIDocument, location: str) -> tuple[bool, Any]:
    """Whether the schema at `location` (or one it refers to, or an `allOf` part) declares a
    `default`, and which."""
    node = document.at(location)
    if isinstance(node, Mapping) and "default" in node:
        return True, node["default"]
    location, node = document.resolve(location)
    if isinstance(node, Mapping):
        if "default" in node:
            return True, node["default"]
        for index in range(len(node.get("allOf", []))):
            found, value = default_of(document, f"{location}/allOf/{index}")
            if found:
                return found, value
    return False, None


def apply_defaults(document: OpenAPIDocument, location: str, instance: Any) -> Any:
    """Fills in the `default`s the schema declares for absent object properties."""
    location, schema = document.resolve(location)
    if not isinstance(schema, Mapping) or not isinstance(instance, dict):
        return instance
    for index in range(len(schema.get("allOf", []))):
        apply_defaults(document, f"{location}/allOf/{index}", instance)
    for name in schema.get("properties", {}):
        prop = f"{location}/properties/{escape(name)}"
        if name in instance:
            apply_defaults(document, prop, instance[name])
            continue
        found, value = default_of(document, prop)
        if found:
            instance[name] = value
    return instance


@dataclass(frozen=True)
class ParameterRule:
    name: str
    location: str
    required: bool
    schema_pointer: str
    types: frozenset[str]


@dataclass(frozen=True)
class BodyRule:
    required: bool
    media_types: Mapping[str, str]  # media type -> schema pointer


@dataclass
class OperationRules:
    """What a document says about one operation's requests, compiled once."""

    document: OpenAPIDocument = field(repr=False)
    operation: Operation
    parameters: list[ParameterRule]
    body: BodyRule | None

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id

    @property
    def security(self) -> tuple[SecurityScheme, ...]:
        return self.operation.security

    @classmethod
    def build(cls, document: OpenAPIDocument, operation: Operation) -> OperationRules:
        parameters = [
            ParameterRule(
                name=param["name"],
                location=param["in"],
                required=bool(param.get("required", False)),
                schema_pointer=f"{location}/schema",
                types=frozenset(schema_types(document, f"{location}/schema")),
            )
            for location, param in document.parameters(operation).values()
        ]
        body: BodyRule | None = None
        if "requestBody" in operation.definition:
            body_pointer, request_body = document.resolve(f"{operation.pointer}/requestBody")
            body = BodyRule(
                required=bool(request_body.get("required", False)),
                media_types={
                    media: f"{body_pointer}/content/{escape(media)}/schema"
                    for media in request_body.get("content", {})
                },
            )
        return cls(document, operation, parameters, body)

    def parse_parameters(
        self, path_params: Mapping[str, str], query: Iterable[tuple[str, str]]
    ) -> dict[str, Any]:
        """The operation's path and query parameters, coerced to their schema types, validated,
        with defaults filled in."""
        query_values = dict(query)
        values: dict[str, Any] = {}
        for rule in self.parameters:
            source: Mapping[str, str] = path_params if rule.location == "path" else query_values
            if rule.location not in ("path", "query"):
                continue
            if rule.name not in source:
                if rule.required:
                    raise ValidationFailed(f"{rule.name}: is required ({rule.location} parameter)")
                found, default = default_of(self.document, rule.schema_pointer)
                if found:
                    values[rule.name] = default
                continue
            value = _coerce(source[rule.name], rule.types)
            _validate(self.document.validator(rule.schema_pointer), value, rule.name)
            values[rule.name] = value
        return values

    def parse_body(self, content_type: str | None, raw: bytes) -> Any:
        """The request body, parsed per its media type, validated, with defaults filled in;
        None when the operation takes no body or an optional one is absent."""
        if self.body is None:
            return None
        if not raw.strip():
            if self.body.required:
                raise ValidationFailed("request body: is required")
            return None
        media = (content_type or "").split(";")[0].strip().lower()
        if not media:
            media = next(iter(self.body.media_types))
        if media not in self.body.media_types:
            supported = ", ".join(self.body.media_types)
            raise ValidationFailed(f"Content-Type {media!r} is not supported; send {supported}")
        location = self.body.media_types[media]
        if media == "application/x-www-form-urlencoded":
            instance: Any = _parse_form(raw, self.document, location)
        else:
            instance = _parse_json(raw)
        _validate(self.document.validator(location), instance, "request body")
        return apply_defaults(self.document, location, instance)


@cache
def rules_for(document: OpenAPIDocument) -> Mapping[str, OperationRules]:
    """Every operation's compiled rules, by operationId."""
    return {op.operation_id: OperationRules.build(document, op) for op in document.operations}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        problem = str(exc)[:_MAX_PROBLEM] if not isinstance(exc, RecursionError) else "too deep"
        raise MalformedBody(f"Malformed JSON body: {problem}") from None


def _parse_form(raw: bytes, document: OpenAPIDocument, location: str) -> dict[str, Any]:
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedBody(f"Malformed form body: {str(exc)[:_MAX_PROBLEM]}") from None
    location, schema = document.resolve(location)
    properties = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
    form: dict[str, Any] = {}
    for key, value in pairs:
        if key in properties:
            types = schema_types(document, f"{location}/properties/{escape(key)}")
            form[key] = _coerce(value, types)
        else:
            form[key] = value
    return form


# Any integer JSON can carry (Python refuses int() of more than 4300 digits).
_INTEGER = re.compile(r"^-?[0-9]{1,4000}$")
_NUMBER = re.compile(r"^-?[0-9]{1,18}(\.[0-9]{1,18})?([eE][-+]?[0-9]{1,3})?$")


def _coerce(value: str, types: set[str] | frozenset[str]) -> Any:
    """A string from a URL or form as the JSON value its schema expects, when it reads as one;
    otherwise the string itself, which the schema then rejects with a clear message."""
    if "string" in types:
        return value
    if "integer" in types and _INTEGER.match(value):
        return int(value)
    if "number" in types and _NUMBER.match(value):
        number = float(value)
        return int(number) if number.is_integer() and "integer" in types else number
    if "boolean" in types and value in ("true", "false"):
        return value == "true"
    if "null" in types and value in ("", "null"):
        return None
    return value


def _validate(validator: Validator, instance: Any, where: str) -> None:
    try:
        error = best_match(validator.iter_errors(instance))
    except RecursionError:
        raise ValidationFailed(f"{where}: too deeply nested") from None
    if error is not None:
        raise ValidationFailed(describe(error, where))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(error: ValidationError, where: str) -> str:
    """`<field>: <problem>` for a schema violation, short whatever the size of the value."""
    path = [str(p) for p in error.absolute_path]
    validator = error.validator
    value: Any = error.validator_value
    if validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in value if name not in error.instance]
        path.append(str(missing[0]) if missing else "?")
        problem = "is required"
    elif validator == "maxLength":
        problem = f"is longer than {value} characters"
    elif validator == "minLength":
        problem = f"is shorter than {value} characters"
    elif validator == "pattern":
        problem = f"does not match the pattern {value!r}"
    elif validator == "enum":
        problem = f"{_short(error.instance)} is not one of {', '.join(map(repr, value))}"
    elif validator == "format":
        problem = f"{_short(error.instance)} is not a valid {value}"
    elif validator == "type":
        problem = f"{_short(error.instance)} is not of type {value!r}"
    else:
        problem = error.message
        if len(problem) > _MAX_PROBLEM:
            problem = f"violates {validator!r} ({_short(value)})"
    name = ".".join(path) if path else where
    if where not in ("request body",) and path:
        name = f"{where}.{name}"
    return f"{name}: {problem}"


class ResponseValidator:
    """Checks a response against what the document says the operation answers with.

    The emulator's tests run every response through it (see `create_app(validate_responses=...)`).
    """

    def __init__(self, document: OpenAPIDocument) -> None:
        self.document = document

    def check(
        self, operation_id: str, status: int, headers: Mapping[str, str], body: bytes
    ) -> list[str]:
        """Problems with the response (an empty list when it conforms)."""
        operation = self.document.operation(operation_id)
        responses = operation.definition.get("responses", {})
        label = f"{operation.label} -> {status}"
        key = next(
            (k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None
        )
        if key is None:
            return [f"{label}: status not documented"]
        location, response = self.document.resolve(f"{operation.pointer}/responses/{key}")
        problems: list[str] = []
        lowered = {k.lower(): v for k, v in headers.items()}
        for name in response.get("headers", {}):
            header_pointer, header = self.document.resolve(f"{location}/headers/{escape(name)}")
            if name.lower() not in lowered:
                if header.get("required"):
                    problems.append(f"{label}: required header {name} missing")
                continue
            schema_pointer = f"{header_pointer}/schema"
            value = _coerce(lowered[name.lower()], schema_types(self.document, schema_pointer))
            for error in self.document.validator(schema_pointer).iter_errors(value):
                problems.append(f"{label}: header {name}: {error.message}")
        content = response.get("content", {})
        media = lowered.get("content-type", "").split(";")[0].strip().lower()
        if not content:
            if body:
                problems.append(f"{label}: body sent where the spec documents none")
            return problems
        if media not in content:
            return [*problems, f"{label}: content type {media!r} not in {list(content)}"]
        if media == "application/json":
            try:
                instance = json.loads(body)
            except ValueError:
                return [*problems, f"{label}: body is not JSON"]
            validator = self.document.validator(f"{location}/content/{escape(media)}/schema")
            for error in validator.iter_errors(instance):
                where = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"{label}: body/{where}: {error.message[:_MAX_PROBLEM]}")
        elif media == "application/pdf" and not body.startswith(b"%PDF-"):
            problems.append(f"{label}: body is not a PDF")
        return problems


@cache
def control_document() -> OpenAPIDocument:
    """The emulator's own control-openapi.yaml."""
    text = resources.files(__package__).joinpath("control-openapi.yaml").read_text("utf-8")
    return OpenAPIDocument(yaml.safe_load(text), CONTROL_SPEC_URI)
