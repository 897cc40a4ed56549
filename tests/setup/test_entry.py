"""The hidden entry: five taps in the top-left corner within three seconds, or Ctrl+Alt+T."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.setup.conftest import tap
from tests.support.kiosk import start_kiosk

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


CORNER = QPoint(20, 20)


def taps(qtbot, window, fake_time, count: int, *, at: QPoint = CORNER, every_s: float = 0.4) -> None:
    for _ in range(count):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=at)
        fake_time.advance(every_s)


def test_five_taps_in_the_corner_within_three_seconds_open_the_pin(qtbot, make_mode, device_window, fake_time):
    mode = make_mode()
    taps(qtbot, device_window, fake_time, 5, every_s=0.6)   # 2.4 s from the first to the fifth
    qtbot.waitUntil(lambda: mode.screen_shown() == "pin")


def test_four_taps_do_not_open_it(qtbot, make_mode, device_window, fake_time):
    mode = make_mode()
    taps(qtbot, device_window, fake_time, 4)
    qtbot.wait(50)
    assert mode.screen_shown() == ""


def test_five_slow_taps_do_not_open_it(qtbot, make_mode, device_window, fake_time):
    mode = make_mode()
    taps(qtbot, device_window, fake_time, 5, every_s=0.8)   # 3.2 s from the first to the fifth
    qtbot.wait(50)
    assert mode.screen_shown() == ""
    taps(qtbot, device_window, fake_time, 5)   # a fresh, quick series still works
    qtbot.waitUntil(lambda: mode.screen_shown() == "pin")


def test_taps_elsewhere_do_not_open_it(qtbot, make_mode, device_window, fake_time):
    mode = make_mode()
    taps(qtbot, device_window, fake_time, 6, at=QPoint(600, 400))
    taps(qtbot, device_window, fake_time, 6, at=QPoint(200, 20))      # the top edge, not the corner
    taps(qtbot, device_window, fake_time, 3)
    taps(qtbot, device_window, fake_time, 1, at=QPoint(600, 400))     # a tap elsewhere breaks the series
    taps(qtbot, device_window, fake_time, 2)
    qtbot.wait(50)
    assert mode.screen_shown() == ""


def test_ctrl_alt_t_opens_it_and_a_plain_t_does_not(qtbot, make_mode, device_window):
    mode = make_mode()
    qtbot.keyClick(device_window, Qt.Key.Key_T)
    qtbot.keyClick(device_window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert mode.screen_shown() == ""
    qtbot.keyClick(device_window, Qt.Key.Key_T, CTRL_ALT)
    qtbot.waitUntil(lambda: mode.screen_shown() == "pin")


def test_on_the_real_kiosk_the_entry_leaves_its_buttons_working(qtbot, server, make_mode, fake_time):
    """GIVEN the real kiosk with the technician entry installed after its scanner and idle filters
    WHEN a citizen taps "take a ticket" THEN the kiosk moves on as always; five taps on the header's
    corner and Ctrl+Alt+T (which the scanner filter would otherwise eat) open the PIN screen."""
    kiosk = start_kiosk(qtbot, server, printer_spec=None)
    try:
        window = kiosk.window
        mode = make_mode(window=window)
        kiosk.tap(kiosk.controller.home.take_button)
        kiosk.wait_screen("agencies")
        taps(qtbot, window, fake_time, 5)
        qtbot.waitUntil(lambda: mode.screen_shown() == "pin")
        assert kiosk.screen() == "agencies"
        tap(qtbot, mode.window.pin.back_button)
        qtbot.waitUntil(lambda: mode.screen_shown() == "")
        qtbot.keyClick(window, Qt.Key.Key_T, CTRL_ALT)
        qtbot.waitUntil(lambda: mode.screen_shown() == "pin")
    finally:
        kiosk.stop()
