from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="CreatedSession")


@_attrs_define
class CreatedSession:
    """A newly created session (002, 004).

    Attributes:
        session_id (UUID):
        session_number (int): Sequential number of the session within the application.
        session_token (str): Token for SDK initialisation.
        url (str): Where to send the user to verify.
        status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
            `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
        workflow_id (UUID):
        vendor_data (None | str | Unset):
        metadata (None | SessionMetadata | str | Unset): The session's metadata as stored: an object (002), a JSON
            string (004), or null.
        workflow_version (int | Unset): The published version of the workflow the session is pinned to (Didit's
            published OpenAPI).
        callback (None | str | Unset):
    """

    session_id: UUID
    session_number: int
    session_token: str = _attrs_field(repr=False)
    url: str = _attrs_field(repr=redact_url)
    status: SessionStatus
    workflow_id: UUID
    vendor_data: None | str | Unset = UNSET
    metadata: None | SessionMetadata | str | Unset = UNSET
    workflow_version: int | Unset = UNSET
    callback: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        session_number = self.session_number

        session_token = self.session_token

        url = self.url

        status = self.status.value

        workflow_id = str(self.workflow_id)

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        metadata: dict[str, Any] | None | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SessionMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        workflow_version = self.workflow_version

        callback: None | str | Unset
        if isinstance(self.callback, Unset):
            callback = UNSET
        else:
            callback = self.callback

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "session_number": session_number,
                "session_token": session_token,
                "url": url,
                "status": status,
                "workflow_id": workflow_id,
            }
        )
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if workflow_version is not UNSET:
            field_dict["workflow_version"] = workflow_version
        if callback is not UNSET:
            field_dict["callback"] = callback

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        session_number = d.pop("session_number")

        session_token = d.pop("session_token")

        url = d.pop("url")

        status = SessionStatus.decode(d.pop("status"))

        workflow_id = UUID(d.pop("workflow_id"))

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_metadata(data: object) -> None | SessionMetadata | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_echo_type_0 = SessionMetadata.from_dict(data)

                return componentsschemas_metadata_echo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionMetadata | str | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        workflow_version = d.pop("workflow_version", UNSET)

        def _parse_callback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback = _parse_callback(d.pop("callback", UNSET))

        created_session = cls(
            session_id=session_id,
            session_number=session_number,
            session_token=session_token,
            url=url,
            status=status,
            workflow_id=workflow_id,
            vendor_data=vendor_data,
            metadata=metadata,
            workflow_version=workflow_version,
            callback=callback,
        )

        created_session.additional_properties = d
        return created_session

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


# Imported after the class, not inside its methods (see templates/model.py.jinja).
from ..models.session_metadata import SessionMetadata
