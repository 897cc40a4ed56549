"""Screenshots of every kiosk screen, from the real app walked through its screens by tapping its real
buttons: home → agencies → services → priority → ticket (printed, then not printed) → status
(keypad, result) → messages, in both languages and at several window sizes.

    .venv/bin/python -m ui.kiosk.screenshots OUT_DIR [--size 1920x1080 --size 1080x1920 …] [--fake-long]

Without ``--server`` it starts its own server (demo catalog, open all hours, a throw-away SQLite
database) and a virtual printer, so ``make screenshots`` needs nothing running. Runs offscreen
unless a display is set (e.g. under ``xvfb-run``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent.parent
SIZES = ((1920, 1080), (1024, 768), (1080, 1920))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def own_server(folder: Path) -> Iterator[tuple[str, str]]:
    """A server subprocess on a free port with the demo catalog; yields (url, enrolment code)."""
    port = _free_port()
    database = f"sqlite:///{folder / 'screens.sqlite3'}"
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(folder), "ANJUNGAN_LOG_DIR": str(folder)}
    server = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port), "--open-all-hours",
                               "--database", database], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        from kiosk.client import BackendClient  # noqa: PLC0415

        probe = BackendClient(url)
        deadline = time.monotonic() + 30
        while True:
            try:
                probe.health()
                break
            except Exception:  # noqa: BLE001 - still starting
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        probe.close()
        done = subprocess.run([sys.executable, "main.py", "server", "enroll", "--kind", "kiosk", "--name",
                               f"screens-{port}", "--database", database], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        yield url, done.stdout.strip().splitlines()[-1].strip()
    finally:
        server.terminate()
        server.wait(10)


class Walker:
    """Drives one controller by tapping its real buttons and saves what the window shows."""

    def __init__(self, controller, out: Path, prefix: str) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        self.app = QApplication.instance()
        self.c = controller
        self.out = out
        self.prefix = prefix
        self.saved: list[Path] = []

    def wait(self, condition: Callable[[], object], what: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what} (screen: {self.c.current_screen()})")
            self.app.processEvents()
            time.sleep(0.01)

    def settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()
            time.sleep(0.02)

    def tap(self, button) -> None:  # noqa: ANN001
        from PySide6.QtCore import QPoint, Qt  # noqa: PLC0415
        from PySide6.QtTest import QTest  # noqa: PLC0415

        QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(button.width() // 2, button.height() // 2))
        self.settle()

    def on(self, screen: str) -> None:
        self.wait(lambda: self.c.current_screen() == screen, f"the {screen} screen")
        self.settle()

    def shot(self, name: str) -> None:
        self.settle()
        path = self.out / f"{self.prefix}-{name}.png"
        self.c.window.grab().save(str(path))
        self.saved.append(path)
        print(path)


def walk(walker: Walker, printer) -> None:  # noqa: ANN001
    """The citizen's journeys, one screenshot per screen."""
    c = walker.c
    walker.wait(lambda: c.catalog is not None, "the catalog")
    walker.on("home")
    walker.shot("01-home")

    walker.tap(c.home.take_button)
    walker.on("agencies")
    walker.shot("02-agencies")
    agencies = c.agencies.pager
    busiest = max(c.catalog.agencies, key=lambda a: len(a.services))
    agencies.show_page_of(busiest.id)
    walker.tap(agencies.visible_buttons()[busiest.id])
    walker.on("services")
    walker.shot("03-services")
    service = next(s for s in busiest.services if s.open)
    walker.tap(c.services.pager.visible_buttons()[service.id])
    walker.on("priority")
    walker.shot("04-priority")
    walker.tap(c.priority.none_button)
    walker.on("ticket")
    walker.wait(lambda: c.ticket.print_state() != "printing", "the print")
    walker.shot("05-ticket-printed")
    code = c.ticket.ticket().code

    printer.set_paper("out")
    walker.tap(c.ticket.done_button)
    walker.on("home")
    walker.tap(c.home.take_button)
    walker.on("agencies")
    agencies.show_page_of(busiest.id)
    walker.tap(agencies.visible_buttons()[busiest.id])
    walker.on("services")
    walker.tap(c.services.pager.visible_buttons()[service.id])
    walker.on("priority")
    walker.tap(c.priority.pager.visible_buttons()["lansia"])
    walker.on("ticket")
    walker.wait(lambda: c.ticket.print_state() == "failed", "the failed print")
    walker.shot("06-ticket-not-printed")
    printer.set_paper("ok")

    walker.tap(c.ticket.done_button)
    walker.on("home")
    walker.tap(c.home.status_button)
    walker.on("status_entry")
    walker.shot("07-status-keypad-empty")
    keypad = c.status_entry.keypad
    for char in code.replace("-", ""):
        walker.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])
    walker.shot("08-status-keypad")
    walker.tap(c.status_entry.ok_button)
    walker.on("status")
    walker.shot("09-status-result")

    walker.tap(c.status.another_button)
    walker.on("status_entry")
    for char in "Q999":
        walker.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])
    walker.tap(c.status_entry.ok_button)
    walker.on("message")
    walker.shot("10-message-not-found")
    walker.tap(c.message.buttons[next(iter(c.message.message().ways))])


