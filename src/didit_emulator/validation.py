"""Request (and, for tests, response) validation straight from an OpenAPI document.

Nothing here knows a Didit schema: the parameters, request bodies, defaults, security schemes and
responses of each operation are read from the document (openapi.yaml, through `didit_spec`, or the
emulator's own control-openapi.yaml), and every check is a JSON-Schema validator for a pointer into
it. Both documents are loaded once per process.

This is also the door every request body and parameter passes, so it refuses, before any schema
check and before anything is stored, what JSON Schema cannot see but would poison the emulator's
state or its later responses: a lone UTF-16 surrogate in any string or object key (it cannot be
encoded as UTF-8, so every response that echoed it would fail), a number beyond a finite double
(`1e400` parses to infinity; NaN and Infinity are not JSON at all), nesting deeper than
`MAX_JSON_DEPTH`, a value larger serialised than its schema's `x-max-serialized-bytes`, and a body
whose Content-Type is not a media type the operation takes, or names a charset other than UTF-8.
"""

from __future__ import annotations

import copy
import functools
import json
import math
import re
import sys
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl

import yaml
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator

from didit_spec import OpenAPIDocument, Operation, SecurityScheme, didit_document, escape

from .exceptions import MalformedBody, UnsupportedContentType, ValidationFailed

__all__ = [
    "MAX_JSON_DEPTH",
    "SERIALIZED_SIZE_EXTENSION",
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
# Objects and arrays nested deeper than this are refused at the door. Far beyond any payload the
# spec describes (`metadata` is the only free-form value), and far below the depth at which the
# schema validator, `copy.deepcopy` or the JSON encoder would exhaust Python's recursion limit.
MAX_JSON_DEPTH = 32
# A schema's bound on the size of its value serialised as compact UTF-8 JSON (in bytes), for what
# JSON Schema cannot bound itself (the whole of a free-form object such as `metadata`).
SERIALIZED_SIZE_EXTENSION = "x-max-serialized-bytes"


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


@dataclass(frozen=True)
class _MembersPlan:
    """What `declared_members` needs of one schema, looked up once: its `allOf` parts'
    locations; for each property its name, location and `default` (`default_of`); and the names
    the schema declares, or None when it keeps members it does not name."""

    parts: tuple[str, ...]
    properties: tuple[tuple[str, str, bool, Any], ...]
    declared: frozenset[str] | None


_NO_PLAN = _MembersPlan((), (), None)
# Keywords by which a schema says what undeclared members are, or lets another schema say it: a
# schema with any of them keeps every member.
_KEEPS_UNDECLARED = frozenset(
    {"additionalProperties", "patternProperties", "unevaluatedProperties", "anyOf", "oneOf"}
    | {"not", "if", "$dynamicRef", "dependentSchemas"}
)
# Keywords that say something about an object's members (a schema beside a `$ref` with any of
# them keeps every member: see `_members_plan`).
_SHAPES_OBJECTS = _KEEPS_UNDECLARED | {"properties", "allOf", "required"}
# Plans by document and schema location, made on first use (a schema may refer to itself, so a
# plan names its sub-schemas' locations rather than holding their plans).
_members_plans: weakref.WeakKeyDictionary[OpenAPIDocument, dict[str, _MembersPlan]] = (
    weakref.WeakKeyDictionary()
)


def _members_plan(
    document: OpenAPIDocument, location: str, visiting: frozenset[str] = frozenset()
) -> _MembersPlan:
    """The plan of the schema at `location`, made once; `visiting` holds the schemas whose plans
    are being made further up (a schema whose `allOf` comes back to itself keeps all members).
    Only finished plans are kept, so another thread never sees one half made."""
    plans = _members_plans.get(document)
    if plans is None:
        plans = _members_plans.setdefault(document, {})
    plan = plans.get(location)
    if plan is not None:
        return plan
    if location in visiting:
        return _NO_PLAN
    written = document.at(location)
    resolved, schema = document.resolve(location)
    if not isinstance(schema, Mapping):
        plan = _NO_PLAN
    else:
        properties = []
        for name in schema.get("properties", {}):
            prop = f"{resolved}/properties/{escape(name)}"
            properties.append((name, prop, *default_of(document, prop)))
        parts = tuple(f"{resolved}/allOf/{i}" for i in range(len(schema.get("allOf", []))))
        declared = _declared(document, schema, parts, visiting | {location})
        if isinstance(written, Mapping) and "$ref" in written and set(written) & _SHAPES_OBJECTS:
            # Keywords beside a `$ref` apply too (3.1), and `resolve` follows the `$ref` only.
            declared = None
        plan = _MembersPlan(parts, tuple(properties), declared)
    plans[location] = plan
    return plan


def _declared(
    document: OpenAPIDocument,
    schema: Mapping[str, Any],
    parts: tuple[str, ...],
    visiting: frozenset[str],
) -> frozenset[str] | None:
    """The member names an object schema declares (its own `properties` and its `allOf`
    parts'); None when it says what other members are (`additionalProperties`...), when a part
    keeps them, or when it names no member at all (it says nothing about objects)."""
    if not _KEEPS_UNDECLARED.isdisjoint(schema) or not ("properties" in schema or parts):
        return None
    names = set(schema.get("properties", {}))
    for part in parts:
        declared = _members_plan(document, part, visiting).declared
        if declared is None:
            return None
        names |= declared
    return frozenset(names)


def declared_members(document: OpenAPIDocument, location: str, instance: Any) -> Any:
    """A validated instance as the emulator's handlers read it: in every object whose schema
    declares its members without saying what others are (OpenAPI's open object, which the live
    service reads as "other members are ignored"), the members it does not declare dropped, and
    the `default`s it declares filled in for absent ones (each a value of its own, never shared
    with the spec or another request).

    So a handler never acts on a member its operation does not take: `POST /v2/session/` shares
    the v3 create's handler, and a `sandbox_scenario` sent to it is ignored, not read unchecked.
    Objects that say what their other members are (`metadata`, `additionalProperties: true`)
    keep them.
    """
    return _with_declared_members(document, location, instance, drop=True)


def _with_declared_members(
    document: OpenAPIDocument,
    location: str,
    instance: Any,
    *,
    drop: bool,
    parts_applied: frozenset[str] = frozenset(),
) -> Any:
    if not isinstance(instance, dict):
        return instance
    plan = _members_plan(document, location)
    # An `allOf` part declares only some of the members: it fills its defaults, and the whole
    # schema (`plan.declared`, which has the parts' names) decides what is dropped. A part is
    # applied once to an instance (an `allOf` may come back to its own schema).
    applied = parts_applied | set(plan.parts)
    for part in plan.parts:
        if part not in parts_applied:
            _with_declared_members(document, part, instance, drop=False, parts_applied=applied)
    if drop and plan.declared is not None:
        for name in [name for name in instance if name not in plan.declared]:
            del instance[name]
    for name, prop, found, value in plan.properties:
        if name in instance:
            _with_declared_members(document, prop, instance[name], drop=True)
        elif found:
            instance[name] = _fresh(value)
    return instance


# Keywords a `scalar_check` understands; a schema with any other is left to jsonschema alone.
_SCALAR_KEYWORDS = frozenset(
    {"type", "minimum", "maximum", "enum", "default", "description", "title", "example", "examples"}
)
_SCALAR_TYPES: Mapping[str, Callable[[Any], bool]] = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
}


