"""A database made by an earlier build keeps working after an upgrade: the columns added since are
added to its tables, on SQLite and on PostgreSQL, and the sign-ins it already holds still work."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from server.accounts import Accounts
from server.auth import Principal, Role, token_hash
from server.clock import SystemClock
from server.db import Database
from server.errors import ApiError
from server.events import EventHub
from tests.conftest import _fresh_pg_url

# staff_tokens as the builds before sign-in sessions made it.
EARLIER_STAFF_TOKENS = """CREATE TABLE staff_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id INTEGER NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked BOOLEAN NOT NULL)"""


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return _fresh_pg_url() if request.param == "postgres" else f"sqlite:///{tmp_path / 'earlier.sqlite3'}"


def test_an_earlier_database_gains_the_new_columns_and_its_sign_ins_still_work(database_url: str) -> None:
    db = Database(database_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text(EARLIER_STAFF_TOKENS))
        db.create_schema()
        db.create_schema()  # and again, as every start does: nothing left to add
        columns = {c["name"] for c in inspect(db.engine).get_columns("staff_tokens")}
        assert {"session_id", "renewed"} <= columns
        indexes = {i["name"] for i in inspect(db.engine).get_indexes("staff_tokens")}
        assert "ix_staff_tokens_session_id" in indexes

        clock = SystemClock()
        accounts = Accounts(db, clock, EventHub())
        accounts.add_user("budi", "kata-sandi-1", Role.STAFF)
        user_id = accounts.principal_for(accounts.login("budi", "kata-sandi-1").token).user_id
        # A token the earlier build issued: no session, never renewed.
        earlier = "stf_issued-by-an-earlier-build"
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO staff_tokens (token_hash, user_id, expires_at, revoked) "
                              "VALUES (:h, :u, :e, :r)"),
                         {"h": token_hash(earlier), "u": user_id, "e": clock.now() + timedelta(hours=1), "r": False})
        who = accounts.principal_for(earlier)
        assert who == Principal(Role.STAFF, "budi", user_id=user_id)

        renewed = accounts.renew(who, earlier).token
        with pytest.raises(ApiError) as refused:
            accounts.renew(who, earlier)
        assert refused.value.code == "token_renewed"
        accounts.logout(renewed)
        assert accounts.principal_for(renewed) is None
    finally:
        db.dispose()


def test_an_earlier_tickets_table_gains_the_transfer_s_loket_note_and_partial_index(database_url: str) -> None:
    """A tickets table made before transfers could name a loket: the two columns come, and the
    index that finds the tickets sent to a loket, partial as on a new database."""
    db = Database(database_url)
    try:
        db.create_schema()
        with db.engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_ticket_target"))
            conn.execute(text("ALTER TABLE tickets DROP COLUMN transfer_note"))
            conn.execute(text("ALTER TABLE tickets DROP COLUMN target_counter_id"))
        db.create_schema()
        db.create_schema()
        columns = {c["name"]: c for c in inspect(db.engine).get_columns("tickets")}
        assert columns["target_counter_id"]["nullable"] and columns["transfer_note"]["nullable"]
        index = next(i for i in inspect(db.engine).get_indexes("tickets") if i["name"] == "ix_ticket_target")
        assert index["column_names"] == ["target_counter_id", "status"]
        where = index.get("dialect_options", {})
        assert "target_counter_id IS NOT NULL" in str(where.get("sqlite_where", where.get("postgresql_where")))
    finally:
        db.dispose()
