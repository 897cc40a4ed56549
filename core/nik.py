"""NIK (Nomor Induk Kependudukan) validation, masking and keyed hashing.

UU 27/2022 on personal data protection: a NIK is checked before use, shown or logged only masked,
and stored as a keyed hash plus its last four digits, never whole.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["InvalidNik", "NikInfo", "PROVINCE_CODES", "is_valid_nik", "mask_nik", "nik_hash",
           "parse_nik"]

# Kemendagri province codes, including the Papua provinces created in 2022 (93-96).
PROVINCE_CODES = frozenset(
    [f"{n}" for n in range(11, 20)]
    + ["21"]
    + [f"{n}" for n in range(31, 37)]
    + [f"{n}" for n in range(51, 54)]
    + [f"{n}" for n in range(61, 66)]
    + [f"{n}" for n in range(71, 77)]
    + ["81", "82"]
    + [f"{n}" for n in range(91, 97)]
)

_FEMALE_OFFSET = 40
_DIGITS16 = re.compile(r"[0-9]{16}")  # ASCII only: str.isdigit() would let "٣" or "³" through
_WHITESPACE = re.compile(r"\s+")


class InvalidNik(ValueError):
    """A NIK that fails a check; ``reason`` is a code the UI translates.

    The message never contains the NIK itself, so the exception is safe to log.
    """

    NOT_16_DIGITS = "not_16_digits"
    BAD_PROVINCE = "bad_province"
    BAD_DATE = "bad_date"
    BAD_SERIAL = "bad_serial"

    _MESSAGES = {
        NOT_16_DIGITS: "a NIK is exactly 16 digits",
        BAD_PROVINCE: "the NIK does not start with a known province code",
        BAD_DATE: "the NIK does not hold a valid birth date",
        BAD_SERIAL: "the NIK's serial number is 0000",
    }

    def __init__(self, reason: str) -> None:
        super().__init__(self._MESSAGES.get(reason, reason))
        self.reason = reason


@dataclass(frozen=True)
class NikInfo:
    """What a valid NIK says. Region parts are the two-digit fields as written in the NIK."""

    province_code: str
    regency_code: str   # kabupaten/kota, within the province
    district_code: str  # kecamatan, within the kabupaten/kota
    birth_date: date
    female: bool
    last4: str


def _clean(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidNik(InvalidNik.NOT_16_DIGITS)
    cleaned = _WHITESPACE.sub("", text)
    if not _DIGITS16.fullmatch(cleaned):
        raise InvalidNik(InvalidNik.NOT_16_DIGITS)
    return cleaned


def _birth_date(day: int, month: int, yy: int, today: date) -> date:
    """The latest real date with these day, month and two-digit year that is not after today.

    The century is not in the NIK; 20YY is taken when it is not in the future, else 19YY.
    Feb 29 of "00" exists in 2000 but not 1900, so validity is checked per century.
    """
    for century in (2000, 1900):
        try:
            candidate = date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    raise InvalidNik(InvalidNik.BAD_DATE)


def parse_nik(text: str, *, today: date | None = None) -> NikInfo:
    """Check a NIK and return what it says; spaces are ignored. Raises :class:`InvalidNik`."""
    nik = _clean(text)
    if nik[:2] not in PROVINCE_CODES:
        raise InvalidNik(InvalidNik.BAD_PROVINCE)
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > _FEMALE_OFFSET
    if female:
        day -= _FEMALE_OFFSET
    if not 1 <= day <= 31:  # 32-40 and 72+ are neither a man's nor a woman's day
        raise InvalidNik(InvalidNik.BAD_DATE)
    birth = _birth_date(day, month, yy, today or date.today())
    if nik[12:] == "0000":
        raise InvalidNik(InvalidNik.BAD_SERIAL)
    return NikInfo(province_code=nik[:2], regency_code=nik[2:4], district_code=nik[4:6],
                   birth_date=birth, female=female, last4=nik[12:])


def is_valid_nik(text: str, *, today: date | None = None) -> bool:
    try:
        parse_nik(text, today=today)
    except InvalidNik:
        return False
    return True


def mask_nik(text: str) -> str:
    """``"************1234"``: only the last four digits of a 16-digit NIK; anything else is all stars.

    The output is always 16 characters, so it does not even reveal how much was typed.
    """
    try:
        nik = _clean(text)
    except InvalidNik:
        return "*" * 16
    return "*" * 12 + nik[12:]


def nik_hash(nik: str, key: bytes) -> str:
    """HMAC-SHA256 of the 16 digits, hex. Keyed because the NIK space is small and structured
    enough that a plain hash would be reversed by trying every plausible NIK."""
    if not key:
        raise ValueError("nik_hash needs a non-empty secret key")
    return hmac.new(key, _clean(nik).encode("ascii"), hashlib.sha256).hexdigest()
