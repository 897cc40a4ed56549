"""Pictures of the counter app against a real server, for review and the docs:
``python -m ui.counter.screenshots OUTDIR --server URL --username U --password P [--loket N] [--language en]
[--supervisor NAME:PASSWORD]``.

It runs the real app in a window, types a wrong password and then the right one, opens a loket
(by default the free one with the most citizens waiting), calls the next ticket (the no-show
countdown, then its confirmation), serves it (the timer), opens the transfer panel (a search typed,
then the loket and a note: the ticket goes to this loket's other service, and the card shows the note
when it is called there), the pause panel (the reason, then the return time, a typed time refused,
and the desk paused for 30 minutes), the choice when logging out with a ticket in hand and the late
citizen's panel, and saves ``counter-<screen>[-en].png`` of each (also the desk at the smallest
supported size, 1024×700, and the screens with a notice again at 1024×768: ``…-1024x768``). Before
the supervisor's part, a loket nobody waits for is opened and called from, for the notice that says
so (``counter-desk-queue-empty``).
The loket is closed again at the end, so the script can run once per language. With ``--supervisor``
a second app signs in as the supervisor, sees the loket open, takes it over with a reason, and the
officer's desk says so (``counter-supervisor-*``, ``counter-desk-taken-over``, at 1024×768); the
supervisor then closes it. The password screen is shot from the bar's button (``counter-password``)
and as it looks after a login with a password an admin set (``counter-password-required``). Run it
under a display, e.g.
``xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m ui.counter.screenshots …``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from core.client import BackendClient
from ui.counter.controller import CounterController, CounterTimings
from ui.counter.desk_screen import CONFIRM_PAGE
from ui.counter.window import DEFAULT_SIZE, MINIMUM_SIZE
from ui.i18n import Translations
from ui.screen_walk import settle, wait_until

# The counter PCs of an MPP hall: the smallest screen the supervisor's scenes are shown at.
SMALL_SIZE = (1024, 768)

log = logging.getLogger(__name__)


class Shooter:
    def __init__(self, controller: CounterController, out: Path, suffix: str = "") -> None:
        self.controller = controller
        self.out = out
        self.suffix = suffix

    def shot(self, name: str) -> Path:
        settle()
        window = self.controller.window
        window.raise_()
        window.activateWindow()
        settle(200)
        screen = window.screen()
        pixmap = screen.grabWindow(window.winId()) if screen is not None else window.grab()
        if pixmap.isNull() or pixmap.width() < window.width() // 2:
            pixmap = window.grab()  # a platform that cannot grab the screen (offscreen)
        path = self.out / f"counter-{name}{self.suffix}.png"
        if not pixmap.save(str(path)):
            raise OSError(f"could not save {path}")
        print(path)
        return path


def at_size(shooter: Shooter, size: tuple[int, int], name: str) -> None:
    """The screen as it is now, shot at ``size`` too; the window then goes back to its size."""
    window = shooter.controller.window
    before = window.size()
    window.resize(*size)
    settle(500)
    shooter.shot(name)
    window.resize(before)
    settle(500)


def nobody_waiting(c: CounterController, shooter: Shooter) -> None:
    """A loket whose services nobody waits for, "Panggil Berikutnya" pressed: the notice that says so,
    at both sizes. The officer then goes back to the loket they had, which the walker goes on with."""
    counter = c.counter
    if counter is None or c.catalog is None:
        return
    waiting = {s.id: s.waiting for a in c.catalog.agencies for s in a.services}
    desk = c.desk
    desk.close_button.click()
    wait_until(lambda: not c.busy and c.current_screen() == "loket", "the loket to close", 15)
    screen = c.loket_screen
    wait_until(lambda: screen.buttons.get(counter.id) is not None and screen.buttons[counter.id].isEnabled(),
               "the loket list", 15)
    quiet = next((k.id for k in c.counters if k.id != counter.id and screen.buttons[k.id].isEnabled()
                  and not any(waiting.get(s, 0) for s in k.service_ids)), None)
    if quiet is None:
        print("no free loket with nobody waiting: no picture of the empty queue", file=sys.stderr)
    else:
        screen.buttons[quiet].click()
        screen.open_button.click()
        wait_until(lambda: c.current_screen() == "desk" and c.queue is not None and not c.busy, "the quiet desk", 15)
        desk.buttons["call_next"].click()
        wait_until(lambda: not c.busy and desk.notice.code() == "queue_empty", "nobody waiting", 15)
        shooter.shot("desk-queue-empty")
        at_size(shooter, SMALL_SIZE, "desk-queue-empty-1024x768")
        desk.close_button.click()
        wait_until(lambda: not c.busy and c.current_screen() == "loket", "the quiet loket to close", 15)
    wait_until(lambda: screen.buttons[counter.id].isEnabled() and not c.busy, "the loket list", 15)
    screen.buttons[counter.id].click()
    screen.open_button.click()
    wait_until(lambda: c.current_screen() == "desk" and c.queue is not None and not c.busy, "the desk again", 15)


def _busiest_free_loket(c: CounterController) -> int | None:
    """The free loket whose services have the most citizens waiting: a desk worth a picture."""
    waiting = {s.id: s.waiting for a in c.catalog.agencies for s in a.services} if c.catalog else {}
    free = [cid for cid, b in c.loket_screen.buttons.items() if b.isEnabled()]
    counters = {k.id: k for k in c.counters}
    return max(free, key=lambda cid: (sum(waiting.get(s, 0) for s in counters[cid].service_ids), -cid),
               default=None)


def take_over(officer: CounterController, officer_shots: Shooter, server: str, supervisor: str,
              language: str) -> None:
    """A supervisor on a second app takes the officer's loket over, then closes it."""
    name, _, password = supervisor.partition(":")
    counter = officer.counter
    if counter is None:
        raise RuntimeError("the officer has no loket to take over")
    boss = CounterController(BackendClient(server), Translations(), timings=CounterTimings(check_ms=10_000))
    shots = Shooter(boss, officer_shots.out, officer_shots.suffix)
    try:
        boss.start(size=SMALL_SIZE, language=language)
        wait_until(lambda: boss.window.isVisible(), "the supervisor's window", 5)
        boss.login_screen.username.setText(name)
        boss.login_screen.password.setText(password)
        boss.login_screen.submit.click()
        screen = boss.loket_screen
        wait_until(lambda: boss.current_screen() == "loket" and counter.id in screen.buttons
                   and screen.buttons[counter.id].isEnabled() and not boss.busy, "the supervisor's lokets", 15)
        shots.shot("supervisor-lokets")
        screen.buttons[counter.id].click()
        screen.reason.setText("Petugas dipanggil kepala UPT" if language == "id" else "Officer called to the head")
        shots.shot("supervisor-take-over")
        screen.open_button.click()
        wait_until(lambda: boss.current_screen() == "desk" and not boss.busy, "the take-over", 15)
        wait_until(officer.desk.lost_panel_shown, "the officer's notice", 15)
        wait_until(officer.desk.lost_continue.isEnabled, "the officer's way on", 15)
        officer_shots.shot("desk-taken-over")
        desk = boss.desk
        desk.close_button.click()
        if desk.page() == CONFIRM_PAGE:
            # The citizen called there goes back to the queue before the loket closes.
            desk.confirm_panel.confirm.click()
        wait_until(lambda: not boss.busy and boss.current_screen() == "loket", "the loket to close", 15)
        officer.desk.lost_continue.click()
        wait_until(lambda: officer.current_screen() == "loket", "the officer's loket list", 15)
    finally:
        boss.stop()


