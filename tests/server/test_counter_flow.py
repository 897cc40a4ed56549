"""What counter staff do all day, over real HTTP: open a loket, call, recall, start, finish, mark
no-show, transfer, pause and close, and what the waiting list and the lokets list then show."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import requests
from sqlalchemy import func, select

from server.db import events
from tests.server.test_events import newest_event, read_events
from tests.support.server import LiveServer


def ok(r: requests.Response, status: int = 200) -> Any:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()


def refused(r: requests.Response, status: int, code: str) -> dict:
    assert r.status_code == status, (r.status_code, r.text)
    err = r.json()["error"]
    assert err["code"] == code, err
    return err


def take(server: LiveServer, service: str = "kk", **body: Any) -> dict:
    """A citizen takes a ticket; a minute passes before the next one walks in."""
    ticket = ok(server.issue(service, **body), 201)
    server.clock.advance(minutes=1)
    return ticket


def act(server: LiveServer, role: str, counter_id: int, action: str, **body: Any) -> requests.Response:
    return server.call("POST", f"/counters/{counter_id}/{action}", role, json=body or None)


def on_ticket(server: LiveServer, role: str, ticket: dict, action: str, **body: Any) -> requests.Response:
    return server.call("POST", f"/tickets/{ticket['id']}/{action}", role, json=body or None)


def loket(server: LiveServer, counter_id: int) -> dict:
    """The loket as the hall's display board sees it."""
    return next(c for c in ok(server.call("GET", "/counters", "display")) if c["id"] == counter_id)


def service(server: LiveServer, service_id: str) -> dict:
    catalog = ok(server.call("GET", "/catalog", "kiosk"))
    return next(s for a in catalog["agencies"] for s in a["services"] if s["id"] == service_id)


def ticket(server: LiveServer, t: dict) -> dict:
    return ok(server.call("GET", f"/tickets/{t['id']}", "staff"))


def queue(server: LiveServer, role: str, counter_id: int) -> dict:
    return ok(server.call("GET", f"/counters/{counter_id}/queue", role))


def call_next(server: LiveServer, role: str, counter_id: int) -> dict:
    """Call the next citizen; returns the ticket now called at the loket."""
    current = ok(act(server, role, counter_id, "call-next"))["current_ticket"]
    assert current["status"] == "called"
    return current


def serve(server: LiveServer, role: str, counter_id: int) -> str:
    """Call, start and finish the next citizen; returns the code served."""
    t = call_next(server, role, counter_id)
    ok(on_ticket(server, role, t, "start"))
    ok(on_ticket(server, role, t, "finish"))
    return t["code"]


def follow_events(server: LiveServer, until: Callable[[list[dict]], bool]) -> list[dict]:
    """Read the event stream from the first event until ``until`` holds; a missing event fails
    by the read timeout rather than hanging."""
    seen: list[dict] = []
    with requests.get(f"{server.api}/events", params={"last_event_id": 0}, headers=server.headers("display"),
                      stream=True, timeout=5) as r:
        assert r.status_code == 200
        for line in r.iter_lines(decode_unicode=True):
            if line.startswith("data: "):
                seen.append(json.loads(line[len("data: "):]))
                if until(seen):
                    return seen
    raise AssertionError(f"the stream ended before the expected events: {seen}")


# ----------------------------------------------------------------------------- opening

def test_opening_a_loket_serves_all_its_services_or_the_chosen_ones(server: LiveServer) -> None:
    opened = ok(act(server, "staff1", 1, "open"))
    assert (opened["state"], opened["staff"], opened["active_service_ids"]) == ("open", "staff1", ["ktp", "kk"])
    assert service(server, "ktp")["counters_open"] == 1 and service(server, "kk")["counters_open"] == 1

    ok(act(server, "staff1", 1, "close"))
    opened = ok(act(server, "staff1", 1, "open", service_ids=["kk"]))
    assert opened["active_service_ids"] == ["kk"] and opened["service_ids"] == ["ktp", "kk"]
    assert service(server, "ktp")["counters_open"] == 0 and service(server, "kk")["counters_open"] == 1

    err = refused(act(server, "staff1", 1, "open", service_ids=["kk", "paspor"]), 422, "invalid_service_ids")
    assert err["params"] == {"service_ids": ["paspor"], "allowed": ["ktp", "kk"]}
    assert loket(server, 1)["active_service_ids"] == ["kk"]  # the refused change did not half-apply

    refused(act(server, "staff2", 3, "open", service_ids=["ktp"]), 422, "invalid_service_ids")
    refused(act(server, "staff2", 3, "open", service_ids=["tidak-ada"]), 422, "invalid_service_ids")
    assert loket(server, 3)["state"] == "closed" and loket(server, 3)["staff"] is None


