"""What is done with a ticket at engine level: every action from every state by the officer of the
loket holding it, by an officer at another loket and by a supervisor; the transfer's targets; what
the loket holds afterwards; and the events the boards are told.

The decided rule for cancelling (issue 18): a WAITING ticket is cancelled by a supervisor or admin
only (the citizen left; it is at nobody's loket); a CALLED ticket by the officer of the loket holding
it or a manager; a SERVING ticket by nobody: once service began it ends done or transferred, so a
served citizen never disappears from the figures."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.models import TicketStatus
from server.auth import Principal, Role
from server.db import tickets
from server.errors import ApiError
from tests.support.engine import EngineHall

S = TicketStatus
TARGETS = (S.SERVING, S.DONE, S.NO_SHOW, S.CANCELLED, S.TRANSFERRED)
NOT_AT = "not at your loket"      # 403 ticket_not_at_your_counter: the officer has no say over it
LOST = "no longer at your loket"  # 409 ticket_not_at_your_counter: the officer had it, the loket let go
NO = "invalid transition"         # 409 invalid_transition

# What each action makes of a ticket in each state; a transfer puts it back to waiting in kk.
#                 start       finish   no-show    cancel       transfer to kk
AT_THE_LOKET = {
    "waiting":   (NOT_AT,     NOT_AT,  NOT_AT,    NOT_AT,      NOT_AT),
    "called":    ("serving",  NO,      "no_show", "cancelled", NO),
    "serving":   (NO,         "done",  NO,        NO,          "waiting"),
    "done":      (LOST,       LOST,    LOST,      LOST,        LOST),
    "no_show":   (LOST,       LOST,    LOST,      LOST,        LOST),
    "cancelled": (LOST,       LOST,    LOST,      LOST,        LOST),
}
AT_ANOTHER_LOKET = dict.fromkeys(AT_THE_LOKET, (NOT_AT,) * 5)
MANAGER = {
    "waiting":   (NO,         NO,      NO,        "cancelled", NO),
    "called":    ("serving",  NO,      "no_show", "cancelled", NO),
    "serving":   (NO,         "done",  NO,        NO,          "waiting"),
    "done":      (NO,         NO,      NO,        NO,          NO),
    "no_show":   (NO,         NO,      NO,        NO,          NO),
    "cancelled": (NO,         NO,      NO,        NO,          NO),
}


def a_ticket(hall: EngineHall, state: str) -> int:
    """ktp's A-001 in ``state``, brought there by staff1 at loket 1 (opened for ktp only), with
    staff2 at loket 2."""
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, ["ktp"])
    hall.engine.open_counter(hall.staff2, 2, None)
    steps = {"waiting": [], "called": [], "serving": [S.SERVING], "done": [S.SERVING, S.DONE],
             "no_show": [S.NO_SHOW], "cancelled": [S.CANCELLED]}[state]
    if state != "waiting":
        hall.call_next(1)
    for step in steps:
        hall.engine.ticket_action(hall.staff, ticket["id"], step)
    return int(ticket["id"])


def outcome(hall: EngineHall, who: Principal, ticket_id: int, target: TicketStatus) -> str:
    try:
        after = hall.engine.ticket_action(who, ticket_id, target, "kk" if target is S.TRANSFERRED else None)
    except ApiError as refused:
        kind = {(403, "ticket_not_at_your_counter"): NOT_AT, (409, "ticket_not_at_your_counter"): LOST,
                (409, "invalid_transition"): NO}[(refused.status, refused.code)]
        if kind == NO:
            assert refused.message == f"A {refused.params['from']} ticket cannot become {target.value}."
            assert refused.params["to"] == target.value
        else:
            assert refused.message == "This ticket is not at your loket."
        return kind
    return str(after["status"])


REFUSED = (NOT_AT, LOST, NO)
RULES = {"officer_of_the_loket": AT_THE_LOKET, "officer_at_another_loket": AT_ANOTHER_LOKET, "supervisor": MANAGER}


def person(hall: EngineHall, who: str) -> Principal:
    return {"officer_of_the_loket": hall.staff, "officer_at_another_loket": hall.staff2}.get(who) \
        or hall.signed_in("boss", Role.SUPERVISOR)


@pytest.mark.parametrize(("who", "state", "target", "expected"), [
    (who, state, target, result) for who, rule in RULES.items() for state, results in rule.items()
    for target, result in zip(TARGETS, results, strict=True) if result not in REFUSED])
def test_an_action_the_rules_allow_moves_the_ticket(hall, who, state, target, expected):
    ticket_id = a_ticket(hall, state)
    assert outcome(hall, person(hall, who), ticket_id, target) == expected
    assert hall.engine.ticket_by_id(ticket_id)["status"] == expected


@pytest.mark.parametrize(("who", "state"), [(who, state) for who, rule in RULES.items() for state in rule])
def test_every_action_the_rules_refuse_is_refused_with_its_reason_and_changes_nothing(hall, who, state):
    """One ticket in ``state`` is tried with every action its row of the table refuses, in turn."""
    ticket_id = a_ticket(hall, state)
    actor = person(hall, who)
    refused = {target: result for target, result in zip(TARGETS, RULES[who][state], strict=True)
               if result in REFUSED}
    assert {target: outcome(hall, actor, ticket_id, target) for target in refused} == refused
    assert hall.engine.ticket_by_id(ticket_id)["status"] == state


@pytest.mark.parametrize(("state", "expected"), [("waiting", "cancelled"), ("called", "cancelled"),
                                                 ("serving", NO)])
def test_an_admin_cancels_as_a_supervisor_does(hall, state, expected):
    ticket_id = a_ticket(hall, state)
    assert outcome(hall, hall.signed_in("root", Role.ADMIN), ticket_id, S.CANCELLED) == expected


def test_an_action_on_no_ticket_is_not_found(hall):
    for ticket_id in (0, 4242):
        with pytest.raises(ApiError) as refused:
            hall.engine.ticket_action(hall.staff, ticket_id, S.SERVING)
        assert (refused.value.status, refused.value.code) == (404, "ticket_not_found")


def test_an_action_changes_only_its_own_ticket(hall):
    """Two citizens called at lokets 1 and 2: staff1 starting theirs leaves staff2's called."""
    mine = a_ticket(hall, "called")
    hall.issue("kk")
    theirs = hall.call_next(2, hall.staff2)
    hall.engine.ticket_action(hall.staff, mine, S.SERVING)
    assert hall.engine.ticket_by_id(theirs.id)["status"] == "called"


