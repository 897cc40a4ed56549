"""core/booking.py: the slots of a day, the bookable cap, the check-in window at every edge (a minute
inside and outside each side, across midnight WIB), the ISO week."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from core.booking import (
    BookingRules,
    CheckIn,
    Slot,
    bookable_cap,
    booking_range,
    classify,
    closed_reason,
    day_slots,
    iso_week,
    window,
)
from core.schedule import Break, ServiceSchedule, Span

RULES = BookingRules(slot_minutes=30, per_slot=4, days_ahead=14, walk_in_percent=50)
WEEK = {d: Span(time(8), time(15)) for d in ("mon", "tue", "wed", "thu", "fri")}
LUNCH = Break(frozenset({"mon", "tue", "wed", "thu"}), Span(time(12), time(13)), "istirahat")
JUMAT = Break(frozenset({"fri"}), Span(time(11, 30), time(13)), "sholat_jumat")
SCHEDULE = ServiceSchedule(hours=WEEK, breaks=(LUNCH, JUMAT), cutoff_minutes=30, quota=40)
MONDAY, FRIDAY, SATURDAY = date(2026, 11, 30), date(2026, 12, 4), date(2026, 12, 5)


def _labels(slots: tuple[Slot, ...]) -> list[str]:
    return [s.label for s in slots]


def test_a_day_is_cut_in_slots_from_opening_to_the_last_ticket_time_around_the_break():
    slots = day_slots(SCHEDULE, RULES, MONDAY, {})
    # 08.00 to 14.30 (15.00 less the 30-minute cut-off), the lunch hour removed.
    assert _labels(slots) == ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30",
                              "13:00", "13:30", "14:00"]
    assert slots[-1].end == time(14, 30)


def test_friday_prayer_removes_its_slots():
    labels = _labels(day_slots(SCHEDULE, RULES, FRIDAY, {}))
    assert "11:00" in labels and "13:00" in labels
    assert not {"11:30", "12:00", "12:30"} & set(labels)


def test_a_slot_that_would_end_after_the_last_ticket_time_is_not_offered():
    rules = BookingRules(slot_minutes=45, per_slot=1, days_ahead=1, walk_in_percent=0)
    slots = day_slots(ServiceSchedule(hours={"mon": Span(time(8), time(10))}, cutoff_minutes=30), rules, MONDAY, {})
    assert _labels(slots) == ["08:00", "08:45"]  # 09.30 is the last ticket time: 09.30-10.15 would pass it


def test_a_break_lasting_until_the_last_ticket_time_ends_the_slots_at_its_start():
    late_break = Break(frozenset({"mon"}), Span(time(14), time(15)), "istirahat")
    schedule = ServiceSchedule(hours={"mon": Span(time(8), time(15))}, breaks=(late_break,), cutoff_minutes=30)
    assert _labels(day_slots(schedule, RULES, MONDAY, {}))[-1] == "13:30"


def test_a_slot_touching_a_break_is_kept_and_one_overlapping_it_is_not():
    rules = BookingRules(slot_minutes=45, per_slot=1, days_ahead=1, walk_in_percent=0)
    labels = _labels(day_slots(SCHEDULE, rules, MONDAY, {}))
    assert "11:45" not in labels and "11:00" in labels  # 11.00-11.45 ends before 12.00; 11.45-12.30 overlaps


@pytest.mark.parametrize(("schedule", "day", "holidays", "reason"), [
    (SCHEDULE, SATURDAY, {}, "closed_day"),
    (SCHEDULE, MONDAY, {MONDAY: "Libur"}, "holiday"),
    (ServiceSchedule(active=False, hours=WEEK), MONDAY, {MONDAY: "Libur"}, "service_inactive"),
])
def test_no_slot_on_a_closed_day_with_the_reason(schedule, day, holidays, reason):
    assert closed_reason(schedule, day, holidays) == reason
    assert day_slots(schedule, RULES, day, holidays) == ()


def test_an_open_day_has_no_closed_reason():
    assert closed_reason(SCHEDULE, MONDAY, {}) is None


@pytest.mark.parametrize(("quota", "percent", "cap"), [(40, 50, 20), (41, 50, 20), (10, 0, 10), (10, 100, 0),
                                                       (7, 30, 4), (100, 0, 100), (None, 50, None)])
def test_the_bookable_cap_keeps_the_walk_in_share_rounded_in_the_walk_ins_favour(quota, percent, cap):
    assert bookable_cap(quota, percent) == cap


@pytest.mark.parametrize(("now", "expected"), [
    (datetime(2026, 11, 30, 8, 59), CheckIn.TOO_EARLY),    # a minute before the window opens
    (datetime(2026, 11, 30, 9, 0), CheckIn.INSIDE),        # 60 minutes before 10.00
    (datetime(2026, 11, 30, 9, 1), CheckIn.INSIDE),
    (datetime(2026, 11, 30, 10, 14), CheckIn.INSIDE),
    (datetime(2026, 11, 30, 10, 15), CheckIn.INSIDE),      # 15 minutes late, still inside
    (datetime(2026, 11, 30, 10, 15, 59), CheckIn.INSIDE),  # minute precision
    (datetime(2026, 11, 30, 10, 15, 59, 999_999), CheckIn.INSIDE),
    (datetime(2026, 11, 30, 10, 16), CheckIn.TOO_LATE),    # a minute past
    (datetime(2026, 11, 29, 10, 0), CheckIn.OTHER_DAY),
    (datetime(2026, 12, 1, 9, 30), CheckIn.OTHER_DAY),
])
def test_every_edge_of_the_window(now, expected):
    assert classify(MONDAY, time(10), RULES, now) == expected


def test_a_window_crossing_midnight_is_cut_by_the_booking_day():
    late = window(MONDAY, time(23, 50), RULES)
    assert late.closes == datetime(2026, 12, 1, 0, 5)
    assert classify(MONDAY, time(23, 50), RULES, datetime(2026, 11, 30, 23, 59)) == CheckIn.INSIDE
    # 00:04 is inside the window by the clock, but the booking was for yesterday: the day decides.
    assert classify(MONDAY, time(23, 50), RULES, datetime(2026, 12, 1, 0, 4)) == CheckIn.OTHER_DAY
    assert classify(MONDAY, time(23, 50), RULES, datetime(2026, 12, 1, 0, 5)) == CheckIn.OTHER_DAY
    early = window(MONDAY, time(0, 10), RULES)
    assert early.opens == datetime(2026, 11, 29, 23, 10)
    assert classify(MONDAY, time(0, 10), RULES, datetime(2026, 11, 29, 23, 30)) == CheckIn.OTHER_DAY
    assert classify(MONDAY, time(0, 10), RULES, datetime(2026, 11, 30, 0, 0)) == CheckIn.INSIDE
    assert classify(MONDAY, time(0, 10), RULES, datetime(2026, 11, 30, 0, 25)) == CheckIn.INSIDE
    assert classify(MONDAY, time(0, 10), RULES, datetime(2026, 11, 30, 0, 26)) == CheckIn.TOO_LATE


def test_an_aware_moment_is_read_as_its_wall_time():
    wib = ZoneInfo("Asia/Jakarta")
    assert classify(MONDAY, time(10), RULES, datetime(2026, 11, 30, 10, 16, tzinfo=wib)) == CheckIn.TOO_LATE
    assert classify(MONDAY, time(10), RULES, datetime(2026, 11, 30, 8, 59, tzinfo=wib)) == CheckIn.TOO_EARLY


def test_zero_early_and_late_minutes_leave_the_slot_minute_alone():
    rules = BookingRules(slot_minutes=30, per_slot=1, days_ahead=1, walk_in_percent=0, early_minutes=0,
                         late_minutes=0)
    assert classify(MONDAY, time(10), rules, datetime(2026, 11, 30, 9, 59)) == CheckIn.TOO_EARLY
    assert classify(MONDAY, time(10), rules, datetime(2026, 11, 30, 10, 0, 30)) == CheckIn.INSIDE
    assert classify(MONDAY, time(10), rules, datetime(2026, 11, 30, 10, 1)) == CheckIn.TOO_LATE


@pytest.mark.parametrize(("day", "week"), [
    (date(2026, 11, 30), (date(2026, 11, 30), date(2026, 12, 6))),   # a Monday
    (date(2026, 12, 6), (date(2026, 11, 30), date(2026, 12, 6))),    # its Sunday
    (date(2026, 12, 7), (date(2026, 12, 7), date(2026, 12, 13))),    # the next Monday
    (date(2026, 12, 31), (date(2026, 12, 28), date(2027, 1, 3))),    # across the year's end
])
def test_the_iso_week_runs_monday_to_sunday(day, week):
    assert iso_week(day) == week


def test_bookings_open_from_today_to_days_ahead():
    assert booking_range(MONDAY, RULES) == (MONDAY, date(2026, 12, 14))
