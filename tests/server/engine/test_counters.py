"""The lokets at engine level: who may open, close, pause and resume one; the order call_next
follows (first come, the priority policy, the loket's own services); recall; and what a loket
sees of its queue and its officer's day."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from core.models import TicketStatus
from core.wire import Counter, CounterRef
from server.auth import Role
from server.errors import ApiError
from tests.support.clock import SettableClock, wib
from tests.support.engine import EngineHall, engine_hall

S = TicketStatus


def refusal(action: Callable[..., Any], *args: Any) -> ApiError:
    with pytest.raises(ApiError) as refused:
        action(*args)
    return refused.value


def told(refused: ApiError) -> tuple[int, str, str, dict[str, Any]]:
    return refused.status, refused.code, refused.message, refused.params


def loket(hall: EngineHall, counter_id: int) -> Counter:
    return next(c for c in hall.engine.list_counters() if c.id == counter_id)


def state_of(c: Counter) -> tuple[str, str | None, tuple[str, ...], str | None]:
    return c.state.value, c.staff, c.active_service_ids, c.pause_reason


# --- opening -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("chosen", "active"), [
    (None, ("ktp", "kk")),
    ([], ("ktp", "kk")),
    (["kk"], ("kk",)),
    (["kk", "ktp", "kk"], ("kk", "ktp")),
])
def test_an_officer_opens_a_loket_for_the_services_chosen_or_all_of_them(hall, chosen, active):
    opened = hall.engine.open_counter(hall.staff, 1, chosen)
    assert state_of(opened) == ("open", "staff1", active, None)
    assert (opened.id, opened.name, opened.service_ids, opened.current_ticket) == (1, "Loket 1", ("ktp", "kk"), None)
    assert state_of(loket(hall, 1)) == ("open", "staff1", active, None)


def test_a_loket_opens_only_for_services_it_serves(hall):
    refused = refusal(hall.engine.open_counter, hall.staff, 1, ["kk", "paspor", "sim"])
    assert told(refused) == (422, "invalid_service_ids", "This loket does not serve those services.",
                             {"service_ids": ["paspor", "sim"], "allowed": ["ktp", "kk"]})
    assert loket(hall, 1).state == "closed"


@pytest.mark.parametrize("paused", [False, True])
def test_a_loket_another_officer_has_open_or_paused_cannot_be_opened(hall, paused):
    hall.engine.open_counter(hall.staff, 1, None)
    if paused:
        hall.engine.pause_counter(hall.staff, 1, "")
    refused = refusal(hall.engine.open_counter, hall.staff2, 1, None)
    assert told(refused) == (409, "counter_taken", "Another officer has this loket open.", {"staff": "staff1"})
    assert loket(hall, 1).staff == "staff1"


def test_the_officer_of_a_loket_may_open_it_again_for_other_services(hall):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.pause_counter(hall.staff, 1, "rapat")
    assert state_of(hall.engine.open_counter(hall.staff, 1, ["kk"])) == ("open", "staff1", ("kk",), None)


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_a_manager_may_take_over_an_officer_s_loket_saying_why(hall, role):
    hall.engine.open_counter(hall.staff, 1, None)
    boss = hall.signed_in("boss", role)
    with pytest.raises(ApiError) as refused:
        hall.engine.open_counter(boss, 1, None, "  ")
    assert (refused.value.status, refused.value.code, refused.value.message, refused.value.params) == (
        422, "take_over_reason_required", "Say why you take over or close another officer's loket.",
        {"staff": "staff1"})
    assert state_of(hall.engine.open_counter(boss, 1, None, "sakit")) == ("open", "boss", ("ktp", "kk"), None)
    taken = hall.events()[-1][1]
    assert (taken["changed_by"], taken["previous_staff"], taken["reason"]) == ("boss", "staff1", "sakit")


def test_a_loket_closed_by_its_officer_can_be_opened_by_another(hall):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.close_counter(hall.staff, 1)
    assert state_of(hall.engine.open_counter(hall.staff2, 1, None))[:2] == ("open", "staff2")


def test_opening_a_loket_tells_the_boards(hall):
    before = len(hall.events())
    hall.engine.open_counter(hall.staff, 3, None)
    assert hall.events()[before:] == [("counter.state", {
        "counter": {"id": 3, "name": "Loket 3"}, "state": "open", "staff": "staff1", "pause_reason": None,
        "current_code": None, "changed_by": None, "previous_staff": None, "reason": None, "pause_until": None})]


def test_a_loket_opening_or_closing_changes_the_estimate_at_once(hall):
    """kk takes 6 minutes a citizen: with 2 ahead the wait is 12 minutes with one loket (or none)
    open, 6 with two, and 12 again once one closes, on the very next look."""
    for _ in range(3):
        third = hall.issue("kk")
    eta = [hall.engine.ticket_by_id(third["id"])["eta_minutes"]]
    hall.engine.open_counter(hall.staff, 1, None)
    eta.append(hall.engine.ticket_by_id(third["id"])["eta_minutes"])
    hall.engine.open_counter(hall.staff2, 2, None)
    eta.append(hall.engine.ticket_by_id(third["id"])["eta_minutes"])
    hall.engine.close_counter(hall.staff2, 2)
    eta.append(hall.engine.ticket_by_id(third["id"])["eta_minutes"])
    assert eta == [12, 12, 6, 12]


def test_an_unknown_loket_is_not_found(hall):
    for action in (lambda: hall.engine.open_counter(hall.staff, 9, None), lambda: hall.engine.call_next(hall.staff, 9),
                   lambda: hall.engine.counter_queue(hall.staff, 9)):
        refused = refusal(action)
        assert (refused.status, refused.code, refused.params) == (404, "counter_not_found", {"counter_id": 9})


# --- who may change an open loket ---------------------------------------------------------------

def actions(hall: EngineHall) -> dict[str, Callable[..., Any]]:
    return {"close": hall.engine.close_counter, "pause": lambda who, cid: hall.engine.pause_counter(who, cid, "x"),
            "resume": hall.engine.resume_counter, "call next": hall.engine.call_next, "recall": hall.engine.recall}


@pytest.mark.parametrize("action", ["close", "pause", "resume", "call next", "recall"])
def test_only_the_officer_of_a_loket_or_a_manager_acts_at_it(hall, action):
    hall.engine.open_counter(hall.staff, 1, None)
    refused = refusal(actions(hall)[action], hall.staff2, 1)
    assert told(refused) == (403, "counter_not_yours", "This loket was opened by someone else.",
                             {"counter": "Loket 1"})


@pytest.mark.parametrize("action", ["close", "pause", "resume", "call next", "recall"])
def test_nothing_happens_at_a_closed_loket(hall, action):
    refused = refusal(actions(hall)[action], hall.staff, 1)
    assert told(refused) == (409, "counter_closed", "Open the loket first.", {"counter": "Loket 1"})


@pytest.mark.parametrize("action", ["close", "pause", "call next"])
@pytest.mark.parametrize(("status", "advice"), [
    (S.CALLED, "Start serving it or mark it no-show first."),
    (S.SERVING, "Finish or transfer it first."),
])
def test_a_loket_with_a_citizen_at_it_cannot_close_pause_or_call_another(hall, action, status, advice):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.issue("kk")
    hall.issue("kk")
    ticket = hall.call_next(1)
    if status is S.SERVING:
        hall.engine.ticket_action(hall.staff, ticket.id, S.SERVING)
    refused = refusal(actions(hall)[action], hall.staff, 1)
    assert told(refused) == (409, "ticket_in_progress", f"Ticket B-001 is still at this loket. {advice}",
                             {"code": "B-001", "status": status.value})
    assert state_of(loket(hall, 1))[:2] == ("open", "staff1")


# --- close, pause, resume ------------------------------------------------------------------------

@pytest.mark.parametrize("paused", [False, True])
def test_an_officer_closes_their_loket_open_or_paused(hall, paused):
    hall.engine.open_counter(hall.staff, 1, ["kk"])
    if paused:
        hall.engine.pause_counter(hall.staff, 1, "sholat")
    closed = hall.engine.close_counter(hall.staff, 1)
    assert (closed.state, closed.staff, closed.pause_reason, closed.current_ticket) == ("closed", None, None, None)


def test_a_loket_closes_once_its_citizen_is_served(hall):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.issue("kk")
    hall.serve_next(1)
    assert hall.engine.close_counter(hall.staff, 1).state == "closed"


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_a_manager_closes_pauses_and_resumes_an_officer_s_loket(hall, role):
    boss = hall.signed_in("boss", role)
    hall.engine.open_counter(hall.staff, 1, None)
    assert state_of(hall.engine.pause_counter(boss, 1, "rapat")) == ("paused", "staff1", ("ktp", "kk"), "rapat")
    assert state_of(hall.engine.resume_counter(boss, 1)) == ("open", "staff1", ("ktp", "kk"), None)
    assert hall.engine.close_counter(boss, 1, "pulang cepat").state == "closed"
    closed = hall.events()[-1][1]
    assert (closed["state"], closed["changed_by"], closed["previous_staff"], closed["reason"]) == (
        "closed", "boss", "staff1", "pulang cepat")


@pytest.mark.parametrize(("reason", "shown"), [("sholat", "sholat"), ("", "istirahat")])
def test_a_paused_loket_shows_its_reason_or_a_rest(hall, reason, shown):
    hall.engine.open_counter(hall.staff, 1, None)
    assert state_of(hall.engine.pause_counter(hall.staff, 1, reason)) == ("paused", "staff1", ("ktp", "kk"), shown)


def test_a_paused_loket_cannot_pause_again(hall):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.pause_counter(hall.staff, 1, "sholat")
    refused = refusal(hall.engine.pause_counter, hall.staff, 1, "lagi")
    assert told(refused) == (409, "counter_paused", "Only an open loket can pause.", {"state": "paused"})
    assert loket(hall, 1).pause_reason == "sholat"


def test_an_open_loket_cannot_resume(hall):
    hall.engine.open_counter(hall.staff, 1, None)
    refused = refusal(hall.engine.resume_counter, hall.staff, 1)
    assert told(refused) == (409, "counter_not_paused", "This loket is not paused.", {"state": "open"})


def test_a_paused_loket_calls_nobody_until_it_resumes(hall):
    hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.pause_counter(hall.staff, 1, "")
    refused = refusal(hall.engine.call_next, hall.staff, 1)
    assert told(refused) == (409, "counter_paused", "Open or resume the loket first.", {"state": "paused"})
    hall.engine.resume_counter(hall.staff, 1)
    assert hall.call_next(1).code == "B-001"


def test_each_change_of_a_loket_tells_the_boards_its_state(hall):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.issue("kk")
    before = len(hall.events())
    hall.engine.pause_counter(hall.staff, 1, "")
    hall.engine.resume_counter(hall.staff, 1)
    hall.call_next(1)
    states = [(data["state"], data["pause_reason"], data["current_code"])
              for kind, data in hall.events()[before:] if kind == "counter.state"]
    assert states == [("paused", "istirahat", None), ("open", None, None), ("open", None, "B-001")]


# --- calling the next citizen --------------------------------------------------------------------

def test_an_empty_queue_calls_nobody(hall):
    hall.engine.open_counter(hall.staff, 3, None)
    hall.issue("kk")
    refused = refusal(hall.engine.call_next, hall.staff, 3)
    assert told(refused) == (409, "queue_empty", "Nobody is waiting for this loket.", {})


def test_citizens_are_called_first_come_first_served(hall):
    """GIVEN tickets of both the loket's services issued one after another, some at the same
    second, THEN they are called in the order they were issued."""
    hall.engine.open_counter(hall.staff, 1, None)
    for service, minutes in (("kk", 0), ("ktp", 1), ("kk", 0), ("ktp", 2), ("kk", 0)):
        hall.clock.advance(minutes=minutes)
        hall.issue(service)
    assert [hall.serve_next(1) for _ in range(5)] == ["B-001", "A-001", "B-002", "A-002", "B-003"]


def test_a_loket_calls_only_the_services_it_was_opened_for(hall):
    hall.issue("ktp")
    hall.issue("kk")
    hall.issue("paspor")
    hall.engine.open_counter(hall.staff, 1, ["kk"])
    assert hall.serve_next(1) == "B-001"
    assert refusal(hall.engine.call_next, hall.staff, 1).code == "queue_empty"


def test_a_called_citizen_is_at_the_loket_with_the_officer_s_name(hall):
    """The call sets the ticket called at this loket, served by this officer, and the wait ends
    then: called 12 minutes after issue, the day's mean wait is 12 minutes."""
    hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.clock.advance(minutes=12)
    before = len(hall.events())
    at = hall.engine.call_next(hall.staff, 1)
    assert at.current_ticket is not None
    ticket = at.current_ticket
    assert (ticket.code, ticket.status, ticket.counter) == ("B-001", "called", CounterRef(id=1, name="Loket 1"))
    assert hall.engine.counter_queue(hall.staff, 1).served_today == {"called": 1}
    kk = next(s for s in hall.engine.daily_report(None).services if s.service_id == "kk")
    assert kk.mean_wait_minutes == 12.0
    called = [data for kind, data in hall.events()[before:] if kind == "ticket.called"]
    assert [(d["code"], d["status"], d["counter"]) for d in called] == [
        ("B-001", "called", {"id": 1, "name": "Loket 1"})]


