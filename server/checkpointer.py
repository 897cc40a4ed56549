"""Copies SQLite's write-ahead log back into the database file on a thread and connection of its
own, so no commit waits for a checkpoint's scattered writes and fsyncs.

The connections that commit run with ``wal_autocheckpoint=0``; without this thread the log would
only be copied back when the last connection closes. PASSIVE never waits for a reader or writer:
a checkpoint that could not finish is simply finished by a later one, and once one has copied
everything the next commit starts the log from its beginning again, so it does not grow."""

from __future__ import annotations

import logging
import sqlite3

from server.db import Database
from server.periodic import Periodic

log = logging.getLogger(__name__)
CHECKPOINT_EVERY_S = 1.0


class Checkpointer:
    def __init__(self, path: str, every_s: float = CHECKPOINT_EVERY_S) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._failing = False
        self._periodic = Periodic("sqlite-checkpointer", every_s, self.checkpoint)

    @classmethod
    def for_database(cls, db: Database) -> "Checkpointer | None":
        """A checkpointer for a SQLite file, or None where there is none to keep (PostgreSQL,
        an in-memory database)."""
        path = db.engine.url.database if db.is_sqlite else None
        return cls(path) if path and path != ":memory:" and not path.startswith("file:") else None

    def start(self) -> None:
        self._periodic.start()

    def stop(self) -> None:
        self._periodic.stop()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def checkpoint(self) -> tuple[int, int] | None:
        """One PASSIVE checkpoint: the frames in the log and how many of them are now in the
        database file; None if it failed (a full disk: it is tried again next round)."""
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(self.path, timeout=5, isolation_level=None,
                                             check_same_thread=False)
                # FULL: the database file is synced before the log is reused, as for a commit.
                self._conn.execute("PRAGMA synchronous=FULL")
                self._conn.execute("PRAGMA wal_autocheckpoint=0")
            _, frames, copied = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            if not self._failing:
                log.warning("the WAL checkpoint failed (%s); retrying every %.0f s", exc,
                            self._periodic.every_s)
            self._failing = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            return None
        if self._failing:
            log.info("the WAL checkpoint works again")
        self._failing = False
        return frames, copied
