"""The words of a call: Indonesian numbers, letter names, and the spoken and shown sentence."""

from __future__ import annotations

import re

import pytest
from num2words import num2words

from core.announce import LETTER_NAMES, Announcement, call_sentence, loket_label, number_words, spell_prefix, split_code


def _oracle(n: int) -> str:
    """num2words' Indonesian, normalised.

    num2words 0.5.14 (lang_ID) already uses the se- forms (sepuluh, sebelas, seratus, seribu) and
    "nol" for 0, and agrees with us word for word on 0–9999, so no quirk needs correcting; only
    whitespace is collapsed, so a release that joins words differently does not fail us for
    nothing. Above the thousands it says "satu juta", never "sejuta": the formal reading, which we
    follow. Should a future num2words lose the se- forms, the rule test below still holds us to them.
    """
    return " ".join(num2words(n, lang="id").split())


def test_every_number_up_to_9999_reads_as_num2words_says():
    wrong = [(n, number_words(n), _oracle(n)) for n in range(10000) if number_words(n) != _oracle(n)]
    assert wrong == []


def test_numbers_never_say_satu_before_a_unit_that_takes_se():
    # The oracle could share a bug with us; this is the rule itself.
    forbidden = re.compile(r"\bsatu (puluh|belas|ratus|ribu)\b")
    offenders = [n for n in range(10000) if forbidden.search(number_words(n))]
    assert offenders == []


@pytest.mark.parametrize(("n", "words"), [
    (0, "nol"), (1, "satu"), (7, "tujuh"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"),
    (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"), (100, "seratus"),
    (101, "seratus satu"), (110, "seratus sepuluh"), (111, "seratus sebelas"),
    (123, "seratus dua puluh tiga"), (200, "dua ratus"), (1000, "seribu"), (1001, "seribu satu"),
    (1010, "seribu sepuluh"), (1100, "seribu seratus"), (2000, "dua ribu"),
    (9999, "sembilan ribu sembilan ratus sembilan puluh sembilan"),
    (10000, "sepuluh ribu"), (11000, "sebelas ribu"), (100000, "seratus ribu"),
    (1_000_000, "satu juta"), (2_000_001, "dua juta satu"),
])
def test_number_words_examples(n, words):
    assert number_words(n) == words


def test_number_words_beyond_9999_still_match_the_oracle():
    samples = [10_000, 12_345, 99_999, 100_001, 999_999, 1_000_000, 1_234_567, 10**9 + 1, 10**12]
    assert [number_words(n) for n in samples] == [_oracle(n) for n in samples]


@pytest.mark.parametrize("bad", [-1, 1.5, "12", True])
def test_number_words_refuses_what_is_not_a_count(bad):
    with pytest.raises((TypeError, ValueError)):
        number_words(bad)


def test_letter_names_are_the_indonesian_alphabet():
    assert [LETTER_NAMES[ch] for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] == [
        "a", "be", "ce", "de", "e", "ef", "ge", "ha", "i", "je", "ka", "el", "em", "en", "o", "pe",
        "ki", "er", "es", "te", "u", "ve", "we", "eks", "ye", "zet"]


@pytest.mark.parametrize(("prefix", "spoken"), [
    ("A", "a"), ("B2", "be dua"), ("KT", "ka te"), ("b", "be"), ("X12", "eks dua belas"),
    ("QZ", "ki zet"),
])
def test_prefixes_are_spelled_letter_by_letter(prefix, spoken):
    assert spell_prefix(prefix) == spoken


@pytest.mark.parametrize(("code", "split"), [
    ("A-001", ("A", 1)), ("B2-014", ("B2", 14)), ("kt-1000", ("KT", 1000)), (" A - 7 ", ("A", 7)),
    ("A7", ("A", 7)),
])
def test_codes_split_into_prefix_and_number_without_leading_zeros(code, split):
    assert split_code(code) == split


@pytest.mark.parametrize("bad", ["", "A-", "-12", "123", "A-12x", "Ä-1"])
def test_malformed_codes_are_refused(bad):
    with pytest.raises(ValueError):
        split_code(bad)


@pytest.mark.parametrize(("loket", "label"), [
    (3, "Loket 3"), ("3", "Loket 3"), ("Loket 3", "Loket 3"), ("loket 12", "Loket 12"),
    ("LOKET 3A", "Loket 3A"),
])
def test_loket_labels(loket, label):
    assert loket_label(loket) == label


@pytest.mark.parametrize(("code", "loket", "spoken", "shown"), [
    ("A-001", 1, "Nomor antrean, a, satu, silakan menuju loket satu.", "A-001 → Loket 1"),
    ("A-123", 3, "Nomor antrean, a, seratus dua puluh tiga, silakan menuju loket tiga.",
     "A-123 → Loket 3"),
    ("B2-014", "Loket 12", "Nomor antrean, be dua, empat belas, silakan menuju loket dua belas.",
     "B2-014 → Loket 12"),
    ("KT-1000", 20, "Nomor antrean, ka te, seribu, silakan menuju loket dua puluh.",
     "KT-1000 → Loket 20"),
    ("A-010", 11, "Nomor antrean, a, sepuluh, silakan menuju loket sebelas.", "A-010 → Loket 11"),
    ("C-100", 10, "Nomor antrean, ce, seratus, silakan menuju loket sepuluh.", "C-100 → Loket 10"),
    ("A-007", "3", "Nomor antrean, a, tujuh, silakan menuju loket tiga.", "A-007 → Loket 3"),
    ("d-042", "Loket 3A", "Nomor antrean, de, empat puluh dua, silakan menuju loket tiga a.",
     "D-042 → Loket 3A"),
])
def test_call_sentence_spoken_and_shown(code, loket, spoken, shown):
    call = call_sentence(code, loket)
    assert (call.spoken, call.shown, call.recall) == (spoken, shown, False)


def test_a_recall_says_so_first_and_shows_the_same_line():
    first, again = call_sentence("A-123", 3), call_sentence("A-123", 3, recall=True)
    assert again == Announcement(
        code="A-123", loket="Loket 3",
        spoken="Panggilan ulang. Nomor antrean, a, seratus dua puluh tiga, silakan menuju loket tiga.",
        shown="A-123 → Loket 3", recall=True)
    assert again.shown == first.shown


@pytest.mark.parametrize(("code", "loket"), [("", 1), ("A-1", ""), ("A-1", "Loket"), ("A-1", -2)])
def test_call_sentence_refuses_what_it_cannot_read(code, loket):
    with pytest.raises(ValueError):
        call_sentence(code, loket)
