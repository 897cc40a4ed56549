"""What a member of staff does, done through the real widgets, and what the server then says."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.support.server import PASSWORD, LiveServer
from ui.counter.controller import CounterController

WAIT_MS = 10_000
MakeCounter = Callable[..., CounterController]  # the make_counter fixture


def log_in(qtbot: QtBot, c: CounterController, username: str = "staff1", password: str = PASSWORD) -> None:
    """Type the login and press Enter; returns once the server has answered."""
    screen = c.login_screen
    # A request still running when the login ended (an expired token) keeps the fields disabled.
    qtbot.waitUntil(lambda: not c.busy and screen.username.isEnabled(), timeout=WAIT_MS)
    screen.username.clear()
    screen.password.clear()
    qtbot.keyClicks(screen.username, username)
    qtbot.keyClick(screen.username, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert c.busy
    qtbot.waitUntil(lambda: not c.busy, timeout=WAIT_MS)


def logged_in_at_lokets(qtbot: QtBot, c: CounterController, username: str = "staff1") -> None:
    log_in(qtbot, c, username)
    qtbot.waitUntil(lambda: c.current_screen() == "loket" and bool(c.loket_screen.buttons), timeout=WAIT_MS)


def open_loket(qtbot: QtBot, c: CounterController, counter_id: int = 1) -> None:
    """Choose the loket, keep the services ticked, open it; returns at the desk with its waiting list."""
    screen = c.loket_screen
    qtbot.mouseClick(screen.buttons[counter_id], Qt.MouseButton.LeftButton)
    assert screen.chosen() == counter_id
    click(qtbot, c, screen.open_button)
    qtbot.waitUntil(lambda: c.current_screen() == "desk" and c.queue is not None, timeout=WAIT_MS)


def at_desk(qtbot: QtBot, c: CounterController, counter_id: int = 1, username: str = "staff1") -> None:
    logged_in_at_lokets(qtbot, c, username)
    open_loket(qtbot, c, counter_id)


def click(qtbot: QtBot, c: CounterController, button) -> None:
    """Click a button that sends a request, and wait for the server's answer."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert c.busy, f"{button.objectName()} sent nothing"
    qtbot.waitUntil(lambda: not c.busy, timeout=WAIT_MS)


def press(qtbot: QtBot, c: CounterController, action: str) -> None:
    """Press a desk button (call_next, recall, start, finish, no_show, pause when paused); a no-show
    is confirmed on the page that asks."""
    if action != "no_show":
        click(qtbot, c, c.desk.buttons[action])
        return
    button = c.desk.buttons[action]
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert c.desk.page() == "confirm" and not c.busy, "no-show did not ask first"
    click(qtbot, c, c.desk.confirm_panel.confirm)


def is_active(window: QWidget) -> bool:
    """Whether the window has the keyboard; if not, asks for it again. With two apps in one test, the
    first app's own request can reach the window system after the second's and take it back."""
    if window.isActiveWindow():
        return True
    window.activateWindow()
    return False


def key(qtbot: QtBot, c: CounterController, which: Qt.Key) -> None:
    """Press a function key in the window, as staff do without the mouse. A window shortcut fires only
    in the window that has the keyboard, as the officer's key press would: the test waits for it to have
    it rather than pressing into a window the window system has not activated yet."""
    qtbot.waitUntil(lambda: is_active(c.window), timeout=WAIT_MS)
    qtbot.keyClick(c.window, which)


def wait_for_waiting(qtbot: QtBot, c: CounterController, code: str) -> None:
    """Until the desk's waiting list shows ``code`` (it follows the server's events)."""
    qtbot.waitUntil(lambda: code in c.desk.queue_panel.next_codes(), timeout=WAIT_MS)


def issue(server: LiveServer, service_id: str = "kk", **body: Any) -> dict:
    r = server.issue(service_id, **body)
    assert r.status_code == 201, r.text
    return r.json()


def ticket_on_server(server: LiveServer, ticket_id: int) -> dict:
    r = server.call("GET", f"/tickets/{ticket_id}", "super")
    assert r.status_code == 200, r.text
    return r.json()


def loket_on_server(server: LiveServer, counter_id: int) -> dict:
    r = server.call("GET", "/counters", "super")
    assert r.status_code == 200, r.text
    return next(c for c in r.json() if c["id"] == counter_id)


def no_return_time(c: CounterController):
    """The pause panel's last choice once a reason is picked: "Tanpa jam kembali"."""
    panel = c.desk.pause_panel
    assert panel.step() == "return", "the pause panel does not ask for the return time"
    assert panel.choices()[-1].until is None
    return panel.choice_buttons[len(panel.choices()) - 1]
