from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_v3_environment import DecisionV3Environment
from ..models.feature import Feature
from ..models.session_status import SessionStatus
from ..models.user_session_kind import UserSessionKind
from ..types import UNSET, Unset, redact_additional_properties, redact_url

T = TypeVar("T", bound="ImportedUserSessionV3")


@_attrs_define
class ImportedUserSessionV3:
    """A user session imported with the V3 arrays and an explicit `session_kind: "user"` (001's second
    example).

        Attributes:
            session_id (UUID):
            status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
                `Approved`,
                `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
                service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
                snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
            session_kind (UserSessionKind): A user (KYC) or business (KYB) session (001, 003).
            session_number (int | None | Unset):
            session_url (None | str | Unset):
            environment (DecisionV3Environment | Unset): Whether the session belongs to a live or a sandbox application
                (Didit's published OpenAPI).
            events (list[SessionEvent] | Unset): The session's timeline, with `include=events` (Didit's published OpenAPI).
            workflow_id (UUID | Unset):
            features (list[Feature] | Unset):
            vendor_data (None | str | Unset):
            metadata (None | SessionMetadata | str | Unset): The session's metadata as stored: an object (002), a JSON
                string (004), or null.
            expected_details (ExpectedDetails | None | Unset):
            contact_details (ContactDetails | None | Unset):
            callback (None | str | Unset):
            id_verifications (list[IdVerification] | None | Unset):
            nfc_verifications (list[NfcVerification] | None | Unset):
            liveness_checks (list[LivenessCheck] | None | Unset):
            face_matches (list[FaceMatch] | None | Unset):
            phone_verifications (list[PhoneVerification] | None | Unset):
            email_verifications (list[EmailVerification] | None | Unset):
            poa_verifications (list[PoaVerification] | None | Unset):
            aml_screenings (list[AmlScreening] | None | Unset):
            ip_analyses (list[IpAnalysis] | None | Unset):
            database_validations (list[DatabaseValidation] | None | Unset):
            reviews (list[Review] | Unset):
            shared_from_session (None | Unset | UUID): For an imported session, the source session in the sharing
                application (001).
            created_at (datetime.datetime | Unset):
            expires_at (datetime.datetime | None | Unset):
    """

    session_id: UUID
    status: SessionStatus
    session_kind: UserSessionKind
    session_number: int | None | Unset = UNSET
    session_url: None | str | Unset = _attrs_field(repr=redact_url, default=UNSET)
    environment: DecisionV3Environment | Unset = UNSET
    events: list[SessionEvent] | Unset = UNSET
    workflow_id: UUID | Unset = UNSET
    features: list[Feature] | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    metadata: None | SessionMetadata | str | Unset = UNSET
    expected_details: ExpectedDetails | None | Unset = UNSET
    contact_details: ContactDetails | None | Unset = UNSET
    callback: None | str | Unset = UNSET
    id_verifications: list[IdVerification] | None | Unset = UNSET
    nfc_verifications: list[NfcVerification] | None | Unset = UNSET
    liveness_checks: list[LivenessCheck] | None | Unset = UNSET
    face_matches: list[FaceMatch] | None | Unset = UNSET
    phone_verifications: list[PhoneVerification] | None | Unset = UNSET
    email_verifications: list[EmailVerification] | None | Unset = UNSET
    poa_verifications: list[PoaVerification] | None | Unset = UNSET
    aml_screenings: list[AmlScreening] | None | Unset = UNSET
    ip_analyses: list[IpAnalysis] | None | Unset = UNSET
    database_validations: list[DatabaseValidation] | None | Unset = UNSET
    reviews: list[Review] | Unset = UNSET
    shared_from_session: None | Unset | UUID = UNSET
    created_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        status = self.status.value

        session_kind = self.session_kind.value

        session_number: int | None | Unset
        if isinstance(self.session_number, Unset):
            session_number = UNSET
        else:
            session_number = self.session_number

        session_url: None | str | Unset
        if isinstance(self.session_url, Unset):
            session_url = UNSET
        else:
            session_url = self.session_url

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        workflow_id: str | Unset = UNSET
        if not isinstance(self.workflow_id, Unset):
            workflow_id = str(self.workflow_id)

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

        id_verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.id_verifications, Unset):
            id_verifications = UNSET
        elif isinstance(self.id_verifications, list):
            id_verifications = []
            for id_verifications_type_0_item_data in self.id_verifications:
                id_verifications_type_0_item = id_verifications_type_0_item_data.to_dict()
                id_verifications.append(id_verifications_type_0_item)

        else:
            id_verifications = self.id_verifications

        nfc_verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.nfc_verifications, Unset):
            nfc_verifications = UNSET
        elif isinstance(self.nfc_verifications, list):
            nfc_verifications = []
            for nfc_verifications_type_0_item_data in self.nfc_verifications:
                nfc_verifications_type_0_item = nfc_verifications_type_0_item_data.to_dict()
                nfc_verifications.append(nfc_verifications_type_0_item)

        else:
            nfc_verifications = self.nfc_verifications

        liveness_checks: list[dict[str, Any]] | None | Unset
        if isinstance(self.liveness_checks, Unset):
            liveness_checks = UNSET
        elif isinstance(self.liveness_checks, list):
            liveness_checks = []
            for liveness_checks_type_0_item_data in self.liveness_checks:
                liveness_checks_type_0_item = liveness_checks_type_0_item_data.to_dict()
                liveness_checks.append(liveness_checks_type_0_item)

        else:
            liveness_checks = self.liveness_checks

        face_matches: list[dict[str, Any]] | None | Unset
        if isinstance(self.face_matches, Unset):
            face_matches = UNSET
        elif isinstance(self.face_matches, list):
            face_matches = []
            for face_matches_type_0_item_data in self.face_matches:
                face_matches_type_0_item = face_matches_type_0_item_data.to_dict()
                face_matches.append(face_matches_type_0_item)

        else:
            face_matches = self.face_matches

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

        poa_verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.poa_verifications, Unset):
            poa_verifications = UNSET
        elif isinstance(self.poa_verifications, list):
            poa_verifications = []
            for poa_verifications_type_0_item_data in self.poa_verifications:
                poa_verifications_type_0_item = poa_verifications_type_0_item_data.to_dict()
                poa_verifications.append(poa_verifications_type_0_item)

        else:
            poa_verifications = self.poa_verifications

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

        database_validations: list[dict[str, Any]] | None | Unset
        if isinstance(self.database_validations, Unset):
            database_validations = UNSET
        elif isinstance(self.database_validations, list):
            database_validations = []
            for database_validations_type_0_item_data in self.database_validations:
                database_validations_type_0_item = database_validations_type_0_item_data.to_dict()
                database_validations.append(database_validations_type_0_item)

        else:
            database_validations = self.database_validations

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
                "session_kind": session_kind,
            }
        )
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if session_url is not UNSET:
            field_dict["session_url"] = session_url
        if environment is not UNSET:
            field_dict["environment"] = environment
        if events is not UNSET:
            field_dict["events"] = events
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
        if id_verifications is not UNSET:
            field_dict["id_verifications"] = id_verifications
        if nfc_verifications is not UNSET:
            field_dict["nfc_verifications"] = nfc_verifications
        if liveness_checks is not UNSET:
            field_dict["liveness_checks"] = liveness_checks
        if face_matches is not UNSET:
            field_dict["face_matches"] = face_matches
        if phone_verifications is not UNSET:
            field_dict["phone_verifications"] = phone_verifications
        if email_verifications is not UNSET:
            field_dict["email_verifications"] = email_verifications
        if poa_verifications is not UNSET:
            field_dict["poa_verifications"] = poa_verifications
        if aml_screenings is not UNSET:
            field_dict["aml_screenings"] = aml_screenings
        if ip_analyses is not UNSET:
            field_dict["ip_analyses"] = ip_analyses
        if database_validations is not UNSET:
            field_dict["database_validations"] = database_validations
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

        session_kind = UserSessionKind.decode(d.pop("session_kind"))

        def _parse_session_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        session_number = _parse_session_number(d.pop("session_number", UNSET))

        def _parse_session_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_url = _parse_session_url(d.pop("session_url", UNSET))

        _environment = d.pop("environment", UNSET)
        environment: DecisionV3Environment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = DecisionV3Environment.decode(_environment)

        _events = d.pop("events", UNSET)
        events: list[SessionEvent] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = SessionEvent.from_dict(events_item_data)

                events.append(events_item)

        _workflow_id = d.pop("workflow_id", UNSET)
        workflow_id: UUID | Unset
        if isinstance(_workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = UUID(_workflow_id)

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

        def _parse_id_verifications(data: object) -> list[IdVerification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                id_verifications_type_0 = []
                _id_verifications_type_0 = data
                for id_verifications_type_0_item_data in _id_verifications_type_0:
                    id_verifications_type_0_item = IdVerification.from_dict(id_verifications_type_0_item_data)

                    id_verifications_type_0.append(id_verifications_type_0_item)

                return id_verifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IdVerification] | None | Unset, data)

        id_verifications = _parse_id_verifications(d.pop("id_verifications", UNSET))

        def _parse_nfc_verifications(data: object) -> list[NfcVerification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                nfc_verifications_type_0 = []
                _nfc_verifications_type_0 = data
                for nfc_verifications_type_0_item_data in _nfc_verifications_type_0:
                    nfc_verifications_type_0_item = NfcVerification.from_dict(nfc_verifications_type_0_item_data)

                    nfc_verifications_type_0.append(nfc_verifications_type_0_item)

                return nfc_verifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[NfcVerification] | None | Unset, data)

        nfc_verifications = _parse_nfc_verifications(d.pop("nfc_verifications", UNSET))

        def _parse_liveness_checks(data: object) -> list[LivenessCheck] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                liveness_checks_type_0 = []
                _liveness_checks_type_0 = data
                for liveness_checks_type_0_item_data in _liveness_checks_type_0:
                    liveness_checks_type_0_item = LivenessCheck.from_dict(liveness_checks_type_0_item_data)

                    liveness_checks_type_0.append(liveness_checks_type_0_item)

                return liveness_checks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LivenessCheck] | None | Unset, data)

        liveness_checks = _parse_liveness_checks(d.pop("liveness_checks", UNSET))

        def _parse_face_matches(data: object) -> list[FaceMatch] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                face_matches_type_0 = []
                _face_matches_type_0 = data
                for face_matches_type_0_item_data in _face_matches_type_0:
                    face_matches_type_0_item = FaceMatch.from_dict(face_matches_type_0_item_data)

                    face_matches_type_0.append(face_matches_type_0_item)

                return face_matches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FaceMatch] | None | Unset, data)

        face_matches = _parse_face_matches(d.pop("face_matches", UNSET))

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

        def _parse_poa_verifications(data: object) -> list[PoaVerification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                poa_verifications_type_0 = []
                _poa_verifications_type_0 = data
                for poa_verifications_type_0_item_data in _poa_verifications_type_0:
                    poa_verifications_type_0_item = PoaVerification.from_dict(poa_verifications_type_0_item_data)

                    poa_verifications_type_0.append(poa_verifications_type_0_item)

                return poa_verifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PoaVerification] | None | Unset, data)

        poa_verifications = _parse_poa_verifications(d.pop("poa_verifications", UNSET))

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

        def _parse_database_validations(data: object) -> list[DatabaseValidation] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                database_validations_type_0 = []
                _database_validations_type_0 = data
                for database_validations_type_0_item_data in _database_validations_type_0:
                    database_validations_type_0_item = DatabaseValidation.from_dict(
                        database_validations_type_0_item_data
                    )

                    database_validations_type_0.append(database_validations_type_0_item)

                return database_validations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DatabaseValidation] | None | Unset, data)

        database_validations = _parse_database_validations(d.pop("database_validations", UNSET))

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

        imported_user_session_v3 = cls(
            session_id=session_id,
            status=status,
            session_kind=session_kind,
            session_number=session_number,
            session_url=session_url,
            environment=environment,
            events=events,
            workflow_id=workflow_id,
            features=features,
            vendor_data=vendor_data,
            metadata=metadata,
            expected_details=expected_details,
            contact_details=contact_details,
            callback=callback,
            id_verifications=id_verifications,
            nfc_verifications=nfc_verifications,
            liveness_checks=liveness_checks,
            face_matches=face_matches,
            phone_verifications=phone_verifications,
            email_verifications=email_verifications,
            poa_verifications=poa_verifications,
            aml_screenings=aml_screenings,
            ip_analyses=ip_analyses,
            database_validations=database_validations,
            reviews=reviews,
            shared_from_session=shared_from_session,
            created_at=created_at,
            expires_at=expires_at,
        )

        imported_user_session_v3.additional_properties = d
        return imported_user_session_v3

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
from ..models.session_event import SessionEvent
from ..models.session_metadata import SessionMetadata
