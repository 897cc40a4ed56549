"""``python main.py display [--server URL] [--lokets 1,2,3] [--config FILE] [--windowed]``: the hall
display board. Reads the device config, builds the backend client and the voice, and hands them to
the controller."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys

from core.client import BackendClient
from core.config import DeviceConfig
from core.retry import RetryPolicy
from ui.app_args import app_parser, fake_long, prepare_app, use_touch_keyboard

log = logging.getLogger(__name__)
# Settings a running board takes only when it starts: its connection and the language of its texts.
DISPLAY_RESTART_KEYS = frozenset({"server_url", "token", "language"})


def parse_lokets(text: str) -> tuple[int, ...]:
    """``"1,2, 3"`` → ``(1, 2, 3)``; ``""`` or ``"all"`` → ``()`` (every loket)."""
    text = text.strip()
    if not text or text.lower() == "all":
        return ()
    try:
        lokets = tuple(dict.fromkeys(int(part) for part in text.split(",") if part.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError("lokets are numbers separated by commas, e.g. 1,2,3") from None
    if any(n < 0 for n in lokets):
        raise argparse.ArgumentTypeError("loket numbers are 0 or more")
    return lokets


def build_parser() -> argparse.ArgumentParser:
    parser = app_parser("display", "The hall display board.", enrol_kind="display")
    parser.add_argument("--lokets", type=parse_lokets, metavar="1,2,3",
                        help="show only these lokets' calls (default: lokets from the config; empty: all)")
    parser.add_argument("--no-voice", action="store_true", help="show calls without speaking them")
    return parser


def effective_config(cfg: DeviceConfig, args: argparse.Namespace) -> DeviceConfig:
    """The config file's settings with the command line's on top."""
    changes: dict[str, object] = {}
    if args.server:
        changes["server_url"] = args.server
    if args.lokets is not None:
        changes["lokets"] = args.lokets
    if args.no_voice:
        changes["voice"] = False
    return dataclasses.replace(cfg, **changes) if changes else cfg


def make_client(cfg: DeviceConfig) -> BackendClient:
    """A client for the board's one backend thread: short waits, few retries (the stream reconnects)."""
    return BackendClient(cfg.server_url, cfg.token or None, connect_timeout=3.05, read_timeout=8.0,
                         retry=RetryPolicy(max_attempts=2, base_delay=0.5, max_delay=2.0))


def technician_mode(controller, path, running: DeviceConfig, translations, *, windowed: bool, **overrides):
    """The hidden technician entry over the board. The lokets, voice, volume and running text saved
    there apply at once (``DisplayController.apply_config``); the server address, the enrolment and
    the language from the next start, which the setup says and offers."""
    from ui.setup.technician import install_technician_mode

    return install_technician_mode("display", controller.window, path, running, translations, windowed=windowed,
                                   on_saved=controller.apply_config, site_clock=controller.clock,
                                   restart_keys=DISPLAY_RESTART_KEYS, voice_test=controller.test_voice, **overrides)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    loaded = prepare_app("display", args, device=True, adjust=lambda cfg: effective_config(cfg, args))
    if loaded is None:
        return 2
    path, cfg = loaded

    use_touch_keyboard(args.windowed)
    from PySide6.QtWidgets import QApplication

    from ui.display.controller import DisplayController
    from ui.i18n import Translations

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    translations = Translations(fake_long=fake_long(args))
    controller = DisplayController(cfg, make_client(cfg), translations, windowed=args.windowed)
    sys.excepthook = controller.handle_exception
    controller.start(size=args.size)
    log.info("display board for %s, lokets %s, voice %s", cfg.server_url,
             ",".join(map(str, cfg.lokets)) or "all", "on" if cfg.voice else "off")
    technician = technician_mode(controller, path, cfg, translations, windowed=args.windowed)
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        technician.uninstall()
        controller.stop()
