"""The office's running text for today on a real board: it takes the place of the board's own text
as soon as a supervisor sets it over HTTP, and the board's own comes back when it is cleared."""

from __future__ import annotations

from tests.display.conftest import ok, wait_ready
from tests.support.server import LiveServer

OWN = "Teks papan ini sendiri"
TODAY = "Hari ini loket paspor tutup pukul 12.00 <b>WIB</b>"


def test_today_s_running_text_replaces_the_board_s_own_while_it_is_set(server: LiveServer, make_board,
                                                                        qtbot) -> None:
    board = make_board(server.url, server.tokens["display"], running_text=OWN)
    wait_ready(qtbot, board)
    qtbot.waitUntil(lambda: board.controller.site is not None, timeout=5000)
    assert board.screen.marquee.text() == OWN
    ok(server.call("PUT", "/today/running-text", "super", json={"text": TODAY}))
    qtbot.waitUntil(lambda: board.screen.marquee.text() == TODAY, timeout=5000)
    ok(server.call("DELETE", "/today/running-text", "admin"))
    qtbot.waitUntil(lambda: board.screen.marquee.text() == OWN, timeout=5000)


def test_a_board_started_while_today_s_text_is_set_shows_it(server: LiveServer, make_board, qtbot) -> None:
    ok(server.call("PUT", "/today/running-text", "super", json={"text": TODAY}))
    board = make_board(server.url, server.tokens["display"], running_text=OWN)
    qtbot.waitUntil(lambda: board.screen.marquee.text() == TODAY, timeout=5000)