def test_a_loket_belongs_to_the_officer_who_opened_it(server: LiveServer) -> None:
    """GIVEN staff1 has loket 1 open with a citizen called to it
    WHEN staff2 tries to take over the loket or the citizen
    THEN staff2 is refused, while a supervisor may step in."""
    take(server)
    ok(act(server, "staff1", 1, "open"))
    err = refused(act(server, "staff2", 1, "open"), 409, "counter_taken")
    assert err["params"]["staff"] == "staff1"
    for action in ("call-next", "recall", "pause", "resume", "close"):
        refused(act(server, "staff2", 1, action), 403, "counter_not_yours")
    assert loket(server, 1)["staff"] == "staff1"

    called = call_next(server, "staff1", 1)
    for action in ("start", "no-show", "cancel"):
        refused(on_ticket(server, "staff2", called, action), 403, "ticket_not_at_your_counter")
    assert ticket(server, called)["status"] == "called"

    assert ok(on_ticket(server, "super", called, "start"))["status"] == "serving"
    assert ok(on_ticket(server, "super", called, "finish"))["status"] == "done"
    assert ok(act(server, "super", 1, "pause", reason="pengecekan"))["state"] == "paused"
    assert ok(act(server, "super", 1, "resume"))["state"] == "open"
    assert loket(server, 1)["staff"] == "staff1"  # the supervisor helped, the loket is still staff1's
    refused(act(server, "staff1", 1, "call-next"), 409, "queue_empty")

    refused(act(server, "super", 1, "open"), 422, "take_over_reason_required")
    assert loket(server, 1)["staff"] == "staff1"  # refused: nothing changed
    taken_over = ok(act(server, "super", 1, "open", reason="staff1 sakit"))
    assert taken_over["staff"] == "super"


def test_a_supervisor_closes_or_takes_over_another_officers_loket_only_with_a_reason_kept_in_its_event(
        server: LiveServer) -> None:
    """GIVEN staff1 left loket 1 open and staff2 loket 2
    WHEN the supervisor closes loket 1 and takes loket 2 over, each with a reason
    THEN both are done, and the lokets' events say who did it, to whom and why; without a reason
    both are refused and nothing changes."""
    start = newest_event(server)
    ok(act(server, "staff1", 1, "open"))
    ok(act(server, "staff2", 2, "open"))
    refused(act(server, "super", 1, "close"), 422, "take_over_reason_required")
    refused(act(server, "super", 1, "close", reason="   "), 422, "take_over_reason_required")
    assert loket(server, 1)["state"] == "open" and loket(server, 1)["staff"] == "staff1"
    refused(act(server, "staff2", 1, "close", reason="iseng"), 403, "counter_not_yours")

    assert ok(act(server, "super", 1, "close", reason="staff1 pulang sakit"))["state"] == "closed"
    assert ok(act(server, "super", 2, "open", reason="staff2 dipanggil kepala"))["staff"] == "super"

    audited = [e["data"]["data"] for e in read_events(server, "super", 4, last_event_id=start)
               if e["data"]["data"].get("changed_by")]
    assert [(e["counter"]["id"], e["state"], e["changed_by"], e["previous_staff"], e["reason"]) for e in audited] == [
        (1, "closed", "super", "staff1", "staff1 pulang sakit"),
        (2, "open", "super", "staff2", "staff2 dipanggil kepala")]


