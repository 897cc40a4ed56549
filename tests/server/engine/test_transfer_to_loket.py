"""A transfer to a named loket, at engine level (issue 14, item 4).

The decided rule: a ticket sent to a named loket waits in its new service's queue by its queued
time, as any transfer, but only that loket calls it while it is open (or paused: its officer comes
back). When that loket closes (by its officer or a supervisor), is opened again without that
service, or leaves the catalog, the ticket goes back to the service's general queue, where any
loket of the service calls it in its place; nobody can be left waiting for a loket that is gone.
A note for the receiving officer travels with it to staff only."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
import tomli_w
from sqlalchemy import select, text

from core.models import TicketStatus
from server.auth import Role
from server.catalog import load_catalog_file
from server.db import tickets
from server.errors import ApiError
from server.events import as_seen_by_a_device, events_after
from tests.support.engine import EngineHall
from tests.support.server import TEST_CATALOG

S = TicketStatus
NOTE = "Berkas KK sudah dicek, tinggal tanda tangan"


def sent_to(hall: EngineHall, loket: int | None, note: str | None = NOTE) -> int:
    """ktp's A-001, served at loket 1 (staff1) and transferred to kk, sent to ``loket``; loket 2
    (staff2) is open for ktp and kk; B-001 (kk) is taken after the transfer."""
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    hall.clock.advance(seconds=30)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.TRANSFERRED, "kk", loket, note)
    hall.clock.advance(seconds=30)
    hall.issue("kk")
    return int(ticket["id"])


def row_of(hall: EngineHall, ticket_id: int) -> Any:
    with hall.services.db.read() as conn:
        return conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one()


def refusal(fn: Any, *args: Any) -> tuple[int, str]:
    with pytest.raises(ApiError) as refused:
        fn(*args)
    return refused.value.status, refused.value.code


# --- who calls it ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("loket", "caller", "called"), [
    (2, 1, "B-001"),     # sent to loket 2: loket 1 passes it by, though it queued first
    (2, 2, "A-001"),     # loket 2 calls it in its place, by its queued time
    (None, 1, "A-001"),  # sent to any loket: first come, first called, as before
    (None, 2, "A-001"),
])
def test_a_ticket_sent_to_a_loket_is_called_by_that_loket_only(hall, loket, caller, called):
    sent_to(hall, loket)
    who = hall.staff if caller == 1 else hall.staff2
    assert hall.call_next(caller, who).code == called


def test_no_other_loket_can_call_a_ticket_sent_to_a_loket(hall):
    ticket_id = sent_to(hall, 2)
    b = hall.call_next(1)
    assert b.code == "B-001"
    for step in (S.SERVING, S.DONE):
        hall.engine.ticket_action(hall.staff, b.id, step)
    assert refusal(hall.engine.call_next, hall.staff, 1) == (409, "queue_empty")
    assert [t.code for t in hall.engine.counter_queue(hall.staff, 1).waiting] == []
    assert [t.code for t in hall.engine.counter_queue(hall.staff2, 2).waiting] == ["A-001"]
    assert row_of(hall, ticket_id).status == "waiting"


def test_a_paused_loket_keeps_the_tickets_sent_to_it(hall):
    """A pause is not for good: the officer comes back and calls it."""
    ticket_id = sent_to(hall, 2)
    hall.engine.pause_counter(hall.staff2, 2, "sholat")
    assert hall.call_next(1).code == "B-001"
    assert row_of(hall, ticket_id).target_counter_id == 2
    hall.engine.resume_counter(hall.staff2, 2)
    assert hall.call_next(2, hall.staff2).code == "A-001"


# --- when its loket is gone -----------------------------------------------------------------------

def close_by_officer(hall: EngineHall) -> None:
    hall.engine.close_counter(hall.staff2, 2)


def close_by_supervisor(hall: EngineHall) -> None:
    hall.engine.close_counter(hall.signed_in("boss", Role.SUPERVISOR), 2, "sakit")


def stop_serving_kk(hall: EngineHall) -> None:
    hall.engine.open_counter(hall.staff2, 2, ["ktp"])


def catalog_without(hall: EngineHall, tmp_path: Any, change: str) -> None:
    doc = tomllib.loads(TEST_CATALOG.read_text())
    if change == "loket gone":
        doc["lokets"] = [loket for loket in doc["lokets"] if loket["id"] != 2]
    else:
        next(loket for loket in doc["lokets"] if loket["id"] == 2)["services"] = ["ktp"]
    path = tmp_path / "catalog.toml"
    path.write_text(tomli_w.dumps(doc))
    hall.engine.import_catalog(load_catalog_file(path), str(path))


@pytest.mark.parametrize("let_go", ["closed by its officer", "closed by a supervisor", "no longer serves kk",
                                    "loket gone", "kk gone from the loket"])
def test_a_ticket_goes_back_to_the_general_queue_when_its_loket_lets_go(hall, tmp_path, let_go):
    ticket_id = sent_to(hall, 2)
    changes = {"closed by its officer": close_by_officer, "closed by a supervisor": close_by_supervisor,
               "no longer serves kk": stop_serving_kk}
    if let_go in changes:
        changes[let_go](hall)
    else:
        catalog_without(hall, tmp_path, let_go)
    row = row_of(hall, ticket_id)
    assert (row.status, row.service_id, row.target_counter_id, row.transfer_note) == ("waiting", "kk", None, NOTE)
    assert hall.call_next(1).code == "A-001"   # in its place, ahead of B-001 taken after it
    released = [d for t, d in hall.events() if t == "ticket.status" and d.get("released_from")]
    assert [(d["code"], d["released_from"]) for d in released] == [("A-001", {"id": 2, "name": "Loket 2"})]


def test_a_loket_opened_again_with_the_service_keeps_the_tickets_sent_to_it(hall):
    ticket_id = sent_to(hall, 2)
    hall.engine.open_counter(hall.staff2, 2, ["kk"])
    assert row_of(hall, ticket_id).target_counter_id == 2
    assert [d for t, d in hall.events() if t == "ticket.status" and d.get("released_from")] == []


def test_a_missed_ticket_of_a_closed_loket_comes_back_to_any_loket(hall):
    """Called there and missed, then the loket closed: the late citizen's ticket is not bound to it."""
    ticket_id = sent_to(hall, 2)
    assert hall.call_next(2, hall.staff2).code == "A-001"
    hall.clock.advance(minutes=5)
    hall.engine.ticket_action(hall.staff2, ticket_id, S.NO_SHOW)
    hall.engine.close_counter(hall.staff2, 2)
    hall.engine.ticket_action(hall.signed_in("boss", Role.SUPERVISOR), ticket_id, S.WAITING)
    assert hall.call_next(1).code == "A-001"


