"""Closed and full services: shown greyed with their reason, explained when tapped, never issued."""

from __future__ import annotations

import pytest

from tests.support.clock import wib


@pytest.mark.parametrize(("moment", "note", "title"), [
    (wib(2026, 11, 23, 7, 0), "Buka pukul 08.00 WIB", "Layanan belum buka"),
    (wib(2026, 11, 28, 9, 0), "Tutup hari ini", "Tutup hari ini"),                 # a Saturday
    (wib(2026, 11, 23, 12, 30), "Istirahat sampai 13.00 WIB", "Istirahat sampai 13.00 WIB"),  # the lunch break
    (wib(2026, 12, 25, 9, 0), "Libur", "Libur"),                                    # Hari Raya Natal
    (wib(2026, 11, 23, 14, 45), "Antrean hari ini", "Antrean hari ini sudah ditutup"),  # after the cut-off
], ids=["before-opening", "saturday", "break", "holiday", "after-cutoff"])
def test_a_closed_service_shows_why_and_cannot_issue(make_kiosk, server, moment, note, title):
    """GIVEN the server's clock at a closed moment, WHEN a citizen opens Disdukcapil, THEN KTP is
    greyed with the reason; tapping it explains, in both languages, with a way on; no ticket exists."""
    server.clock.set(moment)
    kiosk = make_kiosk()
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "ktp")
    assert tile.property("state") == "closed"
    assert note in tile.note.text()
    kiosk.tap(tile)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert title in message.title.main.text()
    assert message.title.other.text()  # the English line is there too
    assert message.buttons["services"].isVisible() and message.buttons["home"].isVisible()
    assert not message.buttons["retry"].isVisible()
    kiosk.tap(message.buttons["services"])
    kiosk.wait_screen("services")
    assert kiosk.total_issued() == 0


def test_an_inactive_service_is_shown_as_unavailable(kiosk):
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "akta")
    assert tile.property("state") == "closed"
    assert tile.note.text() == "Sedang tidak tersedia"


def test_a_full_quota_is_shown_and_a_race_for_the_last_ticket_is_explained(kiosk, server):
    """GIVEN KTP (quota 5) with one ticket left, WHEN someone else takes it while this citizen is on
    the priority screen, THEN the tap gets "Kuota hari ini habis" (not a crash, not a sixth ticket)
    and the services screen then shows KTP as full."""
    for _ in range(4):
        assert server.issue("ktp").status_code == 201
    kiosk.open_services("dukcapil")
    services = kiosk.controller.services.pager
    kiosk.qtbot.waitUntil(lambda: "1" in kiosk.tile(services, "ktp").note.text(), timeout=5000)
    assert kiosk.tile(services, "ktp").note.text() == "Sisa kuota hari ini: 1"
    kiosk.tap_tile(services, "ktp")
    kiosk.wait_screen("priority")
    assert server.issue("ktp").status_code == 201  # the last one, taken at another kiosk
    kiosk.tap(kiosk.controller.priority.none_button)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == ("Kuota hari ini habis", "Today's quota is full")
    kiosk.tap(message.buttons["services"])
    kiosk.wait_screen("services")
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "ktp").property("state") == "closed", timeout=5000)
    assert kiosk.tile(services, "ktp").note.text() == "Kuota hari ini habis · buka lagi Selasa, 24 November 2026"
    assert kiosk.total_issued() == 5


def test_a_break_says_until_when_in_both_languages_and_friday_prayer_by_name(make_kiosk, server):
    server.clock.set(wib(2026, 11, 27, 11, 45))  # a Friday, during Friday prayer
    kiosk = make_kiosk()
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "ktp")
    assert tile.note.text() == "Istirahat sholat Jumat sampai 12.30 WIB"
    kiosk.controller.set_language("en")
    kiosk.qtbot.waitUntil(lambda: tile.note.text() == "Friday prayer break until 12.30 WIB")


def test_a_full_quota_names_the_next_day_the_service_opens_past_a_holiday_and_the_weekend(make_kiosk, server):
    """GIVEN Thursday 24 December, KTP's quota (5) used up; Friday is Christmas, then the weekend
    WHEN a citizen opens Disdukcapil and taps KTP THEN tile and message name Monday 28 December."""
    server.clock.set(wib(2026, 12, 24, 8, 50))
    server.call("GET", "/catalog", "kiosk")  # the server sees the new date, which must hold a while
    server.clock.set(wib(2026, 12, 24, 9, 0))
    for _ in range(5):
        assert server.issue("ktp").status_code == 201
    kiosk = make_kiosk()
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "ktp")
    assert tile.note.text() == "Kuota hari ini habis · buka lagi Senin, 28 Desember 2026"
    kiosk.tap(tile)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == ("Kuota hari ini habis", "Today's quota is full")
    assert "Silakan datang kembali Senin, 28 Desember 2026 pukul 08.00 WIB." in message.body.main.text()
    assert "Monday, 28 December 2026" in message.body.other.text()
    kiosk.tap(message.buttons["services"])
    kiosk.wait_screen("services")
    refused = server.issue("ktp")
    assert refused.status_code == 409
    assert refused.json()["error"]["params"]["next_open_date"] == "2026-12-28"


def test_a_service_that_closed_after_the_list_was_loaded_is_refused_with_its_reason(kiosk, server):
    """GIVEN the list loaded while open, WHEN the break starts before the citizen's last tap, THEN the
    server's refusal shows the break and when it ends."""
    kiosk.open_services("dukcapil")
    kiosk.tap_tile(kiosk.controller.services.pager, "kk")
    kiosk.wait_screen("priority")
    server.clock.set(wib(2026, 11, 23, 12, 10))
    kiosk.tap(kiosk.controller.priority.none_button)
    kiosk.wait_screen("message")
    assert kiosk.controller.message.title.main.text() == "Istirahat sampai 13.00 WIB"
    assert kiosk.controller.message.title.other.text() == "On a break until 13.00 WIB"
    assert "13.00 WIB" in kiosk.controller.message.body.main.text()
    assert kiosk.total_issued() == 0
