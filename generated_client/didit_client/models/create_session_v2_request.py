from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="CreateSessionV2Request")


@_attrs_define
class CreateSessionV2Request:
    """The body of `POST /v2/session/` (002).

    Attributes:
        workflow_id (UUID): The verification workflow to use.
        vendor_data (str | Unset): A unique identifier for the user; required for biometric authentication workflows.
        callback (str | Unset): URL to redirect the user to after verification.
        metadata (SessionMetadata | Unset): Free-form data stored with the session and echoed back (002, 004).
        contact_details (ContactDetails | Unset): User contact information (002, 004). The field sets differ:
            `email_lang` is only in 002,
            `send_notification_emails` only in 004; `email` and `phone` are in both. The captured
            documents contain Cloudflare's `[email protected]` placeholder in e-mail examples, which is
            why `email` carries no `format: email`.
        expected_details (ExpectedDetails | Unset): Details cross-validated against the data extracted during
            verification; mismatches raise
            warnings (002, 004). `country` and `address` are only in 002.
    """

    workflow_id: UUID
    vendor_data: str | Unset = UNSET
    callback: str | Unset = UNSET
    metadata: SessionMetadata | Unset = UNSET
    contact_details: ContactDetails | Unset = UNSET
    expected_details: ExpectedDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = str(self.workflow_id)

        vendor_data = self.vendor_data

        callback = self.callback

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        contact_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact_details, Unset):
            contact_details = self.contact_details.to_dict()

        expected_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expected_details, Unset):
            expected_details = self.expected_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
            }
        )
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if callback is not UNSET:
            field_dict["callback"] = callback
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if contact_details is not UNSET:
            field_dict["contact_details"] = contact_details
        if expected_details is not UNSET:
            field_dict["expected_details"] = expected_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workflow_id = UUID(d.pop("workflow_id"))

        vendor_data = d.pop("vendor_data", UNSET)

        callback = d.pop("callback", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: SessionMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = SessionMetadata.from_dict(_metadata)

        _contact_details = d.pop("contact_details", UNSET)
        contact_details: ContactDetails | Unset
        if isinstance(_contact_details, Unset):
            contact_details = UNSET
        else:
            contact_details = ContactDetails.from_dict(_contact_details)

        _expected_details = d.pop("expected_details", UNSET)
        expected_details: ExpectedDetails | Unset
        if isinstance(_expected_details, Unset):
            expected_details = UNSET
        else:
            expected_details = ExpectedDetails.from_dict(_expected_details)

        create_session_v2_request = cls(
            workflow_id=workflow_id,
            vendor_data=vendor_data,
            callback=callback,
            metadata=metadata,
            contact_details=contact_details,
            expected_details=expected_details,
        )

        create_session_v2_request.additional_properties = d
        return create_session_v2_request

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
from ..models.contact_details import ContactDetails
from ..models.expected_details import ExpectedDetails
from ..models.session_metadata import SessionMetadata
