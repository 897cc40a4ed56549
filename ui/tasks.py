"""Background work for the GUI: ``run_task(fn, on_ok, on_err)`` runs ``fn`` on a worker pool and
calls back on the GUI thread through one queued signal. Workers never touch widgets."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

OnOk = Callable[[Any], None]
OnErr = Callable[[BaseException], None]


class TaskRunner(QObject):
    """One pool of worker threads. ``max_threads=1`` makes a queue for a resource that must not
    race: the backend session, the printer."""

    # task id, succeeded, the result or the exception; emitted from a worker, delivered queued.
    _task_finished = Signal(int, bool, object)

    def __init__(self, name: str, max_threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._pool = QThreadPool(self)
        self._pool.setObjectName(name)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[OnOk, OnErr | None]] = {}
        self._closed = False
        self._task_finished.connect(self._on_task_finished, Qt.ConnectionType.QueuedConnection)

    def run_task(self, fn: Callable[[], Any], on_ok: OnOk, on_err: OnErr | None = None) -> int:
        """Queue ``fn``; ``on_ok(result)`` or ``on_err(exception)`` runs later on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"task runner {self.objectName()} is shut down")
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_ok, on_err)
        self._pool.start(lambda: self._work(task_id, fn))
        return task_id

    def pending(self) -> int:
        """Tasks queued or running whose callback has not run yet."""
        return len(self._callbacks)

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Drop queued tasks, wait for running ones; their callbacks are not called any more."""
        self._closed = True
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        self._callbacks.clear()
        return done

    def _work(self, task_id: int, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to its caller
            self._task_finished.emit(task_id, False, exc)
        else:
            self._task_finished.emit(task_id, True, result)

    def _on_task_finished(self, task_id: int, ok: bool, value: object) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is None or self._closed:
            return
        on_ok, on_err = callbacks
        if ok:
            on_ok(value)
        elif on_err is not None:
            on_err(value)  # type: ignore[arg-type]
        else:
            log.error("task %d of %s failed with nobody to tell", task_id, self.objectName(),
                      exc_info=value if isinstance(value, BaseException) else None)
