from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="EmailVerification")


@_attrs_define
class EmailVerification:
    """The result of e-mail verification (004's `email_verifications` items).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        email (None | str | Unset):
        is_breached (bool | None | Unset):
        is_disposable (bool | None | Unset):
        verified_at (datetime.datetime | None | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    email: None | str | Unset = UNSET
    is_breached: bool | None | Unset = UNSET
    is_disposable: bool | None | Unset = UNSET
    verified_at: datetime.datetime | None | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        is_breached: bool | None | Unset
        if isinstance(self.is_breached, Unset):
            is_breached = UNSET
        else:
            is_breached = self.is_breached

        is_disposable: bool | None | Unset
        if isinstance(self.is_disposable, Unset):
            is_disposable = UNSET
        else:
            is_disposable = self.is_disposable

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
        if email is not UNSET:
            field_dict["email"] = email
        if is_breached is not UNSET:
            field_dict["is_breached"] = is_breached
        if is_disposable is not UNSET:
            field_dict["is_disposable"] = is_disposable
        if verified_at is not UNSET:
            field_dict["verified_at"] = verified_at
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_is_breached(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_breached = _parse_is_breached(d.pop("is_breached", UNSET))

        def _parse_is_disposable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_disposable = _parse_is_disposable(d.pop("is_disposable", UNSET))

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

        email_verification = cls(
            status=status,
            email=email,
            is_breached=is_breached,
            is_disposable=is_disposable,
            verified_at=verified_at,
            warnings=warnings,
        )

        email_verification.additional_properties = d
        return email_verification

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
