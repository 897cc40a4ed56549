"""Citizens' mobile numbers as the gateways want them and as the office may see them. Kept apart from the
notification service so the booking engine and the console read numbers without importing the sender."""

from __future__ import annotations

import re

_PHONE = re.compile(r"^(?:\+?62|0)8[1-9][0-9]{7,11}$")


def normalise_phone(text: str) -> str | None:
    """An Indonesian mobile number in the 62… form gateways want, or None if it is not one."""
    digits = re.sub(r"[\s\-.()]", "", text)
    if not _PHONE.match(digits):
        return None
    digits = digits.lstrip("+")
    return "62" + digits[1:] if digits.startswith("0") else digits


def masked(phone: str | None) -> str | None:
    """Enough of a number for the office to recognise it, not enough to call it."""
    if not phone:
        return None
    return phone[:4] + "•" * max(0, len(phone) - 7) + phone[-3:]
