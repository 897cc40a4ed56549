"""Checking a booking in at the kiosk, as a citizen does it: "Saya sudah booking", the code and the NIK's
last four digits typed (or the booking's QR scanned), and what the kiosk says inside, before and after
the check-in window. The real server (the test catalog, whose Paspor takes bookings), the real printer."""

from __future__ import annotations

import re

import pytest

from core import booking_code
from core.errors import BackendStatusError
from tests.support.clock import wib
from tests.support.kiosk import layout_problems, start_kiosk
from tests.support.printer import wait_for_receipt
from tests.support.proxy import TcpProxy
from tests.support.server import TEST_CATALOG, live_server

# The test catalog's Paspor takes bookings: 30-minute slots from 08.00, check-in from 60 minutes early to
# 15 late; its quota of 40 keeps half for walk-ins. The Friday before, the citizens book Monday 09.30.
SERVICE = "paspor"
BOOKED_ON = wib(2026, 11, 20, 10, 0)
DAY, SLOT = "2026-11-23", "09:30"
CHECK_IN = "/api/v1/bookings/check-in"


def nik(serial: int) -> str:
    """A valid NIK (a woman born 1 January 1990 in Serang) whose last four digits are ``serial``."""
    return f"360401410190{serial:04d}"


def book(server, serial: int = 1, slot: str = SLOT) -> dict:
    """A booking made on the Friday before, through the public booking route; the clock is left there."""
    server.clock.set(BOOKED_ON)
    response = server.call("POST", "/bookings", json={"service_id": SERVICE, "date": DAY, "slot": slot,
                                                      "nik": nik(serial), "consent": False, "language": "id"})
    assert response.status_code == 201, response.text
    return response.json()


def booking_status(server, token: str) -> str:
    response = server.call("GET", f"/bookings/{token}")
    assert response.status_code == 200, response.text
    return response.json()["status"]


def at(kiosk, hour: int, minute: int) -> None:
    """The server's clock on the booked Monday."""
    kiosk.server.clock.set(wib(2026, 11, 23, hour, minute))


def open_booking(kiosk) -> None:
    kiosk.wait_screen("home")
    kiosk.tap(kiosk.controller.home.booking_button)
    kiosk.wait_screen("booking")


def type_digits(kiosk, digits: str) -> None:
    keypad = kiosk.controller.booking.keypad
    for digit in digits:
        kiosk.tap(keypad.digit_keys[digit])


def check_in_typed(kiosk, code: str, last4: str) -> None:
    open_booking(kiosk)
    type_digits(kiosk, code + last4)
    kiosk.tap(kiosk.controller.booking.ok_button)


def message_texts(kiosk) -> tuple[str, str]:
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    return message.title.texts()[0], message.body.texts()[0]


def test_a_typed_code_and_last_four_digits_give_a_printed_ticket_marked_booking(kiosk, vp):
    """GIVEN a booking for 09.30, WHEN at 09.00 the citizen taps "Saya sudah booking", types the code
    (shown grouped as they type) and the NIK's last four digits, THEN the ticket is issued at once,
    the screen and the printed receipt say "Booking 09.30", and the booking is checked in."""
    booking = book(kiosk.server)
    at(kiosk, 9, 0)
    open_booking(kiosk)
    screen = kiosk.controller.booking
    type_digits(kiosk, booking["code"])
    assert screen.code_display.text() == booking_code.shown(booking["code"])
    type_digits(kiosk, "0001")
    assert screen.last4_display.text() == "0001"
    with kiosk.qtbot.waitSignal(kiosk.controller.ticket_issued, timeout=8000) as issued:
        kiosk.tap(screen.ok_button)
    kiosk.wait_screen("ticket")
    ticket = issued.args[0]
    assert ticket.booked_for == SLOT
    assert kiosk.controller.ticket.agency.text().endswith("· Booking 09.30")
    kiosk.wait_printed()
    assert "Booking 09.30" in wait_for_receipt(vp, 1).txt.read_text(encoding="utf-8")
    assert booking_status(kiosk.server, booking["token"]) == "checked_in"
    assert screen.code() == screen.last4() == ""  # nothing typed stays on the kiosk


