"""Tickets a transfer sent to one named loket: that loket alone calls them while it is open. When it
closes, stops serving their service or leaves the catalog, they go back to their service's general
queue, in the place their queued time gives them, so no ticket waits for a loket that is gone."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from core.wire import CounterRef, EventType, TicketEvent, TicketStatus
from server.catalog import SiteCatalog
from server.db import tickets
from server.events import PendingEvents
from server.views import event_ticket, loket_ref


def callable_by(counter_id: int) -> ColumnElement[bool]:
    """The tickets this loket may call: those sent to no loket, and those sent to it."""
    return or_(tickets.c.target_counter_id.is_(None), tickets.c.target_counter_id == counter_id)


def release(conn: Connection, cat: SiteCatalog, counter_id: int, pending: PendingEvents, *,
            still_served: Collection[str] = ()) -> list[int]:
    """Let go of the tickets sent to ``counter_id`` except those of the services it still serves;
    each one waiting is told on ``ticket.status`` with the loket it was released from. Whatever
    their state: a no-show sent there may be put back in the queue later, and must not come back
    bound to a closed loket."""
    sent_here = tickets.c.target_counter_id == counter_id   # the partial index ix_ticket_target
    if still_served:
        sent_here = sent_here & tickets.c.service_id.not_in(list(still_served))
    ids = [r.id for r in conn.execute(select(tickets.c.id).where(sent_here))]
    if not ids:
        return []
    conn.execute(update(tickets).where(tickets.c.id.in_(ids)).values(target_counter_id=None))
    ref = loket_ref(cat, counter_id)
    for row in conn.execute(select(tickets).where(tickets.c.id.in_(ids),
                                                  tickets.c.status == TicketStatus.WAITING.value)):
        pending.add(EventType.TICKET_STATUS, TicketEvent.model_validate(
            {**event_ticket(row, cat), "released_from": CounterRef.model_validate(ref)}))
    return ids


def staff_view(ticket: dict[str, Any], row: Any) -> dict[str, Any]:
    """A ticket's answer as a staff member may see it: with the transfer's note."""
    return {**ticket, "transfer_note": row.transfer_note} if row.transfer_note else ticket
