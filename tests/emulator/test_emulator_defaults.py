"""`validation.apply_defaults`: the `default`s a body schema declares are filled in for absent
properties, through `$ref`, `allOf` and nesting, each request getting values of its own."""

from __future__ import annotations

from typing import Any

import pytest

from didit_emulator.validation import apply_defaults
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
                    },
                },
                "Paging": {"properties": {"page": {"type": "integer", "default": 1}}},
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
def test_apply_defaults_fills_in_absent_properties(given: Any, expected: Any) -> None:
    assert apply_defaults(DOCUMENT, BODY, given) == expected


def test_apply_defaults_gives_each_request_its_own_mutable_default() -> None:
    apply_defaults(DOCUMENT, BODY, {})["tags"].append("changed")
    assert apply_defaults(DOCUMENT, BODY, {})["tags"] == ["a"]


def test_apply_defaults_never_changes_the_spec_default() -> None:
    apply_defaults(DOCUMENT, BODY, {})["tags"].append("changed")
    tags = DOCUMENT.contents["components"]["schemas"]["Body"]["properties"]["tags"]
    assert tags["default"] == ["a"]
