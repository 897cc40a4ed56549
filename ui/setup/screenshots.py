"""Screenshots of the technician screens: the PIN (first run, wrong PIN, locked) and every setup
page of a kiosk, with a refused value shown beside its field, in both languages and two sizes.

    .venv/bin/python -m ui.setup.screenshots OUT_DIR [--server URL --token TOKEN] [--size 1920x1080 …]

Without ``--server`` it starts its own server (demo catalog) and enrols through the server page with
a real one-time code. Runs offscreen unless a display is set (e.g. under ``xvfb-run``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ui.screen_walk import settle, tap, wait_until

SIZES = ((1920, 1080), (1024, 768))


def _size(text: str) -> tuple[int, int]:
    w, h = (int(v) for v in text.lower().split("x"))
    return w, h


class Shooter:
    def __init__(self, mode, out: Path, prefix: str) -> None:
        self.mode = mode
        self.out = out
        self.prefix = prefix

    def settle(self) -> None:
        settle(120)

    def wait(self, condition: Callable[[], object], what: str, timeout: float = 20) -> None:
        wait_until(condition, what, timeout)
        self.settle()

    def tap(self, button) -> None:
        tap(button, settle_ms=120)

    def shot(self, name: str) -> None:
        self.settle()
        path = self.out / f"{self.prefix}-{name}.png"
        self.mode.window.grab().save(str(path))
        print(path)


def type_pin(s: Shooter, pin: str) -> None:
    pin_screen = s.mode.window.pin
    for digit in pin:
        s.tap(pin_screen.keypad.digit_keys[digit])
    s.tap(pin_screen.ok_button)
    s.wait(lambda: not pin_screen.is_checking(), "the PIN check")   # scrypt runs off the GUI thread


def shoot(out: Path, size: tuple[int, int], lang: str, url: str, token: str, code: str | None,
          printer: str = "network:127.0.0.1:9100") -> str:
    """One size and language; returns the device token (the first run enrols with ``code``)."""
    from PySide6.QtWidgets import QWidget

    from core.config import DeviceConfig, save_config
    from ui.i18n import Translations
    from ui.setup.technician import TechnicianMode

    folder = Path(tempfile.mkdtemp(prefix="setup-shots-"))
    path = folder / "config.toml"
    cfg = DeviceConfig(server_url=url, token=token, device_name="Anjungan Lobi 1", location="Lantai 1, pintu masuk",
                       agencies=("dukcapil", "disnaker"), printer=printer)
    save_config(path, cfg)
    translations = Translations()
    translations.switch(lang)
    device = QWidget()
    device.resize(*size)
    mode = TechnicianMode("kiosk", device, path, cfg, translations, windowed=True,
                          quit_app=lambda: None, restart_app=lambda: None)
    s = Shooter(mode, out, f"setup-{size[0]}x{size[1]}-{lang}")
    try:
        mode.open()
        s.wait(lambda: mode.window.isVisible(), "the PIN screen")
        s.shot("01-pin-first-run")
        type_pin(s, "2468")
        type_pin(s, "2468")
        s.wait(lambda: mode.screen_shown() == "setup", "the setup screen")
        mode.close()
        mode.open()
        type_pin(s, "1111")
        s.shot("02-pin-wrong")
        for _ in range(4):
            type_pin(s, "1111")
        s.shot("03-pin-locked")
        mode.lock._locked_until = None
        mode.lock._failures = 0
        mode.close()
        mode.open()
        type_pin(s, "2468")
        setup = mode.window.setup
        s.wait(lambda: mode.screen_shown() == "setup", "the setup screen")
        server = setup.page("ServerPage")
        if code:
            server.code_edit.setText(code)
            s.tap(server.enroll_button)
            s.wait(lambda: not server.is_busy(), "enrolment")
        s.shot("10-server")
        server.url_edit.setText("ftp://server-mpp")
        s.tap(server.save_button)
        s.shot("11-server-bad-url")
        for index, page in enumerate(setup.pages):
            if type(page).__name__ == "ServerPage":
                continue
            setup.show_page(type(page).__name__)
            s.wait(lambda: mode.runner.pending() == 0, "the page's checks", timeout=30)
            if type(page).__name__ == "DiagnosticsPage":   # the printer's check runs on the printer's own queue
                s.wait(lambda p=page: p.checked_note.text(), "every check, with the time it ended", timeout=30)
            s.shot(f"{20 + index * 2}-{type(page).__name__.removesuffix('Page').lower()}")
            if type(page).__name__ == "PrinterPage":
                # A printer nobody listens for: the status in the words a technician acts on.
                page.connection.setText("network:127.0.0.1:9")
                s.wait(lambda p=page: "Tidak siap" in p.status_text() or "Not ready" in p.status_text(),
                       "the refused printer's status")
                s.shot(f"{21 + index * 2}-printer-refused")
                page.connection.setText(printer)
            if type(page).__name__ == "DevicePage":
                page.idle_edit.setText("5")
                s.tap(page.save_button)
                s.shot(f"{21 + index * 2}-device-bad-idle")
        s.tap(setup.leave_button)
        s.wait(setup.is_asking_to_leave, "the question before leaving kiosk mode")
        s.shot("40-leave-confirm")
        s.tap(setup.leave_no_button)
        return mode.context.config.token
    finally:
        mode.uninstall()
        device.deleteLater()
        translations.uninstall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.setup.screenshots")
    parser.add_argument("out", type=Path)
    parser.add_argument("--server", metavar="URL", help="a running server (default: start one)")
    parser.add_argument("--token", default="", help="a kiosk token for --server (to list its agencies)")
    parser.add_argument("--printer", default="network:127.0.0.1:9100",
                        help="the kiosk's printer setting, e.g. a running virtual printer")
    parser.add_argument("--size", type=_size, action="append", help="WxH, repeatable (default 1920x1080, 1024x768)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from ui.kiosk.screenshots import own_server

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - kept alive for the walk
    with contextlib.ExitStack() as stack:
        if args.server:
            url, first_code = args.server, None
        else:
            url, first_code = stack.enter_context(own_server(Path(tempfile.mkdtemp(prefix="setup-server-"))))
        for size in args.size or SIZES:
            for lang in ("id", "en"):
                # One code enrols once: the first run shows the enrolment, the rest use its token.
                args.token = shoot(args.out, size, lang, url, args.token, first_code, args.printer) or args.token
                first_code = None
    return 0


if __name__ == "__main__":
    sys.exit(main())
