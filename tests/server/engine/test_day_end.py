"""Day end at engine level (issue 18, decided): a ticket left waiting, called or SERVING overnight
expires when the next service day starts, and its loket lets go of it. A serving one is not counted
as done: nobody confirmed that its service ended, so its service time would be invented."""

from __future__ import annotations

import pytest

from core.models import TicketStatus
from server.auth import Role
from server.errors import ApiError
from tests.support.clock import wib
from tests.support.engine import EngineHall

S = TicketStatus
TUESDAY_MORNING = wib(2026, 11, 24, 7, 30)


def monday_left_open(hall: EngineHall) -> dict[str, int]:
    """Monday evening: B-001 was being served at loket 1, B-002 called at loket 2, B-003 waiting."""
    ids = [hall.issue("kk")["id"] for _ in range(3)]
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.call_next(1)
    hall.clock.advance(minutes=5)
    hall.engine.ticket_action(hall.staff, ids[0], S.SERVING)
    hall.call_next(2, hall.staff2)
    return {"serving": ids[0], "called": ids[1], "waiting": ids[2]}


def test_tickets_left_open_overnight_expire_and_their_lokets_let_go(hall):
    left = monday_left_open(hall)
    hall.new_day_at(TUESDAY_MORNING)
    hall.engine.keep_day()
    assert {state: hall.engine.ticket_by_id(i)["status"] for state, i in left.items()} == {
        "serving": "expired", "called": "expired", "waiting": "expired"}
    assert [c.current_ticket for c in hall.engine.list_counters()] == [None, None, None]


def test_a_ticket_served_overnight_counts_as_expired_not_done_in_its_day_s_report(hall):
    monday_left_open(hall)
    hall.new_day_at(TUESDAY_MORNING)
    hall.engine.keep_day()
    report = hall.engine.daily_report(wib(2026, 11, 23).date())
    (kk,) = report.services
    assert (report.total_issued, kk.issued, kk.expired, kk.done, kk.serving, kk.called, kk.waiting) == (
        3, 3, 3, 0, 0, 0, 0)
    assert kk.mean_service_minutes is None
    assert all(loket.served == 0 for loket in report.lokets)


def test_the_morning_s_first_call_at_a_loket_left_holding_a_citizen_calls_today_s_first(hall):
    """Loket 1 still holds Monday's B-001 (being served) when Tuesday's first citizen waits: the
    call does not refuse with "ticket in progress", it calls Tuesday's B-001."""
    monday_left_open(hall)
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    hall.issue("kk")
    called = hall.call_next(1)
    assert (called.code, called.service_date.isoformat()) == ("B-001", "2026-11-24")


def test_yesterday_s_ticket_cannot_be_finished_the_next_morning(hall):
    """The officer who was serving it is told it is no longer at their loket; a supervisor that
    an expired ticket cannot become done."""
    left = monday_left_open(hall)
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    with pytest.raises(ApiError) as officer:
        hall.engine.ticket_action(hall.staff, left["serving"], S.DONE)
    assert (officer.value.status, officer.value.code) == (409, "ticket_not_at_your_counter")
    with pytest.raises(ApiError) as boss:
        hall.engine.ticket_action(hall.signed_in("boss", Role.SUPERVISOR), left["waiting"], S.CANCELLED)
    assert (boss.value.status, boss.value.code, boss.value.params) == (
        409, "invalid_transition", {"from": "expired", "to": "cancelled"})


def test_a_loket_change_on_the_new_day_expires_yesterday_s_tickets_first(hall):
    """No tap at the kiosk yet on Tuesday: pausing loket 1 (which let go of Monday's B-001) is the
    first change, and Monday's tickets have expired by then."""
    left = monday_left_open(hall)
    hall.engine.ticket_action(hall.staff, left["serving"], S.DONE)
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    hall.engine.pause_counter(hall.staff, 1, "")
    assert hall.engine.ticket_by_id(left["waiting"])["status"] == "expired"
    assert hall.engine.ticket_by_id(left["serving"])["status"] == "done"
