from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="PhoneVerification")


@_attrs_define
class PhoneVerification:
    """The result of phone verification (004's `phone_verifications` items).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        full_number (None | str | Unset): E.164.
        country_code (None | str | Unset):
        is_disposable (bool | None | Unset):
        is_virtual (bool | None | Unset):
        verified_at (datetime.datetime | None | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    full_number: None | str | Unset = UNSET
    country_code: None | str | Unset = UNSET
    is_disposable: bool | None | Unset = UNSET
    is_virtual: bool | None | Unset = UNSET
    verified_at: datetime.datetime | None | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        full_number: None | str | Unset
        if isinstance(self.full_number, Unset):
            full_number = UNSET
        else:
            full_number = self.full_number

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        is_disposable: bool | None | Unset
        if isinstance(self.is_disposable, Unset):
            is_disposable = UNSET
        else:
            is_disposable = self.is_disposable

        is_virtual: bool | None | Unset
        if isinstance(self.is_virtual, Unset):
            is_virtual = UNSET
        else:
            is_virtual = self.is_virtual

        verified_at: None | str | Unset
        if isinstance(self.verified_at, Unset):
            verified_at = UNSET
        elif isinstance(self.verified_at, datetime.datetime):
            verified_at = self.verified_at.isoformat()
        else:
            verified_at = self.verified_at

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
        if full_number is not UNSET:
            field_dict["full_number"] = full_number
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if is_disposable is not UNSET:
            field_dict["is_disposable"] = is_disposable
        if is_virtual is not UNSET:
            field_dict["is_virtual"] = is_virtual
        if verified_at is not UNSET:
            field_dict["verified_at"] = verified_at
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_full_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_number = _parse_full_number(d.pop("full_number", UNSET))

        def _parse_country_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country_code = _parse_country_code(d.pop("country_code", UNSET))

        def _parse_is_disposable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_disposable = _parse_is_disposable(d.pop("is_disposable", UNSET))

        def _parse_is_virtual(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_virtual = _parse_is_virtual(d.pop("is_virtual", UNSET))

        def _parse_verified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_at_type_0 = datetime.datetime.fromisoformat(data)

                return verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        verified_at = _parse_verified_at(d.pop("verified_at", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        phone_verification = cls(
            status=status,
            full_number=full_number,
            country_code=country_code,
            is_disposable=is_disposable,
            is_virtual=is_virtual,
            verified_at=verified_at,
            warnings=warnings,
        )

        phone_verification.additional_properties = d
        return phone_verification

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
