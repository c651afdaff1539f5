from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="BlocklistAddRequest")


@_attrs_define
class BlocklistAddRequest:
    """The body of `blocklist/add` (004).

    Attributes:
        session_id (UUID):
        blocklist_face (bool | Unset):  Default: False.
        blocklist_document (bool | Unset):  Default: False.
        blocklist_phone (bool | Unset):  Default: False.
        blocklist_email (bool | Unset):  Default: False.
    """

    session_id: UUID
    blocklist_face: bool | Unset = False
    blocklist_document: bool | Unset = False
    blocklist_phone: bool | Unset = False
    blocklist_email: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        blocklist_face = self.blocklist_face

        blocklist_document = self.blocklist_document

        blocklist_phone = self.blocklist_phone

        blocklist_email = self.blocklist_email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
            }
        )
        if blocklist_face is not UNSET:
            field_dict["blocklist_face"] = blocklist_face
        if blocklist_document is not UNSET:
            field_dict["blocklist_document"] = blocklist_document
        if blocklist_phone is not UNSET:
            field_dict["blocklist_phone"] = blocklist_phone
        if blocklist_email is not UNSET:
            field_dict["blocklist_email"] = blocklist_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        blocklist_face = d.pop("blocklist_face", UNSET)

        blocklist_document = d.pop("blocklist_document", UNSET)

        blocklist_phone = d.pop("blocklist_phone", UNSET)

        blocklist_email = d.pop("blocklist_email", UNSET)

        blocklist_add_request = cls(
            session_id=session_id,
            blocklist_face=blocklist_face,
            blocklist_document=blocklist_document,
            blocklist_phone=blocklist_phone,
            blocklist_email=blocklist_email,
        )

        blocklist_add_request.additional_properties = d
        return blocklist_add_request

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
