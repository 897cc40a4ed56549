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


@dataclass(frozen=True)
class ScanTarget:
    """What to look up: ``kind`` is ``"token"`` (from a status link) or ``"code"`` (e.g. ``A-001``)."""

    kind: str
    value: str


def parse_scan(text: str, prefixes: Iterable[str] = ()) -> ScanTarget | None:
    """A status link ``…/t/<token>`` or a plain ticket code, as typed by a scanner; None if neither."""
    raw = text.strip()
    if "/t/" in raw:
        path = urlparse(raw).path if "://" in raw else raw
        token = path.rstrip("/").rsplit("/t/", 1)[-1].split("/")[0]
        return ScanTarget("token", token) if STATUS_TOKEN.match(token) else None
    code = normalise_code(raw, prefixes)
    return ScanTarget("code", code) if code else None


def keypad_letters(prefixes: Iterable[str]) -> tuple[str, ...]:
    """The letters the site's ticket prefixes use, in order (``A2`` gives ``A``)."""
    return tuple(sorted({ch for prefix in prefixes for ch in prefix.upper() if ch.isalpha()}))
