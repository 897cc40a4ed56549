"""The outbox table's rules: a message is written with the change it tells of (``enqueue`` takes the
change's connection), claimed by one sender at a time (a conditional update, so two server processes
never send the same row at once), and ends sent or dead. Phone numbers are kept only while needed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.engine import Connection

from server.db import Database, outbox
from server.notify.channels import Message
from server.notify.texts import TEMPLATES

PENDING, SENT, DEAD = "pending", "sent", "dead"
# Taken back before it was sent (a reminder of a booking checked in or cancelled). Kept, not deleted, so its id
# is never given to another message: the id is the message's key at the provider, which drops a repeat.
WITHDRAWN = "dropped"
CHANNELS = ("whatsapp", "webhook")
# A sender that died mid-send leaves its claim; after this the row is another sender's to try.
CLAIM_FOR = timedelta(minutes=2)


def enqueue(conn: Connection, *, at: datetime, day: date, channel: str, template: str, language: str,
            params: Mapping[str, Any], recipient: str | None = None, send_at: datetime | None = None,
            booking_id: int | None = None) -> int:
    """Write one message in the caller's transaction; it is sent only if that transaction commits, and
    not before ``send_at`` when given (a reminder), else as soon as the worker comes by. ``booking_id``
    names the booking it tells of, so the booking's later changes can take back what is still pending."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}")
    if channel == "whatsapp" and not recipient:
        raise ValueError("a WhatsApp message needs a recipient")
    result = conn.execute(outbox.insert().values(
        made_at=at, service_date=day.isoformat(), channel=channel, recipient=recipient, template=template,
        language=language if language in ("id", "en") else "id", params=dict(params), status=PENDING,
        attempts=0, next_attempt_at=send_at or at, booking_id=booking_id))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass(frozen=True)
class Claimed:
    id: int
    channel: str
    attempts: int  # counting this one
    message: Message


class Outbox:
    def __init__(self, db: Database) -> None:
        self.db = db

    def claim_due(self, now: datetime, limit: int = 20) -> list[Claimed]:
        """Rows due now that no live sender holds, each claimed for this sender by a conditional update."""
        due = and_(outbox.c.status == PENDING, outbox.c.next_attempt_at <= now,
                   or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now))
        with self.db.read() as conn:
            ids = conn.execute(select(outbox.c.id).where(due).order_by(outbox.c.next_attempt_at, outbox.c.id)
                               .limit(limit)).scalars().all()
        claimed: list[Claimed] = []
        for row_id in ids:
            with self.db.write() as conn:
                taken = conn.execute(update(outbox).where(outbox.c.id == row_id, due).values(
                    claimed_until=now + CLAIM_FOR, attempts=outbox.c.attempts + 1)).rowcount
                if taken != 1:
                    continue
                row = conn.execute(select(outbox).where(outbox.c.id == row_id)).one()
            claimed.append(Claimed(row.id, row.channel, row.attempts, Message(
                key=f"anjungan-msg-{row.id}", recipient=row.recipient, template=row.template,
                language=row.language, params=row.params, made_at=row.made_at)))
        return claimed

    def sent(self, row_id: int, now: datetime, provider_ref: str | None) -> None:
        self._finish(row_id, status=SENT, sent_at=now, provider_ref=provider_ref, last_error=None)

    def dead(self, row_id: int, reason: str) -> None:
        self._finish(row_id, status=DEAD, last_error=reason)

    def later(self, row_id: int, when: datetime, reason: str) -> None:
        self._finish(row_id, status=PENDING, next_attempt_at=when, last_error=reason)

    def _finish(self, row_id: int, **values: Any) -> None:
        with self.db.write() as conn:
            conn.execute(update(outbox).where(outbox.c.id == row_id).values(claimed_until=None, **values))

    @staticmethod
    def row(conn: Connection, row_id: int) -> Any:
        return conn.execute(select(outbox).where(outbox.c.id == row_id)).one_or_none()

    @staticmethod
    def revive(conn: Connection, row_id: int, now: datetime) -> bool:
        """Make a dead message due again from its first try (the console's "send again"); False if it is
        not dead, or is a WhatsApp message whose number was already deleted."""
        return conn.execute(update(outbox).where(
            outbox.c.id == row_id, outbox.c.status == DEAD,
            or_(outbox.c.channel != "whatsapp", outbox.c.recipient.is_not(None))).values(
            status=PENDING, attempts=0, next_attempt_at=now, last_error=None)).rowcount == 1

    def forget_recipients(self, before: date) -> int:
        """Drop the phone numbers of finished messages of days before ``before``: once the day's tickets
        and bookings are closed nobody needs them, and a number kept is a number that can leak."""
        with self.db.write() as conn:
            return conn.execute(update(outbox).where(
                outbox.c.service_date < before.isoformat(), outbox.c.status.in_((SENT, DEAD, WITHDRAWN)),
                outbox.c.recipient.is_not(None)).values(recipient=None)).rowcount

    def counts(self, day: date) -> dict[str, int]:
        """How many of the day's messages are pending, sent and dead."""
        with self.db.read() as conn:
            rows = conn.execute(select(outbox.c.status, func.count()).where(
                outbox.c.service_date == day.isoformat()).group_by(outbox.c.status)).all()
        found = {status: int(n) for status, n in rows}
        return {status: found.get(status, 0) for status in (PENDING, SENT, DEAD)}

    def rows(self, status: str, limit: int = 200) -> list[Any]:
        with self.db.read() as conn:
            return list(conn.execute(select(outbox).where(outbox.c.status == status)
                                     .order_by(outbox.c.id.desc()).limit(limit)).all())
