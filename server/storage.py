"""Tells a storage fault (a full disk, a read-only database, an I/O error, a database out of reach)
from a bug, and keeps the last one seen, so /health and every refused write can say what is wrong."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

try:
    import psycopg
except ImportError:  # a SQLite-only install
    psycopg = None  # type: ignore[assignment]  # the name stays, None when the driver is absent

log = logging.getLogger(__name__)

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_REASONS = {13: "disk_full", 8: "read_only", 10: "io_error", 14: "io_error", 11: "corrupt",
                   26: "corrupt"}
# PostgreSQL's SQLSTATEs, by the longest prefix that matches.
_PG_REASONS = {"25006": "read_only", "53100": "disk_full", "53": "disk_full", "58": "io_error",
               "57P": "unreachable", "08": "unreachable", "XX001": "corrupt", "XX002": "corrupt"}

MESSAGES = {
    "disk_full": "The server's disk is full: nothing can be saved until space is freed.",
    "read_only": "The server's database is read-only: nothing can be saved until it is writable again.",
    "io_error": "The server cannot write to its disk (an I/O error).",
    "corrupt": "The server's database file is damaged.",
    "unreachable": "The server cannot reach its database.",
}


def storage_fault(exc: BaseException) -> str | None:
    """The reason code of a storage fault, or None when ``exc`` is something else (a bug, a
    constraint that did its job)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        return _SQLITE_REASONS.get(code & 0xFF) if code is not None else None
    if psycopg is None or not isinstance(orig, psycopg.Error):
        return None
    if orig.sqlstate is None:
        # Without a SQLSTATE it is the connection itself that failed, not a statement.
        return "unreachable" if isinstance(orig, (psycopg.OperationalError, psycopg.InterfaceError)) else None
    state = orig.sqlstate
    for prefix in sorted(_PG_REASONS, key=len, reverse=True):
        if state.startswith(prefix):
            return _PG_REASONS[prefix]
    return None


@dataclass(frozen=True)
class Fault:
    reason: str
    since: float  # time.time() of the first failure in this run of failures
    detail: str


class StorageStatus:
    """The outcome of the latest write: a fault stays until a write succeeds again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fault: Fault | None = None
        self.checked_at = 0.0  # time.monotonic() of the latest write's outcome

    @property
    def fault(self) -> Fault | None:
        return self._fault

    def wrote(self) -> None:
        self.checked_at = time.monotonic()
        if self._fault is not None:
            with self._lock:
                if self._fault is not None:
                    log.warning("storage is writable again (it failed with %s)", self._fault.reason)
                self._fault = None

    def failed(self, exc: BaseException) -> str | None:
        """Record ``exc`` if it is a storage fault; its reason code, or None."""
        reason = storage_fault(exc)
        if reason is None:
            return None
        self.checked_at = time.monotonic()
        with self._lock:
            if self._fault is None or self._fault.reason != reason:
                log.error("storage fault (%s): %s", reason, exc)
                self._fault = Fault(reason, time.time(), str(getattr(exc, "orig", exc))[:200])
        return reason