# --- what the loket holds afterwards -------------------------------------------------------------

@pytest.mark.parametrize(("steps", "held"), [
    ([S.SERVING], "A-001"),
    ([S.NO_SHOW], None),
    ([S.CANCELLED], None),
    ([S.SERVING, S.DONE], None),
    ([S.SERVING, S.TRANSFERRED], None),
])
def test_a_loket_keeps_its_citizen_until_the_ticket_ends_there(hall, steps, held):
    ticket_id = a_ticket(hall, "called")
    for step in steps:
        hall.engine.ticket_action(hall.staff, ticket_id, step, "kk" if step is S.TRANSFERRED else None)
    current = hall.engine.list_counters()[0].current_ticket
    assert (current.code if current else None) == held


def test_a_supervisor_s_cancel_of_a_called_ticket_frees_its_loket_for_the_next_call(hall):
    ticket_id = a_ticket(hall, "called")
    hall.issue("ktp")
    hall.engine.ticket_action(hall.signed_in("boss", Role.SUPERVISOR), ticket_id, S.CANCELLED)
    assert hall.engine.list_counters()[0].current_ticket is None
    assert hall.call_next(1).code == "A-002"


# --- the transfer --------------------------------------------------------------------------------

@pytest.mark.parametrize(("target", "message", "params"), [
    (None, "Choose an active service to transfer to.", {"service_id": None}),
    ("", "Choose an active service to transfer to.", {"service_id": ""}),
    ("sim", "Choose an active service to transfer to.", {"service_id": "sim"}),
    ("akta", "Choose an active service to transfer to.", {"service_id": "akta"}),   # inactive
    ("ktp", "The ticket is already in that service.", {}),
])
def test_a_ticket_is_transferred_only_to_another_active_service(hall, target, message, params):
    ticket_id = a_ticket(hall, "serving")
    with pytest.raises(ApiError) as refused:
        hall.engine.ticket_action(hall.staff, ticket_id, S.TRANSFERRED, target)
    assert (refused.value.status, refused.value.code, refused.value.message, refused.value.params) == (
        422, "invalid_transfer_target", message, params)
    assert hall.engine.list_counters()[0].current_ticket is not None


