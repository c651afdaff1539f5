"""Request (and, for tests, response) validation straight from an OpenAPI document.

Nothing here knows a Didit schema: the parameters, request bodies, defaults, security schemes and
responses of each operation are read from the document (openapi.yaml, through `didit_spec`, or the
emulator's own control-openapi.yaml), and every check is a JSON-Schema validator for a pointer into
it. Both documents are loaded once per process.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, cast
from urllib.parse import parse_qsl

import jsonschema
import yaml
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from didit_spec import HTTP_METHODS, load_spec, validator_for

from .exceptions import MalformedBody, ValidationFailed

__all__ = [
    "BodyRule",
    "OperationRules",
    "ParameterRule",
    "ResponseValidator",
    "SpecDocument",
    "control_document",
    "didit_document",
]

CONTROL_SPEC_URI = "urn:didit:emulator-control"
_MAX_PROBLEM = 160


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class SpecDocument:
    """An OpenAPI document plus cached JSON-Schema validators for JSON pointers into it."""

    def __init__(self, spec: Mapping[str, Any], validator: Callable[[str], Validator]) -> None:
        self.spec = spec
        self._validator = validator
        self._operations: dict[str, OperationRules] = {}
        for path, item in spec.get("paths", {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    rules = OperationRules.build(self, path, method)
                    self._operations[rules.operation_id] = rules

    def validator(self, pointer: str) -> Validator:
        return self._validator(pointer)

    def lookup(self, pointer: str) -> Any:
        node: Any = self.spec
        for token in pointer.lstrip("/").split("/"):
            if not token:
                continue
            key = token.replace("~1", "/").replace("~0", "~")
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def resolve(self, pointer: str) -> tuple[str, Any]:
        """Follows local `$ref`s from `pointer`; returns the final pointer and node."""
        node = self.lookup(pointer)
        for _ in range(32):
            if not (isinstance(node, Mapping) and "$ref" in node):
                break
            ref = str(node["$ref"])
            if not ref.startswith("#"):
                raise ValueError(f"only local references are supported: {ref}")
            pointer = ref[1:]
            node = self.lookup(pointer)
        return pointer, node

    def schema_types(self, pointer: str) -> set[str]:
        """The JSON types a schema allows, following `$ref` and `allOf`."""
        _, schema = self.resolve(pointer)
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
                types |= self.schema_types(f"{pointer}/{keyword}/{index}")
        return types

    def apply_defaults(self, pointer: str, instance: Any) -> Any:
        """Fills in the `default`s the schema declares for absent object properties."""
        pointer, schema = self.resolve(pointer)
        if not isinstance(schema, Mapping) or not isinstance(instance, dict):
            return instance
        for index in range(len(schema.get("allOf", []))):
            self.apply_defaults(f"{pointer}/allOf/{index}", instance)
        for name in schema.get("properties", {}):
            prop_pointer = f"{pointer}/properties/{_escape(name)}"
            if name in instance:
                self.apply_defaults(prop_pointer, instance[name])
                continue
            found, value = self._default_of(prop_pointer)
            if found:
                instance[name] = value
        return instance

    def _default_of(self, pointer: str) -> tuple[bool, Any]:
        node = self.lookup(pointer)
        if isinstance(node, Mapping) and "default" in node:
            return True, node["default"]
        pointer, node = self.resolve(pointer)
        if isinstance(node, Mapping):
            if "default" in node:
                return True, node["default"]
            for index in range(len(node.get("allOf", []))):
                found, value = self._default_of(f"{pointer}/allOf/{index}")
                if found:
                    return found, value
        return False, None

    def operation(self, operation_id: str) -> OperationRules:
        return self._operations[operation_id]

    def operations(self) -> Iterator[OperationRules]:
        return iter(self._operations.values())

    def security_scheme(self, name: str) -> Mapping[str, Any]:
        scheme: Mapping[str, Any] = self.spec["components"]["securitySchemes"][name]
        return scheme


@dataclass(frozen=True)
class ParameterRule:
    name: str
    location: str
    required: bool
    schema_pointer: str


@dataclass(frozen=True)
class BodyRule:
    required: bool
    media_types: Mapping[str, str]  # media type -> schema pointer


@dataclass
class OperationRules:
    """What the document says about one operation's requests."""

    document: SpecDocument
    operation_id: str
    method: str
    path: str
    parameters: list[ParameterRule]
    body: BodyRule | None
    security: list[str]
    pointer: str = field(repr=False)

    @classmethod
    def build(cls, document: SpecDocument, path: str, method: str) -> OperationRules:
        path_pointer = f"/paths/{_escape(path)}"
        op_pointer = f"{path_pointer}/{method}"
        definition = document.lookup(op_pointer)
        parameters: dict[tuple[str, str], ParameterRule] = {}
        for base in (path_pointer, op_pointer):
            for index in range(len(document.lookup(base).get("parameters", []))):
                param_pointer, param = document.resolve(f"{base}/parameters/{index}")
                rule = ParameterRule(
                    name=param["name"],
                    location=param["in"],
                    required=bool(param.get("required", False)),
                    schema_pointer=f"{param_pointer}/schema",
                )
                parameters[(rule.location, rule.name)] = rule
        body: BodyRule | None = None
        if "requestBody" in definition:
            body_pointer, request_body = document.resolve(f"{op_pointer}/requestBody")
            body = BodyRule(
                required=bool(request_body.get("required", False)),
                media_types={
                    media: f"{body_pointer}/content/{_escape(media)}/schema"
                    for media in request_body.get("content", {})
                },
            )
        requirements = definition.get("security", document.spec.get("security", []))
        security = [name for requirement in requirements for name in requirement]
        return cls(
            document=document,
            operation_id=definition["operationId"],
            method=method,
            path=path,
            parameters=list(parameters.values()),
            body=body,
            security=security,
            pointer=op_pointer,
        )

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
                found, default = self.document._default_of(rule.schema_pointer)
                if found:
                    values[rule.name] = default
                continue
            value = _coerce(source[rule.name], self.document.schema_types(rule.schema_pointer))
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
        pointer = self.body.media_types[media]
        if media == "application/x-www-form-urlencoded":
            instance: Any = _parse_form(raw, self.document, pointer)
        else:
            instance = _parse_json(raw)
        _validate(self.document.validator(pointer), instance, "request body")
        return self.document.apply_defaults(pointer, instance)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        problem = str(exc)[:_MAX_PROBLEM] if not isinstance(exc, RecursionError) else "too deep"
        raise MalformedBody(f"Malformed JSON body: {problem}") from None


