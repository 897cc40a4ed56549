"""For the screenshot walkers: wait for a condition, let the screen settle, tap a button, all while
Qt's event loop keeps running (so the app under the walker keeps working)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton


def wait_until(condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    """Run the event loop until ``condition`` holds; TimeoutError naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}")
        QTest.qWait(10)


def holds_within(condition: Callable[[], object], timeout: float) -> bool:
    """Like ``wait_until``, but says whether it held instead of raising."""
    try:
        wait_until(condition, "", timeout)
    except TimeoutError:
        return False
    return True


def settle(ms: int = 100) -> None:
    """Let layouts, style and paint catch up before a picture."""
    QTest.qWait(ms)


def tap(button: QAbstractButton, settle_ms: int = 100) -> None:
    """A tap in the middle of the real button, as a finger would."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(button.width() // 2, button.height() // 2))
    settle(settle_ms)
