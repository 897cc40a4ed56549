"""Screenshots of checking a booking in at the kiosk, in Indonesian and English at 1920×1080, from the real
kiosk app tapped through its screens against the real server (the demo catalog) and the virtual printer:
home with "Saya sudah booking", the keypad (empty, a mistyped code, code and last four digits), the ticket of
a booking and its printed receipt, too early, and too late with a walk-in ticket offered.

The server runs in this process on a settable clock (a Monday 09.00 WIB, the bookings made the Friday
before), so the pictures do not depend on the day or hour they are taken.

Run: xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/kiosk_booking_screenshots.py [docs/screenshots]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication

from core.client import BackendClient
from core.config import DeviceConfig
from printing.receipt import Branding
from printing.service import PrintService, PrintSettings
from printing.virtual_printer import VirtualPrinter
from tests.support.clock import WIB, SettableClock, wib
from tests.support.server import LiveServer, live_server
from ui.i18n import Translations
from ui.kiosk.controller import KioskController, KioskTimings
from ui.kiosk.screenshots import Walker

DEMO = ROOT / "resources" / "catalog" / "mpp-serang.toml"
SERVICE = "paspor"
DAY = "2026-12-07"
SIZE = (1920, 1080)


def book(live: LiveServer, slot: str, serial: int, lang: str) -> dict:
    """A booking of Paspor on Monday ``slot``, made through the public route (on the Friday before)."""
    answer = live.call("POST", "/bookings", json={"service_id": SERVICE, "date": DAY, "slot": slot,
                                                  "nik": f"360401410190{serial:04d}", "consent": False,
                                                  "language": lang})
    answer.raise_for_status()
    return answer.json()


def type_digits(walker: Walker, digits: str) -> None:
    for digit in digits:
        walker.tap(walker.c.booking.keypad.digit_keys[digit])


def check_in_typed(walker: Walker, booking: dict) -> None:
    c = walker.c
    c.go_home()
    walker.on("home")
    walker.tap(c.home.booking_button)
    walker.on("booking")
    type_digits(walker, booking["code"] + booking["nik_last4"])
    walker.tap(c.booking.ok_button)


def walk(walker: Walker, inside: dict, early: dict, late: dict) -> None:
    c = walker.c
    walker.wait(lambda: c.catalog is not None and c.home.booking_button.isVisible(), "the booking button")
    walker.on("home")
    walker.shot("home")
    walker.tap(c.home.booking_button)
    walker.on("booking")
    walker.shot("keypad")
    code = inside["code"]
    type_digits(walker, code[:-1] + str((int(code[-1]) + 1) % 10))
    walker.shot("mistyped")
    walker.tap(c.booking.keypad.backspace)
    type_digits(walker, code[-1] + inside["nik_last4"])
    walker.shot("typed")
    walker.tap(c.booking.ok_button)
    walker.on("ticket")
    walker.wait(lambda: c.ticket.print_state() != "printing", "the print")
    walker.shot("ticket")

    check_in_typed(walker, early)
    walker.on("message")
    walker.shot("too-early")
    check_in_typed(walker, late)
    walker.on("message")
    walker.shot("too-late")
    walker.tap(c.message.buttons[next(iter(c.message.message().ways))])
    walker.on("priority")
    walker.tap(c.priority.none_button)
    walker.on("ticket")
    walker.wait(lambda: c.ticket.print_state() != "printing", "the walk-in ticket's print")
    c.go_home()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    translations = Translations()
    monday = wib(2026, 12, 7, 9, 0)
    clock = SettableClock(monday)  # the server's service day starts on the Monday
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="anjungan-booking-shots-") as tmp, \
            live_server(Path(tmp), clock=clock, catalog=DEMO) as live:
        # Each language's three bookings (inside the window at 09.00, too early, too late), made on Friday.
        clock.set(wib(2026, 12, 4, 10, 0))
        bookings = {lang: [book(live, slot, 1 + 3 * n + k, lang) for k, slot in enumerate(("09:30", "11:00", "08:00"))]
                    for n, lang in enumerate(("id", "en"))}
        clock.set(monday)
        printer = VirtualPrinter(Path(tmp) / "receipts", "127.0.0.1", 0).start()
        token = live.tokens["kiosk"]
        try:
            for lang in ("id", "en"):
                site = BackendClient(live.url, token).catalog().site
                service = PrintService(PrintSettings(printer=printer.spec, timeout=3.0), Branding.from_site(site))
                cfg = DeviceConfig(server_url=live.url, token=token, language=lang, idle_timeout_s=3600)
                controller = KioskController(cfg, BackendClient(live.url, token), service, translations,
                                             windowed=True, timings=KioskTimings(health_interval_ms=500),
                                             now=lambda: clock.now().astimezone(WIB))
                controller.start(size=SIZE)
                walker = Walker(controller, out, lambda shot, lang=lang: f"kiosk-booking-{shot}-{lang}.png")
                before = set(printer.out_dir.glob("*.png"))
                try:
                    walk(walker, *bookings[lang])
                finally:
                    controller.stop()
                saved += walker.saved
                first = min(set(printer.out_dir.glob("*.png")) - before, key=lambda p: p.stat().st_mtime_ns)
                receipt = out / f"receipt-booking-{lang}.png"
                shutil.copyfile(first, receipt)
                saved.append(receipt)
                print(receipt)
        finally:
            printer.stop()
    app.processEvents()
    print(f"{len(saved)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
