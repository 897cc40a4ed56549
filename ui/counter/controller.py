"""The counter app's one controller: it owns the backend client, its one-thread task runner, the
event follower and the screens. Screens emit intents (``login_requested``, ``loket_chosen``,
``action_requested``…); the controller runs the request off the GUI thread and shows the outcome.

What keeps a loket working through a bad day:
- one request at a time from the staff (buttons are disabled while it runs: no double calls);
- the server's state is the truth: after a reconnect, a refused action or an event from elsewhere
  the loket and its ticket are read again with ``counters()``, so the ticket in hand is never lost;
- an outage shows a banner and is retried with backoff; the login survives it (the token is kept);
- the login is renewed ``renew_before`` its expiry, judged by the server's clock (``/health``), so
  a PC whose clock is wrong still renews in time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from core.client import BackendClient
from core.errors import BackendError
from core.models import Catalog, Counter, CounterQueue, CounterState, Event, Login, Ticket, TicketStatus
from core.retry import RetryPolicy
from core.wire import CounterStateEvent, EventType, payload_of
from ui.counter.actions import (
    CALL_NEXT,
    FINISH,
    FINISH_NEXT,
    IN_HAND,
    NO_SHOW,
    PAUSE,
    RECALL,
    RESUME,
    START,
    TRANSFER,
    ticket_in_hand,
)
from ui.counter.bar import CounterBar
from ui.counter.desk_screen import ASK_CLOSE, ASK_LOGOUT, DeskScreen
from ui.counter.login_screen import LoginScreen
from ui.counter.loket_screen import LoketScreen
from ui.counter.messages import (
    OFFLINE_BANNER,
    StaffMessage,
    done_message,
    error_code,
    is_session_over,
    message_for_code,
    message_for_error,
    partly_done_message,
)
from ui.counter.notice import CONFIRMATION_MS, REFUSAL_MS, Notice
from ui.counter.password_screen import PasswordScreen
from ui.counter.screen import StaffScreen
from ui.counter.transfer_panel import Sending, TransferTarget
from ui.counter.window import CounterWindow
from ui.i18n import Translations
from ui.shell.crash_guard import CrashGuard
from ui.shell.server_watch import is_outage
from ui.shell.stream_bridge import EventStreamBridge
from ui.tasks import TaskRunner
from ui.timers import stop_timers
from ui.widgets.banner import NoticeBanner

log = logging.getLogger(__name__)

# Events after which the waiting list or a loket may have changed.
REFRESHING_EVENTS = frozenset({EventType.TICKET_ISSUED, EventType.TICKET_CALLED, EventType.TICKET_RECALLED,
                               EventType.TICKET_STATUS, EventType.COUNTER_STATE, EventType.CATALOG_CHANGED})
# What a notice says when the server could not be reached or was failing (is_outage).
OUTAGE_CODES = frozenset({"server_unreachable", "server_timeout", "server_error"})


@dataclass(frozen=True)
class CounterTimings:
    """How often and how long; tests shorten them."""

    check_ms: int = 60_000                   # health, renewal and a full re-read, while logged in
    reconnect_ms: tuple[int, ...] = (1000, 2000, 5000, 10000, 15000)
    debounce_ms: int = 300                   # events arriving together cause one re-read
    renew_before: timedelta = timedelta(minutes=30)
    stream_backoff: RetryPolicy = RetryPolicy(base_delay=0.5, max_delay=15.0)
    queue_preview: int = 8
    notice_ms: tuple[int, int] = (CONFIRMATION_MS, REFUSAL_MS)  # a confirmation, a refusal: shown at most


@dataclass(frozen=True)
class FinishedThenCalled:
    """"Selesai & panggil berikutnya": the finished ticket, and the loket after the call, or why
    the call did not happen (the finish stands either way)."""

    finished: Ticket
    counter: Counter | None
    call_error: BaseException | None


@dataclass(frozen=True)
class Refreshed:
    """One re-read: the lokets, this loket's waiting list, the catalog if asked, a renewed login."""

    counters: list[Counter]
    queue: CounterQueue | None
    catalog: Catalog | None
    renewed: Login | None
    server_time: datetime | None