def walk_offline(walker: Walker) -> None:
    """A kiosk whose server is gone: the banner, and the message when a ticket is asked for."""
    c = walker.c
    walker.wait(lambda: c.online is False, "the offline banner")
    walker.on("home")
    walker.shot("11-home-offline")
    walker.tap(c.home.take_button)
    walker.on("message")
    walker.shot("12-message-unreachable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.kiosk.screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs")
    parser.add_argument("--size", action="append", metavar="WxH", help="window size (repeatable)")
    parser.add_argument("--lang", action="append", choices=("id", "en"), help="language (repeatable)")
    parser.add_argument("--fake-long", action="store_true", help="every text made longer")
    args = parser.parse_args(argv)
    sizes = [tuple(int(v) for v in s.lower().split("x")) for s in args.size] if args.size else list(SIZES)
    langs = args.lang or ["id", "en"]
    args.out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from kiosk.client import BackendClient  # noqa: PLC0415
    from kiosk.config import DeviceConfig  # noqa: PLC0415
    from printing.receipt import Branding  # noqa: PLC0415
    from printing.service import PrintService, PrintSettings  # noqa: PLC0415
    from printing.virtual_printer import VirtualPrinter  # noqa: PLC0415
    from ui.i18n import Translations  # noqa: PLC0415
    from ui.kiosk.controller import KioskController, KioskTimings  # noqa: PLC0415

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translations = Translations(fake_long=args.fake_long)
    timings = KioskTimings(ticket_home_s=3600, ticket_home_failed_s=3600, health_interval_ms=500)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="anjungan-screens-") as tmp, own_server(Path(tmp)) as (url, code):
        token = BackendClient(url).enroll(code)
        printer = VirtualPrinter(Path(tmp) / "receipts", "127.0.0.1", 0).start()
        try:
            for width, height in sizes:
                for lang in langs:
                    cfg = DeviceConfig(server_url=url, token=token, language=lang, idle_timeout_s=3600)
                    prefix = f"{width}x{height}-{lang}" + ("-long" if args.fake_long else "")
                    service = PrintService(PrintSettings(printer=printer.spec, timeout=3.0), Branding("MPP"))
                    controller = KioskController(cfg, BackendClient(url, token), service, translations,
                                                 windowed=True, timings=timings)
                    controller.start(size=(width, height))
                    walker = Walker(controller, args.out, prefix)
                    try:
                        walk(walker, printer)
                    finally:
                        controller.stop()
                    saved += walker.saved
                    dead = f"http://127.0.0.1:{_free_port()}"
                    controller = KioskController(cfg, BackendClient(dead, token), None, translations,
                                                 windowed=True, timings=timings)
                    controller.start(size=(width, height))
                    walker = Walker(controller, args.out, prefix)
                    try:
                        walk_offline(walker)
                    finally:
                        controller.stop()
                    saved += walker.saved
        finally:
            printer.stop()
    app.processEvents()
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
