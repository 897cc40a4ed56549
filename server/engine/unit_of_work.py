"""The one way the queue engine writes: a transaction whose events are numbered and written just
before it commits; once it has committed, what it made stale is forgotten and the hub wakes the
event streams. Written once, so no write can forget its events or wake a stream before they are
there to read."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from core.wire import EventType
from server.clock import Clock
from server.db import Database
from server.events import EventHub, PendingEvents
from server.locking import locking_write

# A part that writes more in a change's own transaction from what its events say (the notifications a
# citizen asked for), called just before the events are written.
Watcher = Callable[[Connection, datetime, Sequence[tuple[EventType, dict[str, Any]]]], None]


class Unit:
    """One transaction in progress: its connection, its events, and what to do once it commits."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.events = PendingEvents()
        self._after_commit: list[Callable[[], None]] = []

    def after_commit(self, forget: Callable[[], None]) -> None:
        """Run ``forget`` (a cache this change makes stale) once the commit has held, before the
        streams wake: never before, or another thread could fill the cache again from the old state."""
        self._after_commit.append(forget)


class UnitOfWork:
    def __init__(self, db: Database, clock: Clock, hub: EventHub) -> None:
        self.db = db
        self.clock = clock
        self.hub = hub
        self.watchers: list[Watcher] = []

    def watch(self, watcher: Watcher) -> None:
        self.watchers.append(watcher)

    def locking(self) -> AbstractContextManager[Unit]:
        """A loket, ticket or catalog change: it locks the rows it decides on, the loket before the
        ticket, and a collision is a 409 ``write_conflict`` (server/locking.py)."""
        return self._unit(locking_write(self.db))

    def batch(self) -> AbstractContextManager[Unit]:
        """The batch writer's transaction (server/batch_writer.py): each request in it runs in a
        savepoint of its own, and the batch's events are written together."""
        return self._unit(self.db.write())

    @contextlib.contextmanager
    def _unit(self, transaction: AbstractContextManager[Connection]) -> Iterator[Unit]:
        with transaction as conn:
            unit = Unit(conn)
            yield unit
            now = self.clock.now()
            for watcher in self.watchers:
                watcher(conn, now, unit.events.items)
            written = unit.events.flush(conn, now)
        for forget in unit._after_commit:
            forget()
        if written is not None:
            self.hub.notify()