def test_why_a_loket_was_taken_over_reaches_staff_only_not_the_hall_s_kiosks_and_boards(server: LiveServer) -> None:
    """A supervisor's reason ("pulang sakit") is about an officer: the officer and the office read it, the
    kiosks and boards in the hall get the loket's new state without it."""
    ok(act(server, "staff1", 1, "open"))
    ok(act(server, "super", 1, "close", reason="staff1 pulang sakit"))
    with server.services.db.read() as conn:
        written = conn.execute(select(func.count()).select_from(events)).scalar_one()
    for role, reason in (("display", None), ("kiosk", None), ("staff1", "staff1 pulang sakit"),
                         ("super", "staff1 pulang sakit")):
        closed = [e["data"]["data"] for e in read_events(server, role, written, last_event_id=0)
                  if e["data"]["type"] == "counter.state" and e["data"]["data"]["state"] == "closed"]
        assert [(e["changed_by"], e["reason"]) for e in closed] == [("super", reason)], role


# ----------------------------------------------------------------------------- calling

def test_call_next_on_an_empty_queue_is_409(server: LiveServer) -> None:
    """GIVEN loket 1 open for kk only, and citizens waiting for ktp and paspor elsewhere
    THEN loket 1 has nobody to call."""
    take(server, "ktp")
    take(server, "paspor")
    ok(act(server, "staff1", 1, "open", service_ids=["kk"]))
    refused(act(server, "staff1", 1, "call-next"), 409, "queue_empty")
    assert loket(server, 1)["current_ticket"] is None and loket(server, 1)["state"] == "open"
    assert service(server, "ktp")["waiting"] == 1 and service(server, "paspor")["waiting"] == 1


def test_call_next_is_refused_while_a_ticket_is_in_hand(server: LiveServer) -> None:
    first, second = take(server), take(server)
    ok(act(server, "staff1", 1, "open"))
    assert call_next(server, "staff1", 1)["code"] == first["code"]
    err = refused(act(server, "staff1", 1, "call-next"), 409, "ticket_in_progress")
    assert err["params"]["code"] == first["code"]
    ok(on_ticket(server, "staff1", first, "start"))
    refused(act(server, "staff1", 1, "call-next"), 409, "ticket_in_progress")
    assert ticket(server, second)["status"] == "waiting"
    ok(on_ticket(server, "staff1", first, "finish"))
    assert call_next(server, "staff1", 1)["code"] == second["code"]


def test_recall_counts_and_is_announced_again(server: LiveServer) -> None:
    t = take(server)
    ok(act(server, "staff1", 1, "open"))
    call_next(server, "staff1", 1)
    assert ok(act(server, "staff1", 1, "recall"))["current_ticket"]["recalls"] == 1
    assert ok(act(server, "staff1", 1, "recall"))["current_ticket"]["recalls"] == 2
    assert ticket(server, t)["recalls"] == 2 and ticket(server, t)["status"] == "called"

    def recalled(events: list[dict]) -> list[dict]:
        return [e["data"] for e in events if e["type"] == "ticket.recalled" and e["data"]["code"] == t["code"]]
    events = follow_events(server, lambda seen: len(recalled(seen)) == 2)
    assert [(e["recalls"], e["counter"]["name"]) for e in recalled(events)] == [(1, "Loket 1"), (2, "Loket 1")]
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)

    ok(on_ticket(server, "staff1", t, "start"))
    refused(act(server, "staff1", 1, "recall"), 409, "nothing_to_recall")


def test_start_then_finish_frees_the_loket(server: LiveServer) -> None:
    t = take(server)
    ok(act(server, "staff1", 1, "open"))
    call_next(server, "staff1", 1)
    assert service(server, "kk")["waiting"] == 0
    refused(on_ticket(server, "staff1", t, "finish"), 409, "invalid_transition")  # not started yet
    assert ok(on_ticket(server, "staff1", t, "start"))["status"] == "serving"
    assert loket(server, 1)["current_ticket"]["status"] == "serving"
    done = ok(on_ticket(server, "staff1", t, "finish"))
    assert done["status"] == "done" and done["counter"] == {"id": 1, "name": "Loket 1"}
    assert loket(server, 1)["current_ticket"] is None
    assert requests.get(f"{server.api}/tickets/status/{t['token']}", timeout=10).json()["status"] == "done"
    refused(on_ticket(server, "staff1", t, "start"), 409, "ticket_not_at_your_counter")
    refused(on_ticket(server, "super", t, "start"), 409, "invalid_transition")


