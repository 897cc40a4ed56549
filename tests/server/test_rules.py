"""The queue rules: availability in the blueprint's order, the WIB date, the priority policies, the
estimate, and day-end expiry; over real HTTP, or at engine level (tests/support/engine.py) where the
rule is all a test means."""

from __future__ import annotations

import tomllib

import pytest
import tomli_w
from sqlalchemy import update

from server.db import counters, tickets
from server.service_day import HOLD
from tests.support.clock import SettableClock, wib
from tests.support.engine import engine_hall
from tests.support.server import TEST_CATALOG


def new_day_at(srv, clock: SettableClock, moment) -> None:
    """Move the clock to another date the way a real day change does: the new date has held
    (server/service_day.py), so it is the service day by ``moment``."""
    clock.set(moment - HOLD)
    srv.call("GET", "/health")
    clock.set(moment)


def error_of(response) -> dict:
    assert response.status_code == 409, response.text
    return response.json()["error"]


@pytest.mark.parametrize(("moment", "service", "code"), [
    (wib(2026, 11, 23, 9, 0), "akta", "service_inactive"),
    (wib(2026, 12, 25, 9, 0), "ktp", "holiday"),               # a Friday, normally open
    (wib(2026, 11, 28, 9, 0), "ktp", "closed_day"),            # Saturday
    (wib(2026, 11, 23, 7, 59), "ktp", "not_open_yet"),
    (wib(2026, 11, 23, 14, 30), "ktp", "closed_for_today"),    # 15.00 minus 30 minutes
    (wib(2026, 11, 23, 11, 0), "paspor", "closed_for_today"),  # its own 12.00 close, 60 min cut-off
    (wib(2026, 11, 23, 12, 15), "ktp", "on_break"),            # daily rest
    (wib(2026, 11, 27, 11, 45), "ktp", "on_break"),            # Friday prayer
])
def test_closed_services_refuse_with_their_own_code(server, clock, moment, service, code):
    clock.set(moment)
    err = error_of(server.issue(service))
    assert err["code"] == code
    listed = next(s for a in server.call("GET", "/catalog", "kiosk").json()["agencies"]
                  for s in a["services"] if s["id"] == service)
    assert listed["open"] is False and listed["closed_reason"] == code


def test_open_moments_issue_tickets(server, clock):
    for moment in (wib(2026, 11, 23, 8, 0), wib(2026, 11, 23, 11, 59), wib(2026, 11, 23, 13, 0),
                   wib(2026, 11, 23, 14, 29)):
        clock.set(moment)
        assert server.issue("kk").status_code == 201, moment
    new_day_at(server, clock, wib(2026, 11, 27, 14, 59))
    assert server.issue("kk").status_code == 201


def test_messages_name_the_hour_the_indonesian_way(server, clock):
    clock.set(wib(2026, 11, 23, 7, 30))
    err = error_of(server.issue("ktp"))
    assert "08.00 WIB" in err["message"] and err["params"]["opens_at"] == "08.00 WIB"
    clock.set(wib(2026, 11, 23, 12, 10))
    assert error_of(server.issue("ktp"))["params"]["resumes_at"] == "13.00 WIB"
    clock.set(wib(2026, 11, 27, 11, 40))
    err = error_of(server.issue("ktp"))
    assert err["params"]["break_reason"] == "sholat_jumat" and err["params"]["resumes_at"] == "12.30 WIB"
    clock.set(wib(2026, 11, 28, 9, 0))
    err = error_of(server.issue("ktp"))
    assert err["params"]["next_open_date"] == "2026-11-30" and err["params"]["next_opens_at"] == "08.00 WIB"


