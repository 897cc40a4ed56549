"""Every action has its function key (F1 call next … F7 pause/resume), shown on its button, and a key
does exactly what the button does: nothing while a request is running or the action is not possible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import (
    WAIT_MS,
    MakeCounter,
    at_desk,
    issue,
    key,
    loket_on_server,
    ticket_on_server,
    wait_for_waiting,
)
from tests.support.proxy import TcpProxy
from tests.support.server import LiveServer
from ui.counter.actions import SHORTCUTS
from ui.counter.controller import CounterController

K = Qt.Key


def answered(qtbot: QtBot, c: CounterController) -> None:
    assert c.busy, (f"the key sent nothing (window active: {c.window.isActiveWindow()}, page: {c.desk.page()}, "
                    f"allowed: {sorted(c.desk._allowed)})")
    qtbot.waitUntil(lambda: not c.busy, timeout=WAIT_MS)


def test_each_button_shows_its_key(qtbot: QtBot, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    for action, shortcut in SHORTCUTS.items():
        assert counter.desk.buttons[action].text_parts()[1] == shortcut
    assert counter.desk.buttons["call_next"].all_text() == "Panggil Berikutnya F1"


def test_function_keys_do_what_the_buttons_do(qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    first, second, third = issue(server, "kk"), issue(server, "kk"), issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-003")

    key(qtbot, counter, K.Key_F1)                       # call next
    answered(qtbot, counter)
    assert ticket_on_server(server, first["id"])["status"] == "called"
    key(qtbot, counter, K.Key_F2)                       # recall
    answered(qtbot, counter)
    assert ticket_on_server(server, first["id"])["recalls"] == 1
    key(qtbot, counter, K.Key_F3)                       # start
    answered(qtbot, counter)
    assert ticket_on_server(server, first["id"])["status"] == "serving"
    key(qtbot, counter, K.Key_F4)                       # finish
    answered(qtbot, counter)
    assert ticket_on_server(server, first["id"])["status"] == "done"

    key(qtbot, counter, K.Key_F1)
    answered(qtbot, counter)
    key(qtbot, counter, K.Key_F5)                       # no-show: asks first, Enter confirms
    assert counter.desk.page() == "confirm" and not counter.busy
    qtbot.keyClick(counter.desk.confirm_panel.confirm, K.Key_Return)
    answered(qtbot, counter)
    assert ticket_on_server(server, second["id"])["status"] == "no_show"

    key(qtbot, counter, K.Key_F1)
    answered(qtbot, counter)
    key(qtbot, counter, K.Key_F3)
    answered(qtbot, counter)
    key(qtbot, counter, K.Key_F6)                       # transfer: the search has the keyboard
    panel = counter.desk.transfer_panel
    assert counter.desk.page() == "transfer" and panel.search.hasFocus()
    qtbot.keyClicks(panel.search, "Pas")                # "Paspor", the one match, is chosen
    qtbot.keyClick(panel.search, K.Key_Return)          # on to the loket: any loket, by default
    assert panel.step() == "loket" and panel.lokets.hasFocus()
    qtbot.keyClick(panel.lokets, K.Key_Return)
    answered(qtbot, counter)
    moved = ticket_on_server(server, third["id"])
    assert (moved["status"], moved["service_id"]) == ("waiting", "paspor")

    key(qtbot, counter, K.Key_F7)                       # pause: 1–4 pick the reason
    assert counter.desk.page() == "pause"
    qtbot.keyClick(counter.desk.pause_panel.buttons["istirahat"], K.Key_3)
    panel = counter.desk.pause_panel                    # then 1–5 the return: 4 is "no time" after a meeting
    assert panel.step() == "return" and panel.choice_buttons[0].hasFocus()
    qtbot.keyClick(panel.choice_buttons[0], K.Key_4)
    answered(qtbot, counter)
    assert loket_on_server(server, 1)["pause_reason"] == "rapat"
    key(qtbot, counter, K.Key_F7)                       # resume
    answered(qtbot, counter)
    assert loket_on_server(server, 1)["state"] == "open"


def test_escape_leaves_a_panel_without_doing_anything(qtbot: QtBot, server: LiveServer,
                                                      counter: CounterController) -> None:
    at_desk(qtbot, counter)
    key(qtbot, counter, K.Key_F7)
    assert counter.desk.page() == "pause"
    key(qtbot, counter, K.Key_F1)  # the other keys rest while a panel is open
    assert not counter.busy
    qtbot.keyClick(counter.desk.pause_panel.buttons["istirahat"], K.Key_Escape)
    assert counter.desk.page() == "actions"
    assert not counter.busy
    assert loket_on_server(server, 1)["state"] == "open"


def test_a_double_press_sends_one_call(qtbot: QtBot, server: LiveServer, proxy: TcpProxy,
                                      make_counter: MakeCounter) -> None:
    """GIVEN two citizens wait WHEN F1 is pressed twice and the button clicked while the first call
    runs THEN one request reaches the server: one citizen is called, the other still waits."""
    counter = make_counter(proxy.url)  # through the proxy, to count what it sends
    at_desk(qtbot, counter)
    first, second = issue(server, "kk"), issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-002")

    key(qtbot, counter, K.Key_F1)
    assert counter.busy and not counter.desk.buttons["call_next"].isEnabled()
    key(qtbot, counter, K.Key_F1)
    qtbot.mouseClick(counter.desk.buttons["call_next"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)

    assert ticket_on_server(server, first["id"])["status"] == "called"
    assert ticket_on_server(server, second["id"])["status"] == "waiting"
    assert counter.desk.ticket_card.code_text() == "B-001"
    assert [r.method for r in proxy.requests if r.path.endswith("/call-next")] == ["POST"]
