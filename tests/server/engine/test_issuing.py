"""Issuing a ticket at engine level: each refusal with its status, code, message and params, the
daily quota one ticket each side, numbering without gaps, the Idempotency-Key's replay and its
refusal for another request, the priority and NIK checks, and the kiosk's report of its print."""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

import pytest
from sqlalchemy import select

from core.wire import Priority
from server.auth import Principal, Role
from server.db import tickets
from server.engine import valid_priority
from server.errors import ApiError
from tests.support.clock import wib
from tests.support.engine import EngineHall

MONDAY = wib(2026, 11, 23, 9, 0)
VALID_NIK = "3604011208900001"     # a man born 12 August 1990 in Kabupaten Serang


def tap(hall: EngineHall, service_id: str, key: str, *, priority: str | None = None, nik: str | None = None,
        by: Principal | None = None) -> tuple[dict[str, Any], bool]:
    """One tap as the kiosk sends it: the ticket, and whether this request made it."""
    return asyncio.run(hall.engine.issue_ticket(by or hall.kiosk, service_id=service_id, priority=priority,
                                                nik=nik, idempotency_key=key))


# --- what a refused tap is told -----------------------------------------------------------------

@pytest.mark.parametrize(("moment", "service", "code", "message", "params"), [
    (MONDAY, "akta", "service_inactive", "This service is not available at the moment.",
     {"opens_at": "08.00 WIB", "closes_at": "14.30 WIB"}),
    (wib(2026, 12, 25, 9, 0), "ktp", "holiday", "Closed for a holiday (Hari Raya Natal).",
     {"holiday": "Hari Raya Natal", "next_open_date": "2026-12-28", "next_opens_at": "08.00 WIB",
      "opens_at": "08.00 WIB", "closes_at": "15.00 WIB"}),
    (wib(2026, 11, 28, 9, 0), "ktp", "closed_day", "This service is closed today.",
     {"weekday": "sat", "next_open_date": "2026-11-30", "next_opens_at": "08.00 WIB",
      "opens_at": None, "closes_at": None}),
    (wib(2026, 11, 23, 7, 59), "ktp", "not_open_yet", "This service opens at 08.00 WIB.",
     {"opens_at": "08.00 WIB", "closes_at": "14.30 WIB"}),
    (wib(2026, 11, 23, 14, 30), "ktp", "closed_for_today", "Tickets for today ended at 14.30 WIB.",
     {"closes_at": "14.30 WIB", "opens_at": "08.00 WIB", "next_open_date": "2026-11-24",
      "next_opens_at": "08.00 WIB"}),
    (wib(2026, 11, 23, 11, 0), "paspor", "closed_for_today", "Tickets for today ended at 11.00 WIB.",
     {"closes_at": "11.00 WIB", "opens_at": "08.00 WIB", "next_open_date": "2026-11-24",
      "next_opens_at": "08.00 WIB"}),
    (wib(2026, 11, 23, 12, 0), "ktp", "on_break", "Break time; service resumes at 13.00 WIB.",
     {"break_reason": "istirahat", "resumes_at": "13.00 WIB", "opens_at": "08.00 WIB", "closes_at": "14.30 WIB"}),
    (wib(2026, 11, 27, 11, 30), "kk", "on_break", "Break time; service resumes at 12.30 WIB.",
     {"break_reason": "sholat_jumat", "resumes_at": "12.30 WIB", "opens_at": "08.00 WIB",
      "closes_at": "15.00 WIB"}),
])
def test_a_closed_service_refuses_a_ticket_with_its_reason_and_when_it_opens(make_hall, moment, service, code,
                                                                             message, params):
    """GIVEN a service closed at this moment for one reason, WHEN the kiosk asks for a ticket, THEN
    the answer is 409 with that reason's code, a message naming the hour, and the hours as params."""
    refused = make_hall(moment).refusal(service)
    assert (refused.status, refused.code, refused.message, refused.params) == (409, code, message, params)


def test_the_last_ticket_of_the_quota_is_issued_and_the_next_refused(hall):
    """ktp's quota is 5 a day: the fifth ticket is issued, the sixth refused as quota_exhausted."""
    assert [hall.issue("ktp")["code"] for _ in range(5)] == ["A-001", "A-002", "A-003", "A-004", "A-005"]
    refused = hall.refusal("ktp")
    assert (refused.status, refused.code, refused.message) == (409, "quota_exhausted",
                                                               "Today's quota for this service is full.")
    assert refused.params == {"quota": 5, "opens_at": "08.00 WIB", "closes_at": "14.30 WIB",
                              "next_open_date": "2026-11-24", "next_opens_at": "08.00 WIB"}
    assert hall.issue("kk")["code"] == "B-001"   # another service's quota is its own


