"""The daily report: per service what was issued and what became of it, mean waits and service
times, tickets served per loket and per priority group."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select

from core.wire import DailyReport, ServiceReport, TicketStatus
from server.catalog import SiteCatalog
from server.db import Database, tickets

S = TicketStatus


def daily_report(db: Database, cat: SiteCatalog, day: date) -> DailyReport:
    with db.read() as conn:
        rows = conn.execute(select(tickets).where(tickets.c.service_date == day.isoformat())).all()
    per_service: dict[str, dict[str, int]] = {}
    waits: dict[str, list[float]] = defaultdict(list)
    serves: dict[str, list[float]] = defaultdict(list)
    by_counter: dict[int, int] = defaultdict(int)
    by_priority: dict[str, int] = defaultdict(int)
    for t in rows:
        entry = per_service.setdefault(t.origin_service_id, {"issued": 0, **{s.value: 0 for s in S}})
        entry["issued"] += 1
        per_service.setdefault(t.service_id, {"issued": 0, **{s.value: 0 for s in S}})[t.status] += 1
        by_priority[t.priority or "regular"] += 1
        if t.called_at:
            waits[t.service_id].append((t.called_at - t.queued_at).total_seconds() / 60)
        if t.started_at and t.finished_at and t.status == S.DONE.value:
            serves[t.service_id].append((t.finished_at - t.started_at).total_seconds() / 60)
            if t.counter_id is not None:
                by_counter[t.counter_id] += 1
    services = []
    for sid, entry in sorted(per_service.items()):
        svc = cat.services.get(sid)
        w, s = waits.get(sid, []), serves.get(sid, [])
        services.append(ServiceReport(service_id=sid, service_name=svc.name if svc else sid, **entry,
                                      mean_wait_minutes=round(sum(w) / len(w), 1) if w else None,
                                      mean_service_minutes=round(sum(s) / len(s), 1) if s else None))
    return DailyReport(date=day, site=cat.site.name, total_issued=len(rows), services=tuple(services),
                       served_by_counter=dict(by_counter), by_priority=dict(by_priority))