def scalar_check(schema: Any) -> Callable[[Any], bool] | None:
    """A fast check for a parameter schema that is one scalar `type` with bounds or an `enum`
    (most query parameters), compiled once from the schema; None for any other schema. It may
    only accept what the schema accepts: a value it refuses goes to jsonschema, which judges it
    and words the error."""
    if not isinstance(schema, Mapping) or not set(schema) <= _SCALAR_KEYWORDS:
        return None
    is_type = _SCALAR_TYPES.get(str(schema.get("type")))
    if is_type is None:
        return None
    low, high = schema.get("minimum"), schema.get("maximum")
    members = frozenset(schema["enum"]) if isinstance(schema.get("enum"), list) else None

    def accepts(value: Any) -> bool:
        return (
            is_type(value)
            and (low is None or value >= low)
            and (high is None or value <= high)
            and (members is None or value in members)
        )

    return accepts


_IMMUTABLE = (str, int, float, bool, type(None))


def _fresh(default: Any) -> Any:
    """A default as a caller may keep and change: itself when immutable, else a deep copy."""
    return default if isinstance(default, _IMMUTABLE) else copy.deepcopy(default)


@dataclass(frozen=True)
class ParameterRule:
    name: str
    location: str
    required: bool
    schema_pointer: str
    types: frozenset[str]
    is_uuid: bool = False  # the schema is exactly a uuid string: checked without jsonschema
    # The schema's `default` (`default_of`), looked up once: filled in when the parameter is absent.
    has_default: bool = False
    default: Any = None
    # For a scalar schema: a check compiled from it that accepts only what jsonschema accepts
    # (`scalar_check`); jsonschema still judges, and words the error, whatever it refuses.
    accepts: Callable[[Any], bool] | None = None


