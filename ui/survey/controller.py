"""The survey tablet's one controller: it follows the server's events for its loket, offers the survey
of the ticket that loket just finished (``GET /survey/loket/{N}``), walks the citizen through the same
question screens as the kiosk, sends the answers once at the end and goes back to waiting.

An idle timeout in the middle of a survey discards it (nothing was sent) and shows the waiting screen;
the offer itself stays until the ticket answered (here or by phone), another ticket was finished at the
loket, or the server no longer offers it (its quarter of an hour passed), which a periodic check sees.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from core.client import BackendClient
from core.config import DeviceConfig
from core.errors import BackendStatusError
from core.models import Event, HeartbeatReply
from core.retry import RetryPolicy
from core.wire import SurveyAnswered, SurveyAnsweredEvent, SurveyForm, TicketEvent, TicketStatus, payload_of
from ui.i18n import Translations
from ui.kiosk.busy_screen import BusyScreen
from ui.kiosk.input_watch import IdleWatcher
from ui.kiosk.message_screen import MessageScreen
from ui.kiosk.messages import OFFLINE_BANNER, Way, message_for_code, message_for_error
from ui.kiosk.screen import Screen
from ui.kiosk.window import KioskWindow
from ui.shell.clock import SiteClock
from ui.shell.crash_guard import CrashGuard
from ui.shell.heartbeat import Heartbeat, device_report
from ui.shell.stream_bridge import EventStreamBridge
from ui.survey.steps import SurveyDraft
from ui.survey.survey_screen import SENDING, SurveyScreen
from ui.survey.thanks_screen import SurveyThanksScreen
from ui.survey.waiting_screen import SurveyWaitingScreen
from ui.tasks import TaskRunner
from ui.timers import later, stop_timers
from ui.widgets.banner import NoticeBanner
from ui.widgets.header import Header

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SurveyTimings:
    """How often and how long; tests shorten them."""

    heartbeat_interval_ms: int = 30_000
    offer_check_ms: int = 60_000      # ask the server again whether the offer still holds
    thanks_s: int = 8                 # back to waiting after the thanks
    stream_backoff: RetryPolicy = field(default_factory=lambda: RetryPolicy(base_delay=0.5, max_delay=15.0))


class SurveyTabletController(QObject):
    """Public API: ``start(size=None)``, ``stop()``, ``current_screen()``, ``handle_exception``, the
    attributes ``window``, ``waiting``, ``survey``, ``thanks``, ``message``, ``offer`` (the SurveyForm
    offered now, or None) and ``online``."""

    screen_changed = Signal(str)
    offer_changed = Signal(object)     # SurveyForm or None
    answered = Signal(object)          # SurveyAnswered
    online_changed = Signal(bool)

    def __init__(self, config: DeviceConfig, client: BackendClient, translations: Translations, *, loket: int,
                 windowed: bool = False, timings: SurveyTimings = SurveyTimings(),
                 now: Callable[[], datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.client = client
        self.translations = translations
        self.loket = loket
        self.timings = timings
        self.clock = SiteClock(now)
        self.offer: SurveyForm | None = None
        self._locked = False  # the office's lock, as the last heartbeat reply said: no survey is offered
        self._answering: SurveyForm | None = None   # the offer the citizen on the screen is answering
        self.online: bool | None = None
        self._loket_name = f"Loket {loket}"
        self._started_at = time.monotonic()
        self._last_error: str | None = None
        self._retry: Callable[[], None] | None = None
        self._stopped = False
        self._crash_guard = CrashGuard(self._on_crash)

        self.backend = TaskRunner("survey-backend", 1, self)  # one requests.Session: one thread
        self.header = Header(self.clock.now, survey=True)
        self.header.set_site("Mal Pelayanan Publik", "WIB")
        self.banner = NoticeBanner(translations, "OfflineBanner")
        self.stack = QStackedWidget()
        self.window = KioskWindow(self.header, self.banner, self.stack, windowed=windowed)
        self.window.setWindowTitle("Anjungan \u2014 Survei")
        self.waiting = SurveyWaitingScreen(translations)
        self.survey = SurveyScreen(translations)
        self.thanks = SurveyThanksScreen(translations)
        self.busy = BusyScreen(translations)
        self.message = MessageScreen(translations)
        self._screens: dict[str, Screen] = {}
        for screen in (self.waiting, self.survey, self.thanks, self.busy, self.message):
            self._screens[screen.name] = screen
            self.window.add_screen(screen)
        self.stream = EventStreamBridge(self)
        self.heartbeat = Heartbeat(client, self.backend, interval_ms=timings.heartbeat_interval_ms,
                                   describe=self._describe, parent=self)
        self.idle = IdleWatcher(config.idle_timeout_s * 1000, self, scope=self.window)
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(timings.offer_check_ms)
        self._connect()

    # ================================================================= wiring (each signal once)

    def _connect(self) -> None:
        self.header.language_chosen.connect(self._on_header_language_chosen)
        self.waiting.start_requested.connect(self._on_waiting_start_requested)
        self.survey.completed.connect(self._on_survey_completed)
        self.survey.back_requested.connect(self._on_survey_left)
        self.survey.cancel_requested.connect(self._on_survey_left)
        self.thanks.done_requested.connect(self._on_thanks_done_requested)
        self.message.way_chosen.connect(self._on_message_way_chosen)
        self.stream.event_received.connect(self._on_stream_event_received)
        self.heartbeat.answered.connect(self._on_heartbeat_answered)
        self.stream.state_changed.connect(self._on_stream_state_changed)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self._check_timer.timeout.connect(self._on_check_timer_timeout)

    # ================================================================= life

    def start(self, *, size: tuple[int, int] | None = None) -> None:
        """Show the tablet (full screen unless windowed), wait for the loket's next finished ticket."""
        lang = self.config.language if self.translations.available(self.config.language) else "id"
        self.translations.switch(lang)
        self.header.set_language(lang)
        self._show_waiting()
        QCoreApplication.instance().installEventFilter(self.idle)
        self.window.show_device(size or (800, 1280))
        self.heartbeat.start()
        self.stream.start(self.client, backoff=self.timings.stream_backoff)
        self._load_site()
        self._check_loket()
        self._check_timer.start()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        stop_timers(self, self.window)
        self.idle.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.stream.stop()
        self.backend.shutdown()
        self.window.close_for_good()
        self.client.close()

    def apply_config(self, config: DeviceConfig) -> None:
        """Settings saved in the technician setup, at once: the idle time, the name and place the heartbeat
        reports. The server address, the token and the language wait for the next start (the setup says so)."""
        self.config = dataclasses.replace(self.config, idle_timeout_s=config.idle_timeout_s,
                                          device_name=config.device_name, location=config.location)
        self.idle.set_timeout_ms(config.idle_timeout_s * 1000)

    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, Screen) else ""

    def _show(self, name: str) -> None:
        screen = self._screens[name]
        if self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)
            self.screen_changed.emit(name)

    def _in_survey(self) -> bool:
        return self.current_screen() in (SurveyScreen.name, BusyScreen.name, MessageScreen.name,
                                         SurveyThanksScreen.name)

    def _show_waiting(self) -> None:
        """Back between citizens: any unfinished answers are forgotten; the offer, if any, is shown."""
        self._answering = None
        self.survey.reset()
        self._retry = None
        self.idle.stop()
        if self._locked:
            self.waiting.show_locked()
        elif self.offer is not None:
            self.waiting.show_offer(self.offer.code, self._loket_name)
        else:
            self.waiting.show_waiting(self._loket_name)
        self._show(SurveyWaitingScreen.name)

    def _set_offer(self, form: SurveyForm | None) -> None:
        if form == self.offer:
            return
        self.offer = form
        log.info("survey %s", f"offered for ticket {form.code}" if form else "offer withdrawn")
        if not self._in_survey():
            self._show_waiting()
        self.offer_changed.emit(form)

    # ================================================================= the loket's finished ticket

    def _check_loket(self) -> None:
        if self._stopped or self._locked:
            return
        self.backend.run_task(lambda: self.client.survey_at_loket(self.loket), self._on_loket_checked,
                              self._on_loket_check_failed)

    def _on_loket_checked(self, form: SurveyForm) -> None:
        self._set_offer(form)

    def _on_loket_check_failed(self, error: BaseException) -> None:
        if isinstance(error, BackendStatusError) and error.status == 404:
            self._set_offer(None)  # nothing finished there lately waits for an answer
            return
        log.info("asking for loket %d's survey failed: %s", self.loket, error)

    def _on_check_timer_timeout(self) -> None:
        if not self._in_survey():
            self._check_loket()

    def _on_stream_event_received(self, event: Event) -> None:
        payload = payload_of(event)
        if isinstance(payload, TicketEvent):
            if payload.status is TicketStatus.DONE and payload.counter is not None \
                    and payload.counter.id == self.loket:
                self._loket_name = payload.counter.name
                self._check_loket()
        elif isinstance(payload, SurveyAnsweredEvent):
            here = payload.counter is not None and payload.counter.id == self.loket
            if here or (self.offer is not None and payload.code == self.offer.code):
                self._check_loket()

    def _on_heartbeat_answered(self, reply: HeartbeatReply) -> None:
        """The office locked or unlocked this tablet: a locked one offers nothing (its answers would be
        refused); a citizen in the middle of a survey is not interrupted."""
        if reply.locked == self._locked:
            return
        log.warning("the office %s this survey tablet", "locked" if reply.locked else "unlocked")
        self._locked = reply.locked
        if self._locked:
            self.offer = None
        if not self._in_survey():
            self._show_waiting()
        if not self._locked:
            self._check_loket()

    def _on_stream_state_changed(self, state: str) -> None:
        online = state == "connected"
        if online == self.online:
            return
        self.online = online
        if online:
            self.banner.clear()
            self._check_loket()  # a ticket may have been finished while the stream was down
        else:
            self.banner.show_text(OFFLINE_BANNER)
        self.online_changed.emit(online)

    def _load_site(self) -> None:
        self.backend.run_task(self.client.catalog, self._on_catalog_loaded, lambda error: None)

    def _on_catalog_loaded(self, catalog) -> None:
        site = catalog.site
        self.clock.use_zone(site.timezone, site.tz_label)
        self.header.set_site(site.name, site.tz_label)

    # ================================================================= the survey

    def _on_waiting_start_requested(self) -> None:
        if self.offer is None or self._locked:
            return
        self._answering = self.offer
        self.survey.begin(self.offer.code, self.offer.questions)
        self._show(SurveyScreen.name)
        self.idle.start()

    def _on_survey_left(self) -> None:
        self._show_waiting()

    def _on_survey_completed(self, draft: SurveyDraft) -> None:
        if self._answering is None:
            self._show_waiting()
            return
        self._send(draft.body(self._answering.ref))

    def _send(self, body: dict) -> None:
        def retry() -> None:
            self._send(body)

        self.busy.set_detail(SENDING)
        self._show(BusyScreen.name)
        self.idle.pause()
        self.backend.run_task(lambda: self.client.answer_survey(body), self._on_sent,
                              lambda error: self._on_send_failed(error, retry))

    def _on_sent(self, answered: SurveyAnswered) -> None:
        log.info("survey answered at loket %d (response %d)", self.loket, answered.id)
        answered_offer = self.offer is not None and self.offer == self._answering
        if answered_offer:
            self.offer = None
        self._answering = None
        self.survey.reset()
        self._show(SurveyThanksScreen.name)
        self.idle.stop()
        later(self, self.timings.thanks_s * 1000, self._on_thanks_elapsed)
        self.answered.emit(answered)
        if answered_offer:
            self.offer_changed.emit(None)

    def _on_send_failed(self, error: BaseException, retry: Callable[[], None]) -> None:
        log.warning("sending the survey failed: %s", error)
        message = message_for_error(error)
        if message.retryable:
            self._retry = retry
        else:
            self._retry = None
            message = message if message.code.startswith("survey_") else message_for_code("unexpected")
        # The tablet has no keypad for a code: every way but "try again" leads back to waiting.
        ways = tuple(way for way in message.ways if way in (Way.RETRY, Way.HOME)) or (Way.HOME,)
        self.message.show_message(dataclasses.replace(message, ways=ways))
        self._show(MessageScreen.name)
        self.idle.resume()

    def _on_message_way_chosen(self, way: str) -> None:
        if way == Way.RETRY.value and self._retry is not None:
            self._retry()
            return
        self._show_waiting()
        self._check_loket()

    def _on_thanks_elapsed(self) -> None:
        if self.current_screen() == SurveyThanksScreen.name:
            self._on_thanks_done_requested()

    def _on_thanks_done_requested(self) -> None:
        self.set_language(self.config.language)
        self._show_waiting()
        self._check_loket()

    def _on_idle_timed_out(self) -> None:
        if self.current_screen() in (SurveyScreen.name, MessageScreen.name):
            log.info("idle for %d s in the survey: discarded, nothing sent", self.config.idle_timeout_s)
            self.set_language(self.config.language)
            self._show_waiting()

    # ================================================================= language, heartbeat, the unexpected

    def set_language(self, lang: str) -> None:
        if not self.translations.available(lang):
            lang = "id"
        self.translations.switch(lang)
        self.header.set_language(lang)

    def _on_header_language_chosen(self, lang: str) -> None:
        self.set_language(lang)

    def _describe(self) -> dict[str, object]:
        return device_report(self._started_at, last_error=self._last_error, screen=self.current_screen(),
                             name=self.config.device_name)

    def handle_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: log it whole; back to waiting, never a traceback."""
        self._crash_guard.handle(kind, value, tb)

    def _on_crash(self, summary: str) -> None:
        self._last_error = f"unexpected: {summary}"[:300]
        self._show_waiting()


__all__ = ["SurveyTabletController", "SurveyTimings"]
