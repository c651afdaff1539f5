"""No value of a spec enum is written out in the hand-written code under src/ and contracts/.

Statuses, session kinds, blocklist item kinds, features and feature statuses are openapi.yaml's;
code names them through the generated enums (or reads them from the spec), so a change to the spec
changes the code with it. A string that is also a property name (`"email"`, `"phone"`) is allowed
where it is used as one: a subscript, a dict key, a `.get()` / `.pop()` / `.setdefault()` key or a
keyword argument. Docstrings and comments are prose, not code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from didit_spec import enum_values

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*(ROOT / "src").rglob("*.py"), *(ROOT / "contracts").rglob("*.py")])
ENUMS = ("SessionStatus", "SessionKind", "BlocklistItemType", "Feature", "FeatureStatus")
SPEC_VALUES = {value: schema for schema in ENUMS for value in enum_values(schema)}
_KEY_METHODS = {"get", "pop", "setdefault"}


def _property_uses(tree: ast.AST) -> set[int]:
    """ids of the string constants used as a property name."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            allowed.add(id(node.slice))
        elif isinstance(node, ast.Dict):
            allowed.update(id(key) for key in node.keys if key is not None)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _KEY_METHODS
            and node.args
        ):
            allowed.add(id(node.args[0]))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            allowed.add(id(node.value))  # a docstring
    return allowed


def spec_literals(source: str) -> list[tuple[int, str, str]]:
    """(line, value, enum) for each spec enum value written as a literal in `source`."""
    tree = ast.parse(source)
    allowed = _property_uses(tree)
    return [
        (node.lineno, node.value, SPEC_VALUES[node.value])
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in SPEC_VALUES
        and id(node) not in allowed
    ]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_source_names_spec_values_through_the_enums(path: Path) -> None:
    found = spec_literals(path.read_text(encoding="utf-8"))
    assert found == [], f"{path}: spec values written out: {found}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('status = "Not Started"', [(1, "Not Started", "SessionStatus")]),
        ('if kind == "business": pass', [(1, "business", "SessionKind")]),
        ('FEATURES = ("LIVENESS", "AML")', [(1, "LIVENESS", "Feature"), (1, "AML", "Feature")]),
        ('contact.get("email")', []),
        ('body["phone"]', []),
        ('{"face": 1}', []),
        ('"""Approved sessions only."""', []),
    ],
)
def test_spec_literals_finds_values_outside_property_access(
    source: str, expected: list[tuple[int, str, str]]
) -> None:
    assert sorted(spec_literals(source)) == sorted(expected)
