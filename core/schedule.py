"""Opening hours, breaks, holidays and quotas: whether a service takes tickets at a local moment.

Plain data and pure functions so the server decides and the tests check with any clock.
Times are written the Indonesian way, ``08.00 WIB``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]\d|2[0-3])\.([0-5]\d)$")


class Closed:
    """Error codes of a closed service, in the order they are checked (the blueprint's order)."""

    INACTIVE = "service_inactive"
    HOLIDAY = "holiday"
    CLOSED_DAY = "closed_day"
    NOT_OPEN_YET = "not_open_yet"
    CLOSED_FOR_TODAY = "closed_for_today"
    ON_BREAK = "on_break"
    QUOTA = "quota_exhausted"
    # The office closed the service, or stopped its agency's tickets, for the rest of today.
    AGENCY_STOPPED_TODAY = "agency_stopped_today"
    SERVICE_CLOSED_TODAY = "service_closed_today"


def parse_hhmm(text: str) -> time:
    """``"08.00"`` → ``time(8, 0)``; a colon is accepted too, as technicians type both."""
    match = _HHMM.match(text.strip().replace(":", "."))
    if not match:
        raise ValueError(f"not a time of day (HH.MM): {text!r}")
    return time(int(match.group(1)), int(match.group(2)))


def format_hhmm(value: time, tz_label: str = "") -> str:
    text = f"{value.hour:02d}.{value.minute:02d}"
    return f"{text} {tz_label}" if tz_label else text


@dataclass(frozen=True)
class Span:
    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> Span:
        """``"08.00-15.00"`` → a span; the end must come after the start."""
        try:
            left, right = text.split("-")
        except ValueError:
            raise ValueError(f"not a span of hours (HH.MM-HH.MM): {text!r}") from None
        span = cls(parse_hhmm(left), parse_hhmm(right))
        if span.end <= span.start:
            raise ValueError(f"the span ends before it starts: {text!r}")
        return span

    def __contains__(self, moment: time) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Break:
    days: frozenset[str]
    span: Span
    reason: str  # "istirahat" or "sholat_jumat"


@dataclass(frozen=True)
class ServiceSchedule:
    """Everything that decides whether one service takes a ticket now."""

    active: bool = True
    hours: Mapping[str, Span] = field(default_factory=dict)  # weekday key -> span; missing = closed
    breaks: tuple[Break, ...] = ()
    cutoff_minutes: int = 30
    quota: int | None = None


@dataclass(frozen=True)
class ClosedToday:
    """The office's switch that closes a service for the rest of today, whatever its hours say:
    ``reason`` is ``Closed.SERVICE_CLOSED_TODAY`` or ``Closed.AGENCY_STOPPED_TODAY``, ``note`` the
    office's short public reason (may be empty)."""

    reason: str
    note: str = ""


@dataclass(frozen=True)
class Availability:
    open: bool
    reason: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    opens_at: str | None = None   # next opening today, "08.00 WIB", when known
    closes_at: str | None = None  # last moment to take a ticket today
    quota_left: int | None = None


def next_open_day(schedule: ServiceSchedule, day: date, holidays: Mapping[date, str],
                  tz_label: str, limit: int = 14) -> tuple[date, str] | None:
    """The next day (after ``day``) the service opens and its opening time, for the message."""
    for offset in range(1, limit + 1):
        candidate = day + timedelta(days=offset)
        span = schedule.hours.get(WEEKDAYS[candidate.weekday()])
        if span and candidate not in holidays:
            return candidate, format_hhmm(span.start, tz_label)
    return None


def last_ticket_time(schedule: ServiceSchedule, weekday: str, day: date, span: Span) -> time:
    """The last moment of ``day`` to take a ticket: closing minus the cut-off, or the start of a
    break that lasts until then (no ticket can be taken after it)."""
    last = (datetime.combine(day, span.end) - timedelta(minutes=schedule.cutoff_minutes)).time()
    for brk in sorted(schedule.breaks, key=lambda b: b.span.start, reverse=True):
        if weekday in brk.days and brk.span.start < last <= brk.span.end:
            last = brk.span.start
    return last


def check_availability(schedule: ServiceSchedule, local_now: datetime, *,
                       holidays: Mapping[date, str], issued_today: int, tz_label: str,
                       open_all_hours: bool = False, closed_today: ClosedToday | None = None) -> Availability:
    """Check, in the blueprint's order: inactive, closed today by the office, holiday, closed day,
    before opening, after the cut-off, break, quota. ``local_now`` is the site's local wall time;
    the office's switch holds even when the site is open all hours."""
    quota_left = None if schedule.quota is None else max(0, schedule.quota - issued_today)
    today = local_now.date()
    weekday = WEEKDAYS[today.weekday()]
    span = schedule.hours.get(weekday)
    opens_at = format_hhmm(span.start, tz_label) if span else None
    last = last_ticket_time(schedule, weekday, today, span) if span else None
    last_ticket = format_hhmm(last, tz_label) if last is not None else None

    def closed(reason: str, **params: object) -> Availability:
        # Where the citizen can only come back another day, that day: weekends and holidays skipped.
        if reason in (Closed.HOLIDAY, Closed.CLOSED_DAY, Closed.CLOSED_FOR_TODAY, Closed.QUOTA,
                      Closed.AGENCY_STOPPED_TODAY, Closed.SERVICE_CLOSED_TODAY):
            nxt = next_open_day(schedule, today, holidays, tz_label)
            if nxt:
                params.setdefault("next_open_date", nxt[0].isoformat())
                params.setdefault("next_opens_at", nxt[1])
        return Availability(False, reason, params, opens_at, last_ticket, quota_left)

    if not schedule.active:
        return closed(Closed.INACTIVE)
    if closed_today is not None:
        return closed(closed_today.reason, note=closed_today.note)
    if not open_all_hours:
        if today in holidays:
            return closed(Closed.HOLIDAY, holiday=holidays[today])
        if span is None:
            return closed(Closed.CLOSED_DAY, weekday=weekday)
        moment = local_now.time()
        if moment < span.start:
            return closed(Closed.NOT_OPEN_YET, opens_at=opens_at)
        if last is not None and moment >= last:
            return closed(Closed.CLOSED_FOR_TODAY, closes_at=last_ticket)
        for brk in schedule.breaks:
            if weekday in brk.days and moment in brk.span:
                return closed(Closed.ON_BREAK, break_reason=brk.reason,
                              resumes_at=format_hhmm(brk.span.end, tz_label))
    if quota_left is not None and quota_left <= 0:
        return closed(Closed.QUOTA, quota=schedule.quota)
    return Availability(True, None, {}, opens_at, last_ticket, quota_left)
