"""The batch writer's thread lives exactly as long as the app: building the server's parts (as
the CLI does) starts none, serving starts it, and shutting the app down joins it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from server.app import build_services
from server.batch_writer import WriterNotRunning
from server.settings import ServerSettings
from tests.support.server import live_server


def writer_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "batch-writer"}


def test_building_the_services_starts_no_thread(tmp_path: Path) -> None:
    before = writer_threads()
    services = build_services(ServerSettings(database_url=f"sqlite:///{tmp_path / 'cli.sqlite3'}",
                                             public_url="http://127.0.0.1:1", secret_file=tmp_path / "secret.key"))
    try:
        assert writer_threads() == before
        assert not services.engine.writer.running
        with pytest.raises(WriterNotRunning):
            services.engine.writer.submit(lambda conn, events: None)
    finally:
        services.db.dispose()


def test_the_writer_thread_is_gone_once_the_app_has_shut_down(tmp_path: Path) -> None:
    before = writer_threads()
    with live_server(tmp_path) as server:
        assert server.issue("kk").status_code == 201
        started = writer_threads() - before
        assert len(started) == 1 and server.services.engine.writer.running
    (thread,) = started
    assert not thread.is_alive()
    assert not server.services.engine.writer.running
