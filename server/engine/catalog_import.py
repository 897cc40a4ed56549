"""Importing a catalog: the new version is stored and the lokets are brought in line with it, in
one write with its ``catalog.changed`` event, its audit entry and the check that no ticket of today
loses its service or its prefix."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Connection

from core.wire import AuditKind, CatalogChanged, CounterState, ErrorCode, EventType
from server import audit
from server.auth import Principal
from server.catalog import CatalogInvalid, SiteCatalog, parse_catalog
from server.clock import Clock
from server.db import catalogs, counters, tickets
from server.engine import targets
from server.engine.unit_of_work import UnitOfWork
from server.errors import ApiError
from server.sequences import locked_value


def _has_tickets(conn: Connection, service_id: str, day: date) -> bool:
    found = conn.execute(select(tickets.c.id).where(
        tickets.c.service_date == day.isoformat(),
        or_(tickets.c.service_id == service_id, tickets.c.origin_service_id == service_id)).limit(1)).first()
    return found is not None


def refuse_lost_tickets(conn: Connection, cat: SiteCatalog, day: date | None) -> None:
    """A service with tickets today keeps its prefix (the codes called and printed carry it) and stays in
    the catalog (its waiting citizens would have no queue). Checked against the newest stored version,
    under the lock its issuers take."""
    if day is None:
        return
    newest = conn.execute(select(catalogs.c.document).order_by(catalogs.c.id.desc()).limit(1)).scalar()
    if newest is None:
        return
    try:
        before = parse_catalog(newest)
    except CatalogInvalid:
        return  # a version this build cannot read has no services to keep
    for sid, service in before.services.items():
        after = cat.services.get(sid)
        if after is not None and after.prefix == service.prefix:
            continue
        # The lock every ticket of this prefix takes for its number (issuing.py): a ticket being written
        # now is committed and seen here, and one written after this save reads the new version and is
        # refused or numbered under the new prefix.
        locked_value(conn, f"ticket:{service.prefix}:{day.isoformat()}")
        if not _has_tickets(conn, sid, day):
            continue
        if after is None:
            raise ApiError(409, ErrorCode.SERVICE_IN_USE_TODAY,
                           f"The service {sid!r} has tickets today: it cannot be removed before tomorrow.",
                           service_id=sid)
        raise ApiError(409, ErrorCode.PREFIX_IN_USE_TODAY,
                       f"The service {sid!r} has tickets today under the prefix {service.prefix!r}: its prefix "
                       "cannot change before tomorrow.", service_id=sid, prefix=service.prefix, new_prefix=after.prefix)


def refuse_if_changed(conn: Connection, based_on: int | None) -> None:
    """Imports one at a time: the newest version's row is locked first, so two admins who both edited
    version N cannot both store their N+1, the second silently undoing the first. With ``based_on``,
    a save made from an older version than the newest is refused."""
    conn.execute(select(catalogs.c.id).order_by(catalogs.c.id.desc()).limit(1).with_for_update()).first()
    if based_on is None:
        return
    newest = conn.execute(select(func.max(catalogs.c.id))).scalar()  # read again: the lock may have waited
    if newest != based_on:
        raise ApiError(409, ErrorCode.WRITE_CONFLICT,
                       f"The catalog changed since version {based_on} (now version {newest}); look again and retry.",
                       reason="catalog_changed", based_on=based_on, newest=newest)


def import_catalog(unit_of_work: UnitOfWork, clock: Clock, cat: SiteCatalog, source: str, *,
                   made_stale: Iterable[Callable[[], None]], today: date | None = None,
                   by: Principal | None = None, audit_kind: AuditKind | None = None,
                   based_on: int | None = None) -> int:
    """Store ``cat`` as the newest version and return its number; ``made_stale`` are the caches
    to forget once it has committed. ``today`` is the service day whose tickets must keep their
    service; ``audit_kind`` the audit entry written with it (none for a server's own set-up);
    ``based_on`` the version the change was made from, if it must still be the newest."""
    now = clock.now()
    with unit_of_work.locking() as unit:
        conn = unit.conn
        refuse_if_changed(conn, based_on)
        refuse_lost_tickets(conn, cat, today)
        version = conn.execute(catalogs.insert().values(
            imported_at=now, source=source[:500], document=dict(cat.document),
            made_by=by.name if by is not None else audit.CLI_ACTOR).returning(catalogs.c.id)).scalar_one()
        if audit_kind is not None:
            audit.record(conn, at=now, actor=by, kind=audit_kind, subject=f"catalog version {version}",
                         detail={"version": int(version), "source": source[:200]})
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
