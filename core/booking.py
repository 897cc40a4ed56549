"""Booking rules of a service and the pure arithmetic on them: the slots of a day, the share of the
quota that may be booked, the check-in window and the ISO week the per-NIK limit counts in. No server
import and no clock, so every edge is tested with plain values."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from core.schedule import WEEKDAYS, Closed, ServiceSchedule

# The ranges a catalog may set (server/catalog.py checks them with a reason in both languages).
SLOT_MINUTES = (5, 240)
PER_SLOT = (1, 500)
DAYS_AHEAD = (1, 90)
WALK_IN_PERCENT = (0, 100)
EARLY_MINUTES = (0, 240)
LATE_MINUTES = (0, 240)
PER_NIK_DAY = (1, 50)
PER_NIK_WEEK = (1, 100)


@dataclass(frozen=True)
class BookingRules:
    """How a service takes bookings: slots of ``slot_minutes`` with ``per_slot`` places each, up to
    ``days_ahead`` days ahead; ``walk_in_percent`` of the daily quota kept for walk-ins (no quota, no
    reserve); check-in from ``early_minutes`` before the slot to ``late_minutes`` after its start; at
    most ``per_nik_day`` bookings of the service a day and ``per_nik_week`` in an ISO week per NIK."""

    slot_minutes: int
    per_slot: int
    days_ahead: int
    walk_in_percent: int
    early_minutes: int = 60
    late_minutes: int = 15
    per_nik_day: int = 1
    per_nik_week: int = 2


@dataclass(frozen=True)
class Slot:
    """One slot of a day, site-local wall times (a slot never crosses midnight)."""

    start: time
    end: time

    @property
    def label(self) -> str:
        return self.start.strftime("%H:%M")


def closed_reason(schedule: ServiceSchedule, day: date, holidays: Mapping[date, str]) -> str | None:
    """Why the service takes no bookings on ``day`` (an ErrorCode value), or None: inactive, a holiday,
    a day it does not open, in core/schedule.py's order."""
    if not schedule.active:
        return Closed.INACTIVE
    if day in holidays:
        return Closed.HOLIDAY
    if WEEKDAYS[day.weekday()] not in schedule.hours:
        return Closed.CLOSED_DAY
    return None


def day_slots(schedule: ServiceSchedule, rules: BookingRules, day: date,
              holidays: Mapping[date, str]) -> tuple[Slot, ...]:
    """The day's slots: from the opening time in ``slot_minutes`` steps, each ending no later than the
    last ticket time, none overlapping a break of that weekday (Friday prayer too); none on a closed day."""
    if closed_reason(schedule, day, holidays) is not None:
        return ()
    weekday = WEEKDAYS[day.weekday()]
    span = schedule.hours[weekday]
    # Closing less the cut-off; a break lasting until then removes its slots by overlapping them.
    last = datetime.combine(day, span.end) - timedelta(minutes=schedule.cutoff_minutes)
    breaks = [b.span for b in schedule.breaks if weekday in b.days]
    step = timedelta(minutes=rules.slot_minutes)
    slots = []
    start = datetime.combine(day, span.start)
    while start + step <= last:
        end = start + step
        if not any(b.start < end.time() and start.time() < b.end for b in breaks):
            slots.append(Slot(start.time(), end.time()))
        start = end
    return tuple(slots)


def bookable_cap(quota: int | None, walk_in_percent: int) -> int | None:
    """How many bookings a day may hold: the quota less the share kept for walk-ins, rounded down;
    None (no cap but the slots') when the service has no quota."""
    if quota is None:
        return None
    return quota * (100 - walk_in_percent) // 100


class CheckIn(enum.Enum):
    OTHER_DAY = "other_day"
    TOO_EARLY = "too_early"
    INSIDE = "inside"
    TOO_LATE = "too_late"


@dataclass(frozen=True)
class Window:
    """A booking's check-in window, site-local wall times, both ends included at minute precision."""

    opens: datetime
    closes: datetime


def window(day: date, slot_start: time, rules: BookingRules) -> Window:
    start = datetime.combine(day, slot_start)
    return Window(start - timedelta(minutes=rules.early_minutes), start + timedelta(minutes=rules.late_minutes))


def classify(day: date, slot_start: time, rules: BookingRules, local_now: datetime) -> CheckIn:
    """Where ``local_now`` (site wall time; seconds ignored) stands to the booking's window. The booking's
    day decides first: at 00:05 a booking of the day before is another day's, even 15 minutes after its
    23:50 slot, and at 23:30 a booking of 00:10 tomorrow is too."""
    now = local_now.replace(second=0, microsecond=0, tzinfo=None)
    if now.date() != day:
        return CheckIn.OTHER_DAY
    span = window(day, slot_start, rules)
    if now < span.opens:
        return CheckIn.TOO_EARLY
    if now > span.closes:
        return CheckIn.TOO_LATE
    return CheckIn.INSIDE


def iso_week(day: date) -> tuple[date, date]:
    """Monday and Sunday of ``day``'s ISO week: the per-NIK week limit counts in it."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def booking_range(today: date, rules: BookingRules) -> tuple[date, date]:
    """The first and last day a booking may be made for: today (its slots not yet started) up to
    ``days_ahead`` days ahead."""
    return today, today + timedelta(days=rules.days_ahead)
