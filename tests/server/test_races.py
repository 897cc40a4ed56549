"""Requests racing on one loket or one ticket, over real HTTP: exactly one wins, the others get an
error code, and the tickets, the lokets and the event log agree afterwards. On SQLite, on
PostgreSQL, and with two server processes sharing one PostgreSQL database."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, func, select, update
from sqlalchemy.engine import Engine

from server.db import Database, audit_log, counters, events, tickets
from server.errors import ApiError
from server.locking import locking_write
from tests.support.clock import SettableClock
from tests.support.net import free_port
from tests.support.server import PASSWORD, LiveServer, live_server, start_server_process

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20
CALLING = 5              # call-next requests fired at one loket at once
HELD = ("called", "serving")


@dataclass(frozen=True)
class Shot:
    """One request of a race: who sends what, and which server process it goes to."""
    role: str
    method: str
    path: str
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Hall:
    """The server processes under test, their users' tokens, and the database they share."""
    apis: list[str]
    tokens: dict[str, str]
    db: Engine
    http: requests.Session = field(default_factory=requests.Session)
    sessions: list[requests.Session] = field(default_factory=list)

    def call(self, role: str, method: str, path: str, body: dict[str, Any] | None = None,
             **headers: str) -> requests.Response:
        return self.http.request(method, f"{self.apis[0]}{path}", json=body, timeout=30,
                                 headers={"Authorization": f"Bearer {self.tokens[role]}", **headers})

    def ok(self, role: str, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        r = self.call(role, method, path, body)
        assert r.status_code in (200, 201), (method, path, r.status_code, r.text)
        return r.json()

    def issue(self, service_id: str = "kk") -> dict[str, Any]:
        r = self.call("super", "POST", "/tickets", {"service_id": service_id},
                      **{"Idempotency-Key": uuid.uuid4().hex})
        assert r.status_code == 201, r.text
        return r.json()

    def race(self, shots: list[Shot]) -> list[requests.Response]:
        """Fire every shot at the same moment, each from its own thread and HTTP connection,
        the n-th to the n-th server process in turn."""
        while len(self.sessions) < len(shots):
            self.sessions.append(requests.Session())
        start = threading.Barrier(len(shots))
        answers: list[requests.Response | BaseException | None] = [None] * len(shots)

        def fire(i: int) -> None:
            shot, http = shots[i], self.sessions[i]
            try:
                start.wait(timeout=30)
                answers[i] = http.request(shot.method, f"{self.apis[i % len(self.apis)]}{shot.path}",
                                          json=shot.body, timeout=60,
                                          headers={"Authorization": f"Bearer {self.tokens[shot.role]}",
                                                   **shot.headers})
            except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread below
                answers[i] = exc

        threads = [threading.Thread(target=fire, args=(i,)) for i in range(len(shots))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for a in answers:
            if not isinstance(a, requests.Response):
                raise AssertionError(f"a racing request failed: {a!r}")
        return answers  # type: ignore[return-value]

    # ------------------------------------------------------------- what the database says

    def last_event(self) -> int:
        with self.db.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one())

    def events_since(self, seq: int, type_: str) -> list[dict[str, Any]]:
        with self.db.connect() as conn:
            rows = conn.execute(select(events.c.data).where(events.c.seq > seq, events.c.type == type_)
                                .order_by(events.c.seq)).all()
        return [r.data for r in rows]

    def ticket(self, ticket_id: int) -> Any:
        with self.db.connect() as conn:
            return conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one()

    def counter(self, counter_id: int) -> Any:
        with self.db.connect() as conn:
            return conn.execute(select(counters).where(counters.c.id == counter_id)).one()

    def assert_every_called_ticket_is_held(self) -> None:
        """A called or served ticket is always held by one loket, and a loket holds only such."""
        with self.db.connect() as conn:
            in_hand = {r.id: r.status for r in conn.execute(
                select(tickets.c.id, tickets.c.status).where(tickets.c.status.in_(HELD)))}
            held = [r.current_ticket_id for r in conn.execute(
                select(counters.c.current_ticket_id).where(counters.c.current_ticket_id.is_not(None)))]
        assert sorted(held) == sorted(in_hand), (held, in_hand)

    def close(self) -> None:
        self.http.close()
        for s in self.sessions:
            s.close()


def codes(answers: list[requests.Response]) -> list[tuple[int, str | None]]:
    return [(r.status_code, r.json()["error"]["code"] if r.status_code >= 400 else None) for r in answers]


def winner(answers: list[requests.Response]) -> int:
    wins = [i for i, r in enumerate(answers) if r.status_code == 200]
    assert len(wins) == 1, codes(answers)
    return wins[0]


@pytest.fixture
def hall(any_server: LiveServer) -> Iterator[Hall]:
    h = Hall([any_server.api], dict(any_server.tokens), any_server.services.db.engine)
    yield h
    h.close()


# ----------------------------------------------------------------------------- the races


def race_call_next(hall: Hall, rounds: int) -> None:
    """Five call-next at once on loket 1: one ticket is called, four are told one is in progress."""
    hall.ok("staff1", "POST", "/counters/1/open", {"service_ids": ["kk"]})
    waiting = [hall.issue()["id"] for _ in range(CALLING)]
    for _ in range(rounds):
        before = hall.last_event()
        answers = hall.race([Shot("staff1", "POST", "/counters/1/call-next")] * CALLING)
        won = answers[winner(answers)].json()["current_ticket"]
        assert sorted(codes(answers)) == [(200, None)] + [(409, "ticket_in_progress")] * (CALLING - 1)
        assert hall.counter(1).current_ticket_id == won["id"]
        assert hall.ticket(won["id"]).status == "called"
        assert [e["id"] for e in hall.events_since(before, "ticket.called")] == [won["id"]]
        hall.assert_every_called_ticket_is_held()
        hall.ok("staff1", "POST", f"/tickets/{won['id']}/no-show")
        waiting.remove(won["id"])
        waiting.append(hall.issue()["id"])
    for ticket_id in waiting:
        hall.ok("super", "POST", f"/tickets/{ticket_id}/cancel")


# What each request turns the ticket into when it wins.
OUTCOME = {"finish": "done", "transfer": "waiting", "no-show": "no_show", "cancel": "cancelled"}
# A called ticket can be marked no-show or cancelled; a served one finished or transferred. A
# supervisor's cancel is left out of the served rounds: after a transfer the ticket waits again,
# and cancelling a waiting ticket is a new, allowed change rather than a lost race.
CALLED_ROUND = [("staff1", "no-show"), ("staff1", "cancel"), ("super", "no-show"), ("super", "cancel"),
                ("super", "finish"), ("super", "transfer")]
SERVED_ROUND = [("staff1", "finish"), ("staff1", "transfer"), ("super", "finish"), ("super", "transfer"),
                ("super", "no-show")]


def race_ticket_actions(hall: Hall, rounds: int) -> None:
    """Finish, transfer, no-show and cancel at once on the ticket at loket 2, by its officer and a
    supervisor: one change is made, and only its event is written."""
    hall.ok("staff1", "POST", "/counters/2/open", {"service_ids": ["kk"]})
    for n in range(rounds):
        hall.issue()
        ticket = hall.ok("staff1", "POST", "/counters/2/call-next")["current_ticket"]
        plan = CALLED_ROUND if n % 2 == 0 else SERVED_ROUND
        if plan is SERVED_ROUND:
            hall.ok("staff1", "POST", f"/tickets/{ticket['id']}/start")
        before = hall.last_event()
        answers = hall.race([Shot(role, "POST", f"/tickets/{ticket['id']}/{action}",
                                  {"service_id": "paspor"} if action == "transfer" else None)
                             for role, action in plan])
        won = winner(answers)
        expected = [(200, None) if i == won else
                    # Every winning change takes the ticket off the loket: the officer is told it is
                    # no longer theirs (the counter app's "no longer at your loket"), a supervisor
                    # that its status has changed.
                    (409, "ticket_not_at_your_counter") if role == "staff1" else (409, "invalid_transition")
                    for i, (role, _) in enumerate(plan)]
        assert codes(answers) == expected
        status = OUTCOME[plan[won][1]]
        row = hall.ticket(ticket["id"])
        assert row.status == status
        assert row.service_id == ("paspor" if plan[won][1] == "transfer" else "kk")
        assert answers[won].json()["status"] == status
        assert hall.counter(2).current_ticket_id is None
        changes = [e for e in hall.events_since(before, "ticket.status") if e["id"] == ticket["id"]]
        assert [e["status"] for e in changes] == [status], changes
        assert hall.events_since(before, "ticket.called") == []
        hall.assert_every_called_ticket_is_held()
        if status == "waiting":
            hall.ok("super", "POST", f"/tickets/{ticket['id']}/cancel")
    hall.ok("staff1", "POST", "/counters/2/close")


def race_opening(hall: Hall, rounds: int) -> None:
    """Two officers open loket 3 at once: one has it, the other is told it is taken."""
    for _ in range(rounds):
        answers = hall.race([Shot("staff1", "POST", "/counters/3/open"), Shot("staff2", "POST", "/counters/3/open")])
        won = winner(answers)
        who = ("staff1", "staff2")[won]
        assert codes(answers)[1 - won] == (409, "counter_taken")
        assert answers[1 - won].json()["error"]["params"]["staff"] == who
        row = hall.counter(3)
        assert (row.state, row.staff) == ("open", who)
        hall.ok(who, "POST", "/counters/3/close")


def race_leaving_and_calling(hall: Hall, rounds: int) -> None:
    """Close (or pause) and call-next at once on loket 1: either the loket leaves with nobody
    called, or it calls and stays; never a ticket called to a closed or paused loket."""
    hall.ok("staff1", "POST", "/counters/1/open", {"service_ids": ["kk"]})
    for n in range(rounds):
        ticket = hall.issue()
        leave = "close" if n % 2 == 0 else "pause"
        answers = hall.race([Shot("staff1", "POST", f"/counters/1/{leave}"),
                             Shot("staff1", "POST", "/counters/1/call-next")])
        won = winner(answers)
        row = hall.counter(1)
        if won == 0:
            left = "closed" if leave == "close" else "paused"
            assert codes(answers)[1] == (409, f"counter_{left}")
            assert (row.state, row.current_ticket_id) == (left, None)
            assert hall.ticket(ticket["id"]).status == "waiting"
            hall.ok("super", "POST", f"/tickets/{ticket['id']}/cancel")
            hall.ok("staff1", "POST", "/counters/1/open" if leave == "close" else "/counters/1/resume",
                    {"service_ids": ["kk"]} if leave == "close" else None)
        else:
            assert codes(answers)[0] == (409, "ticket_in_progress")
            assert (row.state, row.current_ticket_id) == ("open", ticket["id"])
            assert hall.ticket(ticket["id"]).status == "called"
            hall.ok("staff1", "POST", f"/tickets/{ticket['id']}/no-show")
        hall.assert_every_called_ticket_is_held()


def race_cancel_while_calling(hall: Hall, rounds: int) -> None:
    """A supervisor cancels the only waiting ticket while lokets 1 and 2 call: at most one loket
    calls it, a cancel after the call takes it off that loket, and every answer has its event."""
    hall.ok("staff1", "POST", "/counters/1/open", {"service_ids": ["kk"]})
    hall.ok("staff2", "POST", "/counters/2/open", {"service_ids": ["kk"]})
    for _ in range(rounds):
        ticket = hall.issue()
        before = hall.last_event()
        answers = hall.race([Shot("super", "POST", f"/tickets/{ticket['id']}/cancel"),
                             Shot("staff1", "POST", "/counters/1/call-next"),
                             Shot("staff2", "POST", "/counters/2/call-next")])
        cancelled = answers[0].status_code == 200
        callers = [n for n in (1, 2) if answers[n].status_code == 200]
        assert len(callers) <= 1 and (cancelled or callers), codes(answers)
        assert all(code == (409, "queue_empty") for n, code in enumerate(codes(answers)[1:], 1)
                   if n not in callers)
        if not cancelled:
            assert codes(answers)[0] == (409, "invalid_transition")
        row = hall.ticket(ticket["id"])
        assert row.status == ("cancelled" if cancelled else "called")
        holders = [n for n in (1, 2) if hall.counter(n).current_ticket_id == ticket["id"]]
        assert holders == ([] if cancelled else callers)
        assert [e["id"] for e in hall.events_since(before, "ticket.called")] == [ticket["id"]] * len(callers)
        assert [e["status"] for e in hall.events_since(before, "ticket.status")] == ["cancelled"] * cancelled
        hall.assert_every_called_ticket_is_held()
        if not cancelled:
            hall.ok(f"staff{callers[0]}", "POST", f"/tickets/{ticket['id']}/no-show")
    hall.ok("staff1", "POST", "/counters/1/close")
    hall.ok("staff2", "POST", "/counters/2/close")


def race_transfer_to_a_closing_loket(hall: Hall, rounds: int) -> None:
    """A ticket sent to loket 2 while loket 2 closes: either the transfer comes first and the
    closing releases it, or the closing comes first and the transfer is refused with the ticket
    still in hand; never a ticket left waiting for a closed loket."""
    hall.ok("staff1", "POST", "/counters/1/open")
    for _ in range(rounds):
        hall.ok("staff2", "POST", "/counters/2/open")
        ticket = hall.issue("kk")
        hall.ok("staff1", "POST", "/counters/1/call-next")
        hall.ok("staff1", "POST", f"/tickets/{ticket['id']}/start")
        answers = hall.race([Shot("staff1", "POST", f"/tickets/{ticket['id']}/transfer",
                                  {"service_id": "ktp", "counter_id": 2, "note": "cek"}),
                             Shot("staff2", "POST", "/counters/2/close")])
        assert answers[1].status_code == 200, answers[1].text
        row = hall.ticket(ticket["id"])
        assert row.target_counter_id is None and hall.counter(2).state == "closed"
        if answers[0].status_code == 200:
            assert (row.status, row.service_id) == ("waiting", "ktp")
            hall.ok("staff1", "POST", "/counters/1/call-next")   # any loket may call it now
            hall.ok("staff1", "POST", f"/tickets/{ticket['id']}/start")
        else:
            assert codes(answers)[0] == (409, "transfer_loket_not_open")
            assert (row.status, row.service_id) == ("serving", "kk")
        hall.ok("staff1", "POST", f"/tickets/{ticket['id']}/finish")
        with hall.db.connect() as conn:
            stranded = conn.execute(select(func.count()).select_from(tickets).join(
                counters, counters.c.id == tickets.c.target_counter_id).where(
                counters.c.state == "closed")).scalar_one()
        assert stranded == 0
    hall.ok("staff1", "POST", "/counters/1/close")


def race_crossing_transfers(hall: Hall, rounds: int) -> None:
    """Loket 1 sends its citizen to loket 2 while loket 2 sends its own to loket 1: each locks both
    lokets, in the order of their numbers, so neither waits on the other in a circle."""
    hall.ok("staff1", "POST", "/counters/1/open")
    hall.ok("staff2", "POST", "/counters/2/open")
    for _ in range(rounds):
        ids = []
        for who, loket in (("staff1", 1), ("staff2", 2)):
            ticket = hall.issue("kk")
            hall.ok(who, "POST", f"/counters/{loket}/call-next")
            hall.ok(who, "POST", f"/tickets/{ticket['id']}/start")
            ids.append(ticket["id"])
        answers = hall.race([
            Shot("staff1", "POST", f"/tickets/{ids[0]}/transfer", {"service_id": "ktp", "counter_id": 2}),
            Shot("staff2", "POST", f"/tickets/{ids[1]}/transfer", {"service_id": "ktp", "counter_id": 1})])
        assert codes(answers) == [(200, None), (200, None)]
        assert [(hall.ticket(i).status, hall.ticket(i).target_counter_id) for i in ids] == [
            ("waiting", 2), ("waiting", 1)]
        for who, loket, ticket_id in (("staff1", 1, ids[1]), ("staff2", 2, ids[0])):
            called = hall.ok(who, "POST", f"/counters/{loket}/call-next")["current_ticket"]
            assert called["id"] == ticket_id
            hall.ok(who, "POST", f"/tickets/{ticket_id}/no-show")
    hall.ok("staff1", "POST", "/counters/1/close")
    hall.ok("staff2", "POST", "/counters/2/close")


def race_putting_back_a_late_citizen(hall: Hall, rounds: int) -> None:
    """The officer of the loket that missed a citizen and a supervisor put them back at once: the
    ticket goes back once, with one event and one audit entry; the other is told it already has."""
    hall.ok("staff1", "POST", "/counters/2/open", {"service_ids": ["kk"]})
    for _ in range(rounds):
        ticket = hall.issue()
        assert hall.ok("staff1", "POST", "/counters/2/call-next")["current_ticket"]["id"] == ticket["id"]
        hall.ok("staff1", "POST", f"/tickets/{ticket['id']}/no-show")
        before = hall.last_event()
        answers = hall.race([Shot(role, "POST", f"/tickets/{ticket['id']}/requeue") for role in ("staff1", "super")])
        won = winner(answers)
        lost = codes(answers)[1 - won]
        assert lost in ((403, "ticket_not_at_your_counter"), (409, "invalid_transition")), lost
        assert hall.ticket(ticket["id"]).status == "waiting"
        changes = [e for e in hall.events_since(before, "ticket.status") if e["id"] == ticket["id"]]
        assert [e.get("requeued_from") for e in changes] == ["no_show"], changes
        with hall.db.connect() as conn:
            assert conn.execute(select(func.count()).select_from(audit_log).where(
                audit_log.c.kind == "ticket.requeued", audit_log.c.subject == f"ticket:{ticket['code']}")
            ).scalar_one() == 1
        hall.ok("super", "POST", f"/tickets/{ticket['id']}/cancel")
    hall.ok("staff1", "POST", "/counters/2/close")


# ----------------------------------------------------------------------------- one server process


def test_five_call_next_at_once_on_one_loket_call_one_ticket(hall: Hall) -> None:
    race_call_next(hall, ROUNDS)


def test_finish_transfer_no_show_cancel_at_once_make_one_change(hall: Hall) -> None:
    race_ticket_actions(hall, ROUNDS)


def test_two_officers_opening_one_loket_at_once_one_gets_it(hall: Hall) -> None:
    race_opening(hall, ROUNDS)


def test_closing_or_pausing_while_calling_never_strands_a_ticket(hall: Hall) -> None:
    race_leaving_and_calling(hall, ROUNDS)


def test_cancelling_a_ticket_while_lokets_call_it_leaves_no_cancelled_ticket_at_a_loket(hall: Hall) -> None:
    race_cancel_while_calling(hall, ROUNDS)


def test_a_transfer_to_a_loket_closing_at_that_moment_never_strands_the_ticket(hall: Hall) -> None:
    race_transfer_to_a_closing_loket(hall, ROUNDS)


def test_two_lokets_sending_citizens_to_each_other_at_once_both_go_through(hall: Hall) -> None:
    race_crossing_transfers(hall, ROUNDS)



def test_a_late_citizen_put_back_by_the_officer_and_a_supervisor_at_once_goes_back_once(hall: Hall) -> None:
    race_putting_back_a_late_citizen(hall, ROUNDS)

# ----------------------------------------------------------------------------- two server processes


def _run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "main.py", "server", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True, text=True, timeout=120)


