"""The daily report: per service what was issued and what became of it, what it received by
transfer and what became of that, mean waits and service times, tickets served per loket by name,
and tickets per priority group. core/wire/answers.py (ServiceReport) says how the counts add up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select

from core.wire import DailyReport, EventType, LoketReport, ServiceReport, StatusCounts, TicketStatus
from server.catalog import SiteCatalog
from server.db import Database, events, tickets

S = TicketStatus
# A ticket's events are looked for this far around its day's times: room for a clock that was set
# back while the events were written.
EVENT_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class Journey:
    """The services a transferred ticket went through, in order, and its wait in each it left: the
    row keeps only where it was issued and its last queue's times."""

    path: tuple[str, ...]
    earlier_waits: tuple[tuple[str, float], ...] = ()


def daily_report(db: Database, cat: SiteCatalog, day: date) -> DailyReport:
    with db.read() as conn:
        rows = conn.execute(select(tickets).where(tickets.c.service_date == day.isoformat())).all()
        journeys = _journeys(conn, [t for t in rows if t.transfers])
    issued: dict[str, dict[str, int]] = defaultdict(_no_counts)
    received: dict[str, dict[str, int]] = defaultdict(_no_counts)
    waits: dict[str, list[float]] = defaultdict(list)
    serves: dict[str, list[float]] = defaultdict(list)
    by_counter: dict[int, int] = defaultdict(int)
    by_priority: dict[str, int] = defaultdict(int)
    for t in rows:
        journey = journeys.get(t.id) or _journey_from_row(t)
        for leg, sid in enumerate(journey.path):
            counts = issued[sid] if leg == 0 else received[sid]
            counts[t.status if leg == len(journey.path) - 1 else S.TRANSFERRED.value] += 1
        for sid, minutes in journey.earlier_waits:
            waits[sid].append(minutes)
        by_priority[t.priority or "regular"] += 1
        # The last queue is timed from the moment the ticket joined it, a transfer's re-queue included.
        if t.called_at:
            waits[t.service_id].append(_minutes(t.called_at - t.queued_at))
        if t.started_at and t.finished_at and t.status == S.DONE.value:
            serves[t.service_id].append(_minutes(t.finished_at - t.started_at))
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


def _minutes(span: timedelta) -> float:
    return span.total_seconds() / 60


def _mean(minutes: list[float] | None) -> float | None:
    return round(sum(minutes) / len(minutes), 1) if minutes else None


def _journey_from_row(t: Any) -> Journey:
    """As far as the row tells: where the ticket was issued and where it is now, with no wait
    known in the service it left. Right for a ticket never transferred."""
    return Journey((t.origin_service_id, t.service_id) if t.transfers else (t.origin_service_id,))


def _journeys(conn: Connection, moved: Sequence[Any]) -> dict[int, Journey]:
    """The journeys of the transferred tickets, from their call and transfer events. A ticket whose
    events do not agree with its row is left to ``_journey_from_row``."""
    if not moved:
        return {}
    wanted = {t.id: t for t in moved}
    found = conn.execute(
        select(events.c.type, events.c.at, events.c.data)
        .where(events.c.type.in_((EventType.TICKET_CALLED.value, EventType.TICKET_STATUS.value)),
               events.c.at >= min(t.issued_at for t in moved) - EVENT_SLACK,
               events.c.at <= max(t.queued_at for t in moved) + EVENT_SLACK,
               (events.c.type == EventType.TICKET_CALLED.value)
               | events.c.data["transferred_from"].as_string().is_not(None))
        .order_by(events.c.seq)).all()
    seen: dict[int, list[Any]] = defaultdict(list)
    for event in found:
        if isinstance(event.data, dict) and event.data.get("id") in wanted:
            seen[event.data["id"]].append(event)
    return {tid: journey for tid, told in seen.items() if (journey := _follow(wanted[tid], told))}


def _follow(t: Any, told: Iterable[Any]) -> Journey | None:
    """Walk a ticket's calls and transfers: each queue it left is timed from when it joined it
    (issue or transfer) to its first call there."""
    path: list[str] = [t.origin_service_id]
    waits: dict[int, tuple[str, float]] = {}
    joined = t.issued_at
    for event in told:
        if event.type == EventType.TICKET_CALLED.value:
            waits.setdefault(len(path) - 1, (path[-1], _minutes(event.at - joined)))
            continue
        if event.data["transferred_from"] != path[-1]:
            return None
        path.append(event.data["service_id"])
        joined = event.at
    if len(path) != t.transfers + 1 or path[-1] != t.service_id:
        return None
    # The last queue's wait is the row's own.
    return Journey(tuple(path), tuple(wait for leg, wait in sorted(waits.items()) if leg < t.transfers))


def _lokets(cat: SiteCatalog, served: dict[int, int]) -> tuple[LoketReport, ...]:
    """Every loket of the catalog, and any other that served today, by number."""
    names = {loket.id: loket.name for loket in cat.lokets}
    return tuple(LoketReport(id=lid, name=names.get(lid, f"Loket {lid}"), served=served.get(lid, 0))
                 for lid in sorted(names.keys() | served.keys()))
