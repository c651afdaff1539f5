from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.new_session_status import NewSessionStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="UpdateSessionStatusRequest")


@_attrs_define
class UpdateSessionStatusRequest:
    """The body of `update-status` (004). `email_address` is required when `send_email` is true.

    Attributes:
        new_status (NewSessionStatus): The statuses a session can be moved to by `update-status` (004).
        comment (str | Unset): Reason for the change.
        send_email (bool | Unset): Send the user an e-mail about the change. Default: False.
        email_address (str | Unset): Where to send it; required when `send_email` is true.
        email_language (str | Unset): Language of the e-mail (004: ISO 639-1). Didit's published OpenAPI takes any
            string and
            writes in English when it has no such language.
             Default: 'en'.
        nodes_to_resubmit (list[NodeToResubmit] | Unset): For `Resubmitted`, the steps to send back (ignored for the
            other statuses).
    """

    new_status: NewSessionStatus
    comment: str | Unset = UNSET
    send_email: bool | Unset = False
    email_address: str | Unset = UNSET
    email_language: str | Unset = "en"
    nodes_to_resubmit: list[NodeToResubmit] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        new_status = self.new_status.value

        comment = self.comment

        send_email = self.send_email

        email_address = self.email_address

        email_language = self.email_language

        nodes_to_resubmit: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nodes_to_resubmit, Unset):
            nodes_to_resubmit = []
            for nodes_to_resubmit_item_data in self.nodes_to_resubmit:
                nodes_to_resubmit_item = nodes_to_resubmit_item_data.to_dict()
                nodes_to_resubmit.append(nodes_to_resubmit_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "new_status": new_status,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if send_email is not UNSET:
            field_dict["send_email"] = send_email
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if email_language is not UNSET:
            field_dict["email_language"] = email_language
        if nodes_to_resubmit is not UNSET:
            field_dict["nodes_to_resubmit"] = nodes_to_resubmit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_status = NewSessionStatus.decode(d.pop("new_status"))

        comment = d.pop("comment", UNSET)

        send_email = d.pop("send_email", UNSET)

        email_address = d.pop("email_address", UNSET)

        email_language = d.pop("email_language", UNSET)

        _nodes_to_resubmit = d.pop("nodes_to_resubmit", UNSET)
        nodes_to_resubmit: list[NodeToResubmit] | Unset = UNSET
        if _nodes_to_resubmit is not UNSET:
            nodes_to_resubmit = []
            for nodes_to_resubmit_item_data in _nodes_to_resubmit:
                nodes_to_resubmit_item = NodeToResubmit.from_dict(nodes_to_resubmit_item_data)

                nodes_to_resubmit.append(nodes_to_resubmit_item)

        update_session_status_request = cls(
            new_status=new_status,
            comment=comment,
            send_email=send_email,
            email_address=email_address,
            email_language=email_language,
            nodes_to_resubmit=nodes_to_resubmit,
        )

        update_session_status_request.additional_properties = d
        return update_session_status_request

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
from ..models.node_to_resubmit import NodeToResubmit
