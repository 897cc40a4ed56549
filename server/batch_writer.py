"""Group commit: one thread writes many tickets in one transaction.

SQLite has one writer at a time and each commit waits for the disk (synchronous=FULL, so a ticket
a citizen holds survives a power cut). When kiosks tap at once, one commit serves the whole burst;
each request still runs in its own savepoint, so a refused one undoes only itself. The batch's
events are numbered and written together just before the commit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from concurrent.futures import Future
from datetime import datetime
from typing import Any, Callable

from sqlalchemy.engine import Connection

from server.db import Database
from server.events import PendingEvents

log = logging.getLogger(__name__)
Work = Callable[[Connection, PendingEvents], Any]


class BatchWriter:
    def __init__(self, db: Database, now: Callable[[], datetime], on_commit: Callable[[], None],
                 max_batch: int = 64) -> None:
        self.db = db
        self.now = now
        self.on_commit = on_commit
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[tuple[Work, Future] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="batch-writer", daemon=True)
        self._thread.start()

    def submit(self, work: Work, timeout: float = 30.0) -> Any:
        """Run ``work(conn, events)`` in the next batch; its result or exception comes back here after
        the batch has committed — never before, so an answer is never sent for a lost write."""
        future: Future = Future()
        self._queue.put((work, future))
        return future.result(timeout)

    async def run(self, work: Work) -> Any:
        """``submit`` for the event loop: waits for the commit without holding a thread."""
        future: Future = Future()
        self._queue.put((work, future))
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=5)

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
            except Exception as exc:  # noqa: BLE001 - the thread must outlive any one batch
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
        driver = conn.connection.driver_connection

        @contextlib.contextmanager
        def savepoint():  # noqa: ANN202
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
            with self.db.write() as conn:
                savepoint = self._savepoint(conn)
                events = PendingEvents()
                for work, future in batch:
                    mark = events.mark()
                    try:
                        with savepoint():
                            outcomes.append((future, work(conn, events), None))
                    except Exception as exc:  # noqa: BLE001 - handed back to the caller
                        events.undo(mark)
                        outcomes.append((future, None, exc))
                events.flush(conn, self.now())
        except Exception as exc:  # noqa: BLE001 - the commit failed: nothing of the batch holds
            log.exception("a batch of %d writes failed to commit", len(batch))
            for _, future in batch:
                future.set_exception(exc)
            return
        self.on_commit()
        for future, value, error in outcomes:
            if error is not None:
                # A statement the database refused (read-only, full) fails only its request's
                # savepoint, and the batch still commits: the fault is the database's all the same.
                self.db.storage.failed(error)
                future.set_exception(error)
            else:
                future.set_result(value)
