"""The printer's state, kept current without a citizen waiting: a status check on the printer's own
queue every few seconds (and on demand), plus what each print learnt. The kiosk uses it to
stop offering tickets it cannot print, and the heartbeat carries it to the office."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from printing.service import PrintResult, PrintService
from printing.status import UNKNOWN, Online, PaperState, PrinterState
from ui.shell.printer_jobs import PrinterJobs

log = logging.getLogger(__name__)


class PrinterWatch(QObject):
    """Public API: ``start()``, ``stop()``, ``check_now()``, ``note_print(result)``, and the attributes
    ``state`` (the latest known :class:`PrinterState`) and ``last_error`` (the latest problem, as
    ``"code: reason"``, kept after the printer recovers so the office can see what happened)."""

    changed = Signal(object)  # PrinterState, whenever the online or paper state changes
    error_noted = Signal(str)  # a new last_error

    def __init__(self, printer: PrintService | None, jobs: PrinterJobs | None, *, interval_ms: int,
                 parent: QObject | None = None) -> None:
        """``jobs`` go to the printer's one queue: a check never runs beside a print or a test print."""
        super().__init__(parent)
        self.printer = printer
        self.jobs = jobs
        self.state: PrinterState = printer.last_state if printer is not None else UNKNOWN
        self.last_error: str | None = None
        self.last_failure: PrintResult | None = None   # the latest failed check or print; None once one works
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def unusable(self) -> bool:
        """Known to be out of paper or offline (unknown is not a reason to refuse tickets)."""
        return self.state.paper is PaperState.OUT or self.state.online is Online.OFFLINE

    def start(self) -> None:
        if self.printer is None:
            return
        self._timer.start()
        self.check_now()

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        """Ask the printer now, unless a check is already on its way."""
        printer, jobs = self.printer, self.jobs
        if printer is None or jobs is None or self._checking:
            return
        self._checking = True
        jobs.run_task(printer.check, self._on_checked, self._on_check_failed)

    def note_print(self, result: PrintResult) -> None:
        """A print just read the printer's state before and after: that is the freshest news."""
        self._take(result)

    def _on_timer_timeout(self) -> None:
        self.check_now()

    def _on_checked(self, result: PrintResult) -> None:
        self._checking = False
        self._take(result)

    def _on_check_failed(self, error: BaseException) -> None:
        # PrintService.check() returns every printer fault as a result; this is a bug or a surprise.
        self._checking = False
        log.error("the printer status check failed: %s", error)

    def _take(self, result: PrintResult) -> None:
        self.last_failure = None if result.ok else result
        if result.error_code is not None:
            error = f"{result.error_code}: {result.reason}"[:300]
            if error != self.last_error:
                self.last_error = error
                self.error_noted.emit(error)
        state = PrinterState(online=result.online, paper=result.paper)
        if state == self.state:
            return
        log.info("printer now %s, paper %s", state.online.value, state.paper.value)
        self.state = state
        self.changed.emit(state)
