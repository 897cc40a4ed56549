"""The event stream: strictly increasing ids, and a reconnect with Last-Event-ID that misses nothing."""

from __future__ import annotations

import json

import requests

from server.events import latest_seq


def newest_event(server) -> int:
    """The newest event's id now: the test server's set-up (its accounts) already wrote some."""
    with server.services.db.read() as conn:
        return latest_seq(conn)


def read_events(server, role: str, count: int, last_event_id: int | None = None) -> list[dict]:
    headers = server.headers(role)
    if last_event_id is not None:
        headers["Last-Event-ID"] = str(last_event_id)
    events: list[dict] = []
    with requests.get(f"{server.api}/events", headers=headers, stream=True, timeout=10) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        current: dict = {}
        for line in r.iter_lines(decode_unicode=True):
            if line.startswith("id: "):
                current["id"] = int(line[4:])
            elif line.startswith("data: "):
                current["data"] = json.loads(line[6:])
            elif line == "" and "data" in current:
                events.append(current)
                current = {}
                if len(events) == count:
                    break
    return events


def test_reconnect_with_last_event_id_gets_every_missed_event_once_in_order(server):
    """GIVEN a board that saw the first two calls and lost its connection, WHEN three more
    things happen, THEN reconnecting with the last id it saw delivers exactly those three."""
    start = newest_event(server)
    server.call("POST", "/counters/1/open", "staff")
    server.issue("kk")
    server.issue("kk")
    seen = read_events(server, "display", 2, last_event_id=start)
    ids = [e["id"] for e in seen]
    assert ids == sorted(ids) and len(set(ids)) == 2
    last = ids[-1]
    server.call("POST", "/counters/1/call-next", "staff")
    server.call("POST", "/counters/1/recall", "staff")
    rest = read_events(server, "display", 4, last_event_id=last)
    assert [e["id"] for e in rest] == list(range(last + 1, last + 5))
    types = [e["data"]["type"] for e in rest]
    assert types[:1] == ["ticket.issued"] and "ticket.called" in types and "ticket.recalled" in types
    called = next(e for e in rest if e["data"]["type"] == "ticket.called")["data"]["data"]
    assert called["code"] == "B-001" and called["counter"]["name"] == "Loket 1"


def test_a_new_follower_starts_at_the_present(server):
    server.issue("kk")
    with requests.get(f"{server.api}/events", headers=server.headers("kiosk"), stream=True, timeout=10) as r:
        lines = r.iter_lines(decode_unicode=True)
        assert next(lines).startswith("retry:")
        assert next(lines).startswith("id: ")   # the greeting sets the resume point
        server.issue("kk")
        for line in lines:
            if line.startswith("data: "):
                assert json.loads(line[6:])["data"]["code"] == "B-002"
                break


def test_events_carry_no_personal_data(server):
    server.issue("kk", nik="3604014101900001")
    events = read_events(server, "display", newest_event(server), last_event_id=0)  # the set-up's, the ticket's
    assert events[-1]["data"]["type"] == "ticket.issued"
    # Whose account an admin added (the set-up's accounts) stays with the staff's streams.
    staff_changes = [e["data"]["data"] for e in events if e["data"]["type"] == "staff.changed"]
    assert staff_changes and {e["username"] for e in staff_changes} == {""}
    text = json.dumps(events)
    assert "3604014101900001" not in text and "nik" not in text and "0001" not in text
