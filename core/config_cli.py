"""``python main.py config show|set KEY VALUE|set-pin|check [--config FILE]``: a device's settings from a
shell, with the same validation as the setup screens; a refused change leaves the file as it was.
``set-pin`` sets the technician PIN before a kiosk goes public (asked twice on a terminal, else one
line on stdin), so the first person at the screen cannot choose it."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys

from core.config import config_path, load_config, save_config, to_toml, with_change
from core.errors import ConfigError
from core.technician_pin import PIN_MAX, PIN_MIN, hash_pin, pin_problem


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py config", description=__doc__)
    parser.add_argument("--config", help="the settings file (default: $ANJUNGAN_CONFIG, else the user config folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("show", help="print the settings as TOML, secrets masked")
    setter = sub.add_parser("set", help="change one setting, validated, written atomically")
    setter.add_argument("key")
    setter.add_argument("value")
    sub.add_parser("set-pin", help="set the technician PIN (asked twice; or one line on stdin)")
    sub.add_parser("check", help="validate the file; exit 2 with the reason if it is wrong")
    args = parser.parse_args(argv)
    path = config_path(args.config)
    try:
        cfg = load_config(path)
        if args.command == "show":
            print(f"# {path}{'' if path.exists() else ' (not written yet: defaults)'}")
            print(to_toml(cfg, mask_secrets=True), end="")
        elif args.command == "set":
            save_config(path, with_change(cfg, args.key, args.value))
            print(f"{args.key} saved in {path}")
        elif args.command == "set-pin":
            pin = _read_pin()
            if pin is None:
                return 1
            save_config(path, dataclasses.replace(cfg, technician_pin_hash=hash_pin(pin)))
            print(f"technician PIN saved in {path} (as a salted hash)")
        else:
            print(f"{path}: ok")
    except ConfigError as exc:
        print(f"config error: {path}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"config error: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def _read_pin() -> str | None:
    if sys.stdin.isatty():
        pin = getpass.getpass("New technician PIN: ")
        if getpass.getpass("The same PIN again: ") != pin:
            print("error: the two PINs differ; nothing saved", file=sys.stderr)
            return None
    else:
        pin = sys.stdin.readline().strip()
    if pin_problem(pin):
        print(f"error: a PIN is {PIN_MIN} to {PIN_MAX} digits; nothing saved", file=sys.stderr)
        return None
    return pin
