"""The audit log: who changed the office's data, or a loket or ticket not their own, and when.

An entry is written in the same transaction as the change it records, so a change is never
without its entry nor an entry without its change. It names what was done to (``subject``) and
what an office needs to understand it later (``detail``); never a password, a token, an enrolment
code or a whole NIK, which ``record`` refuses outright so that no caller can leak one by mistake."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from core.wire import AuditEntry, AuditKind, AuditPage
from server.auth import Principal
from server.db import audit_log

CLI_ACTOR = "cli"
SECRET_KEYS = frozenset({"password", "password_hash", "token", "token_hash", "code", "enroll_code", "nik",
                         "secret", "pin"})
# Sixteen digits in a row, as a NIK is written: whoever typed one into a reason or a name.
_WHOLE_NIK = re.compile(r"(?<!\d)\d{12}(\d{4})(?!\d)")
PAGE_MOST = 200


def mask_niks(text: str) -> str:
    """``text`` with every run of sixteen digits shown by its last four only, as a NIK is kept."""
    return _WHOLE_NIK.sub(lambda match: "*" * 12 + match.group(1), text)


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_niks(value)
    if isinstance(value, Mapping):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_masked(item) for item in value]
    return value


def record(conn: Connection, *, at: datetime, actor: Principal | None, kind: AuditKind, subject: str,
           detail: Mapping[str, Any] | None = None) -> None:
    """Write one entry; ``actor`` None is the server's own command line (``main.py server …``). A
    NIK typed into any text of it is kept as its last four digits."""
    detail = dict(detail or {})
    leaked = SECRET_KEYS.intersection(key.lower() for key in detail)
    if leaked:
        raise ValueError(f"an audit entry never holds secrets: {sorted(leaked)}")
    conn.execute(audit_log.insert().values(
        at=at,
        actor=actor.name if actor is not None else CLI_ACTOR,
        actor_role=actor.role.value if actor is not None else "admin",
        kind=kind.value,
        subject=mask_niks(subject)[:120],
        detail=_masked(detail),
    ))


def page(conn: Connection, *, actor: str | None = None, kind: AuditKind | None = None,
         since: datetime | None = None, until: datetime | None = None, before: int | None = None,
         limit: int = 50) -> AuditPage:
    """Entries newest first, filtered by who, what and when (``since`` ≤ at < ``until``); ``before``
    is the cursor an earlier page gave."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit + 1)
    if actor:
        query = query.where(audit_log.c.actor == actor)
    if kind is not None:
        query = query.where(audit_log.c.kind == kind.value)
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    if until is not None:
        query = query.where(audit_log.c.at < until)
    if before is not None:
        query = query.where(audit_log.c.id < before)
    rows = conn.execute(query).all()
    shown = rows[:limit]
    return AuditPage(
        entries=tuple(AuditEntry(id=r.id, at=r.at, actor=r.actor, actor_role=r.actor_role, kind=r.kind,
                                 subject=r.subject, detail=r.detail) for r in shown),
        next_cursor=shown[-1].id if len(rows) > limit else None)


def actors(conn: Connection) -> list[str]:
    """Everyone who appears in the log, by username: the console's choice of person to filter by."""
    return list(conn.execute(select(audit_log.c.actor).distinct().order_by(audit_log.c.actor)).scalars())
