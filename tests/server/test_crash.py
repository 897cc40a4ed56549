"""Crash safety: kill -9 the server while kiosks issue tickets; every ticket a kiosk was given
is still there after a restart, and no number is ever given twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import requests

from tests.support.net import free_port, wait_for
from tests.support.server import start_server_process

ROOT = Path(__file__).resolve().parents[2]


def start_server(db: Path, port: int, env: dict[str, str]) -> subprocess.Popen:
    return start_server_process(f"sqlite:///{db}", port, env)


def enroll_kiosk(db: Path, env: dict[str, str], port: int) -> str:
    out = subprocess.run([sys.executable, "main.py", "server", "enroll", "--kind", "kiosk", "--name", "k1",
                          "--database", f"sqlite:///{db}"], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    r = requests.post(f"http://127.0.0.1:{port}/api/v1/devices/enroll", json={"code": out}, timeout=5)
    r.raise_for_status()
    return r.json()["token"]


def test_kill_9_while_issuing_loses_no_acknowledged_ticket(tmp_path):
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    db, port = tmp_path / "crash.sqlite3", free_port()
    proc = start_server(db, port, env)
    token = enroll_kiosk(db, env, port)
    api = f"http://127.0.0.1:{port}/api/v1"
    acknowledged: dict[str, dict] = {}      # idempotency key -> ticket the kiosk was given
    unanswered: list[str] = []              # keys whose answer was lost in the crash
    lock = threading.Lock()
    stop = threading.Event()

    def kiosk() -> None:
        with requests.Session() as http:
            while not stop.is_set():
                key = uuid.uuid4().hex
                try:
                    r = http.post(f"{api}/tickets", json={"service_id": "kk"}, timeout=5,
                                  headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key})
                except requests.RequestException:
                    with lock:
                        unanswered.append(key)
                    return
                if r.status_code == 201:
                    with lock:
                        acknowledged[key] = r.json()

    threads = [threading.Thread(target=kiosk) for _ in range(4)]
    for t in threads:
        t.start()
    wait_for(lambda: len(acknowledged) >= 150, timeout=60, what="tickets to be issued")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stop.set()
    for t in threads:
        t.join()

    proc = start_server(db, port, env)
    try:
        headers = {"Authorization": f"Bearer {token}"}
        for ticket in acknowledged.values():
            r = requests.get(f"{api}/tickets/{ticket['id']}", headers=headers, timeout=5)
            assert r.status_code == 200 and r.json()["code"] == ticket["code"]
        # A kiosk retrying a tap whose answer was lost gets its ticket (or a new one), never two.
        replays = [requests.post(f"{api}/tickets", json={"service_id": "kk"}, timeout=5,
                                 headers={**headers, "Idempotency-Key": k}).json() for k in unanswered]
        after = requests.post(f"{api}/tickets", json={"service_id": "kk"}, timeout=5,
                              headers={**headers, "Idempotency-Key": uuid.uuid4().hex}).json()
        codes = [t["code"] for t in acknowledged.values()] + [t["code"] for t in replays] + [after["code"]]
        assert len(codes) == len(set(codes)), "a number was given twice"
        numbers = sorted(int(c.split("-")[1]) for c in codes)
        assert numbers == list(range(1, len(numbers) + 1)), "the numbers have a gap"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
