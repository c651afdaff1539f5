from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..models.webhook_version import WebhookVersion
from ..types import redact_additional_properties, redact_url

T = TypeVar("T", bound="WebhookDestinationListItem")


@_attrs_define
class WebhookDestinationListItem:
    """A destination as the list shows it, without its secret, with flat delivery counters.

    Attributes:
        uuid (UUID):
        label (str):
        url (str):
        enabled (bool):
        webhook_version (WebhookVersion): The payload version a destination receives; `v3` is the current one.
        subscribed_events (list[WebhookEventType]):
        subscribed_events_count (int):
        deliveries_count (int):
        failed_deliveries_count (int):
        average_response_time_ms (int | None):
        error_rate_percentage (int):
        last_delivery_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    uuid: UUID
    label: str
    url: str = _attrs_field(repr=redact_url)
    enabled: bool
    webhook_version: WebhookVersion
    subscribed_events: list[WebhookEventType]
    subscribed_events_count: int
    deliveries_count: int
    failed_deliveries_count: int
    average_response_time_ms: int | None
    error_rate_percentage: int
    last_delivery_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        label = self.label

        url = self.url

        enabled = self.enabled

        webhook_version = self.webhook_version.value

        subscribed_events = []
        for subscribed_events_item_data in self.subscribed_events:
            subscribed_events_item = subscribed_events_item_data.value
            subscribed_events.append(subscribed_events_item)

        subscribed_events_count = self.subscribed_events_count

        deliveries_count = self.deliveries_count

        failed_deliveries_count = self.failed_deliveries_count

        average_response_time_ms: int | None
        average_response_time_ms = self.average_response_time_ms

        error_rate_percentage = self.error_rate_percentage

        last_delivery_at: None | str
        if isinstance(self.last_delivery_at, datetime.datetime):
            last_delivery_at = self.last_delivery_at.isoformat()
        else:
            last_delivery_at = self.last_delivery_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "label": label,
                "url": url,
                "enabled": enabled,
                "webhook_version": webhook_version,
                "subscribed_events": subscribed_events,
                "subscribed_events_count": subscribed_events_count,
                "deliveries_count": deliveries_count,
                "failed_deliveries_count": failed_deliveries_count,
                "average_response_time_ms": average_response_time_ms,
                "error_rate_percentage": error_rate_percentage,
                "last_delivery_at": last_delivery_at,
                "created_at": created_at,
                "updated_at": updated_at,
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

        subscribed_events = []
        _subscribed_events = d.pop("subscribed_events")
        for subscribed_events_item_data in _subscribed_events:
            subscribed_events_item = WebhookEventType.decode(subscribed_events_item_data)

            subscribed_events.append(subscribed_events_item)

        subscribed_events_count = d.pop("subscribed_events_count")

        deliveries_count = d.pop("deliveries_count")

        failed_deliveries_count = d.pop("failed_deliveries_count")

        def _parse_average_response_time_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        average_response_time_ms = _parse_average_response_time_ms(d.pop("average_response_time_ms"))

        error_rate_percentage = d.pop("error_rate_percentage")

        def _parse_last_delivery_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_delivery_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_delivery_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_delivery_at = _parse_last_delivery_at(d.pop("last_delivery_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        webhook_destination_list_item = cls(
            uuid=uuid,
            label=label,
            url=url,
            enabled=enabled,
            webhook_version=webhook_version,
            subscribed_events=subscribed_events,
            subscribed_events_count=subscribed_events_count,
            deliveries_count=deliveries_count,
            failed_deliveries_count=failed_deliveries_count,
            average_response_time_ms=average_response_time_ms,
            error_rate_percentage=error_rate_percentage,
            last_delivery_at=last_delivery_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        webhook_destination_list_item.additional_properties = d
        return webhook_destination_list_item

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
