"""Live statistics of the queues: who waits, how many were issued, how many wait ahead of a
ticket, and the estimated wait, the one figure a service tile and its ticket both show.

One cache policy for all of them. Counts of tickets are read fresh every time, so a tile and a
ticket show the queue as it is. The two figures that move slowly are kept in this process, and
forgotten as soon as this process changes them; another server process's change arrives when
they run out:
- a service's recent mean service time (its last tickets done today): 30 s, forgotten when one
  of its tickets is finished here;
- how many open (and paused) lokets serve each service: 5 s, forgotten when a loket or the catalog
  changes here.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from core.models import TicketStatus
from core.rules import estimate_wait_minutes, mean_minutes
from core.wire import CounterState, WaitUnknown
from server.catalog import SiteCatalog
from server.db import tickets
from server.engine import statements as sql

S = TicketStatus
MEAN_KEEP_S = 30.0
OPEN_LOKETS_KEEP_S = 5.0


class LiveStats:
    def __init__(self) -> None:
        self._means: dict[str, tuple[str, float, float]] = {}  # service → (day, kept until, minutes)
        # (kept until, service → open lokets, service → open or paused lokets)
        self._open_lokets: tuple[float, dict[str, int], dict[str, int]] | None = None

    def wait_minutes(self, conn: Connection, cat: SiteCatalog, service_id: str, day: str,
                     people_ahead: int, *, lokets: int | None = None) -> int:
        """The estimated wait of whoever has ``people_ahead`` before them in a service today:
        a tile asks it for everyone waiting, a ticket for those ahead of it, so a tile and the
        ticket taken from it at the same moment say the same. ``lokets``: how many call it, when
        not every open loket of the service does (a ticket sent to one loket)."""
        if people_ahead <= 0 or service_id not in cat.services:
            return 0
        return estimate_wait_minutes(people_ahead, self.mean_minutes(conn, cat, service_id, day),
                                     self.counters_open(conn, service_id) if lokets is None else lokets)

    def mean_minutes(self, conn: Connection, cat: SiteCatalog, service_id: str, day: str) -> float:
        hit = self._means.get(service_id)
        if hit and hit[0] == day and hit[1] > time.monotonic():
            return hit[2]
        rows = conn.execute(sql.RECENT_SERVICE_TIMES, {"day": day, "service": service_id})
        value = mean_minutes(((f - s).total_seconds() for s, f in rows),
                             cat.services[service_id].mean_service_minutes)
        self._means[service_id] = (day, time.monotonic() + MEAN_KEEP_S, value)
        return value

    def counters_open(self, conn: Connection, service_id: str) -> int:
        return self._lokets(conn)[1].get(service_id, 0)

    def wait_unknown(self, conn: Connection, service_id: str) -> WaitUnknown | None:
        """Why a service's estimate is no estimate: no loket serving it is open (nobody will be
        served, however short the queue), or its lokets are all paused; None when it is one."""
        _, open_lokets, staffed = self._lokets(conn)
        if open_lokets.get(service_id, 0) > 0:
            return None
        return WaitUnknown.LOKETS_PAUSED if staffed.get(service_id, 0) > 0 else WaitUnknown.NO_LOKET_OPEN

    def _lokets(self, conn: Connection) -> tuple[float, dict[str, int], dict[str, int]]:
        hit = self._open_lokets
        if hit and hit[0] > time.monotonic():
            return hit
        open_lokets: dict[str, int] = defaultdict(int)
        staffed: dict[str, int] = defaultdict(int)
        for state, ids in conn.execute(sql.STAFFED_COUNTER_SERVICES):
            for sid in ids:
                staffed[sid] += 1
                if state == CounterState.OPEN.value:
                    open_lokets[sid] += 1
        self._open_lokets = (time.monotonic() + OPEN_LOKETS_KEEP_S, dict(open_lokets), dict(staffed))
        return self._open_lokets

    def forget_mean(self, service_id: str) -> None:
        self._means.pop(service_id, None)

    def forget_open_lokets(self) -> None:
        self._open_lokets = None

    @staticmethod
    def waiting_counts(conn: Connection, day: date) -> dict[str, int]:
        rows = conn.execute(select(tickets.c.service_id, func.count()).where(
            tickets.c.service_date == day.isoformat(), tickets.c.status == S.WAITING.value)
            .group_by(tickets.c.service_id))
        return {sid: int(n) for sid, n in rows}

    @staticmethod
    def issued_counts(conn: Connection, day: date) -> dict[str, int]:
        """Tickets issued today per service they were issued for, whatever became of them."""
        rows = conn.execute(select(tickets.c.origin_service_id, func.count()).where(
            tickets.c.service_date == day.isoformat()).group_by(tickets.c.origin_service_id))
        return {sid: int(n) for sid, n in rows}

    @staticmethod
    def people_ahead(conn: Connection, cat: SiteCatalog, row: Any, newest: bool = False) -> int:
        if row.status != S.WAITING.value:
            return 0
        if newest:
            # A ticket just issued is the last in its queue: everyone waiting (or, for priority
            # first, everyone with priority) is ahead. Counting them skips comparing times,
            # the dearest statement of an issue.
            waiting = sql.WAITING_PRIORITY if row.priority and cat.site.policy.mode == "first" else sql.WAITING
            return max(0, int(waiting.scalar(conn, {"day": row.service_date, "service": row.service_id})) - 1)
        if cat.site.policy.mode == "first":
            ahead = sql.AHEAD_OF_PRIORITY if row.priority else sql.AHEAD_OF_REGULAR
        else:
            ahead = sql.AHEAD_IN_ORDER
        return int(conn.execute(ahead, {"day": row.service_date, "service": row.service_id,
                                       "queued": row.queued_at, "id": row.id}).scalar_one())