def test_closing_a_loket_releases_only_the_tickets_sent_to_it(hall):
    first = sent_to(hall, 2)
    second = hall.call_next(1)
    assert second.code == "B-001"
    hall.engine.ticket_action(hall.staff, second.id, S.SERVING)
    hall.engine.ticket_action(hall.staff, second.id, S.TRANSFERRED, "ktp", 1, None)
    hall.engine.close_counter(hall.staff2, 2)
    assert (row_of(hall, first).target_counter_id, row_of(hall, second.id).target_counter_id) == (None, 1)


# --- refusals change nothing ----------------------------------------------------------------------

@pytest.mark.parametrize(("loket", "before", "expected"), [
    (99, None, (422, "transfer_loket_not_found")),
    (0, None, (422, "transfer_loket_not_found")),
    (3, None, (409, "transfer_loket_not_serving")),         # loket 3 serves paspor only
    (2, "close", (409, "transfer_loket_not_open")),
    (2, "ktp only", (409, "transfer_loket_not_serving")),   # it could serve kk, but not since it opened
])
def test_a_transfer_to_a_loket_that_cannot_call_it_is_refused_and_changes_nothing(hall, loket, before, expected):
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.engine.open_counter(hall.signed_in("staff3", Role.STAFF), 3, None)
    if before == "close":
        hall.engine.close_counter(hall.staff2, 2)
    elif before == "ktp only":
        hall.engine.open_counter(hall.staff2, 2, ["ktp"])
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    events_before = hall.events()
    assert refusal(hall.engine.ticket_action, hall.staff, ticket["id"], S.TRANSFERRED, "kk", loket, NOTE) == expected
    row = row_of(hall, ticket["id"])
    assert (row.status, row.service_id, row.target_counter_id, row.transfer_note, row.counter_id) == (
        "serving", "ktp", None, None, 1)
    assert hall.events() == events_before
    assert hall.audit() == []
    assert hall.engine.list_counters()[0].current_ticket.code == "A-001"


