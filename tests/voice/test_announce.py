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
    (99, "sembilan puluh sembilan"), (999, "sembilan ratus sembilan puluh sembilan"),
    (1999, "seribu sembilan ratus sembilan puluh sembilan"), (111_111, "seratus sebelas ribu seratus sebelas"),
    (999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"),
    (12_000_000, "dua belas juta"), (1_000_000_000, "satu miliar"), (10**12, "satu triliun"),
    (1_002_003_004_005, "satu triliun dua miliar tiga juta empat ribu lima"),
    (3_000_000_001_000, "tiga triliun seribu"),
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


@pytest.mark.parametrize(("letter", "name"), [
    ("A", "a"), ("B", "be"), ("C", "ce"), ("D", "de"), ("E", "e"), ("F", "ef"), ("G", "ge"), ("H", "ha"),
    ("I", "i"), ("J", "je"), ("K", "ka"), ("L", "el"), ("M", "em"), ("N", "en"), ("O", "o"), ("P", "pe"),
    ("Q", "ki"), ("R", "er"), ("S", "es"), ("T", "te"), ("U", "u"), ("V", "ve"), ("W", "we"), ("X", "eks"),
    ("Y", "ye"), ("Z", "zet"),
])
def test_every_service_letter_is_called_by_its_indonesian_name(letter, name):
    """A-001 to Z-001: the citizen hears the letter printed on the ticket, in either case."""
    spoken = f"Nomor antrean, {name}, satu, silakan menuju loket satu."
    assert call_sentence(f"{letter}-001", 1).spoken == spoken
    assert call_sentence(f"{letter.lower()}-001", 1).spoken == spoken


@pytest.mark.parametrize(("prefix", "spoken"), [
    ("A", "a"), ("B2", "be dua"), ("KT", "ka te"), ("b", "be"), ("X12", "eks dua belas"),
    ("QZ", "ki zet"), ("A1B", "a satu be"),
])
def test_prefixes_are_spelled_letter_by_letter(prefix, spoken):
    """Every part of the prefix is said, in order: its letters by name, its digits as a number."""
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
    ("LOKET 3A", "Loket 3A"), (0, "Loket 0"), (1, "Loket 1"), (" Loket 3 ", "Loket 3"), ("\tloket  7", "Loket 7"),
    # A name typed without the space is the same loket, not "Loket Loket3" (read "loket loket tiga").
    ("Loket3", "Loket 3"), ("LOKET12", "Loket 12"), ("loket3A", "Loket 3A"),
    # A word that only starts like "loket" is a name of its own.
    ("Loketan", "Loket Loketan"),
])
def test_loket_labels(loket, label):
    assert loket_label(loket) == label


def test_loket_0_is_a_loket_and_below_it_none():
    """The catalog may number a loket 0 (its ids are any integer the site chose); -1 is no loket."""
    assert call_sentence("A-001", 0).spoken == "Nomor antrean, a, satu, silakan menuju loket nol."
    with pytest.raises(ValueError):
        loket_label(-1)


@pytest.mark.parametrize(("loket", "spoken"), [
    ("Loket 3A", "loket tiga a"), ("Loket 3B", "loket tiga be"), ("Loket 12 Q", "loket dua belas ki"),
    ("Loket Prioritas", "loket prioritas"), ("Loket 2 Lansia", "loket dua lansia"), ("Loket Ä", "loket ä"),
    ("Loket VIP 1", "loket vip satu"), ("Loket3", "loket tiga"),
])
def test_a_loket_name_is_read_number_as_words_lone_letter_by_name_other_words_as_written(loket, spoken):
    """A word is read as written in lower case, so the voice reads it as a word and does not spell
    it; a letter that has no Indonesian name is a word too, never a refusal to announce."""
    assert call_sentence("A-001", loket).spoken == f"Nomor antrean, a, satu, silakan menuju {spoken}."


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


@pytest.mark.parametrize(("code", "shown", "spoken_number"), [
    (" b2 - 014 ", "B2-014", "be dua, empat belas"),
    ("kt-1000", "KT-1000", "ka te, seribu"),
    ("A-0042", "A-0042", "a, empat puluh dua"),
    ("A7", "A-007", "a, tujuh"),
    ("kt12", "KT-012", "ka te, dua belas"),
])
def test_the_board_shows_the_code_as_printed_on_the_ticket(code, shown, spoken_number):
    """A code with a dash is shown as it came, only upper case and without spaces, so the board
    matches the paper in the citizen's hand whatever the number's width; one typed without a dash
    (at the announce tool) gets the printed form."""
    call = call_sentence(code, 5)
    assert (call.code, call.shown) == (shown, f"{shown} → Loket 5")
    assert call.spoken == f"Nomor antrean, {spoken_number}, silakan menuju loket lima."


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


@pytest.mark.parametrize(("refused", "names"), [
    (lambda: call_sentence("A-", 1), "'A-'"),
    (lambda: call_sentence("A-1", "Loket"), "'Loket'"),
    (lambda: call_sentence("A-1", -2), "-2"),
    (lambda: call_sentence("A-1", True), "loket"),
    (lambda: spell_prefix("-"), "'-'"),
    (lambda: spell_prefix("Ä"), "'Ä'"),
    (lambda: number_words(-5), "-5"),
    (lambda: number_words(1.5), "float"),
])
def test_a_refusal_names_what_it_refused(refused, names):
    """The announce tool shows the refusal to the technician and the board logs it: it names the
    code, loket or value it could not read."""
    with pytest.raises((TypeError, ValueError)) as caught:
        refused()
    assert names in str(caught.value)
