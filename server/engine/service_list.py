"""The catalog as kiosks show it: every service's tile with its availability and live queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.engine import Connection

from core.schedule import WEEKDAYS, ServiceSchedule
from core.wire import Agency, BreakTime, Catalog, Service, Site
from server.catalog import ServiceInfo, SiteCatalog
from server.db import Database
from server.engine.live import LiveStats
from server.engine.site_time import SiteTime


class ServiceList:
    def __init__(self, db: Database, site_time: SiteTime, live: LiveStats,
                 kept: Callable[[Connection, ServiceInfo, date], int] | None = None) -> None:
        self.db = db
        self.site_time = site_time
        self.live = live
        # Today's booked places still kept for their holders count against the walk-ins' quota.
        self.kept = kept

    def view(self, cat: SiteCatalog) -> Catalog:
        today = self.site_time.today(cat)
        day = today.isoformat()
        switches = self.site_time.switches.of(today)
        agencies = []
        with self.db.read() as conn:
            waiting = self.live.waiting_counts(conn, today)
            issued = self.live.issued_counts(conn, today)
            for agency in cat.agencies:
                services = []
                for sid in agency.service_ids:
                    svc, queue = cat.services[sid], waiting.get(sid, 0)
                    kept = self.kept(conn, svc, today) if self.kept else 0
                    av = self.site_time.availability(cat, sid, issued.get(sid, 0) + kept)
                    services.append(Service(
                        id=sid, prefix=svc.prefix, name=svc.name, name_en=svc.name_en,
                        open=av.open, closed_reason=av.reason, closed_params=dict(av.params),
                        opens_at=av.opens_at, closes_at=av.closes_at,
                        waiting=queue,
                        eta_minutes=self.live.wait_minutes(conn, cat, sid, day, queue),
                        quota=switches.quota(svc), quota_left=av.quota_left,
                        counters_open=self.live.counters_open(conn, sid),
                        requirements=svc.requirements, requirements_en=svc.requirements_en,
                        lokets=tuple(loket.name for loket in cat.lokets_for(sid)),
                        wait_unknown=self.live.wait_unknown(conn, sid),
                        breaks_today=_breaks_on(svc.schedule, today),
                        bookable=svc.booking is not None and svc.schedule.active,
                    ))
                agencies.append(Agency(id=agency.id, name=agency.name, short_name=agency.short_name,
                                       name_en=agency.name_en, services=tuple(services)))
        site = cat.site
        return Catalog(
            site=Site(name=site.name, short_name=site.short_name, address=site.address,
                      timezone=site.timezone, tz_label=site.tz_label,
                      allow_priority=site.allow_priority, priority_policy=site.policy.mode,
                      running_text=site.running_text, running_text_today=switches.running_text,
                      footer=site.footer,
                      local_date=today, local_time=self.site_time.local_now(cat),
                      open_all_hours=self.site_time.open_all_hours,
                      no_show_after_seconds=site.no_show_after_minutes * 60, footer_en=site.footer_en),
            agencies=tuple(agencies),
        )


def _breaks_on(schedule: ServiceSchedule, day: date) -> tuple[BreakTime, ...]:
    """The service's breaks on ``day``, for a loket pausing for one to offer its end."""
    weekday = WEEKDAYS[day.weekday()]
    return tuple(BreakTime(start=f"{b.span.start:%H:%M}", end=f"{b.span.end:%H:%M}", reason=b.reason)
                 for b in sorted(schedule.breaks, key=lambda b: b.span.start) if weekday in b.days)
