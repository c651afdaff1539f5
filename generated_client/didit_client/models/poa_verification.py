from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="PoaVerification")


@_attrs_define
class PoaVerification:
    """The result of proof-of-address verification.

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        document_type (None | str | Unset):
        issuer (None | str | Unset):
        issue_date (datetime.date | None | Unset):
        poa_address (None | str | Unset):
        name_on_document (None | str | Unset):
        parsed_address (None | ParsedAddress | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    document_type: None | str | Unset = UNSET
    issuer: None | str | Unset = UNSET
    issue_date: datetime.date | None | Unset = UNSET
    poa_address: None | str | Unset = UNSET
    name_on_document: None | str | Unset = UNSET
    parsed_address: None | ParsedAddress | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        issuer: None | str | Unset
        if isinstance(self.issuer, Unset):
            issuer = UNSET
        else:
            issuer = self.issuer

        issue_date: None | str | Unset
        if isinstance(self.issue_date, Unset):
            issue_date = UNSET
        elif isinstance(self.issue_date, datetime.date):
            issue_date = self.issue_date.isoformat()
        else:
            issue_date = self.issue_date

        poa_address: None | str | Unset
        if isinstance(self.poa_address, Unset):
            poa_address = UNSET
        else:
            poa_address = self.poa_address

        name_on_document: None | str | Unset
        if isinstance(self.name_on_document, Unset):
            name_on_document = UNSET
        else:
            name_on_document = self.name_on_document

        parsed_address: dict[str, Any] | None | Unset
        if isinstance(self.parsed_address, Unset):
            parsed_address = UNSET
        elif isinstance(self.parsed_address, ParsedAddress):
            parsed_address = self.parsed_address.to_dict()
        else:
            parsed_address = self.parsed_address

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
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if issue_date is not UNSET:
            field_dict["issue_date"] = issue_date
        if poa_address is not UNSET:
            field_dict["poa_address"] = poa_address
        if name_on_document is not UNSET:
            field_dict["name_on_document"] = name_on_document
        if parsed_address is not UNSET:
            field_dict["parsed_address"] = parsed_address
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FeatureStatus.decode(d.pop("status"))

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("document_type", UNSET))

        def _parse_issuer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuer = _parse_issuer(d.pop("issuer", UNSET))

        def _parse_issue_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issue_date_type_0 = datetime.date.fromisoformat(data)

                return issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issue_date = _parse_issue_date(d.pop("issue_date", UNSET))

        def _parse_poa_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        poa_address = _parse_poa_address(d.pop("poa_address", UNSET))

        def _parse_name_on_document(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_on_document = _parse_name_on_document(d.pop("name_on_document", UNSET))

        def _parse_parsed_address(data: object) -> None | ParsedAddress | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parsed_address_type_0 = ParsedAddress.from_dict(data)

                return parsed_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParsedAddress | Unset, data)

        parsed_address = _parse_parsed_address(d.pop("parsed_address", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        poa_verification = cls(
            status=status,
            document_type=document_type,
            issuer=issuer,
            issue_date=issue_date,
            poa_address=poa_address,
            name_on_document=name_on_document,
            parsed_address=parsed_address,
            warnings=warnings,
        )

        poa_verification.additional_properties = d
        return poa_verification

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
from ..models.parsed_address import ParsedAddress
from ..models.risk_warning import RiskWarning
