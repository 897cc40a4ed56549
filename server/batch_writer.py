"""Group commit: one thread writes many tickets in one transaction.

SQLite has one writer at a time and each commit waits for the disk (synchronous=FULL, so a ticket
a citizen holds survives a power cut). When kiosks tap at once, one commit serves the whole burst;
each request still runs in its own savepoint, so a refused one undoes only itself. The batch's
events are numbered and written together just before the commit (server/engine/unit_of_work.py).

The thread runs from ``start`` to ``close``: the app's lifespan, or whatever else issues tickets
without HTTP. Work handed in while it is not running is refused at once rather than left waiting."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from server.events import PendingEvents

if TYPE_CHECKING:  # the engine package imports this module
    from server.engine.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
Work = Callable[[Connection, PendingEvents], Any]
CLOSE_WAIT_S = 5.0


class WriterNotRunning(RuntimeError):
    """Work came before ``start`` or after ``close``."""


class BatchWriter:
    def __init__(self, unit_of_work: UnitOfWork, max_batch: int = 64) -> None:
        self.unit_of_work = unit_of_work
        self.db = unit_of_work.db
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[tuple[Work, Future] | None] = queue.SimpleQueue()
        # Guards the thread's life against work handed in at the same moment: whatever was queued
        # before ``close`` is written before the thread ends, and nothing is queued after it.
        self._life = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def start(self) -> None:
        with self._life:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, name="batch-writer", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Write what was handed in, then end the thread and wait for it."""
        with self._life:
            thread, self._thread = self._thread, None
            if thread is None:
                return
            self._queue.put(None)
        thread.join(timeout=CLOSE_WAIT_S)
        if thread.is_alive():
            log.warning("the batch writer did not finish within %.0f s", CLOSE_WAIT_S)

    def submit(self, work: Work, timeout: float = 30.0) -> Any:
        """Run ``work(conn, events)`` in the next batch; its result or exception comes back here after
        the batch has committed — never before, so an answer is never sent for a lost write."""
        return self._enqueue(work).result(timeout)

    async def run(self, work: Work) -> Any:
        """``submit`` for the event loop: waits for the commit without holding a thread."""
        return await asyncio.wrap_future(self._enqueue(work))

    def _enqueue(self, work: Work) -> Future:
        future: Future = Future()
        with self._life:
            if self._thread is None:
                raise WriterNotRunning("the batch writer is not running: start the queue engine first")
            self._queue.put((work, future))
        return future

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._queue.put(None)
                    break
                batch.append(item)
            try:
                self._write(batch)
            except Exception as exc:
                log.exception("the batch writer failed outside a commit")
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)

    def _savepoint(self, conn: Connection) -> Callable[[], contextlib.AbstractContextManager]:
        """Each request's own savepoint. On SQLite it is sent straight to the driver: SQLAlchemy's
        nested transaction costs more than the request's own statements, and nothing else in the
        batch uses savepoints."""
        if not self.db.is_sqlite:
            return conn.begin_nested
        driver: Any = conn.connection.driver_connection

        @contextlib.contextmanager
        def savepoint() -> Iterator[None]:
            driver.execute("SAVEPOINT request")
            try:
                yield
            except BaseException:
                driver.execute("ROLLBACK TO request")
                raise
            finally:
                driver.execute("RELEASE request")
        return savepoint

    def _write(self, batch: list[tuple[Work, Future]]) -> None:
        outcomes: list[tuple[Future, Any, BaseException | None]] = []
        try:
            with self.unit_of_work.batch() as unit:
                conn, events = unit.conn, unit.events
                savepoint = self._savepoint(conn)
                for work, future in batch:
                    mark = events.mark()
                    try:
                        with savepoint():
                            outcomes.append((future, work(conn, events), None))
                    except Exception as exc:  # noqa: BLE001 - handed back to the caller
                        events.undo(mark)
                        outcomes.append((future, None, exc))
        except Exception as exc:
            log.exception("a batch of %d writes failed to commit", len(batch))
            for _, future in batch:
                future.set_exception(exc)
            return
        for future, value, error in outcomes:
            if error is not None:
                # A statement the database refused (read-only, full) fails only its request's
                # savepoint, and the batch still commits: the fault is the database's all the same.
                self.db.storage.failed(error)
                future.set_exception(error)
            else:
                future.set_result(value)
