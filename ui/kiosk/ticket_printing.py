"""Printing tickets: one at a time on the printer's own queue (shared with the technician's setup),
each outcome reported to the server in the background and repeated until it is heard (the server keeps
the latest report)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from core.client import BackendClient
from core.models import Ticket
from printing.service import PrintOutcome, PrintResult, PrintService
from ui.shell.printer_jobs import PrinterJobs
from ui.tasks import TaskRunner
from ui.timers import later

log = logging.getLogger(__name__)


class TicketPrinting(QObject):
    finished = Signal(object, object, bool)  # Ticket, PrintResult, whether it is the ticket's latest print
    reported = Signal(object)                # Ticket as the server recorded its print state

    def __init__(self, printer: PrintService | None, printer_jobs: PrinterJobs | None, client: BackendClient,
                 client_runner: TaskRunner, *, report_retry_ms: tuple[int, ...],
                 parent: QObject | None = None) -> None:
        """``client`` reports the outcomes, used only from ``client_runner``; without a printer every
        ticket is reported as not printed, so the officer knows to look at the screen."""
        super().__init__(parent)
        self.printer = printer
        self._printer_jobs = printer_jobs
        self._client = client
        self._client_runner = client_runner
        self._retry_ms = report_retry_ms
        self._latest: dict[int, int] = {}  # ticket id -> number of its latest print
        self.last_error: str | None = None

    def print_ticket(self, ticket: Ticket, lang: str) -> None:
        seq = self._latest.get(ticket.id, 0) + 1
        self._latest[ticket.id] = seq
        printer, jobs = self.printer, self._printer_jobs
        if printer is None or jobs is None:
            self._on_printed(ticket, seq, PrintResult(PrintOutcome.FAILED, "no printer configured"))
            return
        jobs.run_task(
            lambda: printer.print_ticket(ticket, lang),
            lambda result: self._on_printed(ticket, seq, result),
            lambda error: self._on_printed(ticket, seq, PrintResult(PrintOutcome.FAILED,
                                                                    f"{type(error).__name__}: {error}")))

    def _on_printed(self, ticket: Ticket, seq: int, result: PrintResult) -> None:
        self.last_error = None if result.ok else result.error_code
        self.finished.emit(ticket, result, self._latest.get(ticket.id) == seq)
        self._report(ticket, seq, result.outcome.value, result.reason[:200], 0)

    def _report(self, ticket: Ticket, seq: int, status: str, reason: str, attempt: int) -> None:
        if self._latest.get(ticket.id) != seq:
            return  # a reprint has news of its own
        self._client_runner.run_task(
            lambda: self._client.report_print(ticket.id, status, reason), self.reported.emit,
            lambda error: self._on_report_failed(error, ticket, seq, status, reason, attempt))

    def _on_report_failed(self, error: BaseException, ticket: Ticket, seq: int, status: str, reason: str,
                          attempt: int) -> None:
        if attempt >= len(self._retry_ms):
            log.error("could not report the print of %s to the server: %s", ticket.code, error)
            return
        wait = self._retry_ms[attempt]
        log.warning("reporting the print of %s failed (%s); again in %d ms", ticket.code, error, wait)
        # A timer of ours, not an ownerless single-shot: the controller's stop() cancels it.
        later(self, wait, lambda: self._report(ticket, seq, status, reason, attempt + 1))