_UUID_SCHEMA = {"type": "string", "format": "uuid"}
# What jsonschema's `uuid` format accepts: the hyphenated form, any case.
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class SizeBound:
    """`x-max-serialized-bytes` of the schema of the body member at `path`."""

    path: tuple[str, ...]
    max_bytes: int


@dataclass(frozen=True)
class BodyRule:
    required: bool
    media_types: Mapping[str, str]  # media type -> schema pointer
    size_bounds: Mapping[str, tuple[SizeBound, ...]] = field(default_factory=dict)  # by media


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

    @property
    def api_key_failure_status(self) -> int:
        """The status of a missing or invalid API key here (the spec's
        `x-api-key-failure-status`, on the operation or the document; 401 without one)."""
        default = self.document.contents.get("x-api-key-failure-status", 401)
        return int(self.operation.definition.get("x-api-key-failure-status", default))

    @classmethod
    def build(cls, document: OpenAPIDocument, operation: Operation) -> OperationRules:
        parameters = [
            ParameterRule(
                name=param["name"],
                location=param["in"],
                required=bool(param.get("required", False)),
                schema_pointer=f"{location}/schema",
                types=frozenset(schema_types(document, f"{location}/schema")),
                is_uuid=document.resolve(f"{location}/schema")[1] == _UUID_SCHEMA,
                has_default=default[0],
                default=default[1],
                accepts=scalar_check(document.resolve(f"{location}/schema")[1]),
            )
            for location, param in document.parameters(operation).values()
            for default in [default_of(document, f"{location}/schema")]
        ]
        body: BodyRule | None = None
        if "requestBody" in operation.definition:
            body_pointer, request_body = document.resolve(f"{operation.pointer}/requestBody")
            media_types = {
                media: f"{body_pointer}/content/{escape(media)}/schema"
                for media in request_body.get("content", {})
            }
            body = BodyRule(
                required=bool(request_body.get("required", False)),
                media_types=media_types,
                size_bounds={
                    media: tuple(size_bounds(document, location))
                    for media, location in media_types.items()
                },
            )
        return cls(document, operation, parameters, body)

    @functools.cached_property
    def _defaults_only(self) -> dict[str, Any] | None:
        """What `parse_parameters` gives a request with no parameters at all, when the operation
        requires none: the defaults (the list with no query, say); None otherwise."""
        if any(rule.required for rule in self.parameters):
            return None
        return {
            rule.name: rule.default
            for rule in self.parameters
            if rule.has_default and rule.location in ("path", "query")
        }

    def parse_parameters(
        self, path_params: Mapping[str, str], query: Iterable[tuple[str, str]]
    ) -> dict[str, Any]:
        """The operation's path and query parameters, coerced to their schema types, validated,
        with defaults filled in."""
        query_values = dict(query)
        if not query_values and not path_params and (defaults := self._defaults_only) is not None:
            return {name: _fresh(value) for name, value in defaults.items()}
        values: dict[str, Any] = {}
        for rule in self.parameters:
            source: Mapping[str, str] = path_params if rule.location == "path" else query_values
            if rule.location not in ("path", "query"):
                continue
            if rule.name not in source:
                if rule.required:
                    raise ValidationFailed(f"{rule.name}: is required ({rule.location} parameter)")
                if rule.has_default:
                    values[rule.name] = _fresh(rule.default)
                continue
            raw = source[rule.name]
            if rule.is_uuid and _UUID.match(raw):
                values[rule.name] = raw  # the hot path (a session id), valid as is
                continue
            value = _coerce(raw, rule.types)
            check_json_values(value, rule.name)
            if rule.accepts is None or not rule.accepts(value):
                _validate(self.document.validator(rule.schema_pointer), value, rule.name)
            values[rule.name] = value
        return values

    def parse_body(self, content_type: str | None, raw: bytes) -> Any:
        """The request body, parsed per its media type, validated, as handlers read it
        (`declared_members`); None when the operation takes no body or an optional one is
        absent."""
        if self.body is None:
            return None
        if not raw.strip():
            if self.body.required:
                raise ValidationFailed("request body: is required")
            return None
        media = self.media_type_of(content_type)
        location = self.body.media_types[media]
        if media == "application/x-www-form-urlencoded":
            instance: Any = _parse_form(raw, self.document, location)
        else:
            instance = _parse_json(raw)
        check_json_values(instance, "request body")
        for bound in self.body.size_bounds.get(media, ()):
            bound_check(bound, instance)
        _validate(self.document.validator(location), instance, "request body")
        return declared_members(self.document, location, instance)

    def media_type_of(self, content_type: str | None) -> str:
        """The body's media type: the request's Content-Type when it is one the operation takes
        (in UTF-8, the only charset a JSON or form body is read in), the operation's first media
        type when the request has no Content-Type; `UnsupportedContentType` otherwise."""
        assert self.body is not None
        supported = ", ".join(self.body.media_types)
        if content_type is None:
            return next(iter(self.body.media_types))
        parsed = parse_content_type(content_type)
        if parsed is None:
            raise UnsupportedContentType(
                f"Content-Type: {_short(content_type)} is not a media type; send {supported}"
            )
        media, parameters = parsed
        if media not in self.body.media_types:
            raise UnsupportedContentType(
                f"Content-Type: {media!r} is not supported; send {supported}"
            )
        charset = parameters.get("charset")
        if charset is not None and charset.lower() not in _UTF8_NAMES:
            raise UnsupportedContentType(
                f"Content-Type: charset {_short(charset)} is not supported; send UTF-8"
            )
        return media


