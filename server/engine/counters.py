"""The lokets: open, close, pause and resume, call the next citizen, recall; and what a loket
sees of its queue. Every change locks the loket first and tells the boards its new state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Connection

from core.wire import (
    AT_LOKET,
    AuditKind,
    Counter,
    CounterQueue,
    CounterRef,
    CounterState,
    ErrorCode,
    EventType,
    QueueService,
    TicketStatus,
    WaitingTicket,
)
from server.audit import record
from server.auth import Principal
from server.catalog import SiteCatalog
from server.clock import Clock
from server.db import Database, audit_log, counters, tickets
from server.engine import statements as sql
from server.engine import targets
from server.engine.answers import Answers, TakenFrom
from server.engine.catalog_cache import CatalogCache
from server.engine.expiry import Expiry
from server.engine.live import LiveStats
from server.engine.site_time import SiteTime
from server.engine.unit_of_work import UnitOfWork
from server.errors import ApiError
from server.events import PendingEvents
from server.views import counter_ref, event_ticket, loket_ref

S = TicketStatus
# A call that lost its chosen ticket to another loket looks again this many times.
CALL_TRIES = 5
Action = Callable[[Connection, SiteCatalog, Any, PendingEvents], None]


class Counters:
    def __init__(self, db: Database, clock: Clock, catalogs: CatalogCache, site_time: SiteTime, expiry: Expiry,
                 live: LiveStats, answers: Answers, unit_of_work: UnitOfWork) -> None:
        self.db = db
        self.clock = clock
        self.catalogs = catalogs
        self.site_time = site_time
        self.expiry = expiry
        self.live = live
        self.answers = answers
        self.unit_of_work = unit_of_work

    def listing(self, staff: bool = False) -> list[Counter]:
        """Every loket; ``staff``: for a staff member, who may read a transfer's note (a board may not)."""
        cat = self.catalogs.current()
        with self.db.read() as conn:
            rows = conn.execute(select(counters).where(counters.c.retired.is_(False)).order_by(counters.c.id))
            return [self.answers.counter(conn, cat, r, staff=staff) for r in rows.all()]

    def open(self, principal: Principal, counter_id: int, service_ids: list[str] | None,
             reason: str = "") -> Counter:
        """Open a loket; a supervisor may take over one another officer has open, saying why."""
        taken_from: list[TakenFrom] = []

        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            taken = row.state != CounterState.CLOSED and row.staff not in (None, principal.name)
            if taken and not principal.is_manager:
                raise ApiError(409, ErrorCode.COUNTER_TAKEN, "Another officer has this loket open.", staff=row.staff)
            if taken:
                taken_from.append(_taken_from(principal, row, reason))
            chosen = list(row.service_ids) if not service_ids else list(dict.fromkeys(service_ids))
            wrong = [s for s in chosen if s not in row.service_ids]
            if wrong:
                raise ApiError(422, ErrorCode.INVALID_SERVICE_IDS, "This loket does not serve those services.",
                               service_ids=wrong, allowed=list(row.service_ids))
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state=CounterState.OPEN.value, staff=principal.name, active_service_ids=chosen, pause_reason=None,
                pause_until=None, updated_at=self.clock.now()))
            if taken:
                self._audit(conn, principal, AuditKind.COUNTER_TAKEN_OVER, row, taken_from[0])
            # Tickets sent here for a service it no longer serves go back to that service's queue.
            targets.release(conn, cat, row.id, pending, still_served=chosen)
        return self._change(counter_id, act, taken_from)

    def close(self, principal: Principal, counter_id: int, reason: str = "") -> Counter:
        """Close a loket; a supervisor may close one another officer left open, saying why."""
        taken_from: list[TakenFrom] = []

        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            _own_counter(principal, row)
            if row.staff not in (None, principal.name):
                taken_from.append(_taken_from(principal, row, reason))
            _no_ticket_in_hand(conn, row)
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state=CounterState.CLOSED.value, staff=None, pause_reason=None, pause_until=None,
                current_ticket_id=None, updated_at=self.clock.now()))
            if taken_from:
                self._audit(conn, principal, AuditKind.COUNTER_CLOSED_BY_MANAGER, row, taken_from[0])
            # Nobody calls here now: the tickets sent to this loket wait for any loket of their service.
            targets.release(conn, cat, row.id, pending)
        return self._change(counter_id, act, taken_from)

    def pause(self, principal: Principal, counter_id: int, reason: str, until: time | None = None) -> Counter:
        """Pause a loket, with the time its officer expects to be back (site time, today) if they said."""
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            _own_counter(principal, row)
            if row.state != CounterState.OPEN:
                raise ApiError(409, ErrorCode.counter_not_open(row.state), "Only an open loket can pause.",
                               state=row.state)
            # Not while a citizen is called or served here: the board would show both.
            _no_ticket_in_hand(conn, row)
            back_at = self._expected_return(cat, until)
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state=CounterState.PAUSED.value, pause_reason=reason or "istirahat", pause_until=back_at,
                updated_at=self.clock.now()))
        return self._change(counter_id, act)

    def _expected_return(self, cat: SiteCatalog, until: time | None) -> datetime | None:
        """``until`` on today's service day in the site's zone. A time not later than now would put a
        return already past on the board, and a pause over midnight belongs to no service day: refused."""
        if until is None:
            return None
        now = self.clock.now()
        back_at = datetime.combine(self.site_time.today(cat), until, tzinfo=cat.site.zone)
        if back_at <= now:
            raise ApiError(422, ErrorCode.PAUSE_UNTIL_PASSED, "The expected return must be later than now, today.",
                           until=until.strftime("%H:%M"), now=now.astimezone(cat.site.zone).strftime("%H:%M"))
        return back_at.astimezone(UTC)

    def resume(self, principal: Principal, counter_id: int) -> Counter:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            _own_counter(principal, row)
            if row.state != CounterState.PAUSED:
                raise ApiError(409, ErrorCode.COUNTER_NOT_PAUSED, "This loket is not paused.", state=row.state)
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state=CounterState.OPEN.value, pause_reason=None, pause_until=None, updated_at=self.clock.now()))
        return self._change(counter_id, act)

    def call_next(self, principal: Principal, counter_id: int) -> Counter:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            _own_counter(principal, row)
            if row.state != CounterState.OPEN:
                raise ApiError(409, ErrorCode.counter_not_open(row.state), "Open or resume the loket first.",
                               state=row.state)
            _no_ticket_in_hand(conn, row)
            today = self.site_time.today(cat).isoformat()
            base = and_(tickets.c.service_date == today, tickets.c.status == S.WAITING.value,
                        tickets.c.service_id.in_(list(row.active_service_ids)), targets.callable_by(row.id))
            order = (tickets.c.queued_at, tickets.c.id)
            for _ in range(CALL_TRIES):
                regular = conn.execute(select(tickets.c.id).where(base, tickets.c.priority.is_(None))
                                       .order_by(*order).limit(1)).scalar()
                prio = conn.execute(select(tickets.c.id).where(base, tickets.c.priority.is_not(None))
                                    .order_by(*order).limit(1)).scalar()
                if regular is None and prio is None:
                    raise ApiError(409, ErrorCode.QUEUE_EMPTY, "Nobody is waiting for this loket.")
                take_prio = cat.site.policy.serve_priority_next(regular is not None, prio is not None,
                                                                row.regular_streak)
                chosen = prio if take_prio else regular
                now = self.clock.now()
                done = conn.execute(update(tickets).where(tickets.c.id == chosen, tickets.c.status == S.WAITING.value)
                                    .values(status=S.CALLED.value, counter_id=row.id, called_at=now,
                                            served_by=principal.name)).rowcount
                if done == 1 and chosen is not None:
                    break
            else:
                raise ApiError(409, ErrorCode.QUEUE_BUSY, "Try again: other lokets are calling at the same time.")
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                current_ticket_id=chosen, updated_at=now,
                regular_streak=0 if take_prio else row.regular_streak + 1))
            ticket = sql.ticket_row(conn, chosen)
            pending.add(EventType.TICKET_CALLED, event_ticket(ticket, cat, counter_ref(row)))
        return self._change(counter_id, act)

    def recall(self, principal: Principal, counter_id: int) -> Counter:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            _own_counter(principal, row)
            t = conn.execute(select(tickets).where(tickets.c.id == row.current_ticket_id).with_for_update()).first() \
                if row.current_ticket_id else None
            if t is None or t.status != S.CALLED.value:
                raise ApiError(409, ErrorCode.NOTHING_TO_RECALL, "There is no called ticket at this loket.")
            conn.execute(update(tickets).where(tickets.c.id == t.id).values(recalls=tickets.c.recalls + 1))
            pending.add(EventType.TICKET_RECALLED,
                        event_ticket(sql.ticket_row(conn, t.id), cat, counter_ref(row)))
        return self._change(counter_id, act)

    def queue(self, principal: Principal, counter_id: int, limit: int = 50) -> CounterQueue:
        cat = self.catalogs.current()
        with self.db.read() as conn:
            row = sql.counter_row(conn, counter_id)
            today = self.site_time.today(cat)
            counts = self.live.waiting_counts(conn, today)
            waiting = conn.execute(select(tickets).where(
                tickets.c.service_date == today.isoformat(), tickets.c.status == S.WAITING.value,
                tickets.c.service_id.in_(list(row.active_service_ids)), targets.callable_by(row.id))
                .order_by(tickets.c.priority.is_(None), tickets.c.queued_at, tickets.c.id).limit(limit)).all()
            return CounterQueue(
                counter=CounterRef(id=row.id, name=row.name),
                services=tuple(QueueService(id=sid, name=cat.services[sid].name, prefix=cat.services[sid].prefix,
                                            waiting=counts.get(sid, 0), active=sid in row.active_service_ids)
                               for sid in row.service_ids if sid in cat.services),
                waiting=tuple(WaitingTicket(id=t.id, code=t.code, service_id=t.service_id, priority=t.priority,
                                            issued_at=t.issued_at, transferred=bool(t.transfers),
                                            target_counter=_ref(loket_ref(cat, t.target_counter_id)),
                                            transfer_note=t.transfer_note)
                              for t in waiting),
                served_today=_served_by(conn, today, cat.site.zone, principal.name),
            )

    def _audit(self, conn: Connection, principal: Principal, kind: AuditKind, row: Any, taken: TakenFrom) -> None:
        """A manager acted on another officer's loket: the audit log keeps who, from whom and why."""
        record(conn, at=self.clock.now(), actor=principal, kind=kind, subject=f"counter:{row.id}",
               detail={"loket": row.name, "previous_staff": taken.previous_staff, "reason": taken.reason})

    def _change(self, counter_id: int, act: Action, taken_from: list[TakenFrom] | None = None) -> Counter:
        cat = self.catalogs.current()
        self.expiry.run(cat)
        with self.unit_of_work.locking() as unit:
            # Locked before anything is decided: the same loket's next request waits for this one
            # and decides on what it left (server/locking.py).
            row = sql.counter_row(unit.conn, counter_id, lock=True)
            act(unit.conn, cat, row, unit.events)
            view = self.answers.counter_changed(unit.conn, cat, counter_id, unit.events,
                                                taken_from[0] if taken_from else None)
            unit.after_commit(self.live.forget_open_lokets)
        return view


