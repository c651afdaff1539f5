from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.warning_log_type import WarningLogType
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="RiskWarning")


@_attrs_define
class RiskWarning:
    """A risk raised by a feature (000).

    Attributes:
        risk (str): Machine-readable tag, e.g. `QR_NOT_DETECTED`, `FACE_IN_BLOCKLIST`.
        additional_data (None | RiskWarningAdditionalData | Unset):
        log_type (WarningLogType | Unset): The severity of a warning (000 shows `information` and `warning`).
        short_description (str | Unset):
        long_description (str | Unset):
    """

    risk: str
    additional_data: None | RiskWarningAdditionalData | Unset = UNSET
    log_type: WarningLogType | Unset = UNSET
    short_description: str | Unset = UNSET
    long_description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        risk = self.risk

        additional_data: dict[str, Any] | None | Unset
        if isinstance(self.additional_data, Unset):
            additional_data = UNSET
        elif isinstance(self.additional_data, RiskWarningAdditionalData):
            additional_data = self.additional_data.to_dict()
        else:
            additional_data = self.additional_data

        log_type: str | Unset = UNSET
        if not isinstance(self.log_type, Unset):
            log_type = self.log_type.value

        short_description = self.short_description

        long_description = self.long_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "risk": risk,
            }
        )
        if additional_data is not UNSET:
            field_dict["additional_data"] = additional_data
        if log_type is not UNSET:
            field_dict["log_type"] = log_type
        if short_description is not UNSET:
            field_dict["short_description"] = short_description
        if long_description is not UNSET:
            field_dict["long_description"] = long_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        risk = d.pop("risk")

        def _parse_additional_data(data: object) -> None | RiskWarningAdditionalData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                additional_data_type_0 = RiskWarningAdditionalData.from_dict(data)

                return additional_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskWarningAdditionalData | Unset, data)

        additional_data = _parse_additional_data(d.pop("additional_data", UNSET))

        _log_type = d.pop("log_type", UNSET)
        log_type: WarningLogType | Unset
        if isinstance(_log_type, Unset):
            log_type = UNSET
        else:
            log_type = WarningLogType.decode(_log_type)

        short_description = d.pop("short_description", UNSET)

        long_description = d.pop("long_description", UNSET)

        risk_warning = cls(
            risk=risk,
            additional_data=additional_data,
            log_type=log_type,
            short_description=short_description,
            long_description=long_description,
        )

        risk_warning.additional_properties = d
        return risk_warning

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
from ..models.risk_warning_additional_data import RiskWarningAdditionalData
