"""Importing a catalog: the new version is stored and the lokets are brought in line with it, in
one write with its ``catalog.changed`` event."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select, update

from core.wire import CatalogChanged, CounterState, EventType
from server.catalog import SiteCatalog
from server.clock import Clock
from server.db import catalogs, counters
from server.engine import targets
from server.engine.unit_of_work import UnitOfWork


def import_catalog(unit_of_work: UnitOfWork, clock: Clock, cat: SiteCatalog, source: str, *,
                   made_stale: Iterable[Callable[[], None]]) -> int:
    """Store ``cat`` as the newest version and return its number; ``made_stale`` are the caches
    to forget once it has committed."""
    now = clock.now()
    with unit_of_work.locking() as unit:
        conn = unit.conn
        version = conn.execute(catalogs.insert().values(
            imported_at=now, source=source[:500], document=dict(cat.document)).returning(catalogs.c.id)).scalar_one()
        # Locked like any loket change (server/locking.py), so an opening at the same moment
        # is not written over with the state read here.
        existing = {r.id: r for r in conn.execute(select(counters).with_for_update())}
        serving: dict[int, list[str]] = {}
        for loket in cat.lokets:
            values = {"name": loket.name, "service_ids": list(loket.service_ids),
                      "updated_at": now, "retired": False}
            if loket.id in existing:
                old = existing[loket.id]
                active = [s for s in old.active_service_ids if s in loket.service_ids] or list(loket.service_ids)
                serving[loket.id] = active
                conn.execute(update(counters).where(counters.c.id == loket.id)
                             .values(active_service_ids=active, **values))
            else:
                conn.execute(counters.insert().values(
                    id=loket.id, active_service_ids=list(loket.service_ids), state=CounterState.CLOSED.value,
                    regular_streak=0, **values))
        gone = set(existing) - {loket.id for loket in cat.lokets}
        if gone:
            conn.execute(update(counters).where(counters.c.id.in_(gone))
                         .values(retired=True, state=CounterState.CLOSED.value, staff=None, updated_at=now))
        # Tickets sent to a loket that left the catalog, or that no longer serves their service, go
        # back to their service's queue.
        for loket_id in existing:
            targets.release(conn, cat, loket_id, unit.events, still_served=serving.get(loket_id, ()))
        unit.events.add(EventType.CATALOG_CHANGED, CatalogChanged(version=version))
        for forget in made_stale:
            unit.after_commit(forget)
    return int(version)
