"""Opening hours, breaks, the cut-off, quotas and holidays (core/schedule.py), at the rule's own level.

The site below is the demo MPP's week (Monday to Thursday 08.00-15.00 with a rest at 12.00-13.00,
Friday 08.00-15.30 with the Friday prayer at 11.30-12.30, tickets until 30 minutes before closing)
plus Saturday mornings (08.00-12.00, no break), as some MPPs open then. Sunday is closed.
Every expected answer is written out from that timetable, as a citizen at the kiosk would read it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

import pytest

from core.schedule import (
    Availability,
    Break,
    Closed,
    ClosedToday,
    ServiceSchedule,
    Span,
    check_availability,
    format_hhmm,
    next_open_day,
    parse_hhmm,
)

# The week of Monday 23 November 2026, and the Christmas week with its two days off.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, d) for d in range(23, 30))
NEXT_MON = date(2026, 11, 30)
XMAS_EVE, XMAS = date(2026, 12, 24), date(2026, 12, 25)  # Thursday (cuti bersama), Friday
HOLIDAYS = {XMAS_EVE: "Cuti Bersama Hari Raya Natal", XMAS: "Hari Raya Natal"}

MON_TO_THU = frozenset({"mon", "tue", "wed", "thu"})
REST = Break(MON_TO_THU, Span(time(12, 0), time(13, 0)), "istirahat")
FRIDAY_PRAYER = Break(frozenset({"fri"}), Span(time(11, 30), time(12, 30)), "sholat_jumat")
WEEKDAY_HOURS = {"mon": "08.00-15.00", "tue": "08.00-15.00", "wed": "08.00-15.00", "thu": "08.00-15.00",
                 "fri": "08.00-15.30"}


def hours(table: dict[str, str]) -> dict[str, Span]:
    return {day: Span.parse(text) for day, text in table.items()}


def site(*, saturday: str | None = "08.00-12.00", **overrides: Any) -> ServiceSchedule:
    table = dict(WEEKDAY_HOURS, **({"sat": saturday} if saturday else {}))
    return replace(ServiceSchedule(hours=hours(table), breaks=(REST, FRIDAY_PRAYER), cutoff_minutes=30), **overrides)


def check(schedule: ServiceSchedule, day: date, hhmm: str, *, issued: int = 0, tz: str = "WIB",
          holidays: dict[date, str] | None = None, open_all_hours: bool = False,
          closed_today: ClosedToday | None = None) -> Availability:
    hour, minute = (int(part) for part in hhmm.split("."))
    return check_availability(schedule, datetime.combine(day, time(hour, minute)),
                              holidays=HOLIDAYS if holidays is None else holidays, issued_today=issued,
                              tz_label=tz, open_all_hours=open_all_hours, closed_today=closed_today)


def is_open(opens: str | None, closes: str | None, quota_left: int | None = None) -> Availability:
    return Availability(True, None, {}, opens, closes, quota_left)


def refused(reason: str, params: dict[str, object], opens: str | None, closes: str | None,
            quota_left: int | None = None) -> Availability:
    return Availability(False, reason, params, opens, closes, quota_left)


# -- times as technicians write them and citizens read them ----------------------------------------

def test_times_are_read_and_written_with_a_dot():
    assert parse_hhmm("08.00") == time(8, 0) and parse_hhmm("13:30") == time(13, 30)
    assert parse_hhmm(" 07.05 ") == time(7, 5)
    assert parse_hhmm("00.00") == time(0, 0) and parse_hhmm("23.59") == time(23, 59)
    assert format_hhmm(time(8, 0), "WIB") == "08.00 WIB"
    for bad in ("8", "8.00", "24.00", "12.60", "noon", "", "08.000", "12.00x", "x12.00"):
        with pytest.raises(ValueError):
            parse_hhmm(bad)


@pytest.mark.parametrize(("value", "label", "shown"), [
    (time(8, 0), "WIB", "08.00 WIB"), (time(7, 5), "WITA", "07.05 WITA"), (time(13, 30), "WIT", "13.30 WIT"),
    (time(8, 0), "", "08.00")])
def test_a_time_is_written_the_indonesian_way_with_the_sites_zone(value, label, shown):
    """A site in Makassar or Jayapura shows WITA or WIT; a site with no label shows the bare time."""
    assert format_hhmm(value, label) == shown


def test_a_time_written_without_a_zone_label_is_just_hours_and_minutes():
    assert format_hhmm(time(15, 0)) == "15.00"


def test_a_span_of_hours_is_read_from_start_to_end():
    assert Span.parse("08.00-15.00") == Span(time(8, 0), time(15, 0))
    assert Span.parse("12.00-12.01") == Span(time(12, 0), time(12, 1))  # one minute is a span


@pytest.mark.parametrize("text", ["15.00-08.00", "12.00-12.00", "08.00", "08.00-12.00-13.00", "08.00 15.00"])
def test_a_span_that_ends_before_or_when_it_starts_or_is_not_two_times_is_refused(text):
    with pytest.raises(ValueError):
        Span.parse(text)


@pytest.mark.parametrize(("bad", "parse"), [
    ("8", parse_hhmm), ("24.00", parse_hhmm), ("12.60", parse_hhmm), ("08.00", Span.parse),
    ("15.00-08.00", Span.parse)])
def test_a_mistyped_time_is_reported_with_the_text_the_technician_wrote(bad, parse):
    """The catalog import passes the message on (server/catalog.py): it must name what was wrong."""
    with pytest.raises(ValueError, match=repr(bad)):
        parse(bad)


def test_a_span_holds_its_first_minute_but_not_its_last():
    rest = Span(time(12, 0), time(13, 0))
    assert time(11, 59) not in rest and time(12, 0) in rest
    assert time(12, 59) in rest and time(13, 0) not in rest


# -- every weekday ----------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
@pytest.mark.parametrize("day", [MON, TUE, WED, THU, FRI, SAT, SUN])
def test_a_service_open_on_one_weekday_takes_tickets_on_that_day_only(key, day):
    """The catalog names days mon..sun; each name is its own day of the week and no other."""
    schedule = ServiceSchedule(hours={key: Span(time(8, 0), time(15, 0))})
    answer = check(schedule, day, "10.00", holidays={})
    same_day = {"mon": MON, "tue": TUE, "wed": WED, "thu": THU, "fri": FRI, "sat": SAT, "sun": SUN}[key] == day
    assert answer.open is same_day
    if not same_day:
        assert answer.reason == "closed_day"


@pytest.mark.parametrize(("day", "key"), [
    (MON, "mon"), (TUE, "tue"), (WED, "wed"), (THU, "thu"), (FRI, "fri"), (SAT, "sat"), (SUN, "sun")])
def test_a_closed_weekday_is_refused_naming_the_day(day, key):
    answer = check(ServiceSchedule(hours={}), day, "10.00")
    assert (answer.open, answer.reason, answer.params) == (False, "closed_day", {"weekday": key})


@pytest.mark.parametrize(("day", "closes"), [
    (MON, "14.30 WIB"), (TUE, "14.30 WIB"), (WED, "14.30 WIB"), (THU, "14.30 WIB"), (FRI, "15.00 WIB"),
    (SAT, "11.30 WIB")])
def test_every_open_day_opens_at_eight_and_not_a_minute_before(day, closes):
    assert check(site(), day, "07.59") == refused("not_open_yet", {"opens_at": "08.00 WIB"}, "08.00 WIB", closes)
    assert check(site(), day, "08.00") == is_open("08.00 WIB", closes)


def test_sunday_is_closed_and_names_monday_morning():
    assert check(site(), SUN, "10.00") == refused(
        "closed_day", {"weekday": "sun", "next_open_date": "2026-11-30", "next_opens_at": "08.00 WIB"}, None, None)


def test_a_saturday_is_closed_at_a_site_that_does_not_open_on_saturdays():
    assert check(site(saturday=None), SAT, "09.00") == refused(
        "closed_day", {"weekday": "sat", "next_open_date": "2026-11-30", "next_opens_at": "08.00 WIB"}, None, None)


def test_a_day_that_opens_later_names_its_own_opening_time():
    schedule = site(saturday="09.00-12.00")
    assert check(schedule, SAT, "08.59") == refused("not_open_yet", {"opens_at": "09.00 WIB"}, "09.00 WIB",
                                                    "11.30 WIB")
    assert check(schedule, SAT, "09.00").open


# -- closing time minus the cut-off, and the day it opens again ------------------------------------

@pytest.mark.parametrize(("day", "last_open", "cut_off", "opens_again"), [
    (MON, "14.29", "14.30", "2026-11-24"), (TUE, "14.29", "14.30", "2026-11-25"),
    (WED, "14.29", "14.30", "2026-11-26"), (THU, "14.29", "14.30", "2026-11-27"),
    (FRI, "14.59", "15.00", "2026-11-28"), (SAT, "11.29", "11.30", "2026-11-30")])
def test_tickets_end_at_the_cut_off_and_the_message_names_the_next_open_day(day, last_open, cut_off, opens_again):
    """GIVEN tickets end 30 minutes before closing WHEN a citizen comes one minute before THEN they get
    one; at the cut-off they are told when tickets ended and which day it opens again (Saturday too)."""
    assert check(site(), day, last_open) == is_open("08.00 WIB", f"{cut_off} WIB")
    assert check(site(), day, cut_off) == refused(
        "closed_for_today",
        {"closes_at": f"{cut_off} WIB", "next_open_date": opens_again, "next_opens_at": "08.00 WIB"},
        "08.00 WIB", f"{cut_off} WIB")


def test_after_the_friday_cut_off_a_site_closed_on_saturday_opens_again_on_monday():
    answer = check(site(saturday=None), FRI, "15.01")
    assert (answer.reason, answer.params["next_open_date"], answer.params["next_opens_at"]) == (
        "closed_for_today", "2026-11-30", "08.00 WIB")


def test_after_closing_time_itself_tickets_stay_closed_until_the_next_day():
    assert check(site(), MON, "15.00").reason == "closed_for_today"
    assert check(site(), MON, "23.59").reason == "closed_for_today"


def test_without_a_cut_off_tickets_are_taken_until_the_minute_the_service_closes():
    schedule = site(cutoff_minutes=0)
    assert check(schedule, MON, "14.59") == is_open("08.00 WIB", "15.00 WIB")
    assert check(schedule, MON, "15.00").reason == "closed_for_today"


def test_unless_told_otherwise_tickets_end_half_an_hour_before_closing():
    """The blueprint's cut-off (the catalog's default too) is 30 minutes."""
    schedule = ServiceSchedule(hours=hours({"mon": "08.00-15.00"}))
    assert check(schedule, MON, "14.29").open
    assert check(schedule, MON, "14.30").reason == "closed_for_today"


def test_a_service_with_its_own_closing_and_cut_off_ends_tickets_by_them():
    """A service that closes at 12.00 with an hour's cut-off takes its last ticket at 10.59."""
    schedule = ServiceSchedule(hours=hours({"mon": "08.00-12.00", "tue": "08.00-12.00"}), cutoff_minutes=60)
    assert check(schedule, MON, "10.59") == is_open("08.00 WIB", "11.00 WIB")
    assert check(schedule, MON, "11.00") == refused(
        "closed_for_today", {"closes_at": "11.00 WIB", "next_open_date": "2026-11-24", "next_opens_at": "08.00 WIB"},
        "08.00 WIB", "11.00 WIB")


