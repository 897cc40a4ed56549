"""``python main.py counter [--server URL] [--windowed] [--config FILE]``: the counter staff app,
a normal desktop window beside the officer's own work. Staff log in with their own account; the
server address comes from ``--server`` or the device config."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys

from kiosk.client import BackendClient
from kiosk.config import config_path, load_config
from kiosk.errors import ConfigError
from kiosk.logs import setup_logging

log = logging.getLogger(__name__)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("a size is WIDTHxHEIGHT, e.g. 1280x800") from None
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py counter", description="The counter staff app.")
    parser.add_argument("--server", metavar="URL", help="the central server (default: server_url from the config)")
    parser.add_argument("--config", metavar="FILE", help="the device config (default: ANJUNGAN_CONFIG, "
                                                         "else config.toml in the user config folder)")
    parser.add_argument("--windowed", action="store_true",
                        help="accepted for symmetry with the kiosk: the counter app is always a normal window")
    parser.add_argument("--size", type=_size, metavar="WxH", help="the window's first size (default 1280x800)")
    parser.add_argument("--fake-long", action="store_true",
                        help="make every text much longer, to find labels that overflow (also ANJUNGAN_FAKE_LONG=1)")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    setup_logging("counter")
    path = config_path(args.config)
    try:
        cfg = load_config(path)
        if args.server:
            cfg = dataclasses.replace(cfg, server_url=args.server)
    except ConfigError as exc:
        print(f"config error in {path}: {exc}", file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - Qt only once the arguments are good

    from ui.counter.controller import CounterController  # noqa: PLC0415
    from ui.i18n import Translations  # noqa: PLC0415

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    translations = Translations(fake_long=args.fake_long or os.environ.get("ANJUNGAN_FAKE_LONG") == "1")
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