def test_a_refused_ticket_takes_no_number(make_hall):
    """GIVEN a ticket before the break, WHEN a tap is refused during it, THEN the next ticket after
    the break has the next number, with no gap, and the day counts two tickets."""
    hall = make_hall(wib(2026, 11, 23, 11, 59))
    assert hall.issue("ktp")["code"] == "A-001"
    hall.clock.set(wib(2026, 11, 23, 12, 0))
    assert hall.refusal("ktp").code == "on_break"
    hall.clock.set(wib(2026, 11, 23, 13, 0))
    assert hall.issue("ktp")["code"] == "A-002"
    assert hall.engine.daily_report(None).total_issued == 2


def test_an_unknown_service_is_not_found(hall):
    refused = hall.refusal("sim")
    assert (refused.status, refused.code, refused.message, refused.params) == (
        404, "service_not_found", "No such service.", {"service_id": "sim"})


def test_a_moment_the_clock_showed_another_date_issues_nothing(hall):
    """GIVEN a Monday ticket, WHEN the clock shows Tuesday for a moment, THEN a tap is refused with
    503 clock_unsettled naming the service day, and takes no number: Monday's next is B-002."""
    assert hall.issue("kk")["code"] == "B-001"
    hall.clock.set(wib(2026, 11, 24, 9, 0))
    refused = hall.refusal("kk")
    assert (refused.status, refused.code, refused.params) == (503, "clock_unsettled", {"service_date": "2026-11-23"})
    hall.clock.set(wib(2026, 11, 23, 9, 1))
    assert hall.issue("kk")["code"] == "B-002"


# --- the ticket issued ---------------------------------------------------------------------------

def test_a_new_ticket_waits_in_its_service_behind_those_issued_before(hall):
    """The kiosk's answer: the next code of the service's prefix for today, waiting, with the
    people ahead and their estimated wait (kk: 6 minutes each, no loket open counts as one)."""
    hall.issue("kk")
    ticket, created = tap(hall, "kk", "tap-00000002", priority="lansia")
    assert created is True
    assert {k: ticket[k] for k in ("code", "service_id", "service_date", "status", "priority", "people_ahead",
                                   "eta_minutes", "counter", "recalls", "transferred", "print_status")} == {
        "code": "B-002", "service_id": "kk", "service_date": "2026-11-23", "status": "waiting",
        "priority": "lansia", "people_ahead": 0, "eta_minutes": 0, "counter": None, "recalls": 0,
        "transferred": False, "print_status": None}
    third = hall.issue("kk")
    assert (third["code"], third["people_ahead"], third["eta_minutes"]) == ("B-003", 2, 12)


def test_issuing_tells_the_boards_of_the_new_ticket(hall):
    before = len(hall.events())
    ticket = hall.issue("ktp")
    assert hall.events()[before:] == [("ticket.issued", {
        "id": ticket["id"], "code": "A-001", "status": "waiting", "priority": None, "service_id": "ktp",
        "service_name": "KTP Elektronik", "agency_name": "Dinas Kependudukan dan Pencatatan Sipil",
        "agency_name_en": "Civil Registry", "agency_short_name": "Disdukcapil", "service_date": "2026-11-23",
        "counter": None, "recalls": 0})]


def test_the_first_ticket_of_a_new_day_expires_yesterdays_queue(hall):
    """GIVEN Monday's ticket still waiting, WHEN Tuesday's first ticket is issued, THEN it is B-001
    of Tuesday and Monday's ticket has expired."""
    monday = hall.issue("kk")
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    tuesday = hall.issue("kk")
    assert (tuesday["code"], tuesday["service_date"]) == ("B-001", "2026-11-24")
    assert hall.engine.ticket_by_id(monday["id"])["status"] == "expired"


# --- priority and NIK ----------------------------------------------------------------------------

@pytest.mark.parametrize(("sent", "kept"), [
    (None, None), ("", None), ("none", None), ("regular", None),
    ("lansia", "lansia"), ("disabilitas", "disabilitas"), ("ibu_hamil", "ibu_hamil"), ("anak", "anak"),
])
def test_a_priority_group_is_one_of_the_blueprints_four_or_regular(sent, kept):
    assert valid_priority(sent) == kept


