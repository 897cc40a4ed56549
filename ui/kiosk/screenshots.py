"""Screenshots of every kiosk screen, from the real app walked through its screens by tapping its real
buttons: home → agencies → services → priority → ticket (printed, then not printed) → status
(keypad, result) → messages → a service whose quota is used up → a service the office closed for
today → Isi Survei (a served ticket's code, a question, the profile, the thanks) → the server gone,
in both languages and at several window sizes.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.kiosk.screenshots docs/screenshots
    .venv/bin/python -m ui.kiosk.screenshots OUT_DIR --review [--size 1024x768 …] [--lang en] [--fake-long]

By default it writes the documentation set: ``kiosk-<screen>-<lang>.png`` at 1920×1080 for every
screen in both languages, and ``kiosk-home-portrait-<lang>.png`` and ``kiosk-ticket-portrait-<lang>.png``
at 1080×1920. ``--review`` instead writes every screen at every size (1920×1080, 1024×768, 1080×1920
unless ``--size`` is given) as ``<W>x<H>-<lang>-<NN>-<screen>.png``, for checking the layouts.

It starts its own server (demo catalog, open all hours, a throw-away SQLite database) and a virtual
printer, so ``make screenshots`` needs nothing running. The header clock shows 09.15 today, so the
pictures do not depend on the hour they were taken. Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent.parent
SIZES = ((1920, 1080), (1024, 768), (1080, 1920))
DOCS_LANDSCAPE = (1920, 1080)
DOCS_PORTRAIT = (1080, 1920)
DOCS_PORTRAIT_SCREENS = {"home": "home", "ticket-printed": "ticket"}  # shot → its portrait name
Namer = Callable[[str], "str | None"]  # a walker's shot ("05-ticket-printed") → a file name, or None: skip


def review_namer(width: int, height: int, lang: str, fake_long: bool) -> Namer:
    prefix = f"{width}x{height}-{lang}" + ("-long" if fake_long else "")
    return lambda shot: f"{prefix}-{shot}.png"


def docs_namer(width: int, height: int, lang: str) -> Namer:
    """``kiosk-home-id.png``; in portrait only home and the ticket, as ``kiosk-home-portrait-id.png``
    and ``kiosk-ticket-portrait-id.png``."""
    portrait = height > width

    def name(shot: str) -> str | None:
        screen = shot.split("-", 1)[1]
        if portrait:
            short = DOCS_PORTRAIT_SCREENS.get(screen)
            return f"kiosk-{short}-portrait-{lang}.png" if short else None
        return f"kiosk-{screen}-{lang}.png"
    return name


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def own_server(folder: Path, kind: str = "kiosk") -> Iterator[tuple[str, str]]:
    """A server subprocess on a free port with the demo catalog; yields (url, enrolment code of a ``kind``)."""
    from core.demo import wait_healthy

    port = _free_port()
    database = f"sqlite:///{folder / 'screens.sqlite3'}"
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(folder), "ANJUNGAN_LOG_DIR": str(folder)}
    server = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port), "--open-all-hours",
                               "--database", database], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, server)
        done = subprocess.run([sys.executable, "main.py", "server", "enroll", "--kind", kind, "--name",
                               f"screens-{port}", "--database", database], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        yield url, done.stdout.strip().splitlines()[-1].strip()
    finally:
        server.terminate()
        server.wait(10)


OFFICE_USER, OFFICE_PASSWORD = "kepala-mpp", "kepala-mpp-123"


def office_token(folder: Path, url: str) -> str:
    """A supervisor of ``own_server``'s database, signed in: the office that closes a service for today."""
    from core.client import BackendClient

    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(folder), "ANJUNGAN_LOG_DIR": str(folder)}
    subprocess.run([sys.executable, "main.py", "server", "add-user", "--username", OFFICE_USER, "--password",
                    OFFICE_PASSWORD, "--role", "supervisor", "--keep-password", "--database",
                    f"sqlite:///{folder / 'screens.sqlite3'}"], cwd=ROOT, env=env, capture_output=True, check=True)
    return BackendClient(url).login(OFFICE_USER, OFFICE_PASSWORD).token


