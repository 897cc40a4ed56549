"""Two supervisors sending the same loket's close form at the same moment, over real HTTP, on SQLite and on
PostgreSQL: one closes it, the other is told it is already closed, and nothing else changes."""

from __future__ import annotations

import threading

import requests

from tests.console.test_access import Visitor, visitor
from tests.support.server import LiveServer

ROUNDS = 10




def race(senders: list[Visitor], path: str, form: dict[str, str]) -> list[requests.Response | None]:
    """Each visitor sends the form from its own thread and connection, all at the same moment."""
    start = threading.Barrier(len(senders))
    answers: list[requests.Response | None] = [None] * len(senders)

    def send(i: int) -> None:
        start.wait()
        answers[i] = senders[i].post(path, form)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(senders))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return answers


def test_two_supervisors_closing_one_loket_at_once_close_it_once(any_server: LiveServer) -> None:
    server = any_server
    supervisors: list[Visitor] = [visitor(server, "super"), visitor(server, "admin")]
    officer = {"Authorization": f"Bearer {server.login('staff1')}"}
    for _ in range(ROUNDS):
        opened = requests.post(f"{server.api}/counters/1/open", headers=officer, timeout=10)
        assert opened.status_code == 200, opened.text
        answers = race(supervisors, "/console/hall/lokets/1", {"action": "close", "reason": "rapat"})
        statuses = sorted(a.status_code for a in answers if a is not None)
        assert statuses == [303, 409], [a.text[:300] for a in answers if a is not None]
        refused = next(a for a in answers if a is not None and a.status_code == 409)
        assert "Loket ini sudah tutup." in refused.text
        loket = next(c for c in server.call("GET", "/counters", "display").json() if c["id"] == 1)
        assert (loket["state"], loket["staff"]) == ("closed", None)
