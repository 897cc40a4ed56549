"""Plain-text helpers for the kiosk screens that need no Qt: what a scanner sent, and which letters
the status keypad offers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from core.rules import STATUS_TOKEN, normalise_code


def pick(lang: str, indonesian: str, english: str) -> str:
    """A name the catalog gives in both languages (on screen and on the receipt)."""
    return english if lang == "en" and english else indonesian


def clock_time(hhmm: str, lang: str) -> str:
    """A site time the server sends as ``HH:MM``, as each language writes it: 09.30 in Indonesian."""
    return hhmm.replace(":", ".") if lang == "id" else hhmm


@dataclass(frozen=True)
class ScanTarget:
    """What to look up: ``kind`` is ``"token"`` (from a status link), ``"code"`` (e.g. ``A-001``) or
    ``"booking"`` (the token of a booking's QR, to check in with)."""

    kind: str
    value: str


BOOKING_SCHEME = "anjungan-booking:"


def parse_scan(text: str, prefixes: Iterable[str] = ()) -> ScanTarget | None:
    """A status link ``…/t/<token>``, a booking's QR (``…/booking/<token>`` or ``anjungan-booking:<token>``
    when the server has no public URL) or a plain ticket code, as typed by a scanner; None if none."""
    raw = text.strip()
    booking = _booking_token(raw)
    if booking is not None:
        return ScanTarget("booking", booking) if STATUS_TOKEN.match(booking) else None
    if "/t/" in raw:
        path = urlparse(raw).path if "://" in raw else raw
        token = path.rstrip("/").rsplit("/t/", 1)[-1].split("/")[0]
        return ScanTarget("token", token) if STATUS_TOKEN.match(token) else None
    code = normalise_code(raw, prefixes)
    return ScanTarget("code", code) if code else None


def _booking_token(raw: str) -> str | None:
    if raw.lower().startswith(BOOKING_SCHEME):
        return raw[len(BOOKING_SCHEME):]
    path = urlparse(raw).path if "://" in raw else raw
    if "/booking/" not in path:
        return None
    return path.rstrip("/").rsplit("/booking/", 1)[-1].split("/")[0]


def keypad_letters(prefixes: Iterable[str]) -> tuple[str, ...]:
    """The letters the site's ticket prefixes use, in order (``A2`` gives ``A``)."""
    return tuple(sorted({ch for prefix in prefixes for ch in prefix.upper() if ch.isalpha()}))