class Walker:
    """Drives one controller by tapping its real buttons and saves what the window shows."""

    def __init__(self, controller, out: Path, namer: Namer) -> None:
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance()
        self.c = controller
        self.out = out
        self.namer = namer
        self.saved: list[Path] = []

    def wait(self, condition: Callable[[], object], what: str, timeout: float = 20) -> None:
        from ui.screen_walk import wait_until

        wait_until(condition, f"{what} (screen: {self.c.current_screen()})", timeout)

    def settle(self) -> None:
        from ui.screen_walk import settle

        settle(100)

    def tap(self, button) -> None:
        from ui.screen_walk import tap

        tap(button)

    def on(self, screen: str) -> None:
        self.wait(lambda: self.c.current_screen() == screen, f"the {screen} screen")
        self.settle()

    def shot(self, name: str) -> None:
        file_name = self.namer(name)
        if file_name is None:
            return
        self.settle()
        path = self.out / file_name
        self.c.window.grab().save(str(path))
        self.saved.append(path)
        print(path)


def walk(walker: Walker, printer) -> None:
    """The citizen's journeys, one screenshot per screen."""
    c = walker.c
    walker.wait(lambda: c.catalog is not None, "the catalog")
    walker.on("home")
    walker.shot("01-home")

    walker.tap(c.home.take_button)
    walker.on("agencies")
    walker.shot("02-agencies")
    agencies = c.agencies.pager
    busiest = max(c.catalog.agencies, key=lambda a: len(a.services))
    agencies.show_page_of(busiest.id)
    walker.tap(agencies.visible_buttons()[busiest.id])
    walker.on("services")
    walker.shot("03-services")
    service = next(s for s in busiest.services if s.open)
    walker.tap(c.services.pager.visible_buttons()[service.id])
    walker.on("priority")
    walker.shot("04-priority")
    walker.tap(c.priority.none_button)
    walker.on("ticket")
    walker.wait(lambda: c.ticket.print_state() != "printing", "the print")
    walker.shot("05-ticket-printed")
    code = c.ticket.ticket().code

    printer.set_paper("out")
    walker.tap(c.ticket.done_button)
    walker.on("home")
    walker.tap(c.home.take_button)
    walker.on("agencies")
    agencies.show_page_of(busiest.id)
    walker.tap(agencies.visible_buttons()[busiest.id])
    walker.on("services")
    walker.tap(c.services.pager.visible_buttons()[service.id])
    walker.on("priority")
    walker.tap(c.priority.pager.visible_buttons()["lansia"])
    walker.on("ticket")
    walker.wait(lambda: c.ticket.print_state() == "failed", "the failed print")
    walker.shot("06-ticket-not-printed")
    walker.tap(c.ticket.done_button)
    walker.on("out_of_service")   # with a word for the officer on what to check
    walker.wait(lambda: c.out_of_service.staff_note.isVisible(), "the note for the officer")
    walker.shot("06-out-of-service")
    printer.set_paper("ok")
    walker.on("home")
    walker.tap(c.home.status_button)
    walker.on("status_entry")
    walker.shot("07-status-keypad-empty")
    walker.tap(c.status_entry.ok_button)  # no code typed: the error line in the instructions' place
    walker.wait(lambda: c.status_entry.error.isVisible(), "the keypad's error line")
    walker.shot("07-status-keypad-error")
    keypad = c.status_entry.keypad
    for char in code.replace("-", ""):
        walker.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])
    walker.shot("08-status-keypad")
    walker.tap(c.status_entry.ok_button)
    walker.on("status")
    walker.shot("09-status-result")

    walker.tap(c.status.another_button)
    walker.on("status_entry")
    for char in "Q999":
        walker.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])
    walker.tap(c.status_entry.ok_button)
    walker.on("message")
    walker.shot("10-message-not-found")
    walker.tap(c.message.buttons[next(iter(c.message.message().ways))])