def transfer_shots(c: CounterController, shooter: Shooter, server: str, username: str, password: str,
                   language: str) -> None:
    """The transfer panel with a search typed, the loket step with a note, and the card that shows
    the note to the officer who calls the ticket, at the default size and at 1024×768. The ticket
    is sent to another service of this loket, to this loket by name; the loket is narrowed to that
    service for the call (through a second sign-in of the same officer, as another PC would), and
    its services are given back afterwards."""
    desk, panel = c.desk, c.desk.transfer_panel
    counter, ticket = c.counter, desk.ticket_card.ticket()
    if counter is None or ticket is None:
        return
    size = c.window.size()
    desk.buttons["transfer"].click()
    wait_until(lambda: not c.busy, "the waiting counts", 15)
    settle(500)
    others = [s for s in counter.active_service_ids if s != ticket.service_id]
    target = next((t for t in panel.targets() if t.service_id in others), None)
    panel.search.setText("kependudukan" if target is None else target.name.split()[0].lower())
    shooter.shot("desk-transfer")
    c.window.resize(*SMALL_SIZE)
    shooter.shot("desk-transfer-1024x768")
    c.window.resize(size)
    if target is None:
        panel.cancel.click()
        return
    panel.select(target.service_id)
    panel.confirm.click()
    panel.select_loket(counter.id)
    panel.note.setText("Berkas sudah dicek, tinggal tanda tangan" if language == "id"
                       else "Documents checked, only the signature left")
    shooter.shot("desk-transfer-loket")
    c.window.resize(*SMALL_SIZE)
    shooter.shot("desk-transfer-loket-1024x768")
    c.window.resize(size)
    panel.confirm.click()
    wait_until(lambda: not c.busy and desk.ticket_card.ticket() is None, "the transfer", 15)

    other_pc = BackendClient(server)
    try:
        other_pc.login(username, password)
        other_pc.open_counter(counter.id, [target.service_id])
        wait_until(lambda: not c.busy and c.counter is not None
                   and list(c.counter.active_service_ids) == [target.service_id], "the loket narrowed", 15)
        for _ in range(40):   # those who queued for that service before the transfer come first
            desk.buttons["call_next"].click()
            wait_until(lambda: not c.busy, "call next", 15)
            called = desk.ticket_card.ticket()
            if called is None or called.code == ticket.code:
                break
            for action in ("start", "finish"):
                desk.buttons[action].click()
                wait_until(lambda: not c.busy, action, 15)
        wait_until(lambda: ticket.code not in desk.queue_panel.next_codes(), "the waiting list re-read", 15)
        shooter.shot("desk-transfer-note")
        c.window.resize(*SMALL_SIZE)
        shooter.shot("desk-transfer-note-1024x768")
        c.window.resize(size)
        other_pc.open_counter(counter.id, list(counter.active_service_ids))
        wait_until(lambda: not c.busy and c.counter is not None
                   and list(c.counter.active_service_ids) == list(counter.active_service_ids),
                   "the loket's services back", 15)
        if desk.buttons["start"].isEnabled():
            desk.buttons["start"].click()
            wait_until(lambda: not c.busy, "start", 15)
    finally:
        other_pc.close()


