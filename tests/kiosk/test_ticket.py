"""Taking a ticket at the kiosk, as a citizen does it: tap by tap, on the real server and printer."""

from __future__ import annotations

from dataclasses import replace

from tests.support.kiosk import TEST_TIMINGS
from tests.support.printer import decode_qr, wait_for_receipt


def test_a_citizen_takes_a_ticket_and_gets_it_printed(kiosk, vp, tmp_path):
    """GIVEN the kiosk at home, WHEN a citizen picks Disdukcapil, KTP and no priority, THEN the ticket
    screen shows the code, service, people ahead and estimate, a QR of the status link, and
    "printed"; the printer has the receipt; and the server has heard that it printed."""
    ticket = kiosk.take_ticket("dukcapil", "ktp")
    screen = kiosk.controller.ticket
    assert ticket.code == "A-001"
    assert screen.code.text() == "A-001"
    assert screen.service.text() == "KTP Elektronik"
    assert screen.ahead_value.text() == "Tidak ada, Anda berikutnya"
    kiosk.wait_printed()
    assert "sudah dicetak" in screen.print_main.main.text()
    assert not screen.reprint_button.isVisible()

    receipt = wait_for_receipt(vp, 1)
    assert receipt.txt.parent == vp.out_dir and receipt.png.parent == vp.out_dir
    assert "A-001" in receipt.txt.read_text(encoding="utf-8")  # the receipt is in the printer's folder
    assert decode_qr(receipt.png) == [ticket.status_url]      # and its printed QR reads back
    kiosk.qtbot.waitUntil(lambda: kiosk.server_ticket(ticket.id)["print_status"] == "printed", timeout=5000)

    shot = tmp_path / "qr.png"
    screen.qr.grab().save(str(shot))
    assert decode_qr(shot) == [ticket.status_url]


def open_loket(server, counter_id: int = 1) -> None:
    r = server.call("POST", f"/counters/{counter_id}/open", "staff1")
    assert r.status_code == 200, r.text


def test_people_ahead_and_the_estimate_and_a_priority_group(kiosk, server):
    """GIVEN Loket 1 open and someone already waiting for KTP, WHEN a citizen takes a regular KTP
    ticket, THEN the screen says one person is ahead, about 10 minutes; WHEN a pregnant woman then
    takes one, THEN she is served first (nobody ahead) and the server records her priority group."""
    open_loket(server)
    assert server.issue("ktp").status_code == 201
    kiosk.qtbot.waitUntil(lambda: kiosk.controller.catalog.service("ktp").waiting == 1, timeout=5000)
    kiosk.take_ticket("dukcapil", "ktp")
    screen = kiosk.controller.ticket
    assert screen.ahead_value.text() == "1 orang"
    assert screen.wait_value.text() == "± 10 menit"
    kiosk.wait_printed()
    kiosk.tap(screen.done_button)

    ticket = kiosk.take_ticket("dukcapil", "ktp", priority="ibu_hamil")
    assert screen.ahead_value.text() == "Tidak ada, Anda berikutnya"
    assert "Antrean prioritas: Ibu hamil" in screen.agency.text()
    assert kiosk.server_ticket(ticket.id)["priority"] == "ibu_hamil"


def test_the_ticket_screen_goes_home_by_itself(make_kiosk):
    """GIVEN a short countdown, WHEN the ticket has printed, THEN the kiosk is back home unaided,
    in Indonesian again."""
    kiosk = make_kiosk(timings=replace(TEST_TIMINGS, ticket_home_s=1))
    kiosk.controller.set_language("en")
    kiosk.take_ticket("dukcapil", "kk")
    kiosk.wait_printed()
    kiosk.wait_screen("home", timeout=5000)
    assert kiosk.translations.language == "id"
    assert kiosk.controller.home.take_button.title.text() == "Ambil Antrean"


def test_services_show_live_waiting_counts(kiosk, server):
    """GIVEN the services screen is open, WHEN two people take KK tickets elsewhere, THEN the KK
    tile shows two waiting and an estimate, without the citizen doing anything."""
    open_loket(server)
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "kk")
    # The kiosk may have loaded its catalog before the loket opened: the next refresh tells it.
    kiosk.qtbot.waitUntil(lambda: tile.detail.text() == "Tidak ada antrean · langsung dilayani", timeout=5000)
    for _ in range(2):
        assert server.issue("kk").status_code == 201
    kiosk.qtbot.waitUntil(lambda: tile.detail.text() == "2 orang menunggu · tunggu ± 12 menit", timeout=5000)


def test_a_service_with_no_loket_open_says_so_instead_of_served_at_once(kiosk, server):
    """GIVEN no loket open yet (early morning), WHEN a citizen looks at KK, THEN its tile says
    "Loket belum buka", not "langsung dilayani"; the ticket says so instead of an estimate and names
    the lokets to go to. WHEN Loket 1 opens THEN the tile says the queue is served at once; WHEN its
    officer pauses THEN the tile says the estimate cannot be made."""
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "kk")
    assert tile.detail.text() == "Tidak ada antrean · Loket belum buka"
    assert server.issue("kk").status_code == 201
    kiosk.qtbot.waitUntil(lambda: tile.detail.text() == "1 orang menunggu · Loket belum buka", timeout=5000)
    kiosk.controller.go_home()

    kiosk.take_ticket("dukcapil", "kk")
    screen = kiosk.controller.ticket
    assert screen.ahead_value.text() == "1 orang"
    assert screen.wait_value.text() == "Loket belum buka"
    assert screen.lokets.text() == "Menuju: Loket 1, Loket 2"
    kiosk.controller.set_language("en")
    kiosk.qtbot.waitUntil(lambda: screen.wait_value.text() == "No loket open yet")
    assert screen.lokets.text() == "Go to: Loket 1, Loket 2"
    kiosk.wait_printed()
    kiosk.controller.set_language("id")
    kiosk.tap(screen.done_button)

    open_loket(server)
    kiosk.open_services("dukcapil")
    tile = kiosk.tile(kiosk.controller.services.pager, "kk")
    kiosk.qtbot.waitUntil(lambda: tile.detail.text() == "2 orang menunggu · tunggu ± 12 menit", timeout=5000)
    assert server.call("POST", "/counters/1/pause", "staff1", json={"reason": "sholat"}).status_code == 200
    kiosk.qtbot.waitUntil(
        lambda: tile.detail.text() == "2 orang menunggu · Loket sedang jeda, belum dapat diperkirakan", timeout=5000)


def test_an_english_ticket_names_the_agency_and_service_in_english(make_kiosk, qtbot):
    """GIVEN the kiosk in English, WHEN a ticket is taken, THEN the ticket screen shows the agency's and
    the service's English names from the catalog, and Indonesian ones again after the switch."""
    kiosk = make_kiosk()
    kiosk.controller.set_language("en")
    kiosk.take_ticket("dukcapil", "ktp")
    screen = kiosk.controller.ticket
    assert screen.agency.text() == "Civil Registry"
    assert screen.service.text() == "Electronic ID card"
    kiosk.controller.set_language("id")
    qtbot.waitUntil(lambda: screen.agency.text() == "Dinas Kependudukan dan Pencatatan Sipil")