def test_a_transferred_citizen_keeps_their_code_and_waits_behind_those_already_waiting(hall):
    """GIVEN B-001 waiting for kk since before the transfer, WHEN A-001 is transferred to kk,
    THEN A-001 waits in kk at no loket, marked transferred, and loket 2 calls B-001 first; a ticket
    issued after the transfer comes after it."""
    hall.issue("kk")
    ticket_id = a_ticket(hall, "serving")
    hall.clock.advance(minutes=5)
    moved = hall.engine.ticket_action(hall.staff, ticket_id, S.TRANSFERRED, "paspor")
    assert {k: moved[k] for k in ("code", "status", "service_id", "counter", "transferred")} == {
        "code": "A-001", "status": "waiting", "service_id": "paspor", "counter": None, "transferred": True}
    hall.issue("paspor")
    hall.engine.open_counter(hall.staff2, 3, None)
    assert [hall.serve_next(3, hall.staff2) for _ in range(2)] == ["A-001", "B2-001"]


def test_a_transfer_queues_the_citizen_at_the_moment_of_the_transfer(hall):
    """B-002 was issued before A-001's transfer to kk, B-003 after: the transfer waits between."""
    ticket_id = a_ticket(hall, "serving")
    hall.clock.advance(minutes=1)
    hall.issue("kk")
    hall.clock.advance(minutes=1)
    hall.engine.ticket_action(hall.staff, ticket_id, S.TRANSFERRED, "kk")
    hall.clock.advance(minutes=1)
    hall.issue("kk")
    assert [t.code for t in hall.engine.counter_queue(hall.staff2, 2).waiting] == ["B-001", "A-001", "B-002"]


def test_a_transfer_counts_each_time_and_a_transferred_ticket_is_served_like_any(hall):
    ticket_id = a_ticket(hall, "serving")
    hall.engine.ticket_action(hall.staff, ticket_id, S.TRANSFERRED, "kk")
    assert hall.serve_next(2, hall.staff2) == "A-001"
    with hall.services.db.read() as conn:
        assert conn.execute(select(tickets.c.transfers).where(tickets.c.id == ticket_id)).scalar() == 1
    report = {s.service_id: s for s in hall.engine.daily_report(None).services}
    assert (report["ktp"].issued, report["ktp"].transferred, report["ktp"].done) == (1, 1, 0)
    assert (report["kk"].issued, report["kk"].transferred_in, report["kk"].received.done) == (0, 1, 1)


def test_a_transferred_ticket_waiting_again_has_no_wait_measured_yet(hall):
    """Its first wait ended when it was called; its second has not: the day's mean wait for kk
    is unknown until kk calls it."""
    ticket_id = a_ticket(hall, "serving")
    hall.clock.advance(minutes=10)
    hall.engine.ticket_action(hall.staff, ticket_id, S.TRANSFERRED, "kk")
    kk = next(s for s in hall.engine.daily_report(None).services if s.service_id == "kk")
    assert (kk.received.waiting, kk.mean_wait_minutes) == (1, None)
    moved = hall.engine.ticket_by_id(ticket_id)
    assert (moved["called_at"], moved["started_at"]) == (None, None)  # no loket's timer runs for it yet


# --- times and figures ---------------------------------------------------------------------------

