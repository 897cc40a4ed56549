"""A checked-in ticket in the queue, called over HTTP: after the walk-ins queued before its slot's start, before
those queued after, with priority tickets placed by the site's policy (first, interleave) across both; and a
check-in window that crosses midnight WIB, where the booking's day decides."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.bookings.conftest import booked, changed_catalog, check_in, paspor_of
from tests.server.test_rules import new_day_at
from tests.support.clock import SettableClock, wib
from tests.support.server import LiveServer, live_server


@pytest.fixture(params=["first", "interleave"])
def policy_server(request, tmp_path: Path, clock: SettableClock) -> Iterator[tuple[str, LiveServer]]:
    path = changed_catalog(tmp_path, lambda doc: doc["site"].update(priority_policy=request.param, priority_ratio=2))
    with live_server(tmp_path, clock=clock, catalog=path, booking_attempts=1000) as live:
        yield request.param, live


def _call_all(server: LiveServer, count: int) -> list[str]:
    assert server.call("POST", "/counters/3/open", "staff1", json={}).status_code == 200
    called = []
    for _ in range(count):
        r = server.call("POST", "/counters/3/call-next", "staff1")
        assert r.status_code == 200, r.text
        ticket = r.json()["current_ticket"]
        called.append(ticket["code"])
        for action in ("start", "finish"):
            assert server.call("POST", f"/tickets/{ticket['id']}/{action}", "staff1").status_code == 200
    return called


def test_a_booked_ticket_is_called_by_its_slot_time_among_walk_ins_and_priority(policy_server, clock):
    policy, server = policy_server
    booking = booked(server, "2026-11-23", "10:00")
    clock.set(wib(2026, 11, 23, 9, 5))
    w1 = server.issue("paspor").json()["code"]
    clock.set(wib(2026, 11, 23, 9, 10))
    p1 = server.issue("paspor", priority="lansia").json()["code"]
    clock.set(wib(2026, 11, 23, 9, 30))
    checked_in = check_in(server, token=booking["token"])
    assert checked_in.status_code == 201
    b = checked_in.json()["code"]
    clock.set(wib(2026, 11, 23, 9, 40))
    w2 = server.issue("paspor").json()["code"]   # queued before 10.00: ahead of the booking
    clock.set(wib(2026, 11, 23, 10, 5))
    w3 = server.issue("paspor").json()["code"]   # queued after 10.00: behind it
    called = _call_all(server, 5)
    if policy == "first":
        assert called == [p1, w1, w2, b, w3]
    else:  # two regular, then one priority
        assert called == [w1, w2, p1, b, w3]


@pytest.fixture
def all_day_server(tmp_path: Path, clock: SettableClock) -> Iterator[LiveServer]:
    """Paspor open every day from 00.00 to 23.59 with 5-minute slots, so a window crosses midnight."""
    def open_all_day(doc: dict[str, Any]) -> None:
        paspor = paspor_of(doc)
        paspor["hours"] = dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "00.00-23.59")
        paspor["cutoff_minutes"] = 0
        paspor["breaks"] = []
        paspor["booking"]["slot_minutes"] = 5
        paspor["quota"] = 400
    clock.set(wib(2026, 11, 23, 20, 0))
    catalog = changed_catalog(tmp_path, open_all_day)
    with live_server(tmp_path, clock=clock, catalog=catalog, booking_attempts=1000) as live:
        yield live


def test_a_window_across_midnight_wib_ends_with_its_day(all_day_server, clock):
    server = all_day_server
    inside, yesterdays = booked(server, "2026-11-23", "23:50"), booked(server, "2026-11-23", "23:50")
    after_midnight = booked(server, "2026-11-24", "00:10")
    clock.set(wib(2026, 11, 23, 23, 30))
    early = check_in(server, token=after_midnight["token"])   # inside 00.10's window, but tomorrow's booking
    assert early.json()["error"]["code"] == "booking_not_today"
    assert early.json()["error"]["params"] == {"date": "2026-11-24"}
    clock.set(wib(2026, 11, 23, 23, 55))
    assert check_in(server, token=inside["token"]).status_code == 201
    # 00.05 is 15 minutes after 23.50, inside its window by the clock's distance: the booking's day decides.
    new_day_at(server, clock, wib(2026, 11, 24, 0, 5))
    r = check_in(server, token=yesterdays["token"])
    assert r.status_code == 409 and r.json()["error"]["params"] == {"date": "2026-11-23"}
    assert r.json()["error"]["code"] == "booking_not_today"
    ticket = check_in(server, token=after_midnight["token"])
    assert ticket.status_code == 201 and ticket.json()["booked_for"] == "00:10"
    assert ticket.json()["service_date"] == "2026-11-24"
