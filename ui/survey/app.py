"""``python main.py survey --loket N [--server URL] [--windowed] [--config FILE] [--enroll CODE]``: the
survey tablet at loket N, an enrolled device of kind ``survey`` (``server enroll --kind survey``). It
offers the SKM survey for the ticket that loket just finished."""

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


def _loket(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a loket is a number, e.g. 3") from None
    if value < 0:
        raise argparse.ArgumentTypeError("a loket number is 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = app_parser("survey", "The SKM survey tablet at a loket.", enrol_kind="survey", size_example="800x1280")
    parser.add_argument("--loket", type=_loket, metavar="N",
                        help="the loket this tablet stands at (default: the first of lokets in the config)")
    return parser


def chosen_loket(cfg: DeviceConfig, args: argparse.Namespace) -> int | None:
    """``--loket``, else the config's first loket; None when neither says."""
    if args.loket is not None:
        return int(args.loket)
    return cfg.lokets[0] if cfg.lokets else None


def make_client(cfg: DeviceConfig) -> BackendClient:
    return BackendClient(cfg.server_url, cfg.token or None, connect_timeout=3.05, read_timeout=8.0,
                         retry=RetryPolicy(max_attempts=2, base_delay=0.5, max_delay=2.0))


# Settings a running tablet takes only when it starts: its connection (the event stream) and its language.
SURVEY_RESTART_KEYS = frozenset({"server_url", "token", "language"})


def technician_mode(controller, path, translations, *, windowed: bool, **overrides):
    """The hidden technician entry over the tablet (five taps top left, or Ctrl+Alt+T, then the PIN):
    server and enrolment, name, place and idle time (at once), diagnostics, PIN."""
    from ui.setup.technician import install_technician_mode

    return install_technician_mode("survey", controller.window, path, controller.config, translations,
                                   windowed=windowed, on_saved=controller.apply_config, site_clock=controller.clock,
                                   restart_keys=SURVEY_RESTART_KEYS, **overrides)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    loaded = prepare_app("survey", args, device=True)
    if loaded is None:
        return 2
    path, cfg = loaded
    loket = chosen_loket(cfg, args)
    if loket is None:
        print("main.py survey: say which loket this tablet stands at: --loket N", file=sys.stderr)
        return 2
    cfg = dataclasses.replace(cfg, lokets=(loket,))

    use_touch_keyboard(args.windowed)
    from PySide6.QtWidgets import QApplication

    from ui.i18n import Translations
    from ui.survey.controller import SurveyTabletController

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    translations = Translations(fake_long=fake_long(args))
    controller = SurveyTabletController(cfg, make_client(cfg), translations, loket=loket, windowed=args.windowed)
    sys.excepthook = controller.handle_exception
    controller.start(size=args.size)
    log.info("survey tablet for loket %d at %s", loket, cfg.server_url)
    technician = technician_mode(controller, path, translations, windowed=args.windowed)
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        technician.uninstall()
        controller.stop()
