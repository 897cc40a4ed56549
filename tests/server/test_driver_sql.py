"""The writer's hottest statements run on SQLite's driver (server/driver_sql.py): what they store
must be byte for byte what SQLAlchemy would have stored, or later reads and comparisons (who is
ahead of whom, by queued_at) go wrong; and their errors must be SQLAlchemy's."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, func, select, text
from sqlalchemy.exc import IntegrityError

from server.db import Database, events, tickets
from server.driver_sql import DriverStatement

INSERT = DriverStatement(tickets.insert().values(
    {c.name: bindparam(c.name) for c in tickets.c if c.name != "id"}).returning(tickets.c.id))


def ticket_values(seq: int, at: datetime, **changes: Any) -> dict[str, Any]:
    values = {
        "code": f"B-{seq:03d}", "prefix": "B", "seq": seq, "service_date": "2026-11-23", "service_id": "kk",
        "origin_service_id": "kk", "status": "waiting", "priority": None, "token": f"token-{seq}",
        "issued_at": at, "queued_at": at, "called_at": None, "started_at": None, "finished_at": None,
        "counter_id": None, "served_by": None, "recalls": 0, "transfers": 0, "issuer": "device:1",
        "idempotency_key": f"key-{seq}", "request_digest": "d" * 64, "nik_hash": None, "nik_last4": "0001",
        "print_status": None, "print_reason": None, "target_counter_id": None, "transfer_note": None,
        "booking_id": None,
    }
    return {**values, **changes}


@pytest.fixture
def db(tmp_path: Path):
    database = Database(f"sqlite:///{tmp_path / 'driver.sqlite3'}")
    database.create_schema()
    yield database
    database.dispose()


def stored(conn, table: str, key: str, value: Any) -> tuple:
    """A row as SQLite holds it, before any SQLAlchemy type turns it back into Python."""
    return tuple(conn.exec_driver_sql(f"SELECT * FROM {table} WHERE {key} = ?", (value,)).one())


@pytest.mark.parametrize("at", [datetime(2026, 11, 23, 1, 0, tzinfo=UTC),
                                datetime(2026, 11, 23, 8, 30, 5, 123456).astimezone()],
                         ids=["whole-second", "microseconds-local-zone"])
def test_a_ticket_is_stored_exactly_as_sqlalchemy_stores_it(db: Database, at: datetime) -> None:
    with db.write() as conn:
        conn.execute(tickets.insert(), ticket_values(1, at))
        driver_id = INSERT.scalar(conn, ticket_values(2, at))
        by_core, by_driver = stored(conn, "tickets", "seq", 1), stored(conn, "tickets", "seq", 2)
        assert driver_id == by_driver[0]
        differ = {c.name for c, a, b in zip(tickets.c, by_core, by_driver, strict=True) if a != b}
        assert differ == {"id", "code", "seq", "token", "idempotency_key"}, differ
        back = conn.execute(select(tickets).where(tickets.c.id == driver_id)).one()
        assert back.queued_at == at and back.queued_at.tzinfo is not None


def test_an_event_is_stored_exactly_as_sqlalchemy_stores_it(db: Database) -> None:
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    data = {"code": "B-001", "service_name": "Akta Kelahiran — Disdukcapil", "ahead": 3, "counter": None}
    with db.write() as conn:
        conn.execute(events.insert(), {"seq": 1, "type": "ticket.issued", "at": at, "data": data})
        DriverStatement(events.insert()).execute_many(conn, [
            {"seq": 2, "type": "ticket.issued", "at": at, "data": data},
            {"seq": 3, "type": "ticket.called", "at": at, "data": {}}])
        assert stored(conn, "events", "seq", 1)[1:] == stored(conn, "events", "seq", 2)[1:]
        assert [r.data for r in conn.execute(select(events).order_by(events.c.seq))] == [data, data, {}]


def test_values_fixed_in_the_statement_are_sent_with_it(db: Database) -> None:
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    waiting = DriverStatement(select(func.count()).select_from(tickets).where(
        tickets.c.service_id == bindparam("service"), tickets.c.status == "waiting"))
    with db.write() as conn:
        INSERT.scalar(conn, ticket_values(1, at))
        INSERT.scalar(conn, ticket_values(2, at, status="done"))
        INSERT.scalar(conn, ticket_values(3, at, service_id="ktp", origin_service_id="ktp"))
        assert waiting.scalar(conn, {"service": "kk"}) == 1
        assert waiting.scalar(conn, {"service": "paspor"}) == 0


def test_a_clash_is_sqlalchemys_integrity_error_and_leaves_the_transaction_usable(db: Database) -> None:
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    with db.write() as conn:
        INSERT.scalar(conn, ticket_values(1, at))
        with pytest.raises(IntegrityError):
            INSERT.scalar(conn, ticket_values(1, at, token="another"))  # same B-001 on the same day
        INSERT.scalar(conn, ticket_values(2, at))
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM tickets")).scalar_one() == 2
