"""The queue engine: issues tickets, moves them through their states, runs the counters.

Every change is one database transaction that also writes its events; every rule comes from
``kiosk.rules`` and ``kiosk.schedule`` so clients and server agree."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any, Iterable

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core import nik as nik_rules
from core.models import Priority, TicketStatus
from core.rules import (OPEN_STATES, STATUS_TOKEN, can_transition, estimate_wait_minutes, format_code, mean_minutes,
                         split_code)
from core.schedule import Availability, check_availability
from server.auth import Principal
from server.batch_writer import BatchWriter
from server.catalog import SiteCatalog, parse_catalog
from server.clock import Clock
from server.db import Database, catalogs, counters, tickets
from server.driver_sql import DriverStatement
from server.errors import ApiError
from server.events import EventHub, EventTypes, PendingEvents
from server.locking import locking_write, write_conflict
from server.sequences import next_value
from server.service_day import DayReading, ServiceDay
from server.views import counter_ref, event_ticket, ticket_json

log = logging.getLogger(__name__)
S = TicketStatus
CATALOG_RECHECK_S = 2.0
MEAN_TTL_S = 30.0
OPEN_SERVICES_TTL_S = 5.0
MAX_ROW_ID = 2 ** 63 - 1
# A ticket's action is tried again when the loket holding it changed between looking and locking.
HOLDER_TRIES = 3


@dataclass(frozen=True)
class ServiceLive:
    waiting: int
    issued: int
    counters_open: int
    mean_minutes: float


class QueueEngine:
    def __init__(self, db: Database, clock: Clock, hub: EventHub, *, public_url: str,
                 nik_key: bytes, open_all_hours: bool = False) -> None:
        self.db = db
        self.clock = clock
        self.hub = hub
        self.public_url = public_url
        self.nik_key = nik_key
        self.open_all_hours = open_all_hours
        self._catalog: tuple[int, SiteCatalog] | None = None
        self._catalog_lock = threading.Lock()
        self._catalog_checked = 0.0
        self._expired_through: date | None = None
        self._service_day = ServiceDay(self._newest_service_date)
        self._means: dict[tuple[str, str], tuple[float, float]] = {}
        self._open_services: tuple[float, list[list[str]]] | None = None
        self.writer = BatchWriter(db, now=clock.now, on_commit=hub.notify)

    # ----------------------------------------------------------------- catalog and time

    def catalog(self) -> SiteCatalog:
        """The newest imported catalog, parsed once per version. Another process (the
        ``import-catalog`` command) may import one, so the version is looked at every 2 s."""
        cached = self._catalog
        if cached and time.monotonic() - self._catalog_checked < CATALOG_RECHECK_S:
            return cached[1]
        with self._catalog_lock:
            with self.db.read() as conn:
                version = conn.execute(select(func.max(catalogs.c.id))).scalar()
                if version is None:
                    raise ApiError(503, "no_catalog", "The server has no catalog yet.")
                if not cached or cached[0] != version:
                    doc = conn.execute(select(catalogs.c.document).where(catalogs.c.id == version)).scalar_one()
                    self._catalog = cached = (version, parse_catalog(doc))
            self._catalog_checked = time.monotonic()
            return cached[1]

    def import_catalog(self, cat: SiteCatalog, source: str) -> int:
        """Store a new catalog version and bring the lokets in line with it."""
        now = self.clock.now()
        pending = PendingEvents()
        with self.db.write() as conn:
            version = conn.execute(catalogs.insert().values(
                imported_at=now, source=source[:500], document=dict(cat.document))).inserted_primary_key[0]
            # Locked like any loket change (server/locking.py), so an opening at the same moment
            # is not written over with the state read here.
            existing = {r.id: r for r in conn.execute(select(counters).with_for_update())}
            for loket in cat.lokets:
                values = {"name": loket.name, "service_ids": list(loket.service_ids),
                          "updated_at": now, "retired": False}
                if loket.id in existing:
                    old = existing[loket.id]
                    active = [s for s in old.active_service_ids if s in loket.service_ids] or list(loket.service_ids)
                    conn.execute(update(counters).where(counters.c.id == loket.id)
                                 .values(active_service_ids=active, **values))
                else:
                    conn.execute(counters.insert().values(
                        id=loket.id, active_service_ids=list(loket.service_ids), state="closed",
                        regular_streak=0, **values))
            gone = set(existing) - {l.id for l in cat.lokets}
            if gone:
                conn.execute(update(counters).where(counters.c.id.in_(gone))
                             .values(retired=True, state="closed", staff=None, updated_at=now))
            pending.add(EventTypes.CATALOG_CHANGED, {"version": version})
            pending.flush(conn, now)
        self._catalog_checked = 0.0
        self._open_services = None
        self.hub.notify()
        return int(version)

    def local_now(self, cat: SiteCatalog) -> datetime:
        return self.clock.now().astimezone(cat.site.zone)

    def today(self, cat: SiteCatalog) -> date:
        """The service day: the site's local date (23.30 UTC is already tomorrow in WIB) once that
        date has held for a few minutes (server/service_day.py)."""
        return self._service_day.observe(self.local_now(cat)).day

    def day_reading(self, cat: SiteCatalog) -> DayReading:
        return self._service_day.observe(self.local_now(cat))

    def keep_day(self) -> None:
        """The day-end job: reads the clock and expires earlier days' tickets once the new day
        has held, with no request needed (the server runs it every few seconds)."""
        try:
            cat = self.catalog()
        except ApiError:  # no catalog yet: no queue either
            return
        self._expire_stale(cat)

    def _newest_service_date(self) -> date | None:
        with self.db.read() as conn:
            newest = conn.execute(select(func.max(tickets.c.service_date))).scalar()
        return date.fromisoformat(newest) if newest else None

    def _refuse_unless_day_settled(self, cat: SiteCatalog) -> None:
        """A ticket numbered on a day the clock showed for a moment would be lost: refuse until the
        clock agrees with the service day again, or its new date has held."""
        reading = self._service_day.observe(self.local_now(cat))
        if not reading.settled:
            raise ApiError(503, "clock_unsettled",
                           "The server's clock has just changed date; tickets resume within a few "
                           "minutes. Please try again.", service_date=reading.day.isoformat())

    # ----------------------------------------------------------------- helpers

    def _write(self) -> Any:
        return locking_write(self.db)

    def _expire_stale(self, cat: SiteCatalog) -> None:
        """Unserved tickets of earlier days expire once the service day has held, never on one
        reading of the clock: once per day per process, in a write of its own, so a refused
        request cannot roll it back."""
        today = self._service_day.observe(self.local_now(cat)).expire_before
        if today is None or today == self._expired_through:
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
                pending.add(EventTypes.TICKET_STATUS, {"expired": count, "before": today.isoformat()})
            return count

        expired = self.writer.submit(work)
        if expired:
            log.info("%d unserved tickets of earlier days expired", expired)
        self._expired_through = today

    def _expiry_due(self, cat: SiteCatalog) -> bool:
        """Whether earlier days' tickets are due to expire and this process has not done it yet:
        the busiest route asks before it spends a thread on ``_expire_stale``."""
        before = self._service_day.observe(self.local_now(cat)).expire_before
        return before is not None and before != self._expired_through

    def _commit_events(self, conn: Connection, pending: PendingEvents) -> None:
        pending.flush(conn, self.clock.now())

    def _live(self, conn: Connection, cat: SiteCatalog, today: date,
              only: Iterable[str] | None = None) -> dict[str, ServiceLive]:
        day = today.isoformat()
        where = [tickets.c.service_date == day]
        if only is not None:
            only = list(only)
        waiting = dict(conn.execute(
            select(tickets.c.service_id, func.count()).where(*where, tickets.c.status == S.WAITING.value)
            .group_by(tickets.c.service_id)).all())
        issued = dict(conn.execute(
            select(tickets.c.origin_service_id, func.count()).where(*where)
            .group_by(tickets.c.origin_service_id)).all())
        open_counts: dict[str, int] = defaultdict(int)
        for row in conn.execute(select(counters.c.active_service_ids)
                                .where(counters.c.state == "open", counters.c.retired.is_(False))):
            for sid in row.active_service_ids:
                open_counts[sid] += 1
        durations: dict[str, list[float]] = defaultdict(list)
        recent = conn.execute(
            select(tickets.c.service_id, tickets.c.started_at, tickets.c.finished_at)
            .where(*where, tickets.c.status == S.DONE.value, tickets.c.started_at.is_not(None))
            .order_by(tickets.c.finished_at.desc()).limit(400))
        for sid, started, finished in recent:
            if len(durations[sid]) < 20:
                durations[sid].append((finished - started).total_seconds())
        ids = only if only is not None else cat.services.keys()
        return {sid: ServiceLive(int(waiting.get(sid, 0)), int(issued.get(sid, 0)), open_counts.get(sid, 0),
                                 mean_minutes(durations.get(sid, ()), cat.services[sid].mean_service_minutes))
                for sid in ids if sid in cat.services}

    def _people_ahead(self, conn: Connection, cat: SiteCatalog, row: Any, newest: bool = False) -> int:
        if row.status != S.WAITING.value:
            return 0
        if newest:
            # A ticket just issued is the last in its queue: everyone waiting (or, for priority
            # first, everyone with priority) is ahead. Counting them skips comparing times,
            # the dearest statement of an issue.
            stmt = _WAITING_PRIORITY if row.priority and cat.site.policy.mode == "first" else _WAITING
            return max(0, int(stmt.scalar(conn, {"day": row.service_date, "service": row.service_id})) - 1)
        if cat.site.policy.mode == "first":
            stmt = _AHEAD_OF_PRIORITY if row.priority else _AHEAD_OF_REGULAR
        else:
            stmt = _AHEAD_IN_ORDER
        return int(conn.execute(stmt, {"day": row.service_date, "service": row.service_id,
                                       "queued": row.queued_at, "id": row.id}).scalar_one())

    def _ticket_view(self, conn: Connection, cat: SiteCatalog, row: Any, newest: bool = False) -> dict[str, Any]:
        ahead = self._people_ahead(conn, cat, row, newest)
        eta = 0
        if ahead and row.service_id in cat.services:
            open_here = sum(1 for ids in self._open_counter_services(conn) if row.service_id in ids)
            mean = self._mean_minutes(conn, cat, row.service_id, row.service_date)
            eta = estimate_wait_minutes(ahead, mean, open_here)
        counter = None
        if row.counter_id is not None:
            c = conn.execute(select(counters.c.id, counters.c.name).where(counters.c.id == row.counter_id)).first()
            counter = counter_ref(c) if c else None
        return ticket_json(row, cat, people_ahead=ahead, eta_minutes=eta, counter=counter,
                           public_url=self.public_url)

    def _open_counter_services(self, conn: Connection) -> list[list[str]]:
        """What each open loket serves, for wait estimates: kept a few seconds, and forgotten
        whenever this process opens, closes or retargets a loket."""
        hit = self._open_services
        if hit and hit[0] > time.monotonic():
            return hit[1]
        value = [list(ids) for (ids,) in conn.execute(_OPEN_COUNTER_SERVICES)]
        self._open_services = (time.monotonic() + OPEN_SERVICES_TTL_S, value)
        return value

    def _mean_minutes(self, conn: Connection, cat: SiteCatalog, service_id: str, day: str) -> float:
        """Recent mean service time of one service, kept 30 s: it moves slowly, tickets come fast."""
        key = (service_id, day)
        hit = self._means.get(key)
        if hit and hit[0] > time.monotonic():
            return hit[1]
        rows = conn.execute(select(tickets.c.started_at, tickets.c.finished_at).where(
            tickets.c.service_date == day, tickets.c.service_id == service_id,
            tickets.c.status == S.DONE.value, tickets.c.started_at.is_not(None))
            .order_by(tickets.c.finished_at.desc()).limit(20))
        value = mean_minutes(((f - s).total_seconds() for s, f in rows),
                             cat.services[service_id].mean_service_minutes)
        self._means[key] = (time.monotonic() + MEAN_TTL_S, value)
        return value

    def _ticket_row(self, conn: Connection, ticket_id: int, *, lock: bool = False) -> Any:
        # An id from a URL can be any size; past SQLite's 64-bit range it can only be "not found".
        stmt = select(tickets).where(tickets.c.id == ticket_id)
        row = conn.execute(stmt.with_for_update() if lock else stmt).first() \
            if 0 < ticket_id <= MAX_ROW_ID else None
        if row is None:
            raise ApiError(404, "ticket_not_found", "No ticket with that id.", ticket_id=ticket_id)
        return row

    # ----------------------------------------------------------------- catalog view

    def availability(self, cat: SiteCatalog, service_id: str, issued_today: int) -> Availability:
        service = cat.services[service_id]
        return check_availability(service.schedule, self.local_now(cat), holidays=cat.holidays,
                                  issued_today=issued_today, tz_label=cat.site.tz_label,
                                  open_all_hours=self.open_all_hours)

    def catalog_view(self) -> dict[str, Any]:
        cat = self.catalog()
        today = self.today(cat)
        with self.db.read() as conn:
            live = self._live(conn, cat, today)
        agencies = []
        for agency in cat.agencies:
            services = []
            for sid in agency.service_ids:
                svc, info = cat.services[sid], live[sid]
                av = self.availability(cat, sid, info.issued)
                services.append({
                    "id": sid, "prefix": svc.prefix, "name": svc.name, "name_en": svc.name_en,
                    "open": av.open, "closed_reason": av.reason, "closed_params": dict(av.params),
                    "opens_at": av.opens_at, "closes_at": av.closes_at,
                    "waiting": info.waiting,
                    "eta_minutes": estimate_wait_minutes(info.waiting, info.mean_minutes, info.counters_open),
                    "quota": svc.quota, "quota_left": av.quota_left,
                    "counters_open": info.counters_open,
                    "requirements": list(svc.requirements),
                    "lokets": [l.name for l in cat.lokets_for(sid)],
                })
            agencies.append({"id": agency.id, "name": agency.name, "short_name": agency.short_name,
                             "name_en": agency.name_en, "services": services})
        site = cat.site
        return {
            "site": {"name": site.name, "short_name": site.short_name, "address": site.address,
                     "timezone": site.timezone, "tz_label": site.tz_label,
                     "allow_priority": site.allow_priority, "priority_policy": site.policy.mode,
                     "running_text": site.running_text, "footer": list(site.footer),
                     "local_date": today.isoformat(), "local_time": self.local_now(cat).isoformat(),
                     "open_all_hours": self.open_all_hours},
            "agencies": agencies,
        }

    # ----------------------------------------------------------------- tickets

    async def issue_ticket(self, principal: Principal, *, service_id: str, priority: str | None,
                           nik: str | None, idempotency_key: str) -> tuple[dict[str, Any], bool]:
        """Issue one ticket, or return the one this key already made (``created`` False).

        Async on the busiest route: the event loop hands the write straight to the batch writer
        and waits for its commit, with no thread-pool hop in between."""
        cat = self.catalog()
        nik_hash = nik_last4 = None
        if nik:
            try:
                info = nik_rules.parse_nik(nik, today=self.today(cat))
            except nik_rules.InvalidNik as exc:
                raise ApiError(422, "invalid_nik", "That is not a valid NIK.", reason=exc.reason) from None
            nik_hash, nik_last4 = nik_rules.nik_hash(nik, self.nik_key), info.last4
        digest = hashlib.sha256(f"{service_id}|{priority or ''}|{nik_hash or ''}".encode()).hexdigest()
        if self._expiry_due(cat):
            await asyncio.to_thread(self._expire_stale, cat)
        try:
            ticket = await self.writer.run(lambda conn, pending: self._ticket_view(conn, cat, self._insert_ticket(
                conn, principal, cat, service_id, priority, nik_hash, nik_last4, idempotency_key, digest, pending),
                newest=True))
        except (IntegrityError, ApiError) as exc:
            # A retried tap: its key's insert clashed (or the service has closed or filled since)
            # and was rolled back with its number; the ticket the key made is the answer. Looking
            # only after a refusal spares every new ticket a query.
            replay = await asyncio.to_thread(self._replay, principal, idempotency_key, digest)
            if replay is not None:
                return replay, False
            if isinstance(exc, IntegrityError):
                raise ApiError(409, "conflict", "The ticket could not be issued; please try again.") from None
            raise
        log.debug("issued %s for %s by %s", ticket["code"], service_id, principal.issuer)
        return ticket, True

    def _replay(self, principal: Principal, key: str, digest: str) -> dict[str, Any] | None:
        """The ticket this key already made, or None; a key reused for another request is refused."""
        cat = self.catalog()
        with self.db.read() as conn:
            row = conn.execute(_BY_IDEMPOTENCY_KEY, {"issuer": principal.issuer, "key": key}).first()
            if row is None:
                return None
            if row.request_digest != digest:
                raise ApiError(422, "idempotency_key_reused",
                               "This Idempotency-Key was used for a different request.")
            return self._ticket_view(conn, cat, row)

    def _insert_ticket(self, conn: Connection, principal: Principal, cat: SiteCatalog, service_id: str,
                       priority: str | None, nik_hash: str | None, nik_last4: str | None, key: str,
                       digest: str, pending: PendingEvents) -> Any:
        service = cat.services.get(service_id)
        if service is None:
            raise ApiError(404, "service_not_found", "No such service.", service_id=service_id)
        if priority and not cat.site.allow_priority:
            raise ApiError(422, "priority_not_allowed", "This site does not offer priority service.")
        today = self.today(cat).isoformat()
        # The number is taken first: its row lock serialises this service's issuers, and as every
        # ticket of a prefix and day took one number, the one before it is the count issued today.
        # A refusal rolls the number back, leaving no gap.
        seq = next_value(conn, f"ticket:{service.prefix}:{today}")
        av = self.availability(cat, service_id, seq - 1)
        if not av.open:
            params = {"opens_at": av.opens_at, "closes_at": av.closes_at, **av.params}
            raise ApiError(409, av.reason or "closed", _closed_message(av), **params)
        self._refuse_unless_day_settled(cat)
        now = self.clock.now()
        values = {
            "code": format_code(service.prefix, seq), "prefix": service.prefix, "seq": seq,
            "service_date": today, "service_id": service_id, "origin_service_id": service_id,
            "status": S.WAITING.value, "priority": priority, "token": secrets.token_urlsafe(18),
            "issued_at": now, "queued_at": now, "recalls": 0, "transfers": 0, "issuer": principal.issuer,
            "idempotency_key": key, "request_digest": digest, "nik_hash": nik_hash, "nik_last4": nik_last4,
            "called_at": None, "started_at": None, "finished_at": None, "counter_id": None,
            "served_by": None, "print_status": None, "print_reason": None,
        }
        # Only the id comes back: the rest is what was just written, and reading 26 columns back
        # through their converters costs more than the insert.
        row = SimpleNamespace(id=_INSERT_TICKET.scalar(conn, values), **values)
        pending.add(EventTypes.TICKET_ISSUED, event_ticket(row, cat))
        return row

    def ticket_by_id(self, ticket_id: int) -> dict[str, Any]:
        cat = self.catalog()
        with self.db.read() as conn:
            return self._ticket_view(conn, cat, self._ticket_row(conn, ticket_id))

    def lookup(self, code: str, day: date | None) -> dict[str, Any]:
        cat = self.catalog()
        day = day or self.today(cat)
        with self.db.read() as conn:
            prefix, number = split_code(code)
            row = None
            if number <= MAX_ROW_ID:  # past the 64-bit range a number can only be "not found"
                row = conn.execute(select(tickets).where(
                    tickets.c.prefix == prefix, tickets.c.service_date == day.isoformat(),
                    tickets.c.seq == number)).first()
            if row is None:
                raise ApiError(404, "ticket_not_found", "No ticket with that code on that date.",
                               code=code, date=day.isoformat())
            return self._ticket_view(conn, cat, row)

    def by_token(self, token: str) -> dict[str, Any]:
        if not STATUS_TOKEN.fullmatch(token):  # e.g. a NUL, which PostgreSQL cannot even compare
            raise ApiError(404, "ticket_not_found", "No ticket for that link.")
        cat = self.catalog()
        with self.db.read() as conn:
            row = conn.execute(select(tickets).where(tickets.c.token == token)).first()
            if row is None:
                raise ApiError(404, "ticket_not_found", "No ticket for that link.")
            return self._ticket_view(conn, cat, row)

    def record_print(self, principal: Principal, ticket_id: int, status: str, reason: str) -> dict[str, Any]:
        cat = self.catalog()
        with self._write() as conn:
            row = self._ticket_row(conn, ticket_id)
            if not principal.is_manager and row.issuer != principal.issuer:
                raise ApiError(403, "not_your_ticket", "Only the device that issued a ticket reports its print.")
            conn.execute(update(tickets).where(tickets.c.id == ticket_id)
                         .values(print_status=status, print_reason=reason[:200] or None))
            if status != "printed":
                log.warning("ticket %s did not print: %s", row.code, status)
            return self._ticket_view(conn, cat, self._ticket_row(conn, ticket_id))

    # ----------------------------------------------------------------- counters

    def _counter_row(self, conn: Connection, counter_id: int, *, lock: bool = False) -> Any:
        stmt = select(counters).where(counters.c.id == counter_id, counters.c.retired.is_(False))
        row = conn.execute(stmt.with_for_update() if lock else stmt).first() \
            if 0 < counter_id <= MAX_ROW_ID else None
        if row is None:
            raise ApiError(404, "counter_not_found", "No such loket.", counter_id=counter_id)
        return row

    def _counter_view(self, conn: Connection, cat: SiteCatalog, row: Any) -> dict[str, Any]:
        current = None
        if row.current_ticket_id is not None:
            t = conn.execute(select(tickets).where(tickets.c.id == row.current_ticket_id)).first()
            if t is not None:
                current = self._ticket_view(conn, cat, t)
        return {"id": row.id, "name": row.name, "service_ids": list(row.service_ids),
                "active_service_ids": list(row.active_service_ids), "state": row.state,
                "staff": row.staff, "pause_reason": row.pause_reason, "current_ticket": current}

    def _own_counter(self, principal: Principal, row: Any) -> None:
        if row.state == "closed":
            raise ApiError(409, "counter_closed", "Open the loket first.", counter=row.name)
        if principal.is_manager:
            return
        if row.staff != principal.name:
            raise ApiError(403, "counter_not_yours", "This loket was opened by someone else.",
                           counter=row.name)

    def _counter_changed(self, conn: Connection, cat: SiteCatalog, counter_id: int,
                         pending: PendingEvents) -> dict[str, Any]:
        view = self._counter_view(conn, cat, self._counter_row(conn, counter_id))
        pending.add(EventTypes.COUNTER_STATE, {
            "counter": {"id": view["id"], "name": view["name"]}, "state": view["state"],
            "staff": view["staff"], "pause_reason": view["pause_reason"],
            "current_code": view["current_ticket"]["code"] if view["current_ticket"] else None})
        return view

    def list_counters(self) -> list[dict[str, Any]]:
        cat = self.catalog()
        with self.db.read() as conn:
            rows = conn.execute(select(counters).where(counters.c.retired.is_(False)).order_by(counters.c.id))
            return [self._counter_view(conn, cat, r) for r in rows.all()]

    def _counter_action(self, principal: Principal, counter_id: int, action) -> dict[str, Any]:  # noqa: ANN001
        cat = self.catalog()
        self._expire_stale(cat)
        pending = PendingEvents()
        with self._write() as conn:
            # Locked before anything is decided: the same loket's next request waits for this one
            # and decides on what it left (server/locking.py).
            row = self._counter_row(conn, counter_id, lock=True)
            result = action(conn, cat, row, pending)
            view = self._counter_changed(conn, cat, counter_id, pending)
            self._commit_events(conn, pending)
        self._open_services = None
        self.hub.notify()
        return result if result is not None else view

    def open_counter(self, principal: Principal, counter_id: int, service_ids: list[str] | None) -> dict[str, Any]:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            if row.state != "closed" and row.staff not in (None, principal.name) and not principal.is_manager:
                raise ApiError(409, "counter_taken", "Another officer has this loket open.", staff=row.staff)
            chosen = list(row.service_ids) if not service_ids else list(dict.fromkeys(service_ids))
            wrong = [s for s in chosen if s not in row.service_ids]
            if wrong:
                raise ApiError(422, "invalid_service_ids", "This loket does not serve those services.",
                               service_ids=wrong, allowed=list(row.service_ids))
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state="open", staff=principal.name, active_service_ids=chosen, pause_reason=None,
                updated_at=self.clock.now()))
        return self._counter_action(principal, counter_id, act)

    def close_counter(self, principal: Principal, counter_id: int) -> dict[str, Any]:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            self._own_counter(principal, row)
            self._no_ticket_in_hand(conn, row)
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state="closed", staff=None, pause_reason=None, current_ticket_id=None,
                updated_at=self.clock.now()))
        return self._counter_action(principal, counter_id, act)

    def pause_counter(self, principal: Principal, counter_id: int, reason: str) -> dict[str, Any]:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            self._own_counter(principal, row)
            if row.state != "open":
                raise ApiError(409, f"counter_{row.state}", "Only an open loket can pause.", state=row.state)
            # Not while a citizen is called or served here: the board would show both.
            self._no_ticket_in_hand(conn, row)
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state="paused", pause_reason=reason or "istirahat", updated_at=self.clock.now()))
        return self._counter_action(principal, counter_id, act)

    def resume_counter(self, principal: Principal, counter_id: int) -> dict[str, Any]:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            self._own_counter(principal, row)
            if row.state != "paused":
                raise ApiError(409, "counter_not_paused", "This loket is not paused.", state=row.state)
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                state="open", pause_reason=None, updated_at=self.clock.now()))
        return self._counter_action(principal, counter_id, act)

    def _no_ticket_in_hand(self, conn: Connection, row: Any) -> None:
        if row.current_ticket_id is None:
            return
        t = conn.execute(select(tickets.c.code, tickets.c.status).where(
            tickets.c.id == row.current_ticket_id)).first()
        if t and t.status in (S.CALLED.value, S.SERVING.value):
            advice = ("Start serving it or mark it no-show first." if t.status == S.CALLED.value
                      else "Finish or transfer it first.")
            raise ApiError(409, "ticket_in_progress", f"Ticket {t.code} is still at this loket. {advice}",
                           code=t.code, status=t.status)

    def call_next(self, principal: Principal, counter_id: int) -> dict[str, Any]:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            self._own_counter(principal, row)
            if row.state != "open":
                raise ApiError(409, f"counter_{row.state}", "Open or resume the loket first.", state=row.state)
            self._no_ticket_in_hand(conn, row)
            today = self.today(cat).isoformat()
            base = and_(tickets.c.service_date == today, tickets.c.status == S.WAITING.value,
                        tickets.c.service_id.in_(list(row.active_service_ids)))
            order = (tickets.c.queued_at, tickets.c.id)
            for _ in range(5):
                regular = conn.execute(select(tickets.c.id).where(base, tickets.c.priority.is_(None))
                                       .order_by(*order).limit(1)).scalar()
                prio = conn.execute(select(tickets.c.id).where(base, tickets.c.priority.is_not(None))
                                    .order_by(*order).limit(1)).scalar()
                if regular is None and prio is None:
                    raise ApiError(409, "queue_empty", "Nobody is waiting for this loket.")
                take_prio = cat.site.policy.serve_priority_next(regular is not None, prio is not None,
                                                                row.regular_streak)
                chosen = prio if take_prio else regular
                now = self.clock.now()
                done = conn.execute(update(tickets).where(tickets.c.id == chosen, tickets.c.status == S.WAITING.value)
                                    .values(status=S.CALLED.value, counter_id=row.id, called_at=now,
                                            served_by=principal.name)).rowcount
                if done == 1:
                    break
            else:
                raise ApiError(409, "queue_busy", "Try again: other lokets are calling at the same time.")
            conn.execute(update(counters).where(counters.c.id == row.id).values(
                current_ticket_id=chosen, updated_at=now,
                regular_streak=0 if take_prio else row.regular_streak + 1))
            ticket = self._ticket_row(conn, chosen)
            pending.add(EventTypes.TICKET_CALLED, event_ticket(ticket, cat, counter_ref(row)))
        return self._counter_action(principal, counter_id, act)

    def recall(self, principal: Principal, counter_id: int) -> dict[str, Any]:
        def act(conn: Connection, cat: SiteCatalog, row: Any, pending: PendingEvents) -> None:
            self._own_counter(principal, row)
            t = conn.execute(select(tickets).where(tickets.c.id == row.current_ticket_id).with_for_update()).first() \
                if row.current_ticket_id else None
            if t is None or t.status != S.CALLED.value:
                raise ApiError(409, "nothing_to_recall", "There is no called ticket at this loket.")
            conn.execute(update(tickets).where(tickets.c.id == t.id).values(recalls=tickets.c.recalls + 1))
            pending.add(EventTypes.TICKET_RECALLED,
                        event_ticket(self._ticket_row(conn, t.id), cat, counter_ref(row)))
        return self._counter_action(principal, counter_id, act)

    def counter_queue(self, principal: Principal, counter_id: int, limit: int = 50) -> dict[str, Any]:
        cat = self.catalog()
        with self.db.read() as conn:
            row = self._counter_row(conn, counter_id)
            today = self.today(cat)
            live = self._live(conn, cat, today, only=row.service_ids)
            waiting = conn.execute(select(tickets).where(
                tickets.c.service_date == today.isoformat(), tickets.c.status == S.WAITING.value,
                tickets.c.service_id.in_(list(row.active_service_ids)))
                .order_by(tickets.c.priority.is_(None), tickets.c.queued_at, tickets.c.id).limit(limit)).all()
            return {
                "counter": {"id": row.id, "name": row.name},
                "services": [{"id": sid, "name": cat.services[sid].name, "prefix": cat.services[sid].prefix,
                              "waiting": live[sid].waiting, "active": sid in row.active_service_ids}
                             for sid in row.service_ids if sid in cat.services],
                "waiting": [{"id": t.id, "code": t.code, "service_id": t.service_id,
                             "priority": t.priority, "issued_at": t.issued_at.isoformat(),
                             "transferred": bool(t.transfers)} for t in waiting],
                "served_today": self._served_by(conn, today, principal.name),
            }

    def _served_by(self, conn: Connection, today: date, staff: str) -> dict[str, int]:
        rows = conn.execute(select(tickets.c.status, func.count()).where(
            tickets.c.service_date == today.isoformat(), tickets.c.served_by == staff)
            .group_by(tickets.c.status)).all()
        return {status: int(n) for status, n in rows}

    # ----------------------------------------------------------------- ticket actions at a counter

    def ticket_action(self, principal: Principal, ticket_id: int, target: TicketStatus,
                      transfer_to: str | None = None) -> dict[str, Any]:
        cat = self.catalog()
        self._expire_stale(cat)
        for _ in range(HOLDER_TRIES):
            try:
                view = self._act_on_ticket(principal, cat, ticket_id, target, transfer_to)
            except _HolderMoved:
                continue
            self.hub.notify()
            return view
        raise write_conflict()

    def _act_on_ticket(self, principal: Principal, cat: SiteCatalog, ticket_id: int, target: TicketStatus,
                       transfer_to: str | None) -> dict[str, Any]:
        pending = PendingEvents()
        with self._write() as conn:
            # The loket is locked before the ticket, as everywhere (server/locking.py). Which
            # loket holds the ticket is looked up unlocked, so it is checked again once both are.
            holder = self._holder_of(conn, ticket_id)
            counter = conn.execute(select(counters).where(counters.c.id == holder).with_for_update()).first() \
                if holder is not None else None
            row = self._ticket_row(conn, ticket_id, lock=True)
            if self._holder_of(conn, ticket_id) != holder:
                raise _HolderMoved
            if not principal.is_manager and (counter is None or counter.staff != principal.name):
                # The officer who called it lost a race (or acts on a stale screen): a conflict
                # with the ticket's state, not a lack of rights.
                status = 409 if row.served_by == principal.name else 403
                raise ApiError(status, "ticket_not_at_your_counter", "This ticket is not at your loket.")
            current = TicketStatus(row.status)
            if not can_transition(current, target):
                raise ApiError(409, "invalid_transition", f"A {current.value} ticket cannot become {target.value}.",
                               **{"from": current.value, "to": target.value})
            now = self.clock.now()
            values: dict[str, Any] = {"status": target.value}
            release = target in (S.DONE, S.NO_SHOW, S.CANCELLED, S.TRANSFERRED)
            if target is S.SERVING:
                values["started_at"] = now
            elif target in (S.DONE, S.NO_SHOW, S.CANCELLED):
                values["finished_at"] = now
            elif target is S.TRANSFERRED:
                service = cat.services.get(transfer_to or "")
                if service is None or not service.schedule.active:
                    raise ApiError(422, "invalid_transfer_target", "Choose an active service to transfer to.",
                                   service_id=transfer_to)
                if transfer_to == row.service_id:
                    raise ApiError(422, "invalid_transfer_target", "The ticket is already in that service.")
                # The same code waits again, now in the target service's queue.
                values.update(status=S.WAITING.value, service_id=transfer_to, queued_at=now, counter_id=None,
                              called_at=None, started_at=None, transfers=row.transfers + 1)
            # Conditional on the status it was decided on, though the lock already holds it there.
            changed = conn.execute(update(tickets).where(tickets.c.id == ticket_id, tickets.c.status == row.status)
                                   .values(**values)).rowcount
            if changed != 1:
                raise write_conflict()
            if release and counter is not None:
                conn.execute(update(counters).where(counters.c.id == counter.id)
                             .values(current_ticket_id=None, updated_at=now))
            updated = self._ticket_row(conn, ticket_id)
            data = event_ticket(updated, cat, counter_ref(counter) if counter else None)
            if target is S.TRANSFERRED:
                data.update(transferred_from=row.service_id, status_change=S.TRANSFERRED.value)
            pending.add(EventTypes.TICKET_STATUS, data)
            if counter is not None:
                self._counter_changed(conn, cat, counter.id, pending)
            view = self._ticket_view(conn, cat, updated)
            self._commit_events(conn, pending)
        return view

    @staticmethod
    def _holder_of(conn: Connection, ticket_id: int) -> int | None:
        """The loket whose officer has this ticket in hand, if any."""
        return conn.execute(select(counters.c.id).where(counters.c.current_ticket_id == ticket_id)).scalar() \
            if 0 < ticket_id <= MAX_ROW_ID else None

    # ----------------------------------------------------------------- reports

    def daily_report(self, day: date | None) -> dict[str, Any]:
        cat = self.catalog()
        day = day or self.today(cat)
        with self.db.read() as conn:
            rows = conn.execute(select(tickets).where(tickets.c.service_date == day.isoformat())).all()
        per_service: dict[str, dict[str, Any]] = {}
        waits: dict[str, list[float]] = defaultdict(list)
        serves: dict[str, list[float]] = defaultdict(list)
        by_counter: dict[int, int] = defaultdict(int)
        by_priority: dict[str, int] = defaultdict(int)
        for t in rows:
            entry = per_service.setdefault(t.origin_service_id, {"issued": 0, **{s.value: 0 for s in S}})
            entry["issued"] += 1
            per_service.setdefault(t.service_id, {"issued": 0, **{s.value: 0 for s in S}})[t.status] += 1
            by_priority[t.priority or "regular"] += 1
            if t.called_at:
                waits[t.service_id].append((t.called_at - t.queued_at).total_seconds() / 60)
            if t.started_at and t.finished_at and t.status == S.DONE.value:
                serves[t.service_id].append((t.finished_at - t.started_at).total_seconds() / 60)
                if t.counter_id is not None:
                    by_counter[t.counter_id] += 1
        services = []
        for sid, entry in sorted(per_service.items()):
            svc = cat.services.get(sid)
            w, s = waits.get(sid, []), serves.get(sid, [])
            services.append({"service_id": sid, "service_name": svc.name if svc else sid, **entry,
                             "mean_wait_minutes": round(sum(w) / len(w), 1) if w else None,
                             "mean_service_minutes": round(sum(s) / len(s), 1) if s else None})
        return {"date": day.isoformat(), "site": cat.site.name, "total_issued": len(rows),
                "services": services, "served_by_counter": dict(by_counter),
                "by_priority": dict(by_priority)}


# The statements every ticket runs go straight to SQLite's driver (server/driver_sql.py says why).
_INSERT_TICKET = DriverStatement(tickets.insert().values(
    {c.name: bindparam(c.name) for c in tickets.c if c.name != "id"}).returning(tickets.c.id))
_BY_IDEMPOTENCY_KEY = select(tickets).where(tickets.c.issuer == bindparam("issuer"),
                                            tickets.c.idempotency_key == bindparam("key"))
_WAITING_HERE = and_(tickets.c.service_date == bindparam("day"), tickets.c.service_id == bindparam("service"),
                     tickets.c.status == S.WAITING.value)
_QUEUED_EARLIER = or_(tickets.c.queued_at < bindparam("queued"),
                      and_(tickets.c.queued_at == bindparam("queued"), tickets.c.id < bindparam("id")))
_COUNT = select(func.count()).select_from(tickets)
# Under "first", every priority ticket waits ahead of a regular one; "interleave" is estimated
# in arrival order.
_AHEAD_OF_PRIORITY = _COUNT.where(_WAITING_HERE, tickets.c.priority.is_not(None), _QUEUED_EARLIER)
_AHEAD_OF_REGULAR = _COUNT.where(_WAITING_HERE, or_(tickets.c.priority.is_not(None), _QUEUED_EARLIER))
_AHEAD_IN_ORDER = _COUNT.where(_WAITING_HERE, _QUEUED_EARLIER)
_WAITING = DriverStatement(_COUNT.where(_WAITING_HERE))
_WAITING_PRIORITY = DriverStatement(_COUNT.where(_WAITING_HERE, tickets.c.priority.is_not(None)))
_OPEN_COUNTER_SERVICES = select(counters.c.active_service_ids).where(
    counters.c.state == "open", counters.c.retired.is_(False))


class _HolderMoved(Exception):
    """The loket holding a ticket changed between looking it up and locking it: start again."""


def _closed_message(av: Availability) -> str:
    p = av.params
    return {
        "service_inactive": "This service is not available at the moment.",
        "holiday": f"Closed for a holiday ({p.get('holiday', '')}).",
        "closed_day": "This service is closed today.",
        "not_open_yet": f"This service opens at {av.opens_at}.",
        "closed_for_today": f"Tickets for today ended at {av.closes_at}.",
        "on_break": f"Break time; service resumes at {p.get('resumes_at', '')}.",
        "quota_exhausted": "Today's quota for this service is full.",
    }.get(av.reason or "", "This service is closed.")


def valid_priority(value: str | None) -> str | None:
    if value in (None, "", "none", "regular"):
        return None
    try:
        return Priority(value).value
    except ValueError:
        raise ApiError(422, "invalid_priority", "Unknown priority group.",
                       allowed=[p.value for p in Priority]) from None

