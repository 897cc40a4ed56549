"""The hall board's one controller: it owns the backend client, the event follower, the voice and
the timers, keeps the board's state, and tells the board what to show.

The board learns today's calls from ``GET /calls/recent`` at start (a restarted board shows them
again, from the server, not from memory) and follows ``GET /events`` from the event that answer
names; it learns the lokets from ``GET /counters`` at start and after every reconnect. The follower
resumes with ``Last-Event-ID``, so calls made while the board was cut off arrive, in order, when it
is back. A ticket transferred, put back in the queue or cancelled leaves the calls; a loket on a
break or closed leaves the big panel (see ``BoardState.shown``). Each call is shown at once and queued for the
voice; a call older than ``stale_call_s`` (server time) is shown but not spoken, so a long outage
does not end in minutes of stale announcements.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from core.announce import Announcement, call_sentence
from core.client import BackendClient
from core.config import DeviceConfig
from core.errors import BackendStatusError
from core.models import Catalog, Counter, Event, HeartbeatReply, Site
from core.retry import RetryPolicy
from core.wire import DayExpired, EventType, RecentCalls, payload_of
from ui.display.board_screen import BoardScreen
from ui.display.board_state import CALL_EVENTS, NO_LONGER_CALLED, BoardState, Call, Loket, withdrawn_ticket
from ui.display.voice import Outcome, VoiceCaller
from ui.display.window import BoardWindow
from ui.i18n import Text, Translations
from ui.shell.clock import SiteClock
from ui.shell.crash_guard import CrashGuard
from ui.shell.heartbeat import Heartbeat, device_report
from ui.shell.stream_bridge import EventStreamBridge
from ui.tasks import TaskRunner
from ui.timers import stop_timers

log = logging.getLogger(__name__)

CONTEXT = "DisplayController"
OFFLINE_NOTICE = Text(QT_TRANSLATE_NOOP(
    "DisplayController", "Papan tidak terhubung ke server. Panggilan akan tampil setelah "
                         "tersambung kembali."), context=CONTEXT)
DEFAULT_RUNNING_TEXT = QT_TRANSLATE_NOOP(
    "DisplayController", "Selamat datang di Mal Pelayanan Publik. Siapkan dokumen persyaratan Anda dan "
                         "perhatikan nomor antrean yang dipanggil.")

VOICE_TEST_CODE, VOICE_TEST_LOKET = "A-123", "Loket 3"   # the sample of the README: "…seratus dua puluh tiga…"


@dataclass(frozen=True)
class DisplayTimings:
    """How often and how long; tests shorten them."""

    heartbeat_interval_ms: int = 30_000
    offline_grace_ms: int = 3_000       # a reconnect quicker than this shows no banner
    snapshot_retry_ms: int = 5_000
    day_check_ms: int = 60_000
    stale_call_s: float = 120.0
    history: int = 12                   # calls kept; the board shows the latest and ``recent_rows``
    recent_rows: int = 6
    flash_ms: int = 450
    flashes: int = 4
    stream_backoff: RetryPolicy = field(default_factory=lambda: RetryPolicy(base_delay=0.5, max_delay=15.0))


class DisplayController(QObject):
    """Public API: ``start(size=None)``, ``stop()``, ``handle_exception(type, value, tb)`` (the app's
    ``sys.excepthook``), the attributes ``window``, ``board``, ``voice``, ``state`` (calls and
    lokets), ``online`` (None until the first connection or failure), ``site``, and the properties
    ``last_event_id`` and ``server_clock_offset``."""

    call_shown = Signal(object)          # Call: on the board now (and queued for the voice unless stale)
    lokets_changed = Signal(object)      # tuple[Loket, ...]: the grid as shown now
    online_changed = Signal(bool)        # the event stream is connected (True) or lost (False)
    site_loaded = Signal(object)         # core.models.Site
    heartbeat_answered = Signal(object)  # core.models.HeartbeatReply

    def __init__(self, config: DeviceConfig, client: BackendClient, translations: Translations, *,
                 voice: VoiceCaller | None = None, windowed: bool = False,
                 timings: DisplayTimings = DisplayTimings(), now: Callable[[], datetime] | None = None,
                 resume_from: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.client = client
        self.translations = translations
        self.timings = timings
        self.online: bool | None = None
        self.site: Site | None = None
        self.clock = SiteClock(now)
        self._started_at = time.monotonic()
        self._resume_from = resume_from
        self._stream_connected = False
        self._snapshot_pending = False
        self._last_error: str | None = None
        self._day: date | None = None
        self._handled_seq: int | None = resume_from  # the newest event this board has acted on
        self._crash_guard = CrashGuard(self._on_crash)
        self._stopped = False

        self.state = BoardState(config.lokets, keep=timings.history)
        self.backend = TaskRunner("display-backend", 1, self)  # one requests.Session: one thread
        self.voice = voice if voice is not None else VoiceCaller(parent=self)
        self.voice.set_enabled(config.voice)
        self.voice.set_volume(config.volume)
        self.board = BoardScreen(translations, self.clock.now, recent_rows=timings.recent_rows,
                                 flash_ms=timings.flash_ms, flashes=timings.flashes)
        self.window = BoardWindow(self.board, windowed=windowed)
        self.stream = EventStreamBridge(self)
        self.heartbeat = Heartbeat(client, self.backend, interval_ms=timings.heartbeat_interval_ms,
                                   describe=self._describe, parent=self)
        self._offline_timer = QTimer(self)
        self._offline_timer.setSingleShot(True)
        self._snapshot_timer = QTimer(self)
        self._snapshot_timer.setSingleShot(True)
        self._day_timer = QTimer(self)
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._connect()
        self._apply_running_text()

    # ================================================================= wiring (each signal once)

    def _connect(self) -> None:
        self.stream.event_received.connect(self._on_stream_event_received)
        self.stream.state_changed.connect(self._on_stream_state_changed)
        self.heartbeat.answered.connect(self._on_heartbeat_answered)
        self.heartbeat.failed.connect(self._on_heartbeat_failed)
        self.voice.started.connect(self._on_voice_started)
        self.voice.finished.connect(self._on_voice_finished)
        self.voice.failed.connect(self._on_voice_failed)
        self._offline_timer.timeout.connect(self._on_offline_timer_timeout)
        self._snapshot_timer.timeout.connect(self._on_snapshot_timer_timeout)
        self._day_timer.timeout.connect(self._on_day_timer_timeout)
        self._history_timer.timeout.connect(self._on_history_timer_timeout)

    # ================================================================= life

    def start(self, *, size: tuple[int, int] | None = None) -> None:
        """Show the board (full screen unless windowed), load the site and the lokets, follow events."""
        lang = self.config.language if self.translations.available(self.config.language) else "id"
        self.translations.switch(lang)
        self.window.show_device(size or (1280, 720))
        self._day = self.clock.now().date()
        self._load_site()
        self._request_snapshot()
        self.heartbeat.start()
        if self._resume_from is None:
            self._load_todays_calls()   # the stream starts where that answer ends
        else:
            self._start_stream(self._resume_from)
        self._day_timer.start(self.timings.day_check_ms)

    def _start_stream(self, last_event_id: int | None) -> None:
        if self._stopped or self.stream.running:
            return
        self.stream.start(self.client, last_event_id=last_event_id, backoff=self.timings.stream_backoff)

    def apply_config(self, config: DeviceConfig) -> None:
        """Settings saved in the technician setup, at once: the lokets shown, the voice, its volume,
        the running text, the name the heartbeat reports. The server address, the token and the
        language are used from the next start (the setup says so and offers the restart)."""
        before = self.config
        self.config = dataclasses.replace(before, lokets=config.lokets, voice=config.voice, volume=config.volume,
                                          running_text=config.running_text, device_name=config.device_name,
                                          location=config.location)
        self.voice.set_enabled(config.voice)
        self.voice.set_volume(config.volume)
        self._apply_running_text()
        if frozenset(config.lokets) != self.state.filter:
            self.state.set_filter(config.lokets)
            self._show_calls()
            self._show_lokets()
            self._request_snapshot()
            self._load_todays_calls()
        log.info("display settings applied: lokets %s, voice %s, volume %d",
                 ",".join(map(str, config.lokets)) or "all", "on" if config.voice else "off", config.volume)

    def stop(self) -> None:
        """Stop following and speaking, let running work end, close the window (once)."""
        if self._stopped:
            return
        self._stopped = True
        stop_timers(self, self.window)   # a timer firing later would call the runner shut down here
        self.stream.stop()
        self.voice.shutdown()
        self.backend.shutdown()
        self.window.close_for_good()
        self.client.close()

    @property
    def last_event_id(self) -> int | None:
        seen = self.stream.last_event_id
        return seen if seen is not None else self._resume_from

    @property
    def server_clock_offset(self) -> timedelta | None:
        """Server time minus this machine's, from the last heartbeat; None before the first answer."""
        return self.heartbeat.server_offset

    # ================================================================= the event stream

    def _on_stream_state_changed(self, state: str) -> None:
        if self._stopped:
            return  # the follower says goodbye after stop(): nothing to show any more
        connected = state == "connected"
        self._stream_connected = connected
        if connected:
            self._offline_timer.stop()
            self._set_online(True)
            # After a reconnect the grid is fetched again; the missed events replay meanwhile.
            self._request_snapshot()
            if self.site is None:
                self._load_site()
        elif not self._offline_timer.isActive() and self.online is not False:
            self._offline_timer.start(self.timings.offline_grace_ms)

    def _on_offline_timer_timeout(self) -> None:
        if not self._stream_connected:
            self._set_online(False)

    def _set_online(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        self.board.set_notice(None if online else OFFLINE_NOTICE)
        log.log(logging.INFO if online else logging.WARNING, "event stream %s",
                "connected" if online else "lost: showing the offline notice")
        self.online_changed.emit(online)

    def _on_stream_event_received(self, event: Event) -> None:
        if self._stopped:
            return
        self._handled_seq = max(self._handled_seq or 0, event.seq)
        withdrawn = withdrawn_ticket(event)
        if event.type in CALL_EVENTS:
            self._show_call(event)
        elif withdrawn is not None:
            if self.state.withdraw(withdrawn, event.seq):
                log.info("event %d: ticket %d is no longer called where it was; it leaves the board",
                         event.seq, withdrawn)
                self._show_calls()
        elif event.type == EventType.COUNTER_STATE:
            loket = Loket.from_event(event)
            if loket is not None and self.state.apply_loket(loket):
                self._show_lokets()
                self._show_calls()
        elif event.type == EventType.CATALOG_CHANGED:
            self._load_site()
            self._request_snapshot()
        elif event.type == EventType.TODAY_CHANGED:
            self._load_site()  # the office's running text for today may have changed
        elif isinstance(payload_of(event), DayExpired):
            self._request_snapshot()  # the day's leftovers left their lokets without a counter event

    def _show_call(self, event: Event) -> None:
        call = Call.from_event(event)
        if call is None:
            log.warning("event %d (%s) names no ticket or loket; skipped", event.seq, event.type)
            return
        if not self.state.add_call(call):
            return  # another loket's call, or one already on the board
        self._show_calls(fresh=call)
        self._show_lokets()
        fresh = self._is_fresh(call)
        if fresh:
            self.voice.call(call.code, call.loket, recall=call.recall)
        self._log_call(call, "voice on" if fresh and self.voice.is_enabled() else
                       "voice off" if fresh else f"not spoken, called at {call.at.isoformat()}")
        self.call_shown.emit(call)

    @staticmethod
    def _log_call(call: Call, how: str) -> None:
        """One line per call: its code, loket and the sentence the hall hears (no personal data)."""
        try:
            sentence = call_sentence(call.code, call.loket, recall=call.recall).spoken
        except (TypeError, ValueError) as exc:
            sentence = f"(cannot be read aloud: {exc})"
        log.info("%s %s to %s (%s): %s", "recall" if call.recall else "call", call.code, call.loket, how,
                 sentence)

    def _show_calls(self, fresh: Call | None = None) -> None:
        latest, earlier = self.state.shown()
        self.board.show_latest_and_earlier(latest, earlier, fresh)

    def _is_fresh(self, call: Call) -> bool:
        offset = self.heartbeat.server_offset
        if offset is None:
            return True  # no idea of the server's time yet: speak rather than stay silent
        server_now = datetime.now(UTC) + offset
        return (server_now - call.at).total_seconds() <= self.timings.stale_call_s

    def _show_lokets(self) -> None:
        lokets = self.state.lokets
        self.board.set_lokets(lokets)
        self.lokets_changed.emit(lokets)

    # ================================================================= requests (one backend thread)

    def _request_snapshot(self) -> None:
        if self._snapshot_pending:
            return  # the answer on its way was asked for before any event it could miss
        self._snapshot_pending = True
        mark = self.state.snapshot_started()
        self.backend.run_task(self.client.counters, lambda counters: self._on_counters_loaded(counters, mark),
                              self._on_counters_failed)

    def _on_counters_loaded(self, counters: list[Counter], mark: int) -> None:
        self._snapshot_pending = False
        self.state.apply_snapshot(counters, mark)
        self._show_lokets()
        self._show_calls()

    def _load_todays_calls(self) -> None:
        lokets = tuple(sorted(self.state.filter))
        self.backend.run_task(lambda: self.client.recent_calls(self.timings.history, lokets),
                              self._on_todays_calls_loaded, self._on_todays_calls_failed)

    def _on_todays_calls_loaded(self, answer: RecentCalls) -> None:
        """Today's calls from the server, not spoken. Those newer than the events this board acted on
        come by the stream (spoken if still fresh); the stream starts after the answer's last event."""
        upto = self._handled_seq if self.stream.running and self._handled_seq is not None else answer.last_event_id
        known: list[tuple[Call, bool]] = []
        for recent in answer.calls:
            call = Call.from_event(recent.event)
            if call is not None and call.seq <= upto:
                known.append((call, recent.status_now not in NO_LONGER_CALLED))
        if self.state.merge_calls(known):
            self._show_calls()
            latest, earlier = self.state.shown()
            log.info("today's calls from the server: %s on the big panel, %d earlier",
                     latest.code if latest else "none", len(earlier))
        if not self.stream.running:
            self._handled_seq = answer.last_event_id
            self._start_stream(answer.last_event_id)

    def _on_history_timer_timeout(self) -> None:
        self._load_todays_calls()

    def _on_todays_calls_failed(self, error: BaseException) -> None:
        if isinstance(error, BackendStatusError) and error.status == 404:
            log.warning("the server cannot list today's calls (older server): the board starts empty")
            self._start_stream(None)
            return
        log.warning("could not load today's calls: %s", error)
        if self.stream.running:
            return   # a board that follows events already has its calls
        if not self._offline_timer.isActive() and self.online is not False:
            self._offline_timer.start(self.timings.offline_grace_ms)
        self._history_timer.start(self.timings.snapshot_retry_ms)

    def _on_counters_failed(self, error: BaseException) -> None:
        self._snapshot_pending = False
        log.warning("could not load the lokets: %s", error)
        if self._stream_connected:
            self._snapshot_timer.start(self.timings.snapshot_retry_ms)

    def _on_snapshot_timer_timeout(self) -> None:
        self._request_snapshot()

    def _load_site(self) -> None:
        self.backend.run_task(self.client.catalog, self._on_catalog_loaded, self._on_catalog_failed)

    def _on_catalog_loaded(self, catalog: Catalog) -> None:
        site = catalog.site
        self.site = site
        self.clock.use_zone(site.timezone, site.tz_label)
        self.board.set_site(site.name, site.tz_label)
        self._apply_running_text()
        self.site_loaded.emit(site)

    def _on_catalog_failed(self, error: BaseException) -> None:
        log.warning("could not load the site's catalog: %s", error)

    def _apply_running_text(self) -> None:
        """The office's text for today, else the config's, else the site's (when the catalog carries
        one), else a welcome."""
        site_text = str(getattr(self.site, "running_text", "") or "")
        today_text = str(getattr(self.site, "running_text_today", "") or "")
        text = (today_text.strip() or self.config.running_text.strip() or site_text.strip()
                or QCoreApplication.translate(CONTEXT, DEFAULT_RUNNING_TEXT))
        self.board.set_running_text(text)

    def _describe(self) -> dict[str, object]:
        """This board for the heartbeat: no printer, the latest error, always the board on screen."""
        return device_report(self._started_at, last_error=self._last_error, screen="board",
                             name=self.config.device_name)

    def _on_heartbeat_answered(self, reply: HeartbeatReply) -> None:
        self.heartbeat_answered.emit(reply)  # "locked" is for kiosks; a board keeps showing

    def _on_heartbeat_failed(self, error: BaseException) -> None:
        log.info("heartbeat failed: %s", error)

    # ================================================================= the voice

    def _on_voice_started(self, code: str) -> None:
        self.board.set_speaking(code)

    def _on_voice_finished(self, code: str) -> None:
        self.board.set_speaking(None)

    def _on_voice_failed(self, code: str, reason: str) -> None:
        self._last_error = f"voice {code}: {reason}"

    def test_voice(self, on_done: Outcome) -> Announcement | None:
        """The technician's voice test: a sample call through this board's own voice, after any call
        being read; ``on_done(outcome, reason)`` says whether it was heard (see ui.display.voice)."""
        log.info("voice test: a sample call to %s", VOICE_TEST_LOKET)
        return self.voice.call(VOICE_TEST_CODE, VOICE_TEST_LOKET, on_done=on_done)

    # ================================================================= the day

    def _on_day_timer_timeout(self) -> None:
        today = self.clock.now().date()
        if today != self._day:
            self._day = today
            log.info("a new day (%s): yesterday's calls leave the board", today.isoformat())
            self.state.clear_calls()
            self._show_calls()
            self._request_snapshot()

    # ================================================================= the unexpected

    def handle_exception(self, kind: type[BaseException], value: BaseException,
                         tb: TracebackType | None) -> None:
        """``sys.excepthook``: log it whole; the board keeps showing what it has, never a traceback."""
        self._crash_guard.handle(kind, value, tb)

    def _on_crash(self, summary: str) -> None:
        self._last_error = summary


__all__ = ["DisplayController", "DisplayTimings", "OFFLINE_NOTICE"]
