"""A citizen's WhatsApp number for their own ticket, given on its status page with explicit consent: set,
changed (a few times at most, so a ticket's page cannot be used to message strangers), or removed. The
ticket's QR token is the only key: whoever holds the paper may ask to be told."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core.phone import masked, normalise_phone
from core.wire import ErrorCode, TicketContact, TicketStatus
from server.db import Database, ticket_contacts, tickets
from server.errors import ApiError

MOST_CHANGES = 3


def _ticket(conn: Connection, token: str) -> tuple[int, str, str, str]:
    row = conn.execute(select(tickets.c.id, tickets.c.code, tickets.c.status, tickets.c.service_date)
                       .where(tickets.c.token == token)).first()
    if row is None:
        raise ApiError(404, ErrorCode.TICKET_NOT_FOUND, "no such ticket")
    return row.id, row.code, row.status, row.service_date


def set_contact(db: Database, token: str, phone_text: str, consent: bool, language: str, at: datetime,
                channel: str | None) -> TicketContact:
    if channel is None:
        raise ApiError(409, ErrorCode.NOTIFY_CHANNEL_OFF, "this server sends no messages", channel="whatsapp")
    if consent is not True:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "consent is required", field="consent")
    phone = normalise_phone(phone_text)
    if phone is None:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "not an Indonesian mobile number", field="phone")
    language = language if language in ("id", "en") else "id"
    for _ in range(2):  # two first sets at once: the second insert collides and becomes a change
        try:
            with db.write() as conn:
                ticket_id, code, status, day = _ticket(conn, token)
                if status != TicketStatus.WAITING.value:
                    raise ApiError(409, ErrorCode.NOTIFY_TICKET_NOT_WAITING, "only a waiting ticket is told",
                                   status=status)
                old = conn.execute(select(ticket_contacts.c.changes)
                                   .where(ticket_contacts.c.ticket_id == ticket_id)).scalar()
                if old is None:
                    conn.execute(insert(ticket_contacts).values(ticket_id=ticket_id, service_date=day, phone=phone,
                                                                language=language, made_at=at, changes=1,
                                                                near_told=False))
                elif old >= MOST_CHANGES:
                    raise ApiError(409, ErrorCode.NOTIFY_TOO_MANY_CHANGES, "the number was changed too often",
                                   most=MOST_CHANGES)
                else:
                    conn.execute(update(ticket_contacts).where(ticket_contacts.c.ticket_id == ticket_id)
                                 .values(phone=phone, language=language, changes=old + 1))
            return TicketContact(code=code, recipient=masked(phone), language=language)
        except IntegrityError:
            continue
    raise ApiError(409, ErrorCode.WRITE_CONFLICT, "the number was being set twice at once")


def remove_contact(db: Database, token: str) -> TicketContact:
    with db.write() as conn:
        ticket_id, code, _, _ = _ticket(conn, token)
        conn.execute(delete(ticket_contacts).where(ticket_contacts.c.ticket_id == ticket_id))
    return TicketContact(code=code, recipient=None, language="id")


def current_contact(db: Database, token: str) -> TicketContact | None:
    """The number this ticket's holder gave, masked; None if none (or no such ticket)."""
    with db.read() as conn:
        row = conn.execute(select(tickets.c.code, ticket_contacts.c.phone, ticket_contacts.c.language)
                           .join(ticket_contacts, ticket_contacts.c.ticket_id == tickets.c.id)
                           .where(tickets.c.token == token)).first()
    return TicketContact(code=row.code, recipient=masked(row.phone), language=row.language) if row else None
