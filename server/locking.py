"""The write transaction of a loket or ticket change, and the one answer when PostgreSQL gives up.

Each such change locks the rows it decides on (``SELECT … FOR UPDATE``), always the loket before
the ticket, so two requests never both act on the state they read and never wait on each other in
a circle. On SQLite, writers are one at a time already and ``FOR UPDATE`` compiles to nothing."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from core.wire import ErrorCode
from server.db import Database
from server.errors import ApiError

log = logging.getLogger(__name__)

# PostgreSQL's answers when two transactions collide: serialization_failure, deadlock_detected,
# lock_not_available. The other transaction went through; this one changed nothing.
COLLISIONS = frozenset({"40001", "40P01", "55P03"})
# How long a change waits for a row another transaction holds. Rows are held for milliseconds; a
# longer wait means a stalled process, and the officer hears "retry" instead of a frozen screen
# while requests pile up on the connection pool.
LOCK_WAIT = "5s"


def write_conflict() -> ApiError:
    return ApiError(409, ErrorCode.WRITE_CONFLICT,
                    "Another change to this loket or ticket came at the same moment; look again and retry.")


@contextlib.contextmanager
def locking_write(db: Database) -> Iterator[Connection]:
    """``db.write()``, where a collision is a 409 with a code, never a 500."""
    try:
        with db.write() as conn:
            if not db.is_sqlite:
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
            yield conn
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None)
        if state not in COLLISIONS:
            raise
        log.warning("write rolled back on a collision (SQLSTATE %s)", state)
        raise write_conflict() from None
