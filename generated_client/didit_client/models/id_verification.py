from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_status import FeatureStatus
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="IdVerification")


@_attrs_define
class IdVerification:
    """The result of ID document verification (000; 004's `id_verifications` items).

    Attributes:
        status (FeatureStatus): The status of one feature's result within a decision.
        document_type (None | str | Unset):
        document_number (None | str | Unset):
        personal_number (None | str | Unset):
        portrait_image (None | str | Unset):
        front_image (None | str | Unset):
        front_video (None | str | Unset):
        back_image (None | str | Unset):
        back_video (None | str | Unset):
        full_front_image (None | str | Unset):
        full_back_image (None | str | Unset):
        date_of_birth (datetime.date | None | Unset):
        age (int | None | Unset):
        expiration_date (datetime.date | None | Unset):
        date_of_issue (datetime.date | None | Unset):
        issuing_state (None | str | Unset): ISO 3166-1 alpha-3.
        issuing_state_name (None | str | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        full_name (None | str | Unset):
        gender (None | str | Unset):
        address (None | str | Unset):
        formatted_address (None | str | Unset):
        place_of_birth (None | str | Unset):
        marital_status (None | str | Unset):
        nationality (None | str | Unset): ISO 3166-1 alpha-3.
        extra_fields (IdVerificationExtraFields | Unset):
        parsed_address (None | ParsedAddress | Unset):
        extra_files (list[str] | Unset):
        warnings (list[RiskWarning] | Unset):
    """

    status: FeatureStatus
    document_type: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    personal_number: None | str | Unset = UNSET
    portrait_image: None | str | Unset = UNSET
    front_image: None | str | Unset = UNSET
    front_video: None | str | Unset = UNSET
    back_image: None | str | Unset = UNSET
    back_video: None | str | Unset = UNSET
    full_front_image: None | str | Unset = UNSET
    full_back_image: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    age: int | None | Unset = UNSET
    expiration_date: datetime.date | None | Unset = UNSET
    date_of_issue: datetime.date | None | Unset = UNSET
    issuing_state: None | str | Unset = UNSET
    issuing_state_name: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    full_name: None | str | Unset = UNSET
    gender: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    formatted_address: None | str | Unset = UNSET
    place_of_birth: None | str | Unset = UNSET
    marital_status: None | str | Unset = UNSET
    nationality: None | str | Unset = UNSET
    extra_fields: IdVerificationExtraFields | Unset = UNSET
    parsed_address: None | ParsedAddress | Unset = UNSET
    extra_files: list[str] | Unset = UNSET
    warnings: list[RiskWarning] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        personal_number: None | str | Unset
        if isinstance(self.personal_number, Unset):
            personal_number = UNSET
        else:
            personal_number = self.personal_number

        portrait_image: None | str | Unset
        if isinstance(self.portrait_image, Unset):
            portrait_image = UNSET
        else:
            portrait_image = self.portrait_image

        front_image: None | str | Unset
        if isinstance(self.front_image, Unset):
            front_image = UNSET
        else:
            front_image = self.front_image

        front_video: None | str | Unset
        if isinstance(self.front_video, Unset):
            front_video = UNSET
        else:
            front_video = self.front_video

        back_image: None | str | Unset
        if isinstance(self.back_image, Unset):
            back_image = UNSET
        else:
            back_image = self.back_image

        back_video: None | str | Unset
        if isinstance(self.back_video, Unset):
            back_video = UNSET
        else:
            back_video = self.back_video

        full_front_image: None | str | Unset
        if isinstance(self.full_front_image, Unset):
            full_front_image = UNSET
        else:
            full_front_image = self.full_front_image

        full_back_image: None | str | Unset
        if isinstance(self.full_back_image, Unset):
            full_back_image = UNSET
        else:
            full_back_image = self.full_back_image

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        expiration_date: None | str | Unset
        if isinstance(self.expiration_date, Unset):
            expiration_date = UNSET
        elif isinstance(self.expiration_date, datetime.date):
            expiration_date = self.expiration_date.isoformat()
        else:
            expiration_date = self.expiration_date

        date_of_issue: None | str | Unset
        if isinstance(self.date_of_issue, Unset):
            date_of_issue = UNSET
        elif isinstance(self.date_of_issue, datetime.date):
            date_of_issue = self.date_of_issue.isoformat()
        else:
            date_of_issue = self.date_of_issue

        issuing_state: None | str | Unset
        if isinstance(self.issuing_state, Unset):
            issuing_state = UNSET
        else:
            issuing_state = self.issuing_state

        issuing_state_name: None | str | Unset
        if isinstance(self.issuing_state_name, Unset):
            issuing_state_name = UNSET
        else:
            issuing_state_name = self.issuing_state_name

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        formatted_address: None | str | Unset
        if isinstance(self.formatted_address, Unset):
            formatted_address = UNSET
        else:
            formatted_address = self.formatted_address

        place_of_birth: None | str | Unset
        if isinstance(self.place_of_birth, Unset):
            place_of_birth = UNSET
        else:
            place_of_birth = self.place_of_birth

        marital_status: None | str | Unset
        if isinstance(self.marital_status, Unset):
            marital_status = UNSET
        else:
            marital_status = self.marital_status

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        extra_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_fields, Unset):
            extra_fields = self.extra_fields.to_dict()

        parsed_address: dict[str, Any] | None | Unset
        if isinstance(self.parsed_address, Unset):
            parsed_address = UNSET
        elif isinstance(self.parsed_address, ParsedAddress):
            parsed_address = self.parsed_address.to_dict()
        else:
            parsed_address = self.parsed_address

        extra_files: list[str] | Unset = UNSET
        if not isinstance(self.extra_files, Unset):
            extra_files = self.extra_files

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
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if personal_number is not UNSET:
            field_dict["personal_number"] = personal_number
        if portrait_image is not UNSET:
            field_dict["portrait_image"] = portrait_image
        if front_image is not UNSET:
            field_dict["front_image"] = front_image
        if front_video is not UNSET:
            field_dict["front_video"] = front_video
        if back_image is not UNSET:
            field_dict["back_image"] = back_image
        if back_video is not UNSET:
            field_dict["back_video"] = back_video
        if full_front_image is not UNSET:
            field_dict["full_front_image"] = full_front_image
        if full_back_image is not UNSET:
            field_dict["full_back_image"] = full_back_image
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if age is not UNSET:
            field_dict["age"] = age
        if expiration_date is not UNSET:
            field_dict["expiration_date"] = expiration_date
        if date_of_issue is not UNSET:
            field_dict["date_of_issue"] = date_of_issue
        if issuing_state is not UNSET:
            field_dict["issuing_state"] = issuing_state
        if issuing_state_name is not UNSET:
            field_dict["issuing_state_name"] = issuing_state_name
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if address is not UNSET:
            field_dict["address"] = address
        if formatted_address is not UNSET:
            field_dict["formatted_address"] = formatted_address
        if place_of_birth is not UNSET:
            field_dict["place_of_birth"] = place_of_birth
        if marital_status is not UNSET:
            field_dict["marital_status"] = marital_status
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if extra_fields is not UNSET:
            field_dict["extra_fields"] = extra_fields
        if parsed_address is not UNSET:
            field_dict["parsed_address"] = parsed_address
        if extra_files is not UNSET:
            field_dict["extra_files"] = extra_files
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

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        def _parse_personal_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_number = _parse_personal_number(d.pop("personal_number", UNSET))

        def _parse_portrait_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        portrait_image = _parse_portrait_image(d.pop("portrait_image", UNSET))

        def _parse_front_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        front_image = _parse_front_image(d.pop("front_image", UNSET))

        def _parse_front_video(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        front_video = _parse_front_video(d.pop("front_video", UNSET))

        def _parse_back_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        back_image = _parse_back_image(d.pop("back_image", UNSET))

        def _parse_back_video(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        back_video = _parse_back_video(d.pop("back_video", UNSET))

        def _parse_full_front_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_front_image = _parse_full_front_image(d.pop("full_front_image", UNSET))

        def _parse_full_back_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_back_image = _parse_full_back_image(d.pop("full_back_image", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_expiration_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiration_date_type_0 = datetime.date.fromisoformat(data)

                return expiration_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expiration_date = _parse_expiration_date(d.pop("expiration_date", UNSET))

        def _parse_date_of_issue(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_issue_type_0 = datetime.date.fromisoformat(data)

                return date_of_issue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_issue = _parse_date_of_issue(d.pop("date_of_issue", UNSET))

        def _parse_issuing_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuing_state = _parse_issuing_state(d.pop("issuing_state", UNSET))

        def _parse_issuing_state_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuing_state_name = _parse_issuing_state_name(d.pop("issuing_state_name", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_formatted_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        formatted_address = _parse_formatted_address(d.pop("formatted_address", UNSET))

        def _parse_place_of_birth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place_of_birth = _parse_place_of_birth(d.pop("place_of_birth", UNSET))

        def _parse_marital_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        marital_status = _parse_marital_status(d.pop("marital_status", UNSET))

        def _parse_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        _extra_fields = d.pop("extra_fields", UNSET)
        extra_fields: IdVerificationExtraFields | Unset
        if isinstance(_extra_fields, Unset):
            extra_fields = UNSET
        else:
            extra_fields = IdVerificationExtraFields.from_dict(_extra_fields)

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

        extra_files = cast(list[str], d.pop("extra_files", UNSET))

        _warnings = d.pop("warnings", UNSET)
        warnings: list[RiskWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = RiskWarning.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        id_verification = cls(
            status=status,
            document_type=document_type,
            document_number=document_number,
            personal_number=personal_number,
            portrait_image=portrait_image,
            front_image=front_image,
            front_video=front_video,
            back_image=back_image,
            back_video=back_video,
            full_front_image=full_front_image,
            full_back_image=full_back_image,
            date_of_birth=date_of_birth,
            age=age,
            expiration_date=expiration_date,
            date_of_issue=date_of_issue,
            issuing_state=issuing_state,
            issuing_state_name=issuing_state_name,
            first_name=first_name,
            last_name=last_name,
            full_name=full_name,
            gender=gender,
            address=address,
            formatted_address=formatted_address,
            place_of_birth=place_of_birth,
            marital_status=marital_status,
            nationality=nationality,
            extra_fields=extra_fields,
            parsed_address=parsed_address,
            extra_files=extra_files,
            warnings=warnings,
        )

        id_verification.additional_properties = d
        return id_verification

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
from ..models.id_verification_extra_fields import IdVerificationExtraFields
from ..models.parsed_address import ParsedAddress
from ..models.risk_warning import RiskWarning
