"""`validation.declared_members`: a validated body as the handlers read it. The `default`s a
schema declares are filled in for absent members, through `$ref`, `allOf` and nesting, each
request getting values of its own; members an open object does not declare are dropped, unless
the schema says what they are."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from didit_emulator.validation import declared_members
from didit_spec import OpenAPIDocument

DOCUMENT = OpenAPIDocument(
    {
        "openapi": "3.1.0",
        "info": {"title": "defaults", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Body": {
                    "type": "object",
                    "allOf": [{"$ref": "#/components/schemas/Paging"}],
                    "properties": {
                        "kind": {"type": "string", "default": "user"},
                        "tags": {"type": "array", "default": ["a"]},
                        "nested": {"$ref": "#/components/schemas/Nested"},
                        "plain": {"type": "string"},
                        "referred": {"$ref": "#/components/schemas/Limit"},
                        "free": {"$ref": "#/components/schemas/Free"},
                        "either": {"$ref": "#/components/schemas/Either"},
                    },
                },
                "Paging": {"properties": {"page": {"type": "integer", "default": 1}}},
                "Free": {
                    "type": "object",
                    "properties": {"known": {"type": "string"}},
                    "additionalProperties": True,
                },
                "Either": {"anyOf": [{"$ref": "#/components/schemas/Free"}, {"type": "string"}]},
                "Shell": {"type": "object", "allOf": [{"$ref": "#/components/schemas/Either"}]},
                "Anything": {},
                # An `allOf` that comes back to itself.
                "Loop": {
                    "type": "object",
                    "allOf": [{"$ref": "#/components/schemas/Loop"}],
                    "properties": {"a": {"type": "integer"}},
                },
                # Keywords beside a `$ref` apply too.
                "Beside": {
                    "$ref": "#/components/schemas/Nested",
                    "properties": {"extra": {"type": "string"}},
                },
                "Limit": {"type": "integer", "default": 50},
                "Nested": {
                    "type": "object",
                    "properties": {
                        "flag": {"type": "boolean", "default": False},
                        "child": {"$ref": "#/components/schemas/Nested"},  # recursive
                    },
                },
            }
        },
    },
    "urn:test:defaults",
)
BODY = "/components/schemas/Body"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, {"kind": "user", "tags": ["a"], "referred": 50, "page": 1}),
        (
            {"kind": "business", "page": 3},
            {"kind": "business", "tags": ["a"], "referred": 50, "page": 3},
        ),
        (
            {"nested": {"child": {"child": {}}}},
            {
                "kind": "user",
                "tags": ["a"],
                "referred": 50,
                "page": 1,
                "nested": {"flag": False, "child": {"flag": False, "child": {"flag": False}}},
            },
        ),
        ("not an object", "not an object"),
        ([{}], [{}]),
    ],
)
def test_declared_members_fills_in_absent_properties(given: Any, expected: Any) -> None:
    assert declared_members(DOCUMENT, BODY, given) == expected


def test_declared_members_gives_each_request_its_own_mutable_default() -> None:
    declared_members(DOCUMENT, BODY, {})["tags"].append("changed")
    assert declared_members(DOCUMENT, BODY, {})["tags"] == ["a"]


def test_declared_members_never_changes_the_spec_default() -> None:
    declared_members(DOCUMENT, BODY, {})["tags"].append("changed")
    tags = DOCUMENT.contents["components"]["schemas"]["Body"]["properties"]["tags"]
    assert tags["default"] == ["a"]


DEFAULTS = {"kind": "user", "tags": ["a"], "referred": 50, "page": 1}


@pytest.mark.parametrize(
    ("location", "given", "expected"),
    [
        # Top level: an `allOf` part's members are the whole schema's, others go.
        (BODY, {"page": 2, "sandbox_scenario": "x"}, {**DEFAULTS, "page": 2}),
        # Nested: dropped in a member object too (through `$ref`).
        (
            BODY,
            {"nested": {"flag": True, "extra": 1}},
            {**DEFAULTS, "nested": {"flag": True}},
        ),
        # `additionalProperties` says what other members are: kept.
        (
            BODY,
            {"free": {"known": "k", "mine": [1]}},
            {**DEFAULTS, "free": {"known": "k", "mine": [1]}},
        ),
        # `anyOf` lets its branches say it: kept.
        (BODY, {"either": {"mine": 1}}, {**DEFAULTS, "either": {"mine": 1}}),
        # An `allOf` part that keeps them makes the whole schema keep them.
        ("/components/schemas/Shell", {"mine": 1}, {"mine": 1}),
        # A schema that names no member says nothing about objects: kept.
        ("/components/schemas/Anything", {"mine": 1}, {"mine": 1}),
        # A part that is the schema itself keeps them (and the plan is made).
        ("/components/schemas/Loop", {"a": 1, "mine": 1}, {"a": 1, "mine": 1}),
        # Members declared beside a `$ref` are not dropped.
        ("/components/schemas/Beside", {"extra": "x"}, {"extra": "x", "flag": False}),
    ],
)
def test_declared_members_drops_what_an_open_object_does_not_declare(
    location: str, given: Any, expected: Any
) -> None:
    assert declared_members(DOCUMENT, location, given) == expected


def test_declared_members_never_uses_a_plan_another_thread_is_still_making(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Thread "first" stops in the middle of making the plan; a request in this thread meanwhile
    # gets the whole rule (defaults filled in, undeclared members dropped), not a half-made plan.
    document = OpenAPIDocument(DOCUMENT.contents, "urn:test:defaults-race")
    resolve = document.resolve
    inside, go_on = threading.Event(), threading.Event()

    def resolve_stopping_in_first(location: str) -> tuple[str, Any]:
        if threading.current_thread().name == "first" and not inside.is_set():
            inside.set()
            go_on.wait(10)
        return resolve(location)

    monkeypatch.setattr(document, "resolve", resolve_stopping_in_first)
    results: dict[str, Any] = {}
    first = threading.Thread(
        name="first",
        target=lambda: results.setdefault("first", declared_members(document, BODY, {"x": 1})),
    )
    first.start()
    assert inside.wait(10)
    try:
        assert declared_members(document, BODY, {"x": 1}) == DEFAULTS
    finally:
        go_on.set()
        first.join()
    assert results["first"] == DEFAULTS