def run(out: Path, server: str, username: str, password: str, loket: int | None, language: str = "id",
        supervisor: str | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Anjungan")
    controller = CounterController(BackendClient(server), Translations(),
                                   timings=CounterTimings(check_ms=10_000))
    shooter = Shooter(controller, out, "" if language == "id" else f"-{language}")
    c = controller
    try:
        c.start(size=DEFAULT_SIZE, language=language)
        wait_until(lambda: c.window.isVisible(), "the window", 5)
        login = c.login_screen
        login.username.setText(username)
        shooter.shot("login")

        login.password.setText(password + "-salah")
        login.submit.click()
        wait_until(lambda: login.error.isVisible(), "the wrong password to be refused", 15)
        shooter.shot("login-wrong-password")
        at_size(shooter, SMALL_SIZE, "login-wrong-password-1024x768")

        login.password.setText(password)
        login.submit.click()
        wait_until(lambda: c.current_screen() in ("loket", "desk") and c.counters, "the lokets", 15)
        if c.current_screen() == "desk":
            print("this officer already had a loket open: the app went straight to it", file=sys.stderr)
        else:
            screen = c.loket_screen
            wait_until(lambda: c.catalog is not None and not c.busy, "the catalog", 15)
            chosen = loket if loket is not None else _busiest_free_loket(c)
            if chosen is None:
                raise RuntimeError("no free loket to open")
            screen.buttons[chosen].click()
            shooter.shot("loket-choice")
            screen.open_button.click()
            wait_until(lambda: c.current_screen() == "desk" and c.queue is not None and not c.busy, "the desk", 15)

        desk = c.desk
        if c.counter is not None and c.counter.state.value == "paused":
            desk.buttons["pause"].click()  # resume, so a ticket can be called
            wait_until(lambda: not c.busy and c.counter.state.value == "open", "the loket to resume", 15)
        if desk.ticket_card.ticket() is None:
            shooter.shot("desk-no-ticket")
            desk.buttons["call_next"].click()
            wait_until(lambda: not c.busy, "call next", 15)
            wait_until(lambda: c.queue is not None, "the waiting list", 15)
        settle(800)  # the waiting list re-read after the call
        shooter.shot("desk-called")

        # The confirmation as it looks once the site's wait is over: the wait is set aside here only,
        # so the picture need not wait two minutes; the server still holds to it.
        if c.catalog is not None:
            desk.set_timing(0)
            desk.buttons["no_show"].click()
            shooter.shot("desk-no-show-confirm")
            desk.confirm_panel.cancel.click()
            desk.set_timing(c.catalog.site.no_show_after_seconds)

        if desk.buttons["start"].isEnabled():
            desk.buttons["start"].click()
            wait_until(lambda: not c.busy, "start", 15)
            settle(1500)  # the timer has moved
            shooter.shot("desk-serving")
            c.bar.logout.click()
            shooter.shot("desk-logout-with-ticket")
            at_size(shooter, SMALL_SIZE, "desk-logout-with-ticket-1024x768")
            desk.confirm_panel.cancel.click()
        if desk.buttons["transfer"].isEnabled():
            transfer_shots(c, shooter, server, username, password, language)

        size = c.window.size()
        c.window.resize(*SMALL_SIZE)
        c.bar.password.click()
        wait_until(lambda: c.current_screen() == "password", "the password screen", 5)
        shooter.shot("password")
        # As after a login with a password an admin set (the same screen, with no way back).
        c.password_screen.open(required=True)
        shooter.shot("password-required")
        c.password_screen.open(required=False)
        c.password_screen.cancel.click()
        wait_until(lambda: c.current_screen() == "desk", "the desk again", 5)
        c.window.resize(*MINIMUM_SIZE)
        settle(500)
        shooter.shot("desk-1024x700")
        c.window.resize(size)
        settle(500)

        # A break only once the citizen is served (the app offers none while a ticket is in hand).
        if desk.buttons["finish"].isEnabled():
            desk.buttons["finish"].click()
            wait_until(lambda: not c.busy, "finish", 15)
            shooter.shot("desk-finished")
            at_size(shooter, SMALL_SIZE, "desk-finished-1024x768")
        desk.buttons["pause"].click()
        shooter.shot("desk-pause")
        panel = desk.pause_panel
        panel.buttons["istirahat"].click()
        shooter.shot("desk-pause-return")
        c.window.resize(*SMALL_SIZE)
        settle(500)
        shooter.shot("desk-pause-return-1024x768")
        panel.until.setText(f"{desk.site_now():%H.%M}")   # this very minute: not later than now, refused
        panel.until.returnPressed.emit()
        shooter.shot("desk-pause-return-error-1024x768")
        panel.until.clear()
        thirty = next((i for i, choice in enumerate(panel.choices()) if "30" in choice.title), None)
        panel.choice_buttons[thirty if thirty is not None else len(panel.choices()) - 1].click()
        wait_until(lambda: not c.busy, "pause", 15)
        shooter.shot("desk-paused-1024x768")
        c.window.resize(size)
        settle(500)
        shooter.shot("desk-paused")
        desk.buttons["pause"].click()
        wait_until(lambda: not c.busy, "resume", 15)
        desk.late_button.click()
        desk.late_panel.code.setText("B-012")
        shooter.shot("desk-late-citizen")
        desk.late_panel.cancel.click()

        if supervisor:
            nobody_waiting(c, shooter)
            c.window.resize(*SMALL_SIZE)
            desk.buttons["call_next"].click()
            wait_until(lambda: not c.busy, "call next", 15)
            take_over(c, shooter, server, supervisor, language)
            return 0

        # Leave the loket as it was found: closed.
        if c.current_screen() == "desk":
            desk.close_button.click()
            wait_until(lambda: not c.busy and c.current_screen() == "loket", "the loket to close", 15)
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
    parser.add_argument("--supervisor", metavar="NAME:PASSWORD",
                        help="also shoot a supervisor taking the loket over from a second app")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    return run(args.outdir, args.server, args.username, args.password, args.loket, args.language, args.supervisor)


if __name__ == "__main__":
    sys.exit(main())
