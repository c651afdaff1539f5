from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="ParsedAddress")


@_attrs_define
class ParsedAddress:
    """An address parsed and geocoded from a document (000).

    Attributes:
        id (UUID | Unset):
        address_type (None | str | Unset):
        city (None | str | Unset):
        label (None | str | Unset):
        region (None | str | Unset):
        street_1 (None | str | Unset):
        street_2 (None | str | Unset):
        postal_code (None | str | Unset):
        raw_results (ParsedAddressRawResults | Unset): The geocoder's raw answer.
    """

    id: UUID | Unset = UNSET
    address_type: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    street_1: None | str | Unset = UNSET
    street_2: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    raw_results: ParsedAddressRawResults | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        address_type: None | str | Unset
        if isinstance(self.address_type, Unset):
            address_type = UNSET
        else:
            address_type = self.address_type

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        street_1: None | str | Unset
        if isinstance(self.street_1, Unset):
            street_1 = UNSET
        else:
            street_1 = self.street_1

        street_2: None | str | Unset
        if isinstance(self.street_2, Unset):
            street_2 = UNSET
        else:
            street_2 = self.street_2

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        raw_results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.raw_results, Unset):
            raw_results = self.raw_results.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if address_type is not UNSET:
            field_dict["address_type"] = address_type
        if city is not UNSET:
            field_dict["city"] = city
        if label is not UNSET:
            field_dict["label"] = label
        if region is not UNSET:
            field_dict["region"] = region
        if street_1 is not UNSET:
            field_dict["street_1"] = street_1
        if street_2 is not UNSET:
            field_dict["street_2"] = street_2
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if raw_results is not UNSET:
            field_dict["raw_results"] = raw_results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_address_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_type = _parse_address_type(d.pop("address_type", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_street_1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street_1 = _parse_street_1(d.pop("street_1", UNSET))

        def _parse_street_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street_2 = _parse_street_2(d.pop("street_2", UNSET))

        def _parse_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_code = _parse_postal_code(d.pop("postal_code", UNSET))

        _raw_results = d.pop("raw_results", UNSET)
        raw_results: ParsedAddressRawResults | Unset
        if isinstance(_raw_results, Unset):
            raw_results = UNSET
        else:
            raw_results = ParsedAddressRawResults.from_dict(_raw_results)

        parsed_address = cls(
            id=id,
            address_type=address_type,
            city=city,
            label=label,
            region=region,
            street_1=street_1,
            street_2=street_2,
            postal_code=postal_code,
            raw_results=raw_results,
        )

        parsed_address.additional_properties = d
        return parsed_address

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
from ..models.parsed_address_raw_results import ParsedAddressRawResults
