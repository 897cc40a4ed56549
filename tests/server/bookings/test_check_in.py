"""Checking a booking in at the kiosk, over real HTTP: each edge of the window a minute inside and outside,
the typed code's check digit and the NIK's last four, the Idempotency-Key's replay, a second kiosk, a
cancelled booking, another day's, a late arrival who then takes a walk-in ticket, the walk-in reserve, and the
day's end."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.wire import Ticket
from server.db import bookings, events, tickets
from tests.server.bookings.conftest import booked, check_in
from tests.server.test_rules import new_day_at
from tests.support.clock import wib

TODAY, TUESDAY = "2026-11-23", "2026-11-24"


def _error(r) -> dict:
    return r.json()["error"]


def _one_digit_wrong(code: str) -> str:
    return code[:4] + str((int(code[4]) + 1) % 10) + code[5:]


def test_each_edge_of_the_window_a_minute_inside_and_outside(server, clock):
    first, second, third = (booked(server, TODAY, "10:00") for _ in range(3))
    clock.set(wib(2026, 11, 23, 8, 59))
    early = check_in(server, token=first["token"])
    assert early.status_code == 409 and _error(early)["code"] == "booking_too_early"
    assert _error(early)["params"] == {"slot": "10:00", "come_back_at": "09:00"}
    clock.set(wib(2026, 11, 23, 9, 0))
    opened = check_in(server, token=first["token"])
    assert opened.status_code == 201
    ticket = Ticket.model_validate(opened.json())
    assert ticket.booked_for == "10:00" and ticket.code == "B2-001" and ticket.service_id == "paspor"
    clock.set(wib(2026, 11, 23, 10, 15) + timedelta(seconds=59))
    assert check_in(server, token=second["token"]).status_code == 201
    clock.set(wib(2026, 11, 23, 10, 16))
    late = check_in(server, token=third["token"])
    assert late.status_code == 409 and _error(late)["code"] == "booking_too_late"
    assert _error(late)["params"] == {"slot": "10:00", "late_minutes": 15, "walk_in": True, "service_id": "paspor"}
    with server.services.db.read() as conn:
        rows = {r.token: r for r in conn.execute(select(bookings)).all()}
        issued = conn.execute(select(tickets.c.booking_id, tickets.c.queued_at, tickets.c.issued_at)).all()
    assert [rows[b["token"]].status for b in (first, second, third)] == ["checked_in", "checked_in", "booked"]
    # Queued at the slot's start, issued at the real moment.
    assert {t.queued_at for t in issued} == {wib(2026, 11, 23, 10, 0)}
    assert {t.booking_id for t in issued} == {rows[first["token"]].id, rows[second["token"]].id}
    assert wib(2026, 11, 23, 9, 0) in {t.issued_at for t in issued}


def test_a_late_arrival_is_refused_then_issued_a_walk_in_ticket(server, clock):
    late = booked(server, TODAY, "09:30")
    clock.set(wib(2026, 11, 23, 9, 46))
    refused = check_in(server, token=late["token"])
    assert _error(refused)["params"]["walk_in"] is True
    walk_in = server.issue(_error(refused)["params"]["service_id"])
    assert walk_in.status_code == 201 and walk_in.json()["booked_for"] is None
    assert server.call("GET", f"/bookings/{late['token']}").json()["status"] == "booked"


def test_a_typed_code_is_checked_before_any_look_up_and_a_wrong_nik_is_no_oracle(server):
    made = booked(server, TODAY, "10:00")
    code, last4 = made["code"], made["nik_last4"]
    for typo in (_one_digit_wrong(code), code[:8], code[1] + code[0] + code[2:] if code[0] != code[1] else "1"):
        r = check_in(server, code=typo, nik_last4=last4)
        assert r.status_code == 422 and _error(r)["code"] == "booking_code_invalid", typo
    wrong_nik = check_in(server, code=code, nik_last4="9999" if last4 != "9999" else "0000")
    unknown = check_in(server, code="000000000", nik_last4=last4)
    assert wrong_nik.status_code == unknown.status_code == 404
    assert _error(wrong_nik)["code"] == _error(unknown)["code"] == "booking_not_found"
    assert _error(wrong_nik)["message"] == _error(unknown)["message"]
    shown = f"{code[:3]}-{code[3:6]}-{code[6:]}"
    assert check_in(server, code=shown, nik_last4=last4).status_code == 201


def test_a_replay_with_the_same_key_gets_the_same_ticket_and_a_second_kiosk_is_told(server):
    made = booked(server, TODAY, "10:00")
    first = check_in(server, key="kiosk-tap-0001", token=made["token"])
    again = check_in(server, key="kiosk-tap-0001", code=made["code"], nik_last4=made["nik_last4"])
    assert first.status_code == 201 and again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    server.tokens["kiosk2"] = server.enroll("kiosk", "kiosk-2")
    other = check_in(server, "kiosk2", key="kiosk-tap-0001", token=made["token"])
    assert other.status_code == 409 and _error(other)["code"] == "booking_already_checked_in"
    assert _error(other)["params"] == {"code": first.json()["code"]}
    another = booked(server, TODAY, "10:00")
    reused = check_in(server, key="kiosk-tap-0001", token=another["token"])
    assert reused.status_code == 422 and _error(reused)["code"] == "idempotency_key_reused"
    with server.services.db.read() as conn:
        assert len(conn.execute(select(tickets)).all()) == 1
    assert server.call("GET", f"/bookings/{made['token']}").json()["ticket_code"] == first.json()["code"]


def test_a_cancelled_booking_and_one_of_another_day_are_refused(server, clock):
    cancelled = booked(server, TODAY, "10:00")
    server.call("POST", f"/bookings/{cancelled['token']}/cancel")
    r = check_in(server, token=cancelled["token"])
    assert r.status_code == 409 and _error(r)["code"] == "booking_cancelled"
    tomorrow = booked(server, TUESDAY, "09:00")
    r = check_in(server, token=tomorrow["token"])
    assert _error(r)["code"] == "booking_not_today" and _error(r)["params"] == {"date": TUESDAY}
    assert check_in(server, "display", token=tomorrow["token"]).status_code == 403
    assert check_in(server, "staff1", token=tomorrow["token"]).status_code == 409
    missing = server.call("POST", "/bookings/check-in", "kiosk", json={"token": tomorrow["token"]})
    assert _error(missing)["code"] == "idempotency_key_required"
    neither = check_in(server, code=tomorrow["code"])
    assert neither.status_code == 422 and _error(neither)["code"] == "invalid_request"


def test_walk_ins_are_refused_while_booked_places_are_kept(server, clock):
    # Today's quota set to 4 (2 bookable): the two booked places kept for their holders leave two walk-ins.
    assert server.call("PUT", "/today/services/paspor/quota", "super", json={"quota": 4}).status_code == 200
    kept = [booked(server, TODAY, "10:00") for _ in range(2)]
    assert server.issue("paspor").status_code == server.issue("paspor").status_code == 201
    full = server.issue("paspor")
    assert full.status_code == 409 and _error(full)["code"] == "quota_exhausted"
    catalog = server.call("GET", "/catalog", "kiosk").json()
    paspor = next(s for a in catalog["agencies"] for s in a["services"] if s["id"] == "paspor")
    assert paspor["quota_left"] == 0 and not paspor["open"]
    # A holder checks in even with the quota reached: the place was theirs.
    assert check_in(server, token=kept[0]["token"]).status_code == 201
    assert server.issue("paspor").status_code == 409
    # Once the other's window has closed (10.15), its place goes back to the walk-ins.
    clock.set(wib(2026, 11, 23, 10, 16))
    assert server.issue("paspor").status_code == 201
    late = check_in(server, token=kept[1]["token"])
    assert _error(late)["params"]["walk_in"] is False


def test_the_day_end_makes_no_shows_and_deletes_the_phone_numbers(server, clock):
    missed = booked(server, TODAY, "10:00", phone="081234567890", consent=True)
    came = booked(server, TODAY, "10:00", phone="081298765432", consent=True)
    later = booked(server, TUESDAY, "09:00", phone="081211112222", consent=True)
    assert check_in(server, token=came["token"]).status_code == 201
    new_day_at(server, clock, wib(2026, 11, 24, 7, 0))
    server.services.engine.keep_day()
    after = {name: server.call("GET", f"/bookings/{b['token']}").json()
             for name, b in (("missed", missed), ("came", came), ("later", later))}
    assert (after["missed"]["status"], after["came"]["status"], after["later"]["status"]) == (
        "no_show", "checked_in", "booked")
    assert not after["missed"]["has_phone"] and not after["came"]["has_phone"] and after["later"]["has_phone"]
    with server.services.db.read() as conn:
        phones = conn.execute(select(bookings.c.phone).order_by(bookings.c.id)).scalars().all()
    assert phones == [None, None, "6281211112222"]
    with server.services.db.read() as conn:
        told = conn.execute(select(events.c.data).where(events.c.type == "booking.changed")
                            .order_by(events.c.seq.desc())).scalars().first()
    assert told == {"id": 1, "service_id": "paspor", "service_date": TODAY, "slot_start": "10:00",
                    "status": "no_show"}


def test_a_booked_ticket_transferred_waits_by_the_transfer_and_is_no_longer_marked_booked(server):
    made = booked(server, TODAY, "10:00")
    ticket = check_in(server, token=made["token"]).json()
    assert server.call("POST", "/counters/3/open", "staff1", json={}).status_code == 200
    assert server.call("POST", "/counters/3/call-next", "staff1").json()["current_ticket"]["id"] == ticket["id"]
    assert server.call("POST", f"/tickets/{ticket['id']}/start", "staff1").status_code == 200
    moved = server.call("POST", f"/tickets/{ticket['id']}/transfer", "staff1", json={"service_id": "kk"})
    assert moved.status_code == 200 and moved.json()["booked_for"] is None


def test_the_citizens_status_and_its_page_say_the_booked_slot_and_a_walk_ins_say_none(server):
    ticket = check_in(server, token=booked(server, TODAY, "10:00")["token"]).json()
    walk_in = server.issue("paspor").json()
    assert server.call("GET", f"/tickets/status/{ticket['token']}").json()["booked_for"] == "10:00"
    assert server.call("GET", f"/tickets/status/{walk_in['token']}").json()["booked_for"] is None
    page = server.http.get(f"{server.url}/t/{ticket['token']}", timeout=10)
    assert page.status_code == 200 and "Booking <b>10.00</b>" in page.text and "booked for 10:00" in page.text
    assert "Booking" not in server.http.get(f"{server.url}/t/{walk_in['token']}", timeout=10).text

def test_every_single_mistyped_digit_and_every_neighbour_swap_is_refused_before_a_look_up(server):
    made = booked(server, TODAY, "10:00")
    code, last4 = made["code"], made["nik_last4"]
    typos = {code[:i] + d + code[i + 1:] for i in range(9) for d in "0123456789" if d != code[i]}
    typos |= {code[:i] + code[i + 1] + code[i] + code[i + 2:] for i in range(8) if code[i] != code[i + 1]}
    answers = {typo: check_in(server, code=typo, nik_last4=last4) for typo in sorted(typos)}
    assert {t: r.json()["error"]["code"] for t, r in answers.items()} == dict.fromkeys(typos, "booking_code_invalid")
    assert server.call("GET", f"/bookings/{made['token']}").json()["status"] == "booked"
