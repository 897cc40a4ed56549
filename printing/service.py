"""The print service: one receipt at a time, within a deadline, always a typed result.

Plain Python for the kiosk's one-thread printer pool. Printer faults never raise out of here:
each call returns a :class:`PrintResult` (printed, paper out, offline, timed out, failed) with a
reason and the last known paper state, and the service stays usable for the next receipt.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from core.errors import ConfigError, PrinterError, PrinterOffline, PrinterPaperOut, PrinterTimeout
from core.models import Ticket
from core.printer_spec import PrinterSpec, parse_spec
from printing import strings
from printing.causes import PrinterCause
from printing.connections import Connection, Document, DocumentKind, make_connection
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import Branding, Receipt, build_receipt
from printing.status import Online, PaperState, PrinterState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintSettings:
    """How this kiosk prints; ``printer`` is the one connection string (see kiosk.printer_spec)."""

    printer: str = "network:127.0.0.1:9100"
    profile: str = "default"
    paper_mm: int = 80
    columns: int | None = None
    language: str = "id"
    qr: str = "auto"
    cut: str = "partial"
    timeout: float = 5.0
    open_attempts: int = 2
    retry_pause: float = 0.2
    show_requirements: bool = True


class PrintOutcome(str, enum.Enum):
    PRINTED = "printed"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    TIMED_OUT = "timed_out"
    FAILED = "failed"


# The kiosk.errors code for each failed outcome, so screens and the server speak one language.
_ERROR_CODES = {
    PrintOutcome.PAPER_OUT: PrinterPaperOut.code,
    PrintOutcome.OFFLINE: PrinterOffline.code,
    PrintOutcome.TIMED_OUT: PrinterTimeout.code,
    PrintOutcome.FAILED: PrinterError.code,
}


_CAUSE_OF_OUTCOME = {PrintOutcome.PAPER_OUT: PrinterCause.PAPER_OUT, PrintOutcome.OFFLINE: PrinterCause.COVER_OPEN,
                     PrintOutcome.TIMED_OUT: PrinterCause.NO_ANSWER, PrintOutcome.FAILED: PrinterCause.OTHER}


@dataclass(frozen=True)
class PrintResult:
    """``reason`` is the raw one, for the log; ``why`` is the cause a screen words for a technician."""

    outcome: PrintOutcome
    reason: str = ""
    paper: PaperState = PaperState.UNKNOWN
    online: Online = Online.UNKNOWN
    elapsed: float = field(default=0.0, compare=False)
    cause: PrinterCause | None = None

    @property
    def why(self) -> PrinterCause | None:
        """The cause of a failure (from the outcome when no OS error named one); None once printed."""
        if self.ok:
            return None
        return self.cause or _CAUSE_OF_OUTCOME[self.outcome]

    @property
    def ok(self) -> bool:
        return self.outcome is PrintOutcome.PRINTED

    @property
    def error_code(self) -> str | None:
        """``paper_out``, ``printer_offline``, ``printer_timeout``, ``printer_failed`` or None."""
        return _ERROR_CODES.get(self.outcome)


def _outcome_of(error: PrinterError) -> PrintOutcome:
    if isinstance(error, PrinterPaperOut):
        return PrintOutcome.PAPER_OUT
    if isinstance(error, PrinterOffline):
        return PrintOutcome.OFFLINE
    if isinstance(error, PrinterTimeout):
        return PrintOutcome.TIMED_OUT
    return PrintOutcome.FAILED


class PrintService:
    """Prints tickets on the configured printer; thread-safe, one job at a time.

    Bad settings raise ConfigError here, at construction; after that nothing raises.
    """

    def __init__(self, settings: PrintSettings, branding: Branding, *,
                 connect: Callable[[PrinterSpec], Connection] = make_connection) -> None:
        self.settings = settings
        self.branding = branding
        self.spec = parse_spec(settings.printer)
        try:
            strings.check_language(settings.language)
            self.renderer = EscposRenderer(EscposOptions(
                profile=settings.profile, paper_mm=settings.paper_mm, columns=settings.columns,
                qr=settings.qr, cut=settings.cut))
        except ValueError as exc:
            raise ConfigError(str(exc), params={"key": "printer"}) from exc
        if settings.timeout <= 0:
            raise ConfigError("printer timeout must be positive", params={"key": "timeout"})
        self._connect = connect
        self._lock = threading.Lock()
        self._state = PrinterState()

    @property
    def last_state(self) -> PrinterState:
        """The printer's state as last read (either field may be unknown)."""
        return self._state

    def print_ticket(self, ticket: Ticket, lang: str | None = None) -> PrintResult:
        try:
            receipt = build_receipt(ticket, self.branding, lang or self.settings.language,
                                    show_requirements=self.settings.show_requirements)
        except Exception as exc:  # a bad ticket or branding must not escape as a crash
            log.exception("building the receipt of %s failed", ticket.code)
            return PrintResult(PrintOutcome.FAILED, f"cannot build receipt: {exc}",
                               self._state.paper, self._state.online)
        return self.print_receipt(receipt)

    def print_receipt(self, receipt: Receipt) -> PrintResult:
        result = self._supervise(lambda job: self._print(receipt, job), "printing")
        log.log(logging.INFO if result.ok else logging.WARNING, "ticket %s: %s %s",
                receipt.code, result.outcome.value, result.reason)
        return result

    def check(self) -> PrintResult:
        """Ask the printer for its state without printing; the state is in ``paper``/``online``."""
        return self._supervise(self._check, "status check")

    # -- one job, run in a worker thread the caller waits for until the deadline -------------

    def _supervise(self, work: Callable[[_Job], PrintResult], what: str) -> PrintResult:
        timeout = self.settings.timeout
        start = time.monotonic()
        if not self._lock.acquire(timeout=timeout):
            return self._result(PrintOutcome.TIMED_OUT, "printer busy with another receipt", start,
                                PrinterCause.BUSY)
        try:
            job = _Job(start + timeout)
            worker = threading.Thread(target=job.run, args=(work,), name="printer-job", daemon=True)
            worker.start()
            if job.done.wait(timeout=max(0.0, job.deadline - time.monotonic())):
                result = job.result
            else:
                job.abort()
                result = PrintResult(PrintOutcome.TIMED_OUT,
                                     f"{what}: no answer from printer within {timeout:g} s")
            news = job.state
            if result.outcome is PrintOutcome.TIMED_OUT:
                news = PrinterState(Online.UNKNOWN, news.paper if news else PaperState.UNKNOWN)
            if news is not None:
                self._state = self._merge(news)
            return self._result(result.outcome, result.reason, start, result.cause)
        finally:
            self._lock.release()

    def _merge(self, new: PrinterState) -> PrinterState:
        paper = new.paper if new.paper is not PaperState.UNKNOWN else self._state.paper
        return PrinterState(online=new.online, paper=paper)

    def _result(self, outcome: PrintOutcome, reason: str, start: float,
                cause: PrinterCause | None = None) -> PrintResult:
        return PrintResult(outcome, reason, self._state.paper, self._state.online,
                           time.monotonic() - start, cause)

    def _open(self, job: _Job) -> Connection:
        attempts = max(1, self.settings.open_attempts)
        for attempt in range(1, attempts + 1):
            connection = self._connect(self.spec)  # a fresh connection for every try
            job.connection = connection
            try:
                connection.open(job.remaining() / (attempts - attempt + 1))
                return connection
            except PrinterError as exc:
                if attempt == attempts or job.remaining() <= self.settings.retry_pause:
                    raise
                log.debug("opening %s failed (%s); trying again", self.spec, exc)
                time.sleep(self.settings.retry_pause)
        raise AssertionError("unreachable")

    def _document(self, receipt: Receipt, kind: DocumentKind) -> Document:
        if kind is DocumentKind.PDF:
            # reportlab is imported only by printers that take PDF (CUPS, a folder): it costs a
            # kiosk on an ESC/POS printer ~50 ms of its cold start for nothing.
            from printing.pdf_render import render_pdf  # noqa: PLC0415 - see above

            pdf = render_pdf(receipt, self.settings.paper_mm)
            return Document(kind, pdf.data, receipt.code, pdf.width_mm, pdf.height_mm)
        return Document(kind, self.renderer.render(receipt), receipt.code, self.settings.paper_mm)

    def _print(self, receipt: Receipt, job: _Job) -> PrintResult:
        connection = self._open(job)
        try:
            before = job.read_state(connection)
            if before.paper is PaperState.OUT:
                return PrintResult(PrintOutcome.PAPER_OUT, "printer is out of paper")
            if before.online is Online.OFFLINE:
                return PrintResult(PrintOutcome.OFFLINE, "printer reports offline (cover open or error)")
            connection.send(self._document(receipt, connection.accepts), job.remaining())
            after = job.read_state(connection)
            if after.paper is PaperState.OUT:
                return PrintResult(PrintOutcome.PAPER_OUT, "paper ran out while printing")
            if after.online is Online.OFFLINE:
                return PrintResult(PrintOutcome.OFFLINE, "printer went offline while printing")
            return PrintResult(PrintOutcome.PRINTED, "")
        finally:
            connection.close()

    def _check(self, job: _Job) -> PrintResult:
        connection = self._open(job)
        try:
            state = job.read_state(connection)
        finally:
            connection.close()
        if state.paper is PaperState.OUT:
            return PrintResult(PrintOutcome.PAPER_OUT, "printer is out of paper")
        if state.online is Online.OFFLINE:
            return PrintResult(PrintOutcome.OFFLINE, "printer reports offline")
        return PrintResult(PrintOutcome.PRINTED, "printer ready" if state.known else "state unknown")


