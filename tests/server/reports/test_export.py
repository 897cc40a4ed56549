"""CSV and XLSX downloads: read back as a spreadsheet or a program reads them, with every text cell
that a spreadsheet would take for a formula neutralised (OWASP, CSV Injection)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from server.reports import export
from server.reports.export import Sheet

HOSTILE = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "  =1+1", "\t=1", "\r=1", " -x"]
HARMLESS = ["Disdukcapil", "a=b", "Kartu Keluarga - KK", "", "'=already"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_start_gets_an_apostrophe(value):
    assert export.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", HARMLESS)
def test_plain_text_is_left_alone(value):
    assert export.neutralise(value) == value


def sheets() -> list[Sheet]:
    return [Sheet("Per layanan", ["Layanan", "Diterbitkan", "Tunggu (menit)", "Tanggal"],
                  [["=Layanan KTP-el; \"baru\"", 12, 3.5, date(2026, 12, 1)],
                   ["Pengurusan Akta Kelahiran ñ", -1, None, datetime(2026, 12, 1, 8, 30)]]),
            Sheet("Per loket", ["Loket", "Petugas", "Dilayani"], [["Loket 1", "@petugas", 7]])]


def test_csv_is_utf8_with_bom_semicolons_and_neutralised_text():
    data = export.csv_bytes(sheets()[0].header, sheets()[0].rows)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Layanan", "Diterbitkan", "Tunggu (menit)", "Tanggal"]
    assert rows[1] == ["'=Layanan KTP-el; \"baru\"", "12", "3.5", "2026-12-01"]
    assert rows[2] == ["Pengurusan Akta Kelahiran ñ", "-1", "", "2026-12-01 08:30:00"]  # a number stays one


def test_csv_sections_name_each_row_table():
    data = export.csv_sections(sheets())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["section", "Layanan", "Diterbitkan", "Tunggu (menit)", "Tanggal"]
    assert rows[1][:2] == ["Per layanan", "'=Layanan KTP-el; \"baru\""]
    assert rows[3] == ["section", "Loket", "Petugas", "Dilayani"]
    assert rows[4] == ["Per loket", "Loket 1", "'@petugas", "7"]


def test_xlsx_read_back_typed_bold_frozen_and_neutralised():
    book = load_workbook(io.BytesIO(export.xlsx_bytes(sheets())))
    assert book.sheetnames == ["Per layanan", "Per loket"]
    ws = book["Per layanan"]
    assert ws.freeze_panes == "A2"
    assert all(cell.font.bold for cell in ws[1])
    assert ws["A2"].value == "'=Layanan KTP-el; \"baru\"" and ws["A2"].data_type == "s"
    assert ws["B2"].value == 12 and ws["B2"].data_type == "n"
    assert ws["C2"].value == 3.5 and ws["B3"].value == -1
    assert ws["D2"].value == datetime(2026, 12, 1) and ws["D2"].is_date
    assert ws["D3"].value == datetime(2026, 12, 1, 8, 30)
    assert ws.column_dimensions["A"].width >= len("Pengurusan Akta Kelahiran ñ")
    assert book["Per loket"]["B2"].value == "'@petugas"
    assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]  # no formula anywhere


def test_sheet_names_excel_refuses_are_made_acceptable():
    book = load_workbook(io.BytesIO(export.xlsx_bytes(
        [Sheet("Layanan/Loket: [semua]?", ["a"]), Sheet("Layanan/Loket: [semua]?", ["a"]), Sheet("x" * 40, ["a"])])))
    assert book.sheetnames == ["Layanan Loket   semua", "Layanan Loket   semua (2)", "x" * 31]


def test_an_empty_workbook_still_opens():
    assert load_workbook(io.BytesIO(export.xlsx_bytes([]))).sheetnames == ["Data"]