def test_no_show_only_from_called(server: LiveServer) -> None:
    first, second = take(server), take(server)
    ok(act(server, "staff1", 1, "open"))
    err = refused(on_ticket(server, "super", second, "no-show"), 409, "invalid_transition")
    assert err["params"] == {"from": "waiting", "to": "no_show"}

    call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", first, "start"))
    err = refused(on_ticket(server, "staff1", first, "no-show"), 409, "invalid_transition")
    assert err["params"] == {"from": "serving", "to": "no_show"}
    ok(on_ticket(server, "staff1", first, "finish"))

    assert call_next(server, "staff1", 1)["code"] == second["code"]
    assert ok(on_ticket(server, "staff1", second, "no-show"))["status"] == "no_show"
    assert loket(server, 1)["current_ticket"] is None
    refused(act(server, "staff1", 1, "call-next"), 409, "queue_empty")  # a no-show does not come back


def test_a_supervisor_cancels_a_waiting_ticket(server: LiveServer) -> None:
    first, second = take(server), take(server)
    ok(act(server, "staff1", 1, "open"))
    refused(on_ticket(server, "staff1", second, "cancel"), 403, "ticket_not_at_your_counter")
    assert ok(on_ticket(server, "super", second, "cancel"))["status"] == "cancelled"
    assert service(server, "kk")["waiting"] == 1
    assert requests.get(f"{server.api}/tickets/status/{second['token']}", timeout=10).json()["status"] == "cancelled"
    refused(on_ticket(server, "super", second, "cancel"), 409, "invalid_transition")
    assert serve(server, "staff1", 1) == first["code"]
    refused(act(server, "staff1", 1, "call-next"), 409, "queue_empty")


# ----------------------------------------------------------------------------- transfer

def test_a_transferred_ticket_waits_in_the_new_service_and_is_called_there(server: LiveServer) -> None:
    """GIVEN A-001 for KTP, then B-001 and B-002 for KK; loket 1 serves only KTP, loket 2 only KK
    WHEN loket 1 serves A-001 and finds the citizen needs a Kartu Keluarga
    THEN A-001 waits in KK behind B-001 and B-002, and loket 2 calls it after them."""
    a1, b1, b2 = take(server, "ktp"), take(server), take(server)
    ok(act(server, "staff1", 1, "open", service_ids=["ktp"]))
    ok(act(server, "staff2", 2, "open", service_ids=["kk"]))
    assert call_next(server, "staff1", 1)["code"] == "A-001"
    refused(on_ticket(server, "staff1", a1, "transfer", service_id="kk"), 409, "invalid_transition")
    ok(on_ticket(server, "staff1", a1, "start"))
    for target in ("akta", "ktp", "tidak-ada"):  # inactive, the same, unknown
        refused(on_ticket(server, "staff1", a1, "transfer", service_id=target), 422, "invalid_transfer_target")
    refused(on_ticket(server, "staff2", a1, "transfer", service_id="kk"), 403, "ticket_not_at_your_counter")

    moved = ok(on_ticket(server, "staff1", a1, "transfer", service_id="kk"))
    assert (moved["code"], moved["service_id"], moved["status"]) == ("A-001", "kk", "waiting")
    assert moved["people_ahead"] == 2 and moved["transferred"] is True and moved["counter"] is None
    assert moved["eta_minutes"] > 0
    assert loket(server, 1)["current_ticket"] is None
    refused(act(server, "staff1", 1, "call-next"), 409, "queue_empty")
    assert service(server, "ktp")["waiting"] == 0 and service(server, "kk")["waiting"] == 3
    looked_up = ok(server.call("GET", "/tickets/lookup", "kiosk", params={"code": "A-001"}))
    assert looked_up["service_id"] == "kk" and looked_up["people_ahead"] == 2

    listed = queue(server, "staff2", 2)["waiting"]
    assert [(w["code"], w["transferred"]) for w in listed] == [("B-001", False), ("B-002", False), ("A-001", True)]

    assert serve(server, "staff2", 2) == b1["code"]
    assert ticket(server, a1)["people_ahead"] == 1
    assert serve(server, "staff2", 2) == b2["code"]
    again = call_next(server, "staff2", 2)
    assert again["code"] == "A-001" and again["counter"] == {"id": 2, "name": "Loket 2"}
    ok(on_ticket(server, "staff2", a1, "start"))
    assert ok(on_ticket(server, "staff2", a1, "finish"))["status"] == "done"


