"""The queue report's bookings section on a fixture Monday: each row's counts exact and adding up (made =
checked in + no-show + cancelled + still booked), a period's counts the sum of its days', lead times (made →
slot start) as median and mean, one agency alone, and the PDF, XLSX and CSV carrying the section."""

from __future__ import annotations

import csv
import io
import tomllib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import tomli_w
from openpyxl import load_workbook
from pypdf import PdfReader

from core.wire import Booking, BookingFigures, QueueReport
from server.auth import Principal
from server.catalog import load_catalog_file
from server.cli import main
from server.engine import QueueEngine
from server.reports.formats import FileFormat
from server.reports.period import Period
from server.reports.queue import queue_report
from server.reports.queue_files import render
from server.service_day import HOLD
from tests.support.clock import SettableClock, wib
from tests.support.engine import EngineHall, engine_hall
from tests.support.server import TEST_CATALOG, LiveServer

MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
ENDS = ("checked_in", "no_show", "cancelled", "booked")


KTP_BOOKING = {"slot_minutes": 30, "per_slot": 4, "days_ahead": 14, "walk_in_percent": 50}


def booking_catalog(folder: Path) -> Path:
    """The test catalog with KTP taking bookings too (Paspor does already), its quota raised to 40 as Paspor's."""
    doc = tomllib.loads(TEST_CATALOG.read_text(encoding="utf-8"))
    ktp = next(s for a in doc["agencies"] for s in a["services"] if s["id"] == "ktp")
    ktp.update(quota=40, booking=KTP_BOOKING)
    path = folder / "booking-catalog.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path


def nik(serial: int) -> str:
    """A man born 12 August 1990 in Kabupaten Serang, the ``serial``-th registered that day."""
    return f"360401120890{serial:04d}"


@dataclass
class Office:
    """The engine and its clock, as a test moves through the days before and of the report."""

    engine: QueueEngine
    clock: SettableClock
    kiosk: Principal

    def at(self, moment: datetime) -> None:
        """The clock at ``moment``, the engine's service day read as a real day change reads it."""
        self.clock.set(moment - HOLD)
        self.engine.day_reading(self.engine.catalog())
        self.clock.set(moment)

    def book(self, service_id: str, day: date, slot: str, serial: int) -> Booking:
        booking: Booking = self.engine.bookings.make(service_id=service_id, day=day, slot=slot, nik=nik(serial))
        return booking

    def check_in(self, booking: Booking) -> None:
        self.engine.bookings.check_in(self.kiosk, token=booking.token, idempotency_key=uuid.uuid4().hex)


def a_booked_monday(office: Office) -> None:
    """Made through the engine over the days before, each lead time a whole number of hours. KTP (Disdukcapil),
    Monday 09.00: made Saturday 09.00 (48 h) and checked in; made Sunday 21.00 (12 h), still booked; made Monday
    07.00 (2 h) and cancelled; 09.30 made 07.30 (2 h), still booked. Paspor (Imigrasi), Monday 10.00: made
    Thursday 10.00 (96 h) and checked in; made Monday 04.00 (6 h), still booked. Paspor, Tuesday 08.00: made
    Monday 07.00 (25 h). The clock ends Monday 09.30, the day still open."""
    office.at(wib(2026, 11, 19, 10))
    passport = office.book("paspor", MONDAY, "10:00", 5)
    office.at(wib(2026, 11, 21, 9))
    first = office.book("ktp", MONDAY, "09:00", 1)
    office.at(wib(2026, 11, 22, 21))
    office.book("ktp", MONDAY, "09:00", 2)
    office.at(wib(2026, 11, 23, 4))
    office.book("paspor", MONDAY, "10:00", 6)
    office.clock.set(wib(2026, 11, 23, 7))
    cancelled = office.book("ktp", MONDAY, "09:00", 3)
    office.book("paspor", TUESDAY, "08:00", 7)
    office.clock.set(wib(2026, 11, 23, 7, 5))
    office.engine.bookings.cancel(cancelled.token)
    office.clock.set(wib(2026, 11, 23, 7, 30))
    office.book("ktp", MONDAY, "09:30", 4)
    office.clock.set(wib(2026, 11, 23, 8, 30))
    office.check_in(first)
    office.clock.set(wib(2026, 11, 23, 9, 30))
    office.check_in(passport)


