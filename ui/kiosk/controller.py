"""The kiosk's one controller: it owns the backend clients, the print service, the task pools and
the stack of screens. Screens emit intents (``service_chosen``, ``code_submitted``…); the controller
decides what happens, runs the work off the GUI thread and shows the outcome.

"Saya sudah booking" checks a booking in (its QR scanned, or its code and the NIK's last four digits
typed): inside its window the ticket is issued and printed like any other; too late, a walk-in ticket of
its service is offered when one can still be issued.

"Isi Survei" takes a served ticket (its QR scanned or its code typed) through the SKM survey; the
answers stay on the screen until the last step sends them, so an idle timeout or a cancel sends nothing.

The kiosk stops offering tickets (an out-of-service screen instead of home) while its printer is known
to be out of paper or offline, unless the config allows screen-only tickets, and while the office has
locked it; it comes back by itself, at the next printer check or heartbeat.

Two backend clients, each on its own one-thread pool (a requests.Session must not be shared by
threads): ``client`` for what a citizen waits for (tickets, look-ups), ``monitor`` for background
checks (health, catalog, print reports, heartbeat), so a slow check never delays a tap.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from core.client import BackendClient
from core.config import DeviceConfig
from core.errors import BackendStatusError
from core.models import Agency, Catalog, HeartbeatReply, Priority, PublicTicket, Ticket
from core.retry import RetryPolicy
from core.rules import normalise_code
from core.ui_text import ScanTarget, keypad_letters, parse_scan
from core.wire import SurveyAnswered, SurveyForm
from printing.receipt import Branding
from printing.service import PrintResult, PrintService
from printing.status import PaperState, PrinterState
from ui.i18n import Text, Translations
from ui.kiosk.agencies_screen import AgenciesScreen
from ui.kiosk.booking_screen import BookingScreen
from ui.kiosk.busy_screen import BusyScreen
from ui.kiosk.home_screen import HomeScreen
from ui.kiosk.input_watch import IdleWatcher, ScannerFilter
from ui.kiosk.message_screen import MessageScreen
from ui.kiosk.messages import OFFLINE_BANNER, Message, Way, message_for_closed, message_for_code, message_for_error
from ui.kiosk.out_of_service_screen import LOCKED, OutOfServiceScreen
from ui.kiosk.printer_watch import PrinterWatch
from ui.kiosk.priority_screen import PriorityScreen
from ui.kiosk.screen import Screen
from ui.kiosk.services_screen import ServicesScreen
from ui.kiosk.status_entry_screen import StatusEntryScreen
from ui.kiosk.status_screen import StatusScreen
from ui.kiosk.survey_entry_screen import SurveyEntryScreen
from ui.kiosk.ticket_printing import TicketPrinting
from ui.kiosk.ticket_screen import FAILED, PRINTED, TicketScreen
from ui.kiosk.window import KioskWindow
from ui.shell.clock import SiteClock
from ui.shell.crash_guard import CrashGuard
from ui.shell.heartbeat import device_report
from ui.shell.printer_causes import printer_cause_text
from ui.shell.printer_jobs import PrinterJobs
from ui.shell.server_watch import ServerWatch, is_outage
from ui.survey.steps import SurveyDraft
from ui.survey.survey_screen import SENDING, SurveyScreen
from ui.survey.thanks_screen import SurveyThanksScreen
from ui.tasks import TaskRunner
from ui.timers import later, stop_timers
from ui.widgets.banner import NoticeBanner
from ui.widgets.header import Header

log = logging.getLogger(__name__)

BUSY_ISSUE = Text(QT_TRANSLATE_NOOP("KioskController", "Sedang mengambil nomor antrean untuk Anda."),
                  context="KioskController")
BUSY_LOOKUP = Text(QT_TRANSLATE_NOOP("KioskController", "Sedang mencari tiket Anda."), context="KioskController")
BUSY_CHECK_IN = Text(QT_TRANSLATE_NOOP("KioskController", "Sedang memeriksa booking Anda."),
                     context="KioskController")
BUSY_CATALOG = Text(QT_TRANSLATE_NOOP("KioskController", "Sedang memuat daftar layanan."),
                    context="KioskController")


@dataclass(frozen=True)
class KioskTimings:
    """How often and how long; tests shorten them."""

    health_interval_ms: int = 5000
    catalog_interval_ms: int = 15000
    heartbeat_interval_ms: int = 30000
    printer_poll_ms: int = 10000      # the printer's status check, off the GUI thread
    ticket_home_s: int = 15           # back home after a printed ticket
    ticket_home_failed_s: int = 60    # longer when the citizen must show the screen to an officer
    report_retry_ms: tuple[int, ...] = (1000, 3000, 10000, 30000, 60000)
    scanner_gap_ms: int = 80
    survey_thanks_s: int = 10         # back home after the survey's thanks


def _background_client(client: BackendClient) -> BackendClient:
    """A second client to the same server for background checks: one try, short timeouts."""
    return BackendClient(client.base_url, client.token, connect_timeout=2.0, read_timeout=5.0,
                         retry=RetryPolicy(max_attempts=1))


class KioskController(QObject):
    """Public API: ``start()``, ``stop()``, ``go_home()``, ``set_language(lang)``, ``current_screen()``,
    ``screen(name)``, ``handle_exception(type, value, tb)`` (the app's ``sys.excepthook``), and the
    attributes ``window``, ``stack``, ``catalog``, ``online``."""

    screen_changed = Signal(str)          # the name of the screen now shown
    language_changed = Signal(str)        # "id" or "en"
    online_changed = Signal(bool)         # the server answers (True) or not (False)
    catalog_loaded = Signal(object)       # Catalog
    ticket_issued = Signal(object)        # Ticket
    print_finished = Signal(object, object)  # Ticket, PrintResult
    print_reported = Signal(object)       # Ticket as the server recorded its print state
    status_found = Signal(object)         # Ticket or PublicTicket
    survey_opened = Signal(object)        # SurveyForm: the ticket's survey is on the screen
    survey_answered = Signal(object)      # SurveyAnswered: the server stored the answers
    failure_shown = Signal(str)           # the code of the message shown
    service_changed = Signal(str)         # why the kiosk is out of service ("locked", "paper_out",
                                          # "printer_offline"), or "" when it offers tickets again

    def __init__(self, config: DeviceConfig, client: BackendClient, printer: PrintService | None,
                 translations: Translations, *, monitor: BackendClient | None = None, windowed: bool = False,
                 timings: KioskTimings = KioskTimings(), now: Callable[[], datetime] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.client = client
        self.monitor = monitor or _background_client(client)
        self.printer = printer
        self.translations = translations
        self.timings = timings
        self.clock = SiteClock(now)
        self._started_at = time.monotonic()

        # The citizen's requests and background checks: each one thread. The printer's jobs go to its
        # one queue in this process, which the technician's printer page and diagnostics share.
        self.backend = TaskRunner("backend", 1, self)
        self.background = TaskRunner("background", 1, self)
        self.printer_jobs = PrinterJobs(printer.settings.printer, parent=self) if printer is not None else None
        self._printer_paused = False

        self._history: list[str] = []
        self._busy = False
        self._retry: Callable[[], None] | None = None
        self._agency_id: str | None = None
        self._service_id = ""
        self._crash_guard = CrashGuard(self._on_crash)
        self._locked = False               # the office's lock, as the last heartbeat reply said
        self._out_of_service = ""          # the reason last announced by service_changed
        self._last_error: str | None = None
        self._entry = "status_entry"       # where "Masukkan kode lagi" leads: status, survey or booking entry
        self._survey_form: SurveyForm | None = None
        self._walk_in_service = ""         # the service of a booking too late to check in, if walk-in is possible

        header = Header(self.clock.now)
        header.set_site("Mal Pelayanan Publik", "WIB")  # until the catalog names the site
        self.banner = NoticeBanner(translations, "OfflineBanner")
        self.stack = QStackedWidget()
        self.header = header
        self.window = KioskWindow(header, self.banner, self.stack, windowed=windowed)
        self.home = HomeScreen(translations)
        self.agencies = AgenciesScreen(translations)
        self.services = ServicesScreen(translations)
        self.priority = PriorityScreen(translations)
        self.busy = BusyScreen(translations)
        self.ticket = TicketScreen(translations)
        self.status_entry = StatusEntryScreen(translations)
        self.status = StatusScreen(translations)
        self.message = MessageScreen(translations)
        self.out_of_service = OutOfServiceScreen(translations)
        self.survey_entry = SurveyEntryScreen(translations)
        self.survey = SurveyScreen(translations)
        self.survey_thanks = SurveyThanksScreen(translations)
        self.booking = BookingScreen(translations)
        self._screens: dict[str, Screen] = {}
        for screen in (self.home, self.agencies, self.services, self.priority, self.busy, self.ticket,
                       self.status_entry, self.status, self.message, self.out_of_service, self.survey_entry,
                       self.survey, self.survey_thanks, self.booking):
            self._screens[screen.name] = screen
            self.window.add_screen(screen)

        self.scanner = ScannerFilter(self, scope=self.window, max_gap_ms=timings.scanner_gap_ms)
        self.idle = IdleWatcher(config.idle_timeout_s * 1000, self, scope=self.window)
        self.printing = TicketPrinting(printer, self.printer_jobs, self.monitor, self.background,
                                       report_retry_ms=timings.report_retry_ms, parent=self)
        self.watch = ServerWatch(self.monitor, self.background, health_ms=timings.health_interval_ms,
                                 catalog_ms=timings.catalog_interval_ms, heartbeat_ms=timings.heartbeat_interval_ms,
                                 describe=self._describe, parent=self)
        self.printer_watch = PrinterWatch(printer, self.printer_jobs, interval_ms=timings.printer_poll_ms,
                                          parent=self)
        self._connect()

    # ================================================================= wiring (each signal once)

    def _connect(self) -> None:
        self.header.language_chosen.connect(self._on_header_language_chosen)
        self.home.ticket_requested.connect(self._on_home_ticket_requested)
        self.home.status_requested.connect(self._on_home_status_requested)
        self.agencies.agency_chosen.connect(self._on_agencies_agency_chosen)
        self.agencies.back_requested.connect(self._on_screen_back_requested)
        self.agencies.home_requested.connect(self._on_screen_home_requested)
        self.services.service_chosen.connect(self._on_services_service_chosen)
        self.services.closed_service_chosen.connect(self._on_services_closed_service_chosen)
        self.services.back_requested.connect(self._on_screen_back_requested)
        self.services.home_requested.connect(self._on_screen_home_requested)
        self.priority.priority_chosen.connect(self._on_priority_priority_chosen)
        self.priority.back_requested.connect(self._on_screen_back_requested)
        self.priority.home_requested.connect(self._on_screen_home_requested)
        self.ticket.reprint_requested.connect(self._on_ticket_reprint_requested)
        self.ticket.done_requested.connect(self._on_screen_home_requested)
        self.ticket.countdown_finished.connect(self._on_ticket_countdown_finished)
        self.status_entry.code_submitted.connect(self._on_status_entry_code_submitted)
        self.status_entry.back_requested.connect(self._on_screen_back_requested)
        self.status_entry.home_requested.connect(self._on_screen_home_requested)
        self.status.another_requested.connect(self._on_status_another_requested)
        self.status.home_requested.connect(self._on_screen_home_requested)
        self.message.way_chosen.connect(self._on_message_way_chosen)
        self.out_of_service.status_requested.connect(self._on_out_of_service_status_requested)
        self.home.survey_requested.connect(self._on_home_survey_requested)
        self.survey_entry.code_submitted.connect(self._on_survey_entry_code_submitted)
        self.survey_entry.back_requested.connect(self._on_screen_back_requested)
        self.survey_entry.home_requested.connect(self._on_screen_home_requested)
        self.survey.completed.connect(self._on_survey_completed)
        self.survey.back_requested.connect(self._on_screen_back_requested)
        self.survey.cancel_requested.connect(self._on_screen_home_requested)
        self.survey_thanks.done_requested.connect(self._on_screen_home_requested)
        self.home.booking_requested.connect(self._on_home_booking_requested)
        self.booking.check_in_requested.connect(self._on_booking_check_in_requested)
        self.booking.back_requested.connect(self._on_screen_back_requested)
        self.booking.home_requested.connect(self._on_screen_home_requested)
        self.scanner.scanned.connect(self._on_scanner_scanned)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        self.printing.finished.connect(self._on_printing_finished)
        self.printing.reported.connect(self.print_reported)
        self.watch.online_changed.connect(self._on_watch_online_changed)
        self.watch.catalog_loaded.connect(self._on_watch_catalog_loaded)
        self.watch.heartbeat_answered.connect(self._on_watch_heartbeat_answered)
        self.printer_watch.changed.connect(self._on_printer_watch_changed)
        self.printer_watch.error_noted.connect(self._on_printer_watch_error_noted)

    # ================================================================= life

    def start(self, *, size: tuple[int, int] | None = None) -> None:
        """Show the window (full screen unless windowed), go home, begin the background checks."""
        self.set_language(self.config.language)
        self.go_home()
        app = QCoreApplication.instance()
        app.installEventFilter(self.scanner)
        app.installEventFilter(self.idle)  # installed last, sees events first: the scanner eats keys
        self.window.show_device(size or (1280, 800))
        self.watch.start()
        self.printer_watch.start()

    def stop(self) -> None:
        """Stop timers and filters, let running work end; the window closes. Every timer of the
        controller and its screens stops first: one firing later would call a runner shut down here."""
        stop_timers(self, self.window)
        self.watch.stop()
        self.printer_watch.stop()
        self.idle.stop()
        self.ticket.stop_countdown()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
            app.removeEventFilter(self.idle)
        for runner in (self.backend, self.background):
            runner.shutdown()
        if self.printer_jobs is not None:
            self.printer_jobs.shutdown()
        self.set_printer_paused(False)  # the queue outlives this kiosk: never leave it held
        self.window.close_for_good()
        for client in {id(self.client): self.client, id(self.monitor): self.monitor}.values():
            client.close()

    def set_printer_paused(self, paused: bool) -> None:
        """Hold this kiosk's prints and status checks while the technician works on the printer (the
        technician's own test prints still run); they run in order once it is released."""
        if self.printer_jobs is None or paused == self._printer_paused:
            return
        self._printer_paused = paused
        if paused:
            self.printer_jobs.queue.pause()
        else:
            self.printer_jobs.queue.resume()

    # ================================================================= queries

    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, Screen) else ""

    def screen(self, name: str) -> Screen:
        return self._screens[name]

    def is_busy(self) -> bool:
        return self._busy

    @property
    def catalog(self) -> Catalog | None:
        """The latest catalog from the server (None until the first arrives)."""
        return self.watch.catalog

    @property
    def online(self) -> bool | None:
        """Whether the server answers (None until known)."""
        return self.watch.online

    # ================================================================= navigation

    def _show(self, name: str, *, remember: bool = True) -> None:
        """Show a screen; ``remember`` puts it on the way back (busy and message screens are not)."""
        if remember:
            if name in self._history:
                del self._history[self._history.index(name) + 1:]
            else:
                self._history.append(name)
        screen = self._screens[name]
        if self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)
            self.screen_changed.emit(name)

    def go_home(self, *, reset_language: bool = False) -> None:
        """Home, or the out-of-service screen in its place while the kiosk cannot take tickets."""
        self._set_busy(False)
        self._retry = None
        self.ticket.stop_countdown()
        self._history = ["home"]
        self._forget_survey()
        self._forget_booking()
        if reset_language:
            self.set_language(self.config.language)
        self._show_home_or_out_of_service()
        self.idle.start()
        if self._out_of_service and self._out_of_service != LOCKED:
            self.printer_watch.check_now()  # perhaps the paper is back already: don't wait for the timer

    def set_language(self, lang: str) -> None:
        if not self.translations.available(lang):
            log.warning("language %s is not available", lang)
            lang = "id"
        if lang == self.translations.language:
            self.header.set_language(lang)
            return
        self.translations.switch(lang)
        self.header.set_language(lang)
        self.language_changed.emit(lang)

    def _set_busy(self, busy: bool, text: Text | None = None) -> None:
        self._busy = busy
        if busy:
            self.busy.set_detail(text)
            self._show("busy", remember=False)
            self.idle.pause()
        else:
            self.idle.resume()

    def _show_message(self, message: Message) -> None:
        self._set_busy(False)
        self.message.show_message(message)
        self._show("message", remember=False)
        self.failure_shown.emit(message.code)

    def show_error(self, error: BaseException, retry: Callable[[], None] | None = None) -> None:
        """The full-screen message for ``error``, with "try again" running ``retry`` where it makes sense."""
        message = message_for_error(error)
        self._retry = retry if message.retryable else None
        if is_outage(error):
            self.watch.set_online(False)
        self._show_message(message)

    def _on_screen_back_requested(self) -> None:
        if self._history:
            self._history.pop()
        if self._history in ([], ["home"]):
            self.go_home()  # home may be out of service by now
            return
        self._show(self._history[-1])

    def _on_screen_home_requested(self) -> None:
        self.go_home()

    def _on_header_language_chosen(self, lang: str) -> None:
        self.set_language(lang)

    def _on_idle_timed_out(self) -> None:
        if self._busy:
            return
        if (self.current_screen() not in ("home", OutOfServiceScreen.name)
                or self.translations.language != self.config.language):
            log.info("idle for %d s on %s: back home", self.config.idle_timeout_s, self.current_screen())
            self.go_home(reset_language=True)
        else:
            self.idle.start()

    def _on_message_way_chosen(self, way: str) -> None:
        if way == Way.RETRY.value and self._retry is not None:
            self._retry()
        elif way == Way.SERVICES.value:
            self._restart_ticket_flow()
        elif way == Way.WALK_IN.value and self._walk_in_service:
            self._walk_in(self._walk_in_service)
        elif way == Way.STATUS.value and self._entry == SurveyEntryScreen.name:
            self._open_survey_entry()
        elif way == Way.STATUS.value and self._entry == BookingScreen.name:
            self._open_booking_entry()
        elif way == Way.STATUS.value:
            self._open_status_entry()
        else:
            self.go_home()

    # ================================================================= taking a ticket

    def _on_home_ticket_requested(self) -> None:
        if self._refuses_tickets():
            return
        self._agency_id = None
        if self.catalog is not None:
            self._enter_ticket_flow()
            self.watch.refresh_catalog()
            return
        self._load_catalog_then_enter()

    def _load_catalog_then_enter(self) -> None:
        self._set_busy(True, BUSY_CATALOG)
        self.backend.run_task(self.client.catalog, self._on_catalog_for_flow_loaded,
                              lambda e: self.show_error(e, retry=self._load_catalog_then_enter))

    def _on_catalog_for_flow_loaded(self, catalog: Catalog) -> None:
        self.watch.use_catalog(catalog)
        self._set_busy(False)
        self._enter_ticket_flow()

    def _offered_agencies(self) -> tuple[Agency, ...]:
        if self.catalog is None:
            return ()
        wanted = set(self.config.agencies)
        return tuple(a for a in self.catalog.agencies if a.services and (not wanted or a.id in wanted))

    def _enter_ticket_flow(self) -> None:
        """Agencies, skipping any screen that would offer only one choice."""
        self._history = ["home"]
        agencies = self._offered_agencies()
        if not agencies:
            self._show_message(message_for_code("service_inactive"))
            return
        if len(agencies) == 1:
            self._open_agency(agencies[0])
            return
        self.agencies.set_agencies(agencies)
        self.agencies.reset()
        self._show("agencies")

    def _restart_ticket_flow(self) -> None:
        """After a refusal: the services again (or agencies), with the catalog fetched afresh."""
        agency = next((a for a in self._offered_agencies() if a.id == self._agency_id), None)
        self.watch.refresh_catalog()
        if agency is None or len(agency.services) == 1:
            self._enter_ticket_flow()
            return
        self._history = ["home"] + (["agencies"] if len(self._offered_agencies()) > 1 else [])
        self.services.set_agency(agency)
        self._show("services")

    def _open_agency(self, agency: Agency) -> None:
        self._agency_id = agency.id
        if len(agency.services) == 1:
            service = agency.services[0]
            if service.open:
                self._choose_service(service.id)
            else:
                self._show_message(message_for_closed(service))
            return
        self.services.set_agency(agency)
        self._show("services")

    def _on_agencies_agency_chosen(self, agency_id: str) -> None:
        agency = next((a for a in self._offered_agencies() if a.id == agency_id), None)
        if agency is not None:
            self._open_agency(agency)

    def _on_services_service_chosen(self, service_id: str) -> None:
        self._choose_service(service_id)

    def _on_services_closed_service_chosen(self, service_id: str) -> None:
        service = self.catalog.service(service_id) if self.catalog else None
        if service is not None:
            self._show_message(message_for_closed(service))

    def _choose_service(self, service_id: str) -> None:
        self._service_id = service_id
        if self.catalog is not None and self.catalog.site.allow_priority:
            self.priority.set_service(self.catalog.service(service_id))
            self._show("priority")
        else:
            self._issue(service_id, None)

    def _on_priority_priority_chosen(self, value: str) -> None:
        self._issue(self._service_id, Priority(value) if value else None)

    def _issue(self, service_id: str, priority: Priority | None) -> None:
        if self._refuses_tickets():
            return  # the printer ran out while the citizen was choosing: no ticket it cannot print
        # One key per tap, made before the first attempt and kept for every retry of this tap.
        key = self.client.new_idempotency_key()
        lang = self.translations.language or "id"
        self._send_issue(service_id, priority, key, lang)

    def _send_issue(self, service_id: str, priority: Priority | None, key: str, lang: str) -> None:
        def retry() -> None:
            self._send_issue(service_id, priority, key, lang)

        self._set_busy(True, BUSY_ISSUE)
        self.backend.run_task(
            lambda: self.client.issue_ticket(service_id, priority.value if priority else None, idempotency_key=key),
            lambda result: self._on_ticket_issued(result[0], result[1], lang),
            lambda error: self._on_issue_failed(error, retry))

    def _on_issue_failed(self, error: BaseException, retry: Callable[[], None]) -> None:
        log.warning("issuing a ticket failed: %s", error)
        self.show_error(error, retry)

    def _on_ticket_issued(self, ticket: Ticket, replayed: bool, lang: str) -> None:
        log.info("ticket %s issued%s", ticket.code, " (replayed)" if replayed else "")
        self.watch.set_online(True)
        self._set_busy(False)
        self._retry = None
        self.ticket.show_ticket(ticket)
        self._history = ["home"]
        self._show("ticket", remember=False)
        self.ticket_issued.emit(ticket)
        self._print(ticket, lang)
        self.watch.refresh_catalog()  # the waiting count just changed

    # ================================================================= printing

    def _print(self, ticket: Ticket, lang: str) -> None:
        self.ticket.set_print_state("printing", None, 0)
        self.printing.print_ticket(ticket, lang)

    def _on_printing_finished(self, ticket: Ticket, result: PrintResult, latest: bool) -> None:
        self.printer_watch.note_print(result)
        shown = self.ticket.ticket()
        if latest and shown is not None and shown.id == ticket.id:
            if result.ok:
                self.ticket.set_print_state(PRINTED, None, self.timings.ticket_home_s)
            else:
                self.ticket.set_print_state(FAILED, result.error_code, self.timings.ticket_home_failed_s)
        self.print_finished.emit(ticket, result)

    def _on_ticket_reprint_requested(self) -> None:
        ticket = self.ticket.ticket()
        if ticket is not None:
            self._print(ticket, self.translations.language or "id")

    def _on_ticket_countdown_finished(self) -> None:
        self.go_home(reset_language=True)

    # ================================================================= status look-up

    def _on_home_status_requested(self) -> None:
        self._history = ["home"]
        self._open_status_entry()

    def _open_status_entry(self) -> None:
        self._entry = "status_entry"
        if not self._history:
            self._history = ["home"]
        self.status_entry.set_letters(keypad_letters(self._prefixes()))
        self.status_entry.reset()
        self._show("status_entry")

    def _on_status_another_requested(self) -> None:
        self._open_status_entry()

    def _prefixes(self) -> list[str]:
        if self.catalog is None:
            return []
        return [s.prefix for a in self.catalog.agencies for s in a.services]

    def _on_status_entry_code_submitted(self, text: str) -> None:
        code = normalise_code(text, self._prefixes())
        if code is None:
            self.status_entry.show_invalid()
            return
        self._look_up(ScanTarget("code", code))

    def _on_scanner_scanned(self, text: str) -> None:
        if self._busy:
            return  # one request at a time; the citizen can scan again
        if self._locked:
            log.info("scan ignored: this kiosk is locked by the office")
            return
        log.info("scanner read %d characters", len(text))
        target = parse_scan(text, self._prefixes())
        if target is None:
            booking = self.current_screen() == BookingScreen.name
            self._history = ["home"]
            self._show_message(message_for_code("booking_code_invalid" if booking else "invalid_code"))
            return
        if target.kind == "booking":
            self._entry = BookingScreen.name
            self._history = ["home", BookingScreen.name]
            self._check_in(token=target.value)
            return
        if self.current_screen() == SurveyEntryScreen.name:
            self._open_survey(target)
            return
        self._entry = "status_entry"
        if self.current_screen() != "status_entry":
            self._history = ["home", "status_entry"]
            self.status_entry.set_letters(keypad_letters(self._prefixes()))
            self.status_entry.reset()
        self._look_up(target)

    def _look_up(self, target: ScanTarget) -> None:
        def retry() -> None:
            self._look_up(target)

        def work() -> Ticket | PublicTicket:
            if target.kind == "token":
                return self.client.ticket_status(target.value)
            return self.client.lookup_ticket(target.value)

        self._set_busy(True, BUSY_LOOKUP)
        self.backend.run_task(work, self._on_status_found, lambda error: self.show_error(error, retry))

    def _on_status_found(self, ticket: Ticket | PublicTicket) -> None:
        self.watch.set_online(True)
        self._set_busy(False)
        self.status.show_status(ticket)
        if "status_entry" not in self._history:
            self._history = ["home", "status_entry"]
        self._show("status")
        self.status_found.emit(ticket)

    # ================================================================= checking a booking in

    def _on_home_booking_requested(self) -> None:
        if not self._refuses_tickets():
            self._open_booking_entry()

    def _open_booking_entry(self) -> None:
        self._entry = BookingScreen.name
        self._history = ["home"]
        self._forget_booking()
        self._show(BookingScreen.name)

    def _forget_booking(self) -> None:
        """Nothing typed for a booking stays once the citizen has gone: not its code, not the NIK's digits."""
        self.booking.reset()
        self._walk_in_service = ""

    def _on_booking_check_in_requested(self, code: str, nik_last4: str) -> None:
        self._check_in(code=code, nik_last4=nik_last4)

    def _check_in(self, **booking: str) -> None:
        """``token=`` (scanned) or ``code=`` and ``nik_last4=`` (typed): one key per tap, as for a ticket."""
        if self._refuses_tickets():
            return
        self._send_check_in(booking, self.client.new_idempotency_key(), self.translations.language or "id")

    def _send_check_in(self, booking: dict[str, str], key: str, lang: str) -> None:
        def retry() -> None:
            self._send_check_in(booking, key, lang)

        self._set_busy(True, BUSY_CHECK_IN)
        self.backend.run_task(
            lambda: self.client.check_in_booking(**booking, idempotency_key=key),
            lambda result: self._on_booking_checked_in(result[0], result[1], lang),
            lambda error: self._on_check_in_failed(error, retry))

    def _on_booking_checked_in(self, ticket: Ticket, replayed: bool, lang: str) -> None:
        self._forget_booking()
        self._on_ticket_issued(ticket, replayed, lang)

    def _on_check_in_failed(self, error: BaseException, retry: Callable[[], None]) -> None:
        log.warning("checking a booking in failed: %s", error)
        self._walk_in_service = ""
        if isinstance(error, BackendStatusError) and error.code == "booking_too_late" and error.params.get("walk_in"):
            self._walk_in_service = str(error.params.get("service_id") or "")
        self.show_error(error, retry)

    def _walk_in(self, service_id: str) -> None:
        """The walk-in ticket offered for a booking too late to check in: the normal issue path."""
        agencies = self.catalog.agencies if self.catalog is not None else ()
        agency = next((a for a in agencies if any(s.id == service_id for s in a.services)), None)
        self._forget_booking()
        self._history = ["home"]
        if agency is None:
            self._show_message(message_for_code("service_not_found"))
            return
        self._agency_id = agency.id
        self._choose_service(service_id)

    # ================================================================= the SKM survey

    def _on_home_survey_requested(self) -> None:
        self._history = ["home"]
        self._open_survey_entry()

    def _open_survey_entry(self) -> None:
        self._entry = SurveyEntryScreen.name
        self._history = ["home"]
        self._forget_survey()
        self.survey_entry.set_letters(keypad_letters(self._prefixes()))
        self.survey_entry.reset()
        self._show(SurveyEntryScreen.name)

    def _on_survey_entry_code_submitted(self, text: str) -> None:
        code = normalise_code(text, self._prefixes())
        if code is None:
            self.survey_entry.show_invalid()
            return
        self._open_survey(ScanTarget("code", code))

    def _open_survey(self, target: ScanTarget) -> None:
        """Ask the server whether this ticket may answer; its questions follow if it may."""
        def retry() -> None:
            self._open_survey(target)

        def work() -> SurveyForm:
            if target.kind == "token":
                return self.client.survey_by_token(target.value)
            return self.client.survey_by_code(target.value)

        self._entry = SurveyEntryScreen.name
        self._set_busy(True, BUSY_LOOKUP)
        self.backend.run_task(work, self._on_survey_form_loaded, lambda error: self.show_error(error, retry))

    def _on_survey_form_loaded(self, form: SurveyForm) -> None:
        self.watch.set_online(True)
        self._set_busy(False)
        self._survey_form = form
        self.survey.begin(form.code, form.questions)
        self._history = ["home", SurveyEntryScreen.name]
        self._show(SurveyScreen.name)
        log.info("survey opened for ticket %s", form.code)
        self.survey_opened.emit(form)

    def _on_survey_completed(self, draft: SurveyDraft) -> None:
        form = self._survey_form
        if form is None:
            self.go_home()
            return
        self._send_survey(draft.body(form.ref))

    def _send_survey(self, body: dict) -> None:
        def retry() -> None:
            self._send_survey(body)

        self._set_busy(True, SENDING)
        self.backend.run_task(lambda: self.client.answer_survey(body), self._on_survey_sent,
                              lambda error: self.show_error(error, retry))

    def _on_survey_sent(self, answered: SurveyAnswered) -> None:
        self.watch.set_online(True)
        self._set_busy(False)
        log.info("survey answered (response %d)", answered.id)
        self._forget_survey()
        self._history = ["home"]
        self._show(SurveyThanksScreen.name, remember=False)
        later(self, self.timings.survey_thanks_s * 1000, self._on_survey_thanks_elapsed)
        self.survey_answered.emit(answered)

    def _on_survey_thanks_elapsed(self) -> None:
        if self.current_screen() == SurveyThanksScreen.name:
            self.go_home(reset_language=True)

    def _forget_survey(self) -> None:
        """Nothing of an unfinished survey stays: not the ticket, not one answer."""
        self._survey_form = None
        self.survey.reset()

    # ================================================================= what the server watch learns

    def _on_watch_online_changed(self, online: bool) -> None:
        if online:
            self.banner.clear()
        else:
            self.banner.show_text(OFFLINE_BANNER)
        self.online_changed.emit(online)

    def _on_watch_catalog_loaded(self, catalog: Catalog) -> None:
        site = catalog.site
        self.clock.use_zone(site.timezone, site.tz_label)
        self.header.set_site(site.name, site.tz_label)
        if self.printer is not None:
            # The site's footer lines (free service, where to complain) go on every receipt; the English
            # ones on an English receipt. A catalog without footer keeps the lines printed so far, both languages.
            kept = self.printer.branding
            branding = Branding.from_site(site, logo_path=kept.logo_path,
                                          footer=site.footer or kept.footer,
                                          footer_en=site.footer_en if site.footer else kept.footer_en)
            if branding != self.printer.branding:
                self.printer.branding = branding  # read by the printer thread per ticket: a whole new object
        # Live numbers on the screen being looked at; the page stays where it is.
        offered = self._offered_agencies()
        self.agencies.set_agencies(offered)
        self.home.set_booking_offered(any(s.bookable for a in offered for s in a.services))
        current = next((a for a in offered if a.id == self.services.agency_id()), None)
        if current is not None:
            self.services.set_agency(current, live_update=True)
        self.catalog_loaded.emit(catalog)

    # ================================================================= in service or not

    def out_of_service_reason(self) -> str:
        """Why the kiosk takes no tickets now: "locked", "paper_out", "printer_offline", or ""."""
        if self._locked:
            return LOCKED
        if self.printer is None or self.config.allow_screen_only or not self.printer_watch.unusable:
            return ""
        return "paper_out" if self.printer_watch.state.paper is PaperState.OUT else "printer_offline"

    def _show_home_or_out_of_service(self) -> None:
        reason = self.out_of_service_reason()
        if reason != self._out_of_service:
            if reason:
                log.warning("out of service: %s", reason)
            else:
                log.info("back in service")
            self._out_of_service = reason
            self.service_changed.emit(reason)
        if reason:
            self.out_of_service.set_reason(reason)
            failure = self.printer_watch.last_failure
            self.out_of_service.set_printer_cause(printer_cause_text(failure) if failure is not None else None)
            self._show(OutOfServiceScreen.name, remember=False)
        else:
            self._show("home", remember=False)

    def _refuses_tickets(self) -> bool:
        """True (and out of service shown) when a ticket must not be issued now."""
        reason = self.out_of_service_reason()
        if not reason:
            return False
        log.warning("a ticket was asked for while out of service (%s): not issued", reason)
        self.go_home()
        return True

    def _update_service(self) -> None:
        """Switch between home and out of service now if one of them is shown; a citizen in the middle
        of something is not interrupted: the switch happens when they come back home."""
        if not self._busy and self.current_screen() in ("home", OutOfServiceScreen.name):
            self._show_home_or_out_of_service()

    def _on_printer_watch_changed(self, _state: PrinterState) -> None:
        self._update_service()

    def _on_printer_watch_error_noted(self, error: str) -> None:
        self._last_error = error

    def _on_watch_heartbeat_answered(self, reply: HeartbeatReply) -> None:
        if reply.locked != self._locked:
            log.warning("the office %s this kiosk", "locked" if reply.locked else "unlocked")
            self._locked = reply.locked
        self._update_service()

    def _on_out_of_service_status_requested(self) -> None:
        if not self._locked:
            self._on_home_status_requested()

    def _describe(self) -> dict[str, object]:
        """This kiosk for the heartbeat: version, uptime, the printer as last checked, the latest error,
        the screen shown."""
        if self.printer is None:
            return device_report(self._started_at, last_error=self._last_error, screen=self.current_screen(),
                                 name=self.config.device_name)
        printer_state = self.printer_watch.state
        return device_report(self._started_at, last_error=self._last_error, screen=self.current_screen(),
                             printer_state=printer_state.online.value, paper=printer_state.paper.value,
                             name=self.config.device_name)

    # ================================================================= the unexpected

    def handle_exception(self, kind: type[BaseException], value: BaseException,
                         tb: TracebackType | None) -> None:
        """``sys.excepthook``: log it whole, show a calm message with a way home; never a traceback."""
        self._crash_guard.handle(kind, value, tb)

    def _on_crash(self, summary: str) -> None:
        self._last_error = f"unexpected: {summary}"[:300]
        self._retry = None
        self._show_message(message_for_code("unexpected"))


__all__ = ["KioskController", "KioskTimings"]