@cache
def rules_for(document: OpenAPIDocument) -> Mapping[str, OperationRules]:
    """Every operation's compiled rules, by operationId."""
    return {op.operation_id: OperationRules.build(document, op) for op in document.operations}


def size_bounds(
    document: OpenAPIDocument, location: str, path: tuple[str, ...] = ()
) -> list[SizeBound]:
    """Every `x-max-serialized-bytes` in the schema at `location` and its object members
    (through `$ref`, `allOf`, `anyOf` and `oneOf`), with the path of the member it bounds."""
    if len(path) > MAX_JSON_DEPTH:
        return []
    found: list[SizeBound] = []
    written = document.at(location)
    location, schema = document.resolve(location)
    for node in (written, schema):
        if isinstance(node, Mapping) and SERIALIZED_SIZE_EXTENSION in node:
            bound = SizeBound(path, int(node[SERIALIZED_SIZE_EXTENSION]))
            if bound not in found:
                found.append(bound)
    if not isinstance(schema, Mapping):
        return found
    for keyword in ("allOf", "anyOf", "oneOf"):
        for index in range(len(schema.get(keyword, []))):
            found += size_bounds(document, f"{location}/{keyword}/{index}", path)
    for name in schema.get("properties", {}):
        found += size_bounds(document, f"{location}/properties/{escape(name)}", (*path, name))
    return found


def bound_check(bound: SizeBound, instance: Any) -> None:
    """Refuses the member `bound.path` of `instance` if it serialises to more than its bound."""
    value = instance
    for name in bound.path:
        if not isinstance(value, dict) or name not in value:
            return
        value = value[name]
    size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if size > bound.max_bytes:
        where = ".".join(bound.path) or "request body"
        raise ValidationFailed(
            f"{where}: is {size} bytes as JSON, more than the {bound.max_bytes} allowed"
        )


# A media type and its parameters (RFC 9110, section 8.3.1): token "/" token *( ";" name=value ).
_TCHARS = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_MEDIA_TYPE = re.compile(rf"\s*({_TCHARS})/({_TCHARS})\s*")
_PARAMETER = re.compile(rf'\s*({_TCHARS})=({_TCHARS}|"(?:[^"\\]|\\.)*")\s*')
_UTF8_NAMES = frozenset({"utf-8", "utf8"})


def parse_content_type(value: str) -> tuple[str, dict[str, str]] | None:
    """`(media type, parameters)` of a Content-Type header, lower-cased; None when it is not one
    (empty, `;;;`, a bare word, a parameter without a value)."""
    head, *rest = value.split(";")
    match = _MEDIA_TYPE.fullmatch(head)
    if match is None:
        return None
    parameters: dict[str, str] = {}
    for part in rest:
        if not part.strip():  # `application/json;`: a separator with nothing after it
            continue
        parameter = _PARAMETER.fullmatch(part)
        if parameter is None:
            return None
        name, raw = parameter.groups()
        parameters[name.lower()] = raw[1:-1] if raw.startswith('"') else raw
    return f"{match[1]}/{match[2]}".lower(), parameters


# --- JSON values the schema cannot refuse ----------------------------------------------------


