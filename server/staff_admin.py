"""Staff accounts as an admin manages them, from the API and the command line alike: add, reset a
password, set the role, disable and enable. Each change is audited in its own transaction, and there
is always one active admin left to do the next."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from core.wire import AuditKind, ErrorCode, EventType, StaffChanged, StaffPassword, StaffUser
from server.audit import record
from server.auth import MIN_PASSWORD_LENGTH, STAFF_ROLES, Principal, Role, hash_password
from server.db import users
from server.errors import ApiError
from server.events import PendingEvents

if TYPE_CHECKING:
    from server.accounts import Accounts
    from server.db import Database

# What a user types at sign-in: no spaces, nothing a shell or a log line would mangle.
USERNAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# A password the server makes: read aloud or off a screen, so no letters that look alike.
ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def one_time_password() -> str:
    """Twelve random characters (about 59 bits) in three groups, for an officer to type once."""
    raw = "".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _user_answer(row: Any, now: datetime) -> StaffUser:
    locked = row.locked_until if row.locked_until and row.locked_until > now else None
    return StaffUser(username=row.username, display_name=row.display_name or row.username, role=row.role,
                     active=bool(row.active), locked_until=locked,
                     must_change_password=bool(row.must_change_password), created_at=row.created_at,
                     last_login_at=row.last_login_at)


def _unknown(username: str) -> ApiError:
    return ApiError(404, ErrorCode.USER_NOT_FOUND, "There is no user by that name.", username=username)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ApiError(422, ErrorCode.PASSWORD_TOO_SHORT, "The password is too short.",
                       min_length=MIN_PASSWORD_LENGTH)


def _check_role(role: Role) -> None:
    if role not in STAFF_ROLES:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "Users are staff, supervisor or admin.", role=role.value)


def record_staff_change(conn: Any, *, at: datetime, actor: Principal | None, kind: AuditKind, username: str,
                        detail: dict[str, Any]) -> None:
    """The audit entry and the ``staff.changed`` event of one change, in the caller's transaction: open staff
    pages fetch the list again at once (the event names the account and the change, nothing secret)."""
    record(conn, at=at, actor=actor, kind=kind, subject=f"user:{username}", detail=detail)
    pending = PendingEvents()
    pending.add(EventType.STAFF_CHANGED, StaffChanged(username=username, change=kind.value))
    pending.flush(conn, at)


class StaffAdmin:
    """``actor`` None is the server's command line (``main.py server …``), audited as ``cli``."""

    def __init__(self, accounts: Accounts) -> None:
        self.accounts = accounts

    @property
    def _db(self) -> Database:
        return self.accounts.db

    def all_users(self) -> list[StaffUser]:
        now = self.accounts.clock.now()
        with self._db.read() as conn:
            rows = conn.execute(select(users).order_by(users.c.username)).all()
        return [_user_answer(r, now) for r in rows]

    def add(self, actor: Principal | None, username: str, role: Role, display_name: str = "",
            password: str | None = None, *, must_change_password: bool = True) -> StaffPassword:
        """A new account; an existing name is refused. Without ``password`` the server makes one, given
        in the answer this once."""
        if not USERNAME_PATTERN.fullmatch(username):
            raise ApiError(422, ErrorCode.INVALID_USERNAME, "A username is 1 to 64 letters, digits, '.', '_' or "
                           "'-', starting with a letter or digit.", username=username[:64])
        _check_role(role)
        made = password is None
        password = one_time_password() if password is None else password
        _check_password(password)
        digest = hash_password(password, self.accounts.password_cost)
        now = self.accounts.clock.now()
        taken = ApiError(409, ErrorCode.USER_EXISTS, "A user by that name exists already.", username=username)
        try:
            with self._db.write() as conn:
                if conn.execute(select(users.c.id).where(users.c.username == username)).scalar() is not None:
                    raise taken
                conn.execute(users.insert().values(
                    username=username, password_hash=digest, role=role.value, display_name=display_name or username,
                    active=True, failed_logins=0, locked_until=None, must_change_password=must_change_password,
                    created_at=now))
                record_staff_change(conn, at=now, actor=actor, kind=AuditKind.USER_ADDED, username=username,
                                    detail={"role": role.value, "display_name": display_name or username,
                                            "generated": made, "must_change_password": must_change_password})
                row = conn.execute(select(users).where(users.c.username == username)).one()
        except IntegrityError:  # the same name added at the same moment by another process
            raise taken from None
        self.accounts.limits.clear_name(username)
        return StaffPassword(user=_user_answer(row, now), one_time_password=password if made else None)

    def reset_password(self, actor: Principal | None, username: str, password: str | None = None, *,
                       must_change_password: bool = True) -> StaffPassword:
        """A new password (made by the server without ``password``) that the officer must change at the
        next sign-in; their sign-ins end now, and the locks on their name are lifted."""
        made = password is None
        password = one_time_password() if password is None else password
        _check_password(password)
        digest = hash_password(password, self.accounts.password_cost)
        now = self.accounts.clock.now()
        with self._db.write() as conn:
            user = self._row(conn, username)
            conn.execute(update(users).where(users.c.id == user.id).values(
                password_hash=digest, must_change_password=must_change_password, failed_logins=0,
                locked_until=None))
            self.accounts.end_sign_ins(conn, user.id)
            record_staff_change(conn, at=now, actor=actor, kind=AuditKind.USER_PASSWORD_RESET, username=username,
                                detail={"generated": made, "must_change_password": must_change_password})
            row = conn.execute(select(users).where(users.c.id == user.id)).one()
        self._after_change(username)
        return StaffPassword(user=_user_answer(row, now), one_time_password=password if made else None)

    def set_role(self, actor: Principal | None, username: str, role: Role) -> StaffUser:
        """The new role holds from the user's next request (within the token cache's lifetime in
        another server process); their sign-ins go on."""
        _check_role(role)
        now = self.accounts.clock.now()
        with self._db.write() as conn:
            user = self._row(conn, username)
            if user.role != role.value:
                if user.role == Role.ADMIN.value:
                    self._refuse_last_admin(conn, user)
                conn.execute(update(users).where(users.c.id == user.id).values(role=role.value))
                record_staff_change(conn, at=now, actor=actor, kind=AuditKind.USER_ROLE_SET, username=username,
                                    detail={"from": user.role, "to": role.value})
            row = conn.execute(select(users).where(users.c.id == user.id)).one()
        self._after_change(username)
        return _user_answer(row, now)

    def set_active(self, actor: Principal | None, username: str, active: bool) -> StaffUser:
        """Disable (every sign-in ends: the next request with any of their tokens is refused) or
        enable (the wrong-password locks on the name are lifted)."""
        now = self.accounts.clock.now()
        with self._db.write() as conn:
            user = self._row(conn, username)
            if not active and user.active and user.role == Role.ADMIN.value:
                self._refuse_last_admin(conn, user)
            conn.execute(update(users).where(users.c.id == user.id).values(
                active=active, failed_logins=0, locked_until=None))
            if not active:
                self.accounts.end_sign_ins(conn, user.id)
            kind = AuditKind.USER_ENABLED if active else AuditKind.USER_DISABLED
            record_staff_change(conn, at=now, actor=actor, kind=kind, username=username,
                                detail={"was_active": bool(user.active)})
            row = conn.execute(select(users).where(users.c.id == user.id)).one()
        self._after_change(username)
        return _user_answer(row, now)

    def save(self, actor: Principal | None, username: str, password: str, role: Role, display_name: str = "", *,
             must_change_password: bool = True) -> None:
        """The command line's ``add-user``: a new account, or over an existing one a new password, role
        and name in one transaction, which enables it and ends its sign-ins."""
        _check_role(role)
        with self._db.read() as conn:
            exists = conn.execute(select(users.c.id).where(users.c.username == username)).scalar() is not None
        if not exists:
            self.add(actor, username, role, display_name, password, must_change_password=must_change_password)
            return
        _check_password(password)
        digest = hash_password(password, self.accounts.password_cost)
        now = self.accounts.clock.now()
        with self._db.write() as conn:
            user = self._row(conn, username)
            if user.role == Role.ADMIN.value and role is not Role.ADMIN:
                self._refuse_last_admin(conn, user)
            conn.execute(update(users).where(users.c.id == user.id).values(
                password_hash=digest, role=role.value, display_name=display_name or username, active=True,
                failed_logins=0, locked_until=None, must_change_password=must_change_password))
            self.accounts.end_sign_ins(conn, user.id)
            if user.role != role.value:
                record_staff_change(conn, at=now, actor=actor, kind=AuditKind.USER_ROLE_SET, username=username,
                                    detail={"from": user.role, "to": role.value})
            if not user.active:
                record_staff_change(conn, at=now, actor=actor, kind=AuditKind.USER_ENABLED, username=username,
                                    detail={"was_active": False})
            record_staff_change(conn, at=now, actor=actor, kind=AuditKind.USER_PASSWORD_RESET, username=username,
                                detail={"generated": False, "must_change_password": must_change_password})
        self._after_change(username)

    @staticmethod
    def _row(conn: Any, username: str) -> Any:
        """Read without a lock: the last-admin check locks the admins first, always in one order."""
        row = conn.execute(select(users).where(users.c.username == username)).first()
        if row is None:
            raise _unknown(username)
        return row

    @staticmethod
    def _refuse_last_admin(conn: Any, user: Any) -> None:
        """The active admins, locked in one order: of two admins demoting or disabling each other at
        once (PostgreSQL), the second waits for the first and then counts what it left."""
        admins = conn.execute(select(users.c.id).where(users.c.role == Role.ADMIN.value, users.c.active.is_(True))
                              .order_by(users.c.id).with_for_update()).scalars().all()
        if set(admins) <= {user.id}:
            raise ApiError(409, ErrorCode.LAST_ADMIN, "This is the last active admin: make another admin first.",
                           username=user.username)

    def _after_change(self, username: str) -> None:
        self.accounts.limits.clear_name(username)
        self.accounts.revoked()
