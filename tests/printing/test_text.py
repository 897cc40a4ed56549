"""Fixed-width layout: word-boundary wrapping, rows, bullets, and the 58 mm receipt's 32 columns."""

from __future__ import annotations

import pytest

from printing import text
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import build_receipt
from printing.sample import sample_ticket
from tests.support.paper_out import paper_of

LONG_AGENCY = "Badan Pengelolaan Pendapatan Daerah Provinsi Banten Unit Pelaksana Teknis Serang"
LONG_SERVICE = "Pengesahan Surat Tanda Nomor Kendaraan Bermotor Tahunan dan Pembayaran Pajak"


def test_wrap_breaks_only_between_words():
    lines = text.wrap(LONG_AGENCY, 32)
    assert all(len(line) <= 32 for line in lines)
    assert " ".join(lines) == LONG_AGENCY
    assert set(" ".join(lines).split()) == set(LONG_AGENCY.split())  # no word cut in two


def test_wrap_fills_lines_greedily():
    assert text.wrap("Dinas Kependudukan dan Pencatatan Sipil", 32) == [
        "Dinas Kependudukan dan", "Pencatatan Sipil"]


def test_wrap_splits_only_a_word_longer_than_the_line():
    assert text.wrap("ab https://mpp.serangkab.go.id/t/x", 16) == [
        "ab", "https://mpp.sera", "ngkab.go.id/t/x"]


def test_row_continues_the_value_under_itself():
    lines = text.row("Loket", "Loket 1, Loket 2, Loket 3, Loket 4", 32, 10)
    assert lines == ["Loket     Loket 1, Loket 2,", "          Loket 3, Loket 4"]


def test_bullets_hang_under_the_mark():
    assert text.bullets(["Fotokopi Kartu Keluarga yang sudah dilegalisir"], 25) == [
        "- Fotokopi Kartu Keluarga", "  yang sudah dilegalisir"]


@pytest.mark.parametrize("code, columns, expected", [("A-001", 42, 8), ("A-001", 32, 6),
                                                     ("B2-014", 32, 5), ("B2-014", 48, 8)])
def test_big_code_takes_the_largest_size_that_fits(code, columns, expected):
    assert text.big_multiplier(code, columns) == expected


def test_58mm_receipt_keeps_every_line_within_32_columns(branding):
    ticket = sample_ticket(agency=LONG_AGENCY, service=LONG_SERVICE)
    data = EscposRenderer(EscposOptions(paper_mm=58)).render(build_receipt(ticket, branding))
    lines = [(item.size[0], item.text) for item in paper_of(data).of("text")]
    assert all(width * len(line) <= 32 for width, line in lines), lines
    printed_words = " ".join(line for _, line in lines).split()
    for word in (LONG_AGENCY + " " + LONG_SERVICE).split():
        assert word in printed_words  # wrapped whole, never cut mid-word
    agency_lines = [line for _, line in lines if line in text.wrap(LONG_AGENCY, 32)]
    assert len(agency_lines) == 3


@pytest.mark.parametrize("words, width, expected", [
    ("KTP-el", 6, ["KTP-el"]),                        # a word exactly one line wide fits its line
    ("ab KTP-el", 6, ["ab", "KTP-el"]),               # ... on a line of its own, after the words before it
    ("KTP-el ab", 6, ["KTP-el", "ab"]),
    ("KTP-el2", 6, ["KTP-el", "2"]),                  # one character wider: the one word that is split
    ("ab cd", 5, ["ab cd"]),                          # two words filling the line exactly share it
    ("ab cde", 5, ["ab", "cde"]),                     # one character more: the second moves down
    ("ab abcdefghi c", 4, ["ab", "abcd", "efgh", "i c"]),  # a split word's tail is joined by what follows
])
def test_wrap_fills_each_line_up_to_exactly_its_width(words, width, expected):
    assert text.wrap(words, width) == expected


@pytest.mark.parametrize("blank", ["", "   ", "\u00a0"])
def test_a_blank_text_takes_no_line(blank):
    assert text.wrap(blank, 32) == []


def test_wrap_to_a_single_column_prints_one_character_a_line():
    assert text.wrap("ab c", 1) == ["a", "b", "c"]


@pytest.mark.parametrize("width", [0, -1])
def test_wrap_to_no_column_at_all_is_refused(width):
    """Zero columns would never finish wrapping: it is refused, saying the least width allowed."""
    with pytest.raises(ValueError, match=r"^width must be at least 1$"):
        text.wrap("A-001", width)


def test_a_row_without_a_value_prints_its_label_alone():
    """No trailing spaces after the label, and no text made up for the missing value."""
    assert text.row("Loket", "", 32, 10) == ["Loket"]


def test_a_row_without_a_label_starts_its_value_in_the_value_column():
    assert text.row("", "Loket 1", 32, 10) == ["          Loket 1"]


@pytest.mark.parametrize("width, label_width", [(7, 6), (12, 6), (32, 16)])
def test_a_row_never_runs_past_the_paper(width, label_width):
    """However little room the label leaves, each line of the row stays within the paper."""
    lines = text.row("Loket", "Loket 1, Loket 2, Loket 3", width, label_width)
    assert all(len(line) <= width for line in lines), lines
    printed = "".join(line[label_width:] for line in lines)
    assert printed.replace(" ", "") == "Loket1,Loket2,Loket3"  # all of the value, in order


@pytest.mark.parametrize("labels, width, column", [
    (["Waktu", "Di depan", "Perkiraan", "Loket"], 42, 10),   # one space after "Perkiraan"
    (["Time", "Ahead", "Est. wait", "Counter"], 32, 10),
    (["x" * 14], 32, 15),                                   # just under half the line
    (["x" * 15], 32, 16),                                   # exactly half
    (["x" * 16], 32, 16),                                   # one more: held at half the line
    (["Nomor induk kependudukan pemohon"], 32, 16),
    (["Nomor induk kependudukan pemohon"], 33, 16),         # half of an odd line, rounded down
])
def test_values_start_one_space_after_the_longest_label_and_at_most_halfway(labels, width, column):
    assert text.label_width(labels, width) == column


@pytest.mark.parametrize("item, width, expected", [
    ("KTP-el asli", 13, ["- KTP-el asli"]),             # exactly as wide as the room after the mark
    ("KTP-el asli", 12, ["- KTP-el", "  asli"]),       # one column less: the last word hangs below
    ("ab", 3, ["- a", "  b"]),                          # never past the paper, however narrow
])
def test_a_requirement_exactly_one_line_wide_stays_on_its_line(item, width, expected):
    assert text.bullets([item], width) == expected


def test_a_blank_requirement_prints_a_bare_mark():
    """A blank entry in the catalog prints its mark with nothing made up after it."""
    assert [line.rstrip() for line in text.bullets(["", "KTP-el asli"], 32)] == ["-", "- KTP-el asli"]


@pytest.mark.parametrize("code, columns, expected", [
    ("A-001", 32, 6), ("B2-014", 32, 5), ("A-001", 42, 8), ("B2-014", 42, 7),
    ("A-001", 48, 8), ("B2-014", 48, 8), ("B2-0140", 48, 6),
    ("A", 48, 8),                 # the printer magnifies at most 8 times
    ("X" * 16, 32, 2),            # exactly fits at double size
    ("X" * 17, 32, 1),            # one character more: normal size
    ("X" * 32, 32, 1), ("X" * 33, 32, 1),  # longer than the line: still printed, at normal size
    ("", 32, 1),
])
def test_the_big_ticket_number_is_as_large_as_fits_one_line(code, columns, expected):
    assert text.big_multiplier(code, columns) == expected