def test_service_time_runs_from_start_to_finish(hall):
    """Called at 09.00, started at 09.05, finished at 09.20: the day's mean service time is 15
    minutes and the loket served one."""
    ticket_id = a_ticket(hall, "called")
    hall.clock.advance(minutes=5)
    hall.engine.ticket_action(hall.staff, ticket_id, S.SERVING)
    hall.clock.advance(minutes=15)
    hall.engine.ticket_action(hall.staff, ticket_id, S.DONE)
    report = hall.engine.daily_report(None)
    ktp = next(s for s in report.services if s.service_id == "ktp")
    assert (ktp.done, ktp.mean_service_minutes) == (1, 15.0)
    assert [(loket.id, loket.served) for loket in report.lokets if loket.served] == [(1, 1)]


@pytest.mark.parametrize(("steps", "ended"), [
    ([S.SERVING, S.DONE], True), ([S.NO_SHOW], True), ([S.CANCELLED], True), ([S.SERVING], False),
])
def test_the_ticket_records_when_it_ended(hall, steps, ended):
    ticket_id = a_ticket(hall, "called")
    hall.clock.advance(minutes=7)
    for step in steps:
        hall.engine.ticket_action(hall.staff, ticket_id, step)
    with hall.services.db.read() as conn:
        finished = conn.execute(select(tickets.c.finished_at).where(tickets.c.id == ticket_id)).scalar()
    assert finished == (hall.clock.now() if ended else None)


def test_a_finished_citizen_changes_the_estimate_at_once(hall):
    """kk's catalog mean is 6 minutes; once three citizens took 20 minutes each, the next look at a
    waiting ticket estimates with 20, without waiting for the figure to be read again."""
    for _ in range(5):
        hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, ["kk"])
    last = hall.engine.lookup("B-005", None)
    assert (last["people_ahead"], last["eta_minutes"]) == (4, 24)
    for _ in range(3):
        ticket = hall.call_next(1)
        hall.engine.ticket_action(hall.staff, ticket.id, S.SERVING)
        hall.engine.lookup("B-005", None)   # the citizen looks at the estimate meanwhile
        hall.clock.advance(minutes=20)
        hall.engine.ticket_action(hall.staff, ticket.id, S.DONE)
    last = hall.engine.lookup("B-005", None)
    assert (last["people_ahead"], last["eta_minutes"]) == (1, 20)


# --- what the boards are told --------------------------------------------------------------------

def events_since(hall: EngineHall, before: int) -> list[tuple[str, dict[str, Any]]]:
    return hall.events()[before:]


def test_an_action_at_a_loket_tells_the_ticket_s_new_state_and_the_loket_s(hall):
    ticket_id = a_ticket(hall, "called")
    before = len(hall.events())
    hall.engine.ticket_action(hall.staff, ticket_id, S.SERVING)
    hall.engine.ticket_action(hall.staff, ticket_id, S.DONE)
    told = [(kind, data.get("status") or data.get("state"), data.get("current_code"), data.get("counter"))
            for kind, data in events_since(hall, before)]
    loket_1 = {"id": 1, "name": "Loket 1"}
    assert told == [("ticket.status", "serving", None, loket_1), ("counter.state", "open", "A-001", loket_1),
                    ("ticket.status", "done", None, loket_1), ("counter.state", "open", None, loket_1)]


def test_a_transfer_tells_where_the_ticket_came_from(hall):
    ticket_id = a_ticket(hall, "serving")
    before = len(hall.events())
    hall.engine.ticket_action(hall.staff, ticket_id, S.TRANSFERRED, "kk")
    (kind, data), (loket_kind, loket_data) = events_since(hall, before)
    assert (kind, data["code"], data["status"], data["service_id"], data["transferred_from"],
            data["status_change"], data["counter"]) == (
        "ticket.status", "A-001", "waiting", "kk", "ktp", "transferred", {"id": 1, "name": "Loket 1"})
    assert (loket_kind, loket_data["current_code"]) == ("counter.state", None)


def test_cancelling_a_waiting_ticket_tells_only_the_ticket_s_state(hall):
    ticket_id = a_ticket(hall, "waiting")
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    before = len(hall.events())
    hall.engine.ticket_action(boss, ticket_id, S.CANCELLED)
    assert [(kind, data["status"], data["counter"]) for kind, data in events_since(hall, before)] == [
        ("ticket.status", "cancelled", None)]
