"""A no-show only after the site's set wait, and a ticket back in the queue (a late citizen, an officer
who must leave with a citizen in hand), at engine level: who may, which day, where it waits again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.wire import TicketStatus as S
from server.auth import Role
from server.errors import ApiError
from tests.support.clock import wib
from tests.support.engine import EngineHall

MONDAY = wib(2026, 11, 23, 9, 0)


def refusal(call) -> tuple[int, str, dict]:
    with pytest.raises(ApiError) as refused:
        call()
    return refused.value.status, refused.value.code, refused.value.params


@pytest.fixture
def two_minute_hall(make_hall, catalog_with) -> EngineHall:
    """The site's real rule: no-show two minutes after the call."""
    return make_hall(MONDAY, catalog=catalog_with(no_show_after_minutes=2))


def status_of(hall: EngineHall, ticket_id: int) -> str:
    return str(hall.engine.ticket_by_id(ticket_id)["status"])


def called(hall: EngineHall, count: int = 1) -> list[int]:
    """``count`` ktp tickets; loket 1 (staff1, ktp only) calls the first."""
    ids = [int(hall.issue("ktp")["id"]) for _ in range(count)]
    hall.engine.open_counter(hall.staff, 1, ["ktp"])
    hall.call_next(1)
    return ids


# --- the no-show wait ------------------------------------------------------------------------------

@pytest.mark.parametrize(("after", "left"), [(timedelta(0), 120), (timedelta(seconds=30), 90),
                                             (timedelta(seconds=119), 1), (timedelta(seconds=119.5), 1)])
def test_a_no_show_before_the_site_s_wait_is_refused_with_the_seconds_left(two_minute_hall, after, left):
    hall = two_minute_hall
    (ticket,) = called(hall)
    hall.clock.advance(seconds=after.total_seconds())
    with pytest.raises(ApiError) as refused:
        hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)
    called_at = hall.engine.ticket_by_id(ticket)["called_at"]
    assert (refused.value.status, refused.value.code, refused.value.message, refused.value.params) == (
        409, "no_show_too_early", "The citizen may still be on the way; wait before no-show.",
        {"seconds_left": left, "called_at": called_at, "no_show_after_seconds": 120})
    assert status_of(hall, ticket) == "called"


def test_a_no_show_is_taken_once_the_wait_has_passed(two_minute_hall):
    hall = two_minute_hall
    (ticket,) = called(hall)
    hall.clock.advance(minutes=2)
    assert hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)["status"] == "no_show"


def test_a_recall_does_not_start_the_wait_again(two_minute_hall):
    """The wait runs from the first call: calling the citizen's number again is no reason to wait longer."""
    hall = two_minute_hall
    (ticket,) = called(hall)
    hall.clock.advance(seconds=90)
    hall.engine.recall(hall.staff, 1)
    hall.clock.advance(seconds=30)
    assert hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)["status"] == "no_show"


def test_a_site_without_a_wait_takes_a_no_show_at_once(hall):
    (ticket,) = called(hall)
    assert hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)["status"] == "no_show"


# --- back in the queue -----------------------------------------------------------------------------

@pytest.mark.parametrize("state", [S.CALLED, S.SERVING])
def test_a_ticket_in_hand_goes_back_by_its_first_queue_time_and_frees_the_loket(hall, state):
    """The officer must leave: the citizen is not marked absent but waits again, ahead of those who took a
    ticket after them, and the loket holds nothing."""
    first, second = called(hall, 2)
    if state is S.SERVING:
        hall.engine.ticket_action(hall.staff, first, S.SERVING)
    back = hall.engine.ticket_action(hall.staff, first, S.WAITING)
    assert back["status"] == "waiting" and back["people_ahead"] == 0
    assert (back["called_at"], back["started_at"]) == (None, None)
    kind, told = hall.events()[-2]
    assert (kind, told["status"], told["requeued_from"], told["by"]) == ("ticket.status", "waiting", state.value,
                                                                          "staff1")
    assert hall.engine.list_counters()[0].current_ticket is None
    assert hall.call_next(1).id == first
    assert status_of(hall, second) == "waiting"


