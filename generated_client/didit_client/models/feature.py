from enum import StrEnum
from typing import Self


class Feature(StrEnum):
    AGE_ESTIMATION = "AGE_ESTIMATION"
    AML = "AML"
    DATABASE_VALIDATION = "DATABASE_VALIDATION"
    EMAIL = "EMAIL"
    EMAIL_VERIFICATION = "EMAIL_VERIFICATION"
    FACE_MATCH = "FACE_MATCH"
    FACE_SEARCH = "FACE_SEARCH"
    ID_VERIFICATION = "ID_VERIFICATION"
    IP_ANALYSIS = "IP_ANALYSIS"
    KYB_DOCUMENTS = "KYB_DOCUMENTS"
    KYB_KEY_PEOPLE = "KYB_KEY_PEOPLE"
    KYB_REGISTRY = "KYB_REGISTRY"
    LIVENESS = "LIVENESS"
    NFC = "NFC"
    PHONE = "PHONE"
    POA = "POA"
    QUESTIONNAIRE = "QUESTIONNAIRE"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def decode(cls, value: object) -> Self:
        """Decode a value received from the server, keeping a value this client does not know.

        `Feature(value)` stays strict, so requests only carry known values.
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
