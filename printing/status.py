"""Printer state from the real-time status commands (``DLE EOT 1`` online, ``DLE EOT 4`` paper).

An empty, missing or malformed answer is ``unknown``: never a guess of "ok". python-escpos's own
``paper_status()`` reads the same bits but says "adequate" for an empty answer, so it is not used.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from printing.escpos_lib import constants

QUERY_ONLINE = constants.RT_STATUS_ONLINE  # DLE EOT 1
QUERY_PAPER = constants.RT_STATUS_PAPER  # DLE EOT 4

# Bits 1 and 4 are always 1 and bits 0 and 7 always 0 in a DLE EOT answer.
_FIXED_MASK = 0x93
_FIXED_BITS = 0x12


class Online(str, enum.Enum):
    ONLINE = "online"
    OFFLINE = "offline"
    UNKNOWN = "unknown"


class PaperState(str, enum.Enum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrinterState:
    online: Online = Online.UNKNOWN
    paper: PaperState = PaperState.UNKNOWN

    @property
    def known(self) -> bool:
        return self.online is not Online.UNKNOWN or self.paper is not PaperState.UNKNOWN


UNKNOWN = PrinterState()


def _status_byte(answer: bytes | None) -> int | None:
    if not answer:
        return None
    byte = answer[-1]  # the newest answer wins if a stale one was still queued
    return byte if byte & _FIXED_MASK == _FIXED_BITS else None


def decode_online(answer: bytes | None) -> Online:
    """``DLE EOT 1``: bit 3 set means offline (cover open, paper end, error)."""
    byte = _status_byte(answer)
    if byte is None:
        return Online.UNKNOWN
    return Online.OFFLINE if byte & constants.RT_MASK_ONLINE else Online.ONLINE


def decode_paper(answer: bytes | None) -> PaperState:
    """``DLE EOT 4``: bits 5–6 paper end (0x60), bits 2–3 near end (0x0C)."""
    byte = _status_byte(answer)
    if byte is None:
        return PaperState.UNKNOWN
    if byte & 0x60:
        return PaperState.OUT
    if byte & 0x0C:
        return PaperState.NEAR_END
    return PaperState.OK


def read_state(query: Callable[[bytes], bytes | None]) -> PrinterState:
    """Ask both questions through ``query`` (send a command, return the answer or None)."""
    return PrinterState(online=decode_online(query(QUERY_ONLINE)),
                        paper=decode_paper(query(QUERY_PAPER)))
