"""The SQL of the queue engine that more than one of its parts runs: statements compiled once, and
the look-up of one ticket or loket with its "not found" answer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.engine import Connection

from core.wire import CounterState, ErrorCode, TicketStatus
from server.db import counters, tickets
from server.driver_sql import DriverStatement
from server.errors import ApiError

S = TicketStatus
# An id from a URL can be any size; past the database's 64-bit range it can only be "not found".
MAX_ROW_ID = 2 ** 63 - 1
# The recent mean service time is taken over a service's last this many tickets done today.
MEAN_SAMPLE = 20

# The statements every ticket runs go straight to SQLite's driver (server/driver_sql.py says why).
INSERT_TICKET = DriverStatement(tickets.insert().values(
    {c.name: bindparam(c.name) for c in tickets.c if c.name != "id"}).returning(tickets.c.id))
BY_IDEMPOTENCY_KEY = select(tickets).where(tickets.c.issuer == bindparam("issuer"),
                                           tickets.c.idempotency_key == bindparam("key"))
_WAITING_HERE = and_(tickets.c.service_date == bindparam("day"), tickets.c.service_id == bindparam("service"),
                     tickets.c.status == S.WAITING.value)
_QUEUED_EARLIER = or_(tickets.c.queued_at < bindparam("queued"),
                      and_(tickets.c.queued_at == bindparam("queued"), tickets.c.id < bindparam("id")))
_COUNT = select(func.count()).select_from(tickets)
# Under "first", every priority ticket waits ahead of a regular one; "interleave" is estimated
# in arrival order.
AHEAD_OF_PRIORITY = _COUNT.where(_WAITING_HERE, tickets.c.priority.is_not(None), _QUEUED_EARLIER)
AHEAD_OF_REGULAR = _COUNT.where(_WAITING_HERE, or_(tickets.c.priority.is_not(None), _QUEUED_EARLIER))
AHEAD_IN_ORDER = _COUNT.where(_WAITING_HERE, _QUEUED_EARLIER)
WAITING = DriverStatement(_COUNT.where(_WAITING_HERE))
WAITING_PRIORITY = DriverStatement(_COUNT.where(_WAITING_HERE, tickets.c.priority.is_not(None)))
# Lokets with an officer at them, calling (open) or on a pause: the services each is serving now.
STAFFED_COUNTER_SERVICES = select(counters.c.state, counters.c.active_service_ids).where(
    counters.c.state.in_((CounterState.OPEN.value, CounterState.PAUSED.value)), counters.c.retired.is_(False))
RECENT_SERVICE_TIMES = select(tickets.c.started_at, tickets.c.finished_at).where(
    tickets.c.service_date == bindparam("day"), tickets.c.service_id == bindparam("service"),
    tickets.c.status == S.DONE.value, tickets.c.started_at.is_not(None)
).order_by(tickets.c.finished_at.desc()).limit(MEAN_SAMPLE)


def ticket_row(conn: Connection, ticket_id: int, *, lock: bool = False) -> Any:
    stmt = select(tickets).where(tickets.c.id == ticket_id)
    row = conn.execute(stmt.with_for_update() if lock else stmt).first() \
        if 0 < ticket_id <= MAX_ROW_ID else None
    if row is None:
        raise ApiError(404, ErrorCode.TICKET_NOT_FOUND, "No ticket with that id.", ticket_id=ticket_id)
    return row


def counter_row(conn: Connection, counter_id: int, *, lock: bool = False) -> Any:
    stmt = select(counters).where(counters.c.id == counter_id, counters.c.retired.is_(False))
    row = conn.execute(stmt.with_for_update() if lock else stmt).first() \
        if 0 < counter_id <= MAX_ROW_ID else None
    if row is None:
        raise ApiError(404, ErrorCode.COUNTER_NOT_FOUND, "No such loket.", counter_id=counter_id)
    return row


def holder_of(conn: Connection, ticket_id: int) -> int | None:
    """The loket whose officer has this ticket in hand, if any."""
    return conn.execute(select(counters.c.id).where(counters.c.current_ticket_id == ticket_id)).scalar() \
        if 0 < ticket_id <= MAX_ROW_ID else None
