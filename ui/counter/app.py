"""``python main.py counter [--server URL] [--windowed] [--config FILE]``: the counter staff app,
a normal desktop window beside the officer's own work. Staff log in with their own account; the
server address comes from ``--server`` or the device config."""

from __future__ import annotations

import argparse
import logging
import sys

from core.client import BackendClient
from ui.app_args import app_parser, fake_long, prepare_app

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    return app_parser("counter", "The counter staff app.", enrol_kind=None, size_example="1280x800",
                      windowed_help="accepted for symmetry with the kiosk: the counter app is always a normal window")


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    loaded = prepare_app("counter", args, device=False)
    if loaded is None:
        return 2
    _path, cfg = loaded

    from PySide6.QtWidgets import QApplication

    from ui.counter.controller import CounterController
    from ui.i18n import Translations

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    translations = Translations(fake_long=fake_long(args))
    # A staff login, never the device token: each officer signs in with their own account.
    client = BackendClient(cfg.server_url)
    controller = CounterController(client, translations)
    sys.excepthook = controller.handle_exception
    controller.start(size=args.size, language=cfg.language)
    log.info("counter app started against %s", cfg.server_url)
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        controller.stop()