class CounterController(QObject):
    """Public API: ``start()``, ``stop()``, ``current_screen()``, ``screen(name)``, ``refresh()``,
    ``handle_exception(type, value, tb)`` (the app's ``sys.excepthook``); read-only state:
    ``session`` (Login), ``counter`` (this loket), ``queue``, ``catalog``, ``online``, ``busy``;
    parts: ``client``, ``backend`` (the one-thread TaskRunner), ``stream`` (the event stream), ``window``, ``bar``,
    ``banner``, ``login_screen``, ``loket_screen``, ``desk``."""

    screen_changed = Signal(str)          # the name of the screen now shown
    logged_in = Signal(object)            # Login
    login_failed = Signal(str)            # the error code shown
    logged_out = Signal()
    token_renewed = Signal(object)        # Login
    server_checked = Signal(object)       # the server's clock (datetime) at a check
    session_expired = Signal()
    counters_loaded = Signal(object)      # list[Counter]
    counter_changed = Signal(object)      # this loket (Counter), after any change
    queue_changed = Signal(object)        # CounterQueue
    action_done = Signal(str, object)     # action name, Counter or Ticket the server returned
    action_failed = Signal(str, str)      # action name, error code
    online_changed = Signal(bool)
    busy_changed = Signal(bool)

    def __init__(self, client: BackendClient, translations: Translations, *,
                 timings: CounterTimings = CounterTimings(), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.translations = translations
        self.timings = timings
        # The requests.Session is not thread-safe: every request goes through this one thread.
        self.backend = TaskRunner("counter-backend", 1, self)
        self.stream = EventStreamBridge(self)

        self.session: Login | None = None
        self.counters: list[Counter] = []
        self.counter: Counter | None = None
        self.queue: CounterQueue | None = None
        self.catalog: Catalog | None = None
        self.online: bool | None = None
        self.busy = False
        self._counter_id: int | None = None
        self._username = ""
        self._refreshing = False
        self._refresh_again: tuple[bool, bool] | None = None
        self._reconnect_attempt = 0
        self._catalog_stale = True
        self._crash_guard = CrashGuard(self._on_crash)
        # The loket was taken over or closed elsewhere: the desk says so and waits for a tap.
        self._loket_lost = False
        self._taken_by: CounterStateEvent | None = None
        # Only the first read after a login carries the officer on to a loket already theirs.
        self._resume_after_login = False
        self._stopped = False

        self.login_screen = LoginScreen(translations)
        self.loket_screen = LoketScreen(translations)
        self.desk = DeskScreen(translations, preview=timings.queue_preview)
        self.password_screen = PasswordScreen(translations)
        self._screen_before_password = "loket"
        self.stack = QStackedWidget()
        self._screens: dict[str, StaffScreen] = {}
        for screen in (self.login_screen, self.loket_screen, self.desk, self.password_screen):
            self._screens[screen.name] = screen
            self.stack.addWidget(screen)
        self.bar = CounterBar()
        self.banner = NoticeBanner(translations, "OfflineBanner")
        self.window = CounterWindow(self.bar, self.banner, self.stack)
        self.window.setWindowTitle(self.tr("Anjungan — Petugas Loket"))
        for notice in self.window.findChildren(Notice):
            notice.set_lifetimes(*timings.notice_ms)

        self._check_timer = QTimer(self)
        self._reconnect_timer = QTimer(self)
        self._reconnect_timer.setSingleShot(True)
        self._debounce_timer = QTimer(self)
        self._debounce_timer.setSingleShot(True)
        self._connect()

    # ================================================================= wiring (each signal once)

    def _connect(self) -> None:
        self.login_screen.login_requested.connect(self._on_login_screen_login_requested)
        self.loket_screen.loket_chosen.connect(self._on_loket_screen_loket_chosen)
        self.loket_screen.refresh_requested.connect(self._on_loket_screen_refresh_requested)
        self.loket_screen.take_over_chosen.connect(self._on_loket_screen_take_over_chosen)
        self.loket_screen.close_other_chosen.connect(self._on_loket_screen_close_other_chosen)
        self.desk.action_requested.connect(self._on_desk_action_requested)
        self.desk.transfer_chosen.connect(self._on_desk_transfer_chosen)
        self.desk.transfer_opened.connect(self._on_desk_transfer_opened)
        self.desk.pause_chosen.connect(self._on_desk_pause_chosen)
        self.desk.close_requested.connect(self._on_desk_close_requested)
        self.desk.lost_acknowledged.connect(self._on_desk_lost_acknowledged)
        self.desk.leave_confirmed.connect(self._on_desk_leave_confirmed)
        self.desk.late_citizen.connect(self._on_desk_late_citizen)
        self.bar.logout_requested.connect(self._on_bar_logout_requested)
        self.bar.password_requested.connect(self._on_bar_password_requested)
        self.password_screen.change_requested.connect(self._on_password_screen_change_requested)
        self.password_screen.cancelled.connect(self._on_password_screen_cancelled)
        self._check_timer.timeout.connect(self._on_check_timer_timeout)
        self._reconnect_timer.timeout.connect(self._on_reconnect_timer_timeout)
        self._debounce_timer.timeout.connect(self._on_debounce_timer_timeout)
        self.stream.event_received.connect(self._on_stream_event_received)
        self.stream.state_changed.connect(self._on_stream_state_changed)

    # ================================================================= life

    def start(self, *, size: tuple[int, int] | None = None, language: str = "id") -> None:
        """Show the window at the login screen."""
        if self.translations.available(language) and language != self.translations.language:
            self.translations.switch(language)
        self.login_screen.reset(server_url=self.client.base_url)
        self._show("login")
        if size:
            self.window.resize(*size)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def stop(self) -> None:
        """Stop timers and the follower, let a running request end; the window closes. The loket
        stays as it is on the server, so a restart with the same login picks it up again."""
        if self._stopped:
            return
        self._stopped = True
        stop_timers(self, self.window)   # a timer firing later would call the runner shut down here
        self.stream.stop()
        self.backend.shutdown()
        self.client.close()
        self.window.close()
        self.window.deleteLater()

    # ================================================================= queries

    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, StaffScreen) else ""

    def screen(self, name: str) -> StaffScreen:
        return self._screens[name]

    def service_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        if self.catalog is not None:
            names.update({s.id: s.name for a in self.catalog.agencies for s in a.services})
        if self.queue is not None:
            names.update({s.id: s.name for s in self.queue.services})
        return names

    # ================================================================= screens, busy, online

    def _show(self, name: str) -> None:
        screen = self._screens[name]
        if self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)
            self.screen_changed.emit(name)

    def _set_busy(self, busy: bool) -> None:
        if busy == self.busy:
            return
        self.busy = busy
        self.login_screen.set_busy(busy)
        self.loket_screen.set_busy(busy)
        self.desk.set_busy(busy)
        self.password_screen.set_busy(busy)
        self.bar.set_busy(busy)
        self.busy_changed.emit(busy)

    def _set_online(self, online: bool) -> None:
        if online:
            self._reconnect_attempt = 0
            self._reconnect_timer.stop()
        elif self.session is not None and not self._reconnect_timer.isActive():
            delays = self.timings.reconnect_ms
            self._reconnect_timer.start(delays[min(self._reconnect_attempt, len(delays) - 1)])
            self._reconnect_attempt += 1
        if online == self.online:
            return
        self.online = online
        if online:
            self.banner.clear()
            for notice in self.window.findChildren(Notice):  # "cannot be reached" holds no more
                notice.withdraw(OUTAGE_CODES)
        else:
            self.banner.show_text(OFFLINE_BANNER)
        log.log(logging.INFO if online else logging.WARNING, "server %s", "reachable" if online else "unreachable")
        self.online_changed.emit(online)

    def _notify(self, message: StaffMessage | None) -> None:
        """Say it on the screen being looked at."""
        name = self.current_screen()
        if name == "desk":
            self.desk.show_message(message)
        elif name == "loket":
            self.loket_screen.show_message(message)
        elif name == "login":
            self.login_screen.show_error(message)
        elif name == "password":
            self.password_screen.show_message(message)

    # ================================================================= running a staff request

    def _run(self, action: str, fn: Callable[[], Any], on_ok: Callable[[Any], None]) -> bool:
        """Run one staff request; nothing else may start until it has answered."""
        if self.busy:
            log.info("%s ignored: another request is running", action)
            return False
        self._set_busy(True)
        self.backend.run_task(fn, lambda result: self._on_run_succeeded(action, result, on_ok),
                              lambda error: self._on_run_failed(action, error))
        return True

    def _on_run_succeeded(self, action: str, result: Any, on_ok: Callable[[Any], None]) -> None:
        self._set_busy(False)
        self._set_online(True)
        on_ok(result)
        self.action_done.emit(action, result)

    def _on_run_failed(self, action: str, error: BaseException) -> None:
        self._set_busy(False)
        code = error_code(error)
        if not isinstance(error, BackendError):
            log.error("%s failed unexpectedly", action, exc_info=error)
        else:
            log.warning("%s refused: %s", action, error)
        self.action_failed.emit(action, code)
        if action != "login" and self.session is None:
            return  # the login ended while it ran (e.g. a re-read found it expired): already said
        if action == "login":
            self.login_screen.show_error(message_for_error(error))
            self.login_failed.emit(code)
            return
        if is_session_over(error):
            self._end_session(message_for_error(error))
            return
        if is_outage(error):
            self._set_online(False)
        elif code == "counter_not_found":
            self._loket_gone(message_for_error(error))
            return
        self._notify(message_for_error(error))
        if action == "password":
            return  # a refused password changes nothing at the loket
        # Whatever was refused, the server knows best what the loket and its ticket are now.
        self.refresh()

    # ================================================================= logging in and out

    def _on_login_screen_login_requested(self, username: str, password: str) -> None:
        self.login_screen.show_error(None)
        self._run("login", lambda: self.client.login(username, password), self._on_logged_in)

    def _on_logged_in(self, session: Login) -> None:
        log.info("logged in as %s (%s) until %s", session.username, session.role, session.expires_at.isoformat())
        self.session = session
        self._username = session.username
        self.bar.set_user(session.display_name)
        if session.must_change_password:
            # Every other route refuses this sign-in until the officer has a password of their own.
            log.info("%s must choose their own password first", session.username)
            self.password_screen.open(required=True)
            self._show("password")
            self.logged_in.emit(session)
            return
        self._start_working()
        self.logged_in.emit(session)

    def _start_working(self) -> None:
        """After the login (and the password change it may need): the loket list, the events, the checks."""
        self._resume_after_login = True
        self.loket_screen.reset()
        self._show("loket")
        self._catalog_stale = True
        self.stream.start(self.client, backoff=self.timings.stream_backoff)
        self._check_timer.start(self.timings.check_ms)
        self.refresh(check=False)

    # ================================================================= the officer's own password

    def _on_bar_password_requested(self) -> None:
        if self.session is None or self.busy or self.current_screen() == "password":
            return
        self._screen_before_password = self.current_screen()
        self.password_screen.open(required=False)
        self._show("password")

    def _on_password_screen_cancelled(self) -> None:
        self._show(self._screen_before_password)

    def _on_password_screen_change_requested(self, current: str, new: str) -> None:
        self.password_screen.show_message(None)
        self._run("password", lambda: self.client.change_password(current, new), self._on_password_changed)

    def _on_password_changed(self, _answer: object) -> None:
        log.info("%s chose a new password", self._username)
        done = message_for_code("password_changed")
        if self.session is not None and self.session.must_change_password:
            self.session = self.session.model_copy(update={"must_change_password": False})
            self._start_working()
            self.loket_screen.show_message(done)
            return
        self._show(self._screen_before_password)
        self._notify(done)

    def _on_bar_logout_requested(self) -> None:
        if self.session is None or self.busy:
            return
        counter = self.counter
        open_loket = None if counter is None or counter.state is CounterState.CLOSED else counter.id
        if open_loket is not None:
            in_hand = ticket_in_hand(counter)
            if in_hand is not None:
                # Not forced to no-show: offer to put the citizen back in the queue first.
                self._show("desk")
                self.desk.ask_leave(ASK_LOGOUT)
                return
        self._run("logout", lambda: self._sign_out(open_loket), lambda _: self._log_out())

    def _on_desk_leave_confirmed(self, question: str) -> None:
        """Put the ticket in hand back in the queue, then log out or close the loket; if the ticket
        cannot go back, nothing else happens and the refusal is shown."""
        counter = self.counter
        ticket = ticket_in_hand(counter)
        if counter is None or ticket is None:
            return
        self.desk.show_message(None)
        if question == ASK_LOGOUT:
            self._run("logout", lambda: self._sign_out(counter.id, requeue=ticket.id), lambda _: self._log_out())
        elif question == ASK_CLOSE:
            def requeue_and_close() -> Counter:
                self.client.requeue(ticket.id)
                return self.client.close_counter(counter.id)
            self._run("close", requeue_and_close, self._on_counter_closed)

    def _sign_out(self, open_loket: int | None, requeue: int | None = None) -> None:
        """In the worker: put the ticket in hand back in the queue if asked, close the loket (a
        refusal keeps the login), then revoke the token so the next person at this PC cannot act
        in this name. If only the revoke fails, the login still ends here and the token expires by
        itself."""
        if requeue is not None:
            self.client.requeue(requeue)
        if open_loket is not None:
            self.client.close_counter(open_loket)
        try:
            self.client.logout()
        except BackendError as exc:
            log.warning("could not revoke the sign-in on the server (%s); it expires by itself", exc)

    def _log_out(self) -> None:
        """Forget the login here (``_sign_out`` has asked the server to revoke it)."""
        log.info("%s logged out", self._username)
        self._leave_session()
        self.login_screen.reset(self._username)
        self._show("login")
        self.logged_out.emit()

    def _end_session(self, message: StaffMessage) -> None:
        """The token is no longer accepted: log in again; the loket and its ticket wait on the server."""
        log.warning("the login of %s is no longer accepted", self._username)
        self._leave_session()
        self.login_screen.reset(self._username)
        self._show("login")
        self.login_screen.show_error(message)
        self.session_expired.emit()

    def _leave_session(self) -> None:
        self._check_timer.stop()
        self._reconnect_timer.stop()
        self._debounce_timer.stop()
        self.stream.stop()
        self.client.token = None
        self.session = None
        self.counter = None
        self.queue = None
        self._counter_id = None
        self._loket_lost = False
        self._taken_by = None
        self.bar.set_user("")
        self.desk.reset()
        self.password_screen.open(required=False)
        self._set_online(True)

    # ================================================================= choosing and closing the loket

    def _on_loket_screen_refresh_requested(self) -> None:
        self.loket_screen.show_message(None)
        self.refresh(check=False, catalog=True)

    def _on_loket_screen_loket_chosen(self, counter_id: int, service_ids: list[str]) -> None:
        self.loket_screen.show_message(None)
        self._run("open", lambda: self.client.open_counter(counter_id, list(service_ids)), self._enter_desk)

    def _on_loket_screen_take_over_chosen(self, counter_id: int, service_ids: list[str], reason: str) -> None:
        self.loket_screen.show_message(None)
        self._run("take_over", lambda: self.client.open_counter(counter_id, list(service_ids), reason),
                  self._enter_desk)

    def _on_loket_screen_close_other_chosen(self, counter_id: int, reason: str) -> None:
        self.loket_screen.show_message(None)
        self._run("close_other", lambda: self.client.close_counter(counter_id, reason), self._on_other_closed)

    def _on_other_closed(self, counter: Counter) -> None:
        log.info("%s closed for its officer", counter.name)
        self.loket_screen.show_message(message_for_code("loket_closed_for_officer", loket=counter.name))
        self.refresh(check=False)

    def _is_manager(self) -> bool:
        return self.session is not None and self.session.role in ("supervisor", "admin")

    def _enter_desk(self, counter: Counter) -> None:
        log.info("working at %s (%s) for %s", counter.name, counter.state.value, ", ".join(counter.active_service_ids))
        self._counter_id = counter.id
        self.desk.reset()
        self._apply_counter(counter)
        self._show("desk")
        self.refresh(check=False)

    def _on_desk_close_requested(self) -> None:
        counter = self.counter
        if counter is None or self._loket_lost:
            return
        if ticket_in_hand(counter) is not None:
            self.desk.ask_leave(ASK_CLOSE)
            return
        self._run("close", lambda: self.client.close_counter(counter.id), self._on_counter_closed)

    def _on_counter_closed(self, counter: Counter) -> None:
        log.info("%s closed", counter.name)
        self._back_to_lokets(None)

    def _lose_loket(self, name: str) -> None:
        """Taken over or closed elsewhere: the desk stays, says what happened and by whom, and its
        actions stop; only a tap on its notice leads on (a screen that changed by itself would take
        the officer's next click for something they did not aim at)."""
        if self._loket_lost:
            return
        self._loket_lost = True
        taken = self._taken_by
        if taken is not None and taken.changed_by:
            code = "loket_taken_over" if taken.state is not CounterState.CLOSED else "loket_closed_by"
            message = message_for_code(code, loket=name, by=taken.changed_by, reason=taken.reason or "-")
        else:
            message = message_for_code("loket_lost", loket=name)
        log.warning("%s was closed or taken over elsewhere (%s)", name, taken.changed_by if taken else "?")
        self.desk.show_lost(message)

    def _loket_gone(self, message: StaffMessage) -> None:
        """The server no longer knows the loket: at the desk, said there and left with a tap."""
        if self._counter_id is None:
            self._back_to_lokets(message)
        else:
            self._lose_loket(self.counter.name if self.counter is not None else str(self._counter_id))

    def _on_desk_lost_acknowledged(self) -> None:
        if self._loket_lost:
            self._back_to_lokets(None)

    def _back_to_lokets(self, message: StaffMessage | None) -> None:
        self._loket_lost = False
        self._taken_by = None
        self._counter_id = None
        self.counter = None
        self.queue = None
        self.desk.reset()
        self._show("loket")
        self.loket_screen.show_message(message)
        self.refresh(check=False)

    # ================================================================= desk actions

    def _on_desk_action_requested(self, action: str) -> None:
        counter = self.counter
        if counter is None or self._loket_lost:
            return
        cid = counter.id
        ticket = ticket_in_hand(counter)
        calls: dict[str, Callable[[], Any]] = {
            CALL_NEXT: lambda: self.client.call_next(cid),
            RECALL: lambda: self.client.recall(cid),
            RESUME: lambda: self.client.resume(cid),
        }
        if ticket is not None:
            calls[START] = lambda: self.client.start(ticket.id)
            calls[FINISH] = lambda: self.client.finish(ticket.id)
            calls[NO_SHOW] = lambda: self.client.no_show(ticket.id)
            calls[FINISH_NEXT] = lambda: self._finish_then_call(ticket.id, cid)
        fn = calls.get(action)
        if fn is None:
            log.warning("action %s is not possible now", action)
            return
        self.desk.show_message(None)
        self._run(action, fn, lambda result: self._on_action_result(action, result))

    def _finish_then_call(self, ticket_id: int, counter_id: int) -> FinishedThenCalled:
        """In the worker: two requests, so each is the server's ordinary, audited action. A refused
        finish raises as any action; a refused call keeps the finish and says why nobody was called."""
        finished = self.client.finish(ticket_id)
        try:
            return FinishedThenCalled(finished, self.client.call_next(counter_id), None)
        except BackendError as exc:
            return FinishedThenCalled(finished, None, exc)

    def _on_desk_late_citizen(self, code: str) -> None:
        """A no-show's citizen came after all: find today's ticket by its code and put it back in
        the queue (the server decides whether this officer may, and whether it is today's)."""
        if self.counter is None:
            return
        self.desk.show_message(None)

        def find_and_requeue() -> Ticket:
            return self.client.requeue(self.client.lookup_ticket(code).id)
        self._run("requeue", find_and_requeue, self._on_requeued)

    def _on_requeued(self, ticket: Ticket) -> None:
        log.info("%s back in the queue", ticket.code)
        self.desk.show_message(done_message("requeue", ticket.code))
        self._schedule_refresh()

    def _on_desk_transfer_chosen(self, sending: Sending) -> None:
        ticket = ticket_in_hand(self.counter)
        if ticket is None or self._loket_lost:
            return
        self.desk.show_message(None)
        self._run(TRANSFER, lambda: self.client.transfer(ticket.id, sending.service_id, sending.loket_id,
                                                         sending.note),
                  lambda result: self._on_action_result(TRANSFER, result))

    def _on_desk_transfer_opened(self) -> None:
        """The waiting counts beside each service and the open lokets, read afresh for the choice."""
        self.refresh(catalog=True)

    def _on_desk_pause_chosen(self, reason: str, until: time | None) -> None:
        counter = self.counter
        if counter is None or self._loket_lost:
            return
        self.desk.show_message(None)
        self._run(PAUSE, lambda: self.client.pause(counter.id, reason, until),
                  lambda result: self._on_action_result(PAUSE, result))

    def _on_action_result(self, action: str, result: Counter | Ticket | FinishedThenCalled) -> None:
        if isinstance(result, FinishedThenCalled):
            self._on_finished_then_called(result)
        elif isinstance(result, Counter):
            self._apply_counter(result)
            if action == RECALL and result.current_ticket is not None:
                ticket = result.current_ticket
                self.desk.show_message(done_message(RECALL, ticket.code, count=ticket.recalls))
        elif isinstance(result, Ticket) and self.counter is not None:
            # A ticket action answers with the ticket: it stays at the loket while called or
            # serving and leaves it otherwise (done, no-show, or waiting elsewhere after a transfer).
            held = result if result.status in IN_HAND else None
            self._apply_counter(self.counter.model_copy(update={"current_ticket": held}))
            params: dict[str, Any] = {}
            said = action
            if action == TRANSFER:
                params["service"] = self.service_names().get(result.service_id, result.service_name)
                if result.target_counter is not None:
                    said, params["loket"] = "transfer_to_loket", result.target_counter.name
            if result.status is not TicketStatus.SERVING:
                self.desk.show_message(done_message(said, result.code, **params))
        self._schedule_refresh()

    def _on_finished_then_called(self, result: FinishedThenCalled) -> None:
        code = result.finished.code
        if result.counter is not None:
            self._apply_counter(result.counter)
            return
        if self.counter is not None:
            self._apply_counter(self.counter.model_copy(update={"current_ticket": None}))
        error = result.call_error
        log.warning("%s finished; calling the next refused: %s", code, error)
        if error is not None and is_session_over(error):
            self._end_session(message_for_error(error))
            return
        if error is not None and is_outage(error):
            self._set_online(False)
        reason = message_for_error(error) if error is not None else message_for_code("unexpected")
        self.desk.show_message(partly_done_message(code, reason))

    # ================================================================= applying the server's state

    def _apply_counter(self, counter: Counter) -> None:
        self.counter = counter
        self.desk.show_counter(counter, self.service_names())
        self.counter_changed.emit(counter)

    def _apply_queue(self, queue: CounterQueue) -> None:
        self.queue = queue
        self.desk.show_queue(queue)
        self.queue_changed.emit(queue)

    def _apply_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._catalog_stale = False
        self.bar.set_site(catalog.site.name)
        self.desk.set_timing(catalog.site.no_show_after_seconds)
        self.desk.set_site_day(catalog.site.timezone,
                               {s.id: s.breaks_today for a in catalog.agencies for s in a.services})
        self.desk.set_transfer_targets([
            TransferTarget(s.id, s.name, a.short_name, s.waiting, prefix=s.prefix, agency_name=a.name,
                           name_en=s.name_en, agency_name_en=a.name_en)
            for a in catalog.agencies for s in a.services if s.closed_reason != "service_inactive"])

    # ================================================================= re-reading: checks, events, reconnects

    def refresh(self, *, check: bool = False, catalog: bool = False) -> None:
        """Read the lokets (and this loket's waiting list) again; with ``check`` also the server's
        clock, renewing the login when it is due. Requests coalesce: one runs, one more may wait."""
        if self.session is None or self._stopped:
            return
        if self._refreshing:
            previous = self._refresh_again or (False, False)
            self._refresh_again = (previous[0] or check, previous[1] or catalog)
            return
        self._refreshing = True
        session, cid = self.session, self._counter_id
        want_catalog = catalog or self._catalog_stale or self.catalog is None
        renew_before = self.timings.renew_before
        client = self.client

        def work() -> Refreshed:
            renewed, server_time = None, None
            if check:
                server_time = client.health().server_time
                if server_time >= session.expires_at - renew_before:
                    renewed = client.renew()
            counters = client.counters()
            queue = client.counter_queue(cid) if cid is not None else None
            return Refreshed(counters, queue, client.catalog() if want_catalog else None, renewed, server_time)

        self.backend.run_task(work, self._on_refreshed, self._on_refresh_failed)

    def _refresh_done(self) -> None:
        self._refreshing = False
        again, self._refresh_again = self._refresh_again, None
        if again is not None:
            self.refresh(check=again[0], catalog=again[1])

    def _schedule_refresh(self) -> None:
        if not self._debounce_timer.isActive():
            self._debounce_timer.start(self.timings.debounce_ms)

    def _on_refreshed(self, result: Refreshed) -> None:
        self._set_online(True)
        if self.session is None:  # logged out while it ran
            self._refresh_done()
            return
        if result.server_time is not None:
            self.desk.set_clock_offset(result.server_time - datetime.now(UTC))
            self.server_checked.emit(result.server_time)
        if result.renewed is not None:
            log.info("login renewed until %s", result.renewed.expires_at.isoformat())
            self.session = result.renewed
            self.token_renewed.emit(result.renewed)
        if result.catalog is not None:
            self._apply_catalog(result.catalog)
        self.counters = result.counters
        self.desk.set_lokets(result.counters)
        self.counters_loaded.emit(result.counters)
        names = self.service_names()
        if self._counter_id is None:
            self.loket_screen.set_lokets(result.counters, names, self._username, self._is_manager())
            mine = next((c for c in result.counters
                         if c.staff == self._username and c.state is not CounterState.CLOSED), None)
            resume, self._resume_after_login = self._resume_after_login, False
            if mine is not None and resume and self.current_screen() == "loket" and not self.busy:
                # This officer already works here (an app restart, a second login): carry on,
                # with the ticket in hand as the server has it. Later, a loket opened in their
                # name elsewhere waits on this list for a tap: the screen never changes by itself.
                log.info("resuming at %s", mine.name)
                self._enter_desk(mine)
        else:
            mine = next((c for c in result.counters if c.id == self._counter_id), None)
            if mine is None or mine.state is CounterState.CLOSED or mine.staff != self._username:
                self._lose_loket(mine.name if mine is not None else str(self._counter_id))
            elif not self.busy and not self._loket_lost:
                # While a request runs its answer is newer than this read; it applies itself.
                self._apply_counter(mine)
                if result.queue is not None:
                    self._apply_queue(result.queue)
        self._refresh_done()

    def _on_refresh_failed(self, error: BaseException) -> None:
        self._refresh_done()
        if self.session is None:
            return
        if is_session_over(error):
            self._end_session(message_for_error(error))
        elif is_outage(error):
            self._set_online(False)
        elif isinstance(error, BackendError) and error.code == "counter_not_found":
            self._loket_gone(message_for_error(error))
        else:
            log.warning("re-reading the lokets failed: %s", error, exc_info=not isinstance(error, BackendError))

    def _on_check_timer_timeout(self) -> None:
        self.refresh(check=True)

    def _on_reconnect_timer_timeout(self) -> None:
        self.refresh(check=True)

    def _on_debounce_timer_timeout(self) -> None:
        self.refresh()

    # ================================================================= the event stream

    def _on_stream_event_received(self, event: Event) -> None:
        if self.session is None or event.type not in REFRESHING_EVENTS:
            return
        if event.type == EventType.CATALOG_CHANGED:
            self._catalog_stale = True
        if event.type == EventType.COUNTER_STATE:
            state = payload_of(event)
            if (isinstance(state, CounterStateEvent) and state.counter.id == self._counter_id
                    and state.changed_by and state.changed_by != self._username):
                self._taken_by = state
                self._lose_loket(state.counter.name)
        self._schedule_refresh()

    def _on_stream_state_changed(self, state: str) -> None:
        if self.session is None:
            return
        log.info("event stream %s", state)
        # Connected again after an outage: no need to wait for the next retry. Dropped: find out
        # now whether the server is gone, rather than at the next action.
        self.refresh(check=True)

    # ================================================================= the window and the unexpected

    def handle_exception(self, kind: type[BaseException], value: BaseException,
                         tb: TracebackType | None) -> None:
        """``sys.excepthook``: log it whole, say so calmly; never a traceback on screen."""
        self._crash_guard.handle(kind, value, tb)

    def _on_crash(self, _summary: str) -> None:
        self._set_busy(False)
        self._notify(message_for_code("unexpected"))


__all__ = ["CounterController", "CounterTimings", "Refreshed"]
