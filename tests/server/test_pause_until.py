"""A loket paused with its officer's expected return, over real HTTP on SQLite and PostgreSQL: the
time kept, answered and sent to the boards; refused, changing nothing, when it is not later than
now today or not written "HH:MM"; a database from before the column gains it; and a paused loket
still gives the citizens no estimate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, inspect, select, text

from server.db import Database, events
from tests.conftest import _fresh_pg_url
from tests.server.test_events import read_events
from tests.support.server import LiveServer

# counters as the builds before the return time made it.
EARLIER_COUNTERS = """CREATE TABLE counters (
    id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80) NOT NULL, service_ids JSON NOT NULL,
    active_service_ids JSON NOT NULL, state VARCHAR(16) NOT NULL, staff VARCHAR(64),
    current_ticket_id INTEGER, pause_reason VARCHAR(200), regular_streak INTEGER NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL, retired BOOLEAN NOT NULL)"""


def ok(r: requests.Response, status: int = 200) -> Any:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()


def loket(server: LiveServer, counter_id: int) -> dict:
    return next(c for c in ok(server.call("GET", "/counters", "display")) if c["id"] == counter_id)


def test_a_pause_until_13_00_is_kept_answered_and_told_to_the_boards(any_server: LiveServer) -> None:
    server = any_server
    ok(server.call("POST", "/counters/1/open", "staff1"))
    paused = ok(server.call("POST", "/counters/1/pause", "staff1", json={"reason": "sholat", "until": "13:00"}))
    assert (paused["state"], paused["pause_reason"], paused["pause_until"]) == (
        "paused", "sholat", "2026-11-23T06:00:00+00:00")
    assert loket(server, 1)["pause_until"] == "2026-11-23T06:00:00+00:00"
    with server.services.db.read() as conn:
        written = conn.execute(select(func.count()).select_from(events)).scalar_one()
    told = read_events(server, "display", written, last_event_id=0)[-1]["data"]
    assert (told["type"], told["data"]["state"], told["data"]["staff"], told["data"]["pause_until"]) == (
        "counter.state", "paused", "staff1", "2026-11-23T06:00:00+00:00")

    resumed = ok(server.call("POST", "/counters/1/resume", "staff1"))
    assert (resumed["state"], resumed["pause_until"]) == ("open", None)
    assert loket(server, 1)["pause_until"] is None


@pytest.mark.parametrize(("until", "code"), [
    ("09:00", "pause_until_passed"),    # the server's clock says 09.00 WIB
    ("08:15", "pause_until_passed"),
    ("13.00", "invalid_request"),
    ("24:00", "invalid_request"),
    ("1300", "invalid_request"),
    ("2026-11-23T13:00:00+07:00", "invalid_request"),
    (1300, "invalid_request"),
])
def test_a_return_time_passed_or_miswritten_is_refused_and_the_loket_stays_open(
        server: LiveServer, until: object, code: str) -> None:
    ok(server.call("POST", "/counters/1/open", "staff1"))
    r = server.call("POST", "/counters/1/pause", "staff1", json={"reason": "istirahat", "until": until})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == code
    shown = loket(server, 1)
    assert (shown["state"], shown["pause_reason"], shown["pause_until"]) == ("open", None, None)


def test_a_pause_without_a_time_still_works_as_before(server: LiveServer) -> None:
    ok(server.call("POST", "/counters/1/open", "staff1"))
    assert ok(server.call("POST", "/counters/1/pause", "staff1", json={"reason": "rapat"}))["pause_until"] is None
    ok(server.call("POST", "/counters/1/resume", "staff1"))
    assert ok(server.call("POST", "/counters/1/pause", "staff1"))["pause_until"] is None


def test_paused_lokets_with_a_return_time_give_the_citizens_no_estimate(server: LiveServer) -> None:
    ticket = ok(server.issue("ktp"), 201)
    for counter_id in (1, 2):
        ok(server.call("POST", f"/counters/{counter_id}/open", f"staff{counter_id}"))
        ok(server.call("POST", f"/counters/{counter_id}/pause", f"staff{counter_id}", json={"until": "10:00"}))
    status = ok(server.call("GET", f"/tickets/status/{ticket['token']}"))
    assert status["wait_unknown"] == "lokets_paused"
    ktp = next(s for a in ok(server.call("GET", "/catalog", "kiosk"))["agencies"] for s in a["services"]
               if s["id"] == "ktp")
    assert (ktp["counters_open"], ktp["wait_unknown"]) == (0, "lokets_paused")


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_an_earlier_database_gains_the_return_time_column(kind: str, tmp_path: Path) -> None:
    db = Database(_fresh_pg_url() if kind == "postgres" else f"sqlite:///{tmp_path / 'earlier.sqlite3'}")
    try:
        with db.engine.begin() as conn:
            conn.execute(text(EARLIER_COUNTERS))
            conn.execute(text("INSERT INTO counters VALUES (1, 'Loket 1', '[\"kk\"]', '[\"kk\"]', 'paused', "
                              "'budi', NULL, 'sholat', 0, '2026-11-23 02:00:00+00:00', false)"))
        db.create_schema()
        db.create_schema()  # and again, as every start does: nothing left to add
        columns = {c["name"]: c for c in inspect(db.engine).get_columns("counters")}
        assert columns["pause_until"]["nullable"]
        with db.engine.begin() as conn:
            row = conn.execute(text("SELECT state, pause_reason, pause_until FROM counters")).one()
        assert tuple(row) == ("paused", "sholat", None)
    finally:
        db.engine.dispose()
