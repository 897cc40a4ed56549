"""Booking codes: eight random digits and a Damm check digit. Random (``secrets``), so a code is neither
a counter nor the clock and cannot be guessed from another; digits only, so the kiosk's keypad types it;
the check digit refuses every single mistyped digit and every swap of two neighbouring digits before any
look-up is made (Damm's quasigroup of order 10 is weakly totally anti-symmetric)."""

from __future__ import annotations

import secrets
from collections.abc import Callable

BODY_DIGITS = 8
LENGTH = BODY_DIGITS + 1

# H. Michael Damm's table (2004), the one every implementation uses: row = interim digit, column = next digit.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def check_digit(digits: str) -> int:
    """The digit that makes ``digits`` + it check out: the interim digit after the last one."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def new_code(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    body = f"{randbelow(10 ** BODY_DIGITS):0{BODY_DIGITS}d}"
    return body + str(check_digit(body))


def typed(text: str) -> str:
    """What a citizen typed or a scanner read, without the spaces and dashes a code is shown with."""
    return "".join(ch for ch in text if ch not in " -")


def is_valid(text: str) -> bool:
    code = typed(text)
    return len(code) == LENGTH and code.isascii() and code.isdigit() and check_digit(code) == 0


def shown(code: str) -> str:
    """``123-456-789``: three groups a person reads out and types back without losing their place."""
    return "-".join(code[i:i + 3] for i in range(0, len(code), 3))
