"""CSV and XLSX from the same rows, for the reports' downloads.

A text cell a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-`` or ``@``, also
after leading spaces, or with a tab or carriage return) gets a leading apostrophe, as OWASP's CSV
Injection advice says; numbers, dates and times stay what they are.

CSV: UTF-8 with a byte order mark, so Excel reads Indonesian text right; ``;`` between fields, because
Excel on Windows set to Indonesian (where the decimal sign is the comma) splits on its list separator,
the semicolon, and would put a comma-separated row in one column; numbers keep the decimal point, so
other programs read them as they are. For a spreadsheet the XLSX is the better file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

Value = str | int | float | date | datetime | time | None
CSV_DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's own sheet names may not hold these, and may be at most 31 characters long.
SHEET_NAME_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
MAX_COLUMN_WIDTH = 60


def neutralise(value: str) -> str:
    """A text that a spreadsheet would take for a formula, made plain text by a leading apostrophe."""
    if value.startswith(FORMULA_STARTS) or value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe(value: Value) -> Value:
    return neutralise(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Sheet:
    """One table: its name (an XLSX sheet, a CSV ``section``), its header and its rows."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]] = field(default_factory=tuple)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Value]]) -> bytes:
    """One table as CSV (UTF-8 with BOM, ``;``, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_sections(sheets: Sequence[Sheet]) -> bytes:
    """Several tables in one CSV: a first ``section`` column names the table a row belongs to, and
    each table starts with its own header row (its first cell is ``section``)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    for sheet in sheets:
        writer.writerow(["section", *(neutralise(h) for h in sheet.header)])
        for row in sheet.rows:
            writer.writerow([neutralise(sheet.name), *(_csv_cell(v) for v in row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value: Value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return safe(value)  # type: ignore[return-value]


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook with a sheet per table: bold header, first row frozen, columns wide enough, numbers
    as numbers and dates as dates. Written in openpyxl's write-only mode, so memory stays flat."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()
    for sheet in sheets or (Sheet("Data", ()),):
        ws = book.create_sheet(_sheet_name(sheet.name, used))
        ws.freeze_panes = "A2"
        widths = [len(h) for h in sheet.header]
        formats = _formats(sheet)
        for i, width in enumerate(_widths(sheet, widths), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.append([_bold(ws, neutralise(h), bold) for h in sheet.header])
        for row in sheet.rows:
            ws.append([_typed(ws, v, formats[i] if i < len(formats) else None) for i, v in enumerate(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _bold(ws: Any, value: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = font
    return cell


def _typed(ws: Any, value: Value, number_format: str | None) -> Any:
    if isinstance(value, str):
        return neutralise(value)
    if number_format is None or value is None:
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def _formats(sheet: Sheet) -> list[str | None]:
    """Per column, a display format for dates and times (openpyxl stores them as real dates)."""
    found: list[str | None] = [None] * len(sheet.header)
    for row in sheet.rows[:200]:
        for i, v in enumerate(row[:len(found)]):
            if found[i] is None:
                if isinstance(v, datetime):
                    found[i] = "yyyy-mm-dd hh:mm:ss"
                elif isinstance(v, date):
                    found[i] = "yyyy-mm-dd"
                elif isinstance(v, time):
                    found[i] = "hh:mm:ss"
    return found


def _widths(sheet: Sheet, widths: list[int]) -> list[float]:
    """Wide enough for the header and the first rows' values, never wider than MAX_COLUMN_WIDTH."""
    for row in sheet.rows[:500]:
        for i, v in enumerate(row[:len(widths)]):
            shown = 19 if isinstance(v, datetime) else 10 if isinstance(v, date) else len(str(v or ""))
            widths[i] = max(widths[i], shown)
    return [min(MAX_COLUMN_WIDTH, w + 2) for w in widths]


def _sheet_name(name: str, used: set[str]) -> str:
    base = (name.translate(SHEET_NAME_BAD).strip(" '") or "Data")[:31]
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate
