"""Text bound for paper made inert: no C0 or C1 control character ever reaches a printer.

Catalog text comes from a file an admin edits and from the server; an ESC, GS or DLE in it would
reach an ESC/POS printer as a command (cut, feed, drawer kick, reset). A tab or line break inside
a text becomes a space, so the words around it stay apart; every other control is dropped.
"""

from __future__ import annotations

CONTROLS = frozenset([*range(0x00, 0x20), *range(0x7F, 0xA0)])
_AS_SPACE = frozenset(map(ord, "\t\n\v\f\r\x85\u2028\u2029"))
_TABLE = {code: None for code in CONTROLS} | {code: " " for code in _AS_SPACE}


def printable(text: str) -> str:
    """``text`` with tabs and line breaks as spaces and every other control character removed."""
    return text.translate(_TABLE)