def _start(url: str, port: int, env: dict[str, str]) -> subprocess.Popen:
    return start_server_process(url, port, env)


@pytest.mark.postgres
def test_two_server_processes_on_one_database_let_one_request_win(tmp_path: Path) -> None:
    """GIVEN two `main.py server` processes sharing one PostgreSQL database
    WHEN the racing requests are split between them
    THEN each race still has exactly one winner, as with one process."""
    from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given

    url = _fresh_pg_url()
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    for name, role in (("staff1", "staff"), ("staff2", "staff"), ("super", "supervisor")):
        _run(["add-user", "--username", name, "--password", PASSWORD, "--role", role, "--keep-password",
              "--database", url], env)
    procs: list[subprocess.Popen] = []
    db = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        ports = [free_port(), free_port()]
        for port in ports:  # one after the other: the first imports the catalog
            procs.append(_start(url, port, env))
        apis = [f"http://127.0.0.1:{p}/api/v1" for p in ports]
        tokens = {}
        for name in ("staff1", "staff2", "super"):
            r = requests.post(f"{apis[0]}/auth/login", json={"username": name, "password": PASSWORD}, timeout=30)
            r.raise_for_status()
            tokens[name] = r.json()["token"]
        hall = Hall(apis, tokens, db)
        try:
            race_call_next(hall, 3)
            race_ticket_actions(hall, 4)
            race_opening(hall, 3)
            race_leaving_and_calling(hall, 4)
            race_cancel_while_calling(hall, 4)
        finally:
            hall.close()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=15)
        db.dispose()


