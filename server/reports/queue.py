"""The queue report of any period: one count of the tickets grouped in the database (by where they
were issued, where they ended, their status, loket, officer and hour), and each called ticket's wait
and service time computed there and ranked here into nearest-rank percentiles, the same on SQLite
and PostgreSQL. core/wire/answers.py (QueueFigures) says how the counts add up.

A ticket's row keeps where it was issued and where it is now; a ticket sent on twice counts as
transferred where it was issued and as received where it ended, not in the service it passed through
(the daily report, server/engine/reports.py, reads that from the events for one day)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from sqlalchemy import Connection, and_, case, cast, func, literal, or_, select
from sqlalchemy import String as SqlString
from sqlalchemy.sql.elements import ColumnElement

from core.wire import BookingsReport, ErrorCode, QueueFigures, QueueReport, TicketStatus
from server.catalog import SiteCatalog
from server.db import Database, tickets, users
from server.errors import ApiError
from server.reports.bookings import bookings_report
from server.reports.period import Period
from server.reports.sql import seconds_between

S = TicketStatus
T = tickets.c
ENDS = {S.DONE.value: "served", S.NO_SHOW.value: "no_show", S.CANCELLED.value: "cancelled",
        S.EXPIRED.value: "expired"}  # any other status is still open
PERCENTILES = (50, 90)
BUSIEST = 3


@dataclass
class _Tally:
    """The counts of one row as they are added up."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, n: int) -> None:
        self.counts[name] += n

    def merge(self, other: _Tally) -> None:
        for name, n in other.counts.items():
            self.counts[name] += n


def queue_report(db: Database, cat: SiteCatalog, period: Period, agency_id: str | None = None) -> QueueReport:
    if agency_id is not None and not any(a.id == agency_id for a in cat.agencies):
        raise ApiError(404, ErrorCode.AGENCY_NOT_FOUND, "No such agency.", agency_id=agency_id)
    agency = next((a for a in cat.agencies if a.id == agency_id), None)
    scope = set(agency.service_ids) if agency else None
    sql = _Sql(db, cat, period)
    with db.read() as conn:
        groups = sql.counts(conn, scope)
        times = sql.times(conn, scope)
        names = {u.username: u.display_name for u in conn.execute(select(users.c.username, users.c.display_name))}
        booked = bookings_report(conn, cat, period, scope, agency.name if agency else cat.site.name, db.is_sqlite)
    return _assemble(cat, period, agency, scope, groups, times, names, booked)


