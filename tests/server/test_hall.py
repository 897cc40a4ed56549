"""GET /api/v1/hall and /me/day over real HTTP: the hall's figures as a supervisor and an officer see them."""

from __future__ import annotations

from tests.support.server import LiveServer


def _loket(hall: dict, loket_id: int) -> dict:
    return next(c for c in hall["lokets"] if c["id"] == loket_id)


def _service(hall: dict, service_id: str) -> dict:
    return next(s for s in hall["services"] if s["id"] == service_id)


def test_the_hall_shows_each_loket_its_ticket_and_each_queue_with_its_wait(any_server: LiveServer) -> None:
    """GIVEN two KTP tickets, a loket opened by staff1 that called the first
    WHEN 31 minutes pass (the test catalog's KTP target is 30)
    THEN the hall shows the loket's officer and ticket since its call, one waiting with the longest wait,
    and an alert for the wait over the target; the officer's own day counts the ticket once done."""
    server = any_server
    first = server.issue("ktp").json()
    server.issue("ktp")
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    called = server.call("POST", "/counters/1/call-next", "staff1").json()
    assert called["current_ticket"]["code"] == first["code"]
    server.clock.advance(minutes=31)

    hall = server.call("GET", "/hall", "super").json()
    loket = _loket(hall, 1)
    assert (loket["state"], loket["staff"], loket["current_code"], loket["current_status"]) == \
        ("open", "staff1", first["code"], "called")
    assert loket["since"] == called["current_ticket"]["called_at"]
    ktp = _service(hall, "ktp")
    assert (ktp["waiting"], ktp["longest_wait_minutes"], ktp["target_wait_minutes"], ktp["over_target"]) == \
        (1, 31, 30, True)
    assert ktp["quota_left"] == 3
    assert {"kind": "wait_over_target", "subject": "ktp", "minutes": 31} in hall["alerts"]
    assert {a["subject"] for a in hall["alerts"] if a["kind"] == "device_silent"} == {"kiosk-1", "display-1"}

    ticket_id = called["current_ticket"]["id"]
    assert server.call("POST", f"/tickets/{ticket_id}/start", "staff1").status_code == 200
    server.clock.advance(minutes=6)
    assert server.call("POST", f"/tickets/{ticket_id}/finish", "staff1").status_code == 200
    day = server.call("GET", "/me/day", "staff1").json()
    assert (day["done"], day["mean_service_minutes"]) == (1, 6.0)
    assert day["services"] == [{"service_id": "ktp", "name": "KTP Elektronik", "name_en": "Electronic ID card",
                                "done": 1, "mean_service_minutes": 6.0}]
    assert _loket(server.call("GET", "/hall", "admin").json(), 1)["served_today"] == 1
    assert server.call("GET", "/me/day", "staff2").json()["done"] == 0


def test_the_hall_shows_todays_quota_and_a_service_the_office_closed_as_the_kiosk_gets_them(
        any_server: LiveServer) -> None:
    """GIVEN two KTP tickets (the catalog's quota 5)
    WHEN a supervisor raises today's KTP quota to 9 and closes KK for today
    THEN the hall's KTP quota is 9 with 7 left and KK is closed by the office: what /catalog says too."""
    server = any_server
    for _ in range(2):
        assert server.issue("ktp").status_code == 201
    assert server.call("PUT", "/today/services/ktp/quota", "super", json={"quota": 9}).status_code == 200
    assert server.call("PUT", "/today/services/kk/closed", "super", json={"note": "Diklat"}).status_code == 200
    hall = server.call("GET", "/hall", "super").json()
    catalog = {s["id"]: s for a in server.call("GET", "/catalog", "kiosk").json()["agencies"] for s in a["services"]}
    for sid, expected in (("ktp", (True, None, 9, 7)), ("kk", (False, "service_closed_today", 2000, 2000))):
        seen = _service(hall, sid)
        assert (seen["open"], seen["closed_reason"], seen["quota"], seen["quota_left"]) == expected
        kiosk = catalog[sid]
        assert (kiosk["open"], kiosk["closed_reason"], kiosk["quota"], kiosk["quota_left"]) == expected