def test_under_priority_first_a_priority_citizen_is_called_before_those_who_came_earlier(hall):
    hall.issue("kk")
    hall.issue("kk")
    hall.issue("kk", priority="ibu_hamil")
    hall.engine.open_counter(hall.staff, 1, None)
    assert [hall.serve_next(1) for _ in range(3)] == ["B-003", "B-001", "B-002"]


@pytest.mark.parametrize(("ratio", "order"), [
    # Four regular then two priority tickets waiting: `ratio` regular calls, then a priority one.
    (1, ["B-001", "B-005", "B-002", "B-006", "B-003", "B-004"]),
    (2, ["B-001", "B-002", "B-005", "B-003", "B-004", "B-006"]),
    (3, ["B-001", "B-002", "B-003", "B-005", "B-004", "B-006"]),
])
def test_under_interleave_a_priority_citizen_comes_after_ratio_regular_ones(make_hall, catalog_with, ratio, order):
    hall = make_hall(wib(2026, 11, 23, 9, 0),
                     catalog=catalog_with(priority_policy="interleave", priority_ratio=ratio))
    for prio in (None, None, None, None, "lansia", "anak"):
        hall.issue("kk", priority=prio)
    hall.engine.open_counter(hall.staff, 1, None)
    assert [hall.serve_next(1) for _ in range(6)] == order