def test_only_a_ticket_put_back_says_so_in_its_event(hall):
    """The boards and the office tell a requeue from a finish by the event's ``requeued_from``."""
    (ticket,) = called(hall)
    hall.engine.ticket_action(hall.staff, ticket, S.SERVING)
    hall.engine.ticket_action(hall.staff, ticket, S.DONE)
    done = [data for kind, data in hall.events() if kind == "ticket.status" and data["status"] == "done"]
    assert [(d.get("requeued_from"), d.get("by")) for d in done] == [(None, None)]


def test_only_the_loket_holding_a_ticket_or_a_supervisor_puts_it_back(hall):
    (ticket,) = called(hall)
    assert refusal(lambda: hall.engine.ticket_action(hall.staff2, ticket, S.WAITING))[:2] == (
        403, "ticket_not_at_your_counter")
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    assert hall.engine.ticket_action(boss, ticket, S.WAITING)["status"] == "waiting"


def test_a_late_citizen_goes_back_by_their_first_queue_time_told_to_everyone(hall):
    first, second = called(hall, 2)
    hall.engine.ticket_action(hall.staff, first, S.NO_SHOW)
    back = hall.engine.ticket_action(hall.staff, first, S.WAITING)
    assert back["status"] == "waiting" and back["people_ahead"] == 0
    assert (back["called_at"], back["started_at"], back["counter"]) == (None, None, None)
    kind, told = hall.events()[-1]
    assert (kind, told["status"], told["requeued_from"], told["by"]) == ("ticket.status", "waiting", "no_show",
                                                                          "staff1")
    assert hall.call_next(1).id == first


def test_a_late_citizen_is_put_back_by_the_officer_of_the_loket_that_missed_them_or_a_supervisor(hall):
    (ticket,) = called(hall)
    hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)
    hall.engine.open_counter(hall.staff2, 2, None)
    with pytest.raises(ApiError) as refused:
        hall.engine.ticket_action(hall.staff2, ticket, S.WAITING)
    assert (refused.value.status, refused.value.code, refused.value.message) == (
        403, "ticket_not_at_your_counter",
        "Only the officer of the loket that missed this ticket, or a supervisor, may put it back.")
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    assert hall.engine.ticket_action(boss, ticket, S.WAITING)["status"] == "waiting"


def test_putting_one_late_citizen_back_leaves_the_other_no_shows_alone(hall):
    first, second = called(hall, 2)
    hall.engine.ticket_action(hall.staff, first, S.NO_SHOW)
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, second, S.NO_SHOW)
    hall.engine.ticket_action(hall.staff, first, S.WAITING)
    assert (status_of(hall, first), status_of(hall, second)) == ("waiting", "no_show")


def test_a_late_citizen_is_not_put_back_by_an_officer_whose_loket_is_closed(hall):
    """The officer left the loket: whoever opens it next (or a supervisor) decides."""
    (ticket,) = called(hall)
    hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)
    hall.engine.close_counter(hall.staff, 1)
    assert refusal(lambda: hall.engine.ticket_action(hall.staff, ticket, S.WAITING))[:2] == (
        403, "ticket_not_at_your_counter")
    assert status_of(hall, ticket) == "no_show"


def test_yesterday_s_no_show_is_not_put_back_today(make_hall):
    hall = make_hall(MONDAY)
    (ticket,) = called(hall)
    hall.engine.ticket_action(hall.staff, ticket, S.NO_SHOW)
    hall.new_day_at(wib(2026, 11, 24, 9, 0))
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    with pytest.raises(ApiError) as refused:
        hall.engine.ticket_action(boss, ticket, S.WAITING)
    assert (refused.value.status, refused.value.code, refused.value.message, refused.value.params) == (
        409, "ticket_of_another_day", "A ticket of another day cannot be put back.", {"service_date": "2026-11-23"})
    assert status_of(hall, ticket) == "no_show"


@pytest.mark.parametrize("state", ["done", "cancelled"])
def test_a_finished_or_cancelled_ticket_never_waits_again(hall, state):
    (ticket,) = called(hall)
    if state == "done":
        hall.engine.ticket_action(hall.staff, ticket, S.SERVING)
        hall.engine.ticket_action(hall.staff, ticket, S.DONE)
    else:
        hall.engine.ticket_action(hall.staff, ticket, S.CANCELLED)
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    assert refusal(lambda: hall.engine.ticket_action(boss, ticket, S.WAITING))[:2] == (409, "invalid_transition")
