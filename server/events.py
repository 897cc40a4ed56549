"""The event log: every change a board or counter must see, with a strictly increasing sequence.

Events are written in the same transaction as the change they describe, and numbered last, just
before commit, so the sequence follows commit order and a follower resuming from ``Last-Event-ID``
never skips one. The hub wakes the open streams of this process; streams also poll, so events
written by another server process arrive too."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from core.wire import Event, EventPayload, EventType, RecentCall, RecentCalls, TicketStatus, WireModel
from server.db import events, tickets
from server.driver_sql import DriverStatement
from server.sequences import current_value, next_values

EVENT_SEQUENCE = "events"
_INSERT = DriverStatement(events.insert())


class PendingEvents:
    """Events of one transaction, numbered and written at its end (see module docstring)."""

    def __init__(self) -> None:
        self.items: list[tuple[EventType, dict[str, Any]]] = []

    def add(self, type_: EventType, data: EventPayload | dict[str, Any]) -> None:
        """``data`` is the payload model its type names (core/wire/events.py), or a ticket's event
        as server/views.py builds it by hand for the busiest routes."""
        self.items.append((type_, data.model_dump(mode="json") if isinstance(data, WireModel) else data))

    def flush(self, conn: Connection, at: datetime) -> int | None:
        if not self.items:
            return None
        numbers = next_values(conn, EVENT_SEQUENCE, len(self.items))
        _INSERT.execute_many(conn, [{"seq": seq, "type": type_, "at": at, "data": data}
                                    for seq, (type_, data) in zip(numbers, self.items, strict=True)])
        self.items.clear()
        return numbers[-1]

    def mark(self) -> int:
        """Where a part of a batch starts its events; ``undo(mark)`` drops them if it fails."""
        return len(self.items)

    def undo(self, mark: int) -> None:
        del self.items[mark:]


def event_json(row: Any) -> dict[str, Any]:
    return {"seq": row.seq, "type": row.type, "at": row.at.isoformat(), "data": row.data}


def as_seen_by_a_device(event: dict[str, Any]) -> dict[str, Any]:
    """What a kiosk or board in the hall receives: why a supervisor closed or took over a loket is
    about an officer (it may be "sick"), so it stays with the staff's apps and the event log; so
    does a transfer's note, written by one officer for another about a citizen, and whose account
    an admin changed."""
    data = event["data"]
    if event["type"] == EventType.COUNTER_STATE and isinstance(data, dict) and data.get("reason"):
        return {**event, "data": {**data, "reason": None}}
    if event["type"] == EventType.TICKET_STATUS and isinstance(data, dict) and data.get("note"):
        return {**event, "data": {**data, "note": None}}
    if event["type"] == EventType.STAFF_CHANGED and isinstance(data, dict):
        return {**event, "data": {**data, "username": ""}}  # whose account changed is the office's business
    return event


def events_after(conn: Connection, seq: int, limit: int = 500) -> list[dict[str, Any]]:
    rows = conn.execute(select(events).where(events.c.seq > seq).order_by(events.c.seq).limit(limit))
    return [event_json(r) for r in rows]


def latest_seq(conn: Connection) -> int:
    return current_value(conn, EVENT_SEQUENCE)


CALL_TYPES = (EventType.TICKET_CALLED.value, EventType.TICKET_RECALLED.value)
_CALLS_PER_READ = 200


def recent_calls(conn: Connection, service_date: str, limit: int, lokets: frozenset[int] = frozenset()) -> RecentCalls:
    """The newest call of each of up to ``limit`` tickets of ``service_date`` (at ``lokets``; empty:
    any), newest first, with each ticket's status now. Read backwards from the newest event, stopping
    at the first call of an earlier day, so a long history is not read to find today's few calls."""
    last = latest_seq(conn)
    newest_per_ticket: dict[int, dict[str, Any]] = {}
    before = last + 1
    while len(newest_per_ticket) < limit:
        rows = conn.execute(select(events).where(events.c.seq < before, events.c.type.in_(CALL_TYPES))
                            .order_by(events.c.seq.desc()).limit(_CALLS_PER_READ)).all()
        if not rows:
            break
        before = rows[-1].seq
        earlier_day = False
        for row in rows:
            data = row.data if isinstance(row.data, dict) else {}
            if data.get("service_date") != service_date:
                earlier_day = True
                break
            ticket_id = data.get("id")
            counter = data.get("counter")
            counter_id = counter.get("id") if isinstance(counter, dict) else None
            if lokets and counter_id not in lokets:
                continue
            if isinstance(ticket_id, int) and ticket_id not in newest_per_ticket:
                newest_per_ticket[ticket_id] = event_json(row)
                if len(newest_per_ticket) == limit:
                    break
        if earlier_day:
            break
    status_by_id: dict[int, str] = {}
    if newest_per_ticket:
        rows = conn.execute(select(tickets.c.id, tickets.c.status)
                            .where(tickets.c.id.in_(list(newest_per_ticket)))).all()
        status_by_id = {row.id: row.status for row in rows}
    calls = [RecentCall(event=Event.model_validate(event), status_now=TicketStatus(status_by_id[ticket_id]))
             for ticket_id, event in newest_per_ticket.items() if ticket_id in status_by_id]
    return RecentCalls(last_event_id=last, calls=calls)


class EventHub:
    """Wakes the async streams when a worker thread has committed new events."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiters: set[asyncio.Future[None]] = set()
        self._lock = threading.Lock()
        self.closing = False
        # Bumped on the loop at every wake: a stream notes it before it queries, and a wake that
        # lands during the query is not lost.
        self.version = 0

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def notify(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._wake_all)

    def _wake_all(self) -> None:
        self.version += 1
        with self._lock:
            waiters, self._waiters = self._waiters, set()
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)

    async def wait(self, seen_version: int, timeout: float) -> None:
        if self.version != seen_version or self.closing:
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        with self._lock:
            self._waiters.add(fut)
        try:
            await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                self._waiters.discard(fut)

    def close(self) -> None:
        self.closing = True
        self.notify()