# ----------------------------------------------------------------------------- pause and close

def test_a_paused_loket_calls_nobody_until_resumed(server: LiveServer) -> None:
    t = take(server)
    ok(act(server, "staff1", 1, "open"))
    paused = ok(act(server, "staff1", 1, "pause", reason="sholat"))
    assert (paused["state"], paused["pause_reason"]) == ("paused", "sholat")
    assert (loket(server, 1)["state"], loket(server, 1)["pause_reason"]) == ("paused", "sholat")
    assert service(server, "kk")["counters_open"] == 0
    err = refused(act(server, "staff1", 1, "call-next"), 409, "counter_paused")
    assert err["params"]["state"] == "paused"
    refused(act(server, "staff1", 1, "pause", reason="lagi"), 409, "counter_paused")
    assert ticket(server, t)["status"] == "waiting"

    resumed = ok(act(server, "staff1", 1, "resume"))
    assert (resumed["state"], resumed["pause_reason"]) == ("open", None)
    refused(act(server, "staff1", 1, "resume"), 409, "counter_not_paused")
    assert call_next(server, "staff1", 1)["code"] == t["code"]


def test_a_pause_without_a_reason_is_a_rest(server: LiveServer) -> None:
    ok(act(server, "staff1", 1, "open"))
    assert ok(act(server, "staff1", 1, "pause"))["pause_reason"] == "istirahat"


def test_a_loket_cannot_go_on_a_break_while_a_citizen_is_called_or_served_there(server: LiveServer) -> None:
    """The board would send the citizen to a loket it also shows as on a break."""
    t = take(server)
    ok(act(server, "staff1", 1, "open"))
    call_next(server, "staff1", 1)
    err = refused(act(server, "staff1", 1, "pause", reason="sholat"), 409, "ticket_in_progress")
    assert (err["params"]["code"], err["params"]["status"]) == (t["code"], "called")
    assert "no-show" in err["message"]
    ok(on_ticket(server, "staff1", t, "start"))
    err = refused(act(server, "staff1", 1, "pause"), 409, "ticket_in_progress")
    assert err["params"]["status"] == "serving" and "Finish or transfer" in err["message"]
    assert loket(server, 1)["state"] == "open"
    ok(on_ticket(server, "staff1", t, "finish"))
    assert ok(act(server, "staff1", 1, "pause", reason="sholat"))["state"] == "paused"


def test_closing_with_a_ticket_in_hand_is_refused(server: LiveServer) -> None:
    t = take(server)
    ok(act(server, "staff1", 1, "open"))
    call_next(server, "staff1", 1)
    err = refused(act(server, "staff1", 1, "close"), 409, "ticket_in_progress")
    assert err["params"]["code"] == t["code"]
    ok(on_ticket(server, "staff1", t, "start"))
    refused(act(server, "staff1", 1, "close"), 409, "ticket_in_progress")
    assert loket(server, 1)["state"] == "open"
    ok(on_ticket(server, "staff1", t, "finish"))
    closed = ok(act(server, "staff1", 1, "close"))
    assert (closed["state"], closed["staff"], closed["current_ticket"]) == ("closed", None, None)
    assert service(server, "kk")["counters_open"] == 0


# ----------------------------------------------------------------------------- order and views

