"""A printer out of paper: the ticket is still shown and valid, the screen says what to do, a
reprint button works once paper is back, and the server hears each outcome. While the technician has
the printer, the kiosk's own printer jobs wait."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from core.config import save_config
from tests.setup.conftest import unlock
from tests.support.kiosk import start_kiosk
from tests.support.printer import closed_port_spec, wait_for_receipt
from ui.kiosk.app import _technician_mode


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


def test_the_kiosk_holds_its_printer_jobs_while_the_technician_tests_the_printer(qtbot, kiosk, vp, tmp_path):
    """GIVEN the kiosk with its technician entry, as ``main.py kiosk`` wires it
    WHEN the technician opens the printer page and prints a test receipt while the kiosk wants to check
    its printer THEN the technician's status and test print go through, the kiosk's check waits, and
    it runs once the technician mode closes."""
    c = kiosk.controller
    path = tmp_path / "device" / "config.toml"
    save_config(path, dataclasses.replace(c.config, printer=vp.spec))
    mode = _technician_mode(c, path, kiosk.translations, windowed=True)
    try:
        kiosk.qtbot.waitUntil(lambda: c.printer_jobs.pending() == 0, timeout=5000)
        unlock(qtbot, mode)
        queue = c.printer_jobs.queue
        assert queue.paused
        c.printer_watch.check_now()
        page = mode.window.setup.page("PrinterPage")
        mode.window.setup.open(mode.window.setup.pages.index(page))
        qtbot.waitUntil(lambda: page.status_text().startswith("Siap"), timeout=5000)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        assert "TEST PRINT" in wait_for_receipt(vp, 1).text
        assert c.printer_jobs.pending() == 1 and queue.waiting() == 1, "the kiosk's check went to the printer"

        mode.close()
        assert not queue.paused
        kiosk.qtbot.waitUntil(lambda: c.printer_jobs.pending() == 0, timeout=5000)
    finally:
        mode.uninstall()


def test_every_receipt_carries_the_sites_footer_lines_from_the_catalog(qtbot, demo_server, vp):
    """GIVEN the demo catalog, whose site footer says the service is free and where to complain, in both
    languages WHEN a citizen takes a ticket THEN those lines are on the paper (they were dropped before),
    and a citizen who chose English reads them in English."""
    kiosk = start_kiosk(qtbot, demo_server, printer_spec=vp.spec)
    try:
        kiosk.take_ticket("disnaker", "kartu-kuning")
        kiosk.wait_printed("printed")
        receipt = " ".join(wait_for_receipt(vp, 1).text.split())
        assert "Layanan GRATIS, kecuali pajak/retribusi resmi." in receipt, receipt
        assert "Pengaduan: SP4N-LAPOR! lapor.go.id" in receipt, receipt
        assert "Services are FREE" not in receipt, receipt
        kiosk.tap(kiosk.controller.ticket.done_button)
        kiosk.wait_screen("home")
        kiosk.controller.set_language("en")
        kiosk.take_ticket("disnaker", "kartu-kuning")
        kiosk.wait_printed("printed")
        english = " ".join(wait_for_receipt(vp, 2).text.split())
        assert "Services are FREE, except official taxes and fees." in english, english
        assert "Complaints: SP4N-LAPOR! lapor.go.id" in english, english
        assert "Layanan GRATIS" not in english and "Pengaduan" not in english, english
    finally:
        kiosk.stop()
