"""Sign-in abuse over real HTTP: a flood of wrong passwords must not stall the kiosks, and wrong
passwords are counted per client address as well as per name, so a stranger's guesses cannot lock
an officer out of the counter PC they did not touch. Distinct clients are distinct loopback
source addresses (127.0.0.2, 127.0.0.3, …): real peers, as the server sees them."""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import update

from server.accounts import NAME_FAILURE_LIMIT
from server.auth import Role
from server.db import users
from server.sign_in_limits import ADDRESS_FAILURE_LIMIT, PAIR_FAILURE_LIMIT
from tests.support.net import free_port, wait_for
from tests.support.server import PASSWORD, LiveServer, live_server

WRONG = "salah-sandi"


class _FromAddress(HTTPAdapter):
    """Connects from one loopback source address, so the server sees a distinct peer."""

    def __init__(self, host: str) -> None:
        self._source = (host, 0)
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = self._source
        super().init_poolmanager(*args, **kwargs)


def peer(host: str) -> requests.Session:
    session = requests.Session()
    session.mount("http://", _FromAddress(host))
    return session


def login(server: LiveServer, name: str, password: str, via: requests.Session | None = None,
          **headers: str) -> requests.Response:
    return (via or server.http).post(f"{server.api}/auth/login", json={"username": name, "password": password},
                                     headers=headers, timeout=30)


def error_code(r: requests.Response) -> str | None:
    return r.json().get("error", {}).get("code") if r.headers.get("content-type", "").startswith(
        "application/json") else None


# ----------------------------------------------------------------------------- 2a: no stall

def _slow_hash(password: str, parallel: int) -> str:
    """A valid scrypt hash whose check costs ``parallel`` times the usual: what makes "a login's
    password check is running" last long enough to observe, without changing the server."""
    salt = secrets.token_bytes(16)
    n, r = 2 ** 14, 8
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=parallel, dklen=32)
    return f"scrypt${n}${r}${parallel}${salt.hex()}${digest.hex()}"


def test_kiosks_keep_issuing_while_wrong_passwords_are_being_checked(server: LiveServer) -> None:
    """GIVEN four officers whose password checks each take about a second (a slow hash)
    WHEN four wrong-password logins for them are in flight at once
    THEN a kiosk issuing tickets one after another gets many answered before the first login is
    refused: the password check holds no lock a ticket needs. (Before, each check ran inside the
    database's one write transaction, and the kiosk got at most a ticket or two between them.)"""
    names = [f"petugas{i}" for i in range(4)]
    for name in names:
        server.services.accounts.add_user(name, PASSWORD, Role.STAFF)
    with server.services.db.write() as conn:
        conn.execute(update(users).where(users.c.username.in_(names)).values(
            password_hash=_slow_hash(PASSWORD, parallel=24)))
    kiosk = peer("127.0.0.1")
    auth = {"Authorization": f"Bearer {server.tokens['kiosk']}"}
    assert kiosk.post(f"{server.api}/tickets", json={"service_id": "kk"}, timeout=30,
                      headers={**auth, "Idempotency-Key": secrets.token_hex(8)}).status_code == 201

    answers: list[requests.Response] = []
    barrier = threading.Barrier(len(names) + 1)

    def wrong_login(name: str, host: str) -> None:
        via = peer(host)
        barrier.wait()
        answers.append(login(server, name, WRONG, via))

    threads = [threading.Thread(target=wrong_login, args=(name, f"127.0.0.{i + 2}"))
               for i, name in enumerate(names)]
    for t in threads:
        t.start()
    barrier.wait()
    issued_meanwhile = 0
    while not answers:
        r = kiosk.post(f"{server.api}/tickets", json={"service_id": "kk"}, timeout=30,
                       headers={**auth, "Idempotency-Key": secrets.token_hex(8)})
        assert r.status_code == 201, r.text
        if not answers:
            issued_meanwhile += 1
    for t in threads:
        t.join(timeout=60)
    assert [a.status_code for a in answers] == [401] * len(names)
    assert issued_meanwhile >= 20, issued_meanwhile


# ----------------------------------------------------------------------------- 2b: per address

def assert_locked(r: requests.Response, scope: str) -> datetime:
    assert r.status_code == 429, r.text
    error = r.json()["error"]
    assert error["code"] == "login_locked" and error["params"]["scope"] == scope, error
    return datetime.fromisoformat(error["params"]["until"])