def test_the_next_open_day_skips_holidays_and_the_weekend():
    """After the Wednesday cut-off before Christmas (Thursday cuti bersama, Friday Natal), the site
    closed on Saturdays opens again on Monday 28 December."""
    answer = check(site(saturday=None), date(2026, 12, 23), "14.30")
    assert answer.params == {"closes_at": "14.30 WIB", "next_open_date": "2026-12-28", "next_opens_at": "08.00 WIB"}
    assert check(site(), date(2026, 12, 23), "14.30").params["next_open_date"] == "2026-12-26"


def test_the_next_open_day_is_named_up_to_two_weeks_ahead():
    """A service open only on Mondays: after a Monday the next Monday is named; with that one a
    holiday, the Monday two weeks on (14 days); further than that the message names no day and
    the kiosk says "the next working day"."""
    monday_only = ServiceSchedule(hours=hours({"mon": "09.00-11.00"}))
    assert next_open_day(monday_only, FRI, {}, "WIB") == (NEXT_MON, "09.00 WIB")
    assert next_open_day(monday_only, MON, {}, "WIB") == (NEXT_MON, "09.00 WIB")  # after ``day``, not on it
    assert next_open_day(monday_only, MON, {NEXT_MON: "Libur"}, "WIB") == (date(2026, 12, 7), "09.00 WIB")
    assert next_open_day(monday_only, SUN, {NEXT_MON: "Libur"}, "WIB") == (date(2026, 12, 7), "09.00 WIB")
    # From Sunday with the next two Mondays off, the Monday after is 15 days away: too far to name.
    assert next_open_day(monday_only, SUN, {NEXT_MON: "Libur", date(2026, 12, 7): "Libur"}, "WIB") is None


