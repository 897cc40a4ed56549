"""Pictures of the counter app against a real server, for review and the docs:
``python -m ui.counter.screenshots OUTDIR --server URL --username U --password P [--loket N] [--language en]``.

It runs the real app in a window, types a wrong password and then the right one, opens a loket
(by default the free one with the most citizens waiting), calls the next ticket, opens the
transfer and pause panels, and saves ``counter-<screen>[-en].png`` of each (also the desk at the
smallest supported size, 1024×700). The loket is closed again at the end, so the script can run
once per language. Run it under a display, e.g.
``xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m ui.counter.screenshots …``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.client import BackendClient
from ui.counter.controller import CounterController, CounterTimings
from ui.counter.window import DEFAULT_SIZE, MINIMUM_SIZE
from ui.i18n import Translations

log = logging.getLogger(__name__)


def _wait(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Run the event loop until ``condition`` holds (the app keeps working meanwhile)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def _settle(ms: int = 300) -> None:
    """Let layouts, style and paint catch up before a picture."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Shooter:
    def __init__(self, controller: CounterController, out: Path, suffix: str = "") -> None:
        self.controller = controller
        self.out = out
        self.suffix = suffix

    def shot(self, name: str) -> Path:
        _settle()
        window = self.controller.window
        screen = window.screen()
        pixmap = screen.grabWindow(window.winId()) if screen is not None else window.grab()
        if pixmap.isNull() or pixmap.width() < window.width() // 2:
            pixmap = window.grab()  # a platform that cannot grab the screen (offscreen)
        path = self.out / f"counter-{name}{self.suffix}.png"
        if not pixmap.save(str(path)):
            raise OSError(f"could not save {path}")
        print(path)
        return path


def _busiest_free_loket(c: CounterController) -> int | None:
    """The free loket whose services have the most citizens waiting: a desk worth a picture."""
    waiting = {s.id: s.waiting for a in c.catalog.agencies for s in a.services} if c.catalog else {}
    free = [cid for cid, b in c.loket_screen.buttons.items() if b.isEnabled()]
    counters = {k.id: k for k in c.counters}
    return max(free, key=lambda cid: (sum(waiting.get(s, 0) for s in counters[cid].service_ids), -cid),
               default=None)


def run(out: Path, server: str, username: str, password: str, loket: int | None, language: str = "id") -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    controller = CounterController(BackendClient(server), Translations(),
                                   timings=CounterTimings(check_ms=10_000))
    shooter = Shooter(controller, out, "" if language == "id" else f"-{language}")
    c = controller
    try:
        c.start(size=DEFAULT_SIZE, language=language)
        _wait(lambda: c.window.isVisible(), 5, "the window")
        login = c.login_screen
        login.username.setText(username)
        shooter.shot("login")

        login.password.setText(password + "-salah")
        login.submit.click()
        _wait(lambda: login.error.isVisible(), 15, "the wrong password to be refused")
        shooter.shot("login-wrong-password")

        login.password.setText(password)
        login.submit.click()
        _wait(lambda: c.current_screen() in ("loket", "desk") and c.counters, 15, "the lokets")
        if c.current_screen() == "desk":
            print("this officer already had a loket open: the app went straight to it", file=sys.stderr)
        else:
            screen = c.loket_screen
            _wait(lambda: c.catalog is not None and not c.busy, 15, "the catalog")
            chosen = loket if loket is not None else _busiest_free_loket(c)
            if chosen is None:
                raise RuntimeError("no free loket to open")
            screen.buttons[chosen].click()
            shooter.shot("loket-choice")
            screen.open_button.click()
            _wait(lambda: c.current_screen() == "desk" and c.queue is not None and not c.busy, 15, "the desk")

        desk = c.desk
        if c.counter is not None and c.counter.state.value == "paused":
            desk.buttons["pause"].click()  # resume, so a ticket can be called
            _wait(lambda: not c.busy and c.counter.state.value == "open", 15, "the loket to resume")
        if desk.ticket_card.ticket() is None:
            shooter.shot("desk-no-ticket")
            desk.buttons["call_next"].click()
            _wait(lambda: not c.busy, 15, "call next")
            _wait(lambda: c.queue is not None, 15, "the waiting list")
        _settle(800)  # the waiting list re-read after the call
        shooter.shot("desk-called")

        if desk.buttons["start"].isEnabled():
            desk.buttons["start"].click()
            _wait(lambda: not c.busy, 15, "start")
            shooter.shot("desk-serving")
        if desk.buttons["transfer"].isEnabled():
            desk.buttons["transfer"].click()
            if desk.transfer_panel.list.count():
                desk.transfer_panel.list.setCurrentRow(0)
            shooter.shot("desk-transfer")
            desk.transfer_panel.cancel.click()

        desk.buttons["pause"].click()
        shooter.shot("desk-pause")
        desk.pause_panel.buttons["sholat"].click()
        _wait(lambda: not c.busy, 15, "pause")
        shooter.shot("desk-paused")
        desk.buttons["pause"].click()
        _wait(lambda: not c.busy, 15, "resume")

        c.window.resize(*MINIMUM_SIZE)
        _settle(500)
        shooter.shot("desk-1024x700")

        # Leave the loket as it was found: the citizen served, the loket closed.
        if desk.buttons["finish"].isEnabled():
            desk.buttons["finish"].click()
            _wait(lambda: not c.busy, 15, "finish")
        if c.current_screen() == "desk":
            desk.close_button.click()
            _wait(lambda: not c.busy and c.current_screen() == "loket", 15, "the loket to close")
        return 0
    finally:
        c.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.counter.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--server", required=True, metavar="URL")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--loket", type=int, help="the loket to open (default: the free one with most waiting)")
    parser.add_argument("--language", default="id", choices=("id", "en"),
                        help="the app's language; pictures in English get an -en suffix")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    return run(args.outdir, args.server, args.username, args.password, args.loket, args.language)


if __name__ == "__main__":
    sys.exit(main())
