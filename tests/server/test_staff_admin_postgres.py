"""On PostgreSQL: a user disabled through one server process is refused by a second process on the same
database within the token cache's lifetime, and two admins acting at once never leave the office
without an active admin nor two devices under one name (enrolled or renamed)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from server.accounts import PRINCIPAL_TTL_S
from server.auth import Role
from server.db import devices, users
from tests.support.net import free_port, wait_for
from tests.support.server import PASSWORD, LiveServer, live_server, start_server_process

ROUNDS = 10
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[LiveServer]:
    from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given

    with live_server(tmp_path, _fresh_pg_url()) as live:
        yield live


def at_once(*requests_: Callable[[], requests.Response]) -> list[requests.Response]:
    """Each request in a thread of its own, released together."""
    start = threading.Barrier(len(requests_))
    answers: list[requests.Response | None] = [None] * len(requests_)

    def run(i: int) -> None:
        start.wait()
        answers[i] = requests_[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests_))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert all(a is not None for a in answers)
    return [a for a in answers if a is not None]


def test_a_user_disabled_through_one_process_is_refused_by_another(pg_server: LiveServer, tmp_path: Path) -> None:
    """GIVEN staff1 signed in through a second `main.py server` process on the same database, their
    token just used there (so that process has it cached)
    WHEN an admin disables staff1 through the first process
    THEN the second process refuses the token within PRINCIPAL_TTL_S."""
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    port = free_port()
    other = start_server_process(pg_server.services.settings.database_url, port, env)
    try:
        second = f"http://127.0.0.1:{port}/api/v1"
        r = requests.post(f"{second}/auth/login", json={"username": "staff1", "password": PASSWORD}, timeout=30)
        assert r.status_code == 200, r.text
        there = {"Authorization": f"Bearer {r.json()['token']}"}
        assert requests.get(f"{second}/counters", headers=there, timeout=10).status_code == 200

        assert pg_server.call("POST", "/staff/staff1/disable", "admin").status_code == 200
        disabled_at = time.monotonic()
        wait_for(lambda: requests.get(f"{second}/counters", headers=there, timeout=10).status_code == 401,
                 timeout=PRINCIPAL_TTL_S + 5, interval=0.05, what="the second process to refuse the token")
        assert time.monotonic() - disabled_at <= PRINCIPAL_TTL_S + 0.5
        r = requests.get(f"{second}/counters", headers=there, timeout=10)
        assert r.json()["error"]["code"] == "account_disabled"
    finally:
        other.terminate()
        other.wait(timeout=15)


def active_admins(server: LiveServer) -> int:
    with server.services.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(users).where(
            users.c.role == "admin", users.c.active.is_(True))).scalar_one())


def _against(server: LiveServer, token: str, target: str, disable: bool) -> Callable[[], requests.Response]:
    """An admin's request demoting or disabling ``target``."""
    headers = {"Authorization": f"Bearer {token}"}
    if disable:
        return lambda: requests.post(f"{server.api}/staff/{target}/disable", headers=headers, timeout=30)
    return lambda: requests.put(f"{server.api}/staff/{target}/role", json={"role": "supervisor"},
                                headers=headers, timeout=30)


def test_two_admins_demoting_or_disabling_each_other_at_once_leave_one_admin(pg_server: LiveServer) -> None:
    """GIVEN two active admins, admin and super
    WHEN each demotes (or disables) the other at the same moment
    THEN one wins and the other is refused with last_admin: one active admin is left, every round."""
    staff = pg_server.services.accounts.staff
    for round_ in range(ROUNDS):
        for name in ("admin", "super"):
            staff.set_role(None, name, Role.ADMIN)
            staff.set_active(None, name, True)
        tokens = {name: pg_server.login(name) for name in ("admin", "super")}
        disable = round_ % 2 == 1
        answers = at_once(_against(pg_server, tokens["admin"], "super", disable),
                          _against(pg_server, tokens["super"], "admin", disable))
        statuses = sorted(r.status_code for r in answers)
        # The loser is refused as last admin, or (if the winner's change landed before its token was
        # checked) as no longer an admin, or as a disabled account; either way it changed nothing.
        assert statuses[0] == 200 and statuses[1] in (401, 403, 409), [r.text for r in answers]
        loser = next(r for r in answers if r.status_code != 200)
        assert loser.json()["error"]["code"] in ("last_admin", "forbidden", "invalid_token", "account_disabled")
        assert active_admins(pg_server) == 1, round_


def _enrolment(server: LiveServer, name: str) -> Callable[[], requests.Response]:
    headers = {"Authorization": f"Bearer {server.tokens['admin']}"}
    return lambda: requests.post(f"{server.api}/devices", json={"kind": "kiosk", "name": name}, headers=headers,
                                 timeout=30)


def test_two_admins_enrolling_one_new_name_at_once_make_one_device(pg_server: LiveServer) -> None:
    for round_ in range(ROUNDS):
        name = f"Kiosk Baru {round_}"
        make = _enrolment(pg_server, name)
        answers = at_once(make, make)
        assert sorted(r.status_code for r in answers) == [201, 409], [r.text for r in answers]
        assert next(r for r in answers if r.status_code == 409).json()["error"]["code"] == "device_name_taken"
        with pg_server.services.db.read() as conn:
            assert conn.execute(select(func.count()).select_from(devices).where(devices.c.name == name)).scalar() == 1


def _rename(server: LiveServer, device_id: int, name: str) -> Callable[[], requests.Response]:
    headers = {"Authorization": f"Bearer {server.tokens['admin']}"}
    return lambda: requests.put(f"{server.api}/devices/{device_id}/name", json={"name": name}, headers=headers,
                                timeout=30)


def test_two_devices_renamed_to_one_name_at_once_leave_it_to_one(pg_server: LiveServer) -> None:
    listed = {d["name"]: d["id"] for d in pg_server.call("GET", "/devices", "admin").json()}
    kiosk, board = listed["kiosk-1"], listed["display-1"]
    for round_ in range(ROUNDS):
        name = f"Lobi {round_}"
        answers = at_once(_rename(pg_server, kiosk, name), _rename(pg_server, board, name))
        assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
        assert next(r for r in answers if r.status_code == 409).json()["error"]["code"] == "device_name_taken"
        with pg_server.services.db.read() as conn:
            assert conn.execute(select(func.count()).select_from(devices).where(devices.c.name == name)).scalar() == 1
