from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="AmlScreening")


@_attrs_define
class AmlScreening:
    """The result of AML screening (004's `aml_screenings` items).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        total_hits (int | Unset):
        score (float | None | Unset):
        hits (list[AmlHit] | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    total_hits: int | Unset = UNSET
    score: float | None | Unset = UNSET
    hits: list[AmlHit] | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        total_hits = self.total_hits

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        hits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hits, Unset):
            hits = []
            for hits_item_data in self.hits:
                hits_item = hits_item_data.to_dict()
                hits.append(hits_item)

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
        if total_hits is not UNSET:
            field_dict["total_hits"] = total_hits
        if score is not UNSET:
            field_dict["score"] = score
        if hits is not UNSET:
            field_dict["hits"] = hits
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        total_hits = d.pop("total_hits", UNSET)

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        _hits = d.pop("hits", UNSET)
        hits: list[AmlHit] | Unset = UNSET
        if _hits is not UNSET:
            hits = []
            for hits_item_data in _hits:
                hits_item = AmlHit.from_dict(hits_item_data)

                hits.append(hits_item)

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        aml_screening = cls(
            status=status,
            total_hits=total_hits,
            score=score,
            hits=hits,
            warnings=warnings,
        )

        aml_screening.additional_properties = d
        return aml_screening

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
from ..models.aml_hit import AmlHit
from ..models.risk_warning import RiskWarning
