"""A database made before bookings (no bookings table, tickets and outbox without booking_id) gains them at
the next start, on SQLite and on PostgreSQL, and its server then books and checks in; one made before a
booking knew who cancelled it (no bookings.cancelled_by) gains that column, and its earlier cancels read as
their holders'."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from server.db import Database
from tests.conftest import _fresh_pg_url
from tests.server.bookings.conftest import booked, check_in
from tests.support.clock import SettableClock
from tests.support.server import live_server


def _database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _fresh_pg_url() if request.param == "postgres" else f"sqlite:///{tmp_path / 'earlier.sqlite3'}"


def _made_then(url: str, *statements: str) -> str:
    """Today's schema, then taken back to an earlier one by ``statements``: an older server's database."""
    db = Database(url)
    db.create_schema()
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    db.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def earlier_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _made_then(_database_url(request, tmp_path), "DROP TABLE bookings", "DROP INDEX ix_outbox_booking",
                      *(f"ALTER TABLE {table} DROP COLUMN booking_id" for table in ("tickets", "outbox")))


def test_an_earlier_database_gains_the_bookings_and_books(earlier_url: str, tmp_path: Path, clock: SettableClock):
    with live_server(tmp_path, earlier_url, clock=clock) as server:
        schema = inspect(server.services.db.engine)
        assert "bookings" in schema.get_table_names()
        for table in ("tickets", "outbox"):
            assert "booking_id" in {c["name"] for c in schema.get_columns(table)}
        assert "ix_outbox_booking" in {i["name"] for i in schema.get_indexes("outbox")}
        assert server.issue("paspor").status_code == 201
        made = booked(server, "2026-11-23", "10:00")
        assert check_in(server, token=made["token"]).json()["booked_for"] == "10:00"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def before_cancelled_by(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with bookings but not yet their ``cancelled_by``, holding one booking its holder cancelled."""
    return _made_then(
        _database_url(request, tmp_path), "ALTER TABLE bookings DROP COLUMN cancelled_by",
        "INSERT INTO bookings (code, token, service_id, service_date, slot_start, slot_end, nik_hash, nik_last4, "
        "language, status, made_at, cancelled_at, made_by) VALUES ('123456785', 'tok-earlier-cancel', 'paspor', "
        "'2026-11-24', '2026-11-24 02:00:00', '2026-11-24 02:30:00', 'h', '0001', 'id', 'cancelled', "
        "'2026-11-20 02:00:00', '2026-11-21 02:00:00', 'web')")


def test_an_earlier_database_gains_who_cancelled_and_tells_a_staff_cancel(before_cancelled_by: str, tmp_path: Path,
                                                                          clock: SettableClock):
    with live_server(tmp_path, before_cancelled_by, clock=clock) as server:
        schema = inspect(server.services.db.engine)
        assert "cancelled_by" in {c["name"] for c in schema.get_columns("bookings")}
        assert server.call("GET", "/bookings/tok-earlier-cancel").json()["cancelled_by_staff"] is False
        made = booked(server, "2026-11-24", "10:00")
        assert server.call("POST", f"/bookings/{made['token']}/cancel", "super").json()["cancelled_by_staff"] is True
        page = server.http.get(f"{server.url}/booking/{made['token']}", timeout=10).text
        assert "Dibatalkan oleh petugas MPP" in page