def test_a_strangers_wrong_passwords_do_not_lock_the_officer_out_of_their_own_pc(server: LiveServer) -> None:
    """GIVEN someone at the hall's public PC (127.0.0.2) guessing staff1's password five times
    WHEN staff1 signs in at their counter PC (127.0.0.3), which never failed
    THEN staff1 gets in there, while the public PC is refused staff1 even with the right password."""
    stranger, counter_pc = peer("127.0.0.2"), peer("127.0.0.3")
    for _ in range(PAIR_FAILURE_LIMIT):
        assert error_code(login(server, "staff1", WRONG, stranger)) == "bad_credentials"
    until = assert_locked(login(server, "staff1", PASSWORD, stranger), "name")
    assert until == server.clock.now() + timedelta(minutes=5)

    r = login(server, "staff1", PASSWORD, counter_pc)
    assert r.status_code == 200, r.text
    assert server.call("GET", "/counters", headers={"Authorization": f"Bearer {r.json()['token']}"}).ok
    assert login(server, "staff2", PASSWORD, stranger).status_code == 200  # the lock is that name's


def test_an_address_that_fails_too_often_is_refused_every_name_for_a_while(server: LiveServer) -> None:
    """GIVEN one PC trying a different name each time, never the same twice (so no name locks)
    WHEN it has failed ADDRESS_FAILURE_LIMIT times within 15 minutes
    THEN it is refused with 429 for 15 minutes, even a real officer's right password; another
    PC is not; and the refusal ran no password check and counted nothing."""
    guesser, other_pc = peer("127.0.0.4"), peer("127.0.0.5")
    for i in range(ADDRESS_FAILURE_LIMIT):
        assert error_code(login(server, f"nama{i}", WRONG, guesser)) == "bad_credentials"
    until = assert_locked(login(server, "staff2", PASSWORD, guesser), "address")
    assert until == server.clock.now() + timedelta(minutes=15)
    assert login(server, "staff2", PASSWORD, other_pc).status_code == 200

    server.clock.advance(minutes=14, seconds=59)
    assert_locked(login(server, "staff2", PASSWORD, guesser), "address")
    server.clock.advance(seconds=1)
    assert login(server, "staff2", PASSWORD, guesser).status_code == 200


def test_failures_spread_thinly_over_time_never_lock_an_address(server: LiveServer) -> None:
    """A counter PC's typos over a day are not an attack: the address count starts again every
    15 minutes, and a good login between them is not needed."""
    pc = peer("127.0.0.6")
    for _ in range(3):
        for i in range(ADDRESS_FAILURE_LIMIT - 1):
            assert login(server, f"salah{i}", WRONG, pc).status_code == 401
        server.clock.advance(minutes=15)
    assert login(server, "staff1", PASSWORD, pc).status_code == 200


