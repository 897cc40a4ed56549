"""The server itself restarts (stopped, then started again on the same port and database) while
staff serve a citizen: the counter app says it is offline, comes back by itself with the same
login, and still holds the ticket it was serving."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import requests
import uvicorn
from pytestqt.qtbot import QtBot

from server.app import Services, build_services, create_app
from server.auth import Role
from server.catalog import load_catalog_file
from server.settings import ServerSettings
from tests.counter.steps import WAIT_MS, MakeCounter, at_desk, press, wait_for_waiting
from tests.support.clock import SettableClock
from tests.support.net import free_port
from tests.support.server import PASSWORD, TEST_CATALOG
from ui.counter.actions import CALL_NEXT, FINISH, START


class RestartableServer:
    """The real server in this process, which can be stopped and started again on the same port,
    database and secret: what a restart of the server PC looks like to the apps."""

    def __init__(self, folder: Path, clock: SettableClock, qtbot: QtBot) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.clock = clock
        self._qtbot = qtbot
        self.settings = ServerSettings(database_url=f"sqlite:///{folder / 'restart.sqlite3'}", public_url=self.url,
                                       open_all_hours=True, secret_file=folder / "secret.key", sse_poll_seconds=0.5)
        self._services: Services | None = None
        self._uvicorn: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._first = True

    def start(self) -> None:
        services = build_services(self.settings, self.clock)
        if self._first:
            services.engine.import_catalog(load_catalog_file(TEST_CATALOG), str(TEST_CATALOG))
            for name, role in (("staff1", Role.STAFF), ("super", Role.SUPERVISOR)):
                services.accounts.add_user(name, PASSWORD, role)
            self._first = False
        config = uvicorn.Config(create_app(services), host="127.0.0.1", port=self.port, log_level="warning",
                                timeout_graceful_shutdown=1, access_log=False)
        self._services, self._uvicorn = services, uvicorn.Server(config)
        self._thread = threading.Thread(target=self._uvicorn.run, name="restartable-server", daemon=True)
        self._thread.start()
        # Waited for on Qt's event loop: the counter app keeps running meanwhile, as it would.
        self._qtbot.waitUntil(lambda: self._uvicorn.started, timeout=15000)

    def stop(self) -> None:
        if self._uvicorn is not None:
            self._uvicorn.should_exit = True
            self._thread.join(timeout=10)
            self._services.db.dispose()
            self._uvicorn = None

    def call(self, method: str, path: str, **kw) -> requests.Response:
        """As the supervisor (who may also issue tickets)."""
        with requests.Session() as http:
            token = http.post(f"{self.url}/api/v1/auth/login", json={"username": "super", "password": PASSWORD},
                              timeout=10).json()["token"]
            return http.request(method, f"{self.url}/api/v1{path}", timeout=10,
                                headers={"Authorization": f"Bearer {token}", **kw.pop("headers", {})}, **kw)


def test_the_counter_app_rides_out_a_server_restart_with_its_login_and_ticket(
        qtbot: QtBot, tmp_path: Path, clock: SettableClock, make_counter: MakeCounter) -> None:
    server = RestartableServer(tmp_path, clock, qtbot)
    server.start()
    try:
        counter = make_counter(server.url)
        logins: list[object] = []
        counter.logged_in.connect(logins.append)
        at_desk(qtbot, counter)
        r = server.call("POST", "/tickets", json={"service_id": "kk"}, headers={"Idempotency-Key": uuid.uuid4().hex})
        assert r.status_code == 201, r.text
        ticket = r.json()
        wait_for_waiting(qtbot, counter, ticket["code"])
        press(qtbot, counter, CALL_NEXT)
        press(qtbot, counter, START)
        token = counter.client.token

        server.stop()
        qtbot.waitUntil(lambda: counter.banner.isVisible() and counter.online is False, timeout=WAIT_MS)
        assert counter.current_screen() == "desk"
        assert counter.desk.ticket_card.code_text() == ticket["code"]

        server.start()
        qtbot.waitUntil(lambda: counter.online is True and not counter.banner.isVisible(), timeout=WAIT_MS)
        assert counter.current_screen() == "desk"
        assert counter.desk.ticket_card.code_text() == ticket["code"]
        assert counter.desk.ticket_card.status_text() == "Sedang dilayani"
        assert counter.client.token == token and logins == [counter.session]  # no second login

        press(qtbot, counter, FINISH)
        assert server.call("GET", f"/tickets/{ticket['id']}").json()["status"] == "done"
    finally:
        server.stop()
