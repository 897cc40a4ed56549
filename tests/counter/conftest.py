"""Fixtures of the counter app's suite: the real app (controller, window, client, follower) against
the real server on loopback; the steps staff take are in ``steps.py``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from core.client import BackendClient
from core.retry import RetryPolicy
from tests.counter.steps import WAIT_MS, MakeCounter, is_active
from tests.support.proxy import TcpProxy
from tests.support.server import LiveServer
from ui.counter.controller import CounterController, CounterTimings
from ui.i18n import Translations

# Quick enough for tests: a check every second, reconnects within a fraction of a second.
FAST = CounterTimings(check_ms=1000, reconnect_ms=(100, 200, 400), debounce_ms=50,
                      stream_backoff=RetryPolicy(base_delay=0.1, max_delay=0.5))



@pytest.fixture
def make_counter(qtbot: QtBot, server: LiveServer) -> Iterator[MakeCounter]:
    """``make_counter(url=None, **timings)``: a started counter app; stopped at the end of the test."""
    made: list[CounterController] = []

    def make(url: str | None = None, **timings: Any) -> CounterController:
        client = BackendClient(url or server.url, retry=RetryPolicy(max_attempts=2, base_delay=0.05, max_delay=0.1))
        controller = CounterController(client, Translations(compile_missing=False),
                                       timings=dataclasses.replace(FAST, **timings))
        controller.start()
        made.append(controller)
        qtbot.waitUntil(lambda: is_active(controller.window), timeout=WAIT_MS)
        return controller

    yield make
    for controller in made:
        controller.stop()


@pytest.fixture
def counter(make_counter: MakeCounter) -> CounterController:
    return make_counter()


@pytest.fixture
def proxy(server: LiveServer) -> Iterator[TcpProxy]:
    """A TCP proxy between the app and the server: to cut the network, or count what is sent."""
    with TcpProxy.to(server.url) as p:
        yield p
