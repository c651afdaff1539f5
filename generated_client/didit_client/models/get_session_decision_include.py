from enum import StrEnum
from typing import Self


class GetSessionDecisionInclude(StrEnum):
    EVENTS = "events"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def decode(cls, value: object) -> Self:
        """Decode a value received from the server; this one-value enum discriminates, so it is strict."""
        if not isinstance(value, str):
            raise TypeError(f"{cls.__name__} expects a string, got {type(value).__name__}")
        return cls(value)

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that the spec does not list."""
        return self._name_ in type(self).__members__
