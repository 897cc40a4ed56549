"""The hall at one moment, as a supervisor watches it, and an officer's own day: each from one read,
so the console's pages and the API routes that serve the same models never differ."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from core.wire import (
    CounterState,
    Hall,
    HallAlert,
    HallAlertKind,
    HallLoket,
    HallService,
    OfficerDay,
    OfficerServiceDay,
    TicketStatus,
)
from server.accounts import SILENT_AFTER
from server.catalog import SiteCatalog
from server.clock import Clock
from server.db import Database, counters, devices, tickets, users
from server.engine.catalog_cache import CatalogCache
from server.engine.live import LiveStats
from server.engine.site_time import SiteTime

S = TicketStatus


def _minutes(span: timedelta) -> int:
    return max(0, int(span.total_seconds() // 60))


class HallView:
    def __init__(self, db: Database, clock: Clock, catalogs: CatalogCache, site_time: SiteTime,
                 live: LiveStats) -> None:
        self.db = db
        self.clock = clock
        self.catalogs = catalogs
        self.site_time = site_time
        self.live = live

    def snapshot(self) -> Hall:
        cat = self.catalogs.current()
        today = self.site_time.today(cat)
        day = today.isoformat()
        now = self.clock.now()
        with self.db.read() as conn:
            lokets = self._lokets(conn, day)
            services = self._services(conn, cat, today, now)
            device_rows = conn.execute(select(devices).where(devices.c.enrolled_at.is_not(None),
                                                             devices.c.revoked.is_(False))
                                       .order_by(devices.c.name)).all()
        alerts = _device_alerts(device_rows, now) + [
            HallAlert(kind=HallAlertKind.WAIT_OVER_TARGET, subject=s.id,
                      minutes=_minutes(now - s.oldest_waiting_since) if s.oldest_waiting_since else None)
            for s in services if s.over_target]
        return Hall(at=now, local_date=today, site=cat.site.short_name, lokets=tuple(lokets),
                    services=tuple(services), alerts=tuple(alerts))

    @staticmethod
    def _lokets(conn: Connection, day: str) -> list[HallLoket]:
        rows = conn.execute(select(counters).where(counters.c.retired.is_(False)).order_by(counters.c.id)).all()
        held = [r.current_ticket_id for r in rows if r.current_ticket_id is not None]
        at_loket = {t.id: t for t in conn.execute(
            select(tickets.c.id, tickets.c.code, tickets.c.status, tickets.c.called_at, tickets.c.started_at)
            .where(tickets.c.id.in_(held)))} if held else {}
        done: dict[int, int] = {cid: int(n) for cid, n in conn.execute(select(tickets.c.counter_id, func.count()).where(
            tickets.c.service_date == day, tickets.c.status == S.DONE.value).group_by(tickets.c.counter_id))}
        staff = {r.staff for r in rows if r.staff}
        names: dict[str, str] = {str(u): str(n) for u, n in conn.execute(
            select(users.c.username, users.c.display_name).where(users.c.username.in_(staff)))} if staff else {}
        out = []
        for r in rows:
            t = at_loket.get(r.current_ticket_id)
            if t is None or t.status not in (S.CALLED.value, S.SERVING.value):
                t = None
            out.append(HallLoket(
                id=r.id, name=r.name, state=CounterState(r.state), staff=r.staff, staff_name=names.get(r.staff),
                pause_reason=r.pause_reason, service_ids=tuple(r.active_service_ids or r.service_ids),
                current_code=t.code if t else None, current_status=S(t.status) if t else None,
                since=(t.started_at if t.status == S.SERVING.value else t.called_at) if t else None,
                served_today=done.get(r.id, 0)))
        return out

    def _services(self, conn: Connection, cat: SiteCatalog, today: Any, now: datetime) -> list[HallService]:
        day = today.isoformat()
        waiting = self.live.waiting_counts(conn, today)
        issued = self.live.issued_counts(conn, today)
        oldest: dict[str, datetime] = {str(sid): at for sid, at in conn.execute(
            select(tickets.c.service_id, func.min(tickets.c.queued_at)).where(
                tickets.c.service_date == day, tickets.c.status == S.WAITING.value).group_by(tickets.c.service_id))}
        done: dict[str, int] = {sid: int(n) for sid, n in conn.execute(
            select(tickets.c.service_id, func.count()).where(
                tickets.c.service_date == day, tickets.c.status == S.DONE.value).group_by(tickets.c.service_id))}
        longest_called: dict[str, timedelta] = defaultdict(timedelta)
        for sid, queued, called in conn.execute(select(tickets.c.service_id, tickets.c.queued_at, tickets.c.called_at)
                                                .where(tickets.c.service_date == day,
                                                       tickets.c.called_at.is_not(None))):
            longest_called[sid] = max(longest_called[sid], called - queued)
        switches = self.site_time.switches.of(today)
        out = []
        for agency in cat.agencies:
            for sid in agency.service_ids:
                svc, queue = cat.services[sid], waiting.get(sid, 0)
                av = self.site_time.availability(cat, sid, issued.get(sid, 0))
                since = oldest.get(sid)
                waited_now = now - since if since is not None else timedelta()
                target = svc.target_wait_minutes
                out.append(HallService(
                    id=sid, prefix=svc.prefix, name=svc.name, name_en=svc.name_en, agency=agency.short_name,
                    open=av.open, closed_reason=av.reason, waiting=queue, oldest_waiting_since=since,
                    longest_wait_minutes=_minutes(max(waited_now, longest_called.get(sid, timedelta()))),
                    eta_minutes=self.live.wait_minutes(conn, cat, sid, day, queue),
                    wait_unknown=self.live.wait_unknown(conn, sid) if queue else None,
                    quota=switches.quota(svc), quota_left=av.quota_left, served_today=done.get(sid, 0),
                    target_wait_minutes=target,
                    over_target=target is not None and since is not None and waited_now > timedelta(minutes=target)))
        return out

    def officer_day(self, username: str) -> OfficerDay:
        cat = self.catalogs.current()
        today = self.site_time.today(cat)
        with self.db.read() as conn:
            rows = conn.execute(select(tickets.c.service_id, tickets.c.status, tickets.c.started_at,
                                       tickets.c.finished_at).where(
                tickets.c.service_date == today.isoformat(), tickets.c.served_by == username,
                tickets.c.status.in_((S.DONE.value, S.NO_SHOW.value)))).all()
        spans: dict[str, list[float]] = defaultdict(list)
        done: dict[str, int] = defaultdict(int)
        no_show = 0
        for sid, status, started, finished in rows:
            if status == S.NO_SHOW.value:
                no_show += 1
                continue
            done[sid] += 1
            if started is not None and finished is not None:
                spans[sid].append((finished - started).total_seconds() / 60)
        every = [m for minutes in spans.values() for m in minutes]
        services = tuple(
            OfficerServiceDay(service_id=sid, name=cat.services[sid].name if sid in cat.services else sid,
                              name_en=cat.services[sid].name_en if sid in cat.services else sid, done=n,
                              mean_service_minutes=_mean(spans[sid]))
            for sid, n in sorted(done.items()))
        return OfficerDay(username=username, local_date=today, done=sum(done.values()), no_show=no_show,
                          mean_service_minutes=_mean(every), services=services)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _device_alerts(rows: Sequence[Any], now: datetime) -> list[HallAlert]:
    alerts = []
    for d in rows:
        if d.locked:
            alerts.append(HallAlert(kind=HallAlertKind.DEVICE_LOCKED, subject=d.name))
        if d.last_seen_at is None or now - d.last_seen_at > SILENT_AFTER:
            alerts.append(HallAlert(kind=HallAlertKind.DEVICE_SILENT, subject=d.name,
                                    minutes=_minutes(now - d.last_seen_at) if d.last_seen_at else None))
        if (d.last_state or {}).get("paper") == "out":
            alerts.append(HallAlert(kind=HallAlertKind.PAPER_OUT, subject=d.name))
    return alerts