@pytest.mark.parametrize("sent", ["LANSIA", "vip", "hamil", " lansia"])
def test_an_unknown_priority_group_is_refused_with_the_groups_allowed(sent):
    with pytest.raises(ApiError) as refused:
        valid_priority(sent)
    assert (refused.value.status, refused.value.code, refused.value.message) == (
        422, "invalid_priority", "Unknown priority group.")
    assert refused.value.params == {"allowed": ["lansia", "disabilitas", "ibu_hamil", "anak"]}
    assert [p.value for p in Priority] == ["lansia", "disabilitas", "ibu_hamil", "anak"]


def test_a_site_without_priority_service_refuses_a_priority_ticket(make_hall, catalog_with):
    hall = make_hall(MONDAY, catalog=catalog_with(allow_priority=False))
    refused = hall.refusal("kk", priority="lansia")
    assert (refused.status, refused.code, refused.message) == (
        422, "priority_not_allowed", "This site does not offer priority service.")
    assert hall.issue("kk")["code"] == "B-001"     # the refusal took no number


@pytest.mark.parametrize(("nik", "reason"), [
    ("360401120890000", "not_16_digits"),
    ("9904011208900001", "bad_province"),
    ("3604011213900001", "bad_date"),                # month 13
    ("3604011208900000", "bad_serial"),
])
def test_an_invalid_nik_is_refused_with_its_reason(hall, nik, reason):
    refused = hall.refusal("kk", nik=nik)
    assert (refused.status, refused.code, refused.message, refused.params) == (
        422, "invalid_nik", "That is not a valid NIK.", {"reason": reason})


def kept_nik(hall: EngineHall, ticket_id: int) -> tuple[str | None, str | None]:
    """What the ticket's record keeps of a NIK: (keyed hash, last four digits)."""
    with hall.services.db.read() as conn:
        row = conn.execute(select(tickets.c.nik_hash, tickets.c.nik_last4).where(tickets.c.id == ticket_id)).one()
    return row.nik_hash, row.nik_last4


def test_a_valid_nik_is_kept_as_its_last_four_digits_and_a_keyed_hash_only(hall):
    ticket = hall.issue("kk", nik=VALID_NIK)
    digest, last4 = kept_nik(hall, ticket["id"])
    assert last4 == "0001"
    assert digest and VALID_NIK not in digest and len(digest) == 64
    assert VALID_NIK not in str(ticket)


def test_a_ticket_without_a_nik_keeps_nothing_of_one(hall):
    assert kept_nik(hall, hall.issue("kk")["id"]) == (None, None)


def test_a_ticket_s_status_link_finds_it_and_cannot_be_guessed(hall):
    """The QR's link carries a token of its own per ticket, at least 128 random bits (22 URL-safe
    characters), and the link finds that ticket."""
    first, second = hall.issue("kk"), hall.issue("kk")
    assert first["token"] != second["token"] and len(first["token"]) >= 22
    assert first["status_url"].endswith(f"/t/{first['token']}")
    assert hall.engine.by_token(first["token"])["id"] == first["id"]


def test_a_ticket_that_cannot_be_stored_is_refused_for_a_retry_not_a_server_error(hall, monkeypatch):
    """GIVEN a new ticket whose row clashes with another one (its status token taken), WHEN the
    kiosk taps, THEN it is told 409 conflict, to try again, and nothing is numbered."""
    hall.issue("kk")
    monkeypatch.setattr(secrets, "token_urlsafe", lambda nbytes=None: hall.engine.ticket_by_id(1)["token"])
    refused = hall.refusal("kk")
    assert (refused.status, refused.code, refused.message, refused.params) == (
        409, "conflict", "The ticket could not be issued; please try again.", {})
    monkeypatch.undo()
    assert hall.issue("kk")["code"] == "B-002"


# --- a retried tap (Idempotency-Key) -------------------------------------------------------------

def test_a_retried_tap_gets_the_ticket_it_made(hall):
    first, made = tap(hall, "kk", "tap-0000001", priority="anak", nik=VALID_NIK)
    hall.clock.advance(minutes=30)
    again, made_again = tap(hall, "kk", "tap-0000001", priority="anak", nik=VALID_NIK)
    assert (made, made_again) == (True, False)
    assert (again["id"], again["code"], again["token"]) == (first["id"], "B-001", first["token"])
    assert hall.issue("kk")["code"] == "B-002"


