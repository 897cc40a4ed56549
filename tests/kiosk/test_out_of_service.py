"""Heartbeats and out of service: a kiosk whose printer runs out of paper is listed as out of paper by
the office within two heartbeats and stops offering tickets; paper back, it offers them again with no
restart. A lock from the office takes it out of service within a heartbeat; unlock brings it back."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from printing.status import Online, PaperState
from tests.support.kiosk import TEST_TIMINGS, Kiosk, layout_problems
from ui.display.controller import DisplayTimings
from ui.kiosk.controller import KioskTimings

ROOT = Path(__file__).resolve().parents[2]
# Short intervals for the test; the heartbeat stays slower than the printer check, as in the field
# (30 s and 10 s), so "within two heartbeats" means the same here.
FAST = replace(TEST_TIMINGS, heartbeat_interval_ms=600, printer_poll_ms=150)
KIOSK_NAME = "kiosk-1"  # the name the server fixture enrolled the kiosk's token under


def office_devices(server) -> dict:
    """What ``GET /devices`` says about this kiosk (a supervisor asks)."""
    response = server.call("GET", "/devices", "super")
    assert response.status_code == 200, response.text
    return next(d for d in response.json() if d["name"] == KIOSK_NAME)


def server_cli(server, *args: str) -> str:
    """``python main.py server … --database URL`` in a shell on the server machine; its output."""
    done = subprocess.run([sys.executable, "main.py", "server", *args, "--database",
                           server.services.settings.database_url],
                          cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def kiosk_row(listing: str) -> str:
    return next(line for line in listing.splitlines() if line.startswith(KIOSK_NAME))


def heartbeats_until(kiosk: Kiosk, condition, most: int, what: str) -> int:
    """Wait heartbeat by heartbeat (the kiosk's own, answered by the server) until ``condition()``;
    fail when it still does not hold after ``most`` of them. Returns how many it took."""
    for count in range(most + 1):
        if condition():
            return count
        if count == most:
            break
        with kiosk.qtbot.waitSignal(kiosk.controller.watch.heartbeat_answered, timeout=10_000):
            pass
    raise AssertionError(f"{what}: not so after {most} heartbeats")


def assert_no_ticket_offered(kiosk: Kiosk) -> None:
    c = kiosk.controller
    assert kiosk.screen() == "out_of_service"
    assert not c.home.take_button.isVisible()
    assert c.out_of_service.title.texts() == ("Anjungan ini sedang tidak melayani", "This kiosk is not in service")
    assert c.out_of_service.body.texts() == ("Silakan gunakan anjungan lain atau tanyakan petugas.",
                                             "Please use another kiosk or ask an officer.")


def test_the_heartbeats_come_every_30_seconds():
    assert KioskTimings().heartbeat_interval_ms == 30_000
    assert DisplayTimings().heartbeat_interval_ms == 30_000


def test_paper_out_is_listed_by_the_office_and_stops_tickets_until_the_paper_is_back(make_kiosk, vp, server):
    kiosk = make_kiosk(timings=FAST)
    c = kiosk.controller
    kiosk.wait_screen("home")
    heartbeats_until(kiosk, lambda: office_devices(server)["state"].get("paper") == "ok", 2, "first heartbeat")
    row = office_devices(server)
    assert row["state"]["version"] and row["state"]["uptime_s"] >= 0 and row["state"]["printer_state"] == "online"
    assert not row["paper_out"] and not row["silent"]

    # WHEN the printer runs out of paper
    vp.set_paper("out")
    # THEN the office lists it as out of paper within two heartbeats
    heartbeats_until(kiosk, lambda: office_devices(server)["paper_out"], 2, "GET /devices shows paper out")
    assert office_devices(server)["state"]["last_error"].startswith("paper_out")
    assert "PAPER-OUT" in kiosk_row(server_cli(server, "devices"))
    # AND the kiosk offers no ticket, but says where to go and still checks a ticket's status
    kiosk.wait_screen("out_of_service")
    assert_no_ticket_offered(kiosk)
    assert c.out_of_service.why.texts() == ("Kertas tiket sedang habis.", "The ticket paper has run out.")
    assert layout_problems(kiosk.window) == []
    kiosk.tap(c.out_of_service.status_button)
    kiosk.wait_screen("status_entry")
    kiosk.tap(c.status_entry.nav.back)  # back is "home", and home is out of service
    kiosk.wait_screen("out_of_service")
    assert kiosk.total_issued() == 0

    # WHEN the paper is back: home offers tickets again, the same kiosk, no restart
    vp.set_paper("ok")
    kiosk.wait_screen("home")
    ticket = kiosk.take_ticket("dukcapil", "ktp")
    kiosk.wait_printed("printed")
    assert ticket.code == "A-001"
    heartbeats_until(kiosk, lambda: not office_devices(server)["paper_out"], 2, "GET /devices shows paper back")
    assert "PAPER-OUT" not in kiosk_row(server_cli(server, "devices"))


def test_a_citizen_choosing_is_not_interrupted_but_gets_no_ticket_it_cannot_print(make_kiosk, vp):
    kiosk = make_kiosk(timings=FAST)
    c = kiosk.controller
    kiosk.open_services("dukcapil")
    kiosk.tap_tile(c.services.pager, "ktp")
    kiosk.wait_screen("priority")

    vp.set_paper("out")
    kiosk.qtbot.waitUntil(lambda: c.printer_watch.state.paper is PaperState.OUT, timeout=5000)
    assert kiosk.screen() == "priority"  # still choosing: the screen did not change under the finger

    kiosk.tap(c.priority.none_button)
    kiosk.wait_screen("out_of_service")
    assert_no_ticket_offered(kiosk)
    assert kiosk.total_issued() == 0
    assert list(vp.out_dir.glob("*.txt")) == []


def test_a_printer_that_goes_offline_takes_the_kiosk_out_of_service_too(make_kiosk, vp):
    kiosk = make_kiosk(timings=FAST)
    c = kiosk.controller
    kiosk.wait_screen("home")
    vp.set_online(False)
    kiosk.wait_screen("out_of_service")
    assert c.printer_watch.state.online is Online.OFFLINE
    assert c.out_of_service.why.texts() == ("Printer tiket sedang bermasalah.", "The ticket printer is not working.")
    # For the officer called over: what to check, in words, not the OS's error.
    assert c.out_of_service.staff_note.isVisible()
    assert c.out_of_service.staff_note.texts() == (
        "Untuk petugas: printer melaporkan gangguan: periksa tutup printer, kertas macet dan lampu error",
        "For staff: the printer reports a fault: check its cover, jammed paper and the error light")
    vp.set_online(True)
    kiosk.wait_screen("home")


def test_a_printer_that_refuses_the_connection_says_to_check_the_lan_cable(make_kiosk, vp):
    kiosk = make_kiosk(timings=FAST)
    c = kiosk.controller
    kiosk.wait_screen("home")
    vp.stop()   # nothing listens at the printer's address any more: the connection is refused
    kiosk.wait_screen("out_of_service")
    main, other = c.out_of_service.staff_note.texts()
    assert main == "Untuk petugas: printer menolak sambungan: periksa kabel LAN dan alamat IP"
    assert other == "For staff: the printer refused the connection: check the LAN cable and the IP address"
    assert "Errno" not in main + other
    assert layout_problems(kiosk.window) == []


def test_the_office_locks_and_unlocks_the_kiosk(make_kiosk, server):
    kiosk = make_kiosk(timings=FAST)
    c = kiosk.controller
    kiosk.wait_screen("home")

    # WHEN the office locks it from a shell on the server
    assert "locked" in server_cli(server, "device", "lock", KIOSK_NAME)
    # THEN the next heartbeat takes it out of service (one already on its way may have left before)
    heartbeats_until(kiosk, lambda: kiosk.screen() == "out_of_service", 2, "out of service after the lock")
    assert_no_ticket_offered(kiosk)
    assert c.out_of_service.why.isHidden() and c.out_of_service.staff_note.isHidden()
    assert not c.out_of_service.status_button.isVisible()  # locked means nothing here is offered
    assert layout_problems(kiosk.window) == []
    assert office_devices(server)["locked"]
    assert "LOCKED" in kiosk_row(server_cli(server, "devices"))

    # WHEN it is unlocked (the same thing the CLI calls), THEN home comes back within a heartbeat
    assert server.services.accounts.set_locked(KIOSK_NAME, False)
    heartbeats_until(kiosk, lambda: kiosk.screen() == "home", 2, "home after the unlock")
    kiosk.take_ticket("dukcapil", "ktp")
    kiosk.wait_printed("printed")


def test_screen_only_tickets_are_still_offered_with_the_paper_out_where_allowed(make_kiosk, vp, server):
    kiosk = make_kiosk(timings=FAST, allow_screen_only=True)
    c = kiosk.controller
    kiosk.wait_screen("home")
    vp.set_paper("out")
    kiosk.qtbot.waitUntil(lambda: c.printer_watch.state.paper is PaperState.OUT, timeout=5000)
    heartbeats_until(kiosk, lambda: office_devices(server)["paper_out"], 2, "GET /devices shows paper out")
    assert kiosk.screen() == "home"

    ticket = kiosk.take_ticket("dukcapil", "kk")
    kiosk.wait_printed("failed")
    assert c.ticket.code.text() == ticket.code
    assert c.ticket.print_main.main.text() == "Tiket tidak dapat dicetak: kertas printer habis."
    kiosk.tap(c.ticket.done_button)
    kiosk.wait_screen("home")


def test_a_kiosk_renamed_in_its_setup_is_locked_by_the_office_under_the_new_name(make_kiosk, server):
    """The technician renames the kiosk on its device page; the office then finds it by that name."""
    kiosk = make_kiosk(timings=FAST)
    c = kiosk.controller
    kiosk.wait_screen("home")
    # What the technician mode's save hands the running kiosk (ui/kiosk/app.py, on_saved).
    c.config = replace(c.config, device_name="Anjungan Lobi Utara")
    heartbeats_until(kiosk, lambda: any(d["name"] == "Anjungan Lobi Utara"
                                        for d in server.call("GET", "/devices", "super").json()), 2, "renamed")
    assert "locked" in server_cli(server, "device", "lock", "Anjungan Lobi Utara")
    heartbeats_until(kiosk, lambda: kiosk.screen() == "out_of_service", 2, "out of service after the lock")
