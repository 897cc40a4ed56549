"""What an officer does with a ticket at the loket: start, finish, no-show, cancel, transfer, and
put it back in the queue. The loket holding the ticket is locked before the ticket, as everywhere
(server/locking.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from core.rules import can_transition
from core.wire import AuditKind, CounterState, ErrorCode, EventType, TicketEvent, TicketStatus
from server.audit import record
from server.auth import Principal
from server.catalog import SiteCatalog
from server.clock import Clock
from server.db import counters, tickets
from server.engine import statements as sql
from server.engine.answers import Answers
from server.engine.catalog_cache import CatalogCache
from server.engine.expiry import Expiry
from server.engine.live import LiveStats
from server.engine.site_time import SiteTime
from server.engine.unit_of_work import Unit, UnitOfWork
from server.errors import ApiError
from server.locking import write_conflict
from server.views import TicketJson, counter_ref, event_ticket, loket_ref

S = TicketStatus
# A ticket's action is tried again when the loket holding it changed between looking and locking.
HOLDER_TRIES = 3


class _HolderMoved(Exception):
    """The loket holding a ticket changed between looking it up and locking it: start again."""


class TicketActions:
    def __init__(self, clock: Clock, catalogs: CatalogCache, expiry: Expiry, live: LiveStats,
                 answers: Answers, unit_of_work: UnitOfWork, site_time: SiteTime) -> None:
        self.clock = clock
        self.site_time = site_time
        self.catalogs = catalogs
        self.expiry = expiry
        self.live = live
        self.answers = answers
        self.unit_of_work = unit_of_work

    def act(self, principal: Principal, ticket_id: int, target: TicketStatus,
            transfer_to: str | None = None, to_loket: int | None = None, note: str | None = None) -> TicketJson:
        """``to_loket`` and ``note``: a transfer's named loket, which alone calls the ticket while it
        is open, and its note for the officer there."""
        cat = self.catalogs.current()
        self.expiry.run(cat)
        sending = Sending(transfer_to, to_loket, note or None)
        for _ in range(HOLDER_TRIES):
            try:
                return self._act_once(principal, cat, ticket_id, target, sending)
            except _HolderMoved:
                continue
        raise write_conflict()

    def _act_once(self, principal: Principal, cat: SiteCatalog, ticket_id: int, target: TicketStatus,
                  sending: Sending) -> TicketJson:
        transfer_to = sending.service_id
        with self.unit_of_work.locking() as unit:
            conn = unit.conn
            # Which loket holds the ticket is looked up unlocked, so it is checked again once both
            # the loket and the ticket are locked. A transfer's named loket is locked too, the lokets
            # by number: a closing there waits for this transfer, or this transfer sees it closed.
            holder = sql.holder_of(conn, ticket_id)
            named = sending.to_loket if target is S.TRANSFERRED else None
            lokets = _lock_lokets(conn, holder, named)
            counter = lokets.get(holder) if holder is not None else None
            row = sql.ticket_row(conn, ticket_id, lock=True)
            if sql.holder_of(conn, ticket_id) != holder:
                raise _HolderMoved
            if target is S.WAITING and row.status == S.NO_SHOW.value:
                return self._late_citizen_back(unit, principal, cat, row)
            if not principal.is_manager and (counter is None or counter.staff != principal.name):
                # The officer who called it lost a race (or acts on a stale screen): a conflict
                # with the ticket's state, not a lack of rights.
                status = 409 if row.served_by == principal.name else 403
                raise ApiError(status, ErrorCode.TICKET_NOT_AT_YOUR_COUNTER, "This ticket is not at your loket.")
            current = TicketStatus(row.status)
            if not can_transition(current, target):
                raise ApiError(409, ErrorCode.INVALID_TRANSITION,
                               f"A {current.value} ticket cannot become {target.value}.",
                               **{"from": current.value, "to": target.value})
            now = self.clock.now()
            if target is S.NO_SHOW:
                _refuse_early_no_show(cat, row, now)
            values: dict[str, Any] = {"status": target.value}
            release = target in (S.DONE, S.NO_SHOW, S.CANCELLED, S.TRANSFERRED, S.WAITING)
            if target is S.WAITING:
                # Back where the citizen's ticket put them (its queue time is kept), as if never called.
                values.update(_BACK_IN_QUEUE)
            elif target is S.SERVING:
                values["started_at"] = now
            elif target in (S.DONE, S.NO_SHOW, S.CANCELLED):
                values["finished_at"] = now
            elif target is S.TRANSFERRED:
                service = cat.services.get(transfer_to or "")
                if service is None or not service.schedule.active:
                    raise ApiError(422, ErrorCode.INVALID_TRANSFER_TARGET, "Choose an active service to transfer to.",
                                   service_id=transfer_to)
                if transfer_to == row.service_id:
                    raise ApiError(422, ErrorCode.INVALID_TRANSFER_TARGET, "The ticket is already in that service.")
                if named is not None:
                    _refuse_unless_serving(lokets.get(named), named, service.id)
                # The same code waits again, now in the target service's queue (at the named loket
                # only, if one was named); a note of an earlier transfer gives way to this one's.
                values.update(status=S.WAITING.value, service_id=transfer_to, queued_at=now, counter_id=None,
                              called_at=None, started_at=None, transfers=row.transfers + 1,
                              target_counter_id=named, transfer_note=sending.note)
            # Conditional on the status it was decided on, though the lock already holds it there.
            changed = conn.execute(update(tickets).where(tickets.c.id == ticket_id, tickets.c.status == row.status)
                                   .values(**values)).rowcount
            if changed != 1:
                raise write_conflict()
            if target in AUDITED:
                if target is S.TRANSFERRED:
                    _audit(conn, principal, AUDITED[target], row, now, sending)
                else:
                    _audit(conn, principal, AUDITED[target], row, now)
            if release and counter is not None:
                conn.execute(update(counters).where(counters.c.id == counter.id)
                             .values(current_ticket_id=None, updated_at=now))
            updated = sql.ticket_row(conn, ticket_id)
            told = event_ticket(updated, cat, counter_ref(counter) if counter else None)
            if target is S.TRANSFERRED:
                # Not the busiest route: the transfer's event is the model, with who sent it from
                # where, to which loket and with what note (the audit; devices get it without the note).
                unit.events.add(EventType.TICKET_STATUS, TicketEvent.model_validate(
                    {**told, "transferred_from": row.service_id, "status_change": S.TRANSFERRED,
                     "by": principal.name, "target_counter": loket_ref(cat, named), "note": sending.note}))
            elif target is S.WAITING:
                unit.events.add(EventType.TICKET_STATUS, TicketEvent.model_validate(
                    {**told, "requeued_from": row.status, "by": principal.name}))
            else:
                unit.events.add(EventType.TICKET_STATUS, told)
            if counter is not None:
                self.answers.counter_changed(conn, cat, counter.id, unit.events)
            if target is S.DONE:
                # The service's recent mean has moved: a tile and a ticket shown from now on use it.
                unit.after_commit(lambda: self.live.forget_mean(row.service_id))
            return self.answers.ticket(conn, cat, updated, staff=True)

    def _late_citizen_back(self, unit: Unit, principal: Principal, cat: SiteCatalog, row: Any) -> TicketJson:
        """A no-show whose citizen came after all: only the same service day, by the officer now at
        the loket that missed them or by a supervisor; back by its original queue time."""
        conn = unit.conn
        if not principal.is_manager:
            at = sql.counter_row(conn, row.counter_id) if row.counter_id is not None else None
            if at is None or at.staff != principal.name or at.state == CounterState.CLOSED:
                raise ApiError(403, ErrorCode.TICKET_NOT_AT_YOUR_COUNTER,
                               "Only the officer of the loket that missed this ticket, or a supervisor, "
                               "may put it back.")
        today = self.site_time.today(cat).isoformat()
        if row.service_date != today:
            raise ApiError(409, ErrorCode.TICKET_OF_ANOTHER_DAY, "A ticket of another day cannot be put back.",
                           service_date=row.service_date)
        changed = conn.execute(update(tickets).where(tickets.c.id == row.id, tickets.c.status == S.NO_SHOW.value)
                               .values(status=S.WAITING.value, **_BACK_IN_QUEUE)).rowcount
        if changed != 1:
            raise write_conflict()
        _audit(conn, principal, AuditKind.TICKET_REQUEUED, row, self.clock.now())
        updated = sql.ticket_row(conn, row.id)
        unit.events.add(EventType.TICKET_STATUS, TicketEvent.model_validate(
            {**event_ticket(updated, cat), "requeued_from": S.NO_SHOW, "by": principal.name}))
        return self.answers.ticket(conn, cat, updated, staff=True)


@dataclass(frozen=True)
class Sending:
    """Where a transfer sends a ticket: the service, the one loket named (if any), the note."""

    service_id: str | None
    to_loket: int | None
    note: str | None


def _lock_lokets(conn: Connection, holder: int | None, named: int | None) -> dict[int, Any]:
    """The loket holding the ticket and a transfer's named loket, locked in the order of their
    numbers, so two transfers between the same two lokets never wait on each other in a circle."""
    ids = sorted({i for i in (holder, named) if i is not None and 0 < i <= sql.MAX_ROW_ID})
    locked = {}
    for counter_id in ids:
        found = conn.execute(select(counters).where(counters.c.id == counter_id).with_for_update()).first()
        if found is not None:
            locked[counter_id] = found
    return locked


def _refuse_unless_serving(loket: Any, loket_id: int, service_id: str) -> None:
    """A ticket is sent only to a loket that exists, is staffed (open, or on a pause it comes back
    from) and serves that service now."""
    if loket is None or loket.retired:
        raise ApiError(422, ErrorCode.TRANSFER_LOKET_NOT_FOUND, "There is no such loket.", counter_id=loket_id)
    if loket.state == CounterState.CLOSED:
        raise ApiError(409, ErrorCode.TRANSFER_LOKET_NOT_OPEN, "That loket is closed: send the ticket to any loket.",
                       counter=loket.name, counter_id=loket_id)
    if service_id not in loket.active_service_ids:
        raise ApiError(409, ErrorCode.TRANSFER_LOKET_NOT_SERVING, "That loket does not serve this service now.",
                       counter=loket.name, counter_id=loket_id, service_id=service_id)


# The actions the audit log keeps, whoever does them: a ticket back in the queue, sent to another
# service, or cancelled.
AUDITED: dict[TicketStatus, AuditKind] = {S.WAITING: AuditKind.TICKET_REQUEUED,
                                          S.TRANSFERRED: AuditKind.TICKET_TRANSFERRED,
                                          S.CANCELLED: AuditKind.TICKET_CANCELLED}


def _audit(conn: Any, principal: Principal, kind: AuditKind, row: Any, now: datetime,
           sending: Sending | None = None) -> None:
    """The ticket by its code and id, what it was, and where it went (with the loket named and the
    note for its officer); who and when are the entry's."""
    detail = {"ticket_id": row.id, "service_date": row.service_date, "from": row.status, "service_id": row.service_id}
    if sending is not None:
        detail["to_service_id"] = sending.service_id
        if sending.to_loket is not None:
            detail["to_counter_id"] = sending.to_loket
        if sending.note:
            detail["note"] = sending.note
    record(conn, at=now, actor=principal, kind=kind, subject=f"ticket:{row.code}", detail=detail)


# What a ticket put back in the queue forgets: it waits again as if never called.
_BACK_IN_QUEUE: dict[str, Any] = {"counter_id": None, "called_at": None, "started_at": None, "finished_at": None,
                                  "served_by": None}


def _refuse_early_no_show(cat: SiteCatalog, row: Any, now: datetime) -> None:
    """The citizen may still be walking to the loket: no-show only after the site's set time."""
    wait = cat.site.no_show_after_minutes * 60
    if row.called_at is None or wait <= 0:
        return
    left = wait - (now - row.called_at).total_seconds()
    if left > 0:
        raise ApiError(409, ErrorCode.NO_SHOW_TOO_EARLY, "The citizen may still be on the way; wait before no-show.",
                       seconds_left=math.ceil(left), called_at=row.called_at.isoformat(),
                       no_show_after_seconds=wait)
