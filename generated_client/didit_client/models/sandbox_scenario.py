from enum import StrEnum
from typing import Self


class SandboxScenario(StrEnum):
    APPROVE = "approve"
    DECLINE_AML_HIT = "decline_aml_hit"
    DECLINE_COULD_NOT_RECOGNIZE_DOCUMENT = "decline_could_not_recognize_document"
    DECLINE_DATABASE_NO_MATCH = "decline_database_no_match"
    DECLINE_DOCUMENT_EXPIRED = "decline_document_expired"
    DECLINE_FACE_MATCH_LOW_SIMILARITY = "decline_face_match_low_similarity"
    DECLINE_IP_BLOCKLIST = "decline_ip_blocklist"
    DECLINE_KYB_REGISTRY_MISMATCH = "decline_kyb_registry_mismatch"
    DECLINE_LIVENESS_ATTACK = "decline_liveness_attack"
    DECLINE_MINIMUM_AGE = "decline_minimum_age"
    DECLINE_MRZ_VALIDATION = "decline_mrz_validation"
    DECLINE_NFC_CHIP_NOT_VERIFIED = "decline_nfc_chip_not_verified"
    DECLINE_POA_ADDRESS_MISMATCH = "decline_poa_address_mismatch"
    REVIEW_AML_POSSIBLE_MATCH = "review_aml_possible_match"
    REVIEW_FACE_MATCH_BORDERLINE = "review_face_match_borderline"
    REVIEW_POA_PARTIAL_MATCH = "review_poa_partial_match"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def decode(cls, value: object) -> Self:
        """Decode a value received from the server, keeping a value this client does not know.

        `SandboxScenario(value)` stays strict, so requests only carry known values.
        """
        if not isinstance(value, str):
            raise TypeError(f"{cls.__name__} expects a string, got {type(value).__name__}")
        try:
            return cls(value)
        except ValueError:
            pass
        unknown = str.__new__(cls, value)
        unknown._name_ = "UNKNOWN"
        unknown._value_ = value
        return unknown

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that the spec does not list."""
        return self._name_ in type(self).__members__