def test_under_interleave_priority_citizens_who_came_first_still_wait_their_turn(make_hall, catalog_with):
    """Ratio 2, B-001 (lansia) came first: two regular calls, then B-001, one more regular, and the
    last priority citizen once no regular one waits."""
    hall = make_hall(wib(2026, 11, 23, 9, 0), catalog=catalog_with(priority_policy="interleave", priority_ratio=2))
    for prio in ("lansia", None, None, None, "anak"):
        hall.issue("kk", priority=prio)
    hall.engine.open_counter(hall.staff, 1, None)
    assert [hall.serve_next(1) for _ in range(5)] == ["B-002", "B-003", "B-001", "B-004", "B-005"]


def test_the_interleave_count_is_kept_per_loket(make_hall, catalog_with):
    """Two regular calls at loket 1 do not make loket 2's next call a priority one."""
    hall = make_hall(wib(2026, 11, 23, 9, 0), catalog=catalog_with(priority_policy="interleave", priority_ratio=2))
    for prio in (None, None, None, "lansia"):
        hall.issue("kk", priority=prio)
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    assert [hall.serve_next(1), hall.serve_next(1), hall.serve_next(2, hall.staff2)] == ["B-001", "B-002", "B-003"]
    assert hall.serve_next(1) == "B-004"


