"""The board and a loket paused with a return time, against the real server: "Istirahat sampai 13.00"
(the reason's name for sholat and rapat), "On break until 13.00" in English, only "Istirahat" with no
time, and no time once it has passed; the board's clock follows the server's settable clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.models import CounterState
from tests.counter.conftest import make_counter  # noqa: F401 - the counter app fixture, used here too
from tests.counter.steps import at_desk
from tests.counter.test_pause_until import ask_return, on_server_time
from tests.display.conftest import Board, ok, open_loket, wait_ready
from tests.support.clock import WIB
from tests.support.server import LiveServer
from ui.display.board_state import Loket
from ui.i18n import Translations

WAIT_MS = 10_000


def board_on_server_time(make_board, server: LiveServer) -> Board:
    def now() -> datetime:
        return server.clock.now().astimezone(WIB)
    return make_board(server.url, server.tokens["display"], now=now)


def pause(server: LiveServer, loket: int, staff: str, reason: str, until: str | None) -> None:
    body = {"reason": reason} if until is None else {"reason": reason, "until": until}
    ok(server.call("POST", f"/counters/{loket}/pause", staff, json=body))


def status(board: Board, loket: int) -> str:
    return board.tile(loket).status.text()


def test_a_loket_paused_until_13_00_says_so_in_both_languages(
        qtbot: QtBot, server: LiveServer, make_board, translations: Translations) -> None:
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    board = board_on_server_time(make_board, server)
    wait_ready(qtbot, board)

    pause(server, 1, "staff1", "istirahat", "13:00")
    pause(server, 2, "staff2", "sholat", "12:30")
    qtbot.waitUntil(lambda: (status(board, 1), status(board, 2)) == ("Istirahat sampai 13.00", "Sholat sampai 12.30"),
                    timeout=WAIT_MS)
    translations.switch("en")
    try:
        qtbot.waitUntil(lambda: (status(board, 1), status(board, 2)) == ("On break until 13.00",
                                                                          "At prayer until 12.30"), timeout=WAIT_MS)
    finally:
        translations.switch("id")
    qtbot.waitUntil(lambda: status(board, 1) == "Istirahat sampai 13.00", timeout=WAIT_MS)


def test_a_board_started_later_reads_the_return_time_from_the_lokets_list(
        qtbot: QtBot, server: LiveServer, make_board) -> None:
    open_loket(server, 1, "staff1")
    pause(server, 1, "staff1", "rapat", "10:15")
    pause_reason_typed = "Apel pagi"
    open_loket(server, 2, "staff2")
    pause(server, 2, "staff2", pause_reason_typed, "10:30")
    board = board_on_server_time(make_board, server)
    wait_ready(qtbot, board)
    qtbot.waitUntil(lambda: (status(board, 1), status(board, 2)) == ("Rapat sampai 10.15", "Istirahat sampai 10.30"),
                    timeout=WAIT_MS)
    assert pause_reason_typed not in status(board, 2)   # the officer's note is not the hall's business


def test_no_time_said_shows_only_istirahat_and_a_time_passed_leaves_the_tile(
        qtbot: QtBot, server: LiveServer, make_board) -> None:
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    board = board_on_server_time(make_board, server)
    wait_ready(qtbot, board)

    pause(server, 1, "staff1", "sholat", None)
    pause(server, 2, "staff2", "istirahat", "09:30")
    qtbot.waitUntil(lambda: (status(board, 1), status(board, 2)) == ("Istirahat", "Istirahat sampai 09.30"),
                    timeout=WAIT_MS)

    server.clock.advance(minutes=30)    # 09.30: the officer of loket 2 is not back yet
    qtbot.waitUntil(lambda: status(board, 2) == "Istirahat", timeout=WAIT_MS)
    assert board.tile(2).loket.state == "paused"

    ok(server.call("POST", "/counters/2/resume", "staff2"))
    qtbot.waitUntil(lambda: status(board, 2) == "", timeout=WAIT_MS)


def test_a_return_time_is_shown_only_while_it_is_ahead() -> None:
    until = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)   # 13.00 WIB
    paused = Loket(1, "Loket 1", CounterState.PAUSED, pause_reason="istirahat", pause_until=until)
    assert paused.back_at(datetime(2026, 11, 23, 12, 59, 59, tzinfo=WIB)) == datetime(2026, 11, 23, 13, 0, tzinfo=WIB)
    assert paused.back_at(datetime(2026, 11, 23, 12, 59, 59, tzinfo=WIB)).tzinfo is WIB
    assert paused.back_at(datetime(2026, 11, 23, 13, 0, tzinfo=WIB)) is None
    assert replace(paused, pause_until=None).back_at(datetime(2026, 11, 23, 9, 0, tzinfo=WIB)) is None
    assert replace(paused, state=CounterState.OPEN).back_at(datetime(2026, 11, 23, 9, 0, tzinfo=WIB)) is None


def test_thirty_minutes_picked_at_the_counter_reach_the_board(
        qtbot: QtBot, server: LiveServer, make_board, make_counter) -> None:  # noqa: F811 - imported fixture
    """The officer of Loket 1 presses F7, 1 (istirahat), 2 (30 minutes) in the real counter app: the
    real board says "Istirahat sampai 09.30"; Lanjutkan (F7) clears it."""
    board = board_on_server_time(make_board, server)
    wait_ready(qtbot, board)
    counter = make_counter()
    at_desk(qtbot, counter)
    on_server_time(qtbot, server, counter)
    ask_return(qtbot, counter, Qt.Key.Key_1)
    qtbot.keyClick(counter.desk.pause_panel.choice_buttons[0], Qt.Key.Key_2)
    qtbot.waitUntil(lambda: status(board, 1) == "Istirahat sampai 09.30", timeout=WAIT_MS)
    # The board hears the change on its event stream, maybe before the counter has read the server's answer.
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)
    assert counter.desk.loket_state.text() == "Istirahat sampai 09.30"

    qtbot.keyClick(counter.window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: status(board, 1) == "", timeout=WAIT_MS)
