"""The audit log: who changed the office's data, or a loket or ticket not their own, and when.

An entry is written in the same transaction as the change it records, so a change is never
without its entry nor an entry without its change. It names what was done to (``subject``) and
what an office needs to understand it later (``detail``); never a password, a token, an enrolment
code or a whole NIK, which ``record`` refuses outright so that no caller can leak one by mistake."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from core.wire import AuditKind
from server.auth import Principal
from server.db import audit_log

CLI_ACTOR = "cli"
SECRET_KEYS = frozenset({"password", "password_hash", "token", "token_hash", "code", "enroll_code", "nik",
                         "secret", "pin"})


def record(conn: Connection, *, at: datetime, actor: Principal | None, kind: AuditKind, subject: str,
           detail: Mapping[str, Any] | None = None) -> None:
    """Write one entry; ``actor`` None is the server's own command line (``main.py server …``)."""
    detail = dict(detail or {})
    leaked = SECRET_KEYS.intersection(key.lower() for key in detail)
    if leaked:
        raise ValueError(f"an audit entry never holds secrets: {sorted(leaked)}")
    conn.execute(audit_log.insert().values(
        at=at,
        actor=actor.name if actor is not None else CLI_ACTOR,
        actor_role=actor.role.value if actor is not None else "admin",
        kind=kind.value,
        subject=subject[:120],
        detail=detail,
    ))
