from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="ImportSharedSessionRequest")


@_attrs_define
class ImportSharedSessionRequest:
    """The body of `import-shared` (000, 001, 004).

    Attributes:
        share_token (str): The token from `POST /v3/session/{sessionId}/share/` (an HS256 JWT of about 400
            characters; 2048 bounds the work of checking one).
        trust_review (bool): Keep the source's status (true) or force `In Review` (false).
        workflow_id (str): A workflow of the calling application: a UUID (001), typed as a plain string in 000. One
            that names no workflow of the caller is 404.
        vendor_data (None | str | Unset): Overrides the clone's `vendor_data` (nullable in 001, a string in 000).
    """

    share_token: str = _attrs_field(repr=False)
    trust_review: bool
    workflow_id: str
    vendor_data: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        share_token = self.share_token

        trust_review = self.trust_review

        workflow_id = self.workflow_id

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "share_token": share_token,
                "trust_review": trust_review,
                "workflow_id": workflow_id,
            }
        )
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        share_token = d.pop("share_token")

        trust_review = d.pop("trust_review")

        workflow_id = d.pop("workflow_id")

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        import_shared_session_request = cls(
            share_token=share_token,
            trust_review=trust_review,
            workflow_id=workflow_id,
            vendor_data=vendor_data,
        )

        import_shared_session_request.additional_properties = d
        return import_shared_session_request

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
