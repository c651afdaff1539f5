"""Every example in openapi.yaml validates against the schema it illustrates.

Examples come from the documents (000-004); a wrong schema, or an example copied wrongly, fails
here. Validation is JSON Schema 2020-12 with format assertion (uuid, date, date-time, uri, ...).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from didit_spec import HTTP_METHODS, escape, load_spec, resolve, validator_for


def _example_value(example: dict[str, Any]) -> Any:
    return resolve(example)["value"]


def _media_examples(content: dict[str, Any], pointer: str) -> Iterator[tuple[str, str, Any]]:
    for media_type, media in content.items():
        media_pointer = f"{pointer}/content/{escape(media_type)}"
        if "example" in media:
            yield f"{media_pointer}/example", f"{media_pointer}/schema", media["example"]
        for name, example in media.get("examples", {}).items():
            yield (
                f"{media_pointer}/examples/{name}",
                f"{media_pointer}/schema",
                _example_value(example),
            )


def _operation_examples(pointer: str, operation: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    for index, parameter in enumerate(operation.get("parameters", [])):
        if "example" in parameter:
            yield (
                f"{pointer}/parameters/{index}",
                f"{pointer}/parameters/{index}/schema",
                parameter["example"],
            )
    if "requestBody" in operation:
        yield from _media_examples(operation["requestBody"]["content"], f"{pointer}/requestBody")
    for status, response in operation.get("responses", {}).items():
        if "content" in response:
            yield from _media_examples(response["content"], f"{pointer}/responses/{status}")


def _all_examples() -> list[tuple[str, str, Any]]:
    spec = load_spec()
    found: list[tuple[str, str, Any]] = []
    for section in ("paths", "webhooks"):
        for path, item in spec.get(section, {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    pointer = f"/{section}/{escape(path)}/{method}"
                    found.extend(_operation_examples(pointer, item[method]))
    for name, parameter in spec["components"]["parameters"].items():
        if "example" in parameter:
            pointer = f"/components/parameters/{name}"
            found.append((pointer, f"{pointer}/schema", parameter["example"]))
    return found


EXAMPLES = _all_examples()


def test_spec_has_the_documents_examples() -> None:
    # 000: 2, 001: 4, 002: 3, 003: 4, 004: 14, plus the token, webhook and SessionId examples.
    assert len(EXAMPLES) >= 27


@pytest.mark.parametrize(
    ("example_pointer", "schema_pointer", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_example_validates_against_its_schema(
    example_pointer: str, schema_pointer: str, value: Any
) -> None:
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator_for(schema_pointer).iter_errors(value)
    ]
    assert not errors, f"{example_pointer} does not validate: {errors}"


def _seeds_dir() -> Path:
    configured = os.environ.get("DIDIT_SEEDS_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_decision_v2_example_is_documents_000_with_only_the_trailing_comma_fixed() -> None:
    seed = _seeds_dir() / "000_3de7624ab9a6cd68.txt"
    if not seed.exists():
        pytest.skip(f"source document not found at {seed} (set DIDIT_SEEDS_DIR)")
    text = seed.read_text(encoding="utf-8")
    start = text.index('"{\\n')
    end = text.index('}"', start) + 2
    captured: str = json.loads(text[start:end])
    fixed = captured.replace('"FACE_MATCH",\n  ]', '"FACE_MATCH"\n  ]')
    assert fixed != captured, "the trailing comma of 000 is no longer where it was"
    example = load_spec()["components"]["examples"]["DecisionV2From000"]["value"]
    assert example == json.loads(fixed)
