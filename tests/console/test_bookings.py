"""The bookings page in a real browser against the real server, its bookings made, cancelled and checked in over
the API as citizens and kiosks do: a supervisor sees the day by service and slot with its counts (the code
grouped, the NIK's last four only, the number masked, the ticket once checked in, never a token) and cancels
one for a citizen, asked twice and audited; an officer is refused; a forged form changes nothing; a service
named like markup is text; the page in English; and the reports page's bookings section."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import requests

from core.booking_code import shown
from server.catalog import load_catalog_file
from tests.console.conftest import Browser
from tests.server.reports.test_bookings_report import MONDAY, a_booked_monday, booking_catalog, live_office
from tests.support.server import TEST_CATALOG, LiveServer

TODAY = "2026-11-23"  # the test clock's Monday, 09.00 WIB: paspor's slots from 09.30 are still to come
XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=1">'


def nik(serial: int) -> str:
    """A man born 12 August 1990 in Kabupaten Serang, the ``serial``-th registered that day."""
    return f"360401120890{serial:04d}"


def book(server: LiveServer, slot: str, serial: int, **more: Any) -> dict[str, Any]:
    r = server.call("POST", "/bookings", json={"service_id": "paspor", "date": TODAY, "slot": slot,
                                               "nik": nik(serial), "consent": False, "language": "id", **more})
    assert r.status_code == 201, r.text
    return dict(r.json())


def a_morning_of_bookings(server: LiveServer) -> dict[str, dict[str, Any]]:
    """Paspor today: at 09.30 one booked with a WhatsApp number and checked in at the kiosk, one still
    booked; at 10.00 one still booked and one its holder cancelled."""
    made = {"checked_in": book(server, "09:30", 1, phone="0812 3456 7890", consent=True),
            "waiting": book(server, "09:30", 2), "later": book(server, "10:00", 3),
            "cancelled": book(server, "10:00", 4)}
    r = server.call("POST", f"/bookings/{made['cancelled']['token']}/cancel")
    assert r.status_code == 200, r.text
    r = server.call("POST", "/bookings/check-in", "kiosk", json={"token": made["checked_in"]["token"]},
                    headers={"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 201, r.text
    made["checked_in"]["ticket_code"] = r.json()["code"]
    return made


def status(server: LiveServer, booking: dict[str, Any]) -> str:
    return str(server.call("GET", f"/bookings/{booking['token']}").json()["status"])


def test_a_supervisor_sees_the_day_and_cancels_one_asked_twice(browser: Browser) -> None:
    server = browser.server
    made = a_morning_of_bookings(server)
    browser.sign_in("super")
    browser.open("/console/bookings")

    assert browser.text("#bookings-heading") == f"Booking untuk {TODAY}"
    counts = {key: browser.text(f"#count-{key}") for key in ("made", "booked", "checked_in", "cancelled", "no_show")}
    assert counts == {"made": "4", "booked": "2", "checked_in": "1", "cancelled": "1", "no_show": "0"}
    early = browser.find("#slot-paspor-0930")
    assert early.find_element("css selector", "tr.slot-row").text == ("Slot 09:30–10:00 · 2 booking · 2 dari 4 "
                                                                     "tempat terisi")
    later = browser.find("#slot-paspor-1000 tr.slot-row")  # one of its two cancelled: its place is free again
    assert later.text == "Slot 10:00–10:30 · 2 booking · 1 dari 4 tempat terisi"
    seen = f"#booking-{made['checked_in']['code']}"
    assert browser.text(f"{seen} .code") == shown(made["checked_in"]["code"])
    assert browser.text(f"{seen} .nik") == "••••0001"
    assert browser.text(f"{seen} .phone") == "6281••••••890"
    assert browser.text(f"{seen} .ticket") == made["checked_in"]["ticket_code"]
    assert browser.text(f"{seen} .status-cell") == "Sudah check-in"
    assert not browser.finds(f"#cancel-{made['checked_in']['code']}")
    assert not browser.finds(f"#cancel-{made['cancelled']['code']}")
    page = browser.driver.page_source
    assert nik(1) not in page and "0812" not in page and "3456" not in page
    assert not [b for b in made.values() if b["token"] in page]

    waiting = made["waiting"]
    browser.submit(f"#cancel-{waiting['code']}")
    assert browser.text("#confirm-title") == f"Batalkan booking {shown(waiting['code'])}?"
    assert "Paspor pada 2026-11-23, slot 09:30–10:00, NIK berakhiran 0002" in browser.text("#confirm-warning")
    assert status(server, waiting) == "booked"
    browser.submit("#confirm-cancel-booking")
    assert browser.path().startswith(f"/console/bookings?date={TODAY}")
    assert browser.text("#notice") == f"Booking {shown(waiting['code'])} dibatalkan."
    assert status(server, waiting) == "cancelled" and browser.text("#count-cancelled") == "2"
    assert browser.text(f"#booking-{waiting['code']} .status-cell") == "Dibatalkan oleh petugas super"
    assert browser.text(f"#booking-{made['cancelled']['code']} .status-cell") == "Dibatalkan oleh pemegangnya"
    entries = server.call("GET", "/audit", "admin", params={"kind": "booking.cancelled_by_staff"}).json()["entries"]
    assert [(e["actor"], e["subject"]) for e in entries] == [("super", f"booking:{waiting['code']}")]
    browser.open("/console/audit?kind=booking.cancelled_by_staff")
    said = browser.text(f"#entry-{entries[0]['id']}")
    assert "Booking dibatalkan petugas" in said and f"Booking {shown(waiting['code'])}" in said
    assert "slot: 09:30" in said and "NIK berakhiran 0002" in said


def test_a_cancel_the_engine_refuses_is_said_and_changes_nothing(browser: Browser) -> None:
    """The slot began while the confirm page was open: the refusal in words, the booking as it was."""
    server = browser.server
    made = a_morning_of_bookings(server)
    browser.sign_in("super")
    browser.open(f"/console/bookings?date={TODAY}&service=paspor")
    browser.submit(f"#cancel-{made['later']['code']}")
    server.clock.advance(hours=1)
    browser.submit("#confirm-cancel-booking")
    assert "tidak bisa dibatalkan lagi" in browser.text("#problem")
    assert status(server, made["later"]) == "booked"
    assert server.call("GET", "/audit", "admin", params={"kind": "booking.cancelled_by_staff"}).json()["entries"] == []


def test_an_officer_is_refused_and_a_forged_form_changes_nothing(browser: Browser) -> None:
    server = browser.server
    made = a_morning_of_bookings(server)
    browser.sign_in("staff1")
    browser.open("/console/bookings")
    assert not browser.finds("#booking-counts") and made["later"]["code"] not in browser.driver.page_source

    browser.driver.delete_all_cookies()
    browser.sign_in("super")
    cookies = {c["name"]: c["value"] for c in browser.driver.get_cookies()}
    r = requests.post(f"{server.url}/console/bookings/{made['later']['code']}/cancel", cookies=cookies, timeout=10,
                      data={"csrf": "forged", "date": TODAY, "confirm": "yes"}, headers={"Origin": server.url},
                      allow_redirects=False)
    assert r.status_code == 403
    assert status(server, made["later"]) == "booked"


def test_a_service_named_like_markup_is_text_and_the_page_reads_in_english(browser: Browser, tmp_path: Path) -> None:
    server = browser.server
    catalog = tmp_path / "catalog.toml"
    catalog.write_text(TEST_CATALOG.read_text(encoding="utf-8").replace('name = "Paspor"', f"name = '{XSS}'"),
                       encoding="utf-8")
    server.services.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    made = book(server, "10:30", 5)
    browser.sign_in("super")
    browser.open("/console/lang/en?next=/console/bookings")
    assert browser.text("#bookings-heading") == f"Bookings for {TODAY}"
    assert browser.text("#service-paspor h2") == XSS
    assert browser.find("#service option[value='paspor']").text == XSS
    assert browser.driver.execute_script("return window.__xss") is None
    assert browser.text(f"#booking-{made['code']} .status-cell") == "Booked"
    browser.submit(f"#cancel-{made['code']}")
    assert XSS in browser.text("#confirm-warning")
    assert browser.driver.execute_script("return window.__xss") is None


def test_a_day_that_is_no_date_shows_today_and_says_so(browser: Browser) -> None:
    browser.sign_in("admin")
    browser.open("/console/bookings?date=2026-13-45")
    assert browser.text("#problem").startswith("Tanggal itu tidak bisa dibaca")
    assert browser.text("#bookings-heading") == f"Booking untuk {TODAY}"
    assert browser.text("#bookings-empty") == "Tidak ada booking untuk hari dan layanan ini."


def test_the_reports_page_gives_the_period_s_bookings(browser: Browser, tmp_path: Path) -> None:
    server = browser.server
    catalog = booking_catalog(tmp_path)
    server.services.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    a_booked_monday(live_office(server))
    browser.sign_in("super")
    day = MONDAY.isoformat()
    browser.open(f"/console/reports?from={day}&to={day}")
    figures = [browser.text(f"#booking-total-{key}") for key in ("made", "checked_in", "no_show", "cancelled",
                                                                 "booked")]
    assert figures == ["6", "2", "0", "1", "3"]
    assert browser.text("#booking-total-lead") == "9,0 jam / 1,2 hari"
    ktp = browser.find("#booking-row-service-ktp")
    assert [c.text for c in ktp.find_elements("css selector", "td")] == ["4", "1", "0", "1", "2", "7,0 jam",
                                                                        "16,0 jam"]
    assert browser.finds("#booking-row-agency-imigrasi")
    browser.open("/console/lang/en?next=/console/reports")
    browser.open(f"/console/reports?from={day}&to={day}&agency=imigrasi")
    # Paspor alone: made 96 and 6 hours ahead, so 51 hours both ways.
    assert browser.text("#booking-total-lead") == "2.1 days / 2.1 days"
    assert browser.text("#bookings h2") == "Bookings" and not browser.finds("#bookings-by_agency")


def test_the_list_follows_bookings_made_and_cancelled_elsewhere(browser: Browser) -> None:
    """A citizen books and another cancels while the page is open: the counts and rows change, no reload."""
    server = browser.server
    made = a_morning_of_bookings(server)
    browser.sign_in("super")
    browser.open("/console/bookings")
    browser.until(lambda: "on" in (browser.find("#live-state").get_attribute("class") or ""))
    marker = browser.find("h1")
    late = book(server, "10:30", 6)
    browser.until(lambda: browser.text("#count-made") == "5")
    assert browser.text(f"#booking-{late['code']} .status-cell") == "Terpesan"
    server.call("POST", f"/bookings/{made['later']['token']}/cancel")
    browser.until(lambda: browser.text("#count-cancelled") == "2")
    assert not browser.finds(f"#cancel-{made['later']['code']}")
    assert browser.find("h1") == marker  # the same page: only its live part was replaced
