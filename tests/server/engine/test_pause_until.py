"""A pause with the time its officer expects to be back: kept on the loket and told to the boards,
refused (changing nothing) unless it is later than now on today's service day, and forgotten when
the loket resumes, closes or opens again."""

from __future__ import annotations

from datetime import UTC, time

import pytest

from server.errors import ApiError
from tests.support.clock import wib


def paused_until(hall, until: time | None, reason: str = "istirahat"):
    hall.engine.open_counter(hall.staff, 1, None)
    return hall.engine.pause_counter(hall.staff, 1, reason, until)


def test_a_pause_keeps_its_return_time_on_the_loket_and_tells_the_boards(hall):
    paused = paused_until(hall, time(13, 0), "sholat")
    assert (paused.state, paused.pause_reason, paused.pause_until) == (
        "paused", "sholat", wib(2026, 11, 23, 13, 0).astimezone(UTC))
    assert hall.engine.list_counters()[0].pause_until == wib(2026, 11, 23, 13, 0)
    kind, event = hall.events()[-1]
    assert (kind, event["state"], event["staff"], event["pause_reason"], event["pause_until"]) == (
        "counter.state", "paused", "staff1", "sholat", "2026-11-23T06:00:00+00:00")


def test_a_pause_without_a_return_time_has_none(hall):
    paused = paused_until(hall, None)
    assert (paused.state, paused.pause_until) == ("paused", None)
    assert hall.events()[-1][1]["pause_until"] is None


def test_a_return_one_minute_ahead_is_taken(hall):
    hall.clock.set(wib(2026, 11, 23, 9, 59))
    assert paused_until(hall, time(10, 0)).pause_until == wib(2026, 11, 23, 10, 0)


@pytest.mark.parametrize(("now", "until", "said"), [
    (time(9, 0), time(9, 0), ("09:00", "09:00")),          # now is no return
    (time(9, 0, 30), time(9, 0), ("09:00", "09:00")),      # this minute is already passing
    (time(9, 0), time(8, 59), ("08:59", "09:00")),
    (time(23, 50), time(0, 10), ("00:10", "23:50")),       # after midnight: another service day
])
def test_a_return_not_later_than_now_today_is_refused_and_changes_nothing(hall, now, until, said):
    hall.clock.set(wib(2026, 11, 23, now.hour, now.minute).replace(second=now.second))
    hall.engine.open_counter(hall.staff, 1, None)
    before = len(hall.events())
    with pytest.raises(ApiError) as refused:
        hall.engine.pause_counter(hall.staff, 1, "istirahat", until)
    assert (refused.value.status, refused.value.code, refused.value.message, refused.value.params) == (
        422, "pause_until_passed", "The expected return must be later than now, today.",
        {"until": said[0], "now": said[1]})
    loket = hall.engine.list_counters()[0]
    assert (loket.state, loket.pause_reason, loket.pause_until) == ("open", None, None)
    assert len(hall.events()) == before


@pytest.mark.parametrize("ending", ["resume", "close", "open"])
def test_the_return_time_goes_when_the_loket_resumes_closes_or_opens_again(hall, ending):
    paused_until(hall, time(13, 0))
    after = {"resume": lambda: hall.engine.resume_counter(hall.staff, 1),
             "close": lambda: hall.engine.close_counter(hall.staff, 1),
             "open": lambda: hall.engine.open_counter(hall.staff, 1, ["kk"])}[ending]()
    assert (after.pause_reason, after.pause_until) == (None, None)
    assert hall.events()[-1][1]["pause_until"] is None


def test_a_paused_loket_with_a_return_time_is_no_open_loket_for_the_estimate(hall):
    hall.issue("kk")
    paused_until(hall, time(13, 0))
    kk = next(s for a in hall.engine.catalog_view().agencies for s in a.services if s.id == "kk")
    assert (kk.counters_open, kk.wait_unknown) == (0, "lokets_paused")


@pytest.mark.parametrize(("day", "breaks"), [
    (23, (("12:00", "13:00", "istirahat"),)),          # Monday
    (27, (("11:30", "12:30", "sholat_jumat"),)),       # Friday
    (28, ()),                                          # Saturday: closed, no break
])
def test_the_catalog_tells_each_service_s_breaks_of_the_day_for_the_pause_panel(make_hall, day, breaks):
    hall = make_hall(wib(2026, 11, day, 9, 0))
    kk = next(s for a in hall.engine.catalog_view().agencies for s in a.services if s.id == "kk")
    assert tuple((b.start, b.end, b.reason) for b in kk.breaks_today) == breaks
