"""A citizen books on a phone with scripts off, in the real chromium against the real server: the services with
today's quota, a service's days, a day's slots with the places left, the form with the persyaratan, the booking's
page with its code (check digit and all), its QR (decoded from the screen) and check-in window, then the cancel
step; and the same walk in English, by the switch link and by the phone's language."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core import booking_code
from server.db import bookings
from tests.console.conftest import Browser
from tests.support.browser import PHONE, speaks
from tests.support.printer import decode_qr
from tests.support.server import LiveServer

NIK = "3604011505900007"
PHONE_NUMBER = "0812-3456-7890"


def stored(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return list(conn.execute(select(bookings)))


def fits_the_phone(browser: Browser) -> bool:
    return int(browser.driver.execute_script("return document.documentElement.scrollWidth")) <= PHONE[0]


def test_a_citizen_books_a_slot_sees_its_code_and_qr_then_cancels_it(browser: Browser, tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    """GIVEN a service that takes bookings, on Monday 23 November 09.00 WIB
    WHEN a citizen picks it, Wednesday, 09.00, types a NIK and a WhatsApp number with consent and books
    THEN the booking's page shows the code in groups with a valid check digit, a QR that decodes to the booking's
    link, the window "Datang antara 08.00 dan 09.15 WIB", the persyaratan, the NIK only as its last four (never
    whole in the page, its address or the server's log); the stored row holds no NIK; cancelling asks first, then
    says it is cancelled and the place is free again."""
    server = browser.server
    for name in ("server", "uvicorn", "fastapi"):
        caplog.set_level(logging.DEBUG, logger=name)
    browser.open("/booking")
    assert browser.text("h1") == "Booking antrean online"
    assert "Hanya antre langsung" in browser.text("#walk-in")
    assert browser.text("#walk-in #service-ktp") == "KTP Elektronik\n5 tiket"
    assert "tempat booking" in browser.text("#service-paspor .quota")
    assert fits_the_phone(browser)
    browser.submit("#service-paspor a.go")
    assert browser.text("h1") == "Paspor"
    assert browser.text("#day-2026-11-25") == "Rabu, 25 November\n12 tempat tersisa"
    assert "Tutup" in browser.text("#day-2026-11-28")
    assert not browser.finds("a#day-2026-11-28")
    assert "Libur: Hari Raya Natal" in browser.text("#day-2026-12-25")
    browser.submit("#day-2026-11-25")
    assert browser.text("h2") == "Rabu, 25 November 2026"
    assert browser.text("#slot-0900") == "09.00–09.30\n2 tempat tersisa"
    browser.submit("#slot-0900")
    assert browser.text("#chosen-slot") == "Rabu, 25 November 2026, 09.00"
    assert browser.text("#window") == "Datang antara 08.00 dan 09.15 WIB"
    assert browser.text("#requirements") == "Paspor lama\nKTP asli"
    assert browser.find("#nik").get_attribute("inputmode") == "numeric"
    assert browser.find("#nik").get_attribute("autocomplete") == "off"
    assert not browser.find("#consent").is_selected()
    assert fits_the_phone(browser)

    browser.find("#nik").send_keys(NIK)
    browser.find("#phone").send_keys(PHONE_NUMBER)
    browser.find("#consent").click()
    browser.submit("#submit")

    (row,) = stored(server)
    assert browser.path() == f"/booking/{row.token}?lang=id"
    assert browser.text("#code") == booking_code.shown(row.code)
    assert booking_code.is_valid(browser.text("#code"))
    assert browser.text("#status") == "Terpesan"
    assert browser.text("#day") == "Rabu, 25 November 2026"
    assert browser.text("#slot") == "09.00–09.30"
    assert browser.text("#window") == "Datang antara 08.00 dan 09.15 WIB"
    assert browser.text("#nik") == "•••• 0007"
    assert "Saya sudah booking" in browser.text("#how")
    assert browser.text("#requirements") == "Paspor lama\nKTP asli"
    assert NIK not in browser.driver.page_source and NIK not in browser.driver.current_url
    assert (row.nik_last4, row.status, row.service_date, row.made_by) == ("0007", "booked", "2026-11-25", "web")
    assert NIK not in [str(v) for v in row]
    png = tmp_path / "qr.png"
    png.write_bytes(browser.find("svg.qr").screenshot_as_png)
    assert decode_qr(png) == [f"{server.url}/booking/{row.token}"]
    assert fits_the_phone(browser)

    browser.submit("#cancel")
    assert browser.text("h1") == "Batalkan booking ini?"
    assert browser.text("#cancel-text").startswith("Tempat Anda pada Rabu, 25 November 2026 pukul 09.00 dilepas")
    browser.submit("#cancel-yes")
    assert browser.path() == f"/booking/{row.token}?lang=id"
    assert browser.text("#status") == "Booking ini sudah dibatalkan. Tempatnya dilepas untuk orang lain."
    assert not browser.finds("#cancel") and not browser.finds("svg.qr")
    assert [r.status for r in stored(server)] == ["cancelled"]
    browser.open("/booking?service=paspor&date=2026-11-25")
    assert browser.text("#slot-0900") == "09.00–09.30\n2 tempat tersisa"
    logged = [r.getMessage() for r in caplog.records if r.name.split(".")[0] in ("server", "uvicorn", "fastapi")]
    assert not [m for m in logged if NIK in m or NIK[-8:] in m]


def test_the_walk_in_english_by_the_switch_link_and_by_the_phones_language(browser: Browser) -> None:
    """The switch link turns each step to English and keeps the step; a phone set to English gets English at
    once, and the booking's page follows the language the form was sent in."""
    browser.open("/booking?service=paspor&date=2026-11-25&slot=09:30")
    assert browser.text("#window") == "Datang antara 08.30 dan 09.45 WIB"
    browser.submit("#lang-en")
    assert browser.path() == "/booking?service=paspor&date=2026-11-25&slot=09%3A30&lang=en"
    assert browser.text("#window") == "Come between 08:30 and 09:45 WIB"
    assert browser.text("#requirements") == "Old passport\nOriginal KTP"
    browser.submit("#lang-id")
    assert browser.text("#window") == "Datang antara 08.30 dan 09.45 WIB"

    speaks(browser.driver, "en-GB,en;q=0.9")
    browser.open("/booking")
    assert browser.text("h1") == "Book a queue place online"
    assert "Walk-in only" in browser.text("#walk-in")
    assert browser.text("#walk-in #service-ktp") == "Electronic ID card\n5 tickets"
    browser.open("/booking?service=paspor")
    assert browser.text("#day-2026-11-25") == "Wednesday 25 November\n12 places left"
    assert browser.text("#day-2026-11-28") == "Saturday 28 November\nClosed"
    browser.open("/booking?service=paspor&date=2026-11-25&slot=09:30")
    browser.find("#nik").send_keys(NIK)
    browser.submit("#submit")
    assert browser.text("h1") == "Your booking"
    assert browser.text("#window") == "Come between 08:30 and 09:45 WIB"
    assert browser.text("#day") == "Wednesday 25 November 2026"
    assert browser.path().endswith("?lang=en")
    assert not browser.finds("#phone-kept")


def test_a_checked_in_booking_and_a_missed_one_say_so_and_cannot_be_cancelled(browser: Browser) -> None:
    """GIVEN two bookings of today, Monday 23 November: 09.30 and 10.00
    WHEN the first is checked in at the kiosk (scanned), and the day ends with the second never used
    THEN the first's page says it was checked in with its ticket's number, the second that it was not used;
    neither shows the QR or the cancel button, and the cancel step leads back to the booking's page. A booking
    whose slot has begun is refused a cancel with the reason and the way back."""
    server = browser.server
    for slot, n in (("09:30", "0001"), ("10:00", "0002"), ("10:30", "0003")):
        fill_form(browser, f"/booking?service=paspor&date=2026-11-23&slot={slot}", f"360401150590{n}")
    first, second, third = stored(server)
    r = server.call("POST", "/bookings/check-in", "kiosk", json={"token": first.token},
                    headers={"Idempotency-Key": "check-in-first-1"})
    assert r.status_code == 201, r.text
    browser.open(f"/booking/{first.token}")
    assert browser.text("#status") == f"Sudah check-in: nomor antrean {r.json()['code']}."
    assert not browser.finds("svg.qr") and not browser.finds("#cancel")
    browser.open(f"/booking/{first.token}/cancel")
    assert browser.path() == f"/booking/{first.token}?lang=id"

    browser.open(f"/booking/{third.token}/cancel")
    server.clock.advance(minutes=90)
    browser.submit("#cancel-yes")
    assert browser.text("#problem") == ("Booking ini tidak dapat dibatalkan lagi: sudah check-in, tidak hadir, atau "
                                        "jamnya sudah lewat.")
    browser.submit("#way-on")
    assert browser.path() == f"/booking/{third.token}?lang=id"
    assert browser.text("#status") == "Terpesan"

    server.services.engine.bookings.close_day(date(2026, 11, 23))
    browser.open(f"/booking/{second.token}?lang=en")
    assert browser.text("#status") == "This booking was not used: no check-in before the service day ended."
    assert not browser.finds("svg.qr") and not browser.finds("#cancel")
    assert browser.text("#again") == "Book again"


def fill_form(browser: Browser, path: str, nik: str) -> None:
    browser.open(path)
    browser.find("#nik").send_keys(nik)
    browser.submit("#submit")
    assert browser.text("#status") == "Terpesan"


def test_on_a_server_with_no_public_url_the_qr_holds_the_kiosks_own_scheme(browser: Browser, tmp_path: Path) -> None:
    """With no public URL there is no link to encode: the QR holds ``anjungan-booking:{token}``, which the kiosk's
    scanner reads as well."""
    server = browser.server
    server.services.engine.bookings.public_url = ""
    fill_form(browser, "/booking?service=paspor&date=2026-11-25&slot=08:00", NIK)
    (row,) = stored(server)
    png = tmp_path / "qr.png"
    png.write_bytes(browser.find("svg.qr").screenshot_as_png)
    assert decode_qr(png) == [f"anjungan-booking:{row.token}"]
