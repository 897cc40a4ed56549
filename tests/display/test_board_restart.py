"""The hall board after a restart, and calls that stop being calls: against the real server, with
real officers' actions. A restarted board shows today's latest call and the earlier ones again, from
the server, without reading them aloud again; a ticket transferred or put back in the queue leaves
the board; a loket that goes on a break or closes leaves the big panel."""

from __future__ import annotations

import logging

import pytest

from core.announce import call_sentence
from tests.display.conftest import FAST, call_next, ok, open_loket, release, take, wait_ready
from tests.support.proxy import TcpProxy
from tests.support.server import LiveServer
from ui.display.controller import DisplayTimings


def test_a_restarted_board_shows_todays_calls_again_and_speaks_only_new_ones(server: LiveServer, make_board,
                                                                             qtbot) -> None:
    """GIVEN a board that showed three calls, stopped (power cut), and a fourth call made meanwhile
    WHEN a new board process starts with nothing in memory
    THEN it shows the fourth call large and the three before it in the list, says none of them aloud,
    and a call made after it started is shown on top and spoken."""
    first_board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, first_board)
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    for _ in range(5):
        take(server, "kk")
    t1 = call_next(server, 1, "staff1")
    t2 = call_next(server, 2, "staff2")
    release(server, t1, "staff1")
    t3 = call_next(server, 1, "staff1")
    qtbot.waitUntil(lambda: first_board.shown() == [t3["code"], t2["code"], t1["code"]], timeout=5000)
    first_board.controller.stop()
    release(server, t2, "staff2")
    t4 = call_next(server, 2, "staff2")

    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    qtbot.waitUntil(lambda: board.shown() == [t4["code"], t3["code"], t2["code"], t1["code"]], timeout=5000)
    assert board.screen.latest_loket() == "Loket 2"
    assert [row.loket.text() for row in board.screen.recent.rows[:3]] == ["Loket 1", "Loket 2", "Loket 1"]
    assert board.tile_codes() == {1: t3["code"], 2: t4["code"], 3: "\u2014"}
    assert not board.screen.latest.flashing()

    release(server, t3, "staff1")
    t5 = call_next(server, 1, "staff1")
    qtbot.waitUntil(lambda: board.shown()[:2] == [t5["code"], t4["code"]], timeout=5000)
    qtbot.waitUntil(lambda: board.finished() == [t5["code"]], timeout=5000)
    assert board.sink.spoken() == [call_sentence(t5["code"], "Loket 1").spoken]
    assert board.shown().count(t4["code"]) == 1


def test_a_board_that_starts_while_the_server_is_down_loads_the_calls_once_it_is_up(
        server: LiveServer, make_board, qtbot) -> None:
    """The first read fails (no server behind the proxy yet): the board says it is offline and tries
    again; once the server answers, today's calls appear, unspoken."""
    open_loket(server, 1, "staff1")
    take(server, "kk")
    ticket = call_next(server, 1, "staff1")
    with TcpProxy.to(server.url) as proxy:
        proxy.cut()
        board = make_board(proxy.url, server.tokens["display"])
        qtbot.waitUntil(lambda: board.screen.banner.isVisible(), timeout=5000)
        assert board.shown() == []
        proxy.restore()
        qtbot.waitUntil(lambda: board.shown() == [ticket["code"]], timeout=10_000)
        qtbot.waitUntil(lambda: not board.screen.banner.isVisible(), timeout=5000)
    assert board.sink.played == []


def test_a_transferred_ticket_leaves_the_board_live_and_after_a_restart(server: LiveServer, make_board,
                                                                       qtbot) -> None:
    """GIVEN two calls on the board
    WHEN the latest one is transferred to another service
    THEN its call leaves the big panel, the list and its loket's tile; the earlier call comes back
    to the big panel without a flash or a voice; and a board started afterwards does not show it."""
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    take(server, "kk")
    take(server, "kk")
    a = call_next(server, 1, "staff1")
    b = call_next(server, 2, "staff2")
    qtbot.waitUntil(lambda: board.shown() == [b["code"], a["code"]] and len(board.finished()) == 2, timeout=8000)
    ok(server.call("POST", f"/tickets/{b['id']}/start", "staff2"))
    ok(server.call("POST", f"/tickets/{b['id']}/transfer", "staff2", json={"service_id": "paspor"}))

    qtbot.waitUntil(lambda: board.shown() == [a["code"]], timeout=5000)
    assert board.screen.latest_loket() == "Loket 1"
    qtbot.waitUntil(lambda: board.tile_codes()[2] == "\u2014", timeout=5000)
    assert not board.screen.latest.flashing()
    assert len(board.sink.played) == 2

    later = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, later)
    qtbot.waitUntil(lambda: later.shown() == [a["code"]], timeout=5000)