def walk_full_quota(walker: Walker, client) -> None:
    """A service whose daily quota is used up (by tickets taken elsewhere): its tile greyed with the
    reason, and the message when it is tapped anyway. The same service in every run: the last agency
    with several services whose first service has a quota."""
    c = walker.c
    agency = [a for a in c.catalog.agencies if len(a.services) > 1 and a.services[0].quota_left is not None][-1]
    service = agency.services[0]
    for _ in range(service.quota_left or 0):
        client.issue_ticket(service.id, idempotency_key=client.new_idempotency_key())
    c.go_home()
    walker.on("home")
    walker.tap(c.home.take_button)
    walker.on("agencies")
    c.agencies.pager.show_page_of(agency.id)
    walker.tap(c.agencies.pager.visible_buttons()[agency.id])
    walker.on("services")
    pager = c.services.pager
    walker.wait(lambda: any(t.key == service.id and t.closed for t in pager.tiles()), "the full service")
    pager.show_page_of(service.id)
    walker.shot("13-services-full")
    walker.tap(pager.visible_buttons()[service.id])
    walker.on("message")
    walker.shot("14-message-full")
    walker.tap(c.message.buttons[next(iter(c.message.message().ways))])


def keep_receipt(printed: Path, before: set[Path], target: Path) -> Path:
    """The virtual printer's picture of the walk's first receipt, with the site's header, the
    requirements and the catalog's footer lines as the kiosk printed them."""
    first = min(set(printed.glob("*.png")) - before, key=lambda p: p.stat().st_mtime_ns)
    shutil.copyfile(first, target)
    return target


def walk_closed_today(walker: Walker, url: str, office: str) -> None:
    """A service the office closed for the rest of today, with its public reason: the tile greyed
    "Ditutup untuk hari ini", and the message when it is tapped anyway. The second service of the
    first agency with several; reopened afterwards, so the next run starts from an open hall."""
    import requests

    c = walker.c
    agency = next(a for a in c.catalog.agencies if len(a.services) > 1)
    service = agency.services[1]
    switch = f"{url}/api/v1/today/services/{service.id}/closed"
    auth = {"Authorization": f"Bearer {office}"}
    requests.put(switch, json={"note": "Petugas sedang mengikuti pelatihan"}, headers=auth,
                 timeout=10).raise_for_status()
    try:
        c.go_home()
        walker.on("home")
        walker.tap(c.home.take_button)
        walker.on("agencies")
        c.agencies.pager.show_page_of(agency.id)
        walker.tap(c.agencies.pager.visible_buttons()[agency.id])
        walker.on("services")
        pager = c.services.pager
        walker.wait(lambda: any(t.key == service.id and t.closed for t in pager.tiles()), "the closed service")
        pager.show_page_of(service.id)
        walker.shot("15-services-closed-today")
        walker.tap(pager.visible_buttons()[service.id])
        walker.on("message")
        walker.shot("16-message-closed-today")
        walker.tap(c.message.buttons[next(iter(c.message.message().ways))])
    finally:
        requests.delete(switch, headers=auth, timeout=10).raise_for_status()


def walk_survey(walker: Walker, client, url: str, office: str) -> None:
    """Isi Survei: a ticket served just now by the office's sign-in, its code typed, the first unsur,
    the profile, and the thanks."""
    from ui.survey.screenshots import serve_one

    c = walker.c
    code, _ = serve_one(client, url, office)
    c.go_home()
    walker.on("home")
    walker.tap(c.home.survey_button)
    walker.on("survey_entry")
    keypad = c.survey_entry.keypad
    for char in code.replace("-", ""):
        walker.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])
    walker.shot("17-survey-keypad")
    walker.tap(c.survey_entry.ok_button)
    walker.on("survey")
    walker.shot("18-survey-question")
    for score in ("4", "3", "4", "3", "4", "4", "4", "2", "3"):
        walker.tap(c.survey.choice_buttons()[score])
    walker.tap(c.survey.choice_buttons()["perempuan"])
    walker.shot("19-survey-profile")
    for value in ("sma", "wirausaha"):
        walker.tap(c.survey.choice_buttons()[value])
    walker.shot("20-survey-age")
    walker.tap(c.survey.send_button)
    walker.on("survey_thanks")
    walker.shot("21-survey-thanks")
    walker.tap(c.survey_thanks.done_button)
    walker.on("home")


