"""``python main.py kiosk [--server URL] [--windowed] [--config FILE] [--enroll CODE]``: the citizens'
touchscreen kiosk. Reads the device config, builds the backend client and the print service, and
hands them to the controller."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from core.client import BackendClient
from core.config import DeviceConfig
from core.errors import ConfigError
from ui.app_args import app_parser, fake_long, prepare_app, use_touch_keyboard

log = logging.getLogger(__name__)
TECHNICIAN_ENTRY_DELAY_MS = 500


def build_parser() -> argparse.ArgumentParser:
    return app_parser("kiosk", "The citizens' touchscreen kiosk.", enrol_kind="kiosk", size_example="1080x1920")


def _report_first_frame(widget) -> None:
    """With ANJUNGAN_REPORT_FIRST_FRAME=1 (bench/kiosk.py measures the cold start), print the wall
    clock and the CPU time used so far once ``widget``'s first frame is painted: the paint event
    posts the report, which runs when the whole frame is done."""
    from PySide6.QtCore import QEvent, QObject

    from ui.timers import later

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                later(self, 0, lambda: print(f"first frame painted at {time.time():.6f} "
                                             f"cpu {time.process_time():.3f}", flush=True))
            return False

    widget.installEventFilter(FirstPaint(widget))


# The printer a running kiosk opened at start stays its printer until the next start.
KIOSK_RESTART_KEYS = frozenset({"printer", "printer_profile", "paper_width"})


def _technician_mode(controller, path, translations, *, windowed: bool):
    """The hidden technician entry over the kiosk window. A saved change reaches the running kiosk:
    the agencies it offers, the language it returns to, the server address and device token. While it
    is open the kiosk's printer queue holds the kiosk's own jobs."""
    from ui.setup.technician import install_technician_mode

    def apply(saved: DeviceConfig) -> None:
        controller.config = saved
        controller.idle.set_timeout_ms(saved.idle_timeout_s * 1000)
        base = saved.server_url.rstrip("/").removesuffix("/api/v1")
        for client in {id(controller.client): controller.client, id(controller.monitor): controller.monitor}.values():
            client.base_url, client.token = base, saved.token or None

    mode = install_technician_mode("kiosk", controller.window, path, controller.config, translations,
                                   windowed=windowed, on_saved=apply, site_clock=controller.clock,
                                   restart_keys=KIOSK_RESTART_KEYS)
    # The technician has the printer to themselves: the kiosk's own prints and checks wait meanwhile.
    mode.opened.connect(lambda: controller.set_printer_paused(True))
    mode.closed.connect(lambda: controller.set_printer_paused(False))
    return mode


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    loaded = prepare_app("kiosk", args, device=True)
    if loaded is None:
        return 2
    path, cfg = loaded

    use_touch_keyboard(args.windowed)
    from PySide6.QtWidgets import QApplication

    from printing.receipt import Branding
    from printing.service import PrintService, PrintSettings
    from ui.i18n import Translations
    from ui.kiosk.controller import KioskController
    from ui.timers import later

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    translations = Translations(fake_long=fake_long(args))
    client = BackendClient(cfg.server_url, cfg.token or None)
    try:
        printer: PrintService | None = PrintService(
            PrintSettings(printer=cfg.printer, profile=cfg.printer_profile, paper_mm=cfg.paper_width,
                          language=cfg.language),
            Branding(name="Mal Pelayanan Publik"))  # the site's own name replaces it once the catalog is in
    except ConfigError as exc:
        log.error("the printer settings are not usable (%s): tickets are shown on screen only", exc)
        printer = None
    controller = KioskController(cfg, client, printer, translations, windowed=args.windowed)
    sys.excepthook = controller.handle_exception
    if os.environ.get("ANJUNGAN_REPORT_FIRST_FRAME") == "1":
        _report_first_frame(controller.home)
    controller.start(size=args.size)
    # The technician entry is installed once the home screen is up: its imports would otherwise
    # delay the first frame a citizen sees by a tenth of a second.
    technician: list = []
    later(controller, TECHNICIAN_ENTRY_DELAY_MS, lambda: technician.append(
        _technician_mode(controller, path, translations, windowed=args.windowed)))
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        for mode in technician:
            mode.uninstall()
        controller.stop()
