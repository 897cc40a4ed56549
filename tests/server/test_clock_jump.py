"""A clock that shows another day for a moment (an NTP step, a bad RTC) loses no ticket: the
queue stays, calls go on, and a tap in that moment is refused for a retry rather than numbered on
the wrong day. A real day change, one whose date holds, still expires yesterday's tickets."""

from __future__ import annotations

from server.service_day import HOLD
from tests.support.clock import SettableClock, wib
from tests.support.server import live_server


def status_of(srv, ticket: dict) -> str:
    return srv.call("GET", f"/tickets/{ticket['id']}", "kiosk").json()["status"]


def test_a_clock_a_day_ahead_for_one_request_expires_nothing(any_server, clock):
    """GIVEN three tickets waiting and one called on Monday, WHEN the clock shows Tuesday for a
    tap at the kiosk and then comes back, THEN that tap is refused with 503 clock_unsettled, its
    retry gets Monday's next number, nothing expired, and the calls go on in order."""
    srv = any_server
    waiting = [srv.issue("kk").json() for _ in range(3)]
    srv.call("POST", "/counters/1/open", "staff")
    first = srv.call("POST", "/counters/1/call-next", "staff").json()["current_ticket"]
    assert first["code"] == "B-001"

    clock.set(wib(2026, 11, 24, 9, 0))
    glitch = srv.issue("kk", key="tap-in-the-glitch")
    assert glitch.status_code == 503 and "Traceback" not in glitch.text
    error = glitch.json()["error"]
    assert error["code"] == "clock_unsettled" and error["params"]["service_date"] == "2026-11-23"
    health = srv.call("GET", "/health").json()
    assert (health["local_date"], health["clock_settled"]) == ("2026-11-23", False)

    clock.set(wib(2026, 11, 23, 9, 1))
    assert [status_of(srv, t) for t in waiting] == ["called", "waiting", "waiting"]
    retry = srv.issue("kk", key="tap-in-the-glitch")
    assert retry.status_code == 201
    assert (retry.json()["code"], retry.json()["service_date"]) == ("B-004", "2026-11-23")
    srv.call("POST", f"/tickets/{first['id']}/no-show", "staff")
    calls = []
    for _ in range(3):
        current = srv.call("POST", "/counters/1/call-next", "staff").json()["current_ticket"]
        calls.append(current["code"])
        srv.call("POST", f"/tickets/{current['id']}/no-show", "staff")
    assert calls == ["B-002", "B-003", "B-004"]


def test_a_clock_behind_for_one_request_changes_nothing(server, clock):
    server.issue("kk")
    clock.set(wib(2026, 11, 20, 9, 0))                     # the Friday before
    assert server.issue("kk").json()["error"]["code"] == "clock_unsettled"
    clock.set(wib(2026, 11, 23, 9, 1))
    again = server.issue("kk").json()
    assert (again["code"], again["service_date"]) == ("B-002", "2026-11-23")


def test_the_kiosk_still_sees_the_days_queue_while_the_clock_is_wrong(server, clock):
    server.issue("kk")
    server.issue("kk")
    clock.set(wib(2026, 11, 24, 9, 0))
    catalog_kk = server.call("GET", "/catalog", "kiosk").json()["agencies"][0]["services"][1]
    assert catalog_kk["waiting"] == 2
    found = server.call("GET", "/tickets/lookup?code=B-002", "kiosk").json()
    assert (found["service_date"], found["people_ahead"]) == ("2026-11-23", 1)


def test_a_wrong_date_must_hold_without_a_break_to_count(server, clock):
    """Two readings of Tuesday more than the hold apart, with a Monday reading between them,
    are two glitches, not a new day."""
    ticket = server.issue("kk").json()
    clock.set(wib(2026, 11, 24, 9, 0))
    assert server.issue("kk").status_code == 503
    clock.set(wib(2026, 11, 23, 9, 2))
    assert server.call("GET", "/health").json()["local_date"] == "2026-11-23"
    clock.set(wib(2026, 11, 24, 9, 0) + HOLD)
    assert server.issue("kk").json()["error"]["code"] == "clock_unsettled"
    clock.set(wib(2026, 11, 23, 9, 3))
    assert status_of(server, ticket) == "waiting"
    assert server.issue("kk").json()["code"] == "B-002"


def test_a_real_day_change_still_expires_yesterdays_tickets(server, clock):
    """GIVEN Monday's unserved tickets, WHEN Tuesday's date has held for the hold, THEN
    Monday's tickets expire and Tuesday's numbers start at 001."""
    left = [server.issue("kk").json() for _ in range(2)]
    server.call("POST", "/counters/1/open", "staff")
    server.call("POST", "/counters/1/call-next", "staff")
    clock.set(wib(2026, 11, 24, 7, 55))
    assert server.call("GET", "/health").json()["local_date"] == "2026-11-23"
    assert [status_of(server, t) for t in left] == ["called", "waiting"]
    clock.set(wib(2026, 11, 24, 7, 55) + HOLD)
    assert server.call("GET", "/health").json()["local_date"] == "2026-11-24"
    first = server.issue("kk").json()
    assert (first["code"], first["service_date"]) == ("B-001", "2026-11-24")
    assert [status_of(server, t) for t in left] == ["expired", "expired"]


def test_a_server_started_with_its_clock_behind_the_records_keeps_the_queue(tmp_path):
    """GIVEN Tuesday's tickets on file, WHEN the server restarts with a clock on Monday (an RTC
    that lost a day), THEN it keeps Tuesday's queue and issues nothing on Monday's date; once
    the clock is right again the queue goes on."""
    clock = SettableClock(wib(2026, 11, 24, 9, 0))
    with live_server(tmp_path, clock=clock) as srv:
        ticket = srv.issue("kk").json()
    clock.set(wib(2026, 11, 23, 9, 0))
    with live_server(tmp_path, clock=clock) as srv:
        refused = srv.issue("kk")
        assert refused.status_code == 503 and refused.json()["error"]["code"] == "clock_unsettled"
        assert srv.call("GET", "/health").json()["local_date"] == "2026-11-24"
        clock.set(wib(2026, 11, 24, 9, 5))
        assert status_of(srv, ticket) == "waiting"
        assert srv.issue("kk").json()["code"] == "B-002"


def test_a_morning_start_issues_at_once_and_expires_yesterday_after_the_hold(tmp_path):
    clock = SettableClock(wib(2026, 11, 23, 14, 0))
    with live_server(tmp_path, clock=clock) as srv:
        left = srv.issue("kk").json()
    clock.set(wib(2026, 11, 24, 7, 58))
    with live_server(tmp_path, clock=clock) as srv:
        clock.set(wib(2026, 11, 24, 8, 0))
        assert srv.issue("kk").json()["code"] == "B-001"
        assert status_of(srv, left) == "waiting"
        clock.set(wib(2026, 11, 24, 7, 58) + HOLD)
        srv.issue("kk")
        assert status_of(srv, left) == "expired"


def test_the_day_end_job_expires_yesterday_with_no_request(server, clock):
    """The server's day keeper reads the clock every few seconds: once the new date has held,
    yesterday's tickets expire before anyone asks."""
    left = server.issue("kk").json()
    clock.set(wib(2026, 11, 24, 0, 1))
    server.services.engine.keep_day()
    assert status_of(server, left) == "waiting"
    clock.set(wib(2026, 11, 24, 0, 1) + HOLD)
    server.services.engine.keep_day()
    assert status_of(server, left) == "expired"
