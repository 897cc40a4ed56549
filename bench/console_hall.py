"""The console's hall under a full day: 24 lokets, 25 services (the demo catalog) and 5,000 tickets today.

Prints the hall page's first load (median and p95 over --loads loads, signed in with the console's cookie)
and its HTML size, against the budgets (300 ms, 200 KB); then the delay from a call-next to its arrival
on an open hall page: on the page's event stream (/console/hall/events), and with the page's fetch of
its live part that follows (p50/p99 over --calls calls, budget 1 s at p99).
Run: .venv/bin/python bench/console_hall.py [--tickets 5000] [--loads 30] [--calls 100]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.demo_catalog import unlimited_catalog
from bench.server import pct, run, start_server

BUDGET = {"hall_first_load_ms": 300, "hall_html_kb": 200, "event_to_page_p99_ms": 1000}
PASSWORD = "bench-pass-1"
QUIET_S = 0.3


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def fill_the_day(api: str, kiosk: str, admin: str, tickets: int) -> list[int]:
    """``tickets`` tickets over every service, every loket open with a citizen at it and some done."""
    http = requests.Session()
    catalog = http.get(f"{api}/catalog", headers=bearer(kiosk), timeout=5).json()
    services = [s["id"] for a in catalog["agencies"] for s in a["services"]]
    for n in range(tickets):
        r = http.post(f"{api}/tickets", json={"service_id": services[n % len(services)]},
                      headers={**bearer(kiosk), "Idempotency-Key": uuid.uuid4().hex}, timeout=10)
        r.raise_for_status()
    lokets = [c["id"] for c in http.get(f"{api}/counters", headers=bearer(admin), timeout=5).json()]
    for loket in lokets:
        http.post(f"{api}/counters/{loket}/open", headers=bearer(admin), json={"reason": "bench"},
                  timeout=5).raise_for_status()
        for _ in range(10):
            serve_one(http, api, admin, loket)
        http.post(f"{api}/counters/{loket}/call-next", headers=bearer(admin), timeout=5).raise_for_status()
    return lokets


def serve_one(http: requests.Session, api: str, admin: str, loket: int) -> None:
    called = http.post(f"{api}/counters/{loket}/call-next", headers=bearer(admin), timeout=5).json()
    ticket = called["current_ticket"]["id"]
    for step in ("start", "finish"):
        http.post(f"{api}/tickets/{ticket}/{step}", headers=bearer(admin), timeout=5).raise_for_status()


def console_session(base: str, username: str) -> requests.Session:
    http = requests.Session()
    page = http.get(f"{base}/console/login", timeout=5).text
    mark = re.search(r'name="csrf" value="([^"]+)"', page)
    assert mark
    r = http.post(f"{base}/console/login", data={"csrf": mark.group(1), "username": username, "password": PASSWORD},
                  headers={"Origin": base}, allow_redirects=False, timeout=10)
    assert r.status_code == 303 and "anjungan_console" in http.cookies, r.text[:300]
    return http


def first_loads(http: requests.Session, base: str, loads: int) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(loads):
        start = time.perf_counter()
        r = http.get(f"{base}/console/hall", timeout=10)
        times.append((time.perf_counter() - start) * 1000)
        r.raise_for_status()
        size = len(r.content)
    return times, size


def follow(http: requests.Session, base: str, arrivals: queue.Queue, stop: threading.Event) -> None:
    """The page's event stream, as its EventSource reads it; ends with the server."""
    try:
        with http.get(f"{base}/console/hall/events", stream=True, timeout=30) as r:
            kind = ""
            for line in r.iter_lines(decode_unicode=True):
                if stop.is_set():
                    return
                if line.startswith("event: "):
                    kind = line.removeprefix("event: ")
                elif line.startswith("data: ") and kind == "hall":
                    arrivals.put(time.perf_counter())
    except requests.RequestException:
        return


def drain(arrivals: queue.Queue) -> None:
    while True:
        try:
            arrivals.get(timeout=QUIET_S)
        except queue.Empty:
            return


