"""A stopped kiosk does nothing more: a print report waiting to be tried again, the clock, the ticket
countdown and the checks are all cancelled, so nothing calls into the task runners it shut down."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.support.proxy import TcpProxy
from ui.timers import running_timers

PRINT_RESULT = b"POST /api/v1/tickets/"   # …/{id}/print-result; issuing a ticket is "POST /api/v1/tickets "


@pytest.fixture
def proxy(server):
    with TcpProxy.to(server.url) as p:
        yield p


def run_events_past(qtbot, ms: int) -> None:
    """Let the event loop run until a timer of ``ms`` started now has fired: Qt fires timers in the
    order of their deadlines, so every timer due before it has had its turn."""
    marker = QTimer()
    marker.setSingleShot(True)
    with qtbot.waitSignal(marker.timeout, timeout=ms + 10_000):
        marker.start(ms)


def running(controller) -> list[str]:
    return [f"{type(t.parent()).__name__}: {t.interval()} ms" for t in running_timers(controller, controller.window)]


def test_a_print_report_retry_pending_at_stop_never_reaches_the_stopped_runners(make_kiosk, proxy, qtbot, caplog):
    """GIVEN a ticket whose print report the server refuses (503), a retry waiting on its timer
    WHEN the kiosk stops before the retry is due and the event loop runs past it
    THEN the retry never runs: no request leaves, no call reaches a shut-down runner, nothing is logged."""
    caplog.set_level(logging.WARNING)
    proxy.answer(503, count=float("inf"), match=PRINT_RESULT)
    kiosk = make_kiosk(url=proxy.url)
    kiosk.take_ticket("dukcapil", "ktp")
    qtbot.waitUntil(lambda: any("again in" in r.getMessage() for r in caplog.records), timeout=8000)
    reports = sum(1 for r in proxy.requests if r.path.endswith("/print-result"))

    kiosk.stop()
    caplog.clear()
    first_retry_ms = kiosk.controller.timings.report_retry_ms[0]
    run_events_past(qtbot, 2 * first_retry_ms)

    assert sum(1 for r in proxy.requests if r.path.endswith("/print-result")) == reports
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_stopped_kiosk_has_no_timer_left_running(kiosk):
    kiosk.take_ticket("dukcapil", "ktp")   # the ticket screen's countdown and its QR are under way
    kiosk.stop()
    assert running(kiosk.controller) == []


def test_no_delay_in_the_apps_is_an_ownerless_single_shot():
    """``QTimer.singleShot`` without an owner cannot be cancelled by a controller's stop(); delays go
    through ``ui.timers.later``, whose timers belong to an object and stop with it."""
    ui = Path(__file__).resolve().parents[2] / "ui"
    found = [f"{path.relative_to(ui)}:{number}" for path in sorted(ui.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "QTimer.singleShot(" in line]
    assert found == []
