"""The spec's validators check every JSON Schema `format` openapi.yaml uses, or refuse to exist.

jsonschema checks `uri` and `date-time` only when rfc3986-validator and rfc3339-validator are
installed, and otherwise passes any string; the emulator would then accept `callback: ""`.
`didit_spec` refuses to build a validator that would quietly check less.
"""

from __future__ import annotations

import jsonschema
import pytest

import didit_spec
from didit_spec import OpenAPIDocument, didit_document


def test_validator_checks_the_uri_format_of_a_callback() -> None:
    validator = didit_document().validator("/components/schemas/CreateSessionRequest")
    assert not validator.is_valid(
        {"workflow_id": "2b6c0a44-6f5b-4c1e-9a7d-0c2b1f3e4d5a", "callback": ""}
    )


def test_validator_without_a_format_checker_the_spec_needs_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(didit_spec, "_FORMAT_CHECKER", jsonschema.FormatChecker(formats=["uuid"]))
    document = OpenAPIDocument(didit_document().contents, "urn:test-formats")
    with pytest.raises(RuntimeError, match=r"date-time, uri used by the spec"):
        document.validator("/components/schemas/CreateSessionRequest")
