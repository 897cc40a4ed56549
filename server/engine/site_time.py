"""The site's local time as the queue sees it: the moment, the service day it belongs to
(server/service_day.py), and whether a service takes tickets at this moment."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from core.schedule import Availability, check_availability
from core.wire import ErrorCode
from server.catalog import SiteCatalog
from server.clock import Clock
from server.db import Database, tickets
from server.engine.day_switches import DaySwitchCache
from server.errors import ApiError
from server.service_day import DayReading, ServiceDay


class SiteTime:
    def __init__(self, db: Database, clock: Clock, *, open_all_hours: bool) -> None:
        self.db = db
        self.clock = clock
        self.open_all_hours = open_all_hours
        self._service_day = ServiceDay(self._newest_service_date)
        self.switches = DaySwitchCache(db)

    def local_now(self, cat: SiteCatalog) -> datetime:
        return self.clock.now().astimezone(cat.site.zone)

    def reading(self, cat: SiteCatalog) -> DayReading:
        return self._service_day.observe(self.local_now(cat))

    def today(self, cat: SiteCatalog) -> date:
        """The service day: the site's local date (23.30 UTC is already tomorrow in WIB) once that
        date has held for a few minutes (server/service_day.py)."""
        return self.reading(cat).day

    def refuse_unless_settled(self, cat: SiteCatalog) -> None:
        """A ticket numbered on a day the clock showed for a moment would be lost: refuse until the
        clock agrees with the service day again, or its new date has held."""
        reading = self.reading(cat)
        if not reading.settled:
            raise ApiError(503, ErrorCode.CLOCK_UNSETTLED,
                           "The server's clock has just changed date; tickets resume within a few "
                           "minutes. Please try again.", service_date=reading.day.isoformat())

    def availability(self, cat: SiteCatalog, service_id: str, issued_today: int) -> Availability:
        """The catalog's rules for the moment, with the office's switches for the service day."""
        service = cat.services[service_id]
        switches = self.switches.of(self.today(cat))
        return check_availability(switches.schedule(service), self.local_now(cat), holidays=cat.holidays,
                                  issued_today=issued_today, tz_label=cat.site.tz_label,
                                  open_all_hours=self.open_all_hours, closed_today=switches.closure(service))

    def _newest_service_date(self) -> date | None:
        with self.db.read() as conn:
            newest = conn.execute(select(func.max(tickets.c.service_date))).scalar()
        return date.fromisoformat(newest) if newest else None
