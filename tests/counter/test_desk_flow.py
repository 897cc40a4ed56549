"""Fewer taps and no wrong ones at the desk, with the real app and server: no-show asks first and is
offered only once the citizen has had the site's set time to come (the countdown on the button);
"Selesai & Panggil Berikutnya" is one key; a timer shows how long the citizen was called and served;
leaving with a ticket in hand puts it back in the queue instead of forcing a no-show."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import (
    WAIT_MS,
    at_desk,
    click,
    issue,
    key,
    loket_on_server,
    press,
    ticket_on_server,
    wait_for_waiting,
)
from tests.server.test_no_show_and_requeue import with_no_show_wait
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, FINISH_NEXT, NO_SHOW, START
from ui.counter.controller import CounterController

K = Qt.Key


def server_time_read(qtbot: QtBot, counter: CounterController) -> None:
    """The app reads the server's clock (as it does each minute), so its timers follow a moved clock."""
    with qtbot.waitSignal(counter.server_checked, timeout=WAIT_MS):
        counter.refresh(check=True)


def test_no_show_waits_for_the_set_time_with_a_countdown_then_asks(
        qtbot: QtBot, server: LiveServer, counter: CounterController, tmp_path: Path) -> None:
    with_no_show_wait(server, tmp_path, 2)
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, ticket["code"])
    press(qtbot, counter, CALL_NEXT)
    button = counter.desk.buttons[NO_SHOW]
    server_time_read(qtbot, counter)
    qtbot.waitUntil(lambda: re.fullmatch(r"Tidak Hadir · (2:00|1:[0-5]\d)", button.text_parts()[0]) is not None,
                    timeout=WAIT_MS)
    assert not button.isEnabled()
    key(qtbot, counter, K.Key_F5)
    assert counter.desk.page() == "actions" and not counter.busy

    server.clock.advance(seconds=121)
    server_time_read(qtbot, counter)
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    assert button.text_parts()[0] == "Tidak Hadir"

    key(qtbot, counter, K.Key_F5)                       # asks; Esc goes back with nothing sent
    panel = counter.desk.confirm_panel
    assert counter.desk.page() == "confirm" and ticket["code"] in panel.title.text()
    qtbot.keyClick(panel.confirm, K.Key_Escape)
    assert counter.desk.page() == "actions" and not counter.busy
    assert ticket_on_server(server, ticket["id"])["status"] == "called"

    press(qtbot, counter, NO_SHOW)                      # asks again; this time confirmed
    assert ticket_on_server(server, ticket["id"])["status"] == "no_show"


def test_a_no_show_refused_as_too_early_says_how_long_to_wait(
        qtbot: QtBot, server: LiveServer, counter: CounterController, tmp_path: Path) -> None:
    """A PC whose clock runs ahead shows the button early: the server still refuses, with the time left."""
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, ticket["code"])
    press(qtbot, counter, CALL_NEXT)
    with_no_show_wait(server, tmp_path, 2)             # the app still holds the old setting
    press(qtbot, counter, NO_SHOW)
    assert counter.desk.notice.code() == "no_show_too_early"
    assert "120 detik" in counter.desk.notice.texts()[0]
    assert ticket_on_server(server, ticket["id"])["status"] == "called"


def test_finish_and_call_next_is_one_key(qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    first, second = issue(server, "kk"), issue(server, "kk")
    wait_for_waiting(qtbot, counter, second["code"])
    press(qtbot, counter, CALL_NEXT)
    assert not counter.desk.buttons[FINISH_NEXT].isEnabled()   # only once the citizen is served
    press(qtbot, counter, START)
    key(qtbot, counter, K.Key_F8)
    assert counter.busy
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)
    assert ticket_on_server(server, first["id"])["status"] == "done"
    assert ticket_on_server(server, second["id"])["status"] == "called"
    assert counter.desk.ticket_card.code_text() == second["code"]
    assert counter.desk.buttons[FINISH_NEXT].text_parts()[:2] == ("Selesai & Panggil Berikutnya", "F8")


