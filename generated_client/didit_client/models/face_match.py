from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="FaceMatch")


@_attrs_define
class FaceMatch:
    """The result of matching the selfie against the document portrait (000, 004).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        score (float | None | Unset):
        source_image (None | str | Unset):
        target_image (None | str | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    score: float | None | Unset = UNSET
    source_image: None | str | Unset = UNSET
    target_image: None | str | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        source_image: None | str | Unset
        if isinstance(self.source_image, Unset):
            source_image = UNSET
        else:
            source_image = self.source_image

        target_image: None | str | Unset
        if isinstance(self.target_image, Unset):
            target_image = UNSET
        else:
            target_image = self.target_image

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
        if score is not UNSET:
            field_dict["score"] = score
        if source_image is not UNSET:
            field_dict["source_image"] = source_image
        if target_image is not UNSET:
            field_dict["target_image"] = target_image
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_source_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_image = _parse_source_image(d.pop("source_image", UNSET))

        def _parse_target_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_image = _parse_target_image(d.pop("target_image", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        face_match = cls(
            status=status,
            score=score,
            source_image=source_image,
            target_image=target_image,
            warnings=warnings,
        )

        face_match.additional_properties = d
        return face_match

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
