"""The row links of openapi.yaml: from each row of a list answer to an operation on it.

A list's 200 answer carries them as `x-row-links` (see the spec's `info`): Link Objects that, as
a runtime expression must, name the first row (`$response.body#/results/0/session_id`) and hold
for every row of the page. They are not in `links`, so schemathesis' state machine does not
follow them. `list_links` finds them, and `ListLink.arguments` reads, from a list answer, the
linked operation's parameters for each row; the listed-resources layer
(test_listed_resources.py) reads through them what a target already holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from didit_spec import OpenAPIDocument, Operation, escape, json_pointer

__all__ = ["ROW_LINKS", "ListLink", "list_links"]

_BODY = "$response.body#"
# Where a list's answer keeps its row links (a vendor extension of the Response Object).
ROW_LINKS = "x-row-links"


@dataclass(frozen=True)
class ListLink:
    """A link from the 200 answer of list operation `source` to `target`: each parameter of
    `target` is read from a row of the array at `rows` (a JSON pointer into the answer) at its
    own pointer within the row."""

    name: str
    source: Operation
    target: Operation
    rows: str
    parameters: Mapping[str, str]

    def arguments(self, answer: Any, limit: int) -> list[dict[str, Any]]:
        """The target's parameters for each of the first `limit` rows of `answer` that holds
        them all (a row without one of them names nothing to read)."""
        rows = json_pointer(answer, self.rows) if self.rows else answer
        if not isinstance(rows, list):
            raise ValueError(f"{self.source.label}: {self.rows or '/'} is not an array")
        found: list[dict[str, Any]] = []
        for row in rows:
            if len(found) == limit:
                break
            try:
                found.append(
                    {name: json_pointer(row, where) for name, where in self.parameters.items()}
                )
            except (KeyError, IndexError, TypeError, ValueError):
                continue
        return found


def _split(expression: Any) -> tuple[str, str] | None:
    """`$response.body#/<rows>/0/<within>` as (`/<rows>`, `/<within>`); None for another kind."""
    if not isinstance(expression, str) or not expression.startswith(_BODY + "/"):
        return None
    tokens = expression[len(_BODY) :].split("/")[1:]
    if "0" not in tokens:
        return None
    first_row = tokens.index("0")
    rows, within = tokens[:first_row], tokens[first_row + 1 :]
    if not within:
        return None
    return "".join(f"/{t}" for t in rows), "".join(f"/{t}" for t in within)


def list_links(document: OpenAPIDocument) -> Iterator[ListLink]:
    """Every row link of a GET operation's 200 answer whose parameters all come from the same
    row of an array in the answer (and that sets nothing else: no request body)."""
    for source in document.operations:
        if source.method != "get":
            continue
        response = source.definition.get("responses", {}).get("200")
        if response is None:
            continue
        _, response = document.resolve(f"{source.pointer}/responses/200")
        for name in sorted(response.get(ROW_LINKS) or {}):
            _, link = document.resolve(f"{source.pointer}/responses/200/{ROW_LINKS}/{escape(name)}")
            if "requestBody" in link or "operationId" not in link:
                continue
            split = {param: _split(value) for param, value in link.get("parameters", {}).items()}
            row_pointers = {pair[0] for pair in split.values() if pair is not None}
            if not split or None in split.values() or len(row_pointers) != 1:
                continue
            yield ListLink(
                name=name,
                source=source,
                target=document.operation(str(link["operationId"])),
                rows=row_pointers.pop(),
                parameters={param: pair[1] for param, pair in split.items() if pair is not None},
            )