def test_a_scanned_booking_link_checks_in_from_the_home_screen(kiosk):
    """WHEN the citizen holds the booking's QR (its link) to the scanner on the home screen, THEN the
    ticket is issued without a tap; scanned again, the kiosk says it was checked in, with the code."""
    booking = book(kiosk.server)
    assert booking["link"].endswith(f"/booking/{booking['token']}")
    at(kiosk, 8, 30)  # the first minute of the window
    with kiosk.qtbot.waitSignal(kiosk.controller.ticket_issued, timeout=8000) as issued:
        kiosk.scan(booking["link"])
    kiosk.wait_screen("ticket")
    assert issued.args[0].booked_for == SLOT
    kiosk.wait_printed()
    kiosk.tap(kiosk.controller.ticket.done_button)

    kiosk.wait_screen("home")
    kiosk.scan(booking["link"])
    title, body = message_texts(kiosk)
    assert title == "Booking ini sudah check-in"
    assert issued.args[0].code in body


def test_cek_status_of_a_checked_in_ticket_says_its_booked_slot(kiosk):
    """GIVEN a checked-in booking's ticket, WHEN its holder checks it with the ticket's QR, THEN the status
    says "Booking 09.30" (why someone who came later may be called first), in English too."""
    booking = book(kiosk.server)
    at(kiosk, 9, 0)
    with kiosk.qtbot.waitSignal(kiosk.controller.ticket_issued, timeout=8000) as issued:
        kiosk.scan(booking["link"])
    kiosk.wait_printed()
    kiosk.tap(kiosk.controller.ticket.done_button)
    kiosk.wait_screen("home")
    kiosk.scan(issued.args[0].status_url)
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    assert status.code.text() == issued.args[0].code
    assert status.agency.text().endswith("· Booking 09.30")
    kiosk.controller.set_language("en")
    kiosk.qtbot.waitUntil(lambda: status.agency.text().endswith("· Booking 09:30"))

def test_too_early_says_when_to_come_back_and_leads_home(kiosk):
    """GIVEN 08.29, one minute before the window opens, THEN "Terlalu awal — silakan kembali pukul
    08.30" (and in English), a way home, and the booking still booked."""
    booking = book(kiosk.server)
    at(kiosk, 8, 29)
    check_in_typed(kiosk, booking["code"], "0001")
    assert message_texts(kiosk)[0] == "Terlalu awal — silakan kembali pukul 08.30"
    message = kiosk.controller.message
    assert message.title.texts()[1] == "Too early — please come back at 08.30"
    assert [w.value for w in message.message().ways] == ["home"]
    kiosk.tap(message.buttons["home"])
    kiosk.wait_screen("home")
    assert booking_status(kiosk.server, booking["token"]) == "booked"


def test_too_late_offers_a_walk_in_ticket_issued_the_normal_way(kiosk, server):
    """GIVEN 09.46, one minute after the window closed, THEN the kiosk says the check-in time has
    passed and offers "Ambil antrean biasa"; tapped, the normal path (priority, then the ticket)
    issues a walk-in ticket of Paspor, not marked as a booking; the booking stays booked."""
    booking = book(server)
    at(kiosk, 9, 46)
    check_in_typed(kiosk, booking["code"], "0001")
    title, body = message_texts(kiosk)
    assert title == "Waktu check-in booking sudah lewat"
    assert "antrean biasa" in body
    kiosk.tap(kiosk.controller.message.buttons["walk_in"])
    kiosk.wait_screen("priority")
    with kiosk.qtbot.waitSignal(kiosk.controller.ticket_issued, timeout=8000) as issued:
        kiosk.tap(kiosk.controller.priority.none_button)
    kiosk.wait_screen("ticket")
    ticket = issued.args[0]
    assert ticket.service_id == SERVICE and ticket.booked_for is None
    assert "Booking" not in kiosk.controller.ticket.agency.text()
    assert booking_status(server, booking["token"]) == "booked"


def test_too_late_with_the_quota_used_up_offers_no_walk_in(kiosk, server):
    """GIVEN Paspor's forty tickets taken today, WHEN a booking arrives too late, THEN the kiosk says the
    quota is full and offers only the way home."""
    booking = book(server)
    at(kiosk, 9, 46)
    for _ in range(40):
        assert server.issue(SERVICE).status_code == 201
    check_in_typed(kiosk, booking["code"], "0001")
    title, body = message_texts(kiosk)
    assert title == "Waktu check-in booking sudah lewat"
    assert "kuota antrean biasa" in body
    assert not kiosk.controller.message.buttons["walk_in"].isVisible()


@pytest.fixture
def proxy(server):
    with TcpProxy.to(server.url) as p:
        yield p


