from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delete_session_request_deletion_instruction import DeleteSessionRequestDeletionInstruction
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="DeleteSessionRequest")


@_attrs_define
class DeleteSessionRequest:
    """Optional overrides of the application's face-data retention policy for one deletion
    (Didit's published OpenAPI). `privacy_erasure` removes every biometric template of the
    session's user and cannot be combined with `retain_face_embeddings: true` (400).

        Attributes:
            retain_face_embeddings (bool | None | Unset):
            face_retention_days (int | Unset):
            face_retention_deadline (datetime.datetime | Unset):
            deletion_instruction (DeleteSessionRequestDeletionInstruction | Unset):  Default:
                DeleteSessionRequestDeletionInstruction.OPERATIONAL_SESSION_DELETE.
            instruction_id (str | Unset):
    """

    retain_face_embeddings: bool | None | Unset = UNSET
    face_retention_days: int | Unset = UNSET
    face_retention_deadline: datetime.datetime | Unset = UNSET
    deletion_instruction: DeleteSessionRequestDeletionInstruction | Unset = (
        DeleteSessionRequestDeletionInstruction.OPERATIONAL_SESSION_DELETE
    )
    instruction_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        retain_face_embeddings: bool | None | Unset
        if isinstance(self.retain_face_embeddings, Unset):
            retain_face_embeddings = UNSET
        else:
            retain_face_embeddings = self.retain_face_embeddings

        face_retention_days = self.face_retention_days

        face_retention_deadline: str | Unset = UNSET
        if not isinstance(self.face_retention_deadline, Unset):
            face_retention_deadline = self.face_retention_deadline.isoformat()

        deletion_instruction: str | Unset = UNSET
        if not isinstance(self.deletion_instruction, Unset):
            deletion_instruction = self.deletion_instruction.value

        instruction_id = self.instruction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if retain_face_embeddings is not UNSET:
            field_dict["retain_face_embeddings"] = retain_face_embeddings
        if face_retention_days is not UNSET:
            field_dict["face_retention_days"] = face_retention_days
        if face_retention_deadline is not UNSET:
            field_dict["face_retention_deadline"] = face_retention_deadline
        if deletion_instruction is not UNSET:
            field_dict["deletion_instruction"] = deletion_instruction
        if instruction_id is not UNSET:
            field_dict["instruction_id"] = instruction_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_retain_face_embeddings(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        retain_face_embeddings = _parse_retain_face_embeddings(d.pop("retain_face_embeddings", UNSET))

        face_retention_days = d.pop("face_retention_days", UNSET)

        _face_retention_deadline = d.pop("face_retention_deadline", UNSET)
        face_retention_deadline: datetime.datetime | Unset
        if isinstance(_face_retention_deadline, Unset):
            face_retention_deadline = UNSET
        else:
            face_retention_deadline = datetime.datetime.fromisoformat(_face_retention_deadline)

        _deletion_instruction = d.pop("deletion_instruction", UNSET)
        deletion_instruction: DeleteSessionRequestDeletionInstruction | Unset
        if isinstance(_deletion_instruction, Unset):
            deletion_instruction = UNSET
        else:
            deletion_instruction = DeleteSessionRequestDeletionInstruction.decode(_deletion_instruction)

        instruction_id = d.pop("instruction_id", UNSET)

        delete_session_request = cls(
            retain_face_embeddings=retain_face_embeddings,
            face_retention_days=face_retention_days,
            face_retention_deadline=face_retention_deadline,
            deletion_instruction=deletion_instruction,
            instruction_id=instruction_id,
        )

        delete_session_request.additional_properties = d
        return delete_session_request

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
