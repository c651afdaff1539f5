from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="Review")


@_attrs_define
class Review:
    """A manual review of the session (000).

    Attributes:
        user (str | Unset): Who reviewed.
        new_status (SessionStatus | Unset): A session's status. 004's table lists `Not Started`, `In Progress`, `In
            Review`, `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
        comment (None | str | Unset):
        created_at (datetime.datetime | Unset):
    """

    user: str | Unset = UNSET
    new_status: SessionStatus | Unset = UNSET
    comment: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        new_status: str | Unset = UNSET
        if not isinstance(self.new_status, Unset):
            new_status = self.new_status.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user is not UNSET:
            field_dict["user"] = user
        if new_status is not UNSET:
            field_dict["new_status"] = new_status
        if comment is not UNSET:
            field_dict["comment"] = comment
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user = d.pop("user", UNSET)

        _new_status = d.pop("new_status", UNSET)
        new_status: SessionStatus | Unset
        if isinstance(_new_status, Unset):
            new_status = UNSET
        else:
            new_status = SessionStatus.decode(_new_status)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        review = cls(
            user=user,
            new_status=new_status,
            comment=comment,
            created_at=created_at,
        )

        review.additional_properties = d
        return review

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