def test_a_service_open_on_no_day_names_no_next_opening():
    answer = check(ServiceSchedule(hours={}), MON, "10.00")
    assert answer.params == {"weekday": "mon"}


# -- breaks: the daily rest and the Friday prayer ---------------------------------------------------

@pytest.mark.parametrize("day", [MON, TUE, WED, THU])
def test_a_break_starting_at_twelve_is_already_a_break_and_ends_at_one(day):
    assert check(site(), day, "11.59") == is_open("08.00 WIB", "14.30 WIB")
    for moment in ("12.00", "12.59"):
        assert check(site(), day, moment) == refused(
            "on_break", {"break_reason": "istirahat", "resumes_at": "13.00 WIB"}, "08.00 WIB", "14.30 WIB")
    assert check(site(), day, "13.00") == is_open("08.00 WIB", "14.30 WIB")


def test_the_friday_prayer_starts_at_half_past_eleven_and_ends_at_half_past_twelve():
    assert check(site(), FRI, "11.29") == is_open("08.00 WIB", "15.00 WIB")
    for moment in ("11.30", "12.29"):
        assert check(site(), FRI, moment) == refused(
            "on_break", {"break_reason": "sholat_jumat", "resumes_at": "12.30 WIB"}, "08.00 WIB", "15.00 WIB")
    assert check(site(), FRI, "12.30") == is_open("08.00 WIB", "15.00 WIB")