class _Job:
    """The worker's side of one call: its deadline, its connection and what it learnt."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        # I/O gives up a little before the caller does, so it reports its own typed reason.
        self.io_deadline = deadline - min(0.25, (deadline - time.monotonic()) * 0.1)
        self.done = threading.Event()
        self.connection: Connection | None = None
        self.state: PrinterState | None = None  # None: learnt nothing about the printer
        self.result = PrintResult(PrintOutcome.FAILED, "not run")

    def remaining(self) -> float:
        return max(0.01, self.io_deadline - time.monotonic())

    def read_state(self, connection: Connection) -> PrinterState:
        state = connection.state(self.remaining())
        if state.known:
            self.state = state
        return state

    def run(self, work: Callable[[_Job], PrintResult]) -> None:
        try:
            self.result = work(self)
        except PrinterError as exc:
            if isinstance(exc, PrinterOffline):
                paper = self.state.paper if self.state else PaperState.UNKNOWN
                self.state = PrinterState(Online.OFFLINE, paper)
            cause = exc.params.get("cause")
            self.result = PrintResult(_outcome_of(exc), str(exc),
                                      cause=PrinterCause(cause) if cause in tuple(PrinterCause) else None)
        except Exception as exc:  # a bug or a library surprise is still a typed failure
            log.exception("print job failed")
            self.result = PrintResult(PrintOutcome.FAILED, f"{type(exc).__name__}: {exc}")
        finally:
            self.done.set()

    def abort(self) -> None:
        connection = self.connection
        if connection is not None:
            try:
                connection.abort()
            except Exception:
                log.debug("aborting the printer connection failed", exc_info=True)