@pytest.mark.parametrize(("loket", "before", "message", "params"), [
    (99, None, "There is no such loket.", {"counter_id": 99}),
    (2, "loket gone", "There is no such loket.", {"counter_id": 2}),
    (2, "close", "That loket is closed: send the ticket to any loket.", {"counter": "Loket 2", "counter_id": 2}),
    (3, "open 3", "That loket does not serve this service now.",
     {"counter": "Loket 3", "counter_id": 3, "service_id": "kk"}),
])
def test_a_refused_transfer_names_the_loket_and_says_why(hall, tmp_path, loket, before, message, params):
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    if before == "open 3":
        hall.engine.open_counter(hall.signed_in("staff3", Role.STAFF), 3, None)
    elif before == "close":
        hall.engine.close_counter(hall.staff2, 2)
    elif before == "loket gone":
        catalog_without(hall, tmp_path, "loket gone")
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    with pytest.raises(ApiError) as refused:
        hall.engine.ticket_action(hall.staff, ticket["id"], S.TRANSFERRED, "kk", loket, NOTE)
    assert (refused.value.message, refused.value.params) == (message, params)


def test_a_ticket_may_be_sent_to_the_sending_loket_itself_for_another_service(hall):
    ticket_id = sent_to(hall, 1)
    assert hall.call_next(2, hall.staff2).code == "B-001"
    assert hall.call_next(1).code == "A-001"
    assert row_of(hall, ticket_id).counter_id == 1


# --- the note and the audit -----------------------------------------------------------------------

def test_the_transfer_event_says_who_sent_it_from_where_to_which_loket_with_what_note(hall):
    sent_to(hall, 2)
    told = [d for t, d in hall.events() if t == "ticket.status" and d.get("status_change") == "transferred"]
    assert [{k: d[k] for k in ("code", "by", "transferred_from", "service_id", "counter", "target_counter",
                                "note")} for d in told] == [
        {"code": "A-001", "by": "staff1", "transferred_from": "ktp", "service_id": "kk",
         "counter": {"id": 1, "name": "Loket 1"}, "target_counter": {"id": 2, "name": "Loket 2"}, "note": NOTE}]


def test_a_transfer_is_audited_with_the_loket_named_and_the_note_in_its_own_transaction(hall):
    ticket_id = sent_to(hall, 2)
    assert hall.audit() == [
        ("staff1", "ticket.transferred", "ticket:A-001",
         {"ticket_id": ticket_id, "service_date": "2026-11-23", "from": "serving", "service_id": "ktp",
          "to_service_id": "kk", "to_counter_id": 2, "note": NOTE})]


def test_the_sending_officer_is_answered_with_the_note_they_sent(hall):
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    sent = hall.engine.ticket_action(hall.staff, ticket["id"], S.TRANSFERRED, "kk", 2, NOTE)
    assert (sent["status"], sent["service_id"], sent["transfer_note"]) == ("waiting", "kk", NOTE)


def test_a_late_citizen_put_back_is_answered_with_the_note_for_the_officer(hall):
    """The answer goes to staff: the officer putting the citizen back reads the note sent with them."""
    ticket_id = sent_to(hall, 2)
    assert hall.call_next(2, hall.staff2).code == "A-001"
    hall.clock.advance(minutes=10)
    hall.engine.ticket_action(hall.staff2, ticket_id, S.NO_SHOW)
    back = hall.engine.ticket_action(hall.staff2, ticket_id, S.WAITING)
    assert (back["status"], back["transfer_note"]) == ("waiting", NOTE)


