"""Many kiosks at once: numbers stay unique and gap-free on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import uuid

import requests

CLIENTS, PER_CLIENT = 20, 50


def test_twenty_clients_issuing_fifty_each_get_a_thousand_distinct_gap_free_numbers(any_server):
    """GIVEN 20 kiosks with their own connections, WHEN each issues 50 tickets for one service
    at the same moment, THEN the 1000 numbers are B-001 … B-1000, each exactly once."""
    headers = any_server.headers("kiosk")
    url = f"{any_server.api}/tickets"
    codes: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def kiosk() -> None:
        with requests.Session() as http:
            start.wait()
            for _ in range(PER_CLIENT):
                r = http.post(url, json={"service_id": "kk"}, timeout=60,
                              headers={**headers, "Idempotency-Key": uuid.uuid4().hex})
                with lock:
                    (codes.append(r.json()["code"]) if r.status_code == 201 else failures.append(r.text))

    threads = [threading.Thread(target=kiosk) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(codes) == len(set(codes)) == CLIENTS * PER_CLIENT
    assert sorted(int(c.split("-")[1]) for c in codes) == list(range(1, CLIENTS * PER_CLIENT + 1))
    report = any_server.call("GET", "/reports/daily", "super").json()
    assert report["total_issued"] == CLIENTS * PER_CLIENT


def test_two_lokets_calling_at_once_never_call_the_same_ticket(any_server):
    """GIVEN 30 waiting tickets and lokets 1 and 2 open, WHEN both call and mark no-show as fast
    as they can, starting together, THEN each ticket is called once, by one loket, and ends no-show."""
    tickets = [any_server.issue("kk").json()["id"] for _ in range(30)]
    any_server.call("POST", "/counters/1/open", "staff1")
    any_server.call("POST", "/counters/2/open", "staff2")
    called: dict[str, list[str]] = {"staff1": [], "staff2": []}
    refusals: list[str] = []
    start = threading.Barrier(2)

    def loket(staff: str, counter: int) -> None:
        with requests.Session() as http:
            h = any_server.headers(staff)
            start.wait()
            while True:
                r = http.post(f"{any_server.api}/counters/{counter}/call-next", headers=h, timeout=30)
                if r.status_code == 409 and r.json()["error"]["code"] == "queue_empty":
                    return
                if r.status_code != 200:
                    refusals.append(r.text)
                    return
                ticket = r.json()["current_ticket"]
                called[staff].append(ticket["code"])
                r = http.post(f"{any_server.api}/tickets/{ticket['id']}/no-show", headers=h, timeout=30)
                if r.status_code != 200:
                    refusals.append(r.text)
                    return

    threads = [threading.Thread(target=loket, args=a) for a in (("staff1", 1), ("staff2", 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert refusals == []
    every = called["staff1"] + called["staff2"]
    assert len(every) == len(set(every)) == 30
    assert called["staff1"] and called["staff2"]
    statuses = {any_server.call("GET", f"/tickets/{t}", "staff1").json()["status"] for t in tickets}
    assert statuses == {"no_show"}
