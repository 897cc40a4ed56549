"""Checking a ticket's status: on the keypad, or by scanning its QR (a status link) or its code with
the USB scanner from any screen."""

from __future__ import annotations

import pytest


@pytest.fixture
def waiting(server):
    """Two KK tickets waiting: B-001 and B-002."""
    tickets = [server.issue("kk").json() for _ in range(2)]
    return tickets


def open_keypad(kiosk):
    kiosk.tap(kiosk.controller.home.status_button)
    kiosk.wait_screen("status_entry")


def test_status_by_keypad(kiosk, server, waiting):
    """GIVEN Loket 1 open and B-002 waiting behind B-001, WHEN its code is typed as B, 2 and Cek, THEN
    the status says it waits with one person ahead, the estimate and the lokets to go to."""
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    open_keypad(kiosk)
    entry = kiosk.controller.status_entry
    assert set(entry.keypad.letter_keys) == {"A", "B", "C"}  # the test site's prefixes: A, B, B2, C
    kiosk.type_code("B2")
    assert entry.display.text() == "B2"
    kiosk.tap(entry.ok_button)
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    assert status.code.text() == "B-002"
    assert status.headline.text() == "Menunggu dipanggil"
    assert status.detail.text() == "Di depan Anda: 1 orang. Perkiraan: ± 6 menit. Menuju: Loket 1, Loket 2."


def test_a_transferred_ticket_names_its_new_service_and_lokets(kiosk, server, waiting):
    """GIVEN B-001 being served at Loket 1 WHEN its officer sends it on to Paspor (Loket 3 only) and
    the citizen checks B-001 THEN the status names Paspor and Loket 3, and that no loket is open yet."""
    first = waiting[0]
    for path in ("/counters/1/open", "/counters/1/call-next", f"/tickets/{first['id']}/start"):
        assert server.call("POST", path, "staff1").status_code == 200
    r = server.call("POST", f"/tickets/{first['id']}/transfer", "staff1", json={"service_id": "paspor"})
    assert r.status_code == 200, r.text
    open_keypad(kiosk)
    kiosk.type_code("B1")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    service = r.json()["service_name"]
    assert status.service.text() == service
    assert status.headline.text() == f"Dialihkan ke {service}"
    assert status.detail.text() == "Di depan Anda: Tidak ada, Anda berikutnya. Loket belum buka. Menuju: Loket 3."
    kiosk.controller.set_language("en")
    kiosk.qtbot.waitUntil(lambda: status.detail.text().endswith("No loket open yet. Go to: Loket 3."))
    assert status.headline.text().startswith("Transferred to ")


def test_a_ticket_sent_to_one_loket_names_that_loket_only(kiosk, server, waiting):
    """GIVEN B-001 served at Loket 1 and sent on to KTP at Loket 2 by name, WHEN the citizen checks
    B-001, THEN the status sends them to Loket 2 alone (not Loket 1, which serves KTP too), and to
    both again once Loket 2 has closed; the officer's note is nowhere on the kiosk."""
    first = waiting[0]
    assert server.call("POST", "/counters/2/open", "staff2").status_code == 200
    for path in ("/counters/1/open", "/counters/1/call-next", f"/tickets/{first['id']}/start"):
        assert server.call("POST", path, "staff1").status_code == 200
    r = server.call("POST", f"/tickets/{first['id']}/transfer", "staff1",
                    json={"service_id": "ktp", "counter_id": 2, "note": "Berkas lengkap"})
    assert r.status_code == 200, r.text
    open_keypad(kiosk)
    kiosk.type_code("B1")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    assert status.detail.text().endswith("Menuju: Loket 2.")
    assert "Berkas" not in status.detail.text() + status.headline.text()
    assert server.call("POST", "/counters/2/close", "staff2").status_code == 200
    kiosk.tap(status.another_button)                   # "Cek tiket lain": the keypad again
    kiosk.wait_screen("status_entry")
    kiosk.type_code("B1")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("status")
    assert status.detail.text().endswith("Menuju: Loket 1, Loket 2.")


