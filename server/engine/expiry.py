"""Day end: unserved tickets of earlier days expire once the service day has held, never on one
reading of the clock; once per day per process, in a write of its own, so a refused request
cannot roll it back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Connection

from core.rules import OPEN_STATES
from core.wire import DayExpired, EventType, TicketStatus
from server.batch_writer import BatchWriter
from server.catalog import SiteCatalog
from server.db import counters, tickets
from server.engine.site_time import SiteTime
from server.events import PendingEvents

log = logging.getLogger(__name__)
S = TicketStatus


class Expiry:
    def __init__(self, site_time: SiteTime, writer: BatchWriter) -> None:
        self.site_time = site_time
        self.writer = writer
        self.expired_through: date | None = None  # the day before which this process has expired all
        # What else ends with the day, in the same write: (connection, events, the first day kept) -> count.
        self.day_end: list[Callable[[Connection, PendingEvents, date], int]] = []

    def due(self, cat: SiteCatalog) -> bool:
        """Whether earlier days' tickets are due to expire and this process has not done it yet:
        the busiest route asks before it spends a thread on ``run``."""
        before = self.site_time.reading(cat).expire_before
        return before is not None and before != self.expired_through

    def run(self, cat: SiteCatalog) -> None:
        today = self.site_time.reading(cat).expire_before
        if today is None or today == self.expired_through:
            return

        def work(conn: Connection, pending: PendingEvents) -> int:
            stale = and_(tickets.c.service_date < today.isoformat(),
                         tickets.c.status.in_([s.value for s in OPEN_STATES]))
            count = conn.execute(select(func.count()).select_from(tickets).where(stale)).scalar_one()
            if count:
                # Only lokets holding a stale ticket let go of it: another server process may run
                # this later in the day, when lokets hold today's tickets.
                conn.execute(update(counters).where(counters.c.current_ticket_id.in_(
                    select(tickets.c.id).where(stale))).values(current_ticket_id=None))
                conn.execute(update(tickets).where(stale).values(status=S.EXPIRED.value))
                pending.add(EventType.TICKET_STATUS, DayExpired(expired=count, before=today))
            for end in self.day_end:
                end(conn, pending, today)
            return count

        expired = self.writer.submit(work)
        if expired:
            log.info("%d unserved tickets of earlier days expired", expired)
        self.expired_through = today