# --- recall --------------------------------------------------------------------------------------

def test_a_called_citizen_may_be_called_again_and_each_recall_is_counted(hall):
    hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.call_next(1)
    before = len(hall.events())
    first = hall.engine.recall(hall.staff, 1)
    second = hall.engine.recall(hall.signed_in("boss", Role.SUPERVISOR), 1)
    assert first.current_ticket is not None and second.current_ticket is not None
    assert (first.current_ticket.recalls, second.current_ticket.recalls) == (1, 2)
    recalled = [(d["code"], d["recalls"], d["counter"]) for kind, d in hall.events()[before:]
                if kind == "ticket.recalled"]
    assert recalled == [("B-001", 1, {"id": 1, "name": "Loket 1"}), ("B-001", 2, {"id": 1, "name": "Loket 1"})]


@pytest.mark.parametrize("holding", ["nothing", "serving", "done"])
def test_only_a_called_citizen_can_be_recalled(hall, holding):
    hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    if holding != "nothing":
        ticket = hall.call_next(1)
        hall.engine.ticket_action(hall.staff, ticket.id, S.SERVING)
        if holding == "done":
            hall.engine.ticket_action(hall.staff, ticket.id, S.DONE)
    refused = refusal(hall.engine.recall, hall.staff, 1)
    assert told(refused) == (409, "nothing_to_recall", "There is no called ticket at this loket.", {})


# --- the loket's queue and the lokets' list ------------------------------------------------------

