"""A stopped board does nothing more: heartbeat, clock, running text, call highlight and the voice's
queue are all cancelled, so no timer fires into the task runner it shut down."""

from __future__ import annotations

from tests.display.conftest import call_next, open_loket, take, wait_ready
from tests.support.server import LiveServer
from ui.timers import running_timers


def test_a_stopped_board_has_no_timer_left_running(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    take(server, "kk")
    code = call_next(server, 1, "staff1")["code"]
    qtbot.waitUntil(lambda: board.screen.latest_code() == code, timeout=5000)
    controller = board.controller
    assert running_timers(controller, controller.window), "the board runs its clock and checks on timers"
    controller.stop()
    left = running_timers(controller, controller.window, controller.voice)
    assert [f"{type(t.parent()).__name__}: {t.interval()} ms" for t in left] == []
