from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_kind import SessionKind
from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    """A session in a list (004).

    Attributes:
        session_id (UUID):
        status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
            `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
        session_number (int | Unset):
        vendor_data (None | str | Unset):
        workflow_id (UUID | Unset):
        session_kind (SessionKind | Unset): A user (KYC) or business (KYB) session (001, 003).
        created_at (datetime.datetime | Unset):
    """

    session_id: UUID
    status: SessionStatus
    session_number: int | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    workflow_id: UUID | Unset = UNSET
    session_kind: SessionKind | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        status = self.status.value

        session_number = self.session_number

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        workflow_id: str | Unset = UNSET
        if not isinstance(self.workflow_id, Unset):
            workflow_id = str(self.workflow_id)

        session_kind: str | Unset = UNSET
        if not isinstance(self.session_kind, Unset):
            session_kind = self.session_kind.value

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "status": status,
            }
        )
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if session_kind is not UNSET:
            field_dict["session_kind"] = session_kind
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        status = SessionStatus.decode(d.pop("status"))

        session_number = d.pop("session_number", UNSET)

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        _workflow_id = d.pop("workflow_id", UNSET)
        workflow_id: UUID | Unset
        if isinstance(_workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = UUID(_workflow_id)

        _session_kind = d.pop("session_kind", UNSET)
        session_kind: SessionKind | Unset
        if isinstance(_session_kind, Unset):
            session_kind = UNSET
        else:
            session_kind = SessionKind.decode(_session_kind)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        session_summary = cls(
            session_id=session_id,
            status=status,
            session_number=session_number,
            vendor_data=vendor_data,
            workflow_id=workflow_id,
            session_kind=session_kind,
            created_at=created_at,
        )

        session_summary.additional_properties = d
        return session_summary

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
