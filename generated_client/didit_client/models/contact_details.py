from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.iso_639_language import Iso639Language
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="ContactDetails")


@_attrs_define
class ContactDetails:
    """User contact information (002, 004). The field sets differ: `email_lang` is only in 002,
    `send_notification_emails` only in 004; `email` and `phone` are in both. The captured
    documents contain Cloudflare's `[email protected]` placeholder in e-mail examples, which is
    why `email` carries no `format: email`.

        Attributes:
            email (str | Unset): The user's e-mail address, for notifications and the e-mail verification step.
            email_lang (Iso639Language | Unset): A language of the verification UI and its e-mails. 002 and 004 say ISO
                639-1 (`en`);
                Didit's published OpenAPI lists the 54 languages the service has, among them region tags
                (`pt-BR`, `zh-CN`, `zh-TW`) and `cnr` (Montenegrin).
            phone (None | str | Unset): The number the user must verify in the phone verification step (002, 004); null in
                decisions when none was given (Didit's published OpenAPI).
            send_notification_emails (bool | Unset): Send status update e-mails (004). Default: False.
    """

    email: str | Unset = UNSET
    email_lang: Iso639Language | Unset = UNSET
    phone: None | str | Unset = UNSET
    send_notification_emails: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        email_lang: str | Unset = UNSET
        if not isinstance(self.email_lang, Unset):
            email_lang = self.email_lang.value

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        send_notification_emails = self.send_notification_emails

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if email_lang is not UNSET:
            field_dict["email_lang"] = email_lang
        if phone is not UNSET:
            field_dict["phone"] = phone
        if send_notification_emails is not UNSET:
            field_dict["send_notification_emails"] = send_notification_emails

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        _email_lang = d.pop("email_lang", UNSET)
        email_lang: Iso639Language | Unset
        if isinstance(_email_lang, Unset):
            email_lang = UNSET
        else:
            email_lang = Iso639Language.decode(_email_lang)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        send_notification_emails = d.pop("send_notification_emails", UNSET)

        contact_details = cls(
            email=email,
            email_lang=email_lang,
            phone=phone,
            send_notification_emails=send_notification_emails,
        )

        contact_details.additional_properties = d
        return contact_details

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