# The largest magnitude a JSON number may have here: the largest finite double. Beyond it, `1e400`
# parses to infinity (and so would a 400-digit integer in most JSON parsers).
_MAX_MAGNITUDE = sys.float_info.max


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        problem = str(exc)[:_MAX_PROBLEM] if not isinstance(exc, RecursionError) else "too deep"
        raise MalformedBody(f"Malformed JSON body: {problem}") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def _member_name(where: str, path: tuple[str | int, ...]) -> str:
    """`where.a.0.b` for a member path, printable whatever its keys hold, and short."""
    if not path:
        return where
    parts = [str(p).encode("utf-8", "backslashreplace").decode("utf-8") for p in path]
    parts = [p if len(p) <= 40 else p[:37] + "..." for p in parts]
    if len(parts) > 8:
        parts = [*parts[:4], "...", *parts[-3:]]
    name = ".".join(parts)
    return name if where == "request body" else f"{where}.{name}"


def _unsound(value: Any) -> bool:
    """Whether a scalar is one `check_json_values` refuses."""
    if type(value) is str:
        return _has_surrogate(value)
    if type(value) is float:
        return not math.isfinite(value)
    return type(value) is int and not -_MAX_MAGNITUDE <= value <= _MAX_MAGNITUDE


def _is_sound(instance: Any) -> bool:
    """The fast pass of `check_json_values`: no paths kept, scalars checked where they sit, the
    common cases (ASCII strings, small numbers) inline."""
    isfinite, surrogate, limit = math.isfinite, _SURROGATE.search, _MAX_MAGNITUDE
    stack: list[tuple[Any, int]] = [(instance, 1)]
    while stack:
        value, depth = stack.pop()
        kind = type(value)
        if kind is dict:
            items: Iterable[Any] = value.values()
            for key in value:
                if not key.isascii() and surrogate(key):
                    return False
        elif kind is list:
            items = value
        else:
            if _unsound(value):
                return False
            continue
        if depth > MAX_JSON_DEPTH:
            return False
        for item in items:
            kind = type(item)
            if kind is str:
                if not item.isascii() and surrogate(item):
                    return False
            elif kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is float:
                if not isfinite(item):
                    return False
            elif kind is int and not -limit <= item <= limit:
                return False
    return True


def check_json_values(instance: Any, where: str) -> None:
    """Refuses, naming the member, a value that could be stored but never answered with: a lone
    UTF-16 surrogate in a string or key, a number beyond a finite double, or nesting deeper than
    `MAX_JSON_DEPTH`. Iterative, so any depth the parser accepted is walked safely; a sound value
    (nearly always) costs one pass that keeps no paths, the member is found only for a refusal."""
    if _is_sound(instance):
        return
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(instance, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if _has_surrogate(value):
                raise ValidationFailed(
                    f"{_member_name(where, path)}: contains a lone UTF-16 surrogate, "
                    "which is not Unicode text"
                )
        elif isinstance(value, dict | list):
            if len(path) >= MAX_JSON_DEPTH:
                raise ValidationFailed(
                    f"{_member_name(where, path)}: nested deeper than {MAX_JSON_DEPTH} levels"
                )
            if isinstance(value, list):
                stack.extend((item, (*path, index)) for index, item in enumerate(value))
                continue
            for key, item in value.items():
                if _has_surrogate(key):
                    raise ValidationFailed(
                        f"{_member_name(where, (*path, key))}: the name contains a lone UTF-16 "
                        "surrogate, which is not Unicode text"
                    )
                stack.append((item, (*path, key)))
        elif _unsound(value):
            raise ValidationFailed(
                f"{_member_name(where, path)}: is beyond the range of a finite number"
            )
    raise AssertionError("the fast pass found a problem the named pass did not")


def _parse_form(raw: bytes, document: OpenAPIDocument, location: str) -> dict[str, Any]:
    try:
        pairs = parse_qsl(
            raw.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=True,
            errors="strict",
        )
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
                problems.append(f"{label}: header {name}: {_without_strings(error)}")
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
                problems.append(f"{label}: body/{where}: {_without_strings(error)[:_MAX_PROBLEM]}")
        elif media == "application/pdf" and not body.startswith(b"%PDF-"):
            problems.append(f"{label}: body is not a PDF")
        return problems


def _without_strings(error: ValidationError) -> str:
    """The error's message with the string it is about left out (a response's strings can be
    tokens, and problems are logged): its length stands in for it."""
    instance = error.instance
    if isinstance(instance, str):
        return error.message.replace(repr(instance), f"(a string of {len(instance)} characters)")
    return error.message


@cache
def control_document() -> OpenAPIDocument:
    """The emulator's own control-openapi.yaml."""
    text = resources.files(__package__).joinpath("control-openapi.yaml").read_text("utf-8")
    return OpenAPIDocument(yaml.safe_load(text), CONTROL_SPEC_URI)
