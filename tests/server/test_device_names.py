"""Devices as the office finds them from a shell: a kiosk renamed in its own setup is renamed on the
server by its next heartbeat (so ``device lock NAME`` finds it under that name), a name another device
has is not taken, enrolling a second device under a name in use warns, and ``server devices`` gives
the site's time with its label."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from sqlalchemy import select, text, update

from server.db import devices, events
from tests.support.net import wait_for
from tests.support.server import LiveServer, live_server

ROOT = Path(__file__).resolve().parents[2]


def office(server: LiveServer, *args: str) -> subprocess.CompletedProcess[str]:
    """``python main.py server ARGS`` against the live server's database, as the office runs it."""
    return subprocess.run([sys.executable, "main.py", "server", *args,
                           "--database", server.services.settings.database_url],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def heartbeat(server: LiveServer, role: str, **state: object) -> requests.Response:
    return server.call("POST", "/devices/heartbeat", role, json={"printer_state": "online", "paper": "ok", **state})


def device_names(server: LiveServer) -> set[str]:
    return {d["name"] for d in server.call("GET", "/devices", "super").json()}


def test_a_kiosk_renamed_in_its_setup_is_locked_from_the_office_under_its_new_name(server: LiveServer):
    reply = heartbeat(server, "kiosk", name="Anjungan Lobi Utara")
    assert reply.status_code == 200, reply.text
    assert reply.json()["name"] == "Anjungan Lobi Utara"
    assert "Anjungan Lobi Utara" in device_names(server) and "kiosk-1" not in device_names(server)

    done = office(server, "device", "lock", "Anjungan Lobi Utara")
    assert done.returncode == 0, done.stderr
    assert heartbeat(server, "kiosk", name="Anjungan Lobi Utara").json()["locked"] is True
    with server.services.db.read() as conn:   # the rename is on record, as an event the office follows
        payloads = [row.data for row in conn.execute(select(events).where(events.c.type == "device.state"))]
    assert any(p.get("renamed_from") == "kiosk-1" and p.get("device") == "Anjungan Lobi Utara" for p in payloads)


def test_a_name_another_device_has_is_not_taken_and_the_reply_says_the_name_kept(server: LiveServer):
    reply = heartbeat(server, "kiosk", name="display-1")
    assert reply.status_code == 200 and reply.json()["name"] == "kiosk-1"
    assert {"kiosk-1", "display-1"} <= device_names(server)


def test_a_heartbeat_without_a_name_keeps_the_enrolled_one(server: LiveServer):
    assert heartbeat(server, "kiosk").json()["name"] == "kiosk-1"
    assert heartbeat(server, "kiosk", name="   ").json()["name"] == "kiosk-1"


def test_enrolling_a_second_device_under_a_name_in_use_warns(server: LiveServer):
    heartbeat(server, "kiosk")
    done = office(server, "enroll", "--kind", "kiosk", "--name", "kiosk-1")
    assert done.returncode == 0, done.stderr
    assert "warning" in done.stderr and "kiosk-1" in done.stderr
    assert "stops working" in done.stderr          # what happens to the device enrolled now
    assert done.stdout.strip().splitlines()[-1]    # the code is still the last line

    fresh = office(server, "enroll", "--kind", "kiosk", "--name", "kiosk-2")
    assert fresh.returncode == 0 and "warning" not in fresh.stderr


def test_server_devices_gives_the_sites_time_with_its_label(server: LiveServer):
    """The test server's clock stands at 09.00 WIB on 23 November 2026 (02.00 UTC)."""
    heartbeat(server, "kiosk")
    listing = office(server, "devices")
    assert listing.returncode == 0, listing.stderr
    header, *rows = listing.stdout.splitlines()
    assert "(WIB)" in header and "UTC" not in header
    row = next(line for line in rows if line.startswith("kiosk-1"))
    assert "2026-11-23 09:00:00 WIB" in row, row


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[LiveServer]:
    from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given

    with live_server(tmp_path, _fresh_pg_url()) as live:
        yield live


@pytest.mark.postgres
def test_two_devices_taking_one_free_name_at_once_leave_it_to_one_and_answer_both(pg_server: LiveServer):
    """GIVEN on PostgreSQL the board's rename to "Papan Lobi" is written but not yet committed (another
    server process in the middle of its heartbeat) WHEN the kiosk's heartbeat asks for the same name
    THEN once the board's commits, the kiosk keeps its own name and gets its answer, not a 500 from
    the unique name."""
    engine = pg_server.services.db.engine
    pending = engine.connect()
    try:
        pending.begin()
        pending.execute(update(devices).where(devices.c.name == "display-1").values(name="Papan Lobi"))
        with ThreadPoolExecutor(1) as pool:
            reply = pool.submit(heartbeat, pg_server, "kiosk", name="Papan Lobi")

            def waiting_on_a_lock() -> int:
                # A new transaction each time: PostgreSQL keeps one snapshot of pg_stat_activity per transaction.
                with engine.connect() as watcher:
                    return int(watcher.execute(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")).scalar_one())

            wait_for(waiting_on_a_lock, what="the kiosk's heartbeat waiting on the board's uncommitted name")
            pending.commit()
            answer = reply.result(timeout=30)
    finally:
        pending.close()
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == "kiosk-1"
    assert {"Papan Lobi", "kiosk-1"} <= device_names(pg_server)


def test_the_office_enrols_a_survey_tablet_from_the_command_line(server: LiveServer):
    done = office(server, "enroll", "--kind", "survey", "--name", "Tablet Loket 1")
    assert done.returncode == 0, done.stderr
    assert "survey 'Tablet Loket 1'" in done.stdout
    r = server.http.post(f"{server.api}/devices/enroll", json={"code": done.stdout.strip().splitlines()[-1]},
                         timeout=10)
    assert r.status_code == 200 and r.json()["device"]["kind"] == "survey", r.text
