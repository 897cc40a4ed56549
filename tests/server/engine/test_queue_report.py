"""The queue report of a period, on a day built through the real engine with every kind of end: each
row's counts add up (issued + received = served + no-show + cancelled + transferred + expired + open),
a transfer counts once where the ticket left and once where it ended, and the times are the
nearest-rank percentiles of the waits and service times."""

from __future__ import annotations

from datetime import date

import pytest

from core.wire import QueueFigures, QueueReport, TicketStatus
from server.errors import ApiError
from server.reports.period import Period, checked
from server.reports.queue import queue_report
from tests.support.clock import wib
from tests.support.engine import EngineHall

S = TicketStatus
MONDAY = date(2026, 11, 23)
ENDS = ("served", "no_show", "cancelled", "transferred", "expired", "open")


ONE_DAY = Period(MONDAY, MONDAY)


def report(hall: EngineHall, agency: str | None = None, period: Period = ONE_DAY) -> QueueReport:
    return queue_report(hall.services.db, hall.engine.catalog(), period, agency)


def adds_up(row: QueueFigures) -> bool:
    return row.issued + row.transferred_in == sum(getattr(row, end) for end in ENDS)


def row(rows: tuple[QueueFigures, ...], key: str) -> QueueFigures:
    return next(r for r in rows if r.key == key)


def call_start(hall: EngineHall, loket: int, who=None) -> int:
    ticket = hall.call_next(loket, who)
    hall.engine.ticket_action(who or hall.staff, ticket.id, S.SERVING)
    return ticket.id


def a_monday_with_every_end(hall: EngineHall) -> None:
    """Monday 09.00: A-001…A-005 for KTP (target wait 30 min), B-001 for KK, B2-001 for Paspor.
    Loket 1 (staff1, KTP): A-001 called 09.10 (10 min wait), done 09.15; A-002 called 09.20, no-show;
    A-003 called 09.25, cancelled; A-004 called 10.00 (60 min wait), sent to KK at 10.05.
    Loket 2 (staff2, KK): B-001 called 10.10 (70 min), done 10.30; A-004 called 10.40 (35 min in KK),
    done 10.50, when B-002 is issued. A-005, B-002 and B2-001 are still waiting."""
    ktp = [hall.issue("ktp")["id"] for _ in range(5)]
    hall.issue("kk")
    hall.issue("paspor")
    hall.engine.open_counter(hall.staff, 1, ["ktp"])
    hall.engine.open_counter(hall.staff2, 2, ["kk"])
    hall.clock.set(wib(2026, 11, 23, 9, 10))
    assert call_start(hall, 1) == ktp[0]
    hall.clock.set(wib(2026, 11, 23, 9, 15))
    hall.engine.ticket_action(hall.staff, ktp[0], S.DONE)
    hall.clock.set(wib(2026, 11, 23, 9, 20))
    assert hall.call_next(1).id == ktp[1]
    hall.engine.ticket_action(hall.staff, ktp[1], S.NO_SHOW)
    hall.clock.set(wib(2026, 11, 23, 9, 25))
    assert hall.call_next(1).id == ktp[2]
    hall.engine.ticket_action(hall.staff, ktp[2], S.CANCELLED)
    hall.clock.set(wib(2026, 11, 23, 10, 0))
    assert call_start(hall, 1) == ktp[3]
    hall.clock.set(wib(2026, 11, 23, 10, 5))
    hall.engine.ticket_action(hall.staff, ktp[3], S.TRANSFERRED, "kk")
    hall.clock.set(wib(2026, 11, 23, 10, 10))
    b1 = call_start(hall, 2, hall.staff2)
    hall.clock.set(wib(2026, 11, 23, 10, 30))
    hall.engine.ticket_action(hall.staff2, b1, S.DONE)
    hall.clock.set(wib(2026, 11, 23, 10, 40))
    assert call_start(hall, 2, hall.staff2) == ktp[3]
    hall.clock.set(wib(2026, 11, 23, 10, 50))
    hall.engine.ticket_action(hall.staff2, ktp[3], S.DONE)
    hall.issue("kk")


def test_every_row_adds_up_and_a_transfer_counts_where_it_left_and_where_it_ended(hall):
    a_monday_with_every_end(hall)
    got = report(hall)

    ktp, kk, paspor = (row(got.services, k) for k in ("ktp", "kk", "paspor"))
    assert (ktp.issued, ktp.served, ktp.no_show, ktp.cancelled, ktp.transferred, ktp.open) == (5, 1, 1, 1, 1, 1)
    assert (kk.issued, kk.transferred_in, kk.served, kk.open, kk.transferred) == (2, 1, 2, 1, 0)
    assert (paspor.issued, paspor.open) == (1, 1)
    assert (got.total.issued, got.total.served, got.total.transferred, got.total.transferred_in) == (8, 3, 1, 1)
    assert [a.key for a in got.agencies] == ["dukcapil", "imigrasi"]
    for entry in (got.total, *got.agencies, *got.services, *got.hours):
        assert adds_up(entry), entry
    # In the whole site each transfer is one out and one in: issued alone adds up to the other ends.
    assert got.total.issued == sum(getattr(got.total, e) for e in ENDS if e != "transferred")


