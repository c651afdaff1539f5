from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="LivenessCheck")


@_attrs_define
class LivenessCheck:
    """The result of the liveness check (000; 004's `liveness_checks` items).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        method (None | str | Unset): e.g. `ACTIVE_3D`.
        score (float | None | Unset):
        reference_image (None | str | Unset):
        video_url (None | str | Unset):
        age_estimation (float | None | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    method: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    reference_image: None | str | Unset = UNSET
    video_url: None | str | Unset = _attrs_field(repr=redact_url, default=UNSET)
    age_estimation: float | None | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        else:
            method = self.method

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        reference_image: None | str | Unset
        if isinstance(self.reference_image, Unset):
            reference_image = UNSET
        else:
            reference_image = self.reference_image

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        age_estimation: float | None | Unset
        if isinstance(self.age_estimation, Unset):
            age_estimation = UNSET
        else:
            age_estimation = self.age_estimation

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
        if method is not UNSET:
            field_dict["method"] = method
        if score is not UNSET:
            field_dict["score"] = score
        if reference_image is not UNSET:
            field_dict["reference_image"] = reference_image
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if age_estimation is not UNSET:
            field_dict["age_estimation"] = age_estimation
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        method = _parse_method(d.pop("method", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_reference_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_image = _parse_reference_image(d.pop("reference_image", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_age_estimation(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        age_estimation = _parse_age_estimation(d.pop("age_estimation", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        liveness_check = cls(
            status=status,
            method=method,
            score=score,
            reference_image=reference_image,
            video_url=video_url,
            age_estimation=age_estimation,
            warnings=warnings,
        )

        liveness_check.additional_properties = d
        return liveness_check

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