def _own_counter(principal: Principal, row: Any) -> None:
    if row.state == CounterState.CLOSED:
        raise ApiError(409, ErrorCode.COUNTER_CLOSED, "Open the loket first.", counter=row.name)
    if principal.is_manager:
        return
    if row.staff != principal.name:
        raise ApiError(403, ErrorCode.COUNTER_NOT_YOURS, "This loket was opened by someone else.",
                       counter=row.name)


def _taken_from(principal: Principal, row: Any, reason: str) -> TakenFrom:
    """A supervisor acting on another officer's loket says why; it is kept with the loket's event."""
    if not reason.strip():
        raise ApiError(422, ErrorCode.TAKE_OVER_REASON_REQUIRED,
                       "Say why you take over or close another officer's loket.", staff=row.staff)
    return TakenFrom(by=principal.name, previous_staff=row.staff, reason=reason.strip())


def _no_ticket_in_hand(conn: Connection, row: Any) -> None:
    if row.current_ticket_id is None:
        return
    t = conn.execute(select(tickets.c.code, tickets.c.status).where(
        tickets.c.id == row.current_ticket_id)).first()
    if t and S(t.status) in AT_LOKET:
        advice = ("Start serving it or mark it no-show first." if t.status == S.CALLED
                  else "Finish or transfer it first.")
        raise ApiError(409, ErrorCode.TICKET_IN_PROGRESS, f"Ticket {t.code} is still at this loket. {advice}",
                       code=t.code, status=t.status)