def test_the_tickets_left_open_count_as_expired_once_the_next_day_has_begun(hall):
    a_monday_with_every_end(hall)
    hall.new_day_at(wib(2026, 11, 24, 7, 30))
    hall.engine.keep_day()
    got = report(hall)

    assert (got.total.expired, got.total.open) == (3, 0)
    assert all(adds_up(r) for r in (got.total, *got.services))


def test_lokets_and_officers_count_what_ended_there_with_their_times(hall):
    a_monday_with_every_end(hall)
    got = report(hall)

    one, two = row(got.lokets, "1"), row(got.lokets, "2")
    assert (one.served, one.no_show, one.cancelled, two.served) == (1, 1, 1, 2)
    assert [(o.key, o.served) for o in got.officers] == [("staff1", 1), ("staff2", 2)]
    # Loket 2 called B-001 after 70 min and A-004 35 min after it was sent there; served in 20 and 10.
    assert (two.wait_p50_minutes, two.wait_p90_minutes, two.wait_max_minutes) == (35.0, 70.0, 70.0)
    assert (two.service_p50_minutes, two.service_max_minutes) == (10.0, 20.0)


def test_waits_are_nearest_rank_percentiles_and_the_share_within_target(hall):
    a_monday_with_every_end(hall)
    got = report(hall)

    ktp = row(got.services, "ktp")
    # KTP's calls: 10, 20, 25 minutes (A-004's 60 in KTP is not kept: the row knows its KK queue only).
    assert (ktp.wait_p50_minutes, ktp.wait_p90_minutes, ktp.wait_max_minutes) == (20.0, 25.0, 25.0)
    assert (ktp.target_wait_minutes, ktp.within_target, ktp.with_target) == (30, 1, 1)
    assert ktp.service_p50_minutes == 5.0
    # The whole day: waits 10, 20, 25, 70, 35 → sorted 10, 20, 25, 35, 70: p50 rank 3, p90 rank 5.
    assert (got.total.wait_p50_minutes, got.total.wait_p90_minutes) == (25.0, 70.0)


def test_hours_and_the_busiest_of_them(hall):
    a_monday_with_every_end(hall)
    hall.clock.set(wib(2026, 11, 23, 11, 0))
    hall.issue("kk")
    hall.clock.set(wib(2026, 11, 23, 13, 5))
    hall.issue("kk")
    hall.issue("kk")
    got = report(hall)

    assert [(h.key, h.issued) for h in got.hours] == [("09", 7), ("10", 1), ("11", 1), ("13", 2)]
    assert got.busiest_hours == (9, 13, 10)
    assert all(adds_up(h) for h in got.hours)


def test_one_agency_only(hall):
    a_monday_with_every_end(hall)
    got = report(hall, "imigrasi")

    assert (got.agency_name, got.total.issued) == ("Kantor Imigrasi Serang", 1)
    assert [s.key for s in got.services] == ["paspor"]
    assert got.lokets == () and got.officers == ()


def test_an_unknown_agency_and_a_bad_period_are_refused(hall):
    with pytest.raises(ApiError) as unknown:
        report(hall, "pajak")
    assert unknown.value.code == "agency_not_found"
    with pytest.raises(ApiError) as reversed_:
        checked(date(2026, 12, 2), date(2026, 12, 1))
    assert reversed_.value.code == "report_period_reversed"
    with pytest.raises(ApiError) as too_long:
        checked(date(2025, 1, 1), date(2026, 1, 2))
    assert (too_long.value.code, too_long.value.params["days"]) == ("report_period_too_long", 367)
    assert checked(date(2024, 1, 1), date(2024, 12, 31)).days == 366  # a leap year is allowed whole


def test_an_empty_period_is_a_report_that_says_so(hall):
    got = report(hall, period=Period(date(2026, 10, 1), date(2026, 10, 31)))
    assert got.empty and got.services == () and got.total.wait_p50_minutes is None


def test_the_daily_report_of_the_same_day_adds_up_and_agrees(hall):
    """The daily report (server/engine/reports.py) of the same day: each service's states add up to its
    issued and its received states to its transferred_in, and the counts are the queue report's."""
    a_monday_with_every_end(hall)
    daily, got = hall.engine.daily_report(MONDAY), report(hall)

    for entry in daily.services:
        assert sum(entry.by_status.values()) == entry.issued
        assert sum(entry.received.by_status.values()) == entry.transferred_in
        mine = row(got.services, entry.service_id)
        assert (entry.issued, entry.transferred_in, entry.done + entry.received.done, entry.transferred) == (
            mine.issued, mine.transferred_in, mine.served, mine.transferred)
    assert daily.total_issued == got.total.issued
    assert [(lk.id, lk.served) for lk in daily.lokets if lk.served] == [(int(r.key), r.served) for r in got.lokets]