def test_a_mistyped_digit_is_caught_on_the_kiosk_before_any_request(make_kiosk, proxy, server):
    """WHEN one digit of the code is mistyped, THEN "Kode salah ketik" shows as the ninth digit is typed,
    the NIK's digits are not taken, and Check-in asks nothing of the server; typed again, it checks in."""
    booking = book(server)
    kiosk = make_kiosk(url=proxy.url)
    at(kiosk, 9, 0)
    code = booking["code"]
    wrong = code[:4] + str((int(code[4]) + 1) % 10) + code[5:]
    open_booking(kiosk)
    screen = kiosk.controller.booking
    kiosk.tap(screen.ok_button)  # nothing typed yet
    assert screen.error.texts()[0] == "Kode booking terdiri dari 9 angka."
    type_digits(kiosk, wrong + "0001")
    assert screen.error.texts() == ("Kode salah ketik. Periksa lagi kode booking Anda.",
                                    "Mistyped code. Please check your booking code again.")
    assert screen.last4() == ""
    kiosk.tap(screen.ok_button)
    assert kiosk.screen() == "booking" and screen.error.isVisible()
    assert not [r for r in proxy.requests if "/bookings" in r.path]

    kiosk.tap(screen.keypad.clear)
    assert screen.code() == "" and not screen.error.isVisible()
    type_digits(kiosk, code + "00")
    kiosk.tap(screen.ok_button)  # two digits of the NIK's four
    assert screen.error.texts()[0] == "Ketik 4 angka terakhir NIK Anda."
    type_digits(kiosk, "01")
    assert not screen.error.isVisible()
    kiosk.tap(screen.ok_button)
    kiosk.wait_screen("ticket")
    assert [r.path for r in proxy.requests if "/bookings" in r.path] == [CHECK_IN]


def test_a_lost_answer_tried_again_makes_one_ticket_with_one_key(make_kiosk, proxy, server):
    """GIVEN a network that loses every answer to the check-in (the server did issue the ticket), WHEN
    the citizen taps "Coba lagi" once it heals, THEN every try carried the same key: one ticket."""
    booking = book(server)
    kiosk = make_kiosk(url=proxy.url)
    at(kiosk, 9, 0)
    proxy.drop_responses(float("inf"), match=f"POST {CHECK_IN} ".encode())
    check_in_typed(kiosk, booking["code"], "0001")
    kiosk.wait_screen("message", timeout=15000)
    assert kiosk.controller.message.message().retryable
    proxy.drop_responses(0)
    kiosk.tap(kiosk.controller.message.buttons["retry"])
    kiosk.wait_screen("ticket")
    keys = [r.headers.get("idempotency-key") for r in proxy.requests if r.path == CHECK_IN]
    assert len(keys) >= 2 and len(set(keys)) == 1, keys
    assert kiosk.total_issued() == 1


def test_a_wrong_last_four_says_not_found_and_leads_back_to_an_empty_keypad(kiosk):
    booking = book(kiosk.server)
    at(kiosk, 9, 0)
    check_in_typed(kiosk, booking["code"], "9999")
    assert message_texts(kiosk) == ("Booking tidak ditemukan", "Periksa lagi kode booking dan 4 angka terakhir "
                                                               "NIK Anda, atau tanyakan petugas informasi.")
    kiosk.tap(kiosk.controller.message.buttons["status"])
    kiosk.wait_screen("booking")
    assert kiosk.controller.booking.code() == ""
    assert booking_status(kiosk.server, booking["token"]) == "booked"


def test_a_booking_of_another_day_is_not_checked_in(kiosk):
    booking = book(kiosk.server)
    kiosk.server.clock.set(wib(2026, 11, 24, 9, 0))  # Tuesday, the day after the booking, at the same hour
    check_in_typed(kiosk, booking["code"], "0001")
    assert message_texts(kiosk) == ("Booking ini bukan untuk hari ini", "Booking Anda untuk tanggal Senin, "
                                    "23 November 2026. Check-in hanya bisa dilakukan pada hari itu.")


def test_a_cancelled_booking_is_not_checked_in(kiosk):
    booking = book(kiosk.server)
    assert kiosk.server.call("POST", f"/bookings/{booking['token']}/cancel").status_code == 200
    at(kiosk, 9, 0)
    check_in_typed(kiosk, booking["code"], "0001")
    assert message_texts(kiosk)[0] == "Booking ini sudah dibatalkan"


