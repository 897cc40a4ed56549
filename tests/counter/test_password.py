"""An officer chooses their own password in the app: at once after logging in with one an admin
set (nothing else is possible until then), and any time from the bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import WAIT_MS, at_desk, click, log_in
from tests.support.server import PASSWORD, LiveServer
from ui.counter.controller import CounterController

NEW = "pilihan-sendiri-1"


def type_passwords(qtbot: QtBot, c: CounterController, current: str, new: str, repeat: str | None = None) -> None:
    screen = c.password_screen
    for field, text in ((screen.current, current), (screen.new, new), (screen.repeat, new if repeat is None
                                                                        else repeat)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_an_account_an_admin_reset_changes_its_password_right_after_the_login(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN the office reset staff1's password
    WHEN staff1 logs in with it
    THEN the app asks for a password of their own before anything else; a slip in the second
    typing, a wrong current password and one too short are each said, and the right change
    leads to the loket list; the next login takes the new password."""
    assert server.services.accounts.reset_password("staff1", "dari-admin-1")
    log_in(qtbot, counter, "staff1", "dari-admin-1")
    screen = counter.password_screen
    assert counter.current_screen() == "password" and screen.required()
    assert not screen.cancel.isVisible()
    assert screen.notice.code() == "password_change_required"

    type_passwords(qtbot, counter, "dari-admin-1", NEW, repeat=NEW + "x")
    qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert not counter.busy and screen.notice.code() == "password_mismatch"

    type_passwords(qtbot, counter, "salah-sekali", NEW)
    click(qtbot, counter, screen.submit)
    assert counter.current_screen() == "password" and screen.notice.code() == "wrong_current_password"
    indonesian, english = screen.notice.texts()
    assert "Kata sandi sekarang salah" in indonesian and "current password is wrong" in english

    type_passwords(qtbot, counter, "dari-admin-1", NEW)
    click(qtbot, counter, screen.submit)
    qtbot.waitUntil(lambda: counter.current_screen() == "loket" and bool(counter.loket_screen.buttons),
                    timeout=WAIT_MS)
    assert counter.loket_screen.notice.code() == "password_changed"
    assert server.call("POST", "/auth/login", json={"username": "staff1", "password": NEW}).status_code == 200


def test_an_officer_changes_their_password_from_the_desk_and_comes_back_to_it(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    qtbot.mouseClick(counter.bar.password, Qt.MouseButton.LeftButton)
    screen = counter.password_screen
    assert counter.current_screen() == "password" and not screen.required() and screen.cancel.isVisible()
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
    assert counter.current_screen() == "desk"

    qtbot.mouseClick(counter.bar.password, Qt.MouseButton.LeftButton)
    type_passwords(qtbot, counter, PASSWORD, PASSWORD)
    click(qtbot, counter, screen.submit)
    assert screen.notice.code() == "password_unchanged"
    type_passwords(qtbot, counter, PASSWORD, NEW)
    click(qtbot, counter, screen.submit)
    assert counter.current_screen() == "desk"
    assert counter.desk.notice.code() == "password_changed"
    assert server.call("POST", "/auth/login", json={"username": "staff1", "password": NEW}).status_code == 200