def test_a_device_s_stream_gets_the_transfer_without_its_note(hall):
    sent_to(hall, 2)
    with hall.services.db.read() as conn:
        raw = [e for e in events_after(conn, 0) if e["data"].get("status_change") == "transferred"]
    seen = as_seen_by_a_device(raw[0])
    assert seen["data"]["note"] is None
    assert seen["data"]["target_counter"] == {"id": 2, "name": "Loket 2"}
    assert raw[0]["data"]["note"] == NOTE   # the event log keeps it: the audit


def test_the_receiving_officer_reads_the_note_and_no_device_does(hall):
    ticket_id = sent_to(hall, 2)
    queue = hall.engine.counter_queue(hall.staff2, 2)
    assert [(t.code, t.transfer_note, t.target_counter.name if t.target_counter else None)
            for t in queue.waiting] == [("A-001", NOTE, "Loket 2"), ("B-001", None, None)]
    called = hall.engine.call_next(hall.staff2, 2).current_ticket
    assert (called.code, called.transfer_note) == ("A-001", NOTE)
    assert hall.engine.list_counters(staff=True)[1].current_ticket.transfer_note == NOTE
    assert hall.engine.list_counters()[1].current_ticket.transfer_note is None   # a board's view
    assert hall.engine.ticket_by_id(ticket_id, staff=True)["transfer_note"] == NOTE
    token = row_of(hall, ticket_id).token
    for seen_by_a_kiosk_or_citizen in (hall.engine.ticket_by_id(ticket_id), hall.engine.by_token(token),
                                       hall.engine.lookup("A-001", None)):
        assert seen_by_a_kiosk_or_citizen["transfer_note"] is None


def test_the_citizen_is_told_the_one_loket_and_then_any_loket_again(hall):
    ticket_id = sent_to(hall, 2)
    token = row_of(hall, ticket_id).token
    status = hall.engine.by_token(token)
    assert (status["target_counter"], status["lokets"]) == ({"id": 2, "name": "Loket 2"}, ["Loket 2"])
    hall.engine.close_counter(hall.staff2, 2)
    status = hall.engine.by_token(token)
    assert (status["target_counter"], status["lokets"]) == (None, ["Loket 1", "Loket 2"])


def test_a_second_transfer_replaces_the_loket_and_the_note(hall):
    ticket_id = sent_to(hall, 2)
    assert hall.call_next(2, hall.staff2).code == "A-001"
    hall.engine.ticket_action(hall.staff2, ticket_id, S.SERVING)
    hall.engine.ticket_action(hall.staff2, ticket_id, S.TRANSFERRED, "ktp", None, None)
    row = row_of(hall, ticket_id)
    assert (row.service_id, row.target_counter_id, row.transfer_note) == ("ktp", None, None)


def test_finding_the_tickets_sent_to_a_loket_uses_the_partial_index(hall):
    sent_to(hall, 2)
    with hall.services.db.read() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE target_counter_id = 2")))
    assert "ix_ticket_target" in plan


def test_a_ticket_may_be_sent_to_a_loket_on_a_pause_and_waits_for_it(hall):
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.engine.pause_counter(hall.staff2, 2, "sholat")
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.TRANSFERRED, "kk", 2, None)
    assert row_of(hall, ticket["id"]).target_counter_id == 2
    assert refusal(hall.engine.call_next, hall.staff, 1) == (409, "queue_empty")
    hall.engine.resume_counter(hall.staff2, 2)
    assert hall.call_next(2, hall.staff2).code == "A-001"


def test_a_loket_gone_from_the_catalog_cannot_be_named(hall, tmp_path):
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    catalog_without(hall, tmp_path, "loket gone")
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    assert refusal(hall.engine.ticket_action, hall.staff, ticket["id"], S.TRANSFERRED, "kk", 2, None) == (
        422, "transfer_loket_not_found")
    assert row_of(hall, ticket["id"]).status == "serving"
