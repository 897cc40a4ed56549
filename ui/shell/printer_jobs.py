"""Jobs for one printer from the GUI: ``run_task(fn, on_ok, on_err)`` puts ``fn`` on the printer's one
process-wide :class:`PrintQueue` and calls back on the GUI thread through one queued signal, like
``ui.tasks.TaskRunner``. Workers never touch widgets."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from printing.print_queue import PrintQueue
from ui.tasks import OnErr, OnOk

log = logging.getLogger(__name__)


class PrinterJobs(QObject):
    """One owner's jobs on one printer. ``technician`` jobs run while the queue is paused for the
    technician; the device's own (``technician=False``) wait until it resumes."""

    # job id, succeeded, the result or the exception; emitted from the printer's thread, delivered queued.
    _job_finished = Signal(int, bool, object)

    def __init__(self, printer: str, *, technician: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = PrintQueue.for_printer(printer)
        self.technician = technician
        self._ids = itertools.count(1)
        self._jobs: dict[int, tuple[Future, OnOk, OnErr | None]] = {}
        self._closed = False
        self._job_finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)

    def run_task(self, fn: Callable[[], Any], on_ok: OnOk, on_err: OnErr | None = None) -> int:
        """Queue ``fn`` on the printer; ``on_ok(result)`` or ``on_err(exception)`` runs later on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"printer jobs of {self.queue.printer} are shut down")
        job_id = next(self._ids)
        future = self.queue.submit(fn, technician=self.technician)
        self._jobs[job_id] = (future, on_ok, on_err)
        future.add_done_callback(lambda done: self._deliver(job_id, done))
        return job_id

    def pending(self) -> int:
        """Jobs queued, held or running whose callback has not run yet."""
        return len(self._jobs)

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Cancel this owner's jobs not started, wait for a running one; no callback runs any more."""
        self._closed = True
        jobs, self._jobs = list(self._jobs.values()), {}
        done = True
        for future, _, _ in jobs:
            if not future.cancel():
                try:
                    future.exception(timeout=timeout_ms / 1000)
                except Exception:  # noqa: BLE001 - a timeout or a cancel: nothing more to wait for
                    done = False
        return done

    def _deliver(self, job_id: int, future: Future) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        try:
            self._job_finished.emit(job_id, exc is None, future.result() if exc is None else exc)
        except RuntimeError:
            log.debug("printer job %d finished after its owner was gone", job_id)

    def _on_job_finished(self, job_id: int, ok: bool, value: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None or self._closed:
            return
        _, on_ok, on_err = job
        if ok:
            on_ok(value)
        elif on_err is not None:
            on_err(value)  # type: ignore[arg-type]
        else:
            log.error("printer job %d on %s failed with nobody to tell", job_id, self.queue.printer,
                      exc_info=value if isinstance(value, BaseException) else None)


__all__ = ["PrinterJobs"]
