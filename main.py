"""Anjungan's one entry point: ``python main.py [demo|kiosk|counter|display|server|printer|…] …``.

Each command lives in its own module and is imported only when asked for, so the server never loads
Qt and a kiosk never loads FastAPI.
"""

from __future__ import annotations

import importlib
import sys

# command -> (module, function, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "demo": ("core.demo", "main", "start server, virtual printer and the apps on this machine"),
    "server": ("server.cli", "main", "run the central server, or manage it (enroll, add-user, …)"),
    "printer": ("printing.cli", "main_printer", "run the virtual ESC/POS network printer"),
    "print-sample": ("printing.cli", "main_print_sample", "print a sample ticket on a printer"),
    "kiosk": ("ui.kiosk.app", "main", "the citizens' touchscreen kiosk"),
    "counter": ("ui.counter.app", "main", "the counter staff app"),
    "display": ("ui.display.app", "main", "the hall display board"),
    "announce": ("ui.display.announce_cli", "main", "speak a call, to test the speakers"),
    "config": ("core.config_cli", "main", "show, set or check this device's settings"),
    "survey": ("ui.survey.app", "main", "the SKM survey tablet at a loket (--loket N)"),
}


def usage() -> str:
    lines = ["usage: python main.py COMMAND [options]", "", "commands:"]
    lines += [f"  {name:<13} {text}" for name, (_, _, text) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"unknown command: {name}\n\n{usage()}", file=sys.stderr)
        return 2
    module_name, func_name, _ = COMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            print(f"'{name}' is not built yet in this version.", file=sys.stderr)
            return 2
        raise
    return int(getattr(module, func_name)(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
