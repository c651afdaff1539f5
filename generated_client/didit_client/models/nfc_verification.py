from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="NfcVerification")


@_attrs_define
class NfcVerification:
    """The result of reading the document's NFC chip.

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        portrait_image (None | str | Unset):
        signature_image (None | str | Unset):
        chip_data (NfcVerificationChipData | Unset):
        authenticity (NfcVerificationAuthenticity | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    portrait_image: None | str | Unset = UNSET
    signature_image: None | str | Unset = UNSET
    chip_data: NfcVerificationChipData | Unset = UNSET
    authenticity: NfcVerificationAuthenticity | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        portrait_image: None | str | Unset
        if isinstance(self.portrait_image, Unset):
            portrait_image = UNSET
        else:
            portrait_image = self.portrait_image

        signature_image: None | str | Unset
        if isinstance(self.signature_image, Unset):
            signature_image = UNSET
        else:
            signature_image = self.signature_image

        chip_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chip_data, Unset):
            chip_data = self.chip_data.to_dict()

        authenticity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authenticity, Unset):
            authenticity = self.authenticity.to_dict()

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
        if portrait_image is not UNSET:
            field_dict["portrait_image"] = portrait_image
        if signature_image is not UNSET:
            field_dict["signature_image"] = signature_image
        if chip_data is not UNSET:
            field_dict["chip_data"] = chip_data
        if authenticity is not UNSET:
            field_dict["authenticity"] = authenticity
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_portrait_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portrait_image = _parse_portrait_image(d.pop("portrait_image", UNSET))

        def _parse_signature_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signature_image = _parse_signature_image(d.pop("signature_image", UNSET))

        _chip_data = d.pop("chip_data", UNSET)
        chip_data: NfcVerificationChipData | Unset
        if isinstance(_chip_data, Unset):
            chip_data = UNSET
        else:
            chip_data = NfcVerificationChipData.from_dict(_chip_data)

        _authenticity = d.pop("authenticity", UNSET)
        authenticity: NfcVerificationAuthenticity | Unset
        if isinstance(_authenticity, Unset):
            authenticity = UNSET
        else:
            authenticity = NfcVerificationAuthenticity.from_dict(_authenticity)

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        nfc_verification = cls(
            status=status,
            portrait_image=portrait_image,
            signature_image=signature_image,
            chip_data=chip_data,
            authenticity=authenticity,
            warnings=warnings,
        )

        nfc_verification.additional_properties = d
        return nfc_verification

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
from ..models.nfc_verification_authenticity import NfcVerificationAuthenticity
from ..models.nfc_verification_chip_data import NfcVerificationChipData
from ..models.risk_warning import RiskWarning
