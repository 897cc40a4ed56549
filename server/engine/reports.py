"""The daily report: per service what was issued and what became of it, what it received by
transfer and what became of that, mean waits and service times, tickets served per loket by name,
and tickets per priority group. core/wire/answers.py (ServiceReport) says how the counts add up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select

from core.wire import DailyReport, EventType, LoketReport, ServiceReport, StatusCounts, TicketStatus
from server.catalog import SiteCatalog
from server.db import Database, events, tickets

S = TicketStatus
# A ticket's transfer events are looked for this far around its day's times: room for a clock
# that was set back while the events were written.
EVENT_SLACK = timedelta(days=1)


def daily_report(db: Database, cat: SiteCatalog, day: date) -> DailyReport:
    with db.read() as conn:
        rows = conn.execute(select(tickets).where(tickets.c.service_date == day.isoformat())).all()
        paths = _transfer_paths(conn, [t for t in rows if t.transfers > 1])
    issued: dict[str, dict[str, int]] = defaultdict(_no_counts)
    received: dict[str, dict[str, int]] = defaultdict(_no_counts)
    waits: dict[str, list[float]] = defaultdict(list)
    serves: dict[str, list[float]] = defaultdict(list)
    by_counter: dict[int, int] = defaultdict(int)
    by_priority: dict[str, int] = defaultdict(int)
    for t in rows:
        path = paths.get(t.id) or _path_from_row(t)
        for leg, sid in enumerate(path):
            counts = issued[sid] if leg == 0 else received[sid]
            counts[t.status if leg == len(path) - 1 else S.TRANSFERRED.value] += 1
        by_priority[t.priority or "regular"] += 1
        # The row keeps only its last queue's times: the service it ended in is timed from the
        # moment it joined that queue, a transfer's re-queue included.
        if t.called_at:
            waits[t.service_id].append((t.called_at - t.queued_at).total_seconds() / 60)
        if t.started_at and t.finished_at and t.status == S.DONE.value:
            serves[t.service_id].append((t.finished_at - t.started_at).total_seconds() / 60)
            if t.counter_id is not None:
                by_counter[t.counter_id] += 1
    services = []
    for sid in sorted(issued.keys() | received.keys()):
        svc = cat.services.get(sid)
        mine, got = issued.get(sid, _no_counts()), received.get(sid, _no_counts())
        services.append(ServiceReport(service_id=sid, service_name=svc.name if svc else sid,
                                      issued=sum(mine.values()), **mine,
                                      transferred_in=sum(got.values()), received=StatusCounts(**got),
                                      mean_wait_minutes=_mean(waits.get(sid)),
                                      mean_service_minutes=_mean(serves.get(sid))))
    return DailyReport(date=day, site=cat.site.name, total_issued=len(rows), services=tuple(services),
                       lokets=_lokets(cat, by_counter), by_priority=dict(by_priority))


def _no_counts() -> dict[str, int]:
    return {s.value: 0 for s in S}


def _mean(minutes: list[float] | None) -> float | None:
    return round(sum(minutes) / len(minutes), 1) if minutes else None


def _path_from_row(t: Any) -> tuple[str, ...]:
    """The services a ticket went through, as far as its row tells: where it was issued and where
    it is now. Right for a ticket transferred once at most."""
    return (t.origin_service_id, t.service_id) if t.transfers else (t.origin_service_id,)


def _transfer_paths(conn: Connection, moved: Sequence[Any]) -> dict[int, tuple[str, ...]]:
    """The services of tickets transferred more than once, in order, from their transfer events:
    the row forgets the services between the first and the last. A ticket whose events do not
    agree with its row is left to ``_path_from_row``."""
    if not moved:
        return {}
    wanted = {t.id: t for t in moved}
    found = conn.execute(
        select(events.c.data)
        .where(events.c.type == EventType.TICKET_STATUS.value,
               events.c.at >= min(t.issued_at for t in moved) - EVENT_SLACK,
               events.c.at <= max(t.queued_at for t in moved) + EVENT_SLACK,
               events.c.data["transferred_from"].as_string().is_not(None))
        .order_by(events.c.seq)).scalars()
    hops: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for data in found:
        if data.get("id") in wanted:
            hops[data["id"]].append((data["transferred_from"], data["service_id"]))
    return {tid: path for tid, legs in hops.items() if (path := _chain(wanted[tid], legs))}


def _chain(t: Any, legs: Iterable[tuple[str, str]]) -> tuple[str, ...] | None:
    path = [t.origin_service_id]
    for source, target in legs:
        if source != path[-1]:
            return None
        path.append(target)
    return tuple(path) if len(path) == t.transfers + 1 and path[-1] == t.service_id else None


def _lokets(cat: SiteCatalog, served: dict[int, int]) -> tuple[LoketReport, ...]:
    """Every loket of the catalog, and any other that served today, by number."""
    names = {loket.id: loket.name for loket in cat.lokets}
    return tuple(LoketReport(id=lid, name=names.get(lid, f"Loket {lid}"), served=served.get(lid, 0))
                 for lid in sorted(names.keys() | served.keys()))
