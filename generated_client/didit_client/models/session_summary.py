from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_kind import SessionKind
from ..models.session_status import SessionStatus
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    """A session in a list. 004 shows identifiers, status, `vendor_data` and `created_at`; Didit's
    published OpenAPI adds, for user sessions, the hosted-page URL, the verified person's name,
    country and document type, and each feature's status, and for business sessions the
    workflow and the company's name, registration number and country. Fields a row does not
    have are null or absent.

        Attributes:
            session_id (UUID):
            status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
                `Approved`,
                `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
                service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
                snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
            session_number (int | Unset):
            session_kind (SessionKind | Unset): A user (KYC) or business (KYB) session (001, 003).
            vendor_data (None | str | Unset):
            workflow_id (None | Unset | UUID):
            session_url (None | str | Unset):
            full_name (None | str | Unset):
            country (None | str | Unset):
            document_type (None | str | Unset):
            company_name (None | str | Unset):
            registration_number (None | str | Unset):
            features (list[FeatureProgress] | Unset): Each feature of the session's workflow, and where it stands.
            created_at (datetime.datetime | Unset):
    """

    session_id: UUID
    status: SessionStatus
    session_number: int | Unset = UNSET
    session_kind: SessionKind | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    workflow_id: None | Unset | UUID = UNSET
    session_url: None | str | Unset = _attrs_field(repr=redact_url, default=UNSET)
    full_name: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    document_type: None | str | Unset = UNSET
    company_name: None | str | Unset = UNSET
    registration_number: None | str | Unset = UNSET
    features: list[FeatureProgress] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        status = self.status.value

        session_number = self.session_number

        session_kind: str | Unset = UNSET
        if not isinstance(self.session_kind, Unset):
            session_kind = self.session_kind.value

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        workflow_id: None | str | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        elif isinstance(self.workflow_id, UUID):
            workflow_id = str(self.workflow_id)
        else:
            workflow_id = self.workflow_id

        session_url: None | str | Unset
        if isinstance(self.session_url, Unset):
            session_url = UNSET
        else:
            session_url = self.session_url

        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        company_name: None | str | Unset
        if isinstance(self.company_name, Unset):
            company_name = UNSET
        else:
            company_name = self.company_name

        registration_number: None | str | Unset
        if isinstance(self.registration_number, Unset):
            registration_number = UNSET
        else:
            registration_number = self.registration_number

        features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = []
            for features_item_data in self.features:
                features_item = features_item_data.to_dict()
                features.append(features_item)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "status": status,
            }
        )
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if session_kind is not UNSET:
            field_dict["session_kind"] = session_kind
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if session_url is not UNSET:
            field_dict["session_url"] = session_url
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if country is not UNSET:
            field_dict["country"] = country
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
        if features is not UNSET:
            field_dict["features"] = features
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        status = SessionStatus.decode(d.pop("status"))

        session_number = d.pop("session_number", UNSET)

        _session_kind = d.pop("session_kind", UNSET)
        session_kind: SessionKind | Unset
        if isinstance(_session_kind, Unset):
            session_kind = UNSET
        else:
            session_kind = SessionKind.decode(_session_kind)

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_workflow_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workflow_id_type_0 = UUID(data)

                return workflow_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        def _parse_session_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_url = _parse_session_url(d.pop("session_url", UNSET))

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("document_type", UNSET))

        def _parse_company_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_name = _parse_company_name(d.pop("company_name", UNSET))

        def _parse_registration_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_number = _parse_registration_number(d.pop("registration_number", UNSET))

        _features = d.pop("features", UNSET)
        features: list[FeatureProgress] | Unset = UNSET
        if _features is not UNSET:
            features = []
            for features_item_data in _features:
                features_item = FeatureProgress.from_dict(features_item_data)

                features.append(features_item)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        session_summary = cls(
            session_id=session_id,
            status=status,
            session_number=session_number,
            session_kind=session_kind,
            vendor_data=vendor_data,
            workflow_id=workflow_id,
            session_url=session_url,
            full_name=full_name,
            country=country,
            document_type=document_type,
            company_name=company_name,
            registration_number=registration_number,
            features=features,
            created_at=created_at,
        )

        session_summary.additional_properties = d
        return session_summary

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
from ..models.feature_progress import FeatureProgress
