"""The blocklist (004): entries per application, and the items a session can be blocked by.

A session has a blocklist item once the step that evidences it has run (its face after a liveness
check, face match or ID step; its document after the ID or NFC step; its phone and e-mail after
their verification, or as soon as `contact_details` gives them). A session completed later whose
item is blocked is declined, and the block that carries the item gets the matching warning.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from didit_spec import component_schema

from ..clock import isoformat
from ..config import ApplicationConfig
from ..results import warning
from ..spec_values import FEATURE_ARRAYS, BlocklistItemType, Feature, FeatureStatus
from .sessions import Session
from .state import BackendState, locked

__all__ = ["BlocklistEntry", "BlocklistOperations", "blocklist_items"]

Item = BlocklistItemType


# An item kind that is also a field of `contact_details` (phone, e-mail) is known from it at once.
_CONTACT_FIELDS = frozenset(component_schema("ContactDetails")["properties"])


@dataclass(frozen=True)
class _ItemRule:
    evidence: tuple[Feature, ...]  # the steps whose results carry the item, best first
    risk: str  # the warning a declined block gets

    def carriers(self) -> tuple[str, ...]:
        return tuple(FEATURE_ARRAYS[feature].key for feature in self.evidence)


_RULES: Mapping[BlocklistItemType, _ItemRule] = {
    Item.FACE: _ItemRule(
        (Feature.LIVENESS, Feature.FACE_MATCH, Feature.ID_VERIFICATION), "FACE_IN_BLOCKLIST"
    ),
    Item.DOCUMENT: _ItemRule((Feature.ID_VERIFICATION, Feature.NFC), "ID_DOCUMENT_IN_BLOCKLIST"),
    Item.PHONE: _ItemRule((Feature.PHONE,), "PHONE_NUMBER_IN_BLOCKLIST"),
    Item.EMAIL: _ItemRule((Feature.EMAIL,), "EMAIL_IN_BLOCKLIST"),
}
if set(_RULES) != set(BlocklistItemType):
    raise RuntimeError("the emulator has no blocklist rule for some of openapi.yaml's item types")


@dataclass
class BlocklistEntry:
    id: str
    application_id: str
    item_type: BlocklistItemType
    session_id: str
    value: str
    created_at: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item_type": self.item_type,
            "session_id": self.session_id,
            "value": self.value,
            "created_at": isoformat(self.created_at),
        }


def blocklist_items(session: Session) -> dict[BlocklistItemType, str]:
    """The blocklistable items a session has, with their values."""
    items: dict[BlocklistItemType, str] = {}
    identity = session.identity
    if identity is not None:
        for item_type, rule in _RULES.items():
            if any(session.blocks.get(block) for block in rule.carriers()):
                value = identity.fingerprint(item_type)
                if value:
                    items[item_type] = value
    contact = session.contact_details or {}
    for item_type in _RULES:
        given = contact.get(item_type.value) if item_type.value in _CONTACT_FIELDS else None
        if item_type not in items and given:
            items[item_type] = str(given).lower() if item_type is Item.EMAIL else str(given)
    return items


class BlocklistOperations(BackendState):
    """Add, remove and list blocklist entries; decline completed sessions that match one."""

    def _blocked(self, application_id: str, item_type: BlocklistItemType, value: str) -> bool:
        return any(
            e.application_id == application_id and e.item_type is item_type and e.value == value
            for e in self.blocklist
        )

    @locked
    def blocklist_add(self, app: ApplicationConfig, body: Mapping[str, Any]) -> dict[str, Any]:
        """Blocks the chosen items of a session; items it does not have are left out of
        `item_types`."""
        session = self._session(app, str(body["session_id"]))
        items = blocklist_items(session)
        blocked: list[BlocklistItemType] = []
        for item_type in _RULES:
            if not body.get(f"blocklist_{item_type.value}") or item_type not in items:
                continue
            value = items[item_type]
            if not self._blocked(app.id, item_type, value):
                self.blocklist.append(
                    BlocklistEntry(
                        str(uuid.uuid4()), app.id, item_type, session.id, value, self.now()
                    )
                )
            blocked.append(item_type)
        return {"session_id": session.id, "item_types": blocked}

    @locked
    def blocklist_remove(self, app: ApplicationConfig, body: Mapping[str, Any]) -> dict[str, Any]:
        """Unblocks the chosen items of a session (whichever session blocked them)."""
        session = self._session(app, str(body["session_id"]))
        items = blocklist_items(session)
        removed: list[BlocklistItemType] = []
        for item_type in _RULES:
            if not body.get(f"unblock_{item_type.value}") or item_type not in items:
                continue
            before = len(self.blocklist)
            self.blocklist = [
                e
                for e in self.blocklist
                if not (
                    e.application_id == app.id
                    and e.item_type is item_type
                    and e.value == items[item_type]
                )
            ]
            if len(self.blocklist) < before:
                removed.append(item_type)
        return {"session_id": session.id, "item_types": removed}

    @locked
    def blocklist_list(self, app: ApplicationConfig, item_type: str | None) -> dict[str, Any]:
        entries = [
            e.as_dict()
            for e in self.blocklist
            if e.application_id == app.id and (item_type is None or e.item_type == item_type)
        ]
        return {"count": len(entries), "results": entries}

    def _apply_blocklist(self, session: Session) -> bool:
        """Declines the blocks whose item is blocklisted; True when any was."""
        hit = False
        for item_type, value in blocklist_items(session).items():
            if not self._blocked(session.application_id, item_type, value):
                continue
            rule = _RULES[item_type]
            block = next(
                (session.blocks[b][0] for b in rule.carriers() if session.blocks.get(b)), None
            )
            if block is None:
                continue
            block["status"] = FeatureStatus.DECLINED
            block.setdefault("warnings", []).append(warning(rule.risk))
            hit = True
        return hit
