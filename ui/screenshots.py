"""``make screenshots``: every screen of every app, taken from the real apps against one running demo
system (server, virtual printer, demo users, enrolled kiosk and display), into one folder.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.screenshots docs/screenshots

Each app has its own walker (``ui.<app>.screenshots``) that taps its real buttons; this script only
starts the system once and runs them in order: the kiosk issues tickets, the counter calls them, the
board shows those calls, then the technician's setup pages, then the loket's survey tablet, then a booking
checked in at the kiosk."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from core.config import load_config
from core.demo import ROOT, USERS, running_system


def _walk(module: str, *args: str) -> bool:
    print(f"-- {module}", flush=True)
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT)
    if done.returncode != 0:
        print(f"   {module} failed with exit code {done.returncode}", file=sys.stderr, flush=True)
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", action="append",
                        choices=("kiosk", "counter", "display", "setup", "survey", "booking"),
                        help="just these apps (repeatable); default all")
    args = parser.parse_args(argv)
    out: Path = args.outdir.resolve()
    out.mkdir(parents=True, exist_ok=True)
    # The board's walker first makes a morning's calls, which leaves people waiting for the counter's.
    wanted = [app for app in ("kiosk", "display", "counter", "setup", "survey", "booking")
              if app in (args.only or [app])]
    staff = next(user for user in USERS if user[2] == "staff")
    admin = next(user for user in USERS if user[2] == "admin")
    supervisor = next(user for user in USERS if user[2] == "supervisor")
    ok = True
    with tempfile.TemporaryDirectory(prefix="anjungan-shots-") as scratch, \
            running_system(Path(scratch), port=0, printer_port=0) as system:
        token = load_config(system.display_config).token
        walkers = {
            "kiosk": [("ui.kiosk.screenshots", str(out))],
            "display": [("ui.display.screenshots", str(out), "--server", system.url, "--token", token,
                         "--seed-as", f"{admin[0]}:{admin[1]}")],
            "counter": [("ui.counter.screenshots", str(out), "--server", system.url, "--username", staff[0],
                         "--password", staff[1], "--language", lang, "--supervisor",
                         f"{supervisor[0]}:{supervisor[1]}") for lang in ("id", "en")],
            # Its own server, so the first page shows an enrolment with a fresh one-time code.
            "setup": [("ui.setup.screenshots", str(out), "--size", "1920x1080", "--printer",
                       load_config(system.kiosk_config).printer)],
            # Its own server too: the tablet's loket serves a ticket of its own for the offer.
            "survey": [("ui.survey.screenshots", str(out))],
            # The kiosk's booking check-in: its own server in-process, on a clock set to a Monday morning.
            "booking": [("scripts.kiosk_booking_screenshots", str(out))],
        }
        for app in wanted:
            for walk in walkers[app]:
                ok = _walk(*walk) and ok
    print(f"screenshots in {out}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