PASPOR_HOURS = {"mon": "08.00-14.00", "tue": "08.00-14.00", "wed": "08.00-14.00", "thu": "08.00-14.00",
                "fri": "08.00-14.00"}


def test_a_break_that_lasts_until_the_last_ticket_ends_the_days_tickets_when_it_starts():
    """Paspor closes at 14.00 with an hour's cut-off (last ticket 13.00) and rests 12.00-13.00: no
    ticket can be taken after the rest, so tickets end at 12.00; a citizen at 12.15 is told the
    queue closed and when it opens again, not to come back at 13.00 to find it closed."""
    paspor = ServiceSchedule(hours=hours(PASPOR_HOURS), breaks=(REST, FRIDAY_PRAYER), cutoff_minutes=60)
    assert check(paspor, MON, "11.59") == is_open("08.00 WIB", "12.00 WIB")
    for moment in ("12.00", "12.59", "13.00"):
        assert check(paspor, MON, moment) == refused(
            "closed_for_today",
            {"closes_at": "12.00 WIB", "next_open_date": "2026-11-24", "next_opens_at": "08.00 WIB"},
            "08.00 WIB", "12.00 WIB")
    # On Friday the prayer ends at 12.30, half an hour before the last ticket: it is a break as usual.
    assert check(paspor, FRI, "11.45").params == {"break_reason": "sholat_jumat", "resumes_at": "12.30 WIB"}
    assert check(paspor, FRI, "12.59") == is_open("08.00 WIB", "13.00 WIB")


@pytest.mark.parametrize(("cutoff", "rest_ends", "moment", "reason", "closes"), [
    (59, "13.00", "12.30", "on_break", "13.01 WIB"),          # the rest ends a minute before the last ticket
    (59, "13.00", "13.00", None, "13.01 WIB"),                # ... which can still be taken
    (60, "13.00", "12.30", "closed_for_today", "12.00 WIB"),  # it ends at the last ticket
    (60, "13.30", "12.30", "closed_for_today", "12.00 WIB"),  # it ends after the last ticket
    (119, "13.00", "11.59", None, "12.00 WIB"),               # the last ticket a minute into the rest
    (120, "13.00", "11.59", None, "12.00 WIB"),               # the last ticket when the rest starts
    (121, "13.00", "11.58", None, "11.59 WIB"),               # the last ticket before the rest
])
def test_a_break_ends_the_days_tickets_only_if_no_minute_is_left_after_it(cutoff, rest_ends, moment, reason, closes):
    rest = Break(MON_TO_THU, Span.parse(f"12.00-{rest_ends}"), "istirahat")
    answer = check(ServiceSchedule(hours=hours(PASPOR_HOURS), breaks=(rest,), cutoff_minutes=cutoff), MON, moment)
    assert (answer.reason, answer.closes_at) == (reason, closes)


