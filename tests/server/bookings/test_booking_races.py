"""Bookings racing over real HTTP, on SQLite and on PostgreSQL: fifty at once on one slot of four places
make exactly four, the rest told the next free slot; one NIK from twenty phones at once never holds more
than its limit a day, nor a week; one booking checked in and cancelled at once ends one way or the other."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import requests
from sqlalchemy import func, select

from server.db import bookings, tickets
from tests.server.bookings.conftest import new_nik
from tests.support.server import LiveServer

TUESDAY = "2026-11-24"
WEEK = ("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27")


def all_at_once(sends: list[Callable[[requests.Session], requests.Response]]) -> list[requests.Response]:
    """Every request sent at the same moment, each from its own thread and connection."""
    start = threading.Barrier(len(sends))
    answers: list[Any] = [None] * len(sends)

    def run(i: int) -> None:
        with requests.Session() as http:
            start.wait()
            try:
                answers[i] = sends[i](http)
            except requests.RequestException as exc:
                answers[i] = exc
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(sends))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(a, requests.Response) for a in answers), answers
    return answers


def race(server: LiveServer, bodies: list[dict[str, Any]]) -> list[requests.Response]:
    """Every booking sent at the same moment."""
    return all_at_once([partial(_post, f"{server.api}/bookings", json=body) for body in bodies])


def _post(url: str, http: requests.Session, **kw: Any) -> requests.Response:
    return http.post(url, timeout=60, **kw)


def _check_in(server: LiveServer, body: dict[str, str], key: str) -> Callable[[requests.Session], requests.Response]:
    return partial(_post, f"{server.api}/bookings/check-in", json=body,
                   headers={"Authorization": f"Bearer {server.tokens['kiosk']}", "Idempotency-Key": key})


def _codes(answers: list[requests.Response]) -> list[str]:
    return sorted("made" if a.status_code == 201 else a.json()["error"]["code"] for a in answers)


def _held(server: LiveServer, **where: str) -> int:
    with server.services.db.read() as conn:
        return conn.execute(select(func.count()).select_from(bookings).where(
            *(getattr(bookings.c, k) == v for k, v in where.items()))).scalar_one()


def test_fifty_at_once_on_a_slot_of_four_make_exactly_four(server):
    answers = race(server, [{"service_id": "paspor", "date": TUESDAY, "slot": "09:00", "nik": new_nik()}
                                   for _ in range(50)])
    assert _codes(answers) == ["booking_slot_full"] * 46 + ["made"] * 4
    assert _held(server, service_date=TUESDAY) == 4
    refused = next(a for a in answers if a.status_code == 409).json()["error"]["params"]
    assert (refused["next_free_date"], refused["next_free_slot"]) == (TUESDAY, "09:30")


def test_one_nik_from_twenty_phones_at_once_books_once_a_day(server):
    nik = new_nik()
    slots = ("08:00", "08:30", "09:00", "09:30", "10:00")
    answers = race(server, [{"service_id": "paspor", "date": TUESDAY, "slot": slots[i % 5], "nik": nik}
                                   for i in range(20)])
    assert _codes(answers) == ["booking_nik_limit"] * 19 + ["made"]
    assert _held(server, nik_last4=nik[-4:]) == 1


def test_one_nik_from_twenty_phones_at_once_books_twice_a_week(server):
    nik = new_nik()
    answers = race(server, [{"service_id": "paspor", "date": WEEK[i % 4], "slot": "09:00", "nik": nik}
                                   for i in range(20)])
    assert _codes(answers) == ["booking_nik_limit"] * 18 + ["made"] * 2
    assert _held(server, nik_last4=nik[-4:]) == 2


def test_ten_check_ins_of_one_booking_at_once_issue_one_ticket(server):
    made = server.call("POST", "/bookings", json={"service_id": "paspor", "date": "2026-11-23", "slot": "10:00",
                                                  "nik": new_nik()}).json()
    answers = all_at_once([_check_in(server, {"token": made["token"]}, f"tap-{i:04d}-{made['code']}")
                           for i in range(10)])
    assert _codes(answers) == ["booking_already_checked_in"] * 9 + ["made"]
    with server.services.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(tickets)).scalar_one() == 1


def test_check_ins_and_cancels_of_one_booking_at_once_end_either_checked_in_or_cancelled(server):
    """GIVEN today's booking WHEN five kiosks check it in (by its QR and by its typed code) while five of its
    holder's tabs cancel it, all at once THEN it ends checked in with its one ticket and every cancel refused,
    or cancelled with no ticket and every check-in refused: never a cancelled booking holding a ticket."""
    made = server.call("POST", "/bookings", json={"service_id": "paspor", "date": "2026-11-23", "slot": "10:00",
                                                  "nik": new_nik()}).json()
    typed = {"code": made["code"], "nik_last4": made["nik_last4"]}
    # Even: a kiosk checking in (every other one by the typed code); odd: the holder's tab cancelling.
    answers = all_at_once([
        partial(_post, f"{server.api}/bookings/{made['token']}/cancel") if i % 2
        else _check_in(server, typed if i % 4 else {"token": made["token"]}, f"race-{i:04d}-{made['code']}")
        for i in range(10)])
    with server.services.db.read() as conn:
        status = conn.execute(select(bookings.c.status)).scalar_one()
        issued = conn.execute(select(func.count()).select_from(tickets)).scalar_one()
    check_ins = _codes(answers[0::2])
    if status == "checked_in":
        assert (issued, check_ins, _codes(answers[1::2])) == (1, ["booking_already_checked_in"] * 4 + ["made"],
                                                              ["booking_not_cancellable"] * 5)
    else:
        assert (status, issued, check_ins) == ("cancelled", 0, ["booking_cancelled"] * 5)
        assert [a.json()["status"] for a in answers[1::2]] == ["cancelled"] * 5
