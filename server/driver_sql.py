"""Core statements that the batch writer runs straight on SQLite's driver.

A statement is still written with SQLAlchemy Core and compiled by it, once, with the bind
processors of its columns' types (UTC datetimes, JSON), so what reaches the file is exactly what
``Connection.execute`` would have written. Only the per-call bookkeeping is skipped: ~30 µs a
statement on this project's 2-core reference machine, more than SQLite's own work for the few
statements every ticket runs (bench/server.py). Errors come back as SQLAlchemy's exceptions.
On PostgreSQL the statement simply runs through SQLAlchemy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Delete, Insert, Select, Update
from sqlalchemy.sql.elements import TextClause

Statement = Select[Any] | Insert | Update | Delete | TextClause

Processor = Callable[[Any], Any] | None
Slot = tuple[str, Any, Processor]
_GIVEN = object()  # the placeholder's value comes with each call


class DriverStatement:
    def __init__(self, statement: Statement) -> None:
        self.statement = statement
        self._cache: tuple[Dialect, str, tuple[Slot, ...]] | None = None

    def scalar(self, conn: Connection, params: Mapping[str, Any]) -> Any:
        """The first column of the first row (a count, a RETURNING id), or None. The value is
        the driver's own: result types are not applied, so use it for integers and text."""
        if conn.dialect.name != "sqlite":
            return conn.execute(self.statement, params).scalar()
        _, sql, slots = self._compiled(conn.dialect)
        row = self._call(conn, "execute", sql, _values(slots, params)).fetchone()
        return None if row is None else row[0]

    def execute_many(self, conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        rows = list(rows)
        if conn.dialect.name != "sqlite":
            conn.execute(self.statement, rows)
            return
        _, sql, slots = self._compiled(conn.dialect)
        self._call(conn, "executemany", sql, [_values(slots, row) for row in rows])

    @staticmethod
    def _call(conn: Connection, method: str, sql: str, values: Any) -> Any:
        try:
            return getattr(conn.connection.driver_connection, method)(sql, values)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(sql, values, exc, conn.dialect.loaded_dbapi.Error) from exc

    def _compiled(self, dialect: Dialect) -> tuple[Dialect, str, tuple[Slot, ...]]:
        """The SQL text, and per placeholder: its parameter's name, its value when the statement
        fixed it (``status == "waiting"``), and its type's bind processor for this dialect."""
        cached = self._cache
        if cached is None or cached[0] is not dialect:
            compiled = self.statement.compile(dialect=dialect)
            # IN lists and literal-rendered values are finished per call by SQLAlchemy: not here.
            if compiled.post_compile_params or compiled.literal_execute_params:
                raise ValueError("DriverStatement cannot run statements with expanding parameters")
            slots = []
            for name in compiled.positiontup or ():
                bind = compiled.binds[name]
                process = bind.type.dialect_impl(dialect).bind_processor(dialect)
                slots.append((name, _GIVEN if bind.required else bind.value, process))
            cached = self._cache = (dialect, compiled.string, tuple(slots))
        return cached


def _values(slots: tuple[Slot, ...], params: Mapping[str, Any]) -> tuple[Any, ...]:
    """The placeholders' values in order, each through its type's bind processor."""
    values = []
    for name, literal, process in slots:
        value = params[name] if literal is _GIVEN else literal
        values.append(value if process is None else process(value))
    return tuple(values)
