"""Staff users, their expiring tokens, and enrolled devices with their revocable tokens."""

from __future__ import annotations

import functools
import logging
import secrets
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, literal, or_, select, update
from sqlalchemy.exc import IntegrityError

from core.wire import (
    AuditKind,
    Device,
    DeviceRef,
    DeviceStateEvent,
    Enrollment,
    ErrorCode,
    EventType,
    HeartbeatReply,
    LoggedOut,
    Login,
    PasswordChanged,
)
from server.auth import (
    MIN_PASSWORD_LENGTH,
    PRODUCTION_COST,
    Principal,
    Role,
    ScryptCost,
    hash_password,
    new_token,
    normalise_enrollment_code,
    token_hash,
    verify_password_aside,
)
from server.clock import Clock
from server.db import Database, UtcDateTime, devices, staff_tokens, users
from server.device_admin import DeviceAdmin
from server.errors import ApiError
from server.events import EventHub, PendingEvents
from server.sign_in_limits import SignInLimits
from server.staff_admin import StaffAdmin, record_staff_change

log = logging.getLogger(__name__)

STAFF_TOKEN_TTL = timedelta(hours=8)
SIGN_IN_LIFETIME = timedelta(hours=12)  # from the login, however often its token is renewed
# A token revoked by another process (the CLI, a second server) still works this long here;
# one revoked in this process stops at once.
PRINCIPAL_TTL_S = 2.0
# Over all addresses: high enough that a stranger at one PC can never lock an officer out (that
# takes ten addresses failing five times each), low enough to stop a guesser spread over many.
NAME_FAILURE_LIMIT = 50
NAME_LOCK = timedelta(minutes=15)
RENEWED_TOKEN_GRACE = timedelta(minutes=2)
SILENT_AFTER = timedelta(seconds=90)  # three missed 30 s heartbeats


@functools.cache
def _unknown_user_hash(cost: ScryptCost) -> str:
    """A hash to check a password against when the name is unknown, so that answer takes as long."""
    return hash_password(secrets.token_urlsafe(16), cost)


def _after_wrong_password(failed: int, now: datetime) -> tuple[int, datetime | None]:
    """A name's count over all addresses and its lock after one more wrong password."""
    failed += 1
    return (0, now + NAME_LOCK) if failed >= NAME_FAILURE_LIMIT else (failed, None)


def _locked(scope: str, until: datetime) -> ApiError:
    return ApiError(429, ErrorCode.LOGIN_LOCKED, "Too many wrong passwords; try again later.",
                    until=until.isoformat(), scope=scope)


def _login_answer(token: str, expires: datetime, user: Any) -> Login:
    return Login(token=token, expires_at=expires, role=user.role, username=user.username,
                 display_name=user.display_name, must_change_password=bool(user.must_change_password))