def test_a_guesser_spread_over_many_addresses_still_locks_the_name_everywhere(server: LiveServer) -> None:
    """GIVEN NAME_FAILURE_LIMIT wrong passwords for staff1, five from each of many addresses
    WHEN staff1 signs in from an address that never failed
    THEN it is refused for 15 minutes (scope "everywhere"), until the office enables the name
    again (`server enable-user`), which lets staff1 in at once."""
    hosts = [f"127.0.1.{i}" for i in range(NAME_FAILURE_LIMIT // PAIR_FAILURE_LIMIT)]
    for host in hosts:
        via = peer(host)
        for _ in range(PAIR_FAILURE_LIMIT):
            assert login(server, "staff1", WRONG, via).status_code == 401
    fresh = peer("127.0.2.1")
    until = assert_locked(login(server, "staff1", PASSWORD, fresh), "everywhere")
    assert until == server.clock.now() + timedelta(minutes=15)
    assert login(server, "staff2", PASSWORD, fresh).status_code == 200

    assert server.services.accounts.set_active("staff1", True)
    assert login(server, "staff1", PASSWORD, fresh).status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.7", "127.0.0.1"])
def test_a_forwarded_for_header_is_ignored_from_a_peer_that_is_not_the_proxy(server: LiveServer, host: str) -> None:
    """A guesser cannot pose as many clients by writing X-Forwarded-For itself; not from the
    server's own machine either (127.0.0.1, which uvicorn would believe by default)."""
    guesser = peer(host)
    for i in range(PAIR_FAILURE_LIMIT):
        assert login(server, "staff1", WRONG, guesser, **{"X-Forwarded-For": f"10.9.9.{i}"}).status_code == 401
    assert_locked(login(server, "staff1", PASSWORD, guesser, **{"X-Forwarded-For": "10.9.9.99"}), "name")


@pytest.fixture
def behind_proxy(tmp_path: Path) -> Iterator[LiveServer]:
    """The server behind a reverse proxy at 127.0.0.9, the one peer whose X-Forwarded-For counts."""
    with live_server(tmp_path, trusted_proxies=frozenset({"127.0.0.9"})) as live:
        yield live


def test_behind_the_configured_proxy_each_forwarded_client_is_counted_apart(behind_proxy: LiveServer) -> None:
    """GIVEN the proxy forwarding a guesser (10.0.0.7) and, later, staff1's own PC (10.0.0.8)
    WHEN the guesser has locked staff1 for itself, also while writing a fake address of its own
    at the left of the header (the proxy appends the real one on the right)
    THEN staff1 gets in from 10.0.0.8 through the same proxy."""
    proxy = peer("127.0.0.9")
    for i in range(PAIR_FAILURE_LIMIT):
        forwarded = f"10.1.1.{i}, 10.0.0.7"
        assert login(behind_proxy, "staff1", WRONG, proxy, **{"X-Forwarded-For": forwarded}).status_code == 401
    assert_locked(login(behind_proxy, "staff1", PASSWORD, proxy, **{"X-Forwarded-For": "10.0.0.7"}), "name")
    r = login(behind_proxy, "staff1", PASSWORD, proxy, **{"X-Forwarded-For": "10.0.0.8"})
    assert r.status_code == 200, r.text
    # Sent straight to the server, the header is the client's own words: the peer is counted.
    direct = peer("127.0.0.10")
    for _ in range(PAIR_FAILURE_LIMIT):
        assert login(behind_proxy, "staff2", WRONG, direct, **{"X-Forwarded-For": "10.0.0.8"}).status_code == 401
    assert_locked(login(behind_proxy, "staff2", PASSWORD, direct), "name")
    assert login(behind_proxy, "staff2", PASSWORD, proxy, **{"X-Forwarded-For": "10.0.0.8"}).status_code == 200


def test_the_real_server_command_believes_only_its_trusted_proxy(tmp_path: Path) -> None:
    """GIVEN `main.py server --trusted-proxy 127.0.0.9` as a real process
    WHEN a local process (127.0.0.1) guesses while writing X-Forwarded-For, and the proxy forwards
    a guesser (10.0.0.7) and then the officer (10.0.0.8)
    THEN the local process is counted as itself and locked; through the proxy, only the guesser is."""
    database = f"sqlite:///{tmp_path / 'real.sqlite3'}"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    port = free_port()
    process = subprocess.Popen([sys.executable, "main.py", "server", "--database", database, "--port", str(port),
                                "--trusted-proxy", "127.0.0.9"], cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        wait_for(lambda: _answers(f"{api}/health"), timeout=30, what="the server process")
        # Once the server has made its database: the office's commands only use one.
        subprocess.run([sys.executable, "main.py", "server", "add-user", "--username", "petugas", "--password",
                        PASSWORD, "--role", "staff", "--keep-password", "--database", database], cwd=root, env=env,
                       check=True,
                       capture_output=True, timeout=60)

        def attempt(via: requests.Session, password: str, forwarded: str) -> requests.Response:
            return via.post(f"{api}/auth/login", json={"username": "petugas", "password": password},
                            headers={"X-Forwarded-For": forwarded}, timeout=30)

        local, proxy = peer("127.0.0.1"), peer("127.0.0.9")
        for i in range(PAIR_FAILURE_LIMIT):
            assert attempt(local, WRONG, f"10.9.9.{i}").status_code == 401
        assert_locked(attempt(local, PASSWORD, "10.9.9.99"), "name")
        for _ in range(PAIR_FAILURE_LIMIT):
            assert attempt(proxy, WRONG, "10.0.0.7").status_code == 401
        assert_locked(attempt(proxy, PASSWORD, "10.0.0.7"), "name")
        assert attempt(proxy, PASSWORD, "10.0.0.8").status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).ok
    except requests.RequestException:
        return False