def test_back_to_back_breaks_until_the_last_ticket_end_the_days_tickets_at_the_first():
    """A rest 12.00-13.00 then a briefing 13.00-13.30, tickets until 13.30: none after 12.00."""
    briefing = Break(MON_TO_THU, Span(time(13, 0), time(13, 30)), "istirahat")
    schedule = ServiceSchedule(hours=hours(PASPOR_HOURS), breaks=(REST, briefing), cutoff_minutes=30)
    assert check(schedule, MON, "11.59") == is_open("08.00 WIB", "12.00 WIB")
    assert check(schedule, MON, "12.00").reason == "closed_for_today"


def test_a_break_applies_only_on_its_own_days():
    """The Monday-Thursday rest does not close Friday at 12.45, the Friday prayer does not close
    Thursday at 11.45, and Saturday morning has no break at all."""
    assert check(site(), FRI, "12.45").open
    assert check(site(), THU, "11.45").open
    assert check(site(), SAT, "11.00").open


# -- the daily quota --------------------------------------------------------------------------------

@pytest.mark.parametrize("issued", [0, 1, 500, 100_000])
def test_a_service_without_a_quota_never_runs_out(issued):
    assert check(site(quota=None), MON, "10.00", issued=issued) == is_open("08.00 WIB", "14.30 WIB", None)


@pytest.mark.parametrize(("issued", "left"), [(0, 50), (48, 2), (49, 1)])
def test_a_quota_takes_tickets_until_its_last_one(issued, left):
    assert check(site(quota=50), MON, "10.00", issued=issued) == is_open("08.00 WIB", "14.30 WIB", left)


@pytest.mark.parametrize("issued", [50, 51])
def test_a_full_quota_is_refused_and_shows_none_left(issued):
    """The refusal names the next day the service opens, for the citizen to come back."""
    assert check(site(quota=50), MON, "10.00", issued=issued) == refused(
        "quota_exhausted", {"quota": 50, "next_open_date": "2026-11-24", "next_opens_at": "08.00 WIB"},
        "08.00 WIB", "14.30 WIB", 0)


def test_a_quota_of_zero_takes_no_ticket():
    assert check(site(quota=0), MON, "10.00").reason == "quota_exhausted"


def test_the_tickets_left_are_shown_while_the_service_is_closed_too():
    assert check(site(quota=50), MON, "07.00", issued=0).quota_left == 50
    assert check(site(quota=50), MON, "14.45", issued=20).quota_left == 30


# -- holidays and an inactive service ---------------------------------------------------------------

def test_a_holiday_closes_a_working_day_all_day_naming_it_and_the_next_open_day():
    for moment in ("07.00", "10.00", "14.45"):
        assert check(site(), XMAS_EVE, moment) == refused(
            "holiday", {"holiday": "Cuti Bersama Hari Raya Natal", "next_open_date": "2026-12-26",
                        "next_opens_at": "08.00 WIB"}, "08.00 WIB", "14.30 WIB")


def test_the_day_after_a_holiday_is_an_ordinary_day():
    assert check(site(), date(2026, 12, 28), "10.00").open


def test_an_inactive_service_is_refused_at_any_time_without_a_next_opening():
    """A service closed for now has no next opening to promise, whatever the day or hour."""
    for day, moment in ((MON, "10.00"), (SUN, "10.00"), (XMAS, "10.00"), (MON, "20.00")):
        answer = check(site(active=False), day, moment)
        assert (answer.open, answer.reason, answer.params) == (False, "service_inactive", {})


# -- the order of the checks, and a site open all hours ---------------------------------------------

@pytest.mark.parametrize(("schedule", "day", "moment", "issued", "reason"), [
    (site(active=False, quota=1), XMAS, "10.00", 1, "service_inactive"),
    (site(quota=1), date(2026, 12, 27), "10.00", 1, "closed_day"),     # a Sunday, quota full
    (site(quota=1), XMAS, "12.00", 1, "holiday"),                       # a Friday holiday at prayer time
    (site(quota=1), MON, "07.00", 1, "not_open_yet"),
    (site(quota=1), MON, "14.45", 1, "closed_for_today"),
    (site(quota=1), MON, "12.15", 1, "on_break"),
    (site(quota=1), MON, "10.00", 1, "quota_exhausted"),
])
def test_the_checks_run_in_the_blueprint_order(schedule, day, moment, issued, reason):
    """inactive, holiday, closed day, before opening, after the cut-off, break, quota: the first that
    applies is the reason the citizen reads."""
    assert check(schedule, day, moment, issued=issued).reason == reason


