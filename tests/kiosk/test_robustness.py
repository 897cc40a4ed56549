"""No way out, no traceback, no frozen screen."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt, QTimer

from tests.support.kiosk import Kiosk


def test_in_kiosk_mode_the_window_is_frameless_full_screen_and_cannot_be_closed(make_kiosk):
    kiosk: Kiosk = make_kiosk(windowed=False)
    window = kiosk.window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.isFullScreen()
    assert not window.close()
    kiosk.qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    kiosk.qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible() and kiosk.screen() == "home"


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_a_calm_message_with_a_way_home(make_kiosk, monkeypatch):
    """GIVEN the app's excepthook, WHEN a slot raises, THEN the citizen sees a calm full-screen
    message in both languages (no traceback) and the button home works."""
    kiosk = make_kiosk()
    monkeypatch.setattr(sys, "excepthook", kiosk.controller.handle_exception)

    def broken() -> None:
        raise RuntimeError("a bug")

    kiosk.open_services("dukcapil")
    QTimer.singleShot(0, broken)
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == ("Maaf, terjadi kesalahan", "Sorry, something went wrong")
    assert [w for w, b in message.buttons.items() if b.isVisible()] == ["home"]
    kiosk.tap(message.buttons["home"])
    kiosk.wait_screen("home")


def test_a_hanging_printer_never_freezes_the_screen(kiosk, vp):
    """GIVEN a printer that accepts the connection and never answers, WHEN a ticket prints, THEN the
    screen keeps responding (the language switch works mid-print) and the print times out into
    "could not be printed" with what to do."""
    vp.set_hang(True)
    try:
        kiosk.take_ticket("dukcapil", "kk")
        screen = kiosk.controller.ticket
        assert screen.print_state() == "printing"
        kiosk.tap(kiosk.controller.header.language_buttons["en"])
        kiosk.qtbot.waitUntil(lambda: screen.heading.text() == "Your queue number", timeout=1000)
        assert screen.print_state() == "printing"  # the GUI answered while the printer hung
        kiosk.wait_printed("failed")
        assert screen.print_main.main.text() == "The ticket could not be printed: the printer does not answer."
    finally:
        vp.set_hang(False)
