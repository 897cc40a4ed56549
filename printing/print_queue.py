"""One queue per printer per process: every job for one printer (a ticket, a status check, a test
print) runs on that printer's own thread, one after the other, whoever asked, so two jobs never talk
to the printer at once. The technician's setup may pause the device's own jobs while it works on the
printer; its own jobs still run.

    queue = PrintQueue.for_printer("network:127.0.0.1:9100")
    future = queue.submit(service.check)                  # a device job: waits while paused
    future = queue.submit(service.check, technician=True)  # the setup's job: runs even when paused
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, ClassVar

log = logging.getLogger(__name__)


@dataclass
class _Job:
    work: Callable[[], Any]
    technician: bool
    future: Future = field(default_factory=Future)


class PrintQueue:
    """The jobs of one printer, named by its connection string. Plain Python, thread-safe.

    Build it with :meth:`for_printer`, never directly: one instance per printer per process is what
    keeps the kiosk, the printer page and diagnostics from reaching the same printer at once.
    """

    _queues: ClassVar[dict[str, PrintQueue]] = {}
    _queues_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, printer: str) -> None:
        self.printer = printer
        self._jobs: deque[_Job] = deque()
        self._lock = threading.Condition()
        self._paused = False
        self._worker: threading.Thread | None = None

    @classmethod
    def for_printer(cls, printer: str) -> PrintQueue:
        """The queue of ``printer`` (its connection string), made on first use."""
        key = printer.strip()
        with cls._queues_lock:
            queue = cls._queues.get(key)
            if queue is None:
                queue = cls._queues[key] = cls(key)
            return queue

    # -- jobs ----------------------------------------------------------------------------------------

    def submit(self, work: Callable[[], Any], *, technician: bool = False) -> Future:
        """Queue ``work``; its result (or exception) arrives in the returned future. A job cancelled
        through its future before it starts never runs."""
        job = _Job(work, technician)
        with self._lock:
            self._jobs.append(job)
            self._wake()
        return job.future

    def waiting(self) -> int:
        """Jobs queued and not started (held ones included)."""
        with self._lock:
            return len(self._jobs)

    # -- pause ---------------------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Hold the device's jobs (a running one finishes); the technician's still run."""
        with self._lock:
            if not self._paused:
                log.info("print queue of %s paused for the technician", self.printer)
            self._paused = True

    def resume(self) -> None:
        """Run the held jobs, in the order they came."""
        with self._lock:
            if self._paused:
                log.info("print queue of %s resumed", self.printer)
            self._paused = False
            self._wake()

    # -- the printer's thread ------------------------------------------------------------------------

    def _wake(self) -> None:
        """Start the printer's thread if a job can run and none is running. Called holding the lock."""
        if self._worker is None and self._next_index() is not None:
            self._worker = threading.Thread(target=self._run, name=f"print-queue {self.printer}", daemon=True)
            self._worker.start()

    def _next_index(self) -> int | None:
        for index, job in enumerate(self._jobs):
            if job.technician or not self._paused:
                return index
        return None

    def _take(self) -> _Job | None:
        """The next job that may run, or None: then the thread ends (it starts again when needed)."""
        with self._lock:
            index = self._next_index()
            if index is None:
                self._worker = None
                return None
            job = self._jobs[index]
            del self._jobs[index]
            return job

    def _run(self) -> None:
        while (job := self._take()) is not None:
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                result = job.work()
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to whoever asked
                job.future.set_exception(exc)
            else:
                job.future.set_result(result)


__all__ = ["PrintQueue"]
