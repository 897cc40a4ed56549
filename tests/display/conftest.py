"""The hall board under test: the real controller, board and VoiceCaller against the live server,
with the speech engine and sound device replaced by recording stand-ins and the waits shortened."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from core.client import BackendClient
from core.config import DeviceConfig
from core.retry import RetryPolicy
from tests.support.server import LiveServer
from tests.support.voice_fakes import RecordingSink, ToneEngine
from ui.display.board_screen import BoardScreen
from ui.display.controller import DisplayController, DisplayTimings
from ui.display.voice import VoiceCaller
from ui.i18n import Translations

FAST = DisplayTimings(heartbeat_interval_ms=60_000, offline_grace_ms=300, snapshot_retry_ms=300,
                      flash_ms=60, flashes=2, stream_backoff=RetryPolicy(base_delay=0.05, max_delay=0.3))


@dataclass
class Board:
    """One running board and what its voice did: ``voice_log`` holds (signal, code, time)."""

    controller: DisplayController
    engine: ToneEngine
    sink: RecordingSink
    voice_log: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def screen(self) -> BoardScreen:
        return self.controller.board

    def shown(self) -> list[str]:
        """Every code on the board's call panels, newest first: the big one, then the list."""
        latest = self.screen.latest_code()
        return ([latest] if latest else []) + self.screen.recent_codes()

    def finished(self) -> list[str]:
        return [code for kind, code, _ in self.voice_log if kind == "finished"]

    def started(self) -> list[str]:
        return [code for kind, code, _ in self.voice_log if kind == "started"]

    def tile(self, loket_id: int) -> Any:
        return self.screen.grid.tile(loket_id)

    def tile_codes(self) -> dict[int, str]:
        return {i: t.code.text() for i, t in self.screen.grid.tiles.items()}


@pytest.fixture
def translations(qapp) -> Translations:
    return Translations(compile_missing=False)


@pytest.fixture
def make_board(qtbot, tmp_path: Path, translations: Translations) -> Iterator[Callable[..., Board]]:
    made: list[DisplayController] = []

    def make(url: str, token: str, *, lokets: tuple[int, ...] = (), voice: bool = True,
             timings: DisplayTimings = FAST, size: tuple[int, int] = (1280, 720), running_text: str = "",
             now: Callable[[], datetime] | None = None) -> Board:
        cfg = DeviceConfig(server_url=url, token=token, lokets=lokets, voice=voice, running_text=running_text)
        engine = ToneEngine(tmp_path / f"voice-{len(made)}")
        sink = RecordingSink(engine)
        caller = VoiceCaller(engine, sink)
        client = BackendClient(url, token, connect_timeout=1.0, read_timeout=5.0,
                               retry=RetryPolicy(max_attempts=1))
        controller = DisplayController(cfg, client, translations, voice=caller, windowed=True, timings=timings,
                                       now=now)
        board = Board(controller, engine, sink)
        caller.started.connect(lambda code: board.voice_log.append(("started", code, time.monotonic())))
        caller.finished.connect(lambda code: board.voice_log.append(("finished", code, time.monotonic())))
        made.append(controller)
        controller.start(size=size)
        return board

    yield make
    for controller in made:
        controller.stop()


def wait_ready(qtbot, board: Board, lokets: int = 3) -> None:
    """The board follows the event stream and shows the lokets: from now on no call is missed."""
    qtbot.waitUntil(lambda: board.controller.online is True and len(board.screen.grid.tiles) == lokets,
                    timeout=10_000)


def ok(r: requests.Response, status: int = 200) -> Any:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()


def open_loket(server: LiveServer, loket: int, staff: str) -> None:
    ok(server.call("POST", f"/counters/{loket}/open", staff))


def call_next(server: LiveServer, loket: int, staff: str) -> dict:
    """Call the next citizen at ``loket``; returns the called ticket."""
    return ok(server.call("POST", f"/counters/{loket}/call-next", staff))["current_ticket"]


def release(server: LiveServer, ticket: dict, staff: str) -> None:
    """The citizen did not come: the loket is free for the next call."""
    ok(server.call("POST", f"/tickets/{ticket['id']}/no-show", staff))


def take(server: LiveServer, service: str) -> dict:
    return ok(server.issue(service), 201)