@pytest.mark.parametrize(("service", "priority", "nik"), [
    ("ktp", "anak", VALID_NIK),                      # another service
    ("kk", None, VALID_NIK),                         # without the priority
    ("kk", "lansia", VALID_NIK),                     # another priority group
    ("kk", "anak", None),                            # without the NIK
    ("kk", "anak", "3604015208900002"),              # another citizen's NIK
])
def test_a_key_reused_for_another_request_is_refused(hall, service, priority, nik):
    tap(hall, "kk", "tap-0000001", priority="anak", nik=VALID_NIK)
    with pytest.raises(ApiError) as refused:
        tap(hall, service, "tap-0000001", priority=priority, nik=nik)
    assert (refused.value.status, refused.value.code, refused.value.message) == (
        422, "idempotency_key_reused", "This Idempotency-Key was used for a different request.")


def test_another_kiosk_s_same_key_is_its_own_ticket(hall):
    """Keys are made per device: two kiosks that happen to send the same key get two tickets."""
    first, _ = tap(hall, "kk", "tap-0000001")
    other, made = tap(hall, "kk", "tap-0000001", by=hall.enrolled_kiosk("kiosk-2"))
    assert made is True and (first["code"], other["code"]) == ("B-001", "B-002")


def test_a_retry_after_the_quota_filled_or_the_service_closed_still_gets_its_ticket(make_hall):
    """GIVEN the tap that took ktp's last ticket of the day, WHEN its retry arrives once the quota is
    full and again after the cut-off, THEN both times it is that ticket; a new tap is refused."""
    hall = make_hall(wib(2026, 11, 23, 14, 29))
    for _ in range(4):
        hall.issue("ktp")
    last, _ = tap(hall, "ktp", "last-tap-01")
    assert tap(hall, "ktp", "last-tap-01") == ({**last}, False)
    assert hall.refusal("ktp").code == "quota_exhausted"
    hall.clock.set(wib(2026, 11, 23, 14, 30))
    again, made = tap(hall, "ktp", "last-tap-01")
    assert (again["id"], made) == (last["id"], False)
    assert hall.refusal("ktp").code == "closed_for_today"


# --- the kiosk's report of its print -------------------------------------------------------------

def print_reason(hall: EngineHall, ticket_id: int) -> str | None:
    """The reason kept for the technician with the ticket (not shown on any screen)."""
    with hall.services.db.read() as conn:
        return conn.execute(select(tickets.c.print_reason).where(tickets.c.id == ticket_id)).scalar()


@pytest.mark.parametrize(("status", "reason", "kept"), [
    ("printed", "", None),
    ("paper_out", "paper end sensor", "paper end sensor"),
    ("offline", "no answer on /dev/usb/lp0", "no answer on /dev/usb/lp0"),
])
def test_the_issuing_kiosk_reports_how_its_ticket_printed(hall, status, reason, kept):
    ticket = hall.issue("kk")
    answer = hall.engine.record_print(hall.kiosk, ticket["id"], status, reason)
    assert (answer["id"], answer["code"], answer["print_status"]) == (ticket["id"], "B-001", status)
    assert hall.engine.ticket_by_id(ticket["id"])["print_status"] == status
    assert print_reason(hall, ticket["id"]) == kept


def test_a_print_report_s_reason_is_kept_to_its_200_characters(hall):
    ticket = hall.issue("kk")
    hall.engine.record_print(hall.kiosk, ticket["id"], "failed", "x" * 250)
    assert print_reason(hall, ticket["id"]) == "x" * 200


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
def test_a_manager_may_report_any_ticket_s_print(hall, role):
    ticket = hall.issue("kk")
    answer = hall.engine.record_print(hall.signed_in("boss", role), ticket["id"], "screen_only", "")
    assert answer["print_status"] == "screen_only"


def test_another_kiosk_cannot_report_a_ticket_s_print(hall):
    ticket = hall.issue("kk")
    with pytest.raises(ApiError) as refused:
        hall.engine.record_print(hall.enrolled_kiosk("kiosk-2"), ticket["id"], "failed", "jam")
    assert (refused.value.status, refused.value.code, refused.value.message) == (
        403, "not_your_ticket", "Only the device that issued a ticket reports its print.")
    assert hall.engine.ticket_by_id(ticket["id"])["print_status"] is None


def test_a_print_report_for_no_ticket_is_not_found(hall):
    with pytest.raises(ApiError) as refused:
        hall.engine.record_print(hall.kiosk, 4242, "printed", "")
    assert (refused.value.status, refused.value.code) == (404, "ticket_not_found")
