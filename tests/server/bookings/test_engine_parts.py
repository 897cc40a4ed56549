"""The booking engine's parts without HTTP (tests/support/engine.py): a code that clashes with a stored one is
drawn again, close_day ends a day by hand as the day-end job does, a removed reminder, and the per-address
limiter's window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from server.auth import Role
from server.booking_limits import BookingLimits
from server.errors import ApiError
from tests.support.clock import wib

TUESDAY = date(2026, 11, 24)


def _make(hall, nik: str, slot: str = "09:00", day: date = TUESDAY, **extra):
    return hall.engine.bookings.make(service_id="paspor", day=day, slot=slot, nik=nik, **extra)


def test_a_code_that_clashes_is_drawn_again(hall):
    drawn = iter(["123456784", "123456784", "000000000"])
    hall.engine.bookings.new_code = lambda: next(drawn)
    assert _make(hall, "3604011709900001").code == "123456784"
    assert _make(hall, "3604011709900002").code == "000000000"


def test_codes_that_keep_clashing_end_in_a_conflict_and_store_nothing(hall):
    hall.engine.bookings.new_code = lambda: "123456784"
    _make(hall, "3604011709900001")
    with pytest.raises(ApiError) as refused:
        _make(hall, "3604011709900002")
    assert (refused.value.status, refused.value.code, refused.value.message) == (
        409, "conflict", "The booking could not be made; please try again.")
    assert len(hall.engine.bookings.listing(TUESDAY)) == 1


def test_close_day_ends_the_day_and_forgets_its_phone_numbers(hall):
    """Its reminders are taken back by server/notify on the no-show's event (tests/server/notify)."""
    made = _make(hall, "3604011709900001", phone="081234567890", consent=True)
    later = _make(hall, "3604011709900002", day=TUESDAY + timedelta(days=1), phone="081234567891", consent=True)
    assert hall.engine.bookings.close_day(TUESDAY) == 1
    assert hall.engine.bookings.get(made.token).status == "no_show"
    assert not hall.engine.bookings.get(made.token).has_phone
    assert hall.engine.bookings.get(later.token).status == "booked"
    assert hall.engine.bookings.get(later.token).has_phone
    assert hall.engine.bookings.close_day(TUESDAY) == 0


def test_the_limiter_counts_per_address_in_a_fixed_window():
    limits, at = BookingLimits(attempts=3, window=timedelta(minutes=10)), wib(2026, 11, 23, 9, 0)
    assert [limits.attempt("10.0.0.1", at) for _ in range(3)] == [None, None, None]
    assert limits.attempt("10.0.0.1", at + timedelta(minutes=4)) == 360
    assert limits.attempt("10.0.0.2", at) is None
    assert limits.attempt("10.0.0.1", at + timedelta(minutes=9, seconds=59, milliseconds=500)) == 1
    assert limits.attempt("10.0.0.1", at + timedelta(minutes=10)) is None


def test_walk_ins_count_the_places_kept_for_todays_bookings_until_their_window_closes(hall):
    hall.engine.set_quota_today(hall.signed_in("kepala", Role.SUPERVISOR), "paspor", 4)
    for nik in ("3604011709900001", "3604011709900002"):
        _make(hall, nik, slot="10:00", day=date(2026, 11, 23))
    hall.issue("paspor")
    hall.issue("paspor")
    assert hall.refusal("paspor").code == "quota_exhausted"
    hall.clock.set(wib(2026, 11, 23, 10, 15))
    assert hall.refusal("paspor").code == "quota_exhausted"   # the window's last minute: still kept
    hall.clock.set(wib(2026, 11, 23, 10, 15) + timedelta(seconds=59, milliseconds=999))
    assert hall.refusal("paspor").code == "quota_exhausted"   # and its last second
    hall.clock.set(wib(2026, 11, 23, 10, 16))
    assert hall.issue("paspor")["code"] == "B2-003"
    assert hall.issue("paspor")["code"] == "B2-004"
    assert hall.refusal("paspor").code == "quota_exhausted"
