"""What the office's switches say for one service day: services closed, quotas in place of the
catalog's, agencies stopped, the boards' running text (server/engine/today.py sets them).

Every ticket asks, so the day's switches are kept in this process: forgotten the moment this
process changes them (after the commit), and read again every couple of seconds for a change
another server process made, as the catalog is (catalog_cache.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from core.schedule import Closed, ClosedToday, ServiceSchedule
from server.catalog import ServiceInfo
from server.db import Database, day_switches

RECHECK_S = 2.0
SERVICE_CLOSED = "service_closed"
QUOTA = "quota"
AGENCY_STOPPED = "agency_stopped"
RUNNING_TEXT = "running_text"
SWITCHES = (SERVICE_CLOSED, QUOTA, AGENCY_STOPPED, RUNNING_TEXT)


@dataclass(frozen=True)
class Switch:
    value: Mapping[str, Any]
    by: str
    at: datetime


@dataclass(frozen=True)
class DaySwitchSet:
    """One day's switches, each kind by its subject (a service or agency id; "" for the running text)."""

    day: date
    by_kind: Mapping[str, Mapping[str, Switch]] = field(default_factory=dict)

    def of(self, kind: str) -> Mapping[str, Switch]:
        return self.by_kind.get(kind, {})

    def closure(self, service: ServiceInfo) -> ClosedToday | None:
        """Why the office closed this service today, if it did: its agency stopped, or itself closed."""
        stopped = self.of(AGENCY_STOPPED).get(service.agency_id)
        if stopped is not None:
            return ClosedToday(Closed.AGENCY_STOPPED_TODAY, str(stopped.value.get("note", "")))
        closed = self.of(SERVICE_CLOSED).get(service.id)
        if closed is not None:
            return ClosedToday(Closed.SERVICE_CLOSED_TODAY, str(closed.value.get("note", "")))
        return None

    def quota(self, service: ServiceInfo) -> int | None:
        """Today's quota: the office's, else the catalog's (None: no quota)."""
        override = self.of(QUOTA).get(service.id)
        return int(override.value["quota"]) if override is not None else service.quota

    def schedule(self, service: ServiceInfo) -> ServiceSchedule:
        override = self.of(QUOTA).get(service.id)
        if override is None:
            return service.schedule
        return replace(service.schedule, quota=int(override.value["quota"]))

    @property
    def running_text(self) -> str:
        switch = self.of(RUNNING_TEXT).get("")
        return str(switch.value.get("text", "")) if switch is not None else ""


class DaySwitchCache:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._kept: DaySwitchSet | None = None
        self._checked = 0.0
        # Bumped by ``forget``: a read that began before it must not keep what it read.
        self._generation = 0
        self._lock = threading.Lock()

    def of(self, day: date) -> DaySwitchSet:
        kept = self._kept
        if kept is not None and kept.day == day and time.monotonic() - self._checked < RECHECK_S:
            return kept
        with self._lock:
            generation = self._generation
            switches = self.read(day)
            if generation == self._generation:
                self._kept, self._checked = switches, time.monotonic()
            return switches

    def read(self, day: date) -> DaySwitchSet:
        """The day's switches as stored now, without the cache."""
        by_kind: dict[str, dict[str, Switch]] = {}
        with self.db.read() as conn:
            rows = conn.execute(select(day_switches).where(day_switches.c.service_date == day.isoformat()))
            for row in rows:
                by_kind.setdefault(row.kind, {})[row.subject] = Switch(dict(row.value), row.set_by, row.set_at)
        return DaySwitchSet(day, by_kind)

    def forget(self) -> None:
        """This process changed the switches: the next ticket reads them again."""
        self._generation += 1
        self._kept = None
