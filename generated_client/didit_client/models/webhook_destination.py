from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..models.webhook_version import WebhookVersion
from ..types import redact_additional_properties, redact_url

T = TypeVar("T", bound="WebhookDestination")


@_attrs_define
class WebhookDestination:
    """A webhook destination (Didit's published OpenAPI), with its signing secret
    `secret_shared_key`, a secret of the application.

        Attributes:
            uuid (UUID):
            label (str):
            url (str):
            enabled (bool):
            webhook_version (WebhookVersion): The payload version a destination receives; `v3` is the current one.
            secret_shared_key (str): The HMAC-SHA256 key deliveries to this destination are signed with.
            subscribed_events (list[WebhookEventType]):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            summary (WebhookDeliverySummary): What has been delivered to a destination: attempts in all, failed ones (an
                HTTP status of
                400 or more, or no answer), the failed share in whole percent, response times in
                milliseconds (null before the first delivery) and the time of the last attempt.
    """

    uuid: UUID
    label: str
    url: str = _attrs_field(repr=redact_url)
    enabled: bool
    webhook_version: WebhookVersion
    secret_shared_key: str = _attrs_field(repr=False)
    subscribed_events: list[WebhookEventType]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    summary: WebhookDeliverySummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        label = self.label

        url = self.url

        enabled = self.enabled

        webhook_version = self.webhook_version.value

        secret_shared_key = self.secret_shared_key

        subscribed_events = []
        for subscribed_events_item_data in self.subscribed_events:
            subscribed_events_item = subscribed_events_item_data.value
            subscribed_events.append(subscribed_events_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        summary = self.summary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "label": label,
                "url": url,
                "enabled": enabled,
                "webhook_version": webhook_version,
                "secret_shared_key": secret_shared_key,
                "subscribed_events": subscribed_events,
                "created_at": created_at,
                "updated_at": updated_at,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        label = d.pop("label")

        url = d.pop("url")

        enabled = d.pop("enabled")

        webhook_version = WebhookVersion.decode(d.pop("webhook_version"))

        secret_shared_key = d.pop("secret_shared_key")

        subscribed_events = []
        _subscribed_events = d.pop("subscribed_events")
        for subscribed_events_item_data in _subscribed_events:
            subscribed_events_item = WebhookEventType.decode(subscribed_events_item_data)

            subscribed_events.append(subscribed_events_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        summary = WebhookDeliverySummary.from_dict(d.pop("summary"))

        webhook_destination = cls(
            uuid=uuid,
            label=label,
            url=url,
            enabled=enabled,
            webhook_version=webhook_version,
            secret_shared_key=secret_shared_key,
            subscribed_events=subscribed_events,
            created_at=created_at,
            updated_at=updated_at,
            summary=summary,
        )

        webhook_destination.additional_properties = d
        return webhook_destination

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
from ..models.webhook_delivery_summary import WebhookDeliverySummary
