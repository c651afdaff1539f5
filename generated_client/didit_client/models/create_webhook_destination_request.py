from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..models.webhook_version import WebhookVersion
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="CreateWebhookDestinationRequest")


@_attrs_define
class CreateWebhookDestinationRequest:
    """The body of `POST /v3/webhook/destinations/`.

    Attributes:
        label (str):
        url (str): The endpoint events are posted to (HTTPS on the live service).
        enabled (bool | Unset):  Default: True.
        webhook_version (WebhookVersion | Unset): The payload version a destination receives; `v3` is the current one.
            Default: WebhookVersion.V3.
        subscribed_events (list[WebhookEventType] | Unset): The events a destination receives; at least one, each once.
    """

    label: str
    url: str = _attrs_field(repr=redact_url)
    enabled: bool | Unset = True
    webhook_version: WebhookVersion | Unset = WebhookVersion.V3
    subscribed_events: list[WebhookEventType] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        url = self.url

        enabled = self.enabled

        webhook_version: str | Unset = UNSET
        if not isinstance(self.webhook_version, Unset):
            webhook_version = self.webhook_version.value

        subscribed_events: list[str] | Unset = UNSET
        if not isinstance(self.subscribed_events, Unset):
            subscribed_events = []
            for componentsschemas_webhook_subscribed_events_item_data in self.subscribed_events:
                componentsschemas_webhook_subscribed_events_item = (
                    componentsschemas_webhook_subscribed_events_item_data.value
                )
                subscribed_events.append(componentsschemas_webhook_subscribed_events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "url": url,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if webhook_version is not UNSET:
            field_dict["webhook_version"] = webhook_version
        if subscribed_events is not UNSET:
            field_dict["subscribed_events"] = subscribed_events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        url = d.pop("url")

        enabled = d.pop("enabled", UNSET)

        _webhook_version = d.pop("webhook_version", UNSET)
        webhook_version: WebhookVersion | Unset
        if isinstance(_webhook_version, Unset):
            webhook_version = UNSET
        else:
            webhook_version = WebhookVersion.decode(_webhook_version)

        _subscribed_events = d.pop("subscribed_events", UNSET)
        subscribed_events: list[WebhookEventType] | Unset = UNSET
        if _subscribed_events is not UNSET:
            subscribed_events = []
            for componentsschemas_webhook_subscribed_events_item_data in _subscribed_events:
                componentsschemas_webhook_subscribed_events_item = WebhookEventType.decode(
                    componentsschemas_webhook_subscribed_events_item_data
                )

                subscribed_events.append(componentsschemas_webhook_subscribed_events_item)

        create_webhook_destination_request = cls(
            label=label,
            url=url,
            enabled=enabled,
            webhook_version=webhook_version,
            subscribed_events=subscribed_events,
        )

        create_webhook_destination_request.additional_properties = d
        return create_webhook_destination_request

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
