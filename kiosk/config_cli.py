"""``python main.py config show|set KEY VALUE|check [--config FILE]``: a device's settings from a shell,
with the same validation as the setup screens; a refused change leaves the file as it was."""

from __future__ import annotations

import argparse
import sys

from kiosk.config import config_path, load_config, save_config, to_toml, with_change
from kiosk.errors import ConfigError


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py config", description=__doc__)
    parser.add_argument("--config", help="the settings file (default: $ANJUNGAN_CONFIG, else the user config folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("show", help="print the settings as TOML, secrets masked")
    setter = sub.add_parser("set", help="change one setting, validated, written atomically")
    setter.add_argument("key")
    setter.add_argument("value")
    sub.add_parser("check", help="validate the file; exit 1 with the reason if it is wrong")
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
        else:
            print(f"{path}: ok")
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
