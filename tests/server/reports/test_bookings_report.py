"""The queue report's bookings section on a fixture Monday: each row's counts exact and adding up (made =
checked in + no-show + cancelled + still booked), a period's counts the sum of its days', lead times (made →
slot start) as median and mean, one agency alone, and the PDF, XLSX and CSV carrying the section."""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from core.booking_code import check_digit
from core.wire import BookingFigures, BookingStatus, QueueReport
from server.cli import main
from server.db import Database, bookings
from server.reports.formats import FileFormat
from server.reports.period import Period
from server.reports.queue import queue_report
from server.reports.queue_files import render
from tests.support.clock import WIB
from tests.support.engine import EngineHall, engine_hall
from tests.support.server import LiveServer

MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
S = BookingStatus
ENDS = ("checked_in", "no_show", "cancelled", "booked")


def put_booking(db: Database, n: int, service_id: str, day: date, start: time, status: BookingStatus,
                lead: timedelta, phone: str | None = None, nik_last4: str = "1234") -> str:
    """A booking row as the engine keeps it, made ``lead`` before its 30-minute slot; its code is n's digits
    with their check digit."""
    body = f"{n:08d}"
    code = body + str(check_digit(body))
    slot = datetime.combine(day, start, WIB)
    with db.write() as conn:
        conn.execute(bookings.insert().values(
            code=code, token=secrets.token_urlsafe(32), service_id=service_id, service_date=day.isoformat(),
            slot_start=slot, slot_end=slot + timedelta(minutes=30), nik_hash=f"{n:064d}", nik_last4=nik_last4,
            phone=phone, language="id", consent_at=slot - lead if phone else None, status=status.value,
            made_at=slot - lead, made_by="web"))
    return code


def a_booked_monday(db: Database) -> None:
    """KTP (Disdukcapil): four bookings at 09.00 made 48, 12, 2 and 2 hours ahead — checked in, no-show,
    cancelled, still booked. Paspor (Imigrasi): one checked in made 96 hours ahead, one still booked made 6 hours
    ahead. Tuesday: one KK booking, outside a report of Monday."""
    put_booking(db, 1, "ktp", MONDAY, time(9), S.CHECKED_IN, timedelta(hours=48))
    put_booking(db, 2, "ktp", MONDAY, time(9), S.NO_SHOW, timedelta(hours=12))
    put_booking(db, 3, "ktp", MONDAY, time(9), S.CANCELLED, timedelta(hours=2))
    put_booking(db, 4, "ktp", MONDAY, time(9, 30), S.BOOKED, timedelta(hours=2))
    put_booking(db, 5, "paspor", MONDAY, time(10), S.CHECKED_IN, timedelta(hours=96))
    put_booking(db, 6, "paspor", MONDAY, time(10), S.BOOKED, timedelta(hours=6))
    put_booking(db, 7, "kk", TUESDAY, time(8), S.BOOKED, timedelta(hours=1))


@pytest.fixture
def booked(tmp_path: Path) -> Iterator[EngineHall]:
    with engine_hall(tmp_path) as hall:
        a_booked_monday(hall.services.db)
        yield hall


def report(hall: EngineHall, first: date = MONDAY, last: date = MONDAY, agency: str | None = None) -> QueueReport:
    return queue_report(hall.services.db, hall.engine.catalog(), Period(first, last), agency)


def counts(row: BookingFigures) -> tuple[int, ...]:
    return (row.made, *(getattr(row, end) for end in ENDS))


def adds_up(row: BookingFigures) -> bool:
    return row.made == sum(getattr(row, end) for end in ENDS)


def test_the_counts_and_lead_times_of_a_day_by_agency_and_service(booked: EngineHall) -> None:
    section = report(booked).bookings
    assert section is not None

    assert counts(section.total) == (6, 2, 1, 1, 2)
    # Leads 2, 2, 6, 12, 48, 96 hours: the median between 6 and 12, the mean 166 / 6.
    assert (section.total.lead_median_hours, section.total.lead_mean_hours) == (9.0, 27.67)
    assert section.total.name == "MPP Uji Coba"
    assert [(a.key, counts(a)) for a in section.agencies] == [("dukcapil", (4, 1, 1, 1, 1)),
                                                             ("imigrasi", (2, 1, 0, 0, 1))]
    ktp, paspor = section.services
    assert (ktp.key, ktp.name, ktp.lead_median_hours, ktp.lead_mean_hours) == ("ktp", "KTP Elektronik", 7.0, 16.0)
    assert (paspor.key, paspor.lead_median_hours, paspor.lead_mean_hours) == ("paspor", 51.0, 51.0)
    assert all(adds_up(row) for row in (section.total, *section.agencies, *section.services))


def test_a_period_counts_the_sum_of_its_days(booked: EngineHall) -> None:
    days = [report(booked, day, day).bookings for day in (MONDAY, TUESDAY)]
    both = report(booked, MONDAY, TUESDAY).bookings
    assert both is not None and all(d is not None for d in days)

    assert counts(both.total) == (7, 2, 1, 1, 3)
    assert counts(both.total) == tuple(sum(n) for n in zip(*(counts(d.total) for d in days if d), strict=True))
    assert [s.key for s in both.services] == ["kk", "ktp", "paspor"]
    assert all(adds_up(row) for d in (*days, both) if d for row in (d.total, *d.agencies, *d.services))


