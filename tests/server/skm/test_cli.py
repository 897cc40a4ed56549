"""`main.py server report skm` as the office runs it, a real process on the server's database: the
file it writes reads back as the console's download does, and a refusal says why and writes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from tests.server.skm.test_figures import served
from tests.server.test_cli_database import office
from tests.support.engine import EngineHall

__all__ = ["served"]


def test_the_skm_report_is_written_to_the_file_named(served: EngineHall, tmp_path: Path) -> None:
    url = served.services.settings.database_url
    out = tmp_path / "skm.xlsx"
    done = office(tmp_path, "--database", url, "report", "skm", "--from", "2026-11-01", "--to", "2026-11-30",
                  "--format", "xlsx", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: ") and "SKM 2026-11-01 s.d. 2026-11-30" in done.stdout
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert len(list(book["Jawaban"].values)) == 1 + 3
    pdf = tmp_path / "imigrasi.pdf"
    done = office(tmp_path, "--database", url, "report", "skm", "--from", "2026-07-01", "--to", "2026-12-31",
                  "--agency", "imigrasi", "--format", "pdf", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    assert "Kantor Imigrasi Serang — Semester II 2026" in PdfReader(pdf).pages[0].extract_text()


def test_a_refused_report_says_why_and_writes_nothing(served: EngineHall, tmp_path: Path) -> None:
    url = served.services.settings.database_url
    out = tmp_path / "skm.csv"
    done = office(tmp_path, "--database", url, "report", "skm", "--from", "2026-07-01", "--to", "2026-12-31",
                  "--agency", "nope", "--format", "csv", "--out", str(out))
    assert (done.returncode, done.stdout) == (2, "")
    assert "agency_not_found" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
