"""Staff users, their expiring tokens, and enrolled devices with their revocable tokens."""

from __future__ import annotations

import functools
import logging
import secrets
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from server.auth import (Principal, Role, hash_password, new_enrollment_code, new_token,
                         normalise_enrollment_code, token_hash, verify_password)
from server.clock import Clock
from server.db import Database, devices, staff_tokens, users
from server.errors import ApiError
from server.events import EventHub, EventTypes, PendingEvents

log = logging.getLogger(__name__)

STAFF_TOKEN_TTL = timedelta(hours=8)
PRINCIPAL_TTL_S = 5.0
ENROLL_CODE_TTL = timedelta(hours=24)
MAX_FAILED_LOGINS = 5
LOGIN_LOCK = timedelta(minutes=5)
RENEWED_TOKEN_GRACE = timedelta(minutes=2)
SILENT_AFTER = timedelta(seconds=90)  # three missed 30 s heartbeats


@functools.cache
def _unknown_user_hash() -> str:
    """A hash to check a password against when the name is unknown, so that answer takes as long."""
    return hash_password(secrets.token_urlsafe(16))


def _after_wrong_password(failed: int, now: datetime) -> tuple[int, datetime | None]:
    """The failure count and lock after one more wrong password: the fifth locks the login for
    five minutes and starts the count again."""
    failed += 1
    return (0, now + LOGIN_LOCK) if failed >= MAX_FAILED_LOGINS else (failed, None)


