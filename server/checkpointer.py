"""Copies SQLite's write-ahead log back into the database file on a thread and connection of its
own, so no commit waits for a checkpoint's scattered writes and fsyncs.

The connections that commit run with ``wal_autocheckpoint=0``; without this thread the log would
only be copied back when the last connection closes. PASSIVE never waits for a reader or writer:
a checkpoint that could not finish is simply finished by a later one, and once one has copied
everything the next commit starts the log from its beginning again, so it does not grow.

Under steady writes, though, the log never starts again: a commit follows every checkpoint, and
readers that began before it keep their place in the log (170 MB in a 20 s bench). Starting it
again takes a RESTART checkpoint under the server's write lock, and under load that held commits
for 100–270 ms (bench/server.py). So a log past ``RESTART_FRAMES`` is restarted only once no
commit has come for ``IDLE_S`` and the backlog has been copied without the lock — at an MPP's
pace, within seconds — and past ``FORCE_FRAMES`` (a load far beyond any hall's, kept up for
minutes) it is restarted whatever the wait, so the log never grows without bound.

A RESTART that finds a reader still in the log after its wait answers "busy" and leaves the log
where it was: it is counted only when it did start the log again. A forced one waits for readers
as long as a request's read can take (``FORCE_READERS_WAIT_S``); with readers coming back to back,
the 20 ms of an idle-time restart often ended before the last of them let go, and the log grew on
round after round (18 MB past a 6 MB bound in the storage-faults test)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable

from server.db import Database
from server.periodic import Periodic

log = logging.getLogger(__name__)
CHECKPOINT_EVERY_S = 1.0
RESTART_FRAMES = 8192  # 32 MB of 4 KB pages
FORCE_FRAMES = 262144  # 1 GB
IDLE_S = 0.2
READERS_WAIT_S = 0.02  # how long a RESTART waits for readers, holding up commits meanwhile
FORCE_READERS_WAIT_S = 0.5  # the same for a restart past FORCE_FRAMES, which must not be put off again


class Checkpointer:
    def __init__(self, path: str, write_lock: threading.Lock, every_s: float = CHECKPOINT_EVERY_S,
                 restart_frames: int = RESTART_FRAMES, force_frames: int = FORCE_FRAMES,
                 idle_for: Callable[[], float] = lambda: float("inf")) -> None:
        self.path = path
        self.write_lock = write_lock
        self.restart_frames = restart_frames
        self.force_frames = force_frames
        self.idle_for = idle_for   # seconds since the last commit
        self.restarts = 0          # times the log was started again, for diagnostics and tests
        self._conn: sqlite3.Connection | None = None
        self._failing = False
        self._periodic = Periodic("sqlite-checkpointer", every_s, self.checkpoint)

    @classmethod
    def for_database(cls, db: Database) -> Checkpointer | None:
        """A checkpointer for a SQLite file, or None where there is none to keep (PostgreSQL,
        an in-memory database)."""
        path = db.engine.url.database if db.is_sqlite else None
        if not path or path == ":memory:" or path.startswith("file:") or db.write_lock is None:
            return None
        return cls(path, db.write_lock, idle_for=lambda: time.monotonic() - db.last_write_at)

    def start(self) -> None:
        self._periodic.start()

    def stop(self) -> None:
        self._periodic.stop()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def checkpoint(self) -> tuple[int, int] | None:
        """The frames in the log and how many of them are now in the database file; None if the
        checkpoint failed (a full disk: it is tried again next round)."""
        done = self._passive()
        if done is None or not self._restart_due(done[0]):
            return done
        # Copy what came while the first one copied, still without the lock; a quiet spell that
        # ended meanwhile, or frames left to copy, leave the restart to a later round, so the
        # lock is held only to start the log again, never to copy a backlog under it.
        done = self._passive()
        if done is None or not self._restart_due(done[0]):
            return done
        if done[1] < done[0] and done[0] <= self.force_frames:
            return done
        readers_wait_s = FORCE_READERS_WAIT_S if done[0] > self.force_frames else READERS_WAIT_S
        with self.write_lock:
            started = time.perf_counter()
            restarted = self._checkpoint("RESTART", readers_wait_s)
            held_ms = (time.perf_counter() - started) * 1000
        if restarted is None:
            return None
        busy, frames, copied = restarted
        if busy:
            log.debug("a reader kept the log from restarting; commits waited %.1f ms", held_ms)
            return frames, copied
        self.restarts += 1
        (log.info if held_ms > 10 else log.debug)("the log restarted: commits waited %.1f ms", held_ms)
        return frames, copied

    def _restart_due(self, frames: int) -> bool:
        if frames > self.force_frames:
            return True
        return frames > self.restart_frames and self.idle_for() >= IDLE_S

    def _passive(self) -> tuple[int, int] | None:
        done = self._checkpoint("PASSIVE", READERS_WAIT_S)
        return None if done is None else done[1:]

    def _checkpoint(self, mode: str, readers_wait_s: float) -> tuple[int, int, int] | None:
        """SQLite's answer: busy (1 when a reader or writer kept it from finishing), the frames in
        the log, the frames copied; None when it failed."""
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(self.path, timeout=READERS_WAIT_S, isolation_level=None,
                                             check_same_thread=False)
                # FULL: the database file is synced before the log is reused, as for a commit.
                self._conn.execute("PRAGMA synchronous=FULL")
                self._conn.execute("PRAGMA wal_autocheckpoint=0")
            self._conn.execute(f"PRAGMA busy_timeout={round(readers_wait_s * 1000)}")
            busy, frames, copied = self._conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
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
        return busy, frames, copied
