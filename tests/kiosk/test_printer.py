"""A printer out of paper: the ticket is still shown and valid, the screen says what to do, a
reprint button works once paper is back, and the server hears each outcome."""

from __future__ import annotations

from tests.support.kiosk import start_kiosk
from tests.support.printer import closed_port_spec, wait_for_receipt


def test_out_of_paper_the_ticket_is_shown_valid_reported_and_can_be_reprinted(kiosk, vp, server):
    vp.set_paper("out")
    ticket = kiosk.take_ticket("dukcapil", "kk")
    kiosk.wait_printed("failed")
    screen = kiosk.controller.ticket
    assert screen.code.text() == ticket.code == "B-001"
    assert screen.print_main.texts() == ("Tiket tidak dapat dicetak: kertas printer habis.",
                                         "The ticket could not be printed: the printer is out of paper.")
    assert "Tunjukkan layar ini ke petugas loket" in screen.print_help.main.text()
    assert "Show this screen to the officer" in screen.print_help.other.text()
    assert screen.reprint_button.isVisible()
    kiosk.qtbot.waitUntil(lambda: kiosk.server_ticket(ticket.id)["print_status"] == "paper_out", timeout=5000)
    status = server.call("GET", f"/tickets/status/{ticket.token}").json()
    assert status["status"] == "waiting"  # still valid
    assert list(vp.out_dir.glob("*.txt")) == []  # nothing came out of the printer

    vp.set_paper("ok")
    kiosk.tap(screen.reprint_button)
    kiosk.wait_printed("printed")
    assert "B-001" in wait_for_receipt(vp, 1).text
    assert not screen.reprint_button.isVisible()
    kiosk.qtbot.waitUntil(lambda: kiosk.server_ticket(ticket.id)["print_status"] == "printed", timeout=5000)


def test_a_printer_that_is_not_there_still_gives_the_citizen_a_ticket(make_kiosk):
    # Screen-only tickets allowed: otherwise the kiosk goes out of service (test_out_of_service.py).
    kiosk = make_kiosk(printer_spec=closed_port_spec(), allow_screen_only=True)
    ticket = kiosk.take_ticket("dukcapil", "kk")
    kiosk.wait_printed("failed")
    assert kiosk.controller.ticket.print_main.main.text() == \
        "Tiket tidak dapat dicetak: printer mati atau bermasalah."
    kiosk.qtbot.waitUntil(lambda: kiosk.server_ticket(ticket.id)["print_status"] == "offline", timeout=5000)


def test_an_english_kiosk_prints_the_names_the_citizen_read_on_screen(qtbot, demo_server, vp):
    """GIVEN a kiosk in English and the demo catalog, which names every service in both languages
    WHEN a citizen takes a ticket THEN the receipt names the service and agency in English too."""
    kiosk = start_kiosk(qtbot, demo_server, printer_spec=vp.spec, language="en")
    try:
        kiosk.take_ticket("disnaker", "kartu-kuning")
        kiosk.wait_printed("printed")
        shown = kiosk.controller.ticket.service.text()
        assert shown.startswith("Job Seeker"), shown
        receipt = " ".join(wait_for_receipt(vp, 1).text.split())
        assert "Job Seeker" in receipt and "Manpower" in receipt, receipt
        assert "Pencari Kerja" not in receipt
    finally:
        kiosk.stop()