def test_a_booking_cancelled_by_the_mpps_staff_says_so_at_the_kiosk(kiosk):
    """GIVEN a booking a supervisor cancelled, WHEN its holder checks in, THEN the kiosk says the MPP's staff
    cancelled it, not them, and leads to a walk-in ticket or the information desk."""
    booking = book(kiosk.server)
    assert kiosk.server.call("POST", f"/bookings/{booking['token']}/cancel", "super").status_code == 200
    at(kiosk, 9, 0)
    check_in_typed(kiosk, booking["code"], "0001")
    assert message_texts(kiosk) == ("Booking ini dibatalkan oleh petugas MPP", "Mohon maaf, bukan Anda yang "
                                    "membatalkannya. Silakan ambil antrean biasa, atau tanyakan di meja informasi.")


def test_the_idle_timeout_goes_home_and_forgets_what_was_typed(make_kiosk):
    kiosk = make_kiosk(idle_timeout_s=1)
    open_booking(kiosk)
    type_digits(kiosk, "1234567")
    kiosk.wait_screen("home", timeout=5000)
    assert kiosk.controller.booking.code() == ""
    kiosk.tap(kiosk.controller.home.booking_button)
    kiosk.wait_screen("booking")
    assert kiosk.controller.booking.code_display.text() == "9 angka"


def test_the_home_button_shows_only_when_some_service_takes_bookings(qtbot, tmp_path, clock, vp):
    """The test catalog without Paspor's booking table (no service takes bookings): no "Saya sudah
    booking" on the home screen."""
    text = TEST_CATALOG.read_text(encoding="utf-8")
    plain = tmp_path / "plain"
    plain.mkdir()
    catalog = plain / "catalog.toml"
    catalog.write_text(re.sub(r"\[agencies\.services\.booking\][^\[]*", "", text), encoding="utf-8")
    with live_server(plain, clock=clock, catalog=catalog) as server:
        kiosk = start_kiosk(qtbot, server, printer_spec=vp.spec)
        try:
            kiosk.wait_screen("home")
            assert kiosk.controller.home.status_button.isVisible()
            assert not kiosk.controller.home.booking_button.isVisible()
            assert kiosk.controller.home.hint.text() == ("Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk "
                                                         "cek status.")
        finally:
            kiosk.stop()


def test_a_kiosk_for_agencies_without_bookings_shows_no_booking_button(make_kiosk):
    kiosk = make_kiosk(agencies=("dukcapil",))
    kiosk.wait_screen("home")
    assert not kiosk.controller.home.booking_button.isVisible()


def test_the_home_button_shows_when_a_service_takes_bookings(kiosk):
    kiosk.wait_screen("home")
    assert kiosk.controller.home.booking_button.isVisible()
    assert kiosk.controller.home.booking_button.title.text() == "Saya sudah booking"
    assert kiosk.controller.home.hint.text() == "Sudah punya tiket atau booking? Dekatkan QR-nya ke pemindai."


def test_the_booking_screen_in_english(kiosk):
    kiosk.controller.set_language("en")
    open_booking(kiosk)
    screen = kiosk.controller.booking
    assert screen.title.text() == "I have a booking"
    assert screen.code_display.text() == "9 digits"


@pytest.mark.parametrize(("size", "lang"), [((1024, 768), "id"), ((1024, 768), "en"), ((1080, 1920), "id")],
                         ids=["1024x768-id", "1024x768-en", "1080x1920-id"])
def test_the_booking_messages_fit_with_much_longer_texts(make_kiosk, size, lang):
    """Every answer a check-in can get, as the server sends it, in fake-long mode (every text about 1.6
    times as long): no text cut off, no button too small, nothing off the screen."""
    kiosk = make_kiosk(size=size, fake_long=True, language=lang)
    answers = [("booking_too_early", {"slot": "11:00", "come_back_at": "10:00"}),
               ("booking_too_late", {"slot": "08:00", "late_minutes": 15, "walk_in": True, "service_id": SERVICE}),
               ("booking_not_today", {"date": DAY}), ("booking_cancelled", {"by_staff": False}),
               ("booking_cancelled", {"by_staff": True}), ("booking_already_checked_in", {"code": "K-001"}),
               ("booking_not_found", {}), ("booking_code_invalid", {})]
    problems = {}
    for code, params in answers:
        kiosk.controller.show_error(BackendStatusError(409, code, params=params))
        kiosk.wait_screen("message")
        assert kiosk.controller.message.message().code == code
        problems[f"{code} {params}"] = layout_problems(kiosk.window)
    assert not any(problems.values()), problems
