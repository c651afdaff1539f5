from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expected_details_expected_document_types_item import ExpectedDetailsExpectedDocumentTypesItem
from ..models.gender import Gender
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="ExpectedDetails")


@_attrs_define
class ExpectedDetails:
    """Details cross-validated against the data extracted during verification; mismatches raise
    warnings (002, 004). `country` and `address` are only in 002.

        Attributes:
            first_name (str | Unset):
            last_name (str | Unset):
            date_of_birth (datetime.date | Unset): `YYYY-MM-DD`.
            gender (Gender | None | Unset):
            nationality (str | Unset): An ISO 3166-1 alpha-3 country code, e.g. `USA`.
            country (str | Unset): An ISO 3166-1 alpha-3 country code, e.g. `USA`.
            address (str | Unset): Compared with proof-of-address documents (002). Didit's published OpenAPI: with it, one
                of `country` or `poa_country` is required (400 otherwise).
            id_country (str | Unset): An ISO 3166-1 alpha-3 country code, e.g. `USA`.
            poa_country (str | Unset): An ISO 3166-1 alpha-3 country code, e.g. `USA`.
            identification_number (str | Unset): The expected document or personal number (Didit's published OpenAPI).
            ip_address (str | Unset): The IPv4 or IPv6 address the user is expected to verify from (Didit's published
                OpenAPI).
            expected_document_types (list[ExpectedDetailsExpectedDocumentTypesItem] | Unset): Document types the user may
                present (Didit's published OpenAPI): passport, identity
                card, driving licence, residence permit, health insurance card, tax card, social security
                card.
            company_name (str | Unset): For business sessions, the expected company name (Didit's published OpenAPI).
            registry_country (str | Unset): For business sessions, the registry's country, ISO 3166-1 alpha-2 or a
                subdivision such as `US-CA`.
            registration_number (str | Unset): For business sessions, the expected registration number.
    """

    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    date_of_birth: datetime.date | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    nationality: str | Unset = UNSET
    country: str | Unset = UNSET
    address: str | Unset = UNSET
    id_country: str | Unset = UNSET
    poa_country: str | Unset = UNSET
    identification_number: str | Unset = UNSET
    ip_address: str | Unset = UNSET
    expected_document_types: list[ExpectedDetailsExpectedDocumentTypesItem] | Unset = UNSET
    company_name: str | Unset = UNSET
    registry_country: str | Unset = UNSET
    registration_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        date_of_birth: str | Unset = UNSET
        if not isinstance(self.date_of_birth, Unset):
            date_of_birth = self.date_of_birth.isoformat()

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        nationality = self.nationality

        country = self.country

        address = self.address

        id_country = self.id_country

        poa_country = self.poa_country

        identification_number = self.identification_number

        ip_address = self.ip_address

        expected_document_types: list[str] | Unset = UNSET
        if not isinstance(self.expected_document_types, Unset):
            expected_document_types = []
            for expected_document_types_item_data in self.expected_document_types:
                expected_document_types_item = expected_document_types_item_data.value
                expected_document_types.append(expected_document_types_item)

        company_name = self.company_name

        registry_country = self.registry_country

        registration_number = self.registration_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if gender is not UNSET:
            field_dict["gender"] = gender
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if country is not UNSET:
            field_dict["country"] = country
        if address is not UNSET:
            field_dict["address"] = address
        if id_country is not UNSET:
            field_dict["id_country"] = id_country
        if poa_country is not UNSET:
            field_dict["poa_country"] = poa_country
        if identification_number is not UNSET:
            field_dict["identification_number"] = identification_number
        if ip_address is not UNSET:
            field_dict["ip_address"] = ip_address
        if expected_document_types is not UNSET:
            field_dict["expected_document_types"] = expected_document_types
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if registry_country is not UNSET:
            field_dict["registry_country"] = registry_country
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        _date_of_birth = d.pop("date_of_birth", UNSET)
        date_of_birth: datetime.date | Unset
        if isinstance(_date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = datetime.date.fromisoformat(_date_of_birth)

        def _parse_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = Gender.decode(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        nationality = d.pop("nationality", UNSET)

        country = d.pop("country", UNSET)

        address = d.pop("address", UNSET)

        id_country = d.pop("id_country", UNSET)

        poa_country = d.pop("poa_country", UNSET)

        identification_number = d.pop("identification_number", UNSET)

        ip_address = d.pop("ip_address", UNSET)

        _expected_document_types = d.pop("expected_document_types", UNSET)
        expected_document_types: list[ExpectedDetailsExpectedDocumentTypesItem] | Unset = UNSET
        if _expected_document_types is not UNSET:
            expected_document_types = []
            for expected_document_types_item_data in _expected_document_types:
                expected_document_types_item = ExpectedDetailsExpectedDocumentTypesItem.decode(
                    expected_document_types_item_data
                )

                expected_document_types.append(expected_document_types_item)

        company_name = d.pop("company_name", UNSET)

        registry_country = d.pop("registry_country", UNSET)

        registration_number = d.pop("registration_number", UNSET)

        expected_details = cls(
            first_name=first_name,
            last_name=last_name,
            date_of_birth=date_of_birth,
            gender=gender,
            nationality=nationality,
            country=country,
            address=address,
            id_country=id_country,
            poa_country=poa_country,
            identification_number=identification_number,
            ip_address=ip_address,
            expected_document_types=expected_document_types,
            company_name=company_name,
            registry_country=registry_country,
            registration_number=registration_number,
        )

        expected_details.additional_properties = d
        return expected_details

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
