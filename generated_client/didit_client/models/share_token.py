from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_kind import SessionKind
from ..types import redact_additional_properties

T = TypeVar("T", bound="ShareToken")


@_attrs_define
class ShareToken:
    """A minted share token (003).

    Attributes:
        share_token (str): An HS256 JWT with claims `session_id`, `session_kind`, `from_application_id`,
            `for_application_id`, `iat`, `exp`. Pass it verbatim to `import-shared`. Treat it as a
            secret: it lets its holder import the session.
        for_application_id (UUID):
        session_kind (SessionKind): A user (KYC) or business (KYB) session (001, 003).
    """

    share_token: str = _attrs_field(repr=False)
    for_application_id: UUID
    session_kind: SessionKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        share_token = self.share_token

        for_application_id = str(self.for_application_id)

        session_kind = self.session_kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "share_token": share_token,
                "for_application_id": for_application_id,
                "session_kind": session_kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        share_token = d.pop("share_token")

        for_application_id = UUID(d.pop("for_application_id"))

        session_kind = SessionKind.decode(d.pop("session_kind"))

        share_token = cls(
            share_token=share_token,
            for_application_id=for_application_id,
            session_kind=session_kind,
        )

        share_token.additional_properties = d
        return share_token

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
