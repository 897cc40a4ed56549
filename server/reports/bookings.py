"""The queue report's bookings: each booking of the period (counted by its slot's service day, not the day it
was made) by where it stands now, and its lead time (made → slot start), for the site, each agency and each
service. One statement reads a duration per booking; the counts and the median and mean are made here."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import Connection, select

from core.wire import BookingFigures, BookingsReport, BookingStatus
from server.catalog import SiteCatalog
from server.db import bookings
from server.reports.period import Period
from server.reports.sql import seconds_between

B = bookings.c
# Where a booking stands, by its status: the counts add up to ``made``.
ENDS = {BookingStatus.CHECKED_IN.value: "checked_in", BookingStatus.NO_SHOW.value: "no_show",
        BookingStatus.CANCELLED.value: "cancelled", BookingStatus.BOOKED.value: "booked"}
HOUR_S = 3600.0


def bookings_report(conn: Connection, cat: SiteCatalog, period: Period, scope: set[str] | None, name: str,
                    sqlite: bool) -> BookingsReport | None:
    """The section, or None when no service in scope takes bookings and none was booked in the period."""
    when = B.service_date.between(period.date_from.isoformat(), period.date_to.isoformat())
    where = when if scope is None else when & B.service_id.in_(sorted(scope))
    rows = conn.execute(select(B.service_id, B.status, seconds_between(sqlite, B.made_at, B.slot_start))
                        .where(where)).all()
    bookable = any(s.booking is not None for sid, s in cat.services.items() if scope is None or sid in scope)
    if not rows and not bookable:
        return None
    owners = {sid: s.agency_id for sid, s in cat.services.items()}
    found: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
    for service_id, status, lead in rows:
        entry = (str(status), max(0.0, float(lead or 0)))
        found[("total", "")].append(entry)
        found[("agency", owners.get(service_id, service_id))].append(entry)
        found[("service", service_id)].append(entry)
    agency_names = {a.id: a.name for a in cat.agencies}
    service_names = {sid: s.name for sid, s in cat.services.items()}
    return BookingsReport(
        total=figures("", name, found.get(("total", ""), [])),
        agencies=_rows(found, "agency", agency_names),
        services=_rows(found, "service", service_names))


def _rows(found: Mapping[tuple[str, str], Sequence[tuple[str, float]]], breakdown: str,
          names: Mapping[str, str]) -> tuple[BookingFigures, ...]:
    keys = sorted(key for kind, key in found if kind == breakdown)
    return tuple(figures(key, names.get(key, key), found[(breakdown, key)]) for key in keys)


def figures(key: str, name: str, entries: Sequence[tuple[str, float]]) -> BookingFigures:
    """One row from its bookings' (status, lead seconds); a status of no known end counts as still booked."""
    counts: dict[str, int] = defaultdict(int)
    for status, _ in entries:
        counts[ENDS.get(status, "booked")] += 1
    leads = [lead / HOUR_S for _, lead in entries]
    return BookingFigures(key=key, name=name, made=len(entries), **counts,
                          lead_median_hours=round(statistics.median(leads), 2) if leads else None,
                          lead_mean_hours=round(statistics.fmean(leads), 2) if leads else None)


def lead_text(hours: float | None, words: tuple[str, str], shown: Callable[[float], str]) -> str:
    """A lead time as people say it: in days, or in hours when under a day (``words``: the two units)."""
    if hours is None:
        return "–"
    return f"{shown(hours)} {words[0]}" if hours < 24 else f"{shown(hours / 24)} {words[1]}"
