"""The words of a call on the hall display: one function gives both the sentence the speech engine
reads aloud in Indonesian and the line the board shows, so the two can never disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Indonesian letter names, spelled so that espeak-ng's Indonesian voice (``-v id``) says the
# letter and not a word: checked with ``espeak-ng -v id -x``. "ki" for Q and "eks" for X are the
# names taught in Indonesian schools; "ve" is kept although many speakers say "fe".
LETTER_NAMES: dict[str, str] = {
    "A": "a", "B": "be", "C": "ce", "D": "de", "E": "e", "F": "ef", "G": "ge", "H": "ha",
    "I": "i", "J": "je", "K": "ka", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pe",
    "Q": "ki", "R": "er", "S": "es", "T": "te", "U": "u", "V": "ve", "W": "we", "X": "eks",
    "Y": "ye", "Z": "zet",
}

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Above a thousand "satu" stays: "satu juta", "satu miliar" (formal usage, as num2words has it).
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))

_CODE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9]*)\s*-\s*(\d+)\s*$")
_CODE_NO_DASH = re.compile(r"^\s*([A-Za-z]+)(\d+)\s*$")
_LOKET_WORD = re.compile(r"^\s*loket(?![^\W\d_])\s*", re.IGNORECASE)  # "Loket3" too, not "Loketan"
_RUNS = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True)
class Announcement:
    """One call: ``spoken`` goes to the speech engine (after the chime), ``shown`` to the board."""

    code: str       # the ticket code as printed, upper case: "B2-014"
    loket: str      # the counter's label: "Loket 12"
    spoken: str     # "Nomor antrean, be dua, empat belas, silakan menuju loket dua belas."
    shown: str      # "B2-014 → Loket 12"
    recall: bool = False


def number_words(n: int) -> str:
    """``n`` in Indonesian words, with the se- forms: 10 sepuluh, 11 sebelas, 100 seratus, 1000 seribu."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_words needs an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"number_words needs n >= 0, got {n}")
    if n == 0:
        return _UNITS[0]
    return " ".join(_words_above_zero(n))


def _words_above_zero(n: int) -> list[str]:
    words: list[str] = []
    for scale, name in _SCALES:
        if n >= scale:
            words += _words_above_zero(n // scale) + [name]
            n %= scale
    if n >= 1000:
        thousands = n // 1000
        words += ["seribu"] if thousands == 1 else _below_thousand(thousands) + ["ribu"]
        n %= 1000
    return words + _below_thousand(n)


def _below_thousand(n: int) -> list[str]:
    """1..999 as words; 0 gives nothing (it only ever appears inside a larger number)."""
    words: list[str] = []
    hundreds, n = divmod(n, 100)
    if hundreds:
        words += ["seratus"] if hundreds == 1 else [_UNITS[hundreds], "ratus"]
    tens, units = divmod(n, 10)
    if tens == 1:
        words += ["sepuluh"] if units == 0 else (
            ["sebelas"] if units == 1 else [_UNITS[units], "belas"])
        return words
    if tens:
        words += [_UNITS[tens], "puluh"]
    if units:
        words.append(_UNITS[units])
    return words


def letter_name(letter: str) -> str:
    """The Indonesian name of one Latin letter, as the speech engine should read it."""
    try:
        return LETTER_NAMES[letter.upper()]
    except KeyError:
        raise ValueError(f"not a Latin letter: {letter!r}") from None


def spell_prefix(prefix: str) -> str:
    """A service prefix read aloud: each letter by its name, a digit run as a number ("B2" → "be dua")."""
    words: list[str] = []
    for run in _RUNS.findall(prefix):
        if run.isdigit():
            words.append(number_words(int(run)))
        else:
            words += [letter_name(ch) for ch in run]
    if not words:
        raise ValueError(f"empty ticket prefix: {prefix!r}")
    return " ".join(words)


def split_code(code: str) -> tuple[str, int]:
    """``"B2-014"`` → ``("B2", 14)``. Without a dash the prefix is the leading letters ("A7" → A, 7)."""
    match = _CODE.match(code) or _CODE_NO_DASH.match(code)
    if not match:
        raise ValueError(f"not a ticket code: {code!r} (expected like A-001 or B2-014)")
    return match.group(1).upper(), int(match.group(2))


def loket_label(loket: str | int) -> str:
    """The counter as the board shows it: ``3``, ``"3"``, ``"loket 3"`` → ``"Loket 3"``."""
    if isinstance(loket, bool):
        raise TypeError("loket must be a number or a name")
    if isinstance(loket, int):
        if loket < 0:
            raise ValueError(f"loket number must be >= 0, got {loket}")
        return f"Loket {loket}"
    rest = _LOKET_WORD.sub("", loket).strip()
    if not rest:
        raise ValueError(f"not a loket: {loket!r}")
    return f"Loket {rest}"


def loket_words(loket: str | int) -> str:
    """The counter read aloud: "loket" then its number in words, a lone letter by its name,
    any other word as written ("Loket 3A" → "loket tiga a")."""
    rest = loket_label(loket)[len("Loket "):]
    words = ["loket"]
    for run in _RUNS.findall(rest):
        if run.isdigit():
            words.append(number_words(int(run)))
        elif len(run) == 1 and run.upper() in LETTER_NAMES:
            words.append(letter_name(run))
        else:
            words.append(run.lower())
    return " ".join(words)


def call_sentence(code: str, loket: str | int, *, recall: bool = False) -> Announcement:
    """The call for ticket ``code`` to ``loket``; a recall starts with "Panggilan ulang".

    Commas make espeak-ng pause between the prefix and the number, so "be dua, empat belas" is not
    heard as one number.
    """
    prefix, number = split_code(code)
    shown_code = re.sub(r"\s+", "", code).upper()
    if "-" not in shown_code:
        shown_code = f"{prefix}-{number:03d}"
    label = loket_label(loket)
    spoken = (f"Nomor antrean, {spell_prefix(prefix)}, {number_words(number)}, "
              f"silakan menuju {loket_words(loket)}.")
    if recall:
        spoken = f"Panggilan ulang. {spoken}"
    return Announcement(code=shown_code, loket=label, spoken=spoken,
                        shown=f"{shown_code} → {label}", recall=recall)