@pytest.mark.parametrize("action", ["requeue", "cancel"])
def test_a_ticket_put_back_in_the_queue_or_cancelled_leaves_the_board(server: LiveServer, make_board, qtbot,
                                                                      action: str) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    take(server, "kk")
    ticket = call_next(server, 1, "staff1")
    qtbot.waitUntil(lambda: board.shown() == [ticket["code"]], timeout=5000)
    ok(server.call("POST", f"/tickets/{ticket['id']}/{action}", "staff1"))
    qtbot.waitUntil(lambda: board.shown() == [], timeout=5000)
    assert board.screen.latest.to_label.text() == "Menunggu panggilan berikutnya"
    assert board.tile_codes()[1] == "\u2014"


def test_a_loket_on_a_break_or_closed_leaves_the_big_panel_and_its_call_stays_in_the_list(
        server: LiveServer, make_board, qtbot) -> None:
    """GIVEN loket 2's call on the big panel and loket 1's before it
    WHEN loket 2 finishes and goes on a break
    THEN the big panel shows loket 1's call (still at its loket) and loket 2's call moves to the
    list; when loket 2 is back, its call is the latest again; when it closes, it leaves once more.
    A board started while loket 2 is on its break shows the same."""
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    take(server, "kk")
    take(server, "kk")
    a = call_next(server, 1, "staff1")
    b = call_next(server, 2, "staff2")
    qtbot.waitUntil(lambda: board.shown() == [b["code"], a["code"]] and len(board.finished()) == 2, timeout=8000)
    release(server, b, "staff2")
    ok(server.call("POST", "/counters/2/pause", "staff2", json={"reason": "istirahat"}))

    qtbot.waitUntil(lambda: board.screen.latest_code() == a["code"], timeout=5000)
    assert board.screen.recent_codes() == [b["code"]]
    assert board.tile(2).status.text() == "Istirahat"

    later = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, later)
    qtbot.waitUntil(lambda: later.shown() == [a["code"], b["code"]], timeout=5000)

    ok(server.call("POST", "/counters/2/resume", "staff2"))
    qtbot.waitUntil(lambda: board.shown() == [b["code"], a["code"]], timeout=5000)
    ok(server.call("POST", "/counters/2/close", "staff2"))
    qtbot.waitUntil(lambda: board.shown() == [a["code"], b["code"]], timeout=5000)
    assert len(board.sink.played) == 2


def test_each_call_is_logged_once_with_its_code_loket_and_sentence(server: LiveServer, make_board, qtbot,
                                                                   caplog) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    take(server, "kk")
    with caplog.at_level(logging.INFO, logger="ui.display.controller"):
        ticket = call_next(server, 1, "staff1")
        qtbot.waitUntil(lambda: board.shown() == [ticket["code"]], timeout=5000)
        ok(server.call("POST", "/counters/1/recall", "staff1"))
        qtbot.waitUntil(lambda: board.screen.latest.recall_tag.isVisible(), timeout=5000)
    lines = [r.getMessage() for r in caplog.records if r.name == "ui.display.controller"
             and ticket["code"] in r.getMessage()]
    sentence = call_sentence(ticket["code"], "Loket 1").spoken
    again = call_sentence(ticket["code"], "Loket 1", recall=True).spoken
    assert lines == [f"call {ticket['code']} to Loket 1 (voice on): {sentence}",
                     f"recall {ticket['code']} to Loket 1 (voice on): {again}"]


def test_a_restarted_board_for_some_lokets_finds_their_calls_among_many_others(server: LiveServer, make_board,
                                                                               qtbot) -> None:
    """A board of loket 3 that keeps two calls restarts after loket 3's call and three calls elsewhere:
    it asks the server for loket 3's calls, not the latest of all, and shows its call again."""
    open_loket(server, 1, "staff1")
    open_loket(server, 3, "staff2")
    take(server, "paspor")
    for _ in range(3):
        take(server, "kk")
    here = call_next(server, 3, "staff2")
    for _ in range(3):
        elsewhere = call_next(server, 1, "staff1")
        release(server, elsewhere, "staff1")
    board = make_board(server.url, server.tokens["display"], lokets=(3,),
                       timings=DisplayTimings(**{**FAST.__dict__, "history": 2}))
    wait_ready(qtbot, board, lokets=1)
    qtbot.waitUntil(lambda: board.shown() == [here["code"]], timeout=5000)