def _ref(loket: dict[str, Any] | None) -> CounterRef | None:
    return CounterRef.model_validate(loket) if loket else None


def _served_by(conn: Connection, today: date, zone: tzinfo, staff: str) -> dict[str, int]:
    """The officer's tickets of today by status, and how many they transferred. A transferred ticket keeps
    no trace of who sent it once it is called again (by anyone, its sender too), so transfers are counted
    from the audit log, which keeps each one with its officer and service day; not from ticket statuses."""
    rows = conn.execute(select(tickets.c.status, func.count()).where(
        tickets.c.service_date == today.isoformat(), tickets.c.served_by == staff,
        tickets.c.status != S.WAITING.value)
        .group_by(tickets.c.status)).all()
    counts = {status: int(n) for status, n in rows}
    # The service day began at its local midnight, a little later than the day change that held it.
    since = datetime.combine(today, time(0), tzinfo=zone) - timedelta(hours=1)
    sent = conn.execute(select(audit_log.c.detail).where(
        audit_log.c.at >= since, audit_log.c.kind == AuditKind.TICKET_TRANSFERRED.value,
        audit_log.c.actor == staff)).scalars().all()
    transferred = sum(1 for d in sent if isinstance(d, dict) and d.get("service_date") == today.isoformat())
    if transferred:
        counts[S.TRANSFERRED.value] = transferred
    return counts

