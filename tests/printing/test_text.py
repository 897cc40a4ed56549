"""Fixed-width layout: word-boundary wrapping, rows, bullets, and the 58 mm receipt's 32 columns."""

from __future__ import annotations

import re

import pytest

from printing import text
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import build_receipt
from printing.sample import sample_ticket

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


def _printed_lines(data: bytes) -> list[tuple[int, str]]:
    """Text lines of an ESC/POS job with the GS ! width they were printed at."""
    width = 1
    out: list[tuple[int, str]] = []
    for chunk in re.split(rb"(\x1d!.|\x1b[aEt@d].?|\x1d\(k..[^\x1d]*|\x1dV.)", data, flags=re.S):
        if chunk.startswith(b"\x1d!"):
            width = (chunk[2] >> 4) + 1
        elif chunk and chunk[0] >= 0x20:
            out += [(width, line) for line in chunk.decode("cp437").split("\n") if line]
    return out


def test_58mm_receipt_keeps_every_line_within_32_columns(branding):
    ticket = sample_ticket(agency=LONG_AGENCY, service=LONG_SERVICE)
    data = EscposRenderer(EscposOptions(paper_mm=58)).render(build_receipt(ticket, branding))
    lines = _printed_lines(data)
    assert all(width * len(line) <= 32 for width, line in lines), lines
    printed_words = " ".join(line for _, line in lines).split()
    for word in (LONG_AGENCY + " " + LONG_SERVICE).split():
        assert word in printed_words  # wrapped whole, never cut mid-word
    agency_lines = [line for _, line in lines if line in text.wrap(LONG_AGENCY, 32)]
    assert len(agency_lines) == 3
