"""Making, reading and cancelling bookings over real HTTP: a day's slots and places, the refusals with their
reason and the next free slot, the per-NIK limits a day and an ISO week, consent for a phone number, the rate
limit per client address, and the events that tell of each change (and never name the holder)."""

from __future__ import annotations

from sqlalchemy import select

from core import booking_code
from core.wire import Booking, BookingDay, BookingQuota, Event, EventType
from server.db import bookings, events
from tests.server.bookings.conftest import book, booked, new_nik
from tests.server.test_rules import new_day_at
from tests.support.clock import wib
from tests.support.server import live_server

TUESDAY, WEDNESDAY, THURSDAY, NEXT_MONDAY = "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-30"


def _error(r) -> dict:
    return r.json()["error"]


def test_a_booking_is_made_read_and_cancelled_by_its_token(server):
    made = Booking.model_validate(booked(server, TUESDAY, "09:00", phone="081234567890", consent=True))
    assert booking_code.is_valid(made.code) and len(made.code) == 9
    assert (made.service_id, str(made.service_date), made.slot_start, made.slot_end) == (
        "paspor", TUESDAY, "09:00", "09:30")
    assert (made.check_in_from, made.check_in_until, made.status.value) == ("08:00", "09:15", "booked")
    assert made.has_phone and made.nik_last4 and made.link == f"{server.url}/booking/{made.token}"
    assert made.service_name == "Paspor" and made.agency_name == "Kantor Imigrasi Serang"
    assert Booking.model_validate(server.call("GET", f"/bookings/{made.token}").json()) == made
    cancelled = server.call("POST", f"/bookings/{made.token}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = server.call("POST", f"/bookings/{made.token}/cancel")
    assert again.status_code == 200 and again.json()["status"] == "cancelled"
    assert _error(server.call("GET", "/bookings/no-such-token"))["code"] == "booking_not_found"


def test_each_change_is_an_event_without_code_token_nik_or_phone(server):
    made = booked(server, TUESDAY, "09:00", phone="081234567890", consent=True)
    server.call("POST", f"/bookings/{made['token']}/cancel")
    with server.services.db.read() as conn:
        rows = conn.execute(select(events).where(events.c.type == EventType.BOOKING_CHANGED.value)
                            .order_by(events.c.seq)).all()
    assert [r.data["status"] for r in rows] == ["booked", "cancelled"]
    for row in rows:
        text = str(Event(seq=row.seq, type=row.type, at=row.at, data=row.data).data)
        assert set(row.data) == {"id", "service_id", "service_date", "slot_start", "status"}
        assert made["code"] not in text and made["token"] not in text and "0812" not in text


def test_the_day_shows_its_slots_and_the_places_left(server):
    booked(server, TUESDAY, "09:00")
    day = BookingDay.model_validate(server.call("GET", "/bookings/days",
                                                params={"service_id": "paspor", "date": TUESDAY}).json())
    assert day.open and [s.start for s in day.slots] == ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30"]
    assert {s.start: s.left for s in day.slots}["09:00"] == 3 and day.slots[0].left == 4
    # Today (Monday 09.00): only the slots not begun yet are offered.
    today = server.call("GET", "/bookings/days", params={"service_id": "paspor", "date": "2026-11-23"}).json()
    assert [s["start"] for s in today["slots"]] == ["09:30", "10:00", "10:30"]
    saturday = server.call("GET", "/bookings/days", params={"service_id": "paspor", "date": "2026-11-28"}).json()
    assert not saturday["open"] and saturday["closed_reason"] == "closed_day" and saturday["slots"] == []


def test_the_day_cap_keeps_half_the_quota_for_walk_ins(server):
    # Paspor's quota is 40 with 50 % kept for walk-ins: 20 bookings a day though 6 slots hold 24.
    for slot in ("08:00", "08:30", "09:00", "09:30", "10:00"):
        for _ in range(4):
            booked(server, TUESDAY, slot)
    refused = book(server, TUESDAY, "10:30")
    assert refused.status_code == 409 and _error(refused)["code"] == "booking_slot_full"
    assert _error(refused)["params"]["next_free_date"] == WEDNESDAY
    assert _error(refused)["params"]["next_free_slot"] == "08:00"


def test_a_full_slot_names_the_next_free_one(server):
    for _ in range(4):
        booked(server, TUESDAY, "10:30")
    r = book(server, TUESDAY, "10:30")
    assert r.status_code == 409
    assert _error(r) | {"message": ""} == {"code": "booking_slot_full", "message": "", "request_id": _error(r)[
        "request_id"], "params": {"date": TUESDAY, "slot": "10:30", "next_free_date": WEDNESDAY,
                                  "next_free_slot": "08:00"}}
    for _ in range(4):
        booked(server, TUESDAY, "09:00")
    assert _error(book(server, TUESDAY, "09:00"))["params"]["next_free_slot"] == "09:30"


def test_a_closed_day_and_a_holiday_say_why_and_the_next_free_slot(server, clock):
    saturday = book(server, "2026-11-28", "09:00")
    assert saturday.status_code == 409 and _error(saturday)["params"] == {
        "date": "2026-11-28", "reason": "closed_day", "holiday": None, "next_free_date": NEXT_MONDAY,
        "next_free_slot": "08:00"}
    new_day_at(server, clock, wib(2026, 12, 21, 7, 0))
    christmas = book(server, "2026-12-25", "09:00")
    assert _error(christmas)["code"] == "booking_day_closed"
    assert _error(christmas)["params"] == {"date": "2026-12-25", "reason": "holiday", "holiday": "Hari Raya Natal",
                                           "next_free_date": "2026-12-28", "next_free_slot": "08:00"}


def test_days_out_of_range_and_slots_that_are_not_the_days(server):
    past = book(server, "2026-11-22", "09:00")
    assert past.status_code == 422 and _error(past)["params"] == {
        "date": "2026-11-22", "first": "2026-11-23", "last": "2026-12-07"}
    assert _error(book(server, "2026-12-08", "09:00"))["code"] == "booking_day_out_of_range"
    assert book(server, "2026-12-07", "09:00").status_code == 201
    for slot in ("11:00", "09:15", "nine"):
        r = book(server, TUESDAY, slot)
        assert r.status_code == 422 and _error(r) == {**_error(r), "code": "booking_slot_unknown"}
    # Today's slot that has begun (09.00 at 09.00) is no longer offered.
    assert _error(book(server, "2026-11-23", "09:00"))["code"] == "booking_slot_unknown"
    assert book(server, "2026-11-23", "09:30").status_code == 201
    assert _error(book(server, TUESDAY, "09:00", service_id="kk"))["code"] == "booking_not_offered"
    assert _error(book(server, TUESDAY, "09:00", service_id="tidak-ada"))["code"] == "service_not_found"
    assert _error(book(server, TUESDAY, "09:00", nik="1234"))["code"] == "invalid_nik"


def test_a_phone_number_needs_consent_and_a_refusal_stores_nothing(server):
    r = book(server, TUESDAY, "09:00", phone="081234567890")
    assert r.status_code == 422 and _error(r)["code"] == "booking_consent_required"
    assert _error(book(server, TUESDAY, "09:00", phone="12", consent=True))["code"] == "invalid_request"
    with server.services.db.read() as conn:
        assert conn.execute(select(bookings)).all() == []
    made = booked(server, TUESDAY, "09:00", phone="0812-3456-7890", consent=True)
    with server.services.db.read() as conn:
        assert conn.execute(select(bookings.c.phone, bookings.c.nik_hash)).one() == (
            "6281234567890", conn.execute(select(bookings.c.nik_hash)).scalar())
    assert made["has_phone"]


def test_one_nik_books_once_a_day_and_twice_an_iso_week(server):
    nik = new_nik()
    booked(server, TUESDAY, "09:00", nik)
    day = book(server, TUESDAY, "10:00", nik)
    assert day.status_code == 409 and _error(day)["params"] == {"period": "day", "most": 1}
    wednesday = booked(server, WEDNESDAY, "09:00", nik)
    week = book(server, THURSDAY, "09:00", nik)
    assert _error(week)["code"] == "booking_nik_limit" and _error(week)["params"] == {"period": "week", "most": 2}
    assert book(server, NEXT_MONDAY, "09:00", nik).status_code == 201   # the next ISO week
    server.call("POST", f"/bookings/{wednesday['token']}/cancel")       # a cancelled one frees its place
    assert book(server, THURSDAY, "09:00", nik).status_code == 201
    with server.services.db.read() as conn:
        stored = conn.execute(select(bookings.c.nik_hash, bookings.c.nik_last4)).all()
    assert all(nik not in row.nik_hash and row.nik_last4 == nik[-4:] for row in stored)


def test_the_quota_left_today_per_service(server):
    booked(server, "2026-11-23", "10:00")
    assert server.issue("paspor").status_code == 201
    quotas = {q.service_id: q for q in map(BookingQuota.model_validate,
                                           server.call("GET", "/bookings/services").json())}
    assert quotas["paspor"].bookable and quotas["paspor"].booking_left == 3 * 4 - 1  # 09.30, 10.00, 10.30
    # 40 less the ticket issued and the booked place kept.
    assert quotas["paspor"].walk_in_left == 38
    assert not quotas["kk"].bookable and quotas["kk"].booking_left is None and quotas["kk"].walk_in_left == 2000


def test_the_supervisors_list_of_a_day(server):
    late, early = booked(server, TUESDAY, "10:00"), booked(server, TUESDAY, "08:00")
    listed = server.call("GET", "/bookings", "super", params={"date": TUESDAY})
    assert [b["code"] for b in listed.json()] == [early["code"], late["code"]]
    assert server.call("GET", "/bookings", "super", params={"date": TUESDAY, "service_id": "kk"}).json() == []


def test_a_supervisors_cancel_is_audited(server):
    made = booked(server, TUESDAY, "09:00")
    assert server.call("POST", f"/bookings/{made['token']}/cancel", "super").json()["status"] == "cancelled"
    entries = server.call("GET", "/audit", "super", params={"kind": "booking.cancelled_by_staff"}).json()["entries"]
    assert [(e["actor"], e["subject"]) for e in entries] == [("super", f"booking:{made['code']}")]
    assert made["token"] not in str(entries)


def test_a_begun_slot_is_no_longer_cancellable(server, clock):
    made = booked(server, "2026-11-23", "10:00")
    clock.set(wib(2026, 11, 23, 10, 0))
    r = server.call("POST", f"/bookings/{made['token']}/cancel")
    assert r.status_code == 409 and _error(r)["params"] == {"status": "slot_passed"}


def test_a_client_address_is_limited_to_ten_attempts_in_ten_minutes(tmp_path, clock):
    with live_server(tmp_path, clock=clock) as limited:
        for _ in range(10):
            assert book(limited, TUESDAY, "09:00", service_id="kk").status_code == 409
        refused = book(limited, TUESDAY, "09:00")
        assert refused.status_code == 429 and _error(refused)["code"] == "booking_rate_limited"
        assert refused.headers["Retry-After"] == "600" and _error(refused)["params"] == {"retry_after": 600}
        clock.advance(minutes=10)
        assert book(limited, TUESDAY, "09:00").status_code == 201
