"""No-show is offered only after a ticket has been called for the site's set time, and a ticket
goes back to waiting (a late citizen, an officer who must leave) by its original queue time, over
real HTTP: who may, which day, what the queue, the events and the status page then say."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from server.catalog import load_catalog_file
from tests.server.test_counter_flow import act, call_next, follow_events, ok, on_ticket, refused, take, ticket
from tests.support.server import TEST_CATALOG, LiveServer


def with_no_show_wait(server: LiveServer, folder: Path, minutes: int) -> LiveServer:
    """The test catalog with the site's no-show wait set, imported as a new catalog version."""
    text = TEST_CATALOG.read_text(encoding="utf-8").replace(
        "no_show_after_minutes = 0", f"no_show_after_minutes = {minutes}")
    path = folder / f"no-show-after-{minutes}.toml"
    path.write_text(text, encoding="utf-8")
    server.services.engine.import_catalog(load_catalog_file(path), str(path))
    return server


@pytest.fixture
def two_minute_site(server: LiveServer, tmp_path: Path) -> LiveServer:
    """The site's real rule: no-show only two minutes after the call."""
    return with_no_show_wait(server, tmp_path, 2)


def open_loket(server: LiveServer, role: str = "staff1", counter_id: int = 1) -> None:
    ok(act(server, role, counter_id, "open"))


def test_a_no_show_before_the_set_time_is_refused_and_changes_nothing(two_minute_site: LiveServer) -> None:
    server = two_minute_site
    take(server)
    open_loket(server)
    called = call_next(server, "staff1", 1)
    assert called["called_at"] is not None and called["started_at"] is None
    server.clock.advance(seconds=90)
    err = refused(on_ticket(server, "staff1", called, "no-show"), 409, "no_show_too_early")
    assert err["params"]["seconds_left"] == 30
    assert ticket(server, called)["status"] == "called"
    server.clock.advance(seconds=30)
    assert ok(on_ticket(server, "staff1", called, "no-show"))["status"] == "no_show"


def test_the_site_tells_the_apps_how_long_before_no_show(two_minute_site: LiveServer) -> None:
    catalog = ok(two_minute_site.call("GET", "/catalog", "staff1"))
    assert catalog["site"]["no_show_after_seconds"] == 120


def test_a_late_citizen_is_put_back_by_the_time_they_took_the_ticket(server: LiveServer) -> None:
    """Fair to both: the late citizen keeps their place (ahead of those who came after them), and
    nobody who came earlier is passed."""
    first, second, third = take(server), take(server), take(server)
    open_loket(server)
    called = call_next(server, "staff1", 1)
    assert called["id"] == first["id"]
    ok(on_ticket(server, "staff1", called, "no-show"))
    assert call_next(server, "staff1", 1)["id"] == second["id"]
    back = ok(on_ticket(server, "staff1", first, "requeue"))
    assert back["status"] == "waiting" and back["counter"] is None and back["called_at"] is None
    assert back["people_ahead"] == 0
    waiting = ok(server.call("GET", "/counters/1/queue", "staff1"))["waiting"]
    assert [t["id"] for t in waiting] == [first["id"], third["id"]]


def test_requeue_is_audited_with_who_and_when(server: LiveServer) -> None:
    take(server)
    open_loket(server)
    called = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", called, "no-show"))
    server.clock.advance(minutes=5)
    ok(on_ticket(server, "staff1", called, "requeue"))
    events = follow_events(server, lambda seen: any(e["data"].get("requeued_from") for e in seen))
    told = next(e for e in events if e["data"].get("requeued_from"))
    assert told["type"] == "ticket.status"
    assert told["data"]["by"] == "staff1" and told["data"]["requeued_from"] == "no_show"
    assert told["data"]["status"] == "waiting"
    assert told["at"].startswith(server.clock.now().isoformat()[:16])


def test_only_the_lokets_officer_or_a_supervisor_may_put_a_no_show_back(server: LiveServer) -> None:
    take(server)
    take(server)
    open_loket(server)
    open_loket(server, "staff2", 2)
    called = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", called, "no-show"))
    refused(on_ticket(server, "staff2", called, "requeue"), 403, "ticket_not_at_your_counter")
    refused(on_ticket(server, "kiosk", called, "requeue"), 403, "forbidden")
    assert ticket(server, called)["status"] == "no_show"
    assert ok(on_ticket(server, "super", called, "requeue"))["status"] == "waiting"


def test_a_no_show_of_another_day_stays_missed(server: LiveServer) -> None:
    take(server)
    open_loket(server)
    called = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", called, "no-show"))
    server.clock.advance(days=1)
    server.tokens["super"] = server.login("super")  # yesterday's sign-in has ended
    ok(server.call("GET", "/catalog", "super"))   # the server sees the new date, which holds a few minutes
    server.clock.advance(minutes=6)
    refused(on_ticket(server, "super", called, "requeue"), 409, "ticket_of_another_day")
    assert ok(server.call("GET", f"/tickets/{called['id']}", "super"))["status"] == "no_show"


def test_a_ticket_in_hand_goes_back_to_waiting_and_the_loket_is_free(server: LiveServer) -> None:
    first, second = take(server), take(server)
    open_loket(server)
    called = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", called, "start"))
    back = ok(on_ticket(server, "staff1", called, "requeue"))
    assert back["status"] == "waiting" and back["started_at"] is None
    loket = ok(act(server, "staff1", 1, "close"))
    assert loket["state"] == "closed"
    open_loket(server, "staff2", 1)
    assert call_next(server, "staff2", 1)["id"] == first["id"]
    assert second["id"] != first["id"]


def test_a_waiting_or_finished_ticket_cannot_be_requeued(server: LiveServer) -> None:
    first = take(server)
    take(server)
    refused(on_ticket(server, "super", first, "requeue"), 409, "invalid_transition")
    open_loket(server)
    called = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", called, "start"))
    ok(on_ticket(server, "staff1", called, "finish"))
    refused(on_ticket(server, "super", called, "requeue"), 409, "invalid_transition")


def test_the_status_page_of_a_missed_ticket_sends_the_citizen_to_the_loket(server: LiveServer) -> None:
    t = take(server)
    open_loket(server)
    called = call_next(server, "staff1", 1)
    ok(on_ticket(server, "staff1", called, "no-show"))
    page = requests.get(f"{server.url}/t/{t['token']}", timeout=5)
    assert page.status_code == 200
    text = page.text
    assert "Jangan mengambil tiket baru" in text and "Do not take a new ticket" in text
    assert "Loket 1" in text
