"""The hidden technician entry: five taps in the top-left corner of the device's window within three
seconds, or Ctrl+Alt+T on a keyboard. Taps pass through untouched, so the kiosk's buttons still work."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class TechnicianEntry(QObject):
    """An application event filter watching one window. Each press is counted once, by its
    timestamp: the filter sees a press at the window, again at the widget under it and at each parent
    it propagates to, and a touch may come again as a synthesised mouse press with the same time."""

    requested = Signal()

    def __init__(self, scope: QWidget, parent: QObject | None = None, *, corner_px: int = 120, taps: int = 5,
                 within_s: float = 3.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._scope = scope
        self.corner_px = corner_px
        self.taps = taps
        self.within_s = within_s
        self._clock = clock
        self._times: list[float] = []
        self._last_stamp: int | None = None
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._key(watched, event)
        if kind in _PRESSES and self._inside(watched):
            self._press(event)
        return False  # a tap is never taken from the kiosk

    def _key(self, watched: QObject, event: QEvent) -> bool:
        if event.key() != Qt.Key.Key_T or (event.modifiers() & _CTRL_ALT) != _CTRL_ALT:  # type: ignore[attr-defined]
            return False
        if self._inside(watched):
            self.requested.emit()
            return True  # eaten: the scanner filter must not see a stray "t"
        return False

    def _inside(self, watched: QObject) -> bool:
        if isinstance(watched, QWindow):
            return watched is self._scope.windowHandle()
        return isinstance(watched, QWidget) and watched.window() is self._scope

    def _press(self, event: QEvent) -> None:
        stamp = event.timestamp()  # type: ignore[attr-defined]
        if stamp == self._last_stamp:
            return  # the same touch again, as a mouse press
        self._last_stamp = stamp
        points = event.points()  # type: ignore[attr-defined]
        if not points:
            return
        pos: QPointF = points[0].scenePosition()  # in the window's coordinates, whoever got it
        if pos.x() > self.corner_px or pos.y() > self.corner_px:
            self._times.clear()  # a tap elsewhere breaks the series
            return
        now = self._clock()
        self._times = [t for t in self._times if now - t <= self.within_s]
        self._times.append(now)
        if len(self._times) >= self.taps:
            self._times.clear()
            self.requested.emit()
