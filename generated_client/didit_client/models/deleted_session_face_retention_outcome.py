from enum import StrEnum
from typing import Self


class DeletedSessionFaceRetentionOutcome(StrEnum):
    DELETED = "deleted"
    INELIGIBLE_NO_VENDOR_USER = "ineligible_no_vendor_user"
    NONE = "none"
    RETAINED_WITH_USER = "retained_with_user"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def decode(cls, value: object) -> Self:
        """Decode a value received from the server, keeping a value this client does not know.

        `DeletedSessionFaceRetentionOutcome(value)` stays strict, so requests only carry known values.
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
