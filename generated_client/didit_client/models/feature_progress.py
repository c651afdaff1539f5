from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import redact_additional_properties

T = TypeVar("T", bound="FeatureProgress")


@_attrs_define
class FeatureProgress:
    """One feature of a session and its status, as a list row shows it.

    Attributes:
        feature (str): The feature's name. Didit's published OpenAPI writes `EMAIL_VERIFICATION` where
            `Feature` has `EMAIL`; both appear.
        status (FeatureStatus): The status of one feature's result within a decision.
    """

    feature: str
    status: FeatureStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature": feature,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feature = d.pop("feature")

        status = FeatureStatus.decode(d.pop("status"))

        feature_progress = cls(
            feature=feature,
            status=status,
        )

        feature_progress.additional_properties = d
        return feature_progress

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