def test_checks_run_in_the_blueprint_order(server, clock):
    """GIVEN moments where two reasons hold, THEN the earlier check in the blueprint's list wins."""
    clock.set(wib(2026, 12, 25, 9, 0))                    # holiday and inactive
    assert error_of(server.issue("akta"))["code"] == "service_inactive"
    clock.set(wib(2026, 12, 25, 7, 0))                    # holiday and before opening
    assert error_of(server.issue("ktp"))["code"] == "holiday"
    clock.set(wib(2026, 11, 23, 9, 0))
    for _ in range(5):
        assert server.issue("ktp").status_code == 201
    clock.set(wib(2026, 11, 23, 12, 30))                  # break and quota full
    assert error_of(server.issue("ktp"))["code"] == "on_break"
    clock.set(wib(2026, 11, 23, 13, 30))
    assert error_of(server.issue("ktp"))["code"] == "quota_exhausted"


def test_daily_quota_counts_and_refuses_the_next(server):
    codes = [server.issue("ktp").json()["code"] for _ in range(5)]
    assert codes == ["A-001", "A-002", "A-003", "A-004", "A-005"]
    err = error_of(server.issue("ktp"))
    assert err["code"] == "quota_exhausted" and err["params"]["quota"] == 5
    ktp = server.call("GET", "/catalog", "kiosk").json()["agencies"][0]["services"][0]
    assert ktp["quota_left"] == 0 and ktp["closed_reason"] == "quota_exhausted"


def test_numbers_reset_on_the_wib_date_not_the_utc_date(tmp_path):
    """GIVEN a server open all hours, WHEN the clock passes 17.00 UTC (midnight WIB), THEN the
    numbers start again at 001 with tomorrow's date, though UTC is still on the same day."""
    clock = SettableClock(wib(2026, 11, 23, 23, 59))
    with engine_hall(tmp_path, clock=clock, open_all_hours=True) as hall:
        first = hall.issue("kk")
        assert (first["code"], first["service_date"]) == ("B-001", "2026-11-23")
        hall.new_day_at(wib(2026, 11, 24, 6, 30))   # 23.30 UTC on the 23rd
        assert clock.now().day == 23
        second = hall.issue("kk")
        assert (second["code"], second["service_date"]) == ("B-001", "2026-11-24")


def test_open_all_hours_ignores_the_clock_but_not_the_quota(tmp_path):
    clock = SettableClock(wib(2026, 11, 28, 3, 0))         # Saturday night
    with engine_hall(tmp_path, clock=clock, open_all_hours=True) as hall:
        assert [hall.issue("ktp")["code"] for _ in range(5)] == ["A-001", "A-002", "A-003", "A-004", "A-005"]
        full, inactive = hall.refusal("ktp"), hall.refusal("akta")
        assert (full.status, full.code) == (409, "quota_exhausted")
        assert (inactive.status, inactive.code) == (409, "service_inactive")


def test_priority_first_policy(tmp_path):
    with engine_hall(tmp_path) as hall:
        for prio in (None, None, "lansia", None, "ibu_hamil"):
            hall.issue("kk", priority=prio)
        hall.engine.open_counter(hall.staff, 1, None)
        assert [hall.serve_next(1) for _ in range(5)] == ["B-003", "B-005", "B-001", "B-002", "B-004"]


def test_interleave_policy_serves_two_regular_then_one_priority(tmp_path):
    doc = tomllib.loads(TEST_CATALOG.read_text())
    doc["site"]["priority_policy"] = "interleave"
    doc["site"]["priority_ratio"] = 2
    path = tmp_path / "interleave.toml"
    path.write_text(tomli_w.dumps(doc))
    with engine_hall(tmp_path, catalog=path) as hall:
        for prio in (None, None, None, None, "disabilitas", "anak"):
            hall.issue("kk", priority=prio)
        hall.engine.open_counter(hall.staff, 1, None)
        assert [hall.serve_next(1) for _ in range(6)] == ["B-001", "B-002", "B-005", "B-003", "B-004", "B-006"]


def test_people_ahead_and_estimate_follow_open_counters(server):
    """kk's mean service time is 6 minutes: 2 ahead take 12 minutes at one loket, 6 at two."""
    for _ in range(3):
        third = server.issue("kk").json()
    assert third["people_ahead"] == 2 and third["eta_minutes"] == 12
    server.call("POST", "/counters/1/open", "staff1")
    server.call("POST", "/counters/2/open", "staff2")
    again = server.call("GET", f"/tickets/lookup?code={third['code']}", "kiosk").json()
    assert again["people_ahead"] == 2 and again["eta_minutes"] == 6
    catalog_kk = server.call("GET", "/catalog", "kiosk").json()["agencies"][0]["services"][1]
    assert catalog_kk["waiting"] == 3 and catalog_kk["eta_minutes"] == 9 and catalog_kk["counters_open"] == 2


