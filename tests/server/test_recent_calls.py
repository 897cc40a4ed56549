"""``GET /calls/recent``: what a board that restarts shows again. Today's calls only, newest first,
one per ticket, each with its ticket's status now; and the event id to follow the stream from."""

from __future__ import annotations

from typing import Any

import requests

from core.wire import RecentCalls


def ok(r: requests.Response, status: int = 200) -> Any:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()


def recent(server, role: str = "display", **params: Any) -> RecentCalls:
    return RecentCalls.model_validate(ok(server.call("GET", "/calls/recent", role, params=params)))


def test_todays_calls_come_newest_first_one_per_ticket_with_their_status_now(any_server) -> None:
    """GIVEN two lokets that called three tickets today, one recalled and one transferred away
    WHEN a board asks for the recent calls
    THEN it gets each ticket once, at its latest call, newest first, with the ticket's status now."""
    server = any_server
    assert recent(server).calls == []
    ok(server.call("POST", "/counters/1/open", "staff1"))
    ok(server.call("POST", "/counters/2/open", "staff2"))
    for _ in range(3):
        ok(server.issue("kk"), 201)
    first = ok(server.call("POST", "/counters/1/call-next", "staff1"))["current_ticket"]
    second = ok(server.call("POST", "/counters/2/call-next", "staff2"))["current_ticket"]
    ok(server.call("POST", "/counters/1/recall", "staff1"))
    ok(server.call("POST", f"/tickets/{second['id']}/start", "staff2"))
    ok(server.call("POST", f"/tickets/{second['id']}/transfer", "staff2", json={"service_id": "paspor"}))
    third = ok(server.call("POST", "/counters/2/call-next", "staff2"))["current_ticket"]

    answer = recent(server)
    assert [(c.event.data["code"], c.event.type, c.status_now.value) for c in answer.calls] == [
        (third["code"], "ticket.called", "called"),
        (first["code"], "ticket.recalled", "called"),
        (second["code"], "ticket.called", "waiting"),
    ]
    assert [c.event.data["counter"]["name"] for c in answer.calls] == ["Loket 2", "Loket 1", "Loket 2"]
    seqs = [c.event.seq for c in answer.calls]
    assert seqs == sorted(seqs, reverse=True)
    assert answer.last_event_id >= seqs[0]
    assert [c.event.data["code"] for c in recent(server, limit=2).calls] == [third["code"], first["code"]]
    at_loket_1 = recent(server, limit=1, loket=[1])
    assert [c.event.data["code"] for c in at_loket_1.calls] == [first["code"]]
    assert [c.event.data["code"] for c in recent(server, loket=[2, 3]).calls] == [third["code"], second["code"]]


def test_yesterdays_calls_are_not_shown_today(server) -> None:
    ok(server.call("POST", "/counters/1/open", "staff1"))
    ok(server.issue("kk"), 201)
    ok(server.call("POST", "/counters/1/call-next", "staff1"))
    assert len(recent(server).calls) == 1
    server.clock.advance(days=1)
    recent(server)                       # the server sees the new date, which holds a few minutes
    server.clock.advance(minutes=6)
    answer = recent(server)
    assert answer.calls == []
    assert answer.last_event_id > 0


def test_a_limit_out_of_range_is_refused_with_its_reason(server) -> None:
    for params in ({"limit": 0}, {"limit": 51}, {"limit": "x"}, {"loket": "dua"}, {"loket": 0}):
        r = server.call("GET", "/calls/recent", "display", params=params)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] in ("invalid_request", "missing_field")
