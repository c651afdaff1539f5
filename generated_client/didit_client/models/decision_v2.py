from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature import Feature
from ..models.session_status import SessionStatus
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="DecisionV2")


@_attrs_define
class DecisionV2:
    """The V2 decision payload: one block per feature, null when the feature did not run (000).
    001 says user-session imports answer with it ("no session_kind field"); its first example is
    a short body with only identifiers, status and dates, which is this payload with the
    optional blocks left out.

        Attributes:
            session_id (UUID):
            status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
                `Approved`,
                `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
                service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
                snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
            session_number (int | Unset):
            session_url (None | str | Unset):
            workflow_id (str | Unset): A UUID in practice; 000 types it as a plain string.
            features (list[Feature] | Unset):
            vendor_data (None | str | Unset):
            metadata (None | SessionMetadata | str | Unset): The session's metadata as stored: an object (002), a JSON
                string (004), or null.
            expected_details (ExpectedDetails | None | Unset):
            contact_details (ContactDetails | None | Unset):
            callback (None | str | Unset):
            id_verification (IdVerification | None | Unset):
            nfc (NfcVerification | None | Unset):
            liveness (LivenessCheck | None | Unset):
            face_match (FaceMatch | None | Unset):
            phone (None | PhoneVerification | Unset):
            email (EmailVerification | None | Unset):
            poa (None | PoaVerification | Unset):
            aml (AmlScreening | None | Unset):
            ip_analysis (IpAnalysis | None | Unset):
            database_validation (DatabaseValidation | None | Unset):
            reviews (list[Review] | Unset):
            shared_from_session (None | Unset | UUID): For an imported session, the source session in the sharing
                application (001).
            created_at (datetime.datetime | Unset):
            expires_at (datetime.datetime | None | Unset): When an unfinished session expires (001).
    """

    session_id: UUID
    status: SessionStatus
    session_number: int | Unset = UNSET
    session_url: None | str | Unset = _attrs_field(repr=redact_url, default=UNSET)
    workflow_id: str | Unset = UNSET
    features: list[Feature] | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    metadata: None | SessionMetadata | str | Unset = UNSET
    expected_details: ExpectedDetails | None | Unset = UNSET
    contact_details: ContactDetails | None | Unset = UNSET
    callback: None | str | Unset = UNSET
    id_verification: IdVerification | None | Unset = UNSET
    nfc: NfcVerification | None | Unset = UNSET
    liveness: LivenessCheck | None | Unset = UNSET
    face_match: FaceMatch | None | Unset = UNSET
    phone: None | PhoneVerification | Unset = UNSET
    email: EmailVerification | None | Unset = UNSET
    poa: None | PoaVerification | Unset = UNSET
    aml: AmlScreening | None | Unset = UNSET
    ip_analysis: IpAnalysis | None | Unset = UNSET
    database_validation: DatabaseValidation | None | Unset = UNSET
    reviews: list[Review] | Unset = UNSET
    shared_from_session: None | Unset | UUID = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

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

        expected_details: dict[str, Any] | None | Unset
        if isinstance(self.expected_details, Unset):
            expected_details = UNSET
        elif isinstance(self.expected_details, ExpectedDetails):
            expected_details = self.expected_details.to_dict()
        else:
            expected_details = self.expected_details

        contact_details: dict[str, Any] | None | Unset
        if isinstance(self.contact_details, Unset):
            contact_details = UNSET
        elif isinstance(self.contact_details, ContactDetails):
            contact_details = self.contact_details.to_dict()
        else:
            contact_details = self.contact_details

        callback: None | str | Unset
        if isinstance(self.callback, Unset):
            callback = UNSET
        else:
            callback = self.callback

        id_verification: dict[str, Any] | None | Unset
        if isinstance(self.id_verification, Unset):
            id_verification = UNSET
        elif isinstance(self.id_verification, IdVerification):
            id_verification = self.id_verification.to_dict()
        else:
            id_verification = self.id_verification

        nfc: dict[str, Any] | None | Unset
        if isinstance(self.nfc, Unset):
            nfc = UNSET
        elif isinstance(self.nfc, NfcVerification):
            nfc = self.nfc.to_dict()
        else:
            nfc = self.nfc

        liveness: dict[str, Any] | None | Unset
        if isinstance(self.liveness, Unset):
            liveness = UNSET
        elif isinstance(self.liveness, LivenessCheck):
            liveness = self.liveness.to_dict()
        else:
            liveness = self.liveness

        face_match: dict[str, Any] | None | Unset
        if isinstance(self.face_match, Unset):
            face_match = UNSET
        elif isinstance(self.face_match, FaceMatch):
            face_match = self.face_match.to_dict()
        else:
            face_match = self.face_match

        phone: dict[str, Any] | None | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        elif isinstance(self.phone, PhoneVerification):
            phone = self.phone.to_dict()
        else:
            phone = self.phone

        email: dict[str, Any] | None | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        elif isinstance(self.email, EmailVerification):
            email = self.email.to_dict()
        else:
            email = self.email

        poa: dict[str, Any] | None | Unset
        if isinstance(self.poa, Unset):
            poa = UNSET
        elif isinstance(self.poa, PoaVerification):
            poa = self.poa.to_dict()
        else:
            poa = self.poa

        aml: dict[str, Any] | None | Unset
        if isinstance(self.aml, Unset):
            aml = UNSET
        elif isinstance(self.aml, AmlScreening):
            aml = self.aml.to_dict()
        else:
            aml = self.aml

        ip_analysis: dict[str, Any] | None | Unset
        if isinstance(self.ip_analysis, Unset):
            ip_analysis = UNSET
        elif isinstance(self.ip_analysis, IpAnalysis):
            ip_analysis = self.ip_analysis.to_dict()
        else:
            ip_analysis = self.ip_analysis

        database_validation: dict[str, Any] | None | Unset
        if isinstance(self.database_validation, Unset):
            database_validation = UNSET
        elif isinstance(self.database_validation, DatabaseValidation):
            database_validation = self.database_validation.to_dict()
        else:
            database_validation = self.database_validation

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
        if expected_details is not UNSET:
            field_dict["expected_details"] = expected_details
        if contact_details is not UNSET:
            field_dict["contact_details"] = contact_details
        if callback is not UNSET:
            field_dict["callback"] = callback
        if id_verification is not UNSET:
            field_dict["id_verification"] = id_verification
        if nfc is not UNSET:
            field_dict["nfc"] = nfc
        if liveness is not UNSET:
            field_dict["liveness"] = liveness
        if face_match is not UNSET:
            field_dict["face_match"] = face_match
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if poa is not UNSET:
            field_dict["poa"] = poa
        if aml is not UNSET:
            field_dict["aml"] = aml
        if ip_analysis is not UNSET:
            field_dict["ip_analysis"] = ip_analysis
        if database_validation is not UNSET:
            field_dict["database_validation"] = database_validation
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

        def _parse_expected_details(data: object) -> ExpectedDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expected_details_type_0 = ExpectedDetails.from_dict(data)

                return expected_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExpectedDetails | None | Unset, data)

        expected_details = _parse_expected_details(d.pop("expected_details", UNSET))

        def _parse_contact_details(data: object) -> ContactDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_details_type_0 = ContactDetails.from_dict(data)

                return contact_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactDetails | None | Unset, data)

        contact_details = _parse_contact_details(d.pop("contact_details", UNSET))

        def _parse_callback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback = _parse_callback(d.pop("callback", UNSET))

        def _parse_id_verification(data: object) -> IdVerification | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                id_verification_type_0 = IdVerification.from_dict(data)

                return id_verification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdVerification | None | Unset, data)

        id_verification = _parse_id_verification(d.pop("id_verification", UNSET))

        def _parse_nfc(data: object) -> NfcVerification | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nfc_type_0 = NfcVerification.from_dict(data)

                return nfc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NfcVerification | None | Unset, data)

        nfc = _parse_nfc(d.pop("nfc", UNSET))

        def _parse_liveness(data: object) -> LivenessCheck | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                liveness_type_0 = LivenessCheck.from_dict(data)

                return liveness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LivenessCheck | None | Unset, data)

        liveness = _parse_liveness(d.pop("liveness", UNSET))

        def _parse_face_match(data: object) -> FaceMatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                face_match_type_0 = FaceMatch.from_dict(data)

                return face_match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FaceMatch | None | Unset, data)

        face_match = _parse_face_match(d.pop("face_match", UNSET))

        def _parse_phone(data: object) -> None | PhoneVerification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                phone_type_0 = PhoneVerification.from_dict(data)

                return phone_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PhoneVerification | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> EmailVerification | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                email_type_0 = EmailVerification.from_dict(data)

                return email_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailVerification | None | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_poa(data: object) -> None | PoaVerification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                poa_type_0 = PoaVerification.from_dict(data)

                return poa_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoaVerification | Unset, data)

        poa = _parse_poa(d.pop("poa", UNSET))

        def _parse_aml(data: object) -> AmlScreening | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aml_type_0 = AmlScreening.from_dict(data)

                return aml_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AmlScreening | None | Unset, data)

        aml = _parse_aml(d.pop("aml", UNSET))

        def _parse_ip_analysis(data: object) -> IpAnalysis | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ip_analysis_type_0 = IpAnalysis.from_dict(data)

                return ip_analysis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IpAnalysis | None | Unset, data)

        ip_analysis = _parse_ip_analysis(d.pop("ip_analysis", UNSET))

        def _parse_database_validation(data: object) -> DatabaseValidation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                database_validation_type_0 = DatabaseValidation.from_dict(data)

                return database_validation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatabaseValidation | None | Unset, data)

        database_validation = _parse_database_validation(d.pop("database_validation", UNSET))

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

        decision_v2 = cls(
            session_id=session_id,
            status=status,
            session_number=session_number,
            session_url=session_url,
            workflow_id=workflow_id,
            features=features,
            vendor_data=vendor_data,
            metadata=metadata,
            expected_details=expected_details,
            contact_details=contact_details,
            callback=callback,
            id_verification=id_verification,
            nfc=nfc,
            liveness=liveness,
            face_match=face_match,
            phone=phone,
            email=email,
            poa=poa,
            aml=aml,
            ip_analysis=ip_analysis,
            database_validation=database_validation,
            reviews=reviews,
            shared_from_session=shared_from_session,
            created_at=created_at,
            expires_at=expires_at,
        )

        decision_v2.additional_properties = d
        return decision_v2

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
from ..models.contact_details import ContactDetails
from ..models.database_validation import DatabaseValidation
from ..models.email_verification import EmailVerification
from ..models.expected_details import ExpectedDetails
from ..models.face_match import FaceMatch
from ..models.id_verification import IdVerification
from ..models.ip_analysis import IpAnalysis
from ..models.liveness_check import LivenessCheck
from ..models.nfc_verification import NfcVerification
from ..models.phone_verification import PhoneVerification
from ..models.poa_verification import PoaVerification
from ..models.review import Review
from ..models.session_metadata import SessionMetadata