class Accounts:
    def __init__(self, db: Database, clock: Clock, hub: EventHub) -> None:
        self.db = db
        self.clock = clock
        self.hub = hub
        self._principals: dict[str, tuple[float, datetime | None, Principal]] = {}
        self._unknown_failures: dict[str, tuple[int, datetime | None]] = {}

    # ----------------------------------------------------------------- staff

    def add_user(self, username: str, password: str, role: Role, display_name: str = "") -> None:
        if role not in (Role.STAFF, Role.SUPERVISOR, Role.ADMIN):
            raise ValueError("users are staff, supervisor or admin")
        if len(password) < 8:
            raise ValueError("a password needs at least 8 characters")
        with self.db.write() as conn:
            existing = conn.execute(select(users.c.id).where(users.c.username == username)).scalar()
            values = {"password_hash": hash_password(password), "role": role.value,
                      "display_name": display_name or username, "active": True, "failed_logins": 0,
                      "locked_until": None}
            if existing:
                conn.execute(update(users).where(users.c.id == existing).values(**values))
            else:
                conn.execute(users.insert().values(username=username, created_at=self.clock.now(), **values))

    def login(self, username: str, password: str) -> dict[str, Any]:
        """A name that does not exist is answered as a wrong password would be: as slowly (the
        password is still hashed) and locked after as many tries, so a login does not tell which
        names are staff."""
        now = self.clock.now()
        with self.db.write() as conn:
            user = conn.execute(select(users).where(users.c.username == username)).first()
            locked_until = user.locked_until if user is not None else self._unknown_locked_until(username, now)
            if locked_until and locked_until > now:
                raise ApiError(429, "login_locked", "Too many wrong passwords; try again later.",
                               until=locked_until.isoformat())
            stored = user.password_hash if user is not None and user.active else _unknown_user_hash()
            if not verify_password(password, stored) or user is None or not user.active:
                if user is not None:
                    failed, locked = _after_wrong_password(user.failed_logins, now)
                    conn.execute(update(users).where(users.c.id == user.id).values(
                        failed_logins=failed, locked_until=locked))
                else:
                    self._count_unknown_failure(username, now)
                # An unknown name is not logged: it is often a password typed in the wrong field.
                log.info("failed login for %s", repr(user.username) if user is not None else "an unknown username")
            else:
                conn.execute(update(users).where(users.c.id == user.id).values(failed_logins=0, locked_until=None))
                return self._issue_staff_token(conn, user, now, secrets.token_hex(16))
        # Raised after the commit: raised inside, it would roll back the failure count just written.
        raise ApiError(401, "bad_credentials", "Wrong username or password.")

    def _unknown_locked_until(self, username: str, now: datetime) -> datetime | None:
        until = self._unknown_failures.get(username, (0, None))[1]
        return until if until and until > now else None

    def _count_unknown_failure(self, username: str, now: datetime) -> None:
        """The users table's failure count, kept in memory for names that are not in it."""
        if len(self._unknown_failures) > 10_000:
            self._unknown_failures.clear()
        failed = self._unknown_failures.get(username, (0, None))[0]
        self._unknown_failures[username] = _after_wrong_password(failed, now)

    def _issue_staff_token(self, conn, user, now: datetime, session_id: str) -> dict[str, Any]:  # noqa: ANN001
        token = new_token("stf")
        expires = now + STAFF_TOKEN_TTL
        conn.execute(staff_tokens.insert().values(token_hash=token_hash(token), user_id=user.id,
                                                  expires_at=expires, revoked=False,
                                                  session_id=session_id, renewed=False))
        return {"token": token, "expires_at": expires.isoformat(), "role": user.role,
                "username": user.username, "display_name": user.display_name}

    def renew(self, principal: Principal, old_token: str) -> dict[str, Any]:
        """A new token for the same sign-in. The old one lives two more minutes, for requests
        already on their way, and cannot be renewed again: otherwise it would outlive a logout
        made with its successor."""
        now = self.clock.now()
        self.forget_tokens()
        with self.db.write() as conn:
            old = conn.execute(select(staff_tokens).where(
                staff_tokens.c.token_hash == token_hash(old_token))).first()
            # Marked in the same statement that checks it: of two renewals at once, one wins.
            marked = old is not None and conn.execute(update(staff_tokens).where(
                staff_tokens.c.token_hash == old.token_hash, staff_tokens.c.renewed.is_not(True)).values(
                renewed=True, expires_at=min(old.expires_at, now + RENEWED_TOKEN_GRACE))).rowcount == 1
            if not marked:
                raise ApiError(401, "token_renewed", "This sign-in was already renewed; use the newer token.")
            user = conn.execute(select(users).where(users.c.id == principal.user_id)).first()
            return self._issue_staff_token(conn, user, now, old.session_id or secrets.token_hex(16))

    def logout(self, token: str) -> dict[str, Any]:
        """End the sign-in at once, its earlier and renewed tokens included: a counter PC is
        shared, and the next person at it must not inherit a sign-in that would last hours."""
        with self.db.write() as conn:
            row = conn.execute(select(staff_tokens.c.session_id).where(
                staff_tokens.c.token_hash == token_hash(token))).first()
            same = (staff_tokens.c.session_id == row.session_id if row is not None and row.session_id
                    else staff_tokens.c.token_hash == token_hash(token))
            conn.execute(update(staff_tokens).where(same).values(revoked=True))
        self.forget_tokens()
        return {"status": "logged_out"}

    # ----------------------------------------------------------------- devices

    def create_enrollment(self, kind: Role, name: str) -> str:
        """A one-time code for a device; a name enrolled before gets a new code and a new token."""
        if kind not in (Role.KIOSK, Role.DISPLAY):
            raise ValueError("devices are kiosk or display")
        code = new_enrollment_code()
        now = self.clock.now()
        values = {"kind": kind.value, "enroll_code_hash": token_hash(code),
                  "enroll_expires_at": now + ENROLL_CODE_TTL}
        with self.db.write() as conn:
            existing = conn.execute(select(devices.c.id).where(devices.c.name == name)).scalar()
            if existing:
                conn.execute(update(devices).where(devices.c.id == existing).values(**values))
            else:
                conn.execute(devices.insert().values(name=name, created_at=now, revoked=False,
                                                     locked=False, **values))
        return code

    def enroll(self, code: str) -> dict[str, Any]:
        now = self.clock.now()
        with self.db.write() as conn:
            row = conn.execute(select(devices).where(
                devices.c.enroll_code_hash == token_hash(normalise_enrollment_code(code)))).first()
            if row is None or row.enroll_expires_at is None or row.enroll_expires_at < now:
                raise ApiError(401, "bad_enrollment_code", "That enrolment code is wrong, used or expired.")
            token = new_token("dev")
            conn.execute(update(devices).where(devices.c.id == row.id).values(
                token_hash=token_hash(token), enroll_code_hash=None, enroll_expires_at=None,
                enrolled_at=now, revoked=False))
        log.info("device %r enrolled as %s", row.name, row.kind)
        return {"token": token, "device": {"id": row.id, "name": row.name, "kind": row.kind}}

    def heartbeat(self, principal: Principal, state: dict[str, Any]) -> dict[str, Any]:
        now = self.clock.now()
        pending = PendingEvents()
        with self.db.write() as conn:
            row = conn.execute(select(devices).where(devices.c.id == principal.device_id)).first()
            before = (row.last_state or {}) if row else {}
            conn.execute(update(devices).where(devices.c.id == principal.device_id)
                         .values(last_seen_at=now, last_state=state))
            watched = ("printer_state", "paper", "last_error")
            changed = any(before.get(k) != state.get(k) for k in watched)
            if changed:
                pending.add(EventTypes.DEVICE_STATE, {"device": row.name, "kind": row.kind,
                                                      **{k: state.get(k) for k in watched}})
                pending.flush(conn, now)
        if changed:
            self.hub.notify()
        return {"locked": bool(row.locked), "server_time": now.isoformat(), "name": row.name}

    def list_devices(self) -> list[dict[str, Any]]:
        now = self.clock.now()
        with self.db.read() as conn:
            rows = conn.execute(select(devices).order_by(devices.c.kind, devices.c.name)).all()
        out = []
        for r in rows:
            state = r.last_state or {}
            silent = r.enrolled_at is not None and (r.last_seen_at is None or now - r.last_seen_at > SILENT_AFTER)
            out.append({"id": r.id, "name": r.name, "kind": r.kind, "enrolled": r.enrolled_at is not None,
                        "revoked": r.revoked, "locked": r.locked,
                        "last_seen_at": r.last_seen_at.isoformat() if r.last_seen_at else None,
                        "silent": silent, "paper_out": state.get("paper") == "out", "state": state})
        return out

    def set_locked(self, name: str, locked: bool) -> bool:
        with self.db.write() as conn:
            return conn.execute(update(devices).where(devices.c.name == name).values(locked=locked)).rowcount == 1

    def revoke(self, name: str) -> bool:
        self.forget_tokens()
        with self.db.write() as conn:
            return conn.execute(update(devices).where(devices.c.name == name)
                                .values(revoked=True, token_hash=None)).rowcount == 1

    # ----------------------------------------------------------------- who is asking

    def principal_for(self, token: str) -> Principal | None:
        """The principal behind a token, remembered 5 s: every request asks, and a revoke made
        in this process forgets at once (one made by the CLI takes effect within 5 s)."""
        digest = token_hash(token)
        hit = self._principals.get(digest)
        if hit and hit[0] > time.monotonic() and (hit[1] is None or hit[1] > self.clock.now()):
            return hit[2]
        found = self._lookup(digest)
        if found is None:
            return None
        principal, expires_at = found
        if len(self._principals) > 10_000:
            self._principals.clear()
        self._principals[digest] = (time.monotonic() + PRINCIPAL_TTL_S, expires_at, principal)
        return principal

    def forget_tokens(self) -> None:
        self._principals.clear()

    def _lookup(self, digest: str) -> tuple[Principal, datetime | None] | None:
        """A device token lives until revoked; a staff token until it expires."""
        now = self.clock.now()
        with self.db.read() as conn:
            device = conn.execute(select(devices).where(devices.c.token_hash == digest)).first()
            if device is not None:
                if device.revoked:
                    return None
                return Principal(Role(device.kind), device.name, device_id=device.id), None
            staff = conn.execute(select(staff_tokens, users).join(users, users.c.id == staff_tokens.c.user_id)
                                 .where(staff_tokens.c.token_hash == digest)).first()
        if staff is None or staff.revoked or staff.expires_at <= now or not staff.active:
            return None
        return Principal(Role(staff.role), staff.username, user_id=staff.user_id), staff.expires_at
