from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import redact_additional_properties

T = TypeVar("T", bound="WebhookDeliverySummary")


@_attrs_define
class WebhookDeliverySummary:
    """What has been delivered to a destination: attempts in all, failed ones (an HTTP status of
    400 or more, or no answer), the failed share in whole percent, response times in
    milliseconds (null before the first delivery) and the time of the last attempt.

        Attributes:
            total_deliveries (int):
            failed_deliveries (int):
            error_rate_percentage (int):
            min_response_time_ms (int | None):
            avg_response_time_ms (int | None):
            max_response_time_ms (int | None):
            last_delivery_at (datetime.datetime | None):
    """

    total_deliveries: int
    failed_deliveries: int
    error_rate_percentage: int
    min_response_time_ms: int | None
    avg_response_time_ms: int | None
    max_response_time_ms: int | None
    last_delivery_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        total_deliveries = self.total_deliveries

        failed_deliveries = self.failed_deliveries

        error_rate_percentage = self.error_rate_percentage

        min_response_time_ms: int | None
        min_response_time_ms = self.min_response_time_ms

        avg_response_time_ms: int | None
        avg_response_time_ms = self.avg_response_time_ms

        max_response_time_ms: int | None
        max_response_time_ms = self.max_response_time_ms

        last_delivery_at: None | str
        if isinstance(self.last_delivery_at, datetime.datetime):
            last_delivery_at = self.last_delivery_at.isoformat()
        else:
            last_delivery_at = self.last_delivery_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_deliveries": total_deliveries,
                "failed_deliveries": failed_deliveries,
                "error_rate_percentage": error_rate_percentage,
                "min_response_time_ms": min_response_time_ms,
                "avg_response_time_ms": avg_response_time_ms,
                "max_response_time_ms": max_response_time_ms,
                "last_delivery_at": last_delivery_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_deliveries = d.pop("total_deliveries")

        failed_deliveries = d.pop("failed_deliveries")

        error_rate_percentage = d.pop("error_rate_percentage")

        def _parse_min_response_time_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_response_time_ms = _parse_min_response_time_ms(d.pop("min_response_time_ms"))

        def _parse_avg_response_time_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        avg_response_time_ms = _parse_avg_response_time_ms(d.pop("avg_response_time_ms"))

        def _parse_max_response_time_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_response_time_ms = _parse_max_response_time_ms(d.pop("max_response_time_ms"))

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

        webhook_delivery_summary = cls(
            total_deliveries=total_deliveries,
            failed_deliveries=failed_deliveries,
            error_rate_percentage=error_rate_percentage,
            min_response_time_ms=min_response_time_ms,
            avg_response_time_ms=avg_response_time_ms,
            max_response_time_ms=max_response_time_ms,
            last_delivery_at=last_delivery_at,
        )

        webhook_delivery_summary.additional_properties = d
        return webhook_delivery_summary

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
