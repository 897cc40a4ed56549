"""The queue engine: issues tickets, moves them through their states, runs the counters.

``QueueEngine`` is the one face the routes, the CLI and the tests use; each job is a module of
this package. Every change is one unit of work (unit_of_work.py) that also writes its events;
every rule comes from ``core.rules`` and ``core.schedule`` so clients and server agree. The batch
writer's thread runs from ``start`` to ``close`` (the app's lifespan)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, Self

from core.schedule import Availability
from core.wire import (
    AuditKind,
    AuditPage,
    Catalog,
    Counter,
    CounterQueue,
    DailyReport,
    Hall,
    OfficerDay,
    RecentCalls,
    TicketStatus,
    TodaySwitches,
)
from server import audit
from server.auth import Principal
from server.batch_writer import BatchWriter
from server.catalog import CatalogInvalid, SiteCatalog, parse_catalog
from server.clock import Clock
from server.db import Database
from server.engine.answers import Answers
from server.engine.bookings import Bookings
from server.engine.catalog_cache import CatalogCache
from server.engine.catalog_import import import_catalog
from server.engine.catalog_versions import CatalogVersions, catalog_refusal
from server.engine.counters import Counters
from server.engine.expiry import Expiry
from server.engine.hall import HallView
from server.engine.issuing import Issuing, valid_priority
from server.engine.live import LiveStats
from server.engine.lookup import TicketLookup
from server.engine.reports import daily_report
from server.engine.service_list import ServiceList
from server.engine.site_time import SiteTime
from server.engine.survey import SurveyIntake
from server.engine.ticket_actions import TicketActions
from server.engine.today import Today
from server.engine.unit_of_work import UnitOfWork
from server.errors import ApiError
from server.events import EventHub, recent_calls
from server.service_day import DayReading
from server.views import TicketJson

__all__ = ["QueueEngine", "valid_priority"]


class QueueEngine:
    def __init__(self, db: Database, clock: Clock, hub: EventHub, *, public_url: str,
                 nik_key: bytes, open_all_hours: bool = False) -> None:
        self.db = db
        self.clock = clock
        self.hub = hub
        self.public_url = public_url
        self.nik_key = nik_key
        self.open_all_hours = open_all_hours
        self.unit_of_work = UnitOfWork(db, clock, hub)
        self.writer = BatchWriter(self.unit_of_work)
        self.catalogs = CatalogCache(db)
        self.catalog_versions = CatalogVersions(db)
        self.site_time = SiteTime(db, clock, open_all_hours=open_all_hours)
        self.live = LiveStats()
        self.answers = Answers(self.live, public_url)
        self.expiry = Expiry(self.site_time, self.writer)
        self.bookings = Bookings(db, clock, self.catalogs, self.site_time, self.answers, self.unit_of_work,
                                 nik_key=nik_key, public_url=public_url)
        self.expiry.day_end.append(self.bookings.close_days_before)
        self.service_list = ServiceList(db, self.site_time, self.live, kept=self.bookings.kept)
        self.issuing = Issuing(db, self.catalogs, self.site_time, self.expiry, self.answers, self.writer,
                               self.unit_of_work, nik_key=nik_key, kept=self.bookings.kept)
        self.lookups = TicketLookup(db, self.catalogs, self.site_time, self.answers)
        self.counters = Counters(db, clock, self.catalogs, self.site_time, self.expiry, self.live,
                                 self.answers, self.unit_of_work)
        self.ticket_actions = TicketActions(clock, self.catalogs, self.expiry, self.live, self.answers,
                                            self.unit_of_work, self.site_time)
        self.today_switches = Today(db, clock, self.catalogs, self.site_time, self.unit_of_work)
        self.hall_view = HallView(db, clock, self.catalogs, self.site_time, self.live)
        self.survey = SurveyIntake(db, self.catalogs, self.site_time, self.unit_of_work, nik_key)

    # ----------------------------------------------------------------- life

    def start(self) -> None:
        """Start the batch writer: tickets can be issued and days expired from now on."""
        self.writer.start()

    def close(self) -> None:
        """Write what was handed in and stop the batch writer's thread."""
        self.writer.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ----------------------------------------------------------------- catalog and time

    def catalog(self) -> SiteCatalog:
        return self.catalogs.current()

    def import_catalog(self, cat: SiteCatalog, source: str, *, by: Principal | None = None,
                       audit_kind: AuditKind | None = None, based_on: int | None = None) -> int:
        """Store a new catalog version and bring the lokets in line with it; refused (nothing stored) if
        a service with tickets today would lose its prefix or leave the catalog."""
        try:
            today: date | None = self.site_time.today(self.catalog())
        except ApiError:  # no catalog yet (or none this build can read): no tickets to keep
            today = None
        return import_catalog(self.unit_of_work, self.clock, cat, source, today=today, by=by, audit_kind=audit_kind,
                              based_on=based_on, made_stale=(self.catalogs.recheck, self.live.forget_open_lokets))

    def restore_catalog(self, who: Principal, version: int, based_on: int | None = None) -> int:
        """Store an earlier version again as the newest, checked as any import is."""
        return self._store(self.catalog_versions.document(version), f"restored from version {version}", who,
                           AuditKind.CATALOG_RESTORED, based_on)

    def save_catalog(self, who: Principal, document: Mapping[str, Any], source: str,
                     based_on: int | None = None) -> int:
        """An admin's edited document (a console form, PUT /api/v1/catalog) as the next version: validated as
        ``import-catalog`` validates a file, a fault refused as catalog_invalid with its field's path."""
        return self._store(document, source, who, AuditKind.CATALOG_SAVED, based_on)

    def _store(self, document: Mapping[str, Any], source: str, who: Principal, kind: AuditKind,
               based_on: int | None) -> int:
        try:
            cat = parse_catalog(document)
        except CatalogInvalid as exc:
            raise catalog_refusal(exc) from None
        return self.import_catalog(cat, source, by=who, audit_kind=kind, based_on=based_on)

    def catalog_view(self) -> Catalog:
        return self.service_list.view(self.catalog())

    def local_now(self, cat: SiteCatalog) -> datetime:
        return self.site_time.local_now(cat)

    def today(self, cat: SiteCatalog) -> date:
        return self.site_time.today(cat)

    def day_reading(self, cat: SiteCatalog) -> DayReading:
        return self.site_time.reading(cat)

    def availability(self, cat: SiteCatalog, service_id: str, issued_today: int) -> Availability:
        return self.site_time.availability(cat, service_id, issued_today)

    def keep_day(self) -> None:
        """The day-end job: reads the clock and expires earlier days' tickets once the new day
        has held, with no request needed (the server runs it every few seconds)."""
        try:
            cat = self.catalog()
        except ApiError:  # no catalog yet: no queue either
            return
        self.expiry.run(cat)

    # ----------------------------------------------------------------- tickets

    async def issue_ticket(self, principal: Principal, *, service_id: str, priority: str | None,
                           nik: str | None, idempotency_key: str) -> tuple[TicketJson, bool]:
        return await self.issuing.issue(principal, service_id=service_id, priority=priority, nik=nik,
                                        idempotency_key=idempotency_key)

    def record_print(self, principal: Principal, ticket_id: int, status: str, reason: str) -> TicketJson:
        return self.issuing.record_print(principal, ticket_id, status, reason)

    def ticket_by_id(self, ticket_id: int, staff: bool = False) -> TicketJson:
        return self.lookups.by_id(ticket_id, staff)

    def lookup(self, code: str, day: date | None, staff: bool = False) -> TicketJson:
        return self.lookups.by_code(code, day, staff)

    def by_token(self, token: str) -> TicketJson:
        return self.lookups.by_token(token)

    def ticket_action(self, principal: Principal, ticket_id: int, target: TicketStatus,
                      transfer_to: str | None = None, to_loket: int | None = None,
                      note: str | None = None) -> TicketJson:
        return self.ticket_actions.act(principal, ticket_id, target, transfer_to, to_loket, note)

    def recent_calls(self, limit: int, lokets: frozenset[int] = frozenset()) -> RecentCalls:
        """Today's latest calls, one per ticket (at ``lokets``; empty: any), for a board that starts
        with nothing in memory."""
        cat = self.catalog()
        with self.db.read() as conn:
            return recent_calls(conn, self.today(cat).isoformat(), limit, lokets)

    # ----------------------------------------------------------------- counters

    def list_counters(self, staff: bool = False) -> list[Counter]:
        return self.counters.listing(staff)

    def open_counter(self, principal: Principal, counter_id: int, service_ids: list[str] | None,
                     reason: str = "") -> Counter:
        return self.counters.open(principal, counter_id, service_ids, reason)

    def close_counter(self, principal: Principal, counter_id: int, reason: str = "") -> Counter:
        return self.counters.close(principal, counter_id, reason)

    def pause_counter(self, principal: Principal, counter_id: int, reason: str,
                      until: time | None = None) -> Counter:
        return self.counters.pause(principal, counter_id, reason, until)

    def resume_counter(self, principal: Principal, counter_id: int) -> Counter:
        return self.counters.resume(principal, counter_id)

    def call_next(self, principal: Principal, counter_id: int) -> Counter:
        return self.counters.call_next(principal, counter_id)

    def recall(self, principal: Principal, counter_id: int) -> Counter:
        return self.counters.recall(principal, counter_id)

    def counter_queue(self, principal: Principal, counter_id: int, limit: int = 50) -> CounterQueue:
        return self.counters.queue(principal, counter_id, limit)

    # ----------------------------------------------------------------- today's switches (server/engine/today.py)

    def switches_today(self) -> TodaySwitches:
        return self.today_switches.view()

    def close_service_today(self, principal: Principal, service_id: str, note: str = "") -> TodaySwitches:
        return self.today_switches.close_service(principal, service_id, note)

    def reopen_service_today(self, principal: Principal, service_id: str) -> TodaySwitches:
        return self.today_switches.reopen_service(principal, service_id)

    def set_quota_today(self, principal: Principal, service_id: str, quota: int) -> TodaySwitches:
        return self.today_switches.set_quota(principal, service_id, quota)

    def reset_quota_today(self, principal: Principal, service_id: str) -> TodaySwitches:
        return self.today_switches.reset_quota(principal, service_id)

    def stop_agency_today(self, principal: Principal, agency_id: str, note: str = "") -> TodaySwitches:
        return self.today_switches.stop_agency(principal, agency_id, note)

    def resume_agency_today(self, principal: Principal, agency_id: str) -> TodaySwitches:
        return self.today_switches.resume_agency(principal, agency_id)

    def set_running_text_today(self, principal: Principal, text: str) -> TodaySwitches:
        return self.today_switches.set_running_text(principal, text)

    def clear_running_text_today(self, principal: Principal) -> TodaySwitches:
        return self.today_switches.clear_running_text(principal)

    # ----------------------------------------------------------------- the audit log

    def audit_page(self, *, actor: str | None = None, kind: AuditKind | None = None, day: date | None = None,
                   before: int | None = None, limit: int = 50) -> AuditPage:
        """The audit log newest first; ``day`` is a site-local date."""
        since = until = None
        if day is not None:
            zone = self.catalog().site.zone
            since = datetime.combine(day, time.min, zone)
            until = datetime.combine(day + timedelta(days=1), time.min, zone)
        with self.db.read() as conn:
            return audit.page(conn, actor=actor, kind=kind, since=since, until=until, before=before, limit=limit)

    def audit_actors(self) -> list[str]:
        with self.db.read() as conn:
            return audit.actors(conn)

    def daily_report(self, day: date | None) -> DailyReport:
        cat = self.catalog()
        return daily_report(self.db, cat, day or self.today(cat))

    # ----------------------------------------------------------------- the console's views

    def hall(self) -> Hall:
        """Every loket, every service's queue and the alerts, from one read."""
        return self.hall_view.snapshot()

    def officer_day(self, username: str) -> OfficerDay:
        return self.hall_view.officer_day(username)
