"""The hall board against the real server: what the hall sees and hears when officers call, recall,
pause, and when the board loses the server for a while."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from core.announce import call_sentence
from core.models import CounterState
from tests.display.conftest import FAST, call_next, open_loket, release, take, wait_ready
from tests.support.net import free_port
from tests.support.proxy import TcpProxy
from tests.support.server import LiveServer
from ui.display.controller import DisplayTimings


def spoken(code: str, loket: str, recall: bool = False) -> str:
    return call_sentence(code, loket, recall=recall).spoken


def test_each_call_shows_its_code_loket_and_agency(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    open_loket(server, 3, "staff2")
    take(server, "kk")
    take(server, "paspor")

    first = call_next(server, 1, "staff1")
    qtbot.waitUntil(lambda: board.screen.latest_code() == first["code"], timeout=5000)
    assert board.screen.latest_loket() == "Loket 1"
    assert board.screen.latest.service.text() == "Disdukcapil \u00b7 Kartu Keluarga"

    second = call_next(server, 3, "staff2")
    qtbot.waitUntil(lambda: board.screen.latest_code() == second["code"], timeout=5000)
    assert (first["code"], second["code"]) == ("B-001", "B2-001")
    assert board.screen.latest_loket() == "Loket 3"
    assert board.screen.latest.service.text() == "Imigrasi \u00b7 Paspor"
    assert board.screen.recent_codes() == ["B-001"]
    assert board.tile_codes() == {1: "B-001", 2: "\u2014", 3: "B2-001"}
    qtbot.waitUntil(lambda: len(board.sink.played) == 2, timeout=5000)
    assert board.sink.spoken() == [spoken("B-001", "Loket 1"), spoken("B2-001", "Loket 3")]


def test_the_loket_grid_follows_open_call_release_pause(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    assert [board.tile(i).status.text() for i in (1, 2, 3)] == ["Tutup"] * 3
    assert board.tile(2).loket.state is CounterState.CLOSED

    open_loket(server, 2, "staff1")
    qtbot.waitUntil(lambda: board.tile(2).loket.state is CounterState.OPEN, timeout=5000)
    assert (board.tile(2).code.text(), board.tile(2).status.text()) == ("\u2014", "")

    take(server, "ktp")
    ticket = call_next(server, 2, "staff1")
    qtbot.waitUntil(lambda: board.tile(2).code.text() == ticket["code"] == "A-001", timeout=5000)

    release(server, ticket, "staff1")
    qtbot.waitUntil(lambda: board.tile(2).code.text() == "\u2014", timeout=5000)

    server.call("POST", "/counters/2/pause", "staff1", json={"reason": "istirahat"}).raise_for_status()
    qtbot.waitUntil(lambda: board.tile(2).status.text() == "Istirahat", timeout=5000)
    assert board.tile(2).property("state") == "paused"
    assert board.tile(1).property("state") == "closed"


def test_the_last_calls_keep_their_order(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    for _ in range(4):
        take(server, "kk")
    t1 = call_next(server, 1, "staff1")
    t2 = call_next(server, 2, "staff2")
    release(server, t1, "staff1")
    t3 = call_next(server, 1, "staff1")
    release(server, t2, "staff2")
    t4 = call_next(server, 2, "staff2")

    codes = [t["code"] for t in (t4, t3, t2, t1)]
    assert codes == ["B-004", "B-003", "B-002", "B-001"]
    qtbot.waitUntil(lambda: board.shown() == codes, timeout=5000)
    assert board.screen.latest_loket() == "Loket 2"
    assert [row.loket.text() for row in board.screen.recent.rows[:3]] == ["Loket 1", "Loket 2", "Loket 1"]
    qtbot.waitUntil(lambda: len(board.finished()) == 4, timeout=8000)
    assert board.finished() == codes[::-1]


@pytest.mark.parametrize("outage", ["cut", "kill"])
def test_calls_made_while_cut_off_appear_in_order_once_back(server: LiveServer, make_board, qtbot,
                                                           outage: str) -> None:
    """GIVEN a board that reaches the server through a proxy
    WHEN the connection is cut (or dropped) while two lokets call
    THEN once it is back the board shows both, in order, and speaks both, one after the other."""
    with TcpProxy.to(server.url) as proxy:
        board = make_board(proxy.url, server.tokens["display"])
        wait_ready(qtbot, board)
        open_loket(server, 1, "staff1")
        open_loket(server, 2, "staff2")
        take(server, "kk")
        take(server, "kk")

        if outage == "cut":
            proxy.cut()
            qtbot.waitUntil(lambda: board.screen.banner.isVisible(), timeout=5000)
            assert board.controller.online is False
        else:
            assert proxy.kill_connections() >= 1
        first = call_next(server, 1, "staff1")
        second = call_next(server, 2, "staff2")
        if outage == "cut":
            assert board.shown() == []  # really cut off: nothing arrived
            proxy.restore()

        qtbot.waitUntil(lambda: board.shown() == [second["code"], first["code"]], timeout=10_000)
        qtbot.waitUntil(lambda: not board.screen.banner.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: len(board.sink.played) == 2, timeout=5000)
        resumed = [r for r in proxy.requests if r.path.startswith("/api/v1/events")]
        assert len(resumed) >= 2 and resumed[-1].headers.get("last-event-id", "").isdigit()

    assert board.sink.spoken() == [spoken(first["code"], "Loket 1"), spoken(second["code"], "Loket 2")]
    assert board.sink.played[1].start >= board.sink.played[0].end
    assert board.sink.overlaps == 0


def test_two_calls_in_a_row_are_spoken_one_after_the_other(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    open_loket(server, 3, "staff2")
    take(server, "kk")
    take(server, "paspor")
    a = call_next(server, 1, "staff1")
    b = call_next(server, 3, "staff2")

    qtbot.waitUntil(lambda: len(board.finished()) == 2, timeout=8000)
    assert board.voice_log[0][:2] == ("started", a["code"])
    assert [entry[:2] for entry in board.voice_log] == [
        ("started", a["code"]), ("finished", a["code"]), ("started", b["code"]), ("finished", b["code"])]
    assert board.voice_log[2][2] >= board.voice_log[1][2]
    assert board.sink.spoken() == [spoken(a["code"], "Loket 1"), spoken(b["code"], "Loket 3")]
    first, second = board.sink.played
    assert second.start >= first.end
    assert board.sink.overlaps == 0


def test_a_recall_is_shown_again_and_spoken_again(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    take(server, "kk")
    take(server, "kk")
    a = call_next(server, 1, "staff1")
    b = call_next(server, 2, "staff2")
    qtbot.waitUntil(lambda: board.shown() == [b["code"], a["code"]], timeout=5000)
    assert not board.screen.latest.recall_tag.isVisible()

    server.call("POST", "/counters/1/recall", "staff1").raise_for_status()
    qtbot.waitUntil(lambda: board.shown() == [a["code"], b["code"]], timeout=5000)
    assert board.screen.latest_loket() == "Loket 1"
    assert board.screen.latest.recall_tag.isVisible()
    assert board.screen.latest.recall_tag.text() == "Panggilan ulang"

    qtbot.waitUntil(lambda: len(board.sink.played) == 3, timeout=8000)
    assert board.sink.spoken() == [spoken(a["code"], "Loket 1"), spoken(b["code"], "Loket 2"),
                                   spoken(a["code"], "Loket 1", recall=True)]
    assert board.sink.spoken()[2].startswith("Panggilan ulang.")


def test_a_board_for_some_lokets_shows_only_their_calls(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"], lokets=(3,))
    wait_ready(qtbot, board, lokets=1)
    assert list(board.screen.grid.tiles) == [3]
    open_loket(server, 1, "staff1")
    open_loket(server, 3, "staff2")
    take(server, "kk")
    take(server, "paspor")
    elsewhere = call_next(server, 1, "staff1")
    here = call_next(server, 3, "staff2")

    # Events come in order: when loket 3's call is on the board, loket 1's was seen and left out.
    qtbot.waitUntil(lambda: board.screen.latest_code() == here["code"], timeout=5000)
    qtbot.waitUntil(lambda: len(board.finished()) == 1, timeout=5000)
    assert elsewhere["code"] not in board.shown()
    assert board.shown() == [here["code"]]
    assert list(board.screen.grid.tiles) == [3]
    assert board.finished() == [here["code"]]
    assert board.sink.spoken() == [spoken(here["code"], "Loket 3")]


def test_with_the_voice_off_calls_are_shown_silently(server: LiveServer, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"], voice=False)
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    take(server, "kk")
    ticket = call_next(server, 1, "staff1")
    qtbot.waitUntil(lambda: board.finished() == [ticket["code"]], timeout=5000)
    assert board.screen.latest_code() == ticket["code"]
    assert board.sink.played == []
    assert board.engine.texts == []


def test_a_call_made_long_ago_is_shown_but_not_spoken(server: LiveServer, make_board, qtbot) -> None:
    """GIVEN a board that knows the server's time
    WHEN a call's event is ten minutes older than that (e.g. replayed after a long outage)
    THEN it is shown but not read aloud, while a current call still is."""
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    qtbot.waitUntil(lambda: board.controller.server_clock_offset is not None, timeout=5000)
    open_loket(server, 1, "staff1")
    open_loket(server, 2, "staff2")
    take(server, "kk")
    take(server, "kk")
    server.clock.advance(minutes=-10)
    old = call_next(server, 1, "staff1")
    server.clock.advance(minutes=10)
    new = call_next(server, 2, "staff2")

    qtbot.waitUntil(lambda: board.shown() == [new["code"], old["code"]], timeout=5000)
    qtbot.waitUntil(lambda: len(board.sink.played) == 1 and not board.controller.voice.pending(), timeout=5000)
    assert board.sink.spoken() == [spoken(new["code"], "Loket 2")]


def test_an_unreachable_server_shows_the_banner_and_the_board_stays(make_board, qtbot) -> None:
    board = make_board(f"http://127.0.0.1:{free_port()}", "dev_nobody")
    qtbot.waitUntil(lambda: board.screen.banner.isVisible(), timeout=5000)
    main, _ = board.screen.banner.text.texts()
    assert "tidak terhubung" in main
    assert board.controller.window.isVisible()
    assert board.screen.latest_code() == ""


def test_the_board_sends_heartbeats(server: LiveServer, make_board, qtbot) -> None:
    timings = DisplayTimings(**{**FAST.__dict__, "heartbeat_interval_ms": 100})
    board = make_board(server.url, server.tokens["display"], timings=timings)

    def display_state() -> dict:
        device = next(d for d in server.services.accounts.list_devices() if d.name == "display-1")
        return device.state

    qtbot.waitUntil(lambda: display_state().get("uptime_s", 0) > 0.2, timeout=5000)
    state = display_state()
    assert (state["printer_state"], state["paper"], state["screen"]) == ("none", "unknown", "board")
    server_now = server.clock.now()
    offset = board.controller.server_clock_offset
    assert offset is not None and abs(offset - (server_now - datetime.now(UTC))) < timedelta(seconds=60)


def test_an_unexpected_error_is_logged_not_shown(make_board, qtbot, caplog) -> None:
    board = make_board(f"http://127.0.0.1:{free_port()}", "dev_nobody")
    try:
        raise RuntimeError("kapow")
    except RuntimeError as exc:
        with caplog.at_level(logging.CRITICAL):
            board.controller.handle_exception(type(exc), exc, exc.__traceback__)
    assert "kapow" in caplog.text and "Traceback" in caplog.text
    assert board.controller.window.isVisible()



def test_the_running_text_is_the_one_the_site_sets(server: LiveServer, make_board, qtbot) -> None:
    """The site's ``running_text`` (catalog) scrolls along the bottom, not the built-in welcome."""
    board = make_board(server.url, server.tokens["display"])
    qtbot.waitUntil(lambda: board.controller.site is not None, timeout=5000)
    assert board.screen.marquee.text() == "Selamat datang"