def test_a_loket_sees_its_waiting_citizens_in_calling_order(hall):
    """Priority first, then first come; only the loket's services; the called ticket is no longer
    waiting; each service with its count of citizens waiting."""
    hall.issue("kk")                       # B-001
    hall.clock.advance(minutes=1)
    hall.issue("ktp")
    hall.issue("kk")                       # B-002
    hall.issue("paspor")                   # another loket's
    hall.clock.advance(minutes=1)
    hall.issue("ktp", priority="lansia")   # A-002, called below
    hall.issue("kk", priority="anak")      # B-003
    hall.engine.open_counter(hall.staff, 1, None)
    assert hall.call_next(1).code == "A-002"
    queue = hall.engine.counter_queue(hall.staff, 1)
    assert (queue.counter.id, queue.counter.name) == (1, "Loket 1")
    assert [(t.code, t.service_id, t.priority, t.transferred) for t in queue.waiting] == [
        ("B-003", "kk", "anak", False), ("B-001", "kk", None, False), ("A-001", "ktp", None, False),
        ("B-002", "kk", None, False)]
    assert [(s.id, s.name, s.prefix, s.waiting, s.active) for s in queue.services] == [
        ("ktp", "KTP Elektronik", "A", 1, True), ("kk", "Kartu Keluarga", "B", 3, True)]


def test_a_loket_opened_for_some_services_lists_only_their_citizens(hall):
    hall.issue("ktp")
    hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, ["kk"])
    queue = hall.engine.counter_queue(hall.staff, 1)
    assert [t.code for t in queue.waiting] == ["B-001"]
    assert [(s.id, s.waiting, s.active) for s in queue.services] == [("ktp", 1, False), ("kk", 1, True)]


def test_a_loket_s_list_shows_its_first_citizens_up_to_the_limit(hall):
    for _ in range(4):
        hall.issue("kk")
    queue = hall.engine.counter_queue(hall.staff, 2, 3)
    assert [t.code for t in queue.waiting] == ["B-001", "B-002", "B-003"]
    assert [(s.id, s.waiting) for s in queue.services] == [("ktp", 0), ("kk", 4)]
    assert len(hall.engine.counter_queue(hall.staff, 2).waiting) == 4


def test_a_transferred_citizen_is_marked_in_the_list(hall):
    hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, ["ktp"])
    ticket = hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket.id, S.SERVING)
    hall.engine.ticket_action(hall.staff, ticket.id, S.TRANSFERRED, "kk")
    waiting = hall.engine.counter_queue(hall.staff, 2).waiting
    assert [(t.code, t.service_id, t.transferred) for t in waiting] == [("A-001", "kk", True)]


def test_an_officer_sees_what_they_served_today_by_outcome(hall):
    """staff1: two done, one no-show, one called now; staff2's citizen is not staff1's."""
    for _ in range(5):
        hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.serve_next(1)
    hall.serve_next(2, hall.staff2)
    hall.serve_next(1)
    missed = hall.call_next(1)
    hall.engine.ticket_action(hall.staff, missed.id, S.NO_SHOW)
    hall.call_next(1)
    assert hall.engine.counter_queue(hall.staff, 1).served_today == {"done": 2, "no_show": 1, "called": 1}
    assert hall.engine.counter_queue(hall.staff2, 2).served_today == {"done": 1}


def test_what_an_officer_served_yesterday_is_not_today_s(hall):
    hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.serve_next(1)
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    assert hall.engine.counter_queue(hall.staff, 1).served_today == {}


def test_after_a_morning_restart_a_loket_lists_and_calls_only_today_s_citizens(hall_dir):
    """GIVEN Monday's B-001 still waiting when the server stopped, WHEN it starts again on Tuesday
    at 08.00 (a first reading: earlier days expire only once the new day has held), THEN loket 1
    lists and calls Tuesday's B-001, not Monday's."""
    with engine_hall(hall_dir, clock=SettableClock(wib(2026, 11, 23, 14, 0))) as monday:
        monday.issue("kk")
    with engine_hall(hall_dir, clock=SettableClock(wib(2026, 11, 24, 8, 0))) as tuesday:
        today = tuesday.issue("kk")
        assert [t.id for t in tuesday.engine.counter_queue(tuesday.staff, 1).waiting] == [today["id"]]
        tuesday.engine.open_counter(tuesday.staff, 1, None)
        assert tuesday.call_next(1).id == today["id"]


def test_the_lokets_are_listed_in_number_order(hall):
    assert [(c.id, c.name, c.state) for c in hall.engine.list_counters()] == [
        (1, "Loket 1", "closed"), (2, "Loket 2", "closed"), (3, "Loket 3", "closed")]
    hall.engine.open_counter(hall.staff, 2, None)
    assert [c.state for c in hall.engine.list_counters()] == ["closed", "open", "closed"]
