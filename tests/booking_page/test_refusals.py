"""Every refusal of a booking said on the page, in the page's language, with a way on and the form's values kept:
a slot filled while the form was open (with the next free slot as a link), the per-NIK limits of a day and of a
week, a NIK that is not one, a number without consent, a closed day, a holiday, a day out of range. Nothing is
stored for a refused form."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from server.db import bookings
from tests.console.conftest import Browser
from tests.support.browser import speaks
from tests.support.server import LiveServer


def nik(n: int) -> str:
    """A valid NIK of its own for each ``n`` (Kabupaten Serang, born 15 May 1990)."""
    return f"360401150590{n:04d}"


def booked(server: LiveServer, day: str, slot: str, n: int, service_id: str = "paspor") -> dict[str, Any]:
    """A booking made over the public API, as another citizen's phone would."""
    r = server.call("POST", "/bookings", json={"service_id": service_id, "date": day, "slot": slot, "nik": nik(n),
                                               "consent": False, "language": "id"})
    assert r.status_code == 201, r.text
    return r.json()


def count(server: LiveServer) -> int:
    with server.services.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(bookings)).scalar_one())


def fill(browser: Browser, path: str, nik_text: str, phone: str = "", consent: bool = False) -> None:
    browser.open(path)
    browser.find("#nik").send_keys(nik_text)
    if phone:
        browser.find("#phone").send_keys(phone)
    if consent:
        browser.find("#consent").click()
    browser.submit("#submit")


def test_a_slot_filled_while_the_form_was_open_is_refused_with_the_next_free_slot(browser: Browser) -> None:
    """GIVEN the form of Wednesday 09.00 open with one place left
    WHEN another phone takes that place, then this one sends the form
    THEN the form comes back (409) with the reason, the NIK still typed, and a link to the next free slot,
    which opens that slot's form; on the day's list the full slot cannot be chosen."""
    server = browser.server
    booked(server, "2026-11-25", "09:00", 1)
    browser.open("/booking?service=paspor&date=2026-11-25&slot=09:00")
    booked(server, "2026-11-25", "09:00", 2)
    browser.find("#nik").send_keys(nik(3))
    browser.submit("#submit")
    assert browser.text("#problem").startswith("Booking belum dibuat. Jam 09.00 pada Rabu, 25 November 2026 sudah "
                                               "penuh.")
    assert browser.find("#nik").get_attribute("value") == nik(3)
    assert browser.text("#next-free") == "Pilih Rabu, 25 November 2026 pukul 09.30"
    assert count(server) == 2
    browser.submit("#next-free")
    assert browser.text("#chosen-slot") == "Rabu, 25 November 2026, 09.30"
    browser.open("/booking?service=paspor&date=2026-11-25")
    assert browser.text("#slot-0900") == "09.00–09.30\nPenuh"
    assert not browser.finds("a#slot-0900")
    browser.open("/booking?service=paspor&date=2026-11-25&slot=09:00")
    assert "sudah penuh" in browser.text("#problem")


def test_one_nik_cannot_hold_more_than_its_limits_of_a_day_and_a_week(browser: Browser) -> None:
    """One booking of the service a day and two a week per NIK: the third is refused with the reason and the
    way on (cancel the other through its link), in the page's language."""
    server = browser.server
    fill(browser, "/booking?service=paspor&date=2026-11-25&slot=09:00", nik(7))
    assert browser.text("#status") == "Terpesan"
    fill(browser, "/booking?service=paspor&date=2026-11-25&slot=10:00", nik(7))
    assert browser.text("#problem") == ("Booking belum dibuat. NIK ini sudah memiliki 1 booking layanan ini pada hari "
                                        "itu. Batalkan yang lama lewat tautannya, atau pilih hari lain.")
    fill(browser, "/booking?service=paspor&date=2026-11-26&slot=10:00", nik(7))
    assert browser.text("#status") == "Terpesan"
    fill(browser, "/booking?service=paspor&date=2026-11-27&slot=08:00&lang=en", nik(7))
    assert browser.text("#problem") == ("The booking was not made. This NIK already holds 2 bookings of this service "
                                        "in that week. Cancel another one through its link, or choose another week.")
    assert browser.find("#nik").get_attribute("value") == nik(7)
    assert count(server) == 2


def test_a_wrong_nik_and_a_number_without_consent_come_back_with_what_was_typed(browser: Browser) -> None:
    server = browser.server
    fill(browser, "/booking?service=paspor&date=2026-11-25&slot=09:00", "3604 0115 0590")
    assert browser.text("#problem") == "Booking belum dibuat. NIK tidak valid: tulis 16 angka sesuai KTP."
    assert browser.find("#nik").get_attribute("value") == "3604 0115 0590"
    fill(browser, "/booking?service=paspor&date=2026-11-25&slot=09:00", nik(1), phone="0812 3456 7890")
    assert browser.text("#problem") == ("Booking belum dibuat. Centang persetujuan agar kami boleh memakai nomor "
                                        "WhatsApp Anda, atau kosongkan nomornya.")
    assert browser.find("#phone").get_attribute("value") == "0812 3456 7890"
    assert not browser.find("#consent").is_selected()
    assert count(server) == 0
    browser.find("#consent").click()
    browser.submit("#submit")
    assert browser.text("#status") == "Terpesan"
    assert browser.text("#phone-kept") == "Kode dan pengingat juga dikirim ke WhatsApp Anda."


def test_closed_days_holidays_and_days_out_of_range_say_why(browser: Browser) -> None:
    """Today is marked on the list, greyed once its last slot has begun; a Saturday and Christmas are greyed with
    their reason; opened by their address they say why
    there are no slots; a time that is no slot of the day shows the day's slots; a day past the days ahead says
    which days can be booked, in English too."""
    browser.open("/booking?service=paspor")
    assert browser.text("a#day-2026-11-23") == "Senin, 23 November (hari ini)\n6 tempat tersisa"
    browser.server.clock.advance(hours=2)
    browser.open("/booking?service=paspor")
    assert browser.text("#day-2026-11-23") == "Senin, 23 November (hari ini)\nTidak ada jam lagi"
    assert not browser.finds("a#day-2026-11-23")
    browser.open("/booking?service=paspor&date=2026-12-25")
    assert browser.text("#problem") == "Jumat, 25 Desember 2026 adalah hari libur (Hari Raya Natal)."
    assert not browser.finds("#slots a")
    browser.open("/booking?service=paspor&date=2026-11-28&slot=09:00")
    assert browser.text("#problem") == "Layanan ini tutup pada Sabtu, 28 November 2026."
    browser.open("/booking?service=paspor&date=2026-11-25&slot=07:00")
    assert browser.text("#problem") == "Jam 07.00 tidak dapat dipesan pada hari itu."
    assert browser.text("#slot-0800") == "08.00–08.30\n2 tempat tersisa"
    speaks(browser.driver, "en")
    browser.open("/booking?service=paspor&date=2027-03-01&slot=09:00")
    assert browser.text("#problem").startswith("Monday 1 March 2027 cannot be booked: choose a day from ")
    assert not browser.finds("#slots a")
    browser.submit("#back")
    assert browser.path() == "/booking?service=paspor&lang=en"
    browser.open("/booking?service=ktp")
    assert browser.text("#problem") == "This service takes no bookings. Please come and take a ticket at the kiosk."
    assert count(browser.server) == 0
