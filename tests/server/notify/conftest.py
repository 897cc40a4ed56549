"""A real server whose notifications go to a gateway on a loopback port, with retries in milliseconds."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from core.retry import RetryPolicy
from tests.support.clock import SettableClock
from tests.support.gateway import Gateway, local_gateway
from tests.support.net import free_port, wait_for
from tests.support.server import LiveServer, live_server, start_server_process

Written = TypeVar("Written")

FONNTE_TOKEN = "tok-fonnte-rahasia-123"
WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
QUICK = RetryPolicy(max_attempts=4, base_delay=0.05, max_delay=0.2, jitter=lambda cap: cap)


def notify_file(tmp_path: Path, gateway: Gateway, *, whatsapp: str | None = "fonnte", webhook: bool = True,
                templates: dict[str, str] | None = None) -> Path:
    path = tmp_path / "notify.toml"
    names = "".join(f'{ours} = "{approved}"\n' for ours, approved in (templates or {"check": "anjungan_uji"}).items())
    wa = (f'kind = "fonnte"\nurl = "{gateway.url}/send"\ntoken = "{FONNTE_TOKEN}"\n' if whatsapp == "fonnte" else
          f'kind = "cloud"\nurl = "{gateway.url}"\ntoken = "{FONNTE_TOKEN}"\nphone_number_id = "1234567"\n'
          f'[whatsapp.templates]\n{names}')
    hook = f"[webhook]\nurl = \"{gateway.url}/hook\"\nsecret = \"{WEBHOOK_SECRET}\"\n" if webhook else ""
    path.write_text((f"[whatsapp]\n{wa}\n" if whatsapp else "") + hook, "utf-8")
    return path


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with local_gateway() as gw:
        yield gw


@pytest.fixture
def notifying(tmp_path: Path, gateway: Gateway) -> Callable[..., AbstractContextManager[LiveServer]]:
    """Starts a live server sending through ``gateway``; keyword arguments go to live_server."""
    def start(whatsapp: str | None = "fonnte", webhook: bool = True, templates: dict[str, str] | None = None,
              **extra: Any) -> AbstractContextManager[LiveServer]:
        config = notify_file(tmp_path, gateway, whatsapp=whatsapp, webhook=webhook, templates=templates)
        return live_server(tmp_path, notify_config=config, notify_poll_seconds=0.05,
                           notify_retry=extra.pop("notify_retry", QUICK), **extra)
    return start


@pytest.fixture
def notifying_hall(tmp_path: Path, gateway: Gateway) -> Iterator[LiveServer]:
    """A live server sending through ``gateway``, for tests that need just one."""
    with live_server(tmp_path, notify_config=notify_file(tmp_path, gateway), notify_poll_seconds=0.05,
                     notify_retry=QUICK) as hall:
        yield hall


def killed_while_sending(tmp_path: Path, gateway: Gateway, config: Path,
                         write: Callable[[str, str, dict[str, str]], Written]) -> tuple[str, Written]:
    """A server process sending by ``config`` on a SQLite file: ``write(api, database, env)`` makes a message,
    the gateway holds its request unanswered, and the process is killed (SIGKILL) between its commit and any
    answer; then the gateway answers again. Returns the database and what ``write`` returned."""
    gateway.hold = threading.Event()
    database = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    port = free_port()
    proc = start_server_process(database, port, env, extra_args=("--notify-config", str(config)))
    try:
        written = write(f"http://127.0.0.1:{port}/api/v1", database, env)
        wait_for(lambda: gateway.received, what="the first server to start sending")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert not gateway.delivered
    gateway.hold.set()
    gateway.hold = None
    return database, written


def restarted(tmp_path: Path, database: str, config: Path) -> AbstractContextManager[LiveServer]:
    """The server started again on ``database`` three minutes later, once the killed one's claim has run out."""
    return live_server(tmp_path, database, clock=SettableClock(datetime.now(UTC) + timedelta(minutes=3)),
                       open_all_hours=True, notify_config=config, notify_poll_seconds=0.05, notify_retry=QUICK)
