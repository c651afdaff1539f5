"""Hypothesis strategies for values of openapi.yaml's schemas, and the client's body models.

Values are drawn by schemathesis' JSON Schema generator, the same engine the conformance layer
uses (hypothesis-jsonschema 0.23 no longer works with current Hypothesis). `json_strategy` is
the one place that reaches into schemathesis' generation module.
"""

from __future__ import annotations

import importlib
import typing
from typing import Any

from didit_client.types import Unset
from hypothesis.strategies import SearchStrategy

from didit_spec import Operation, inline_refs

__all__ = ["body_model_for", "json_strategy", "sync_detailed_for"]


def json_strategy(schema: dict[str, Any]) -> SearchStrategy[Any]:
    """Values valid against `schema` (local `$ref`s are inlined first)."""
    import jsonschema_rs
    from schemathesis.config import GenerationConfig
    from schemathesis.generation.jsonschema.builder import build
    from schemathesis.generation.jsonschema.context import Alphabet
    from schemathesis.generation.modes import GenerationMode
    from schemathesis.specs.openapi._hypothesis import _build_custom_formats
    from schemathesis.specs.openapi.formats import format_lengths_for

    formats = _build_custom_formats(GenerationConfig(), GenerationMode.POSITIVE)
    return build(
        inline_refs(schema),
        draft=jsonschema_rs.Draft202012,
        formats=formats,
        format_lengths=format_lengths_for(formats),
        alphabet=Alphabet(codec="utf-8"),
        whole_floats=True,
    )


def sync_detailed_for(operation: Operation) -> Any:
    """The generated client's `sync_detailed` for an operation."""
    module = importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")
    return module.sync_detailed


def body_model_for(operation: Operation) -> Any:
    """The generated model class the client takes as this operation's request body."""
    hints = typing.get_type_hints(sync_detailed_for(operation))
    declared = hints["body"]
    candidates = typing.get_args(declared) or (declared,)
    return next(candidate for candidate in candidates if candidate is not Unset)
