"""Language switch, idle return, skipped one-choice screens, the back button, and a site without
priority service."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.support.kiosk import start_kiosk
from tests.support.server import TEST_CATALOG, live_server


def test_language_switch_changes_every_screen_and_back(kiosk):
    home = kiosk.controller.home
    header = kiosk.controller.header
    assert home.take_button.title.text() == "Ambil Antrean"
    kiosk.tap(header.language_buttons["en"])
    # Qt delivers the LanguageChange events on the next turn of the event loop.
    kiosk.qtbot.waitUntil(lambda: home.take_button.title.text() == "Take a Ticket", timeout=2000)
    assert home.status_button.title.text() == "Check Status"
    assert header.tagline.text() == "Self-service queue kiosk"
    assert header.date_label.text().split(",")[0] in {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    kiosk.tap(home.take_button)
    kiosk.wait_screen("agencies")
    agencies = kiosk.controller.agencies
    assert agencies.title.text() == "Choose an agency"
    assert kiosk.tile(agencies.pager, "dukcapil").detail.text() == "Civil Registry"  # the catalog's name_en
    kiosk.tap(header.language_buttons["id"])
    kiosk.qtbot.waitUntil(lambda: agencies.title.text() == "Pilih instansi", timeout=2000)
    assert kiosk.tile(agencies.pager, "dukcapil").detail.text() == "Dinas Kependudukan dan Pencatatan Sipil"
    assert agencies.nav.back.title.text() == "← Kembali"


def test_idle_goes_home_and_back_to_indonesian(make_kiosk):
    kiosk = make_kiosk(idle_timeout_s=1)
    kiosk.controller.set_language("en")
    kiosk.open_services("dukcapil")
    assert kiosk.controller.services.title.text() == "Choose a service"
    kiosk.wait_screen("home", timeout=5000)
    assert kiosk.translations.language == "id"
    assert kiosk.controller.home.take_button.title.text() == "Ambil Antrean"


def test_touches_keep_the_kiosk_from_going_idle(make_kiosk):
    kiosk = make_kiosk(idle_timeout_s=1)
    kiosk.open_services("dukcapil")
    pager = kiosk.controller.services.pager
    for _ in range(4):  # a touch every half second, for two seconds
        kiosk.qtbot.mouseClick(kiosk.controller.services.title, Qt.MouseButton.LeftButton)
        kiosk.qtbot.wait(500)
        assert kiosk.screen() == "services"
    assert pager.isVisible()


def test_an_agency_with_one_service_goes_straight_to_the_priority_choice(make_kiosk):
    """GIVEN a kiosk offering only Imigrasi (one service), WHEN Ambil Antrean is tapped, THEN the
    agencies and services screens are skipped; back from the priority screen goes home."""
    kiosk = make_kiosk(agencies=("imigrasi",))
    kiosk.tap(kiosk.controller.home.take_button)
    kiosk.wait_screen("priority")
    # The screens that would have named the service were skipped: this one names it.
    assert kiosk.controller.priority.subtitle.text().startswith("Layanan: Paspor. Kelompok prioritas")
    kiosk.tap(kiosk.controller.priority.nav.back)
    kiosk.wait_screen("home")


def test_one_agency_goes_straight_to_its_services_and_back_goes_home(make_kiosk):
    kiosk = make_kiosk(agencies=("dukcapil",))
    kiosk.tap(kiosk.controller.home.take_button)
    kiosk.wait_screen("services")
    assert {t.key for t in kiosk.controller.services.pager.tiles()} == {"ktp", "kk", "akta"}
    kiosk.tap(kiosk.controller.services.nav.back)
    kiosk.wait_screen("home")


def test_back_walks_the_way_the_citizen_came(kiosk):
    c = kiosk.controller
    kiosk.open_services("dukcapil")
    kiosk.tap_tile(c.services.pager, "kk")
    kiosk.wait_screen("priority")
    kiosk.tap(c.priority.nav.back)
    kiosk.wait_screen("services")
    kiosk.tap(c.services.nav.back)
    kiosk.wait_screen("agencies")
    kiosk.tap(c.agencies.nav.home)
    kiosk.wait_screen("home")


@pytest.fixture
def no_priority_server(tmp_path: Path, clock):
    catalog = tmp_path / "catalog.toml"
    catalog.write_text(TEST_CATALOG.read_text(encoding="utf-8").replace("allow_priority = true",
                                                                         "allow_priority = false"))
    with live_server(tmp_path, clock=clock, catalog=catalog) as live:
        yield live


def test_a_site_without_priority_service_never_asks(qtbot, no_priority_server, vp):
    kiosk = start_kiosk(qtbot, no_priority_server, printer_spec=vp.spec)
    try:
        kiosk.open_services("dukcapil")
        with qtbot.waitSignal(kiosk.controller.ticket_issued, timeout=8000):
            kiosk.tap_tile(kiosk.controller.services.pager, "kk")
        kiosk.wait_screen("ticket")
        assert kiosk.controller.ticket.code.text() == "B-001"
    finally:
        kiosk.stop()


def test_an_agency_with_one_service_names_that_service_on_its_card(kiosk, server):
    """GIVEN Imigrasi, whose one service is Paspor: a tap on its card goes straight on to the ticket
    WHEN a citizen looks at the agencies THEN the card names Paspor and its queue, in both languages,
    before the tap; a card with several services still counts them."""
    assert server.issue("paspor").status_code == 201
    c = kiosk.controller
    kiosk.tap(c.home.take_button)
    kiosk.wait_screen("agencies")
    card = kiosk.tile(c.agencies.pager, "imigrasi")
    kiosk.qtbot.waitUntil(lambda: card.note.text() == "Loket belum buka", timeout=5000)
    assert card.detail.text() == "Paspor"
    assert kiosk.tile(c.agencies.pager, "dukcapil").note.text() == "2 dari 3 layanan buka"
    c.set_language("en")
    kiosk.qtbot.waitUntil(lambda: card.note.text() == "No loket open yet")
    assert server.call("POST", "/counters/3/open", "staff1").status_code == 200
    kiosk.qtbot.waitUntil(lambda: card.note.text() == "1 person waiting", timeout=5000)
