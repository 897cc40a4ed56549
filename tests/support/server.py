"""Starts the real server (uvicorn, real HTTP) on a free loopback port inside the test process, with
a settable clock; and an HTTP helper that speaks to it with tokens for each role."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import uvicorn

from server.app import Services, build_services, create_app
from server.auth import Role, ScryptCost
from server.catalog import load_catalog_file
from server.http_server import build_http_server
from server.settings import HttpLimits, ServerSettings
from tests.support.clock import SettableClock
from tests.support.net import free_port, wait_for

ROOT = Path(__file__).resolve().parents[2]
TEST_CATALOG = Path(__file__).resolve().parent.parent / "data" / "catalog.toml"
PASSWORD = "rahasia-123"
# Staff passwords hashed in microseconds, not tens of ms: each server of the suite hashes and checks
# four of them. Tests of the real cost pass ``password_cost=PRODUCTION_COST``.
CHEAP_PASSWORD_COST = ScryptCost(n=16, r=1, p=1)


@dataclass
class LiveServer:
    url: str
    services: Services
    clock: SettableClock
    http_server: uvicorn.Server | None = None
    tokens: dict[str, str] = field(default_factory=dict)
    http: requests.Session = field(default_factory=requests.Session)

    def open_connections(self) -> int:
        """How many client connections the server holds open right now."""
        assert self.http_server is not None
        return len(self.http_server.server_state.connections)

    @property
    def api(self) -> str:
        return f"{self.url}/api/v1"

    def headers(self, role: str | None, **extra: str) -> dict[str, str]:
        h = dict(extra)
        if role:
            h["Authorization"] = f"Bearer {self.tokens[role]}"
        return h

    def call(self, method: str, path: str, role: str | None = None, *, json: Any = None,
             headers: dict[str, str] | None = None, **kw: Any) -> requests.Response:
        return self.http.request(method, f"{self.api}{path}", json=json,
                                 headers={**self.headers(role), **(headers or {})}, timeout=15, **kw)

    def issue(self, service_id: str, role: str = "kiosk", key: str | None = None, **body: Any) -> requests.Response:
        return self.call("POST", "/tickets", role, json={"service_id": service_id, **body},
                         headers={"Idempotency-Key": key or uuid.uuid4().hex})

    def enroll(self, kind: str, name: str) -> str:
        code = self.services.accounts.create_enrollment(Role(kind), name)
        r = self.http.post(f"{self.api}/devices/enroll", json={"code": code}, timeout=10)
        r.raise_for_status()
        return r.json()["token"]

    def login(self, username: str, password: str = PASSWORD) -> str:
        r = self.http.post(f"{self.api}/auth/login", json={"username": username, "password": password}, timeout=10)
        r.raise_for_status()
        return r.json()["token"]


@contextlib.contextmanager
def live_server(tmp_path: Path, database_url: str | None = None, *, clock: SettableClock | None = None,
                catalog: Path = TEST_CATALOG, open_all_hours: bool = False,
                http_limits: HttpLimits | None = None, password_cost: ScryptCost = CHEAP_PASSWORD_COST,
                **extra_settings: Any) -> Iterator[LiveServer]:
    clock = clock or SettableClock()
    port = free_port()
    settings = ServerSettings(database_url=database_url or f"sqlite:///{tmp_path / 'server.sqlite3'}",
                              public_url=f"http://127.0.0.1:{port}", open_all_hours=open_all_hours,
                              secret_file=tmp_path / "secret.key", sse_poll_seconds=0.5, password_cost=password_cost,
                              **extra_settings)
    services = build_services(settings, clock)
    services.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    for name, role in (("staff1", Role.STAFF), ("staff2", Role.STAFF), ("super", Role.SUPERVISOR),
                       ("admin", Role.ADMIN)):
        services.accounts.add_user(name, PASSWORD, role)
    app = create_app(services)
    server = build_http_server(app, "127.0.0.1", port, http_limits or HttpLimits(), graceful_shutdown_seconds=1)
    thread = threading.Thread(target=server.run, name="test-server", daemon=True)
    thread.start()
    wait_for(lambda: server.started, timeout=15, what="the server to start")
    live = LiveServer(f"http://127.0.0.1:{port}", services, clock, server)
    try:
        live.tokens["kiosk"] = live.enroll("kiosk", "kiosk-1")
        live.tokens["display"] = live.enroll("display", "display-1")
        for name in ("staff1", "staff2", "super", "admin"):
            live.tokens[name] = live.login(name)
        live.tokens["staff"] = live.tokens["staff1"]
        yield live
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        live.http.close()
        services.db.dispose()


def start_server_process(database_url: str, port: int, env: dict[str, str],
                         timeout: float = 60, extra_args: tuple[str, ...] = ()) -> subprocess.Popen:
    """A real ``main.py server`` process on ``port`` with the test catalog, once it answers /health;
    its stderr is kept for the failure message should it exit first."""
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--database", database_url, "--port", str(port),
                             "--catalog", str(TEST_CATALOG), "--open-all-hours", *extra_args],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def healthy() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            return requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).ok
        except requests.RequestException:
            return False
    wait_for(healthy, timeout=timeout, what="a server process to answer")
    return proc