def test_priority_tickets_are_called_first(server: LiveServer) -> None:
    """GIVEN two regular citizens, then a lansia and a disabilitas citizen, under policy "first"
    THEN the two priority tickets are listed and called first, each group in arrival order."""
    b1 = take(server)
    take(server)
    b3 = take(server, priority="lansia")
    b4 = take(server, priority="disabilitas")
    assert b3["people_ahead"] == 0 and b4["people_ahead"] == 1  # only priority is ahead of priority
    assert ticket(server, b1)["people_ahead"] == 2  # B-001 now waits behind both priorities

    ok(act(server, "staff1", 1, "open"))
    listed = queue(server, "staff1", 1)["waiting"]
    assert [(w["code"], w["priority"]) for w in listed] == [
        ("B-003", "lansia"), ("B-004", "disabilitas"), ("B-001", None), ("B-002", None)]
    assert [serve(server, "staff1", 1) for _ in range(4)] == ["B-003", "B-004", "B-001", "B-002"]


def test_the_waiting_list_and_what_each_officer_served_today(server: LiveServer) -> None:
    """GIVEN five KK tickets (the last for a child), then one KTP ticket; loket 1 open for KK only,
    loket 2 for both
    WHEN staff1 serves two and misses one, and staff2 serves one
    THEN each officer's queue view lists what their loket may call, in order, and counts only
    their own work."""
    for _ in range(4):
        take(server)
    take(server, priority="anak")
    take(server, "ktp")
    ok(act(server, "staff1", 1, "open", service_ids=["kk"]))
    ok(act(server, "staff2", 2, "open"))

    view = queue(server, "staff1", 1)
    assert view["counter"] == {"id": 1, "name": "Loket 1"}
    assert [w["code"] for w in view["waiting"]] == ["B-005", "B-001", "B-002", "B-003", "B-004"]
    assert [(s["id"], s["waiting"], s["active"]) for s in view["services"]] == [("ktp", 1, False), ("kk", 5, True)]
    assert view["served_today"] == {}

    assert serve(server, "staff1", 1) == "B-005"
    missed = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", missed, "no-show"))
    assert serve(server, "staff1", 1) == "B-002"
    assert serve(server, "staff2", 2) == "B-003"

    mine = queue(server, "staff1", 1)
    assert [w["code"] for w in mine["waiting"]] == ["B-004"]
    assert mine["served_today"] == {"done": 2, "no_show": 1}
    theirs = queue(server, "staff2", 2)
    assert [w["code"] for w in theirs["waiting"]] == ["B-004", "A-001"]
    assert theirs["served_today"] == {"done": 1}


def test_the_lokets_list_shows_the_ticket_in_hand(server: LiveServer) -> None:
    take(server)
    assert [(c["id"], c["state"], c["current_ticket"]) for c in ok(server.call("GET", "/counters", "display"))] \
        == [(1, "closed", None), (2, "closed", None), (3, "closed", None)]
    ok(act(server, "staff1", 1, "open"))
    call_next(server, "staff1", 1)
    shown = loket(server, 1)
    assert (shown["state"], shown["staff"]) == ("open", "staff1")
    assert (shown["current_ticket"]["code"], shown["current_ticket"]["status"]) == ("B-001", "called")
    assert shown["current_ticket"]["counter"] == {"id": 1, "name": "Loket 1"}
    ok(on_ticket(server, "staff1", shown["current_ticket"], "start"))
    assert loket(server, 1)["current_ticket"]["status"] == "serving"
    assert loket(server, 2)["current_ticket"] is None
    ok(on_ticket(server, "staff1", shown["current_ticket"], "finish"))
    assert loket(server, 1)["current_ticket"] is None


def test_acting_on_a_closed_loket_says_it_is_closed(server):
    """A closed loket is nobody's: the answer is 'open it first', not 'someone else has it'."""
    server.issue("kk")
    for path in ("call-next", "recall", "pause", "resume", "close"):
        r = server.call("POST", f"/counters/1/{path}", "staff")
        assert r.status_code == 409 and r.json()["error"]["code"] == "counter_closed", path
