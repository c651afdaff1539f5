from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="RegistryCheck")


@_attrs_define
class RegistryCheck:
    """The result of checking a company against a business registry (KYB, 001).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        company_name (None | str | Unset):
        registration_number (None | str | Unset):
        country (None | str | Unset): ISO 3166-1 alpha-3.
        company_status (None | str | Unset):
        incorporation_date (datetime.date | None | Unset):
        registered_address (None | str | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    company_name: None | str | Unset = UNSET
    registration_number: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    company_status: None | str | Unset = UNSET
    incorporation_date: datetime.date | None | Unset = UNSET
    registered_address: None | str | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        company_name: None | str | Unset
        if isinstance(self.company_name, Unset):
            company_name = UNSET
        else:
            company_name = self.company_name

        registration_number: None | str | Unset
        if isinstance(self.registration_number, Unset):
            registration_number = UNSET
        else:
            registration_number = self.registration_number

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        company_status: None | str | Unset
        if isinstance(self.company_status, Unset):
            company_status = UNSET
        else:
            company_status = self.company_status

        incorporation_date: None | str | Unset
        if isinstance(self.incorporation_date, Unset):
            incorporation_date = UNSET
        elif isinstance(self.incorporation_date, datetime.date):
            incorporation_date = self.incorporation_date.isoformat()
        else:
            incorporation_date = self.incorporation_date

        registered_address: None | str | Unset
        if isinstance(self.registered_address, Unset):
            registered_address = UNSET
        else:
            registered_address = self.registered_address

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
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
        if country is not UNSET:
            field_dict["country"] = country
        if company_status is not UNSET:
            field_dict["company_status"] = company_status
        if incorporation_date is not UNSET:
            field_dict["incorporation_date"] = incorporation_date
        if registered_address is not UNSET:
            field_dict["registered_address"] = registered_address
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_company_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_name = _parse_company_name(d.pop("company_name", UNSET))

        def _parse_registration_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_number = _parse_registration_number(d.pop("registration_number", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_company_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_status = _parse_company_status(d.pop("company_status", UNSET))

        def _parse_incorporation_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                incorporation_date_type_0 = datetime.date.fromisoformat(data)

                return incorporation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        incorporation_date = _parse_incorporation_date(d.pop("incorporation_date", UNSET))

        def _parse_registered_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registered_address = _parse_registered_address(d.pop("registered_address", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        registry_check = cls(
            status=status,
            company_name=company_name,
            registration_number=registration_number,
            country=country,
            company_status=company_status,
            incorporation_date=incorporation_date,
            registered_address=registered_address,
            warnings=warnings,
        )

        registry_check.additional_properties = d
        return registry_check

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
