from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="IpAnalysis")


@_attrs_define
class IpAnalysis:
    """The analysis of the device and IP address the user verified from.

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        ip_address (None | str | Unset):
        ip_country (None | str | Unset):
        ip_country_code (None | str | Unset):
        ip_city (None | str | Unset):
        is_vpn_or_tor (bool | None | Unset):
        is_data_center (bool | None | Unset):
        device_brand (None | str | Unset):
        os_family (None | str | Unset):
        browser_family (None | str | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    ip_address: None | str | Unset = UNSET
    ip_country: None | str | Unset = UNSET
    ip_country_code: None | str | Unset = UNSET
    ip_city: None | str | Unset = UNSET
    is_vpn_or_tor: bool | None | Unset = UNSET
    is_data_center: bool | None | Unset = UNSET
    device_brand: None | str | Unset = UNSET
    os_family: None | str | Unset = UNSET
    browser_family: None | str | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        ip_address: None | str | Unset
        if isinstance(self.ip_address, Unset):
            ip_address = UNSET
        else:
            ip_address = self.ip_address

        ip_country: None | str | Unset
        if isinstance(self.ip_country, Unset):
            ip_country = UNSET
        else:
            ip_country = self.ip_country

        ip_country_code: None | str | Unset
        if isinstance(self.ip_country_code, Unset):
            ip_country_code = UNSET
        else:
            ip_country_code = self.ip_country_code

        ip_city: None | str | Unset
        if isinstance(self.ip_city, Unset):
            ip_city = UNSET
        else:
            ip_city = self.ip_city

        is_vpn_or_tor: bool | None | Unset
        if isinstance(self.is_vpn_or_tor, Unset):
            is_vpn_or_tor = UNSET
        else:
            is_vpn_or_tor = self.is_vpn_or_tor

        is_data_center: bool | None | Unset
        if isinstance(self.is_data_center, Unset):
            is_data_center = UNSET
        else:
            is_data_center = self.is_data_center

        device_brand: None | str | Unset
        if isinstance(self.device_brand, Unset):
            device_brand = UNSET
        else:
            device_brand = self.device_brand

        os_family: None | str | Unset
        if isinstance(self.os_family, Unset):
            os_family = UNSET
        else:
            os_family = self.os_family

        browser_family: None | str | Unset
        if isinstance(self.browser_family, Unset):
            browser_family = UNSET
        else:
            browser_family = self.browser_family

        warnings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = []
            for warnings_item_data in self.warnings:
                warnings_item = warnings_item_data.to_dict()
                warnings.append(warnings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if ip_address is not UNSET:
            field_dict["ip_address"] = ip_address
        if ip_country is not UNSET:
            field_dict["ip_country"] = ip_country
        if ip_country_code is not UNSET:
            field_dict["ip_country_code"] = ip_country_code
        if ip_city is not UNSET:
            field_dict["ip_city"] = ip_city
        if is_vpn_or_tor is not UNSET:
            field_dict["is_vpn_or_tor"] = is_vpn_or_tor
        if is_data_center is not UNSET:
            field_dict["is_data_center"] = is_data_center
        if device_brand is not UNSET:
            field_dict["device_brand"] = device_brand
        if os_family is not UNSET:
            field_dict["os_family"] = os_family
        if browser_family is not UNSET:
            field_dict["browser_family"] = browser_family
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_ip_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_address = _parse_ip_address(d.pop("ip_address", UNSET))

        def _parse_ip_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_country = _parse_ip_country(d.pop("ip_country", UNSET))

        def _parse_ip_country_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_country_code = _parse_ip_country_code(d.pop("ip_country_code", UNSET))

        def _parse_ip_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip_city = _parse_ip_city(d.pop("ip_city", UNSET))

        def _parse_is_vpn_or_tor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_vpn_or_tor = _parse_is_vpn_or_tor(d.pop("is_vpn_or_tor", UNSET))

        def _parse_is_data_center(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_data_center = _parse_is_data_center(d.pop("is_data_center", UNSET))

        def _parse_device_brand(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_brand = _parse_device_brand(d.pop("device_brand", UNSET))

        def _parse_os_family(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        os_family = _parse_os_family(d.pop("os_family", UNSET))

        def _parse_browser_family(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        browser_family = _parse_browser_family(d.pop("browser_family", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        ip_analysis = cls(
            status=status,
            ip_address=ip_address,
            ip_country=ip_country,
            ip_country_code=ip_country_code,
            ip_city=ip_city,
            is_vpn_or_tor=is_vpn_or_tor,
            is_data_center=is_data_center,
            device_brand=device_brand,
            os_family=os_family,
            browser_family=browser_family,
            warnings=warnings,
        )

        ip_analysis.additional_properties = d
        return ip_analysis

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
from ..models.risk_warning import RiskWarning
