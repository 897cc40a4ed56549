"""Today's switches, set by a supervisor or admin: a service closed for the rest of the day, today's
quota of a service, an agency's tickets stopped, the boards' running text. Each change is one
locked write with its audit entry and a ``today.changed`` event in the same transaction; once it
has committed, this process reads the day's switches again (day_switches.py). Clearing a switch
that is not set changes nothing and records nothing."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.wire import (
    AgencyStoppedToday,
    AuditKind,
    ErrorCode,
    EventType,
    QuotaToday,
    RunningTextToday,
    ServiceClosedToday,
    TodayChanged,
    TodaySwitches,
)
from server.audit import mask_niks, record
from server.auth import Principal
from server.catalog import AgencyInfo, ServiceInfo, SiteCatalog
from server.clock import Clock
from server.db import Database, day_switches
from server.engine.catalog_cache import CatalogCache
from server.engine.day_switches import AGENCY_STOPPED, QUOTA, RUNNING_TEXT, SERVICE_CLOSED
from server.engine.site_time import SiteTime
from server.engine.unit_of_work import Unit, UnitOfWork
from server.errors import ApiError
from server.sequences import current_value, locked_value


def _tickets_of(service: ServiceInfo, day: date) -> str:
    """The name of the sequence that numbers the service's tickets that day: its value is how many it issued."""
    return f"ticket:{service.prefix}:{day.isoformat()}"