@pytest.mark.postgres
def test_a_deadlock_on_postgresql_is_answered_with_a_409_code() -> None:
    """GIVEN two writes that lock two lokets in opposite orders (no engine path does: the order
    is fixed, but the answer must still hold if one ever did)
    WHEN PostgreSQL breaks the deadlock
    THEN one write commits and the other is a 409 write_conflict that changed nothing."""
    from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given

    db = Database(_fresh_pg_url())
    db.create_schema()
    now = datetime.now(UTC)
    with db.write() as conn:
        for n in (1, 2):
            conn.execute(counters.insert().values(id=n, name=f"Loket {n}", service_ids=[], active_service_ids=[],
                                                  state="closed", regular_streak=0, updated_at=now))
    both_hold_one = threading.Barrier(2)
    outcome: dict[int, object] = {}

    def write(first: int, second: int) -> None:
        try:
            with locking_write(db) as conn:
                conn.execute(select(counters).where(counters.c.id == first).with_for_update())
                both_hold_one.wait(timeout=30)
                conn.execute(select(counters).where(counters.c.id == second).with_for_update())
                conn.execute(update(counters).where(counters.c.id == first).values(staff=f"by-{first}"))
            outcome[first] = "committed"
        except ApiError as exc:
            outcome[first] = (exc.status, exc.code.value)

    threads = [threading.Thread(target=write, args=pair) for pair in ((1, 2), (2, 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert sorted(map(str, outcome.values())) == ["(409, 'write_conflict')", "committed"]
        winner_id = next(n for n, o in outcome.items() if o == "committed")
        with db.read() as conn:
            staff = dict(conn.execute(select(counters.c.id, counters.c.staff)).all())
        assert staff == {winner_id: f"by-{winner_id}", 3 - winner_id: None}
    finally:
        db.dispose()


@pytest.fixture
def pg_server(tmp_path: Path, clock: SettableClock) -> Iterator[LiveServer]:
    from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given

    with live_server(tmp_path, _fresh_pg_url(), clock=clock) as live:
        yield live


@pytest.mark.postgres
def test_a_loket_held_by_a_stalled_transaction_answers_409_not_a_hang(pg_server: LiveServer) -> None:
    """GIVEN another process's transaction holds loket 1's row and does not finish
    WHEN the officer calls the next citizen
    THEN the answer is a 409 write_conflict within seconds, nothing changed, and once the row is
    free the same request works."""
    pg_server.call("POST", "/counters/1/open", "staff1").raise_for_status()
    ticket = pg_server.issue("kk").json()
    stalled = pg_server.services.db.engine.connect()
    try:
        stalled.begin()
        stalled.execute(select(counters).where(counters.c.id == 1).with_for_update())
        r = pg_server.call("POST", "/counters/1/call-next", "staff1")
        assert (r.status_code, r.json()["error"]["code"]) == (409, "write_conflict")
        assert pg_server.call("GET", f"/tickets/{ticket['id']}", "staff1").json()["status"] == "waiting"
    finally:
        stalled.rollback()
        stalled.close()
    r = pg_server.call("POST", "/counters/1/call-next", "staff1")
    assert r.status_code == 200 and r.json()["current_ticket"]["id"] == ticket["id"]


def test_two_supervisors_setting_a_quota_at_once_leave_one_value_and_both_in_the_audit_log(hall: Hall) -> None:
    """GIVEN a supervisor and an admin at two consoles
    WHEN both set today's quota of kk at the same moment, round after round
    THEN both are answered (never a 500), the quota is the one set last, and the audit log has both
    changes in the order they were made, each naming the quota it replaced."""
    for n in range(ROUNDS):
        answers = hall.race([Shot("super", "PUT", "/today/services/kk/quota", {"quota": 100 + n}),
                             Shot("admin", "PUT", "/today/services/kk/quota", {"quota": 200 + n})])
        assert codes(answers) == [(200, None), (200, None)]
    with hall.db.connect() as conn:
        entries = [r.detail for r in conn.execute(select(audit_log.c.detail).where(
            audit_log.c.kind == "today.quota_set").order_by(audit_log.c.id))]
    assert len(entries) == 2 * ROUNDS
    for n in range(ROUNDS):
        assert {e["quota"] for e in entries[2 * n:2 * n + 2]} == {100 + n, 200 + n}
    assert [e["previous"] for e in entries] == [2000] + [e["quota"] for e in entries[:-1]]
    assert [q["quota"] for q in hall.ok("super", "GET", "/today")["quotas"]] == [entries[-1]["quota"]]


def test_a_prefix_change_racing_the_kiosks_never_leaves_a_ticket_under_another_prefix(hall: Hall) -> None:
    """GIVEN a service with no tickets today, round after round a new one
    WHEN four kiosks tap it while an admin saves a catalog giving it another prefix, at the same moment
    THEN either the save is refused (prefix_in_use_today: a ticket was issued first) or it is stored and
    every ticket of the service today carries the new prefix: never a ticket under the old prefix once
    the change is stored, nor a change stored over a ticket already issued."""
    for n in range(ROUNDS):
        sid, before, after = f"race{n}", f"E{chr(65 + n)}", f"F{chr(65 + n)}"
        now = hall.ok("admin", "GET", "/catalog/document")
        doc = now["document"]
        doc["agencies"][1]["services"].append({"id": sid, "prefix": before, "name": "Uji", "quota": 1000})
        doc["lokets"][2]["services"].append(sid)
        version = hall.ok("admin", "PUT", "/catalog", {"document": doc, "based_on": now["version"]})["id"]
        doc["agencies"][1]["services"][-1]["prefix"] = after
        taps = [Shot("super", "POST", "/tickets", {"service_id": sid}, {"Idempotency-Key": uuid.uuid4().hex})
                for _ in range(4)]
        answers = hall.race([*taps, Shot("admin", "PUT", "/catalog", {"document": doc, "based_on": version})])
        issued = [r.json()["code"] for r in answers[:4] if r.status_code == 201]
        saved = answers[4].status_code == 201
        assert saved or codes(answers[4:]) == [(409, "prefix_in_use_today")], codes(answers)
        with hall.db.connect() as conn:
            stored = sorted(conn.execute(select(tickets.c.code).where(tickets.c.service_id == sid)).scalars())
        assert stored == sorted(issued)
        prefix = after if saved else before
        assert all(code.startswith(f"{prefix}-") for code in stored), (saved, stored)
