"""Kiosks and boards as the office manages them, from the API and the command line alike: a one-time
enrolment code, a new name, lock, unlock and revoke. Each change is audited in its own transaction and
announced on the event stream, so an open hall page sees it at once."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from core.wire import AuditKind, DeviceRef, DeviceStateEvent, EnrolmentCode, ErrorCode, EventType
from server.audit import record
from server.auth import DEVICE_ROLES, Principal, Role, new_enrollment_code, token_hash
from server.db import devices
from server.errors import ApiError
from server.events import PendingEvents

if TYPE_CHECKING:
    from server.accounts import Accounts

MAX_NAME_LENGTH = 80
ENROLL_CODE_TTL = timedelta(hours=24)


def _name_taken(name: str) -> ApiError:
    return ApiError(409, ErrorCode.DEVICE_NAME_TAKEN, "Another device has that name.", name=name)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_NAME_LENGTH or "\x00" in cleaned:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, f"A device name is 1 to {MAX_NAME_LENGTH} characters.")
    return cleaned


class DeviceAdmin:
    """A device is named by its id (the API) or its name (the command line); ``actor`` None is the
    command line, audited as ``cli``."""

    def __init__(self, accounts: Accounts) -> None:
        self.accounts = accounts

    def make_code(self, actor: Principal | None, kind: Role, name: str, *, replace: bool = False) -> EnrolmentCode:
        """A one-time code, valid ENROLL_CODE_TTL. A name a device is enrolled under, or one with a code
        not used yet, is refused unless ``replace`` (and the kind is the same): once the new code is
        used, that device stops."""
        if kind not in DEVICE_ROLES:
            raise ApiError(422, ErrorCode.INVALID_REQUEST, "Devices are kiosk or display.", kind=kind.value)
        name = _clean_name(name)
        code = new_enrollment_code()
        now = self.accounts.clock.now()
        expires = now + ENROLL_CODE_TTL
        values = {"kind": kind.value, "enroll_code_hash": token_hash(code), "enroll_expires_at": expires}
        try:
            with self.accounts.db.write() as conn:
                row = conn.execute(select(devices).where(devices.c.name == name).with_for_update()).first()
                in_use = row is not None and self._in_use(row, now)
                # A kiosk's token must not turn into a board's before the new device is enrolled.
                if row is not None and in_use and (not replace or row.kind != kind.value):
                    raise _name_taken(name)
                if row is not None:
                    conn.execute(update(devices).where(devices.c.id == row.id).values(**values))
                    device_id = row.id
                else:
                    conn.execute(devices.insert().values(name=name, created_at=now, revoked=False, locked=False,
                                                         **values))
                    device_id = conn.execute(select(devices.c.id).where(devices.c.name == name)).scalar_one()
                record(conn, at=now, actor=actor, kind=AuditKind.DEVICE_ENROL_CODE_MADE, subject=f"device:{name}",
                       detail={"kind": kind.value, "replaces": in_use, "expires_at": expires.isoformat()})
        except IntegrityError:  # the same new name at the same moment from another process
            raise _name_taken(name) from None
        return EnrolmentCode(device=DeviceRef(id=device_id, name=name, kind=kind.value), code=code,
                             expires_at=expires, scan_text=code, replaces=in_use)

    @staticmethod
    def _in_use(row: Any, now: datetime) -> bool:
        enrolled = row.enrolled_at is not None and not row.revoked and row.token_hash is not None
        pending = row.enroll_expires_at is not None and row.enroll_expires_at > now
        return enrolled or pending

    def rename(self, actor: Principal | None, device_id: int, name: str) -> DeviceRef:
        name = _clean_name(name)
        now = self.accounts.clock.now()
        pending = PendingEvents()
        try:
            with self.accounts.db.write() as conn:
                row = self._row(conn, device_id=device_id)
                changed = name != row.name
                if changed:
                    taken = conn.execute(select(devices.c.id).where(devices.c.name == name,
                                                                    devices.c.id != row.id)).scalar()
                    if taken is not None:
                        raise _name_taken(name)
                    conn.execute(update(devices).where(devices.c.id == row.id).values(name=name))
                    record(conn, at=now, actor=actor, kind=AuditKind.DEVICE_RENAMED, subject=f"device:{name}",
                           detail={"from": row.name, "to": name})
                    pending.add(EventType.DEVICE_STATE, DeviceStateEvent(device=name, kind=row.kind,
                                                                         renamed_from=row.name))
                    pending.flush(conn, now)
        except IntegrityError:  # taken at the same moment by another process, or a device's own setup
            raise _name_taken(name) from None
        self._after_change(changed)
        return DeviceRef(id=row.id, name=name, kind=row.kind)

    def set_locked(self, actor: Principal | None, locked: bool, *, device_id: int | None = None,
                   name: str | None = None) -> DeviceRef:
        """A locked device may still heartbeat and read (to show why it is out of service, and to learn
        when it is unlocked); the server refuses its writes."""
        kind = AuditKind.DEVICE_LOCKED if locked else AuditKind.DEVICE_UNLOCKED
        return self._switch(actor, kind, {"locked": locked}, {"locked": locked}, device_id=device_id, name=name)

    def revoke(self, actor: Principal | None, *, device_id: int | None = None, name: str | None = None) -> DeviceRef:
        """Its token ends at once (its event stream closes); enrolling it again needs a new code."""
        return self._switch(actor, AuditKind.DEVICE_REVOKED, {"revoked": True, "token_hash": None},
                            {"revoked": True}, device_id=device_id, name=name)

    def _switch(self, actor: Principal | None, kind: AuditKind, values: dict[str, Any], announced: dict[str, Any],
                *, device_id: int | None, name: str | None) -> DeviceRef:
        now = self.accounts.clock.now()
        pending = PendingEvents()
        with self.accounts.db.write() as conn:
            row = self._row(conn, device_id=device_id, name=name)
            conn.execute(update(devices).where(devices.c.id == row.id).values(**values))
            record(conn, at=now, actor=actor, kind=kind, subject=f"device:{row.name}",
                   detail={"kind": row.kind, "was_locked": bool(row.locked), "was_revoked": bool(row.revoked)})
            pending.add(EventType.DEVICE_STATE, DeviceStateEvent(device=row.name, kind=row.kind, **announced))
            pending.flush(conn, now)
        self._after_change(True)
        return DeviceRef(id=row.id, name=row.name, kind=row.kind)

    @staticmethod
    def _row(conn: Any, *, device_id: int | None = None, name: str | None = None) -> Any:
        where = devices.c.id == device_id if device_id is not None else devices.c.name == name
        row = conn.execute(select(devices).where(where).with_for_update()).first()
        if row is None:
            raise ApiError(404, ErrorCode.DEVICE_NOT_FOUND, "There is no such device.",
                           **({"device_id": device_id} if device_id is not None else {"name": name}))
        return row

    def _after_change(self, announced: bool) -> None:
        """Cached principals carry a device's name and lock: forgotten here, and the streams woken."""
        self.accounts.forget_tokens()
        if announced:
            self.accounts.hub.notify()