class Accounts:
    def __init__(self, db: Database, clock: Clock, hub: EventHub, *,
                 password_cost: ScryptCost = PRODUCTION_COST) -> None:
        self.db = db
        self.password_cost = password_cost
        self.clock = clock
        self.hub = hub
        self.limits = SignInLimits()
        self._principals: dict[str, tuple[float, datetime | None, Principal]] = {}
        self._unknown_failures: dict[str, tuple[int, datetime | None]] = {}
        self.staff = StaffAdmin(self)
        self.devices = DeviceAdmin(self)

    # ----------------------------------------------------------------- staff

    def add_user(self, username: str, password: str, role: Role, display_name: str = "", *,
                 must_change_password: bool = False) -> None:
        """The command line's ``add-user`` (``StaffAdmin.save``): a new user, or a new password and role
        for an existing one, which ends their sign-ins."""
        self.staff.save(None, username, password, role, display_name, must_change_password=must_change_password)

    def reset_password(self, username: str, password: str) -> bool:
        """The command line's reset (``StaffAdmin.reset_password``); False when there is no such user."""
        try:
            self.staff.reset_password(None, username, password)
        except ApiError as refusal:
            if refusal.code is ErrorCode.USER_NOT_FOUND:
                return False
            raise
        return True

    def change_password(self, principal: Principal, current: str, new: str) -> PasswordChanged:
        """The officer's own change: the current password, then a new one of at least
        MIN_PASSWORD_LENGTH characters that differs from it. The sign-in goes on, and every
        route is open to it again. Neither password is ever logged."""
        if len(new) < MIN_PASSWORD_LENGTH:
            raise ApiError(422, ErrorCode.PASSWORD_TOO_SHORT, "The new password is too short.",
                           min_length=MIN_PASSWORD_LENGTH)
        with self.db.read() as conn:
            user = conn.execute(select(users).where(users.c.id == principal.user_id)).first()
        if user is None or not user.active:
            raise ApiError(401, ErrorCode.INVALID_TOKEN, "The token is unknown, revoked or expired.")
        # Wrong current passwords lock changes as wrong logins lock a PC: a token left on an
        # unattended PC cannot be used to guess the password.
        guesses = f"password-change:{user.id}"
        self.refuse_if_locked(user.username, guesses)
        if not verify_password_aside(current, user.password_hash):
            self.limits.failed(user.username, guesses, self.clock.now())
            raise ApiError(403, ErrorCode.WRONG_CURRENT_PASSWORD, "The current password is wrong.")
        if new == current:
            raise ApiError(422, ErrorCode.PASSWORD_UNCHANGED, "The new password must differ from the current one.")
        with self.db.write() as conn:
            # A reset or another change that landed during the check wins over this one.
            changed = conn.execute(update(users).where(
                users.c.id == user.id, users.c.password_hash == user.password_hash).values(
                password_hash=hash_password(new, self.password_cost), must_change_password=False)).rowcount == 1
            if changed:
                record_staff_change(conn, at=self.clock.now(), actor=principal,
                                    kind=AuditKind.USER_PASSWORD_CHANGED, username=user.username,
                                    detail={"was_required": bool(user.must_change_password)})
        if not changed:
            raise ApiError(403, ErrorCode.WRONG_CURRENT_PASSWORD, "The current password is wrong.")
        self.revoked()
        log.info("%s changed their password", user.username)
        return PasswordChanged(status="changed")

    def set_active(self, username: str, active: bool) -> bool:
        """The command line's disable and enable (``StaffAdmin.set_active``); False when there is no
        such user."""
        try:
            self.staff.set_active(None, username, active)
        except ApiError as refusal:
            if refusal.code is ErrorCode.USER_NOT_FOUND:
                return False
            raise
        return True

    def list_users(self) -> list[dict[str, Any]]:
        return [u.model_dump(mode="json") for u in self.staff.all_users()]

    def refuse_if_locked(self, username: str, address: str) -> None:
        """The in-memory part of the lock, cheap enough to answer before a login waits its turn."""
        refused = self.limits.locked(username, address, self.clock.now())
        if refused is not None:
            raise _locked(*refused)

    def login(self, username: str, password: str, address: str = "local") -> Login:
        """Sign in from a client address. The password check (scrypt: a core and 16 MB for tens of
        ms) runs with no transaction open, so it holds no lock a ticket needs; what it decides is
        written after, on condition that the user row it read has not changed.

        A name that does not exist is answered as a wrong password would be: as slowly (the
        password is still hashed) and locked after as many tries, so a login does not tell which
        names are staff."""
        now = self.clock.now()
        self.refuse_if_locked(username, address)
        with self.db.read() as conn:
            user = conn.execute(select(users).where(users.c.username == username)).first()
        locked_until = user.locked_until if user is not None else self._unknown_locked_until(username, now)
        if locked_until and locked_until > now:
            raise _locked("everywhere", locked_until)
        usable = user is not None and user.active
        stored = user.password_hash if user is not None and usable else _unknown_user_hash(self.password_cost)
        right = verify_password_aside(password, stored)
        if right and user is not None and usable:
            with self.db.write() as conn:
                # A password reset, a disabling or a lock that landed during the check wins over it.
                current = conn.execute(update(users).where(
                    users.c.id == user.id, users.c.password_hash == user.password_hash,
                    users.c.active.is_(True), or_(users.c.locked_until.is_(None), users.c.locked_until <= now),
                ).values(failed_logins=0, locked_until=None, last_login_at=now)).rowcount == 1
                answer = self._issue_staff_token(conn, user, now, now, secrets.token_hex(16)) if current else None
            if answer is not None:
                self.limits.succeeded(username, address)
                return answer
            raise ApiError(401, ErrorCode.BAD_CREDENTIALS, "Wrong username or password.")
        self.limits.failed(username, address, now)
        if user is not None:
            with self.db.write() as conn:
                # One statement, so failures counted at once by two processes both count.
                bump = users.c.failed_logins + 1
                reached = bump >= NAME_FAILURE_LIMIT
                conn.execute(update(users).where(users.c.id == user.id).values(
                    failed_logins=case((reached, 0), else_=bump),
                    locked_until=case((reached, literal(now + NAME_LOCK, UtcDateTime())),
                                      else_=users.c.locked_until)))
        else:
            self._count_unknown_failure(username, now)
        # An unknown name is not logged: it is often a password typed in the wrong field.
        log.info("failed login for %s from %s", repr(user.username) if user is not None else "an unknown username",
                 address)
        raise ApiError(401, ErrorCode.BAD_CREDENTIALS, "Wrong username or password.")

    def _unknown_locked_until(self, username: str, now: datetime) -> datetime | None:
        until = self._unknown_failures.get(username, (0, None))[1]
        return until if until and until > now else None

    def _count_unknown_failure(self, username: str, now: datetime) -> None:
        """The users table's failure count, kept in memory for names that are not in it."""
        if len(self._unknown_failures) > 10_000:
            self._unknown_failures.clear()
        failed = self._unknown_failures.get(username, (0, None))[0]
        self._unknown_failures[username] = _after_wrong_password(failed, now)

    def _issue_staff_token(self, conn, user, now: datetime, signed_in_at: datetime,
                           session_id: str) -> Login:
        token = new_token("stf")
        expires = min(now + STAFF_TOKEN_TTL, signed_in_at + SIGN_IN_LIFETIME)
        conn.execute(staff_tokens.insert().values(token_hash=token_hash(token), user_id=user.id,
                                                  expires_at=expires, revoked=False, session_id=session_id,
                                                  renewed=False, signed_in_at=signed_in_at))
        return _login_answer(token, expires, user)

    def renew(self, principal: Principal, old_token: str) -> Login:
        """A new token for the same sign-in, which still ends 12 hours after its login. The old
        one lives two more minutes, for requests already on their way, and cannot be renewed
        again: otherwise it would outlive a logout made with its successor."""
        now = self.clock.now()
        self.forget_tokens()
        with self.db.write() as conn:
            user = self._lock_user(conn, principal.user_id)
            if user is None or not user.active:
                raise ApiError(401, ErrorCode.INVALID_TOKEN, "The token is unknown, revoked or expired.")
            old = conn.execute(select(staff_tokens).where(
                staff_tokens.c.token_hash == token_hash(old_token))).first()
            if old is None or old.revoked:
                raise ApiError(401, ErrorCode.INVALID_TOKEN, "The token is unknown, revoked or expired.")
            # A token from before sign-ins were dated counts its sign-in from its own issue.
            signed_in_at = old.signed_in_at or old.expires_at - STAFF_TOKEN_TTL
            if not old.renewed and signed_in_at + SIGN_IN_LIFETIME <= old.expires_at:
                # Near the sign-in's end a new token could live no longer: the same one is
                # answered, rather than a new token at every check of a counter app.
                return _login_answer(old_token, old.expires_at, user)
            # Marked in the same statement that checks it: of two renewals at once, one wins.
            marked = conn.execute(update(staff_tokens).where(
                staff_tokens.c.token_hash == old.token_hash, staff_tokens.c.renewed.is_not(True),
                staff_tokens.c.revoked.is_(False)).values(
                renewed=True, expires_at=min(old.expires_at, now + RENEWED_TOKEN_GRACE))).rowcount == 1
            if not marked:
                raise ApiError(401, ErrorCode.TOKEN_RENEWED, "This sign-in was already renewed; use the newer token.")
            return self._issue_staff_token(conn, user, now, signed_in_at, old.session_id or secrets.token_hex(16))

    def logout(self, token: str) -> LoggedOut:
        """End every sign-in of the token's officer at once, renewed tokens and other PCs
        included: a counter PC is shared, and the next person at it must not inherit a sign-in
        that would last hours, nor one left open on another PC."""
        with self.db.write() as conn:
            user_id = conn.execute(select(staff_tokens.c.user_id).where(
                staff_tokens.c.token_hash == token_hash(token))).scalar()
            if user_id is not None:
                self.end_sign_ins(conn, user_id)
        self.revoked()
        return LoggedOut(status="logged_out")

    @staticmethod
    def _lock_user(conn, user_id: int | None):
        """The user's row, locked to the end of the transaction (PostgreSQL; SQLite's writes are
        serial anyway): a renewal and a logout or reset of the same user then run one after the
        other, so the logout's revocation sees the token the renewal made."""
        return conn.execute(select(users).where(users.c.id == user_id).with_for_update()).first()

    @classmethod
    def end_sign_ins(cls, conn, user_id: int) -> None:
        """Revoke every token of the user, in the caller's transaction."""
        cls._lock_user(conn, user_id)
        conn.execute(update(staff_tokens).where(staff_tokens.c.user_id == user_id,
                                                staff_tokens.c.revoked.is_(False)).values(revoked=True))

    def revoked(self) -> None:
        """Forget cached principals, and wake the open event streams so they check theirs now."""
        self.forget_tokens()
        self.hub.notify()

    # ----------------------------------------------------------------- devices

    def create_enrollment(self, kind: Role, name: str) -> str:
        """The command line's ``enroll`` (``DeviceAdmin.make_code``): a name enrolled before gets a new
        code, and its device stops once the code is used."""
        return self.devices.make_code(None, kind, name, replace=True).code

    def enroll(self, code: str) -> Enrollment:
        """A wrong code is answered from a read: guesses never take the database's write lock.
        The code is spent in the statement that checks it, so of two devices using it at once
        one is enrolled and the other told the code is used."""
        now = self.clock.now()
        digest = token_hash(normalise_enrollment_code(code))
        wrong = ApiError(401, ErrorCode.BAD_ENROLLMENT_CODE, "That enrolment code is wrong, used or expired.")
        with self.db.read() as conn:
            row = conn.execute(select(devices).where(devices.c.enroll_code_hash == digest)).first()
        if row is None or row.enroll_expires_at is None or row.enroll_expires_at < now:
            raise wrong
        token = new_token("dev")
        with self.db.write() as conn:
            spent = conn.execute(update(devices).where(devices.c.id == row.id, devices.c.enroll_code_hash == digest)
                                 .values(token_hash=token_hash(token), enroll_code_hash=None, enroll_expires_at=None,
                                         enrolled_at=now, revoked=False)).rowcount == 1
        if not spent:
            raise wrong
        if row.token_hash is not None:
            self.revoked()  # the device enrolled under this name before stops now, not when its cache ends
        log.info("device %r enrolled as %s", row.name, row.kind)
        return Enrollment(token=token, device=DeviceRef(id=row.id, name=row.name, kind=row.kind))

    def heartbeat(self, principal: Principal, state: dict[str, Any]) -> HeartbeatReply:
        now = self.clock.now()
        wanted = state.get("name")
        pending = PendingEvents()
        with self.db.write() as conn:
            row = conn.execute(select(devices).where(devices.c.id == principal.device_id)).first()
            if row is None:  # forgotten between its token's check and now
                raise ApiError(401, ErrorCode.INVALID_TOKEN, "The token is unknown, revoked or expired.")
            before = row.last_state or {}
            state = {k: v for k, v in state.items() if k != "name"}
            name = self._name_from_setup(conn, row, wanted, before.get("setup_name"))
            if wanted and wanted.strip():
                state["setup_name"] = wanted.strip()
            if name != row.name:
                name = self._rename(conn, row, name)
            conn.execute(update(devices).where(devices.c.id == principal.device_id)
                         .values(last_seen_at=now, last_state=state))
            watched = ("printer_state", "paper", "last_error")
            changed = any(before.get(k) != state.get(k) for k in watched) or name != row.name
            if changed:
                pending.add(EventType.DEVICE_STATE, DeviceStateEvent(
                    device=name, kind=row.kind, printer_state=state.get("printer_state"),
                    paper=state.get("paper"), last_error=state.get("last_error"),
                    renamed_from=row.name if name != row.name else None))
                pending.flush(conn, now)
        if name != row.name:
            log.info("device %r renamed %r in its setup", row.name, name)
            self.forget_tokens()   # its cached principal still carries the old name
        if changed:
            self.hub.notify()
        return HeartbeatReply(locked=bool(row.locked), server_time=now, name=name)

    @staticmethod
    def _rename(conn: Any, row: Any, name: str) -> str:
        """The name taken, or the old one kept when another device took it at the same moment (another
        server process, on PostgreSQL): its unique index refuses the second, which is no error here."""
        try:
            with conn.begin_nested():
                conn.execute(update(devices).where(devices.c.id == row.id).values(name=name))
        except IntegrityError:
            log.warning("device %r was renamed %r in its setup as another device took that name: kept %r",
                        row.name, name, row.name)
            return str(row.name)
        return name

    @staticmethod
    def _name_from_setup(conn: Any, row: Any, wanted: str | None, reported_before: str | None) -> str:
        """The name a heartbeat asks for, unless another device has it: two kiosks under one name could
        not be told apart by ``device lock NAME``. The device keeps its name then, and learns it from
        the reply. A name it reported before is not asked again: the office may have renamed it since."""
        wanted = (wanted or "").strip()
        if not wanted or wanted == row.name or wanted == reported_before:
            return str(row.name)
        taken = conn.execute(select(devices.c.id).where(devices.c.name == wanted, devices.c.id != row.id)).scalar()
        if taken is not None:
            log.warning("device %r was renamed %r in its setup, a name another device has: kept %r",
                        row.name, wanted, row.name)
            return str(row.name)
        return wanted

    def list_devices(self) -> list[Device]:
        now = self.clock.now()
        with self.db.read() as conn:
            rows = conn.execute(select(devices).order_by(devices.c.kind, devices.c.name)).all()
        out = []
        for r in rows:
            state = r.last_state or {}
            silent = r.enrolled_at is not None and (r.last_seen_at is None or now - r.last_seen_at > SILENT_AFTER)
            pending = r.enroll_expires_at if r.enroll_expires_at and r.enroll_expires_at > now else None
            out.append(Device(id=r.id, name=r.name, kind=r.kind, enrolled=r.enrolled_at is not None,
                              revoked=r.revoked, locked=r.locked, last_seen_at=r.last_seen_at,
                              silent=silent, paper_out=state.get("paper") == "out",
                              printer_state=state.get("printer_state"), paper=state.get("paper"),
                              version=state.get("version"), last_error=state.get("last_error"),
                              enrol_code_expires_at=pending, state=state))
        return out

    def set_locked(self, name: str, locked: bool) -> bool:
        """The command line's ``device lock|unlock NAME``; False when there is no such device."""
        return self._device_switch(lambda: self.devices.set_locked(None, locked, name=name))

    def revoke(self, name: str) -> bool:
        """The command line's ``device revoke NAME``; False when there is no such device."""
        return self._device_switch(lambda: self.devices.revoke(None, name=name))

    @staticmethod
    def _device_switch(change: Any) -> bool:
        try:
            change()
        except ApiError as refusal:
            if refusal.code is ErrorCode.DEVICE_NOT_FOUND:
                return False
            raise
        return True

    # ----------------------------------------------------------------- who is asking

    def principal_for(self, token: str) -> Principal | None:
        """The principal behind a token, remembered PRINCIPAL_TTL_S: every request asks, and a
        revoke made in this process forgets at once (one made by the CLI or another server
        process takes effect within PRINCIPAL_TTL_S)."""
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

    def refusal_for(self, token: str) -> ApiError:
        """Why a token is refused: an account an admin disabled says so (its officer is told to see the
        admin, not to sign in again); any other token is unknown, revoked or expired."""
        with self.db.read() as conn:
            active = conn.execute(select(users.c.active).join(staff_tokens, staff_tokens.c.user_id == users.c.id)
                                  .where(staff_tokens.c.token_hash == token_hash(token))).scalar()
        if active is False:
            return ApiError(401, ErrorCode.ACCOUNT_DISABLED, "An admin has disabled this account.")
        return ApiError(401, ErrorCode.INVALID_TOKEN, "The token is unknown, revoked or expired.")

    def forget_tokens(self) -> None:
        self._principals.clear()

    def token_sign_in(self, token: str) -> tuple[datetime, str] | None:
        """A live staff token's expiry and the id of its sign-in (kept across renewals), for the console's
        cookie: when to renew it, and the sign-in its forms' CSRF mark is bound to."""
        with self.db.read() as conn:
            row = conn.execute(select(staff_tokens.c.expires_at, staff_tokens.c.session_id, staff_tokens.c.revoked)
                               .where(staff_tokens.c.token_hash == token_hash(token))).first()
        if row is None or row.revoked or row.expires_at <= self.clock.now():
            return None
        return row.expires_at, row.session_id or token_hash(token)

    def _lookup(self, digest: str) -> tuple[Principal, datetime | None] | None:
        """A device token lives until revoked; a staff token until it expires."""
        now = self.clock.now()
        with self.db.read() as conn:
            device = conn.execute(select(devices).where(devices.c.token_hash == digest)).first()
            if device is not None:
                if device.revoked:
                    return None
                return Principal(Role(device.kind), device.name, device_id=device.id, locked=device.locked), None
            staff = conn.execute(select(staff_tokens, users).join(users, users.c.id == staff_tokens.c.user_id)
                                 .where(staff_tokens.c.token_hash == digest)).first()
        if staff is None or staff.revoked or staff.expires_at <= now or not staff.active:
            return None
        return Principal(Role(staff.role), staff.username, user_id=staff.user_id,
                         must_change_password=bool(staff.must_change_password)), staff.expires_at
