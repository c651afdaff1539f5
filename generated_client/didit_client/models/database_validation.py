from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="DatabaseValidation")


@_attrs_define
class DatabaseValidation:
    """The result of validating the identity against government or commercial databases.

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        match_type (None | str | Unset):
        issuing_state (None | str | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    match_type: None | str | Unset = UNSET
    issuing_state: None | str | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        match_type: None | str | Unset
        if isinstance(self.match_type, Unset):
            match_type = UNSET
        else:
            match_type = self.match_type

        issuing_state: None | str | Unset
        if isinstance(self.issuing_state, Unset):
            issuing_state = UNSET
        else:
            issuing_state = self.issuing_state

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
        if match_type is not UNSET:
            field_dict["match_type"] = match_type
        if issuing_state is not UNSET:
            field_dict["issuing_state"] = issuing_state
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_match_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        match_type = _parse_match_type(d.pop("match_type", UNSET))

        def _parse_issuing_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuing_state = _parse_issuing_state(d.pop("issuing_state", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        database_validation = cls(
            status=status,
            match_type=match_type,
            issuing_state=issuing_state,
            warnings=warnings,
        )

        database_validation.additional_properties = d
        return database_validation

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
