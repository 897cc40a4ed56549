"""The server's notifications as one part: the outbox, the configured channels and their sender, and the
office's view of them (what is waiting, sent, given up; send a dead message again; a test message)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from core.phone import masked, normalise_phone
from core.retry import RetryPolicy
from core.wire import AuditKind, ErrorCode, Notification, NotificationList
from server.audit import record
from server.auth import Principal
from server.clock import Clock
from server.db import Database
from server.errors import ApiError
from server.notify.channels import Channel
from server.notify.outbox import DEAD, PENDING, SENT, Outbox, enqueue
from server.notify.ticket_watch import forget_contacts
from server.notify.worker import DEFAULT_POLICY, OutboxWorker

STATUSES = (PENDING, SENT, DEAD)
def _wire(row: Any) -> Notification:
    return Notification(id=row.id, made_at=row.made_at, service_date=date.fromisoformat(row.service_date),
                        channel=row.channel, recipient=masked(row.recipient), template=row.template,
                        status=row.status, attempts=row.attempts,
                        next_attempt_at=row.next_attempt_at if row.status == PENDING else None,
                        sent_at=row.sent_at, last_error=row.last_error)


class Notifications:
    def __init__(self, db: Database, clock: Clock, channels: Mapping[str, Channel],
                 today: Callable[[], date | None], policy: RetryPolicy = DEFAULT_POLICY) -> None:
        self.db = db
        self.clock = clock
        self.channels = dict(channels)
        self.box = Outbox(db)
        self.worker = OutboxWorker(self.box, self.channels, clock, policy)
        self._today = today
        self._forgotten_before: date | None = None

    def citizen_channel(self) -> str | None:
        """Where messages to citizens go: WhatsApp, else the site's own webhook (its messaging service)."""
        return next((name for name in ("whatsapp", "webhook") if name in self.channels), None)

    def run(self) -> None:
        """The sender's round: every due message, then, once a day, the numbers of the days that closed."""
        self.worker.run_once()
        today = self._today()
        if today is not None and today != self._forgotten_before:
            self.box.forget_recipients(today)
            with self.db.write() as conn:
                forget_contacts(conn, today)
            self._forgotten_before = today

    def listing(self, status: str) -> NotificationList:
        today = self._today()
        return NotificationList(status=status, messages=tuple(_wire(r) for r in self.box.rows(status)),
                                today=self.box.counts(today) if today else {}, channels=tuple(self.channels))

    def retry(self, who: Principal, row_id: int) -> Notification:
        """Send a dead message again from its first try, audited in the same transaction."""
        now = self.clock.now()
        with self.db.write() as conn:
            row = self.box.row(conn, row_id)
            if row is None:
                raise ApiError(404, ErrorCode.NOTIFICATION_NOT_FOUND, f"no message {row_id}")
            if not self.box.revive(conn, row_id, now):
                raise ApiError(409, ErrorCode.NOTIFICATION_NOT_DEAD,
                               f"message {row_id} is {row.status}; only a dead one with its recipient is sent again")
            record(conn, at=now, actor=who, kind=AuditKind.NOTIFICATION_RETRIED, subject=f"notification:{row_id}",
                   detail={"channel": row.channel, "template": row.template, "recipient": masked(row.recipient)})
            return _wire(self.box.row(conn, row_id))

    def check(self, who: Principal, channel: str, recipient: str | None, site: str) -> Notification:
        """A test message through one channel, so a technician sees the set-up work end to end."""
        if channel not in self.channels:
            raise ApiError(409, ErrorCode.NOTIFY_CHANNEL_OFF, f"channel {channel} is not configured",
                           channel=channel)
        phone = None
        if channel == "whatsapp":
            phone = normalise_phone(recipient or "")
            if phone is None:
                raise ApiError(422, ErrorCode.INVALID_REQUEST, "recipient must be an Indonesian mobile number",
                               field="recipient")
        now = self.clock.now()
        day = self._today() or now.date()
        with self.db.write() as conn:
            row_id = enqueue(conn, at=now, day=day, channel=channel, template="check", language="id",
                             params={"site": site}, recipient=phone)
            record(conn, at=now, actor=who, kind=AuditKind.NOTIFICATION_CHECK_SENT, subject=f"notification:{row_id}",
                   detail={"channel": channel, "recipient": masked(phone)})
            return _wire(self.box.row(conn, row_id))