class Today:
    def __init__(self, db: Database, clock: Clock, catalogs: CatalogCache, site_time: SiteTime,
                 unit_of_work: UnitOfWork) -> None:
        self.db = db
        self.clock = clock
        self.catalogs = catalogs
        self.site_time = site_time
        self.unit_of_work = unit_of_work

    # ----------------------------------------------------------------- reading

    def view(self) -> TodaySwitches:
        """Every switch of the service day as stored now (not from the cache)."""
        cat = self.catalogs.current()
        day = self.site_time.today(cat)
        switches = self.site_time.switches.read(day)
        with self.db.read() as conn:
            quotas = []
            for sid, s in sorted(switches.of(QUOTA).items()):
                service = cat.services.get(sid)
                issued = current_value(conn, _tickets_of(service, day)) if service is not None else 0
                quotas.append(QuotaToday(service_id=sid, quota=int(s.value["quota"]),
                                         catalog_quota=service.quota if service is not None else None,
                                         issued=issued, by=s.by, at=s.at))
        closed, stopped = switches.of(SERVICE_CLOSED), switches.of(AGENCY_STOPPED)
        text = switches.of(RUNNING_TEXT).get("")
        return TodaySwitches(
            service_date=day,
            closed_services=tuple(ServiceClosedToday(service_id=sid, note=str(s.value.get("note", "")), by=s.by,
                                                     at=s.at) for sid, s in sorted(closed.items())),
            quotas=tuple(quotas),
            stopped_agencies=tuple(AgencyStoppedToday(agency_id=aid, note=str(s.value.get("note", "")), by=s.by,
                                                      at=s.at) for aid, s in sorted(stopped.items())),
            running_text=RunningTextToday(text=str(text.value.get("text", "")), by=text.by, at=text.at)
            if text is not None else None,
        )

    # ----------------------------------------------------------------- services

    def close_service(self, who: Principal, service_id: str, note: str) -> TodaySwitches:
        """No more tickets for the service today; those already waiting stay and are served."""
        cat = self.catalogs.current()
        service = _service(cat, service_id)
        note = mask_niks(note)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            self._put(unit, who, day, SERVICE_CLOSED, service.id, {"note": note})
            self._audit(unit, who, AuditKind.SERVICE_CLOSED_TODAY, f"service:{service.id}", day, note=note)
        return self.view()

    def reopen_service(self, who: Principal, service_id: str) -> TodaySwitches:
        cat = self.catalogs.current()
        service = _service(cat, service_id)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            if self._remove(unit, day, SERVICE_CLOSED, service.id):
                self._audit(unit, who, AuditKind.SERVICE_REOPENED_TODAY, f"service:{service.id}", day)
        return self.view()

    def set_quota(self, who: Principal, service_id: str, quota: int) -> TodaySwitches:
        """Today's quota in place of the catalog's; never below the tickets already issued today."""
        cat = self.catalogs.current()
        service = _service(cat, service_id)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            issued = _refuse_below_issued(unit, service, day, quota)
            before = self._quota_now(unit, service, day)
            self._put(unit, who, day, QUOTA, service.id, {"quota": quota})
            self._audit(unit, who, AuditKind.QUOTA_SET_TODAY, f"service:{service.id}", day, quota=quota,
                        previous=before, catalog_quota=service.quota, issued=issued)
        return self.view()

    def reset_quota(self, who: Principal, service_id: str) -> TodaySwitches:
        """Back to the catalog's quota; refused like a lower quota when today has issued more."""
        cat = self.catalogs.current()
        service = _service(cat, service_id)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            issued = (_refuse_below_issued(unit, service, day, service.quota) if service.quota is not None
                      else None)
            before = self._quota_now(unit, service, day)
            if self._remove(unit, day, QUOTA, service.id):
                self._audit(unit, who, AuditKind.QUOTA_RESET_TODAY, f"service:{service.id}", day,
                            quota=service.quota, previous=before, issued=issued)
        return self.view()

    # ----------------------------------------------------------------- agencies

    def stop_agency(self, who: Principal, agency_id: str, note: str) -> TodaySwitches:
        """No tickets today for any service of the agency; those already waiting stay and are served."""
        cat = self.catalogs.current()
        agency = _agency(cat, agency_id)
        note = mask_niks(note)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            self._put(unit, who, day, AGENCY_STOPPED, agency.id, {"note": note})
            self._audit(unit, who, AuditKind.AGENCY_STOPPED_TODAY, f"agency:{agency.id}", day, note=note)
        return self.view()

    def resume_agency(self, who: Principal, agency_id: str) -> TodaySwitches:
        cat = self.catalogs.current()
        agency = _agency(cat, agency_id)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            if self._remove(unit, day, AGENCY_STOPPED, agency.id):
                self._audit(unit, who, AuditKind.AGENCY_RESUMED_TODAY, f"agency:{agency.id}", day)
        return self.view()

    # ----------------------------------------------------------------- the boards' running text

    def set_running_text(self, who: Principal, text: str) -> TodaySwitches:
        cat = self.catalogs.current()
        text = mask_niks(text)
        with self._unit() as unit:
            day = self.site_time.today(cat)
            self._put(unit, who, day, RUNNING_TEXT, "", {"text": text})
            self._audit(unit, who, AuditKind.RUNNING_TEXT_SET, "running_text", day, text=text)
        return self.view()

    def clear_running_text(self, who: Principal) -> TodaySwitches:
        cat = self.catalogs.current()
        with self._unit() as unit:
            day = self.site_time.today(cat)
            if self._remove(unit, day, RUNNING_TEXT, ""):
                self._audit(unit, who, AuditKind.RUNNING_TEXT_CLEARED, "running_text", day)
        return self.view()

    # ----------------------------------------------------------------- writing

    def _unit(self) -> AbstractContextManager[Unit]:
        return self.unit_of_work.locking()

    @staticmethod
    def _quota_now(unit: Unit, service: ServiceInfo, day: date) -> int | None:
        """The quota in force before this change: today's, else the catalog's."""
        value = unit.conn.execute(select(day_switches.c.value).where(
            day_switches.c.service_date == day.isoformat(), day_switches.c.kind == QUOTA,
            day_switches.c.subject == service.id)).scalar()
        return int(value["quota"]) if value is not None else service.quota

    def _put(self, unit: Unit, who: Principal, day: date, kind: str, subject: str, value: dict[str, Any]) -> None:
        """Set the switch (a second supervisor's at the same moment simply wins after it), tell the
        kiosks and boards, and read the switches again once it has committed."""
        insert = sqlite_insert if unit.conn.dialect.name == "sqlite" else postgresql_insert
        row = insert(day_switches).values(service_date=day.isoformat(), kind=kind, subject=subject, value=value,
                                          set_by=who.name, set_at=self.clock.now())
        unit.conn.execute(row.on_conflict_do_update(
            index_elements=[day_switches.c.service_date, day_switches.c.kind, day_switches.c.subject],
            set_={"value": row.excluded.value, "set_by": row.excluded.set_by, "set_at": row.excluded.set_at}))
        self._changed(unit, day, kind, subject)

    def _remove(self, unit: Unit, day: date, kind: str, subject: str) -> bool:
        gone = unit.conn.execute(delete(day_switches).where(
            day_switches.c.service_date == day.isoformat(), day_switches.c.kind == kind,
            day_switches.c.subject == subject)).rowcount
        if gone:
            self._changed(unit, day, kind, subject)
        return bool(gone)

    def _changed(self, unit: Unit, day: date, kind: str, subject: str) -> None:
        unit.events.add(EventType.TODAY_CHANGED, TodayChanged(service_date=day, switch=kind, subject=subject))
        unit.after_commit(self.site_time.switches.forget)

    def _audit(self, unit: Unit, who: Principal, kind: AuditKind, subject: str, day: date, **detail: Any) -> None:
        record(unit.conn, at=self.clock.now(), actor=who, kind=kind, subject=subject,
               detail={"service_date": day.isoformat(), **detail})


def _service(cat: SiteCatalog, service_id: str) -> ServiceInfo:
    service = cat.services.get(service_id)
    if service is None:
        raise ApiError(404, ErrorCode.SERVICE_NOT_FOUND, "No such service.", service_id=service_id)
    return service


def _agency(cat: SiteCatalog, agency_id: str) -> AgencyInfo:
    agency = next((a for a in cat.agencies if a.id == agency_id), None)
    if agency is None:
        raise ApiError(404, ErrorCode.AGENCY_NOT_FOUND, "No such agency.", agency_id=agency_id)
    return agency


def _refuse_below_issued(unit: Unit, service: ServiceInfo, day: date, quota: int) -> int:
    """How many tickets the service issued today, its number locked against issuers until this
    change commits; a quota below that is refused."""
    issued = locked_value(unit.conn, _tickets_of(service, day))
    if quota < issued:
        raise ApiError(409, ErrorCode.QUOTA_BELOW_ISSUED,
                       f"{issued} tickets were already issued today; the quota cannot be below that.",
                       service_id=service.id, issued=issued, quota=quota)
    return issued

