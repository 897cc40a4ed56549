"""The device shell the kiosk, counter and board share (ui/shell/): what it promises on its own."""

from __future__ import annotations

import logging

from core.client import BackendClient
from core.models import Event
from tests.display.conftest import take
from ui.shell.clock import SiteClock
from ui.shell.crash_guard import CrashGuard
from ui.shell.stream_bridge import EventStreamBridge


def test_the_clock_keeps_the_site_zone_it_knows_when_the_catalog_names_an_unknown_one():
    clock = SiteClock()
    assert clock.zone.key == "Asia/Jakarta"
    clock.use_zone("Asia/Makassar")
    clock.use_zone("Mars/Olympus_Mons")
    assert clock.zone.key == "Asia/Makassar"
    assert clock.now().utcoffset().total_seconds() == 8 * 3600


def test_the_crash_guard_logs_every_crash_and_never_raises_or_shows_one_inside_another(caplog):
    shown: list[str] = []

    def show(summary: str) -> None:
        """Showing the message crashes again, and then fails itself."""
        shown.append(summary)
        guard.handle(KeyError, KeyError("inner"), None)
        raise RuntimeError("the message screen is broken too")

    guard = CrashGuard(show)
    with caplog.at_level(logging.CRITICAL):
        guard.handle(ValueError, ValueError("outer"), None)
    assert shown == ["ValueError: outer"]
    assert sum("unexpected error" in r.getMessage() for r in caplog.records) == 2


def test_the_bridge_brings_the_stream_to_the_gui_and_nothing_once_stopped(qtbot, server):
    """GIVEN a bridge following the real server WHEN a ticket is issued THEN its event arrives as a
    signal; once the bridge is stopped, a later ticket's event never does."""
    bridge = EventStreamBridge()
    received: list[Event] = []
    bridge.event_received.connect(received.append)
    client = BackendClient(server.url, server.tokens["display"])
    try:
        with qtbot.waitSignal(bridge.state_changed, timeout=10_000) as connected:
            bridge.start(client)
        assert connected.args == ["connected"]
        first = take(server, "ktp")
        qtbot.waitUntil(lambda: [e.data.get("code") for e in received] == [first["code"]], timeout=10_000)
        bridge.stop()
        take(server, "ktp")
        qtbot.wait(500)
        assert [e.data.get("code") for e in received] == [first["code"]]
        assert bridge.last_event_id == received[-1].seq
    finally:
        bridge.stop()
        client.close()
