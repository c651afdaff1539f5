from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resubmittable_feature import ResubmittableFeature
from ..types import redact_additional_properties

T = TypeVar("T", bound="NodeToResubmit")


@_attrs_define
class NodeToResubmit:
    """A workflow step sent back to the user (004, e.g. `{"node_id": "feature_ocr", "feature": "OCR"}`).

    Attributes:
        node_id (str):
        feature (ResubmittableFeature): A step `nodes_to_resubmit` can name (Didit's published OpenAPI).
            `ID_VERIFICATION`, `POA`,
            `PHONE` and `EMAIL` are aliases of `OCR`, `PROOF_OF_ADDRESS`, `PHONE_VERIFICATION` and
            `EMAIL_VERIFICATION`; `KYB_REGISTRY`, `KYB_KEY_PEOPLE` and `KYB` pass the schema but can
            never be resubmitted (400).
    """

    node_id: str
    feature: ResubmittableFeature
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        feature = self.feature.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "node_id": node_id,
                "feature": feature,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        node_id = d.pop("node_id")

        feature = ResubmittableFeature.decode(d.pop("feature"))

        node_to_resubmit = cls(
            node_id=node_id,
            feature=feature,
        )

        node_to_resubmit.additional_properties = d
        return node_to_resubmit

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
