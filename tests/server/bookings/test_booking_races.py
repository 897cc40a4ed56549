"""Bookings racing over real HTTP, on SQLite and on PostgreSQL: fifty at once on one slot of four places
make exactly four, the rest told the next free slot; one NIK from twenty phones at once never holds more
than its limit a day, nor a week."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from server.db import bookings
from tests.conftest import _fresh_pg_url
from tests.server.bookings.conftest import new_nik
from tests.support.clock import SettableClock
from tests.support.server import LiveServer, live_server

TUESDAY = "2026-11-24"
WEEK = ("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def racing_server(request: pytest.FixtureRequest, tmp_path: Path, clock: SettableClock) -> Iterator[LiveServer]:
    url = _fresh_pg_url() if request.param == "postgres" else None
    with live_server(tmp_path, url, clock=clock, booking_attempts=10_000) as live:
        yield live


def race(server: LiveServer, bodies: list[dict[str, Any]]) -> list[requests.Response]:
    """Every booking sent at the same moment, each from its own thread and connection."""
    start = threading.Barrier(len(bodies))
    answers: list[Any] = [None] * len(bodies)

    def send(i: int) -> None:
        with requests.Session() as http:
            start.wait()
            try:
                answers[i] = http.post(f"{server.api}/bookings", json=bodies[i], timeout=60)
            except requests.RequestException as exc:
                answers[i] = exc
    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(a, requests.Response) for a in answers), answers
    return answers


def _codes(answers: list[requests.Response]) -> list[str]:
    return sorted("made" if a.status_code == 201 else a.json()["error"]["code"] for a in answers)


def _held(server: LiveServer, **where: str) -> int:
    with server.services.db.read() as conn:
        return conn.execute(select(func.count()).select_from(bookings).where(
            *(getattr(bookings.c, k) == v for k, v in where.items()))).scalar_one()


def test_fifty_at_once_on_a_slot_of_four_make_exactly_four(racing_server):
    answers = race(racing_server, [{"service_id": "paspor", "date": TUESDAY, "slot": "09:00", "nik": new_nik()}
                                   for _ in range(50)])
    assert _codes(answers) == ["booking_slot_full"] * 46 + ["made"] * 4
    assert _held(racing_server, service_date=TUESDAY) == 4
    refused = next(a for a in answers if a.status_code == 409).json()["error"]["params"]
    assert (refused["next_free_date"], refused["next_free_slot"]) == (TUESDAY, "09:30")


def test_one_nik_from_twenty_phones_at_once_books_once_a_day(racing_server):
    nik = new_nik()
    slots = ("08:00", "08:30", "09:00", "09:30", "10:00")
    answers = race(racing_server, [{"service_id": "paspor", "date": TUESDAY, "slot": slots[i % 5], "nik": nik}
                                   for i in range(20)])
    assert _codes(answers) == ["booking_nik_limit"] * 19 + ["made"]
    assert _held(racing_server, nik_last4=nik[-4:]) == 1


def test_one_nik_from_twenty_phones_at_once_books_twice_a_week(racing_server):
    nik = new_nik()
    answers = race(racing_server, [{"service_id": "paspor", "date": WEEK[i % 4], "slot": "09:00", "nik": nik}
                                   for i in range(20)])
    assert _codes(answers) == ["booking_nik_limit"] * 18 + ["made"] * 2
    assert _held(racing_server, nik_last4=nik[-4:]) == 2
