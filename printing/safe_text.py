"""Text bound for paper made inert: no C0 or C1 control character ever reaches a printer.

Catalog text comes from a file an admin edits and from the server; an ESC, GS or DLE in it would
reach an ESC/POS printer as a command (cut, feed, drawer kick, reset). A tab or line break inside
a text becomes a space, so the words around it stay apart; every other control is dropped. A lone
surrogate (JSON allows ``"\\ud800"``) has no encoding at all: it prints as U+FFFD instead of
failing the whole ticket.
"""

from __future__ import annotations

CONTROLS = frozenset([*range(0x20), *range(0x7F, 0xA0)])
_AS_SPACE = frozenset(map(ord, "\t\n\v\f\r\x85\u2028\u2029"))
_SURROGATES = range(0xD800, 0xE000)
_TABLE = (dict.fromkeys(CONTROLS) | dict.fromkeys(_AS_SPACE, " ")
          | dict.fromkeys(_SURROGATES, "�"))


def printable(text: str) -> str:
    """``text`` with tabs and line breaks as spaces, lone surrogates as U+FFFD, other controls removed."""
    return text.translate(_TABLE)