def test_finish_and_call_next_with_nobody_waiting_keeps_the_finish_and_says_so(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    only = issue(server, "kk")
    wait_for_waiting(qtbot, counter, only["code"])
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    press(qtbot, counter, FINISH_NEXT)
    assert ticket_on_server(server, only["id"])["status"] == "done"
    assert counter.desk.ticket_card.ticket() is None
    assert counter.desk.notice.code() == "queue_empty"
    text = counter.desk.notice.texts()[0]
    assert only["code"] in text and "selesai dilayani" in text and "Tidak ada antrean menunggu" in text
    assert counter.desk.buttons[CALL_NEXT].isEnabled()


def test_the_timer_shows_how_long_called_and_served_by_the_servers_clock(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, ticket["code"])
    press(qtbot, counter, CALL_NEXT)
    card = counter.desk.ticket_card
    server.clock.advance(minutes=3)
    server_time_read(qtbot, counter)
    qtbot.waitUntil(lambda: "Dipanggil 3:0" in card.timer_text(), timeout=WAIT_MS)
    press(qtbot, counter, START)
    server.clock.advance(minutes=7)
    server_time_read(qtbot, counter)
    qtbot.waitUntil(lambda: "Dilayani 7:0" in card.timer_text() and "dipanggil 10:0" in card.timer_text(),
                    timeout=WAIT_MS)


def test_logging_out_with_a_ticket_in_hand_offers_to_put_it_back_in_the_queue(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    first, second = issue(server, "kk"), issue(server, "kk")
    wait_for_waiting(qtbot, counter, second["code"])
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    qtbot.mouseClick(counter.bar.logout, Qt.MouseButton.LeftButton)
    panel = counter.desk.confirm_panel
    assert counter.desk.page() == "confirm" and not counter.busy
    assert first["code"] in panel.body.text()
    qtbot.keyClick(panel.confirm, K.Key_Escape)                  # changed their mind: still serving
    assert counter.current_screen() == "desk" and counter.session is not None
    assert ticket_on_server(server, first["id"])["status"] == "serving"

    qtbot.mouseClick(counter.bar.logout, Qt.MouseButton.LeftButton)
    click(qtbot, counter, panel.confirm)
    assert counter.current_screen() == "login"
    back = ticket_on_server(server, first["id"])
    assert back["status"] == "waiting" and back["counter"] is None
    assert loket_on_server(server, 1)["state"] == "closed"
    queue = server.call("GET", "/counters/2/queue", "super").json()["waiting"]
    assert [t["code"] for t in queue][:2] == [first["code"], second["code"]]   # its place kept


def test_closing_the_loket_with_a_ticket_called_puts_it_back_too(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, ticket["code"])
    press(qtbot, counter, CALL_NEXT)
    qtbot.mouseClick(counter.desk.close_button, Qt.MouseButton.LeftButton)
    assert counter.desk.page() == "confirm"
    click(qtbot, counter, counter.desk.confirm_panel.confirm)
    assert counter.current_screen() == "loket"
    assert ticket_on_server(server, ticket["id"])["status"] == "waiting"
    assert loket_on_server(server, 1)["state"] == "closed"


def test_a_citizen_who_comes_late_is_put_back_by_their_code(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    late, on_time, after = issue(server, "kk"), issue(server, "kk"), issue(server, "kk")
    wait_for_waiting(qtbot, counter, after["code"])
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, NO_SHOW)
    press(qtbot, counter, CALL_NEXT)
    assert counter.desk.ticket_card.code_text() == on_time["code"]

    qtbot.mouseClick(counter.desk.late_button, Qt.MouseButton.LeftButton)
    panel = counter.desk.late_panel
    assert counter.desk.page() == "late" and panel.code.hasFocus()
    qtbot.keyClicks(panel.code, "b 1")                   # typed as a citizen reads it
    qtbot.keyClick(panel.code, K.Key_Return)
    assert counter.busy
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)
    assert ticket_on_server(server, late["id"])["status"] == "waiting"
    assert counter.desk.notice.code() == "requeue" and late["code"] in counter.desk.notice.texts()[0]
    assert counter.desk.ticket_card.code_text() == on_time["code"]   # the citizen at the desk stays
    qtbot.waitUntil(lambda: counter.desk.queue_panel.next_codes()[:2] == [late["code"], after["code"]],
                    timeout=WAIT_MS)


def test_a_code_that_was_not_missed_is_refused_and_nothing_changes(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    waiting = issue(server, "kk")
    wait_for_waiting(qtbot, counter, waiting["code"])
    qtbot.mouseClick(counter.desk.late_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(counter.desk.late_panel.code, waiting["code"])
    click(qtbot, counter, counter.desk.late_panel.confirm)
    assert counter.desk.notice.code() == "ticket_not_at_your_counter"   # a waiting ticket is nobody's to requeue
    assert ticket_on_server(server, waiting["id"])["status"] == "waiting"
    qtbot.mouseClick(counter.desk.late_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(counter.desk.late_panel.code, "hello")
    click(qtbot, counter, counter.desk.late_panel.confirm)
    assert counter.desk.notice.code() == "invalid_code"