def close_monday(office: Office) -> None:
    """Tuesday 07.30: the day-end job makes Monday's bookings still booked no-shows."""
    office.at(wib(2026, 11, 24, 7, 30))
    office.engine.keep_day()


@pytest.fixture
def booked(tmp_path: Path) -> Iterator[EngineHall]:
    with engine_hall(tmp_path, catalog=booking_catalog(tmp_path)) as hall:
        a_booked_monday(Office(hall.engine, hall.clock, hall.kiosk))
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

    assert counts(section.total) == (6, 2, 0, 1, 3)
    # Leads 2, 2, 6, 12, 48, 96 hours: the median between 6 and 12, the mean 166 / 6.
    assert (section.total.lead_median_hours, section.total.lead_mean_hours) == (9.0, 27.67)
    assert section.total.name == "MPP Uji Coba"
    assert [(a.key, counts(a)) for a in section.agencies] == [("dukcapil", (4, 1, 0, 1, 2)),
                                                             ("imigrasi", (2, 1, 0, 0, 1))]
    ktp, paspor = section.services
    assert (ktp.key, ktp.name, ktp.lead_median_hours, ktp.lead_mean_hours) == ("ktp", "KTP Elektronik", 7.0, 16.0)
    assert (paspor.key, paspor.lead_median_hours, paspor.lead_mean_hours) == ("paspor", 51.0, 51.0)
    assert all(adds_up(row) for row in (section.total, *section.agencies, *section.services))


def test_once_the_day_closed_its_still_booked_are_no_shows_and_a_period_is_the_sum_of_its_days(
        booked: EngineHall) -> None:
    close_monday(Office(booked.engine, booked.clock, booked.kiosk))
    days = [report(booked, day, day).bookings for day in (MONDAY, TUESDAY)]
    both = report(booked, MONDAY, TUESDAY).bookings
    assert both is not None and days[0] is not None and days[1] is not None

    assert counts(days[0].total) == (6, 2, 3, 1, 0)
    assert counts(days[1].total) == (1, 0, 0, 0, 1)
    assert counts(both.total) == tuple(a + b for a, b in zip(counts(days[0].total), counts(days[1].total),
                                                             strict=True))
    assert [(s.key, s.made) for s in both.services] == [("ktp", 4), ("paspor", 3)]
    # Leads 2, 2, 6, 12, 25, 48, 96 hours: the median the fourth, the mean 191 / 7.
    assert (both.total.lead_median_hours, both.total.lead_mean_hours) == (12.0, 27.29)
    assert all(adds_up(row) for d in (*days, both) if d for row in (d.total, *d.agencies, *d.services))


def test_one_agency_alone(booked: EngineHall) -> None:
    section = report(booked, agency="imigrasi").bookings
    assert section is not None
    assert (section.total.name, counts(section.total)) == ("Kantor Imigrasi Serang", (2, 1, 0, 0, 1))
    assert [s.key for s in section.services] == ["paspor"]


def test_no_section_where_nothing_takes_bookings_and_none_was_made(booked: EngineHall) -> None:
    """In the test catalog Disdukcapil's KK and Akta take no bookings; Imigrasi's Paspor does."""
    empty_day = date(2026, 12, 1)
    assert report(booked, empty_day, empty_day).bookings is not None
    catalog = booking_catalog(Path(booked.services.settings.secret_file).parent)
    doc = tomllib.loads(catalog.read_text(encoding="utf-8"))
    for agency in doc["agencies"]:
        for service in agency["services"]:
            service.pop("booking", None)
    catalog.write_text(tomli_w.dumps(doc), encoding="utf-8")
    booked.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    assert report(booked, empty_day, empty_day).bookings is None
    section = report(booked, MONDAY, MONDAY).bookings  # none taken any more, but some were made
    assert section is not None and section.total.made == 6
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(report(booked, TUESDAY, TUESDAY),
                                                                          FileFormat.PDF))).pages)
    assert "1 booking: 0 check-in" in text


