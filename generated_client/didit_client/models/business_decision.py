from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature import Feature
from ..models.session_status import SessionStatus
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="BusinessDecision")


@_attrs_define
class BusinessDecision:
    """The KYB decision payload of a business session (001: "the V3 KYB decision payload, which
    includes `session_kind: "business"` and blocks like `registry_checks` and `aml_screenings`").

        Attributes:
            session_id (UUID):
            session_kind (Literal['business']):
            status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
                `Approved`,
                `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
                service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
                snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
            session_number (int | Unset):
            session_url (None | str | Unset):
            workflow_id (str | Unset):
            features (list[Feature] | Unset):
            vendor_data (None | str | Unset):
            metadata (None | SessionMetadata | str | Unset): The session's metadata as stored: an object (002), a JSON
                string (004), or null.
            registry_checks (list[RegistryCheck] | None | Unset):
            key_people (list[KeyPerson] | None | Unset):
            documents (list[BusinessDocument] | None | Unset):
            aml_screenings (list[AmlScreening] | None | Unset):
            phone_verifications (list[PhoneVerification] | None | Unset):
            email_verifications (list[EmailVerification] | None | Unset):
            ip_analyses (list[IpAnalysis] | None | Unset):
            reviews (list[Review] | Unset):
            shared_from_session (None | Unset | UUID):
            created_at (datetime.datetime | Unset):
            expires_at (datetime.datetime | None | Unset):
    """

    session_id: UUID
    session_kind: Literal["business"]
    status: SessionStatus
    session_number: int | Unset = UNSET
    session_url: None | str | Unset = _attrs_field(repr=redact_url, default=UNSET)
    workflow_id: str | Unset = UNSET
    features: list[Feature] | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    metadata: None | SessionMetadata | str | Unset = UNSET
    registry_checks: list[RegistryCheck] | None | Unset = UNSET
    key_people: list[KeyPerson] | None | Unset = UNSET
    documents: list[BusinessDocument] | None | Unset = UNSET
    aml_screenings: list[AmlScreening] | None | Unset = UNSET
    phone_verifications: list[PhoneVerification] | None | Unset = UNSET
    email_verifications: list[EmailVerification] | None | Unset = UNSET
    ip_analyses: list[IpAnalysis] | None | Unset = UNSET
    reviews: list[Review] | Unset = UNSET
    shared_from_session: None | Unset | UUID = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        session_kind = self.session_kind

        status = self.status.value

        session_number = self.session_number

        session_url: None | str | Unset
        if isinstance(self.session_url, Unset):
            session_url = UNSET
        else:
            session_url = self.session_url

        workflow_id = self.workflow_id

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = []
            for features_item_data in self.features:
                features_item = features_item_data.value
                features.append(features_item)

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        metadata: dict[str, Any] | None | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SessionMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        registry_checks: list[dict[str, Any]] | None | Unset
        if isinstance(self.registry_checks, Unset):
            registry_checks = UNSET
        elif isinstance(self.registry_checks, list):
            registry_checks = []
            for registry_checks_type_0_item_data in self.registry_checks:
                registry_checks_type_0_item = registry_checks_type_0_item_data.to_dict()
                registry_checks.append(registry_checks_type_0_item)

        else:
            registry_checks = self.registry_checks

        key_people: list[dict[str, Any]] | None | Unset
        if isinstance(self.key_people, Unset):
            key_people = UNSET
        elif isinstance(self.key_people, list):
            key_people = []
            for key_people_type_0_item_data in self.key_people:
                key_people_type_0_item = key_people_type_0_item_data.to_dict()
                key_people.append(key_people_type_0_item)

        else:
            key_people = self.key_people

        documents: list[dict[str, Any]] | None | Unset
        if isinstance(self.documents, Unset):
            documents = UNSET
        elif isinstance(self.documents, list):
            documents = []
            for documents_type_0_item_data in self.documents:
                documents_type_0_item = documents_type_0_item_data.to_dict()
                documents.append(documents_type_0_item)

        else:
            documents = self.documents

        aml_screenings: list[dict[str, Any]] | None | Unset
        if isinstance(self.aml_screenings, Unset):
            aml_screenings = UNSET
        elif isinstance(self.aml_screenings, list):
            aml_screenings = []
            for aml_screenings_type_0_item_data in self.aml_screenings:
                aml_screenings_type_0_item = aml_screenings_type_0_item_data.to_dict()
                aml_screenings.append(aml_screenings_type_0_item)

        else:
            aml_screenings = self.aml_screenings

        phone_verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.phone_verifications, Unset):
            phone_verifications = UNSET
        elif isinstance(self.phone_verifications, list):
            phone_verifications = []
            for phone_verifications_type_0_item_data in self.phone_verifications:
                phone_verifications_type_0_item = phone_verifications_type_0_item_data.to_dict()
                phone_verifications.append(phone_verifications_type_0_item)

        else:
            phone_verifications = self.phone_verifications

        email_verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.email_verifications, Unset):
            email_verifications = UNSET
        elif isinstance(self.email_verifications, list):
            email_verifications = []
            for email_verifications_type_0_item_data in self.email_verifications:
                email_verifications_type_0_item = email_verifications_type_0_item_data.to_dict()
                email_verifications.append(email_verifications_type_0_item)

        else:
            email_verifications = self.email_verifications

        ip_analyses: list[dict[str, Any]] | None | Unset
        if isinstance(self.ip_analyses, Unset):
            ip_analyses = UNSET
        elif isinstance(self.ip_analyses, list):
            ip_analyses = []
            for ip_analyses_type_0_item_data in self.ip_analyses:
                ip_analyses_type_0_item = ip_analyses_type_0_item_data.to_dict()
                ip_analyses.append(ip_analyses_type_0_item)

        else:
            ip_analyses = self.ip_analyses

        reviews: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reviews, Unset):
            reviews = []
            for reviews_item_data in self.reviews:
                reviews_item = reviews_item_data.to_dict()
                reviews.append(reviews_item)

        shared_from_session: None | str | Unset
        if isinstance(self.shared_from_session, Unset):
            shared_from_session = UNSET
        elif isinstance(self.shared_from_session, UUID):
            shared_from_session = str(self.shared_from_session)
        else:
            shared_from_session = self.shared_from_session

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "session_kind": session_kind,
                "status": status,
            }
        )
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if session_url is not UNSET:
            field_dict["session_url"] = session_url
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if features is not UNSET:
            field_dict["features"] = features
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if registry_checks is not UNSET:
            field_dict["registry_checks"] = registry_checks
        if key_people is not UNSET:
            field_dict["key_people"] = key_people
        if documents is not UNSET:
            field_dict["documents"] = documents
        if aml_screenings is not UNSET:
            field_dict["aml_screenings"] = aml_screenings
        if phone_verifications is not UNSET:
            field_dict["phone_verifications"] = phone_verifications
        if email_verifications is not UNSET:
            field_dict["email_verifications"] = email_verifications
        if ip_analyses is not UNSET:
            field_dict["ip_analyses"] = ip_analyses
        if reviews is not UNSET:
            field_dict["reviews"] = reviews
        if shared_from_session is not UNSET:
            field_dict["shared_from_session"] = shared_from_session
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        session_kind = cast(Literal["business"], d.pop("session_kind"))
        if session_kind != "business":
            raise ValueError(f"session_kind must match const 'business', got '{session_kind}'")

        status = SessionStatus.decode(d.pop("status"))

        session_number = d.pop("session_number", UNSET)

        def _parse_session_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_url = _parse_session_url(d.pop("session_url", UNSET))

        workflow_id = d.pop("workflow_id", UNSET)

        _features = d.pop("features", UNSET)
        features: list[Feature] | Unset = UNSET
        if _features is not UNSET:
            features = []
            for features_item_data in _features:
                features_item = Feature.decode(features_item_data)

                features.append(features_item)

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_metadata(data: object) -> None | SessionMetadata | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_echo_type_0 = SessionMetadata.from_dict(data)

                return componentsschemas_metadata_echo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionMetadata | str | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_registry_checks(data: object) -> list[RegistryCheck] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                registry_checks_type_0 = []
                _registry_checks_type_0 = data
                for registry_checks_type_0_item_data in _registry_checks_type_0:
                    registry_checks_type_0_item = RegistryCheck.from_dict(registry_checks_type_0_item_data)

                    registry_checks_type_0.append(registry_checks_type_0_item)

                return registry_checks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RegistryCheck] | None | Unset, data)

        registry_checks = _parse_registry_checks(d.pop("registry_checks", UNSET))

        def _parse_key_people(data: object) -> list[KeyPerson] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                key_people_type_0 = []
                _key_people_type_0 = data
                for key_people_type_0_item_data in _key_people_type_0:
                    key_people_type_0_item = KeyPerson.from_dict(key_people_type_0_item_data)

                    key_people_type_0.append(key_people_type_0_item)

                return key_people_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KeyPerson] | None | Unset, data)

        key_people = _parse_key_people(d.pop("key_people", UNSET))

        def _parse_documents(data: object) -> list[BusinessDocument] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                documents_type_0 = []
                _documents_type_0 = data
                for documents_type_0_item_data in _documents_type_0:
                    documents_type_0_item = BusinessDocument.from_dict(documents_type_0_item_data)

                    documents_type_0.append(documents_type_0_item)

                return documents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[BusinessDocument] | None | Unset, data)

        documents = _parse_documents(d.pop("documents", UNSET))

        def _parse_aml_screenings(data: object) -> list[AmlScreening] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aml_screenings_type_0 = []
                _aml_screenings_type_0 = data
                for aml_screenings_type_0_item_data in _aml_screenings_type_0:
                    aml_screenings_type_0_item = AmlScreening.from_dict(aml_screenings_type_0_item_data)

                    aml_screenings_type_0.append(aml_screenings_type_0_item)

                return aml_screenings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AmlScreening] | None | Unset, data)

        aml_screenings = _parse_aml_screenings(d.pop("aml_screenings", UNSET))

        def _parse_phone_verifications(data: object) -> list[PhoneVerification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                phone_verifications_type_0 = []
                _phone_verifications_type_0 = data
                for phone_verifications_type_0_item_data in _phone_verifications_type_0:
                    phone_verifications_type_0_item = PhoneVerification.from_dict(phone_verifications_type_0_item_data)

                    phone_verifications_type_0.append(phone_verifications_type_0_item)

                return phone_verifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PhoneVerification] | None | Unset, data)

        phone_verifications = _parse_phone_verifications(d.pop("phone_verifications", UNSET))

        def _parse_email_verifications(data: object) -> list[EmailVerification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                email_verifications_type_0 = []
                _email_verifications_type_0 = data
                for email_verifications_type_0_item_data in _email_verifications_type_0:
                    email_verifications_type_0_item = EmailVerification.from_dict(email_verifications_type_0_item_data)

                    email_verifications_type_0.append(email_verifications_type_0_item)

                return email_verifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EmailVerification] | None | Unset, data)

        email_verifications = _parse_email_verifications(d.pop("email_verifications", UNSET))

        def _parse_ip_analyses(data: object) -> list[IpAnalysis] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ip_analyses_type_0 = []
                _ip_analyses_type_0 = data
                for ip_analyses_type_0_item_data in _ip_analyses_type_0:
                    ip_analyses_type_0_item = IpAnalysis.from_dict(ip_analyses_type_0_item_data)

                    ip_analyses_type_0.append(ip_analyses_type_0_item)

                return ip_analyses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IpAnalysis] | None | Unset, data)

        ip_analyses = _parse_ip_analyses(d.pop("ip_analyses", UNSET))

        _reviews = d.pop("reviews", UNSET)
        reviews: list[Review] | Unset = UNSET
        if _reviews is not UNSET:
            reviews = []
            for reviews_item_data in _reviews:
                reviews_item = Review.from_dict(reviews_item_data)

                reviews.append(reviews_item)

        def _parse_shared_from_session(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shared_from_session_type_0 = UUID(data)

                return shared_from_session_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        shared_from_session = _parse_shared_from_session(d.pop("shared_from_session", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        business_decision = cls(
            session_id=session_id,
            session_kind=session_kind,
            status=status,
            session_number=session_number,
            session_url=session_url,
            workflow_id=workflow_id,
            features=features,
            vendor_data=vendor_data,
            metadata=metadata,
            registry_checks=registry_checks,
            key_people=key_people,
            documents=documents,
            aml_screenings=aml_screenings,
            phone_verifications=phone_verifications,
            email_verifications=email_verifications,
            ip_analyses=ip_analyses,
            reviews=reviews,
            shared_from_session=shared_from_session,
            created_at=created_at,
            expires_at=expires_at,
        )

        business_decision.additional_properties = d
        return business_decision

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
from ..models.aml_screening import AmlScreening
from ..models.business_document import BusinessDocument
from ..models.email_verification import EmailVerification
from ..models.ip_analysis import IpAnalysis
from ..models.key_person import KeyPerson
from ..models.phone_verification import PhoneVerification
from ..models.registry_check import RegistryCheck
from ..models.review import Review
from ..models.session_metadata import SessionMetadata