def test_unserved_tickets_expire_at_day_end(server, clock):
    waiting = server.issue("kk").json()
    server.call("POST", "/counters/1/open", "staff")
    called = server.call("POST", "/counters/1/call-next", "staff").json()["current_ticket"]
    new_day_at(server, clock, wib(2026, 11, 24, 8, 30))
    assert server.issue("kk").json()["code"] == "B-001"
    for t in (waiting, called):
        old = server.call("GET", f"/tickets/{t['id']}", "kiosk").json()
        assert old["status"] == "expired"
    server.tokens["admin"] = server.login("admin")  # yesterday's staff tokens have expired
    assert server.call("GET", "/counters", "admin").json()[0]["current_ticket"] is None


def test_idempotent_replay_returns_the_same_ticket(server, clock):
    first = server.issue("kk", key="tap-0000001")
    clock.advance(minutes=30)
    again = server.issue("kk", key="tap-0000001")
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and again.json()["token"] == first.json()["token"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert server.issue("kk").json()["code"] == "B-002"


def test_a_retried_tap_gets_its_ticket_after_the_quota_filled_or_the_service_closed(server, clock):
    """The last ticket of the day was issued but its answer was lost; the kiosk's retry arrives
    once the quota is full, and again after closing time: both times it is that ticket."""
    clock.set(wib(2026, 11, 23, 9, 0))
    for i in range(4):
        assert server.issue("ktp", key=f"fill-{i:07d}").status_code == 201
    last = server.issue("ktp", key="last-tap-01")
    assert last.status_code == 201
    assert error_of(server.issue("ktp"))["code"] == "quota_exhausted"
    again = server.issue("ktp", key="last-tap-01")
    assert again.status_code == 200 and again.json()["id"] == last.json()["id"]
    clock.set(wib(2026, 11, 23, 14, 45))
    later = server.issue("ktp", key="last-tap-01")
    assert later.status_code == 200 and later.json()["code"] == last.json()["code"]
    other = server.issue("kk", key="last-tap-01")
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"


def test_a_late_expiry_run_leaves_todays_tickets_at_their_lokets(server, clock):
    """GIVEN a loket serving today's ticket and a stale ticket of yesterday at another loket,
    WHEN a second server process runs its day-end expiry late in the morning, THEN only the
    stale ticket is let go of."""
    clock.set(wib(2026, 11, 23, 9, 0))
    server.call("POST", "/counters/2/open", "staff2")
    server.issue("kk")
    stale = server.call("POST", "/counters/2/call-next", "staff2").json()["current_ticket"]
    new_day_at(server, clock, wib(2026, 11, 24, 9, 0))
    server.tokens["staff1"] = server.login("staff1")
    server.call("POST", "/counters/1/open", "staff1")
    server.issue("kk")
    today = server.call("POST", "/counters/1/call-next", "staff1").json()["current_ticket"]
    # Yesterday's ticket is still at loket 2 as another process left it; this process's expiry
    # has already run, so run it as a second process would.
    with server.services.db.write() as conn:
        conn.execute(update(counters).where(counters.c.id == 2).values(current_ticket_id=stale["id"]))
        conn.execute(update(tickets).where(tickets.c.id == stale["id"]).values(status="called"))
    server.services.engine.expiry.expired_through = None
    server.issue("kk")
    lokets = {c["id"]: c for c in server.call("GET", "/counters", "staff1").json()}
    assert lokets[1]["current_ticket"]["id"] == today["id"]
    assert lokets[2]["current_ticket"] is None
    assert server.call("GET", f"/tickets/{stale['id']}", "kiosk").json()["status"] == "expired"