def test_the_pdf_xlsx_and_csv_carry_the_section(booked: EngineHall) -> None:
    got = report(booked)

    reader = PdfReader(io.BytesIO(render(got, FileFormat.PDF)))
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\n ", "\n")
    assert "Booking" in text
    assert ("6 booking: 2 check-in, 0 tidak hadir, 1 dibatalkan, 3 masih terpesan. Jarak pesan median 9,0 jam, "
            "rata-rata 1,2 hari.") in " ".join(text.split("\n"))
    # The service table: KTP made 4, one checked in, one cancelled, two booked; its leads 7 hours (median) and
    # 16 hours (mean).
    assert "KTP Elektronik\n4\n1\n0\n1\n2\n7,0 jam\n16,0 jam" in text
    assert "Paspor\n2\n1\n0\n0\n1\n2,1 hari\n2,1 hari" in text

    book = load_workbook(io.BytesIO(render(got, FileFormat.XLSX)))
    assert book.sheetnames[-1] == "Booking"
    rows = list(book["Booking"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Tingkat", "Kode", "Nama", "Dibuat")
    assert rows[1] == ("Semua", None, "MPP Uji Coba", 6, 2, 0, 1, 3, 9, 27.67)
    assert [r[:4] for r in rows[2:]] == [("Instansi", "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", 4),
                                        ("Instansi", "imigrasi", "Kantor Imigrasi Serang", 2),
                                        ("Layanan", "ktp", "KTP Elektronik", 4), ("Layanan", "paspor", "Paspor", 2)]

    lines = list(csv.reader(io.StringIO(render(got, FileFormat.CSV).decode("utf-8-sig")), delimiter=";"))
    section = [line for line in lines if line[0] == "Booking"]
    assert section[0] == ["Booking", "Semua", "", "MPP Uji Coba", "6", "2", "0", "1", "3", "9.0", "27.67"]
    assert len(section) == 5


def test_a_day_with_no_ticket_yet_still_reports_its_bookings(booked: EngineHall) -> None:
    """Tuesday's booking before Tuesday: the PDF says there are no tickets and still gives the bookings."""
    got = report(booked, TUESDAY, TUESDAY)
    assert got.empty and got.bookings is not None and counts(got.bookings.total) == (1, 0, 0, 0, 1)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(got, FileFormat.PDF))).pages)
    assert "Tidak ada tiket pada periode ini" in text and "1 booking: 0 check-in" in text


def test_the_api_s_report_on_either_database_and_the_command_line(any_server: LiveServer, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The lead times computed in PostgreSQL (epoch of the interval) as in SQLite (Julian days)."""
    catalog = booking_catalog(tmp_path)
    any_server.services.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    a_booked_monday(live_office(any_server))
    r = any_server.call("GET", "/reports/queue", "super", params={"from": MONDAY.isoformat(),
                                                                  "to": MONDAY.isoformat()})
    assert r.status_code == 200, r.text
    section = QueueReport.model_validate(r.json()).bookings
    assert section is not None
    assert counts(section.total) == (6, 2, 0, 1, 3)
    assert (section.total.lead_median_hours, section.total.lead_mean_hours) == (9.0, 27.67)
    assert [(s.key, s.lead_median_hours) for s in section.services] == [("ktp", 7.0), ("paspor", 51.0)]

    out = tmp_path / "antrean.csv"
    assert main(["report", "queue", "--from", MONDAY.isoformat(), "--to", MONDAY.isoformat(), "--format", "csv",
                 "--out", str(out), "--database", any_server.services.settings.database_url]) == 0
    assert "; 6 booked" in capsys.readouterr().out
    assert b"\r\nBooking;Semua;;MPP Uji Coba;6;2;0;1;3;9.0;27.67\r\n" in out.read_bytes()


def live_office(server: LiveServer) -> Office:
    """The running server's engine and clock, with its kiosk as the one that checks in."""
    kiosk = server.services.accounts.principal_for(server.tokens["kiosk"])
    assert kiosk is not None
    return Office(server.services.engine, server.clock, kiosk)