def call_to_page(api: str, base: str, admin: str, page: requests.Session, lokets: list[int],
                 calls: int) -> tuple[list[float], list[float]]:
    """Per call-next: when the stream told the page, and when the page had its new live part."""
    arrivals: queue.Queue = queue.Queue()
    stop = threading.Event()
    stream = requests.Session()
    stream.cookies.update(page.cookies)
    threading.Thread(target=follow, args=(stream, base, arrivals, stop), daemon=True).start()
    http = requests.Session()
    drain(arrivals)
    on_stream, on_page = [], []
    for n in range(calls):
        loket = lokets[n % len(lokets)]
        current = http.get(f"{api}/hall", headers=bearer(admin), timeout=5).json()
        held = next(c for c in current["lokets"] if c["id"] == loket)
        if held["current_code"]:
            ticket = http.get(f"{api}/tickets/lookup", params={"code": held["current_code"]},
                              headers=bearer(admin), timeout=5).json()["id"]
            for step in ("start", "finish"):
                http.post(f"{api}/tickets/{ticket}/{step}", headers=bearer(admin), timeout=5)
        drain(arrivals)
        start = time.perf_counter()
        http.post(f"{api}/counters/{loket}/call-next", headers=bearer(admin), timeout=5).raise_for_status()
        arrived = arrivals.get(timeout=10)
        on_stream.append((arrived - start) * 1000)
        page.get(f"{base}/console/hall/live", timeout=10).raise_for_status()
        on_page.append((time.perf_counter() - start) * 1000)
    stop.set()
    return on_stream, on_page


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=30)
    parser.add_argument("--calls", type=int, default=100)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="anjungan-console-bench-"))
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(work), "ANJUNGAN_LOG_DIR": str(work / "log")}
    catalog = unlimited_catalog(work / "bench.toml")
    db = f"sqlite:///{work / 'bench.sqlite3'}"
    py = sys.executable
    server, port, api = start_server(db, catalog, env)
    base = f"http://127.0.0.1:{port}"
    try:
        for name, role in (("bench-admin", "admin"), ("bench-super", "supervisor")):
            run([py, "main.py", "server", "add-user", "--username", name, "--password", PASSWORD, "--role", role,
                 "--keep-password", "--database", db], env)
        code = run([py, "main.py", "server", "enroll", "--kind", "kiosk", "--name", "bench-kiosk",
                    "--database", db], env).strip().splitlines()[-1]
        kiosk = requests.post(f"{api}/devices/enroll", json={"code": code}, timeout=5).json()["token"]
        admin = requests.post(f"{api}/auth/login", json={"username": "bench-admin", "password": PASSWORD},
                              timeout=5).json()["token"]
        start = time.perf_counter()
        lokets = fill_the_day(api, kiosk, admin, args.tickets)
        filled_s = time.perf_counter() - start
        hall = requests.get(f"{api}/hall", headers=bearer(admin), timeout=10).json()
        page = console_session(base, "bench-super")
        loads, size = first_loads(page, base, args.loads)
        on_stream, on_page = call_to_page(api, base, admin, page, lokets, args.calls)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    figures = {
        "lokets": len(hall["lokets"]), "services": len(hall["services"]), "tickets_today": args.tickets,
        "fill_seconds": round(filled_s, 1),
        "hall_first_load_median_ms": round(statistics.median(loads), 1),
        "hall_first_load_p95_ms": round(pct(loads, 95), 1),
        "hall_html_kb": round(size / 1024, 1),
        "event_on_stream_p50_ms": round(pct(on_stream, 50), 1),
        "event_on_stream_p99_ms": round(pct(on_stream, 99), 1),
        "event_to_page_p50_ms": round(pct(on_page, 50), 1),
        "event_to_page_p99_ms": round(pct(on_page, 99), 1),
    }
    print(json.dumps(figures, indent=2))
    verdicts = {
        "hall_first_load_ms": figures["hall_first_load_p95_ms"] <= BUDGET["hall_first_load_ms"],
        "hall_html_kb": figures["hall_html_kb"] <= BUDGET["hall_html_kb"],
        "event_to_page_p99_ms": figures["event_to_page_p99_ms"] <= BUDGET["event_to_page_p99_ms"],
    }
    for name, ok in verdicts.items():
        print(f"{name}: {'within' if ok else 'OVER'} budget ({BUDGET[name]})")
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