def test_a_holiday_on_a_closed_weekday_is_shown_as_the_holiday():
    """Hari Lahir Pancasila fell on Sunday 1 June 2025: the kiosk names the holiday."""
    answer = check(site(), date(2025, 6, 1), "10.00", holidays={date(2025, 6, 1): "Hari Lahir Pancasila"})
    assert (answer.reason, answer.params["holiday"]) == ("holiday", "Hari Lahir Pancasila")


def test_after_the_cut_off_a_late_break_is_not_the_reason():
    """Tickets end at 12.00 (13.00 minus an hour); a break 12.00-13.00 follows: it is closed for today."""
    schedule = ServiceSchedule(hours=hours({"mon": "08.00-13.00"}), breaks=(REST,), cutoff_minutes=60)
    assert check(schedule, MON, "12.15").reason == "closed_for_today"


@pytest.mark.parametrize(("day", "moment"), [(SUN, "03.00"), (XMAS, "10.00"), (MON, "12.15"), (MON, "22.00")])
def test_a_site_open_all_hours_ignores_the_clock_and_the_calendar(day, moment):
    answer = check(site(), day, moment, open_all_hours=True)
    assert answer.open and answer.reason is None


def test_the_clock_and_the_calendar_apply_unless_the_site_is_open_all_hours():
    """A caller that does not say the site is open all hours (a demo's setting) gets the timetable."""
    answer = check_availability(site(), datetime(2026, 11, 29, 10, 0), holidays={}, issued_today=0, tz_label="WIB")
    assert answer.reason == "closed_day"


def test_a_site_open_all_hours_still_keeps_the_quota_and_an_inactive_service_closed():
    assert check(site(quota=3), SUN, "03.00", issued=3, open_all_hours=True).reason == "quota_exhausted"
    assert check(site(quota=3), SUN, "03.00", issued=2, open_all_hours=True).quota_left == 1
    assert check(site(active=False), SUN, "03.00", open_all_hours=True).reason == "service_inactive"


# -- closed for the rest of today by the office ----------------------------------------------------

@pytest.mark.parametrize("reason", [Closed.SERVICE_CLOSED_TODAY, Closed.AGENCY_STOPPED_TODAY])
def test_a_service_the_office_closed_today_is_refused_with_its_note_and_the_next_open_day(reason):
    answer = check(site(quota=10), FRI, "10.00", issued=3, closed_today=ClosedToday(reason, "Petugas diklat"))
    assert answer == Availability(False, reason, {"note": "Petugas diklat", "next_open_date": "2026-11-28",
                                                  "next_opens_at": "08.00 WIB"}, "08.00 WIB", "15.00 WIB", 7)


def test_the_office_s_close_comes_right_after_an_inactive_service_and_before_the_clock():
    closed = ClosedToday(Closed.SERVICE_CLOSED_TODAY)
    assert check(site(active=False), MON, "10.00", closed_today=closed).reason == "service_inactive"
    for day, moment in ((MON, "07.00"), (MON, "12.15"), (MON, "14.45"), (XMAS, "10.00"), (SUN, "10.00")):
        assert check(site(), day, moment, closed_today=closed).reason == "service_closed_today", (day, moment)
    assert check(site(quota=1), MON, "10.00", issued=1, closed_today=closed).reason == "service_closed_today"
    assert check(site(), MON, "10.00", closed_today=closed).params["note"] == ""


def test_the_office_s_close_holds_on_a_site_open_all_hours():
    answer = check(site(), SUN, "03.00", open_all_hours=True, closed_today=ClosedToday(Closed.AGENCY_STOPPED_TODAY))
    assert (answer.open, answer.reason) == (False, "agency_stopped_today")


def test_without_the_office_s_close_the_service_is_open():
    assert check(site(), MON, "10.00", closed_today=None).open


# -- another time zone -----------------------------------------------------------------------------

def test_a_wita_site_writes_its_times_in_wita():
    answer = check(site(), MON, "14.30", tz="WITA")
    assert answer.params == {"closes_at": "14.30 WITA", "next_open_date": "2026-11-24", "next_opens_at": "08.00 WITA"}
    assert (answer.opens_at, answer.closes_at) == ("08.00 WITA", "14.30 WITA")
    assert check(site(), MON, "12.00", tz="WIT").params["resumes_at"] == "13.00 WIT"
