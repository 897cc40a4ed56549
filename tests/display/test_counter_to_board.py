"""The whole call path with the real apps: staff work the counter app's buttons, the real server
records it, and the hall board (same process, real controller) shows and speaks each call."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt

from tests.counter.conftest import make_counter  # noqa: F401 - the counter app fixture, used here too
from tests.counter.steps import (
    WAIT_MS,
    at_desk,
    click,
    issue,
    no_return_time,
    press,
    ticket_on_server,
    wait_for_waiting,
)
from tests.display.conftest import call_next, open_loket, wait_ready
from tests.display.test_board_live import spoken
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, FINISH, NO_SHOW, PAUSE, RECALL, START, TRANSFER


def test_staff_actions_at_the_counter_reach_the_board(server: LiveServer, make_board, make_counter, qtbot) -> None:  # noqa: F811 - the fixture imported above
    """GIVEN a board and an officer logged in at Loket 1 with three citizens waiting
    WHEN the officer calls, recalls, marks a no-show, transfers, finishes and pauses with the app
    THEN the board shows every call (and the recall) at once, speaks each in turn, and shows the
    pause; the transferred citizen is later called at the other service's loket."""
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    counter = make_counter()
    at_desk(qtbot, counter)  # staff1 logs in and opens Loket 1 (KTP, KK)
    first, second, third = issue(server, "kk"), issue(server, "kk"), issue(server, "kk")
    wait_for_waiting(qtbot, counter, third["code"])

    press(qtbot, counter, CALL_NEXT)
    qtbot.waitUntil(lambda: board.screen.latest_code() == first["code"], timeout=WAIT_MS)
    assert board.screen.latest_loket() == "Loket 1"
    assert board.tile(1).code.text() == first["code"]

    press(qtbot, counter, RECALL)
    qtbot.waitUntil(lambda: board.screen.latest.recall_tag.isVisible(), timeout=WAIT_MS)
    assert board.screen.latest_code() == first["code"]

    press(qtbot, counter, NO_SHOW)
    assert ticket_on_server(server, first["id"])["status"] == "no_show"
    qtbot.waitUntil(lambda: board.tile(1).code.text() == "\u2014", timeout=WAIT_MS)  # the loket is free

    press(qtbot, counter, CALL_NEXT)
    qtbot.waitUntil(lambda: board.screen.latest_code() == second["code"], timeout=WAIT_MS)
    assert not board.screen.latest.recall_tag.isVisible()
    press(qtbot, counter, START)
    qtbot.mouseClick(counter.desk.buttons[TRANSFER], Qt.MouseButton.LeftButton)
    counter.desk.transfer_panel.select("paspor")
    qtbot.mouseClick(counter.desk.transfer_panel.confirm, Qt.MouseButton.LeftButton)  # on to "any loket"
    click(qtbot, counter, counter.desk.transfer_panel.confirm)
    assert ticket_on_server(server, second["id"])["service_id"] == "paspor"

    press(qtbot, counter, CALL_NEXT)
    qtbot.waitUntil(lambda: board.screen.latest_code() == third["code"], timeout=WAIT_MS)
    press(qtbot, counter, START)
    press(qtbot, counter, FINISH)
    assert ticket_on_server(server, third["id"])["status"] == "done"

    qtbot.mouseClick(counter.desk.buttons[PAUSE], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(counter.desk.pause_panel.buttons["sholat"], Qt.MouseButton.LeftButton)
    click(qtbot, counter, no_return_time(counter))
    qtbot.waitUntil(lambda: board.tile(1).status.text() == "Istirahat", timeout=WAIT_MS)
    assert board.tile(1).property("state") == "paused"

    # The transferred citizen waits for passports: called at Loket 3 by its officer.
    open_loket(server, 3, "staff2")
    moved = call_next(server, 3, "staff2")
    assert moved["code"] == second["code"]
    qtbot.waitUntil(lambda: board.screen.latest_loket() == "Loket 3", timeout=WAIT_MS)
    # One line per citizen, newest first: the transferred ticket moved up to its new loket.
    assert board.shown() == [second["code"], third["code"], first["code"]]

    qtbot.waitUntil(lambda: len(board.sink.played) == 5, timeout=WAIT_MS)
    assert board.sink.spoken() == [spoken(first["code"], "Loket 1"), spoken(first["code"], "Loket 1", recall=True),
                                   spoken(second["code"], "Loket 1"), spoken(third["code"], "Loket 1"),
                                   spoken(second["code"], "Loket 3")]
    assert all(b.start >= a.end for a, b in itertools.pairwise(board.sink.played))
    assert board.sink.overlaps == 0
