"""Tells a citizen who asked for it, on their ticket's status page, that their turn is near and that they
are called: the messages are written from the call's own events, in the call's transaction, so a call
that rolls back tells nobody and one that commits is never left untold."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, exists, select, update
from sqlalchemy.engine import Connection

from core.wire import EventType, TicketStatus
from server.catalog import SiteCatalog
from server.db import ticket_contacts, tickets
from server.engine.live import LiveStats
from server.notify.outbox import enqueue

log = logging.getLogger(__name__)

# "Your turn is near" once fewer than this many people are ahead: about the time to walk back from the
# canteen or the car park of an MPP.
NEAR_AHEAD = 3


class TicketWatch:
    def __init__(self, catalog: Callable[[], SiteCatalog], live: LiveStats, channel: Callable[[], str | None]) -> None:
        self.catalog = catalog
        self.live = live
        self.channel = channel  # where citizens' messages go on this server, if anywhere

    def on_change(self, conn: Connection, at: datetime, changes: Sequence[tuple[EventType, dict[str, Any]]]) -> None:
        """In a savepoint of the change's transaction: a defect here loses a message, never the call."""
        if not any(kind in (EventType.TICKET_CALLED, EventType.TICKET_STATUS) for kind, _ in changes):
            return
        try:
            with conn.begin_nested():
                self._write(conn, at, changes)
        except Exception:
            log.exception("the messages of this change were not written; the change itself stands")

    def _write(self, conn: Connection, at: datetime, changes: Sequence[tuple[EventType, dict[str, Any]]]) -> None:
        called = [data for kind, data in changes if kind == EventType.TICKET_CALLED]
        back = [data for kind, data in changes
                if kind == EventType.TICKET_STATUS and data.get("status") == TicketStatus.WAITING.value]
        channel = self.channel()
        if channel is None or not (called or back):
            return
        days = {str(data.get("service_date")) for data in (*called, *back)}
        if not conn.execute(select(exists().where(ticket_contacts.c.service_date.in_(days)))).scalar():
            return
        if back:
            # Put back in a queue (requeued, transferred): its turn will be near again.
            conn.execute(update(ticket_contacts).where(ticket_contacts.c.ticket_id.in_([d["id"] for d in back]))
                         .values(near_told=False))
        for data in called:
            self._tell_called(conn, at, channel, data)
        cat = self.catalog()
        for service_id, day in {(d["service_id"], str(d["service_date"])) for d in called}:
            self._tell_near(conn, at, channel, cat, service_id, day)

    def _tell_called(self, conn: Connection, at: datetime, channel: str, data: dict[str, Any]) -> None:
        contact = conn.execute(select(ticket_contacts).where(ticket_contacts.c.ticket_id == data["id"])).first()
        if contact is None:
            return
        loket = (data.get("counter") or {}).get("name") or "loket"
        enqueue(conn, at=at, day=date.fromisoformat(contact.service_date), channel=channel,
                template="ticket_called", language=contact.language, recipient=contact.phone,
                params={"code": data["code"], "loket": loket})
        conn.execute(update(ticket_contacts).where(ticket_contacts.c.ticket_id == contact.ticket_id)
                     .values(near_told=True))

    def _tell_near(self, conn: Connection, at: datetime, channel: str, cat: SiteCatalog, service_id: str,
                   day: str) -> None:
        waiting = conn.execute(select(tickets, ticket_contacts.c.phone, ticket_contacts.c.language)
                               .join(ticket_contacts, ticket_contacts.c.ticket_id == tickets.c.id)
                               .where(tickets.c.service_date == day, tickets.c.service_id == service_id,
                                      tickets.c.status == TicketStatus.WAITING.value,
                                      ticket_contacts.c.near_told.is_(False))).all()
        for row in waiting:
            ahead = self.live.people_ahead(conn, cat, row)
            if ahead >= NEAR_AHEAD:
                continue
            minutes = self.live.wait_minutes(conn, cat, service_id, day, ahead)
            enqueue(conn, at=at, day=date.fromisoformat(day), channel=channel, template="turn_near",
                    language=row.language, recipient=row.phone,
                    params={"code": row.code, "ahead": ahead, "minutes": minutes})
            conn.execute(update(ticket_contacts).where(ticket_contacts.c.ticket_id == row.id).values(near_told=True))


def forget_contacts(conn: Connection, before: date) -> int:
    """The numbers of the days before ``before``: their tickets are closed, nobody is to be told anything."""
    return conn.execute(delete(ticket_contacts).where(ticket_contacts.c.service_date < before.isoformat())).rowcount
