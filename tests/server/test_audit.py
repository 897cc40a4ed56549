"""The audit log keeps who did what, and never a secret."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from core.wire import AuditKind
from server.audit import record
from server.auth import Principal, Role
from server.db import Database, audit_log

AT = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'audit.sqlite3'}")
    database.create_schema()
    return database


def test_an_entry_names_who_did_what_to_whom_and_when(db: Database) -> None:
    admin = Principal(role=Role.ADMIN, name="siti", user_id=1)
    with db.write() as conn:
        record(conn, at=AT, actor=admin, kind=AuditKind.USER_DISABLED, subject="user:budi",
               detail={"reason": "pindah tugas"})
    with db.read() as conn:
        row = conn.execute(select(audit_log)).one()
    assert (row.at, row.actor, row.actor_role, row.kind, row.subject, row.detail) == (
        AT, "siti", "admin", "user.disabled", "user:budi", {"reason": "pindah tugas"})


def test_the_command_line_is_recorded_as_cli(db: Database) -> None:
    with db.write() as conn:
        record(conn, at=AT, actor=None, kind=AuditKind.USER_ADDED, subject="user:budi")
    with db.read() as conn:
        assert conn.execute(select(audit_log.c.actor, audit_log.c.actor_role)).one() == ("cli", "admin")


@pytest.mark.parametrize("key", ["password", "Token", "nik", "code", "pin"])
def test_a_secret_is_refused_and_nothing_is_written(db: Database, key: str) -> None:
    admin = Principal(role=Role.ADMIN, name="siti", user_id=1)
    with pytest.raises(ValueError, match="secrets"), db.write() as conn:
        record(conn, at=AT, actor=admin, kind=AuditKind.USER_PASSWORD_RESET, subject="user:budi",
               detail={key: "rahasia"})
    with db.read() as conn:
        assert conn.execute(select(audit_log)).all() == []


def test_a_whole_nik_typed_anywhere_in_an_entry_keeps_only_its_last_four_digits(db: Database) -> None:
    admin = Principal(role=Role.ADMIN, name="siti", user_id=1)
    with db.write() as conn:
        record(conn, at=AT, actor=admin, kind=AuditKind.SERVICE_CLOSED_TODAY, subject="warga 3604011208900001",
               detail={"note": "NIK 3604011208900001, telepon 081234567890", "list": ["3604011208900001"],
                       "nested": {"text": "x3604011208900001"}, "count": 3, "longer": "12345678901234567"})
    with db.read() as conn:
        row = conn.execute(select(audit_log)).one()
    assert row.subject == "warga ************0001"
    assert row.detail == {"note": "NIK ************0001, telepon 081234567890", "list": ["************0001"],
                          "nested": {"text": "x************0001"}, "count": 3, "longer": "12345678901234567"}
