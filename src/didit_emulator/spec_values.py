"""The values of openapi.yaml the emulator's rules speak of, read from the spec, never re-typed.

Statuses, session kinds, blocklist item kinds, feature names and feature statuses are the
generated client's enums (generated from the spec, kept in step by the drift check). The names of
a decision's result arrays, which feature fills each, and their V2 counterparts are read from the
decision schemas: each V3 array carries `x-feature` (the feature whose results it holds) or
`x-kyb` (a business-only block). The control surface's outcomes are the snake-case names of session
statuses, checked against control-openapi.yaml at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from didit_client.models import (
    BlocklistItemType,
    Feature,
    FeatureStatus,
    SessionKind,
    SessionStatus,
    WebhookEventType,
)

from didit_spec import component_schema, didit_document

__all__ = [
    "BUSINESS_ARRAYS",
    "FEATURE_ARRAYS",
    "LIST_FILTERS",
    "LIST_PAGING",
    "USER_ARRAYS",
    "BlocklistItemType",
    "DecisionArray",
    "Feature",
    "FeatureStatus",
    "SessionKind",
    "SessionStatus",
    "WebhookEventType",
    "outcome_of",
    "status_of_outcome",
]


@dataclass(frozen=True)
class DecisionArray:
    """One result array of a V3 decision: its key, the feature that fills it (None for the KYB
    blocks) and its item schema."""

    key: str
    feature: Feature | None
    item_schema: str

    @property
    def label(self) -> str:
        """A human label from the item schema's name: `IdVerification` -> `Id verification`."""
        words: list[str] = []
        for char in self.item_schema:
            if char.isupper() and words:
                words.append(" ")
            words.append(char.lower() if words else char)
        return "".join(words)


def _item_schema(prop: Mapping[str, Any]) -> str | None:
    types = prop.get("type")
    is_array = types == "array" or (isinstance(types, list) and "array" in types)
    ref = prop.get("items", {}).get("$ref") if is_array else None
    return str(ref).rsplit("/", 1)[-1] if ref else None


def _arrays(schema: str) -> tuple[DecisionArray, ...]:
    found = []
    for name, prop in component_schema(schema)["properties"].items():
        item = _item_schema(prop)
        if item is None or not ("x-feature" in prop or prop.get("x-kyb")):
            continue
        feature = Feature(prop["x-feature"]) if "x-feature" in prop else None
        found.append(DecisionArray(name, feature, item))
    return tuple(found)


USER_ARRAYS: tuple[DecisionArray, ...] = _arrays("DecisionV3")
"""The result arrays of a user session's V3 decision, in the spec's order."""
BUSINESS_ARRAYS: tuple[DecisionArray, ...] = _arrays("BusinessDecision")
"""The result arrays of a business session's decision (KYB blocks and feature arrays)."""
FEATURE_ARRAYS: Mapping[Feature, DecisionArray] = {
    array.feature: array for array in (*USER_ARRAYS, *BUSINESS_ARRAYS) if array.feature is not None
}
"""The array each feature's results go to."""


def outcome_of(status: SessionStatus) -> str:
    """The control surface's name for a status: `In Review` -> `in_review`."""
    return status.value.lower().replace(" ", "_")


@cache
def _outcomes() -> Mapping[str, SessionStatus]:
    return {outcome_of(status): status for status in SessionStatus}


def status_of_outcome(outcome: str) -> SessionStatus:
    """The session status a control-surface outcome drives a session to."""
    return _outcomes()[outcome]


# What the list's code itself knows of its parameters: the kind, and the two paging schemes'.
LIST_PAGING = frozenset({"limit", "offset", "page", "page_size"})
_LIST_KIND_AND_PAGING = LIST_PAGING | {"session_kind"}


def _list_filters() -> frozenset[str]:
    document = didit_document()
    parameters = document.parameters(document.operation("list_sessions"))
    names = {name for location, name in parameters if location == "query"}
    if not names >= _LIST_KIND_AND_PAGING:
        raise RuntimeError("openapi.yaml's list_sessions lacks its kind or paging parameters")
    return frozenset(names - _LIST_KIND_AND_PAGING)


LIST_FILTERS: frozenset[str] = _list_filters()
"""The query parameters of `GET /v3/sessions/` that filter rows (all but kind and paging)."""
