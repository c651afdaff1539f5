"""The compiled scalar checks of query and path parameters (`validation.scalar_check`) never
accept what the parameter's schema refuses: jsonschema stays the judge of everything they turn
away, so the only way they could be wrong is by letting something through."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from didit_emulator.validation import ParameterRule, control_document, didit_document, rules_for

VALUES = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.none(),
    st.text(max_size=20),
    st.floats(allow_nan=False, allow_infinity=False),
)


def _compiled() -> list[tuple[str, ParameterRule]]:
    found = []
    for document in (didit_document(), control_document()):
        for operation_id, rules in rules_for(document).items():
            for rule in rules.parameters:
                if rule.accepts is not None:
                    found.append((f"{operation_id}.{rule.name}", rule))
    return found


def _validator(rule: ParameterRule) -> Any:
    for document in (didit_document(), control_document()):
        if rule in (r for rules in rules_for(document).values() for r in rules.parameters):
            return document.validator(rule.schema_pointer)
    raise LookupError(rule.name)


COMPILED = _compiled()


def test_scalar_check_covers_the_specs_bounded_query_parameters() -> None:
    # limit, offset, page and page_size of the list have bounds; they are the point of the check.
    names = {name for name, _ in COMPILED}
    assert {"list_sessions.limit", "list_sessions.offset", "list_sessions.page_size"} <= names


@pytest.mark.parametrize(("name", "rule"), COMPILED, ids=[name for name, _ in COMPILED])
@settings(derandomize=True, max_examples=300, deadline=None)
@given(value=VALUES)
def test_scalar_check_accepts_only_what_the_schema_accepts(
    name: str, rule: ParameterRule, value: Any
) -> None:
    validator = _validator(rule)
    if rule.accepts is not None and rule.accepts(value):
        assert validator.is_valid(value), f"{name} accepted {value!r}"
