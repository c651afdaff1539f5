from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deleted_session_face_retention_outcome import DeletedSessionFaceRetentionOutcome
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="DeletedSession")


@_attrs_define
class DeletedSession:
    """The outcome of a deletion (Didit's published OpenAPI): whether the face template was kept
    with the session's user, deleted, not applicable (`none`, e.g. business sessions), or could
    not be kept because the session has no user (`ineligible_no_vendor_user`).

        Attributes:
            session_id (UUID | Unset):
            session_number (int | None | Unset):
            face_retention_outcome (DeletedSessionFaceRetentionOutcome | Unset):
            biometric_template_uuid (None | Unset | UUID):
    """

    session_id: UUID | Unset = UNSET
    session_number: int | None | Unset = UNSET
    face_retention_outcome: DeletedSessionFaceRetentionOutcome | Unset = UNSET
    biometric_template_uuid: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        session_number: int | None | Unset
        if isinstance(self.session_number, Unset):
            session_number = UNSET
        else:
            session_number = self.session_number

        face_retention_outcome: str | Unset = UNSET
        if not isinstance(self.face_retention_outcome, Unset):
            face_retention_outcome = self.face_retention_outcome.value

        biometric_template_uuid: None | str | Unset
        if isinstance(self.biometric_template_uuid, Unset):
            biometric_template_uuid = UNSET
        elif isinstance(self.biometric_template_uuid, UUID):
            biometric_template_uuid = str(self.biometric_template_uuid)
        else:
            biometric_template_uuid = self.biometric_template_uuid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if face_retention_outcome is not UNSET:
            field_dict["face_retention_outcome"] = face_retention_outcome
        if biometric_template_uuid is not UNSET:
            field_dict["biometric_template_uuid"] = biometric_template_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _session_id = d.pop("session_id", UNSET)
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        def _parse_session_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        session_number = _parse_session_number(d.pop("session_number", UNSET))

        _face_retention_outcome = d.pop("face_retention_outcome", UNSET)
        face_retention_outcome: DeletedSessionFaceRetentionOutcome | Unset
        if isinstance(_face_retention_outcome, Unset):
            face_retention_outcome = UNSET
        else:
            face_retention_outcome = DeletedSessionFaceRetentionOutcome.decode(_face_retention_outcome)

        def _parse_biometric_template_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                biometric_template_uuid_type_0 = UUID(data)

                return biometric_template_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        biometric_template_uuid = _parse_biometric_template_uuid(d.pop("biometric_template_uuid", UNSET))

        deleted_session = cls(
            session_id=session_id,
            session_number=session_number,
            face_retention_outcome=face_retention_outcome,
            biometric_template_uuid=biometric_template_uuid,
        )

        deleted_session.additional_properties = d
        return deleted_session

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
