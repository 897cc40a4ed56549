"""The command line every app shares (``--server``, ``--config``, ``--windowed``, ``--size``,
``--fake-long``, and ``--enroll`` for devices) and reading the device config it names. No Qt here:
a bad argument or config is reported before Qt starts."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from core.client import BackendClient
from core.config import DeviceConfig, config_path, load_config, save_config, with_change
from core.errors import AnjunganError, ConfigError
from core.logs import setup_logging


def window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("a size is WIDTHxHEIGHT, e.g. 1920x1080") from None
    return width, height


def app_parser(app: str, description: str, *, enrol_kind: str | None, windowed_help: str | None = None,
               size_example: str = "1920x1080") -> argparse.ArgumentParser:
    """The shared options; ``enrol_kind`` ("kiosk", "display") adds ``--enroll CODE``."""
    parser = argparse.ArgumentParser(prog=f"main.py {app}", description=description)
    parser.add_argument("--server", metavar="URL", help="the central server (default: server_url from the config)")
    parser.add_argument("--config", metavar="FILE", help="the device config (default: ANJUNGAN_CONFIG, "
                                                         "else config.toml in the user config folder)")
    parser.add_argument("--windowed", action="store_true", help=windowed_help or
                        "a normal window that can be closed, instead of the locked full screen")
    parser.add_argument("--size", type=window_size, metavar="WxH", help=f"the window's size, e.g. {size_example}")
    if enrol_kind:
        parser.add_argument("--enroll", metavar="CODE", help=f"enrol this {enrol_kind} with a one-time code "
                            f"(server enroll --kind {enrol_kind}) and save the token")
    parser.add_argument("--fake-long", action="store_true",
                        help="make every text much longer, to find labels that overflow (also ANJUNGAN_FAKE_LONG=1)")
    return parser


def fake_long(args: argparse.Namespace) -> bool:
    return bool(args.fake_long or os.environ.get("ANJUNGAN_FAKE_LONG") == "1")


def no_display_reason() -> str | None:
    """Why no window can open here, said plainly instead of Qt's abort; None when one can."""
    if any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return ("no display to open a window on (DISPLAY is not set): run it in the desktop or kiosk session "
            "(see docs/deploy.md), over `ssh -X`, or under `xvfb-run`")


def read_device_config(args: argparse.Namespace,
                       adjust: Callable[[DeviceConfig], DeviceConfig] = lambda cfg: cfg,
                       ) -> tuple[Path, DeviceConfig] | None:
    """The config file named on the command line (or the default), with ``--server`` and ``adjust``
    on top, enrolled first when ``--enroll CODE`` was given. ``None``, after a one-line reason on
    stderr, for a bad config or a refused enrolment: the app then exits with status 2."""
    path = config_path(args.config)
    try:
        cfg = load_config(path)
        if args.server:
            cfg = with_change(cfg, "server_url", args.server)   # validated like the file
        cfg = adjust(cfg)
        if getattr(args, "enroll", None):
            cfg = _enrol(cfg, args.enroll, path)
    except ConfigError as exc:
        print(f"config error ({path} or the command line): {exc}", file=sys.stderr)
        return None
    except OSError as exc:   # unreadable: wrong owner or mode, a folder in its place
        print(f"cannot read the config {path}: {exc.strerror or exc} (see docs/deploy.md for its owner "
              "and mode)", file=sys.stderr)
        return None
    except AnjunganError as exc:
        print(f"enrolment failed: {exc}", file=sys.stderr)
        return None
    return path, cfg


def _enrol(cfg: DeviceConfig, code: str, path: Path) -> DeviceConfig:
    client = BackendClient(cfg.server_url)
    try:
        token = client.enroll(code)
    finally:
        client.close()
    cfg = dataclasses.replace(cfg, token=token)
    save_config(path, cfg)
    print(f"enrolled with {cfg.server_url}; token saved in {path}")
    return cfg


def use_touch_keyboard(windowed: bool) -> None:
    """A full-screen device has no keyboard: Qt's virtual keyboard (in the PySide6 Addons wheel) comes
    up for text fields, which only the technician's setup pages have. Set before Qt starts; a value
    the environment already gives wins, and a windowed app keeps the desktop's own keyboard."""
    if not windowed:
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")


def prepare_app(app: str, args: argparse.Namespace, *, device: bool,
                adjust: Callable[[DeviceConfig], DeviceConfig] = lambda cfg: cfg) -> tuple[Path, DeviceConfig] | None:
    """Everything an app does before Qt starts: logging, the config (validated, enrolled if asked), a
    warning for a device with no token, and a display to open a window on. ``None`` when the app
    cannot start (the reason is already on stderr): exit with status 2."""
    setup_logging(app)
    loaded = read_device_config(args, adjust)
    if loaded is None:
        return None
    if device and not loaded[1].token:
        logging.getLogger(f"ui.{app}.app").warning("this %s has no device token: enrol it with --enroll CODE", app)
    reason = no_display_reason()
    if reason:
        print(f"main.py {app}: {reason}", file=sys.stderr)
        return None
    return loaded
