"""Application-wide input watchers: the USB barcode scanner (a fast burst of keys ending in Enter,
on any screen) and the idle timer (no touch for a while)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
                       QEvent.Type.Wheel})


def _within(watched: QObject, scope: QWidget | None) -> bool:
    """Whether an event for ``watched`` concerns the ``scope`` window (None: the whole app). In the
    demo the counter and display windows share the application and keep their own keys."""
    if scope is None:
        return True
    if isinstance(watched, QWidget):
        return watched.window() is scope
    if isinstance(watched, QWindow):
        return watched is scope.windowHandle()
    return False


class ScannerFilter(QObject):
    """A scanner types the QR's text and Enter within milliseconds; a pause longer than
    ``max_gap_ms`` starts a new burst. The kiosk has no text fields, so every key is eaten here:
    a scanner's Enter must never press a button."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, scope: QWidget | None = None, max_gap_ms: int = 80,
                 min_length: int = 2, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._scope = scope
        self._max_gap = max_gap_ms / 1000
        self._min_length = min_length
        self._clock = clock
        self._buffer = ""
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride) \
                or not _within(watched, self._scope):
            return False
        if kind == QEvent.Type.KeyPress:
            self._key(event)  # type: ignore[arg-type]
            return True
        return True

    def _key(self, event) -> None:
        if event.isAutoRepeat():
            return
        now = self._clock()
        if now - self._last > self._max_gap:
            self._buffer = ""
        self._last = now
        if event.key() in _ENTER:
            text, self._buffer = self._buffer, ""
            if len(text) >= self._min_length:
                self.scanned.emit(text)
            return
        char = event.text()
        if char and char.isprintable():
            self._buffer += char


class IdleWatcher(QObject):
    """Emits ``timed_out`` after ``timeout_ms`` without a touch, a click or a key."""

    timed_out = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None, *, scope: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scope = scope
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.timed_out)
        self._paused = False

    def start(self) -> None:
        self._paused = False
        self._timer.start()

    def timeout_ms(self) -> int:
        return self._timer.interval()

    def remaining_ms(self) -> int:
        """How long until it times out, or -1 while it is not counting."""
        return self._timer.remainingTime()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """A new idle time, from the next touch (or at once, counted afresh, while it runs)."""
        self._timer.setInterval(max(1, timeout_ms))
        if self._timer.isActive():
            self._timer.start()

    def pause(self) -> None:
        """While the kiosk waits for the server, the citizen is not idle."""
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self.start()

    def stop(self) -> None:
        self._paused = True
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self._paused and _within(watched, self._scope):
            self._timer.start()
        return False
