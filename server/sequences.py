"""Gap-free counters in the database (ticket numbers per prefix per day, the event sequence).

One upsert that increments and returns: the row lock it takes serialises concurrent callers on
PostgreSQL, and SQLite has one writer anyway, so no two callers ever get the same number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from server.db import sequences


def next_value(conn: Connection, name: str) -> int:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(sequences).values(name=name, value=1)
    stmt = stmt.on_conflict_do_update(index_elements=[sequences.c.name],
                                      set_={"value": sequences.c.value + 1})
    return int(conn.execute(stmt.returning(sequences.c.value)).scalar_one())


def current_value(conn: Connection, name: str) -> int:
    return int(conn.execute(select(sequences.c.value).where(sequences.c.name == name)).scalar() or 0)
