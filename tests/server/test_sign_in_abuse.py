"""Sign-in abuse over real HTTP: a flood of wrong passwords must not stall the kiosks, and wrong
passwords are counted per client address as well as per name, so a stranger's guesses cannot lock
an officer out of the counter PC they did not touch. Distinct clients are distinct loopback
source addresses (127.0.0.2, 127.0.0.3, …): real peers, as the server sees them."""

from __future__ import annotations

import hashlib
import secrets
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import update

from server.auth import Role
from server.db import users
from server.settings import ServerSettings
from tests.support.net import wait_for
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
