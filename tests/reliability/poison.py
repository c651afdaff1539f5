"""Poisoned requests for every operation, derived from the two OpenAPI documents.

For each operation that takes a JSON body, the bodies start from the spec's own request examples
(an empty object when it has none) and each carries one poison the door must refuse before
anything is stored: a lone UTF-16 surrogate in one string or one object key (every one of the
example's, one at a time, plus a new key), a number beyond a finite double, a NaN / Infinity
literal, or nesting far deeper than any payload. Credentials, path parameters and the session a
path names come from the live emulator, so each request would otherwise reach its handler.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import OperationRules, control_document, didit_document, rules_for
from didit_spec import Credential, OpenAPIDocument, escape

__all__ = [
    "JSON_BODY_OPERATIONS",
    "Poisoned",
    "all_operation_rules",
    "examples_of",
    "headers_for",
    "path_for",
    "poisoned_bodies",
]

SURROGATE = "\ud800"
# JSON texts (not Python values: the parser must meet them) that must never be stored.
NUMBER_POISONS = {
    "1e400": "1e400",
    "-1e400": "-1e400",
    "400-digit integer": "9" * 400,
    "NaN literal": "NaN",
    "Infinity literal": "Infinity",
    "-Infinity literal": "-Infinity",
}
DEEP = 600  # within what json.loads accepts, far beyond what a schema validator survives


def all_operation_rules() -> list[tuple[OpenAPIDocument, OperationRules]]:
    """Every operation of openapi.yaml and control-openapi.yaml, with its compiled rules."""
    return [
        (document, rules)
        for document in (didit_document(), control_document())
        for rules in rules_for(document).values()
    ]


JSON_BODY_OPERATIONS = [
    (document, rules)
    for document, rules in all_operation_rules()
    if rules.body is not None and "application/json" in rules.body.media_types
]


def examples_of(document: OpenAPIDocument, rules: OperationRules) -> list[Any]:
    """The request examples the spec gives for the operation's JSON body (`{}` without any)."""
    assert rules.body is not None
    location = rules.body.media_types["application/json"].removesuffix("/schema")
    media = document.at(location)
    found: list[Any] = []
    if "example" in media:
        found.append(media["example"])
    for name in media.get("examples", {}):
        _, example = document.resolve(f"{location}/examples/{escape(name)}")
        if "value" in example:
            found.append(example["value"])
    return found or [{}]


@dataclass(frozen=True)
class Poisoned:
    """One poisoned request body: what it carries (for test ids and messages), and its bytes."""

    label: str
    content: bytes


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


def _renamed(value: Any, path: tuple[Any, ...], key: str, new_key: str) -> Any:
    if not path:
        return {(new_key if k == key else k): v for k, v in value.items()}
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _renamed(value[path[0]], path[1:], key, new_key)
    return copy


def _with_raw_member(example: Any, path: tuple[Any, ...], raw: str) -> bytes:
    """`example` as JSON with a member `"poison": <raw>` added to the object at `path`."""
    marker = "__poison_marker__"
    target = example
    for step in path:
        target = target[step]
    assert isinstance(target, dict)
    text = json.dumps(_replaced(example, path, {**target, "poison": marker}))
    return text.replace(json.dumps(marker), raw, 1).encode()


def poisoned_bodies(example: Any) -> Iterator[Poisoned]:
    """Every poisoned variant of one example body."""
    objects = [path for path, value in _paths(example) if isinstance(value, dict)]
    for path, value in _paths(example):
        where = ".".join(map(str, path)) or "body"
        if isinstance(value, str):
            new = _replaced(example, path, value + SURROGATE)
            yield Poisoned(f"surrogate in {where}", json.dumps(new).encode())
        if isinstance(value, dict):
            for key in value:
                new = _renamed(example, path, key, key + SURROGATE)
                yield Poisoned(f"surrogate in key {where}.{key}", json.dumps(new).encode())
    for path in objects:
        where = ".".join(map(str, path)) or "body"
        new_key = json.dumps(_replaced(example, path, {**_at(example, path), SURROGATE: "x"}))
        yield Poisoned(f"surrogate key added in {where}", new_key.encode())
        for name, raw in NUMBER_POISONS.items():
            yield Poisoned(f"{name} in {where}", _with_raw_member(example, path, raw))
        deep = "[" * DEEP + "]" * DEEP
        yield Poisoned(f"{DEEP} levels deep in {where}", _with_raw_member(example, path, deep))


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def path_for(emulator: RunningEmulator, rules: OperationRules, session_id: str) -> str:
    """The operation's path with its path parameters filled: a session id with the live
    session's, any other uuid parameter with a fresh uuid."""
    path = rules.operation.path
    for parameter in rules.parameters:
        if parameter.location != "path":
            continue
        value = session_id if parameter.name == "sessionId" else str(uuid.uuid4())
        path = path.replace(f"{{{parameter.name}}}", value)
    return path


def headers_for(
    emulator: RunningEmulator, rules: OperationRules, session_token: str, access_token: str
) -> dict[str, str]:
    """Credentials for every scheme the operation accepts, each the one its `x-credential` names
    (one `Authorization` header at most: the first scheme that uses it gets it)."""
    app = emulator.application("Acme")
    credentials: dict[str, Credential] = {
        "api_key": app.api_key,
        "session_token": session_token,
        "client_token": access_token,
        "client_credentials": (app.client_id, app.client_secret),
    }
    headers: dict[str, str] = {}
    for scheme in rules.operation.security:
        if scheme.header not in headers:
            headers.update(scheme.header_for(credentials[scheme.credential]))
    return headers