def test_one_agency_alone(booked: EngineHall) -> None:
    section = report(booked, agency="imigrasi").bookings
    assert section is not None
    assert (section.total.name, counts(section.total)) == ("Kantor Imigrasi Serang", (2, 1, 0, 0, 1))
    assert [s.key for s in section.services] == ["paspor"]


def test_no_section_where_nothing_takes_bookings_and_none_was_made(booked: EngineHall) -> None:
    """Disdukcapil takes no bookings in the test catalog (Imigrasi's Paspor does)."""
    empty_day = date(2026, 12, 1)
    assert report(booked, empty_day, empty_day, "dukcapil").bookings is None
    section = report(booked, empty_day, empty_day, "imigrasi").bookings
    assert section is not None and counts(section.total) == (0, 0, 0, 0, 0) and section.services == ()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(report(booked, empty_day, empty_day),
                                                                          FileFormat.PDF))).pages)
    assert "Tidak ada booking pada periode ini." in text


def test_the_pdf_xlsx_and_csv_carry_the_section(booked: EngineHall) -> None:
    got = report(booked)

    reader = PdfReader(io.BytesIO(render(got, FileFormat.PDF)))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\n ", "\n")
    assert "Booking" in text
    assert ("6 booking: 2 check-in, 1 tidak hadir, 1 dibatalkan, 2 masih terpesan. Jarak pesan median 9,0 jam, "
            "rata-rata 1,2 hari.") in " ".join(text.split("\n"))
    # The service table: KTP made 4, one of each end, its leads 7 hours (median) and 16 hours (mean).
    assert "KTP Elektronik\n4\n1\n1\n1\n1\n7,0 jam\n16,0 jam" in text
    assert "Paspor\n2\n1\n0\n0\n1\n2,1 hari\n2,1 hari" in text

    book = load_workbook(io.BytesIO(render(got, FileFormat.XLSX)))
    assert book.sheetnames[-1] == "Booking"
    rows = list(book["Booking"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Tingkat", "Kode", "Nama", "Dibuat")
    assert rows[1] == ("Semua", None, "MPP Uji Coba", 6, 2, 1, 1, 2, 9, 27.67)
    assert [r[:4] for r in rows[2:]] == [("Instansi", "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", 4),
                                        ("Instansi", "imigrasi", "Kantor Imigrasi Serang", 2),
                                        ("Layanan", "ktp", "KTP Elektronik", 4), ("Layanan", "paspor", "Paspor", 2)]

    lines = list(csv.reader(io.StringIO(render(got, FileFormat.CSV).decode("utf-8-sig")), delimiter=";"))
    section = [line for line in lines if line[0] == "Booking"]
    assert section[0] == ["Booking", "Semua", "", "MPP Uji Coba", "6", "2", "1", "1", "2", "9.0", "27.67"]
    assert len(section) == 5


def test_an_empty_ticket_day_still_reports_its_bookings(tmp_path: Path) -> None:
    """Bookings of a day with no ticket yet (a day ahead): the PDF says there are no tickets and still
    gives the bookings."""
    with engine_hall(tmp_path) as hall:
        put_booking(hall.services.db, 9, "ktp", TUESDAY, time(9), S.BOOKED, timedelta(hours=20))
        got = report(hall, TUESDAY, TUESDAY)
        assert got.empty and got.bookings is not None and counts(got.bookings.total) == (1, 0, 0, 0, 1)
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(got, FileFormat.PDF))).pages)
        assert "Tidak ada tiket pada periode ini" in text and "1 booking: 0 check-in" in text


def test_the_api_s_report_on_either_database_and_the_command_line(any_server: LiveServer, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The lead times computed in PostgreSQL (epoch of the interval) as in SQLite (Julian days)."""
    a_booked_monday(any_server.services.db)
    r = any_server.call("GET", "/reports/queue", "super", params={"from": MONDAY.isoformat(),
                                                                  "to": MONDAY.isoformat()})
    assert r.status_code == 200, r.text
    section = QueueReport.model_validate(r.json()).bookings
    assert section is not None
    assert counts(section.total) == (6, 2, 1, 1, 2)
    assert (section.total.lead_median_hours, section.total.lead_mean_hours) == (9.0, 27.67)
    assert [(s.key, s.lead_median_hours) for s in section.services] == [("ktp", 7.0), ("paspor", 51.0)]

    out = tmp_path / "antrean.csv"
    assert main(["report", "queue", "--from", MONDAY.isoformat(), "--to", MONDAY.isoformat(), "--format", "csv",
                 "--out", str(out), "--database", any_server.services.settings.database_url]) == 0
    assert "; 6 booked" in capsys.readouterr().out
    assert b"\r\nBooking;Semua;;MPP Uji Coba;6;2;1;1;2;9.0;27.67\r\n" in out.read_bytes()