def _parse_form(raw: bytes, document: SpecDocument, pointer: str) -> dict[str, Any]:
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedBody(f"Malformed form body: {str(exc)[:_MAX_PROBLEM]}") from None
    pointer, schema = document.resolve(pointer)
    properties = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
    form: dict[str, Any] = {}
    for key, value in pairs:
        if key in properties:
            types = document.schema_types(f"{pointer}/properties/{_escape(key)}")
            form[key] = _coerce(value, types)
        else:
            form[key] = value
    return form


# Any integer JSON can carry (Python refuses int() of more than 4300 digits).
_INTEGER = re.compile(r"^-?[0-9]{1,4000}$")
_NUMBER = re.compile(r"^-?[0-9]{1,18}(\.[0-9]{1,18})?([eE][-+]?[0-9]{1,3})?$")


def _coerce(value: str, types: set[str]) -> Any:
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

    def __init__(self, document: SpecDocument) -> None:
        self.document = document

    def check(
        self, operation_id: str, status: int, headers: Mapping[str, str], body: bytes
    ) -> list[str]:
        """Problems with the response (an empty list when it conforms)."""
        rules = self.document.operation(operation_id)
        responses = self.document.lookup(rules.pointer).get("responses", {})
        label = f"{rules.method.upper()} {rules.path} -> {status}"
        key = next(
            (k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None
        )
        if key is None:
            return [f"{label}: status not documented"]
        pointer, response = self.document.resolve(f"{rules.pointer}/responses/{key}")
        problems: list[str] = []
        lowered = {k.lower(): v for k, v in headers.items()}
        for name in response.get("headers", {}):
            header_pointer, header = self.document.resolve(f"{pointer}/headers/{_escape(name)}")
            if name.lower() not in lowered:
                if header.get("required"):
                    problems.append(f"{label}: required header {name} missing")
                continue
            schema_pointer = f"{header_pointer}/schema"
            value = _coerce(lowered[name.lower()], self.document.schema_types(schema_pointer))
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
            validator = self.document.validator(f"{pointer}/content/{_escape(media)}/schema")
            for error in validator.iter_errors(instance):
                where = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"{label}: body/{where}: {error.message[:_MAX_PROBLEM]}")
        elif media == "application/pdf" and not body.startswith(b"%PDF-"):
            problems.append(f"{label}: body is not a PDF")
        return problems


@cache
def didit_document() -> SpecDocument:
    """openapi.yaml, with the validators of `didit_spec.validator_for`."""
    return SpecDocument(load_spec(), validator_for)


@cache
def _control_spec() -> Mapping[str, Any]:
    text = resources.files(__package__).joinpath("control-openapi.yaml").read_text("utf-8")
    return cast(Mapping[str, Any], yaml.safe_load(text))


@cache
def _control_registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(
        dict(_control_spec()), default_specification=DRAFT202012
    )
    registry: Registry[Any] = Registry().with_resource(CONTROL_SPEC_URI, resource)
    return registry


@cache
def _control_validator(pointer: str) -> Validator:
    validator_class = jsonschema.Draft202012Validator
    return validator_class(
        {"$ref": f"{CONTROL_SPEC_URI}#{pointer}"},
        registry=_control_registry(),
        format_checker=validator_class.FORMAT_CHECKER,
    )


@cache
def control_document() -> SpecDocument:
    """The emulator's control-openapi.yaml."""
    return SpecDocument(_control_spec(), _control_validator)
