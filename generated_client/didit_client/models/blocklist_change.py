from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blocklist_item_type import BlocklistItemType
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="BlocklistChange")


@_attrs_define
class BlocklistChange:
    """What a blocklist add or remove changed; 004 shows no body, so every field is optional.

    Attributes:
        session_id (UUID | Unset):
        item_types (list[BlocklistItemType] | Unset): The kinds of item that were blocked or unblocked.
    """

    session_id: UUID | Unset = UNSET
    item_types: list[BlocklistItemType] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        item_types: list[str] | Unset = UNSET
        if not isinstance(self.item_types, Unset):
            item_types = []
            for item_types_item_data in self.item_types:
                item_types_item = item_types_item_data.value
                item_types.append(item_types_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if item_types is not UNSET:
            field_dict["item_types"] = item_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _session_id = d.pop("session_id", UNSET)
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        _item_types = d.pop("item_types", UNSET)
        item_types: list[BlocklistItemType] | Unset = UNSET
        if _item_types is not UNSET:
            item_types = []
            for item_types_item_data in _item_types:
                item_types_item = BlocklistItemType.decode(item_types_item_data)

                item_types.append(item_types_item)

        blocklist_change = cls(
            session_id=session_id,
            item_types=item_types,
        )

        blocklist_change.additional_properties = d
        return blocklist_change

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
