from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="KeyPerson")


@_attrs_define
class KeyPerson:
    """A director, shareholder or beneficial owner of a business (KYB, 001).

    Attributes:
        full_name (None | str | Unset):
        role (None | str | Unset):
        ownership_percentage (float | None | Unset):
        status (FeatureStatus | Unset): The status of one feature's result within a decision.
    """

    full_name: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    ownership_percentage: float | None | Unset = UNSET
    status: FeatureStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        ownership_percentage: float | None | Unset
        if isinstance(self.ownership_percentage, Unset):
            ownership_percentage = UNSET
        else:
            ownership_percentage = self.ownership_percentage

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if role is not UNSET:
            field_dict["role"] = role
        if ownership_percentage is not UNSET:
            field_dict["ownership_percentage"] = ownership_percentage
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_ownership_percentage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ownership_percentage = _parse_ownership_percentage(d.pop("ownership_percentage", UNSET))

        _status = d.pop("status", UNSET)
        status: FeatureStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = FeatureStatus.decode(_status)

        key_person = cls(
            full_name=full_name,
            role=role,
            ownership_percentage=ownership_percentage,
            status=status,
        )

        key_person.additional_properties = d
        return key_person

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
