"""The engine's answers about one ticket or loket: a ticket as server/views.py builds it, with its
place in its queue and its estimated wait; a loket as core.wire's ``Counter``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from core.wire import Counter, CounterRef, CounterStateEvent, EventType, Ticket, TicketStatus
from server.catalog import SiteCatalog
from server.db import counters, tickets
from server.engine.live import LiveStats
from server.engine.statements import counter_row
from server.engine.targets import staff_view
from server.events import PendingEvents
from server.views import TicketJson, counter_ref, ticket_json


@dataclass(frozen=True)
class TakenFrom:
    """A supervisor's take-over or closing of a loket another officer had open."""

    by: str
    previous_staff: str
    reason: str


class Answers:
    def __init__(self, live: LiveStats, public_url: str) -> None:
        self.live = live
        self.public_url = public_url

    def ticket(self, conn: Connection, cat: SiteCatalog, row: Any, newest: bool = False,
               staff: bool = False) -> TicketJson:
        """``newest``: the ticket was issued in this very transaction, so it is last in its queue.
        ``staff``: the answer goes to a staff member, who may read a transfer's note."""
        ahead = self.live.people_ahead(conn, cat, row, newest)
        # A ticket sent to one named loket is called by that loket alone, not by every loket of its service.
        alone = 1 if row.target_counter_id is not None else None
        eta = self.live.wait_minutes(conn, cat, row.service_id, row.service_date, ahead, lokets=alone)
        counter = None
        if row.counter_id is not None:
            c = conn.execute(select(counters.c.id, counters.c.name).where(counters.c.id == row.counter_id)).first()
            counter = counter_ref(c) if c else None
        unknown = self.live.wait_unknown(conn, row.service_id) if row.status == TicketStatus.WAITING.value else None
        answer = ticket_json(row, cat, people_ahead=ahead, eta_minutes=eta, counter=counter,
                             public_url=self.public_url, wait_unknown=unknown)
        return staff_view(answer, row) if staff else answer

    def counter(self, conn: Connection, cat: SiteCatalog, row: Any, staff: bool = False) -> Counter:
        current = None
        if row.current_ticket_id is not None:
            t = conn.execute(select(tickets).where(tickets.c.id == row.current_ticket_id)).first()
            if t is not None:
                current = Ticket.model_validate(self.ticket(conn, cat, t, staff=staff))
        return Counter(id=row.id, name=row.name, service_ids=row.service_ids,
                       active_service_ids=row.active_service_ids, state=row.state, staff=row.staff,
                       pause_reason=row.pause_reason, pause_until=row.pause_until, current_ticket=current)

    def counter_changed(self, conn: Connection, cat: SiteCatalog, counter_id: int,
                        events: PendingEvents, taken: TakenFrom | None = None) -> Counter:
        """The loket as it is now (the answer to its staff), and the ``counter.state`` event that tells
        the boards (and, kept in the events table, records a supervisor's take-over or closing: who, from whom, why)."""
        view = self.counter(conn, cat, counter_row(conn, counter_id), staff=True)
        events.add(EventType.COUNTER_STATE, CounterStateEvent(
            counter=CounterRef(id=view.id, name=view.name), state=view.state, staff=view.staff,
            pause_reason=view.pause_reason, pause_until=view.pause_until,
            current_code=view.current_ticket.code if view.current_ticket else None,
            changed_by=taken.by if taken else None, previous_staff=taken.previous_staff if taken else None,
            reason=taken.reason if taken else None))
        return view
