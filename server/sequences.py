"""Gap-free counters in the database (ticket numbers per prefix per day, the event sequence).

One upsert that increments and returns: the row lock it takes serialises concurrent callers on
PostgreSQL, and SQLite has one writer anyway, so no two callers ever get the same number. The
statement is the same text on SQLite (3.35+) and PostgreSQL, and is compiled once."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from server.db import sequences
from server.driver_sql import DriverStatement

_BUMP = DriverStatement(text(
    "INSERT INTO sequences (name, value) VALUES (:name, :count) "
    "ON CONFLICT (name) DO UPDATE SET value = sequences.value + :count RETURNING value"))


def next_value(conn: Connection, name: str) -> int:
    return next_values(conn, name, 1)[0]


def next_values(conn: Connection, name: str, count: int) -> range:
    """``count`` consecutive numbers in one statement (a batch's events)."""
    last = int(_BUMP.scalar(conn, {"name": name, "count": count}))
    return range(last - count + 1, last + 1)


def current_value(conn: Connection, name: str) -> int:
    return int(conn.execute(select(sequences.c.value).where(sequences.c.name == name)).scalar() or 0)


def locked_value(conn: Connection, name: str) -> int:
    """The current value with its row locked until the transaction ends (made at 0 if missing): a
    change that decides against a count of tickets waits for the issuers of that count, and they
    for it."""
    return int(_BUMP.scalar(conn, {"name": name, "count": 0}))
