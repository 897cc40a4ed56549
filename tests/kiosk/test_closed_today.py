"""A service the office closes for today, or an agency whose tickets it stops, over HTTP while the
kiosk runs: the kiosk shows it closed with the office's reason and the next open day, at once, with
no restart, and a citizen who taps a tile shown open before the change is told the same."""

from __future__ import annotations

CLOSED_ID = "Layanan ditutup untuk hari ini"
CLOSED_EN = "Service closed for today"


def close_ktp(server, note: str = "Petugas sedang diklat") -> None:
    r = server.call("PUT", "/today/services/ktp/closed", "super", json={"note": note})
    assert r.status_code == 200, r.text


def test_a_service_closed_over_http_is_shown_closed_for_today_at_the_next_tap(kiosk, server):
    """GIVEN a kiosk that has shown KTP open
    WHEN a supervisor closes KTP for today over HTTP and a citizen taps "Ambil Antrean" again
    THEN KTP is greyed "Ditutup untuk hari ini"; tapped, it says why in both languages, with the
    office's reason and the next day it opens, and no ticket is made."""
    kiosk.open_services("dukcapil")
    services = kiosk.controller.services.pager
    assert kiosk.tile(services, "ktp").property("state") != "closed"
    close_ktp(server)
    kiosk.controller.go_home()  # as the idle timer does, or the citizen's Home
    kiosk.wait_screen("home")
    kiosk.open_services("dukcapil")
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "ktp").property("state") == "closed", timeout=5000)
    tile = kiosk.tile(services, "ktp")
    assert tile.note.text() == "Ditutup untuk hari ini"
    assert kiosk.tile(services, "kk").property("state") != "closed"
    kiosk.tap(tile)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == (CLOSED_ID, CLOSED_EN)
    body_id, body_en = message.body.texts()
    assert body_id == ("Layanan ini ditutup untuk hari ini. Silakan datang kembali Selasa, 24 November 2026 pukul "
                       "08.00 WIB. Keterangan: Petugas sedang diklat")
    assert body_en.startswith("This service is closed for the rest of today. Please come back on ")
    assert body_en.endswith("Note: Petugas sedang diklat")
    assert message.buttons["services"].isVisible() and message.buttons["home"].isVisible()
    assert kiosk.total_issued() == 0


def test_a_tile_still_shown_open_when_the_office_closed_it_is_refused_with_the_same_words(kiosk, server):
    """GIVEN a citizen on the services screen, KTP shown open
    WHEN the office closes KTP that moment and the citizen taps it
    THEN the server refuses the ticket and the kiosk says the service is closed for today."""
    kiosk.open_services("dukcapil")
    services = kiosk.controller.services.pager
    close_ktp(server, "")
    kiosk.tap_tile(services, "ktp")
    kiosk.wait_screen("priority")
    kiosk.tap(kiosk.controller.priority.none_button)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == (CLOSED_ID, CLOSED_EN)
    assert "Keterangan" not in message.body.texts()[0]
    kiosk.tap(message.buttons["services"])
    kiosk.wait_screen("services")
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "ktp").property("state") == "closed", timeout=5000)
    assert kiosk.total_issued() == 0


def test_an_agency_stopped_is_shown_on_each_of_its_services_and_resumed(kiosk, server):
    assert server.call("PUT", "/today/agencies/dukcapil/stopped", "admin").status_code == 200
    kiosk.open_services("dukcapil")
    services = kiosk.controller.services.pager
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "kk").property("state") == "closed", timeout=5000)
    assert kiosk.tile(services, "kk").note.text() == "Tidak menerima antrean hari ini"
    kiosk.tap(kiosk.tile(services, "kk"))
    kiosk.wait_screen("message")
    assert kiosk.controller.message.title.texts() == ("Antrean instansi ini ditutup untuk hari ini",
                                                      "This agency takes no tickets today")
    assert server.call("DELETE", "/today/agencies/dukcapil/stopped", "admin").status_code == 200
    kiosk.tap(kiosk.controller.message.buttons["services"])
    kiosk.wait_screen("services")
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "kk").property("state") != "closed", timeout=5000)
