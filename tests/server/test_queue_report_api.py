"""The queue report over real HTTP, on SQLite and PostgreSQL: a day made through the API, its JSON
(percentiles computed in each database alike) and its PDF, XLSX and CSV read back as a reader would;
a hostile service or officer name neutralised; a bad period or agency refused with its code."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader

from core.wire import QueueReport
from server.auth import Role
from server.catalog import load_catalog_file
from server.cli import main
from tests.server.reports.test_pdf_frame import embedded_fonts
from tests.support.clock import wib
from tests.support.server import PASSWORD, TEST_CATALOG, LiveServer

MONDAY = "2026-11-23"
HOSTILE_SERVICE = '=HYPERLINK("http://x";"KK")'
HOSTILE_OFFICER = "@SUM(1+1)"


def step(server: LiveServer, role: str, path: str, **body: Any) -> dict[str, Any]:
    r = server.call("POST", path, role, json=body or None)
    assert r.status_code == 200, r.text
    return r.json()


def serve(server: LiveServer, role: str, loket: int, minutes_waited: int, minutes_served: int) -> int:
    server.clock.advance(minutes=minutes_waited)
    ticket = step(server, role, f"/counters/{loket}/call-next")["current_ticket"]["id"]
    step(server, role, f"/tickets/{ticket}/start")
    server.clock.advance(minutes=minutes_served)
    step(server, role, f"/tickets/{ticket}/finish")
    return ticket


def a_day(server: LiveServer) -> None:
    """Monday 09.00: four KTP tickets and two KK. Loket 1 (staff1) serves KTP: waits 10, 15, 20 min
    (each counted from 09.00, as the clock runs on), each served in 5; the fourth is a no-show.
    Loket 2 (staff2) serves one KK; the other still waits."""
    for _ in range(4):
        assert server.issue("ktp").status_code == 201
    for _ in range(2):
        assert server.issue("kk").status_code == 201
    step(server, "staff1", "/counters/1/open", service_ids=["ktp"])
    step(server, "staff2", "/counters/2/open", service_ids=["kk"])
    serve(server, "staff1", 1, 10, 5)     # called 09.10, done 09.15
    serve(server, "staff1", 1, 0, 5)      # called 09.15, done 09.20
    serve(server, "staff1", 1, 0, 5)      # called 09.20, done 09.25
    ticket = step(server, "staff1", "/counters/1/call-next")["current_ticket"]["id"]
    step(server, "staff1", f"/tickets/{ticket}/no-show")
    serve(server, "staff2", 2, 0, 12)     # called 09.25, done 09.37


def get_report(server: LiveServer, role: str = "super", **query: str) -> Any:
    return server.call("GET", "/reports/queue", role, params={"from": MONDAY, "to": MONDAY, **query})


def get_file(server: LiveServer, fmt: str, **query: str) -> Any:
    return server.call("GET", "/reports/queue/file", "super",
                       params={"from": MONDAY, "to": MONDAY, "format": fmt, **query})


def test_the_report_of_a_day_on_either_database(any_server: LiveServer) -> None:
    server = any_server
    a_day(server)
    r = get_report(server)
    assert r.status_code == 200, r.text
    report = QueueReport.model_validate(r.json())

    total = report.total
    assert (total.issued, total.served, total.no_show, total.open) == (6, 4, 1, 1)
    # Waits 10, 15, 20 (KTP), 25 (KK), and the no-show's 25: sorted 10 15 20 25 25 → p50 20, p90 25.
    assert (total.wait_p50_minutes, total.wait_p90_minutes, total.wait_max_minutes) == (20.0, 25.0, 25.0)
    assert (total.service_p50_minutes, total.service_max_minutes) == (5.0, 12.0)
    ktp = next(s for s in report.services if s.key == "ktp")
    assert (ktp.within_target, ktp.with_target, ktp.target_wait_minutes) == (3, 3, 30)
    assert [(o.key, o.served) for o in report.officers] == [("staff1", 3), ("staff2", 1)]
    assert [(h.key, h.issued) for h in report.hours] == [("09", 6)] and report.busiest_hours == (9,)


def test_the_pdf_xlsx_and_csv_read_back(server: LiveServer) -> None:
    a_day(server)

    pdf = get_file(server, "pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "laporan-antrean-semua-2026-11-23_2026-11-23.pdf" in pdf.headers["content-disposition"]
    reader = PdfReader(io.BytesIO(pdf.content))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\n ", "\n")
    assert all(embedded for _, embedded in embedded_fonts(reader))
    assert "Laporan Antrean: Semua instansi" in text and "MPP Uji Coba" in text
    # The per-service counts table: KTP Elektronik issued 4, served 3, one no-show.
    assert "KTP Elektronik\n4\n0\n3\n1\n0\n0\n0\n0" in text
    assert "Jam tersibuk: 09.00–10.00." in text
    assert "100\nKTP Elektronik\n0\n20\n40\n60\n80\n100\nDilayani dalam standar waktu tunggu (%)" in text  # KTP alone

    book = load_workbook(io.BytesIO(get_file(server, "xlsx").content))
    # Paspor takes bookings in the test catalog: the bookings' sheet comes last (tests/server/reports/).
    assert book.sheetnames == ["Ringkasan", "Instansi", "Layanan", "Loket", "Petugas", "Jam", "Booking"]
    services = {row[0]: row for row in book["Layanan"].iter_rows(min_row=2, values_only=True)}
    assert services["ktp"][1:6] == ("KTP Elektronik", 4, 0, 3, 1)
    assert book["Ringkasan"]["C2"].value == 6 and book["Ringkasan"]["C2"].data_type == "n"
    summary = dict(zip(*book["Ringkasan"].iter_rows(values_only=True), strict=True))
    assert (summary["Dari tanggal"], summary["Sampai tanggal"]) == (datetime(2026, 11, 23), datetime(2026, 11, 23))
    assert book["Ringkasan"].cell(2, len(summary)).is_date

    data = get_file(server, "csv").content
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["section", "Kode", "Cakupan", "Diterbitkan"]
    officers = [r for r in rows if r[0] == "Petugas"]
    assert [(r[1], r[5]) for r in officers] == [("staff1", "3"), ("staff2", "1")]


def test_a_hostile_service_or_officer_name_is_plain_text_in_the_files(server: LiveServer, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.toml"
    catalog.write_text(TEST_CATALOG.read_text(encoding="utf-8").replace('name = "Kartu Keluarga"',
                                                                         f"name = '{HOSTILE_SERVICE}'"),
                       encoding="utf-8")
    server.services.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    server.services.accounts.add_user("staff9", PASSWORD, Role.STAFF, HOSTILE_OFFICER)
    server.tokens["staff9"] = server.login("staff9")
    server.issue("kk")
    step(server, "staff9", "/counters/2/open", service_ids=["kk"])
    serve(server, "staff9", 2, 3, 4)

    book = load_workbook(io.BytesIO(get_file(server, "xlsx").content))
    assert ("kk", "'" + HOSTILE_SERVICE) in [r[:2] for r in book["Layanan"].iter_rows(values_only=True)]
    assert ("staff9", "'" + HOSTILE_OFFICER) in [r[:2] for r in book["Petugas"].iter_rows(values_only=True)]
    assert not [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
    text = get_file(server, "csv").content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert "'" + HOSTILE_SERVICE in cells and "'" + HOSTILE_OFFICER in cells
    assert not [c for c in cells if c.lstrip().startswith(("=", "+", "@")) or c.startswith("-")]


def test_an_empty_period_is_a_report_that_says_so(server: LiveServer) -> None:
    report = QueueReport.model_validate(get_report(server).json())
    assert report.empty and report.total.issued == 0
    text = PdfReader(io.BytesIO(get_file(server, "pdf").content)).pages[0].extract_text()
    assert "Tidak ada tiket pada periode ini." in text
    assert load_workbook(io.BytesIO(get_file(server, "xlsx").content))["Layanan"].max_row == 1


def test_a_bad_period_or_agency_is_refused_with_its_code(server: LiveServer) -> None:
    cases = [({"from": "2026-11-24", "to": "2026-11-23"}, 422, "report_period_reversed"),
             ({"from": "2025-01-01", "to": "2026-01-02"}, 422, "report_period_too_long"),
             ({"agency": "pajak"}, 404, "agency_not_found"),
             ({"from": "2026-13-01"}, 422, "invalid_request")]
    for query, status, code in cases:
        for path, extra in (("/reports/queue", {}), ("/reports/queue/file", {"format": "pdf"})):
            r = server.call("GET", path, "super", params={"from": MONDAY, "to": MONDAY, **extra, **query})
            assert (r.status_code, r.json()["error"]["code"]) == (status, code), (path, query, r.text)
    r = server.call("GET", "/reports/queue/file", "super", params={"from": MONDAY, "to": MONDAY, "format": "doc"})
    assert r.status_code == 422


def test_one_agency_s_monthly_report(server: LiveServer) -> None:
    a_day(server)
    server.clock.set(wib(2026, 11, 30, 9, 0))
    server.issue("paspor")
    server.tokens["super"] = server.login("super")  # the morning's sign-in ended days ago
    r = server.call("GET", "/reports/queue/file", "super",
                    params={"from": "2026-11-01", "to": "2026-11-30", "agency": "dukcapil", "format": "pdf"})
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert "Laporan Bulanan MPP · November 2026" in text
    assert "Dinas Kependudukan dan Pencatatan Sipil" in text and "Paspor" not in text


def test_the_command_line_writes_the_same_files(server: LiveServer, tmp_path: Path, capsys) -> None:
    a_day(server)
    url = server.services.settings.database_url
    out = tmp_path / "antrean.xlsx"
    assert main(["report", "queue", "--from", MONDAY, "--to", MONDAY, "--format", "xlsx", "--out", str(out),
                 "--database", url]) == 0
    assert f"{out}: " in capsys.readouterr().out
    assert load_workbook(out)["Ringkasan"]["C2"].value == 6
    assert main(["report", "--database", url, "queue", "--from", MONDAY, "--to", "2026-11-01", "--format", "csv",
                 "--out", str(tmp_path / "x.csv")]) == 2
    assert "(report_period_reversed)" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_a_transfer_counts_out_and_in_on_either_database(any_server: LiveServer) -> None:
    """A-001 for KTP, sent to KK at loket 1 after 10 min, called there 5 min later and served: KTP has it
    issued and transferred, KK received and served, the site one issued and one served."""
    server = any_server
    ticket = server.issue("ktp").json()["id"]
    step(server, "staff1", "/counters/1/open", service_ids=["ktp"])
    step(server, "staff2", "/counters/2/open", service_ids=["kk"])
    server.clock.advance(minutes=10)
    step(server, "staff1", "/counters/1/call-next")
    step(server, "staff1", f"/tickets/{ticket}/start")
    step(server, "staff1", f"/tickets/{ticket}/transfer", service_id="kk")
    server.clock.advance(minutes=5)
    assert serve(server, "staff2", 2, 0, 7) == ticket
    report = QueueReport.model_validate(get_report(server).json())

    ktp, kk = (next(s for s in report.services if s.key == key) for key in ("ktp", "kk"))
    assert (ktp.issued, ktp.transferred, ktp.served, kk.issued, kk.transferred_in, kk.served) == (1, 1, 0, 0, 1, 1)
    assert (report.total.issued, report.total.served, report.total.transferred_in) == (1, 1, 1)
    assert (kk.wait_p50_minutes, kk.service_p50_minutes) == (5.0, 7.0)
    assert [(r.key, r.served) for r in report.lokets] == [("2", 1)]