def test_keypad_delete_and_clear(kiosk, waiting):
    open_keypad(kiosk)
    entry = kiosk.controller.status_entry
    kiosk.type_code("A12")
    kiosk.tap(entry.keypad.backspace)
    assert entry.entry() == "A1"
    kiosk.tap(entry.keypad.clear)
    assert entry.entry() == ""
    kiosk.type_code("12")  # no letter: cannot be a ticket code
    kiosk.tap(entry.ok_button)
    assert kiosk.screen() == "status_entry"
    assert entry.error.isVisible()
    assert entry.error.texts()[1] == "The code is not complete. Example: A-001 or A1."


def test_scanning_a_status_link_on_any_screen_shows_that_ticket(kiosk, server, waiting):
    """GIVEN B-001 called to Loket 1 and the citizen on the services screen, WHEN its QR (the status
    link) is scanned, THEN the status screen says to go to Loket 1."""
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    assert server.call("POST", "/counters/1/call-next", "staff1").status_code == 200
    kiosk.open_services("dukcapil")
    kiosk.scan(waiting[0]["status_url"])
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    assert status.code.text() == "B-001"
    assert status.headline.text() == "Nomor Anda dipanggil!"
    assert status.detail.text() == "Silakan segera menuju Loket 1."


def test_scanning_a_printed_code_shows_that_ticket(kiosk, waiting):
    kiosk.scan("B-002")
    kiosk.wait_screen("status")
    assert kiosk.controller.status.code.text() == "B-002"
    kiosk.tap(kiosk.controller.status.another_button)
    kiosk.wait_screen("status_entry")


def test_a_code_that_is_not_a_ticket_says_so_and_offers_to_enter_it_again(kiosk, waiting):
    open_keypad(kiosk)
    kiosk.type_code("C9")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == ("Tiket tidak ditemukan", "Ticket not found")
    kiosk.tap(message.buttons["status"])
    kiosk.wait_screen("status_entry")
    assert kiosk.controller.status_entry.entry() == ""


def test_slow_typing_is_not_a_scan(kiosk, waiting):
    """Keys pressed one by one, slower than a scanner, do nothing (and never press a button)."""
    for char in "B-001":
        kiosk.qtbot.keyClick(kiosk.window, char, delay=120)
    kiosk.qtbot.keyClick(kiosk.window, "\r", delay=120)
    assert kiosk.screen() == "home"


def test_a_finished_ticket_says_it_is_done(kiosk, server, waiting):
    """GIVEN B-001 called, served and finished at Loket 1, WHEN its code is typed, THEN the status
    says it is done; the next ticket, B-002, now has nobody ahead."""
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    assert server.call("POST", "/counters/1/call-next", "staff1").status_code == 200
    first = waiting[0]["id"]
    for action in ("start", "finish"):
        assert server.call("POST", f"/tickets/{first}/{action}", "staff1").status_code == 200
    open_keypad(kiosk)
    kiosk.type_code("B1")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    assert status.code.text() == "B-001"
    assert status.headline.text() == "Selesai dilayani"
    assert status.detail.text() == "Terima kasih telah menggunakan layanan kami."
    kiosk.tap(status.another_button)
    kiosk.wait_screen("status_entry")
    kiosk.type_code("B2")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("status")
    assert status.headline.text() == "Menunggu dipanggil"
    assert status.detail.text() == "Anda berikutnya. Mohon bersiap di dekat loket. Menuju: Loket 1, Loket 2."


def test_a_missed_ticket_sends_the_citizen_to_the_loket_not_to_a_new_ticket(kiosk, server, waiting):
    """GIVEN B-001 called at Loket 1 and marked no-show, WHEN its code is typed, THEN the status says
    not to take a new ticket but to see the officer at Loket 1, who can put it back in the queue."""
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    assert server.call("POST", "/counters/1/call-next", "staff1").status_code == 200
    assert server.call("POST", f"/tickets/{waiting[0]['id']}/no-show", "staff1").status_code == 200
    open_keypad(kiosk)
    kiosk.type_code("B1")
    kiosk.tap(kiosk.controller.status_entry.ok_button)
    kiosk.wait_screen("status")
    status = kiosk.controller.status
    assert status.code.text() == "B-001"
    assert status.detail.text() == ("Jangan mengambil tiket baru: temui petugas di Loket 1. Tiket Anda bisa "
                                    "dikembalikan ke antrean hari ini.")