class _Sql:
    """The report's two statements, with the expressions each database spells its own way."""

    def __init__(self, db: Database, cat: SiteCatalog, period: Period) -> None:
        self.sqlite = db.is_sqlite
        self.cat = cat
        self.period = period
        zone = cat.site.zone
        # SQLite has no time zones: the site's offset on the period's first day (Indonesia keeps no
        # summer time). PostgreSQL converts each moment with the zone's own rules.
        offset = datetime.combine(period.date_from, time(12), zone).utcoffset()
        self.offset_minutes = int(offset.total_seconds() // 60) if offset else 0

    def hour(self) -> ColumnElement[Any]:
        if self.sqlite:
            return cast(func.strftime("%H", T.issued_at, f"{self.offset_minutes:+d} minutes"), SqlString)
        return func.to_char(func.timezone(self.cat.site.timezone, T.issued_at), "HH24")

    def seconds(self, start: Any, end: Any) -> ColumnElement[Any]:
        return seconds_between(self.sqlite, start, end)

    def target_seconds(self) -> ColumnElement[Any]:
        targets = {sid: s.target_wait_minutes * 60 for sid, s in self.cat.services.items()
                   if s.target_wait_minutes is not None}
        return case(targets, value=T.service_id, else_=None) if targets else literal(None)

    def agency(self) -> ColumnElement[Any]:
        owners = {sid: s.agency_id for sid, s in self.cat.services.items()}
        return case(owners, value=T.service_id, else_=T.service_id) if owners else T.service_id

    def in_period(self, scope: set[str] | None, ended_here_only: bool = False) -> ColumnElement[bool]:
        when = T.service_date.between(self.period.date_from.isoformat(), self.period.date_to.isoformat())
        if scope is None:
            return when
        here = T.service_id.in_(sorted(scope))
        return and_(when, here if ended_here_only else or_(here, T.origin_service_id.in_(sorted(scope))))

    def counts(self, conn: Connection, scope: set[str] | None) -> list[Any]:
        wait = self.seconds(T.queued_at, T.called_at)
        target = self.target_seconds()
        served = T.status == S.DONE.value
        with_target = and_(served, target.is_not(None))
        keys = (T.origin_service_id, T.service_id, (T.transfers > 0).label("moved"), T.status, T.counter_id,
                T.served_by, self.hour().label("hour"))
        return list(conn.execute(
            select(*keys, func.count().label("n"),
                   func.sum(case((and_(with_target, T.called_at.is_not(None), wait <= target), 1), else_=0))
                   .label("within"),
                   func.sum(case((with_target, 1), else_=0)).label("targeted"))
            .where(self.in_period(scope)).group_by(*keys)))

    def times(self, conn: Connection, scope: set[str] | None) -> dict[tuple[str, str, str], tuple[float, ...]]:
        """(measure, breakdown, key) → (p50, p90, max) in seconds, for the waits of the tickets called and
        the service times of those done, in the service where they ended. The database computes each
        ticket's two durations; they are ranked here, once per breakdown, which the window functions
        of both databases did five times slower over the same rows (bench/reports.py)."""
        done = and_(T.status == S.DONE.value, T.started_at.is_not(None), T.finished_at.is_not(None))
        rows = conn.execute(select(T.service_id, T.counter_id, T.served_by, self.hour(),
                                   self.seconds(T.queued_at, T.called_at),
                                   case((done, self.seconds(T.started_at, T.finished_at)), else_=None))
                            .where(self.in_period(scope, ended_here_only=True), T.called_at.is_not(None)))
        owners = {sid: s.agency_id for sid, s in self.cat.services.items()}
        found: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        for service_id, loket, officer, hour, wait, serve in rows:
            keys = [("total", ""), ("agency", owners.get(service_id, service_id)), ("service", service_id),
                    ("hour", str(hour))]
            if loket is not None:
                keys.append(("loket", str(loket)))
            if officer is not None:
                keys.append(("officer", officer))
            # One float object per duration, shared by the six lists it goes in.
            waited, served = float(wait), None if serve is None else float(serve)
            for breakdown, key in keys:
                found[("wait", breakdown, key)].append(waited)
                if served is not None:
                    found[("service", breakdown, key)].append(served)
        return {group: _ranked(values) for group, values in found.items()}


def _ranked(values: list[float]) -> tuple[float, ...]:
    """The nearest-rank percentiles (the smallest value with at least p% of the values at or below
    it: rank ⌈p·n/100⌉) and the largest."""
    values.sort()
    n = len(values)
    return (*(values[(p * n + 99) // 100 - 1] for p in PERCENTILES), values[-1])


def _assemble(cat: SiteCatalog, period: Period, agency: Any, scope: set[str] | None, groups: Iterable[Any],
              times: Mapping[tuple[str, str, str], tuple[float, ...]], names: Mapping[str, str],
              booked: BookingsReport | None) -> QueueReport:
    by: dict[str, dict[str, _Tally]] = {b: defaultdict(_Tally) for b in ("service", "loket", "officer", "hour")}
    for g in groups:
        n, hour = int(g.n), str(g.hour)
        if scope is None or g.origin_service_id in scope:
            _issued(by["service"][g.origin_service_id], n, g.moved)
            _issued(by["hour"][hour], n, g.moved)
        if scope is None or g.service_id in scope:
            ends = [by["service"][g.service_id], by["hour"][hour]]
            if g.counter_id is not None:
                ends.append(by["loket"][str(g.counter_id)])
            if g.served_by is not None:
                ends.append(by["officer"][g.served_by])
            for i, tally in enumerate(ends):
                _ended(tally, n, g.status, int(g.within or 0), int(g.targeted or 0), moved=bool(g.moved) and i < 2)
    agencies: dict[str, _Tally] = defaultdict(_Tally)
    total = _Tally()
    for sid, tally in by["service"].items():
        owner = cat.services[sid].agency_id if sid in cat.services else sid
        agencies[owner].merge(tally)
        total.merge(tally)

    def row(breakdown: str, key: str, name: str, tally: _Tally, target: int | None = None) -> QueueFigures:
        return _figures(key, name, tally, times, breakdown, target)

    agency_names = {a.id: a.name for a in cat.agencies}
    loket_names = {str(lk.id): lk.name for lk in cat.lokets}
    hours = sorted(by["hour"].items())
    busiest = sorted((h for h, t in hours if t.counts["issued"]), key=lambda h: (-by["hour"][h].counts["issued"], h))
    return QueueReport(
        site=cat.site.name, date_from=period.date_from, date_to=period.date_to,
        agency_id=agency.id if agency else None, agency_name=agency.name if agency else None,
        total=row("total", "", agency.name if agency else cat.site.name, total),
        agencies=tuple(row("agency", a, agency_names.get(a, a), t) for a, t in sorted(agencies.items())),
        services=tuple(row("service", sid, cat.services[sid].name if sid in cat.services else sid, t,
                           cat.services[sid].target_wait_minutes if sid in cat.services else None)
                       for sid, t in sorted(by["service"].items())),
        lokets=tuple(row("loket", k, loket_names.get(k, f"Loket {k}"), t)
                     for k, t in sorted(by["loket"].items(), key=lambda kv: int(kv[0]))),
        officers=tuple(row("officer", u, names.get(u, u), t) for u, t in sorted(by["officer"].items())),
        hours=tuple(row("hour", h, f"{h}.00", t) for h, t in hours),
        busiest_hours=tuple(int(h) for h in busiest[:BUSIEST]), bookings=booked)


def _issued(tally: _Tally, n: int, moved: Any) -> None:
    tally.add("issued", n)
    if moved:
        tally.add("transferred", n)


def _ended(tally: _Tally, n: int, status: str, within: int, targeted: int, *, moved: bool) -> None:
    if moved:
        tally.add("transferred_in", n)
    tally.add(ENDS.get(status, "open"), n)
    tally.add("within_target", within)
    tally.add("with_target", targeted)


def _figures(key: str, name: str, tally: _Tally, times: Mapping[tuple[str, str, str], tuple[float, ...]],
             breakdown: str, target: int | None) -> QueueFigures:
    wait = times.get(("wait", breakdown, key))
    serve = times.get(("service", breakdown, key))
    return QueueFigures(key=key, name=name, **tally.counts, target_wait_minutes=target,
                        wait_p50_minutes=_minutes(wait, 0), wait_p90_minutes=_minutes(wait, 1),
                        wait_max_minutes=_minutes(wait, 2), service_p50_minutes=_minutes(serve, 0),
                        service_p90_minutes=_minutes(serve, 1), service_max_minutes=_minutes(serve, 2))


def _minutes(values: tuple[float, ...] | None, index: int) -> float | None:
    return round(values[index] / 60, 2) if values else None