def walk_offline(walker: Walker) -> None:
    """A kiosk whose server is gone: the banner, and the message when a ticket is asked for."""
    c = walker.c
    walker.wait(lambda: c.online is False, "the offline banner")
    walker.on("home")
    walker.shot("11-home-offline")
    walker.tap(c.home.take_button)
    walker.on("message")
    walker.shot("12-message-unreachable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.kiosk.screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs")
    parser.add_argument("--review", action="store_true",
                        help="every screen at every size, named <W>x<H>-<lang>-<NN>-<screen>.png")
    parser.add_argument("--size", action="append", metavar="WxH", help="window size (repeatable; implies --review)")
    parser.add_argument("--lang", action="append", choices=("id", "en"), help="language (repeatable)")
    parser.add_argument("--fake-long", action="store_true", help="every text made longer (implies --review)")
    args = parser.parse_args(argv)
    review = args.review or bool(args.size) or args.fake_long
    if args.size:
        sizes = [tuple(int(v) for v in s.lower().split("x")) for s in args.size]
    else:
        sizes = list(SIZES) if review else [DOCS_LANDSCAPE, DOCS_PORTRAIT]
    langs = args.lang or ["id", "en"]
    args.out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from core.client import BackendClient
    from core.config import DeviceConfig
    from printing.receipt import Branding
    from printing.service import PrintService, PrintSettings
    from printing.virtual_printer import VirtualPrinter
    from ui.i18n import Translations
    from ui.kiosk.controller import KioskController, KioskTimings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translations = Translations(fake_long=args.fake_long)
    # The real countdowns (the walk taps "Selesai" well within them); no idle return mid-walk.
    timings = KioskTimings(health_interval_ms=500)
    zone = ZoneInfo("Asia/Jakarta")
    morning = datetime.combine(datetime.now(zone).date(), dtime(9, 15), zone)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="anjungan-screens-") as tmp, own_server(Path(tmp)) as (url, code):
        token = BackendClient(url).enroll(code)
        elsewhere = BackendClient(url, token)  # another kiosk, using up a quota
        office = office_token(Path(tmp), url)
        printer = VirtualPrinter(Path(tmp) / "receipts", "127.0.0.1", 0).start()
        try:
            for width, height in sizes:
                for lang in langs:
                    cfg = DeviceConfig(server_url=url, token=token, language=lang, idle_timeout_s=3600)
                    namer = (review_namer(width, height, lang, args.fake_long) if review
                             else docs_namer(width, height, lang))
                    service = PrintService(PrintSettings(printer=printer.spec, timeout=3.0), Branding("MPP"))
                    controller = KioskController(cfg, BackendClient(url, token), service, translations,
                                                 windowed=True, timings=timings, now=lambda: morning)
                    controller.start(size=(width, height))
                    walker = Walker(controller, args.out, namer)
                    printed_before = set(printer.out_dir.glob("*.png"))
                    try:
                        walk(walker, printer)
                        walk_full_quota(walker, elsewhere)
                        walk_closed_today(walker, url, office)
                        walk_survey(walker, elsewhere, url, office)
                    finally:
                        controller.stop()
                    saved += walker.saved
                    if not review and (width, height) == DOCS_LANDSCAPE:
                        receipt = args.out / f"receipt-footer-{lang}.png"
                        saved.append(keep_receipt(printer.out_dir, printed_before, receipt))
                    dead = f"http://127.0.0.1:{_free_port()}"
                    controller = KioskController(cfg, BackendClient(dead, token), None, translations,
                                                 windowed=True, timings=timings, now=lambda: morning)
                    controller.start(size=(width, height))
                    walker = Walker(controller, args.out, namer)
                    try:
                        walk_offline(walker)
                    finally:
                        controller.stop()
                    saved += walker.saved
        finally:
            printer.stop()
    app.processEvents()
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
