from enum import StrEnum
from typing import Self


class Iso639Language(StrEnum):
    AR = "ar"
    BG = "bg"
    BN = "bn"
    BS = "bs"
    CA = "ca"
    CNR = "cnr"
    CS = "cs"
    DA = "da"
    DE = "de"
    EL = "el"
    EN = "en"
    ES = "es"
    ET = "et"
    FA = "fa"
    FI = "fi"
    FR = "fr"
    HE = "he"
    HI = "hi"
    HR = "hr"
    HU = "hu"
    HY = "hy"
    ID = "id"
    IT = "it"
    JA = "ja"
    KA = "ka"
    KK = "kk"
    KO = "ko"
    KY = "ky"
    LT = "lt"
    LV = "lv"
    MK = "mk"
    MN = "mn"
    MS = "ms"
    NL = "nl"
    NO = "no"
    PL = "pl"
    PT = "pt"
    PT_BR = "pt-BR"
    RO = "ro"
    RU = "ru"
    SK = "sk"
    SL = "sl"
    SO = "so"
    SQ = "sq"
    SR = "sr"
    SV = "sv"
    TH = "th"
    TR = "tr"
    UK = "uk"
    UZ = "uz"
    VI = "vi"
    ZH = "zh"
    ZH_CN = "zh-CN"
    ZH_TW = "zh-TW"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def decode(cls, value: object) -> Self:
        """Decode a value received from the server, keeping a value this client does not know.

        `Iso639Language(value)` stays strict, so requests only carry known values.
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
