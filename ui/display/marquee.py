"""The running text along the bottom of the board: the site's message scrolling right to left at a
steady speed. The line is drawn once into a pixmap and moved, so each frame is a cheap copy."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

SEPARATOR = "   \u2022   "


class Marquee(QFrame):
    def __init__(self, parent: QWidget | None = None, *, speed: float = 0.11, frame_ms: int = 20,
                 ratio: float = 0.52) -> None:
        """``speed`` in window heights per second, so it reads the same on every screen size."""
        super().__init__(parent)
        self.setObjectName("Marquee")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._text = ""
        self._speed = speed
        self._ratio = ratio
        self._pixmap: QPixmap | None = None
        self._pixmap_key: tuple | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._lead = 0  # pixels already travelled when the clock (re)started
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(frame_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        text = " ".join(text.split())
        if text == self._text:
            return
        self._text = text
        self._pixmap = None
        self._lead = 0
        self._clock.restart()
        self.update()

    def start_at_left(self) -> None:
        """Put the line's start at the left edge now, as if it had just crossed: for pictures."""
        rect = self.contentsRect()
        self._lead = rect.width() - rect.height() // 2  # a little way in, clear of the edge
        self._clock.restart()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 60)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _on_timer_timeout(self) -> None:
        if self._text:
            self.update()

    def _strip(self) -> QPixmap:
        rect = self.contentsRect()
        key = (self._text, rect.height(), self.font().key(), self.palette().color(self.foregroundRole()).rgba(),
               self.devicePixelRatioF())
        if self._pixmap is not None and self._pixmap_key == key:
            return self._pixmap
        font = QFont(self.font())
        font.setPixelSize(max(8, int(rect.height() * self._ratio)))
        line = self._text + SEPARATOR
        width = max(1, QFontMetrics(font).horizontalAdvance(line))
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(width, max(1, rect.height())) * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QRect(0, 0, width, rect.height()), int(Qt.AlignmentFlag.AlignVCenter), line)
        painter.end()
        self._pixmap, self._pixmap_key = pixmap, key
        return pixmap

    def travelled(self) -> int:
        """How far the line has moved since it was set, in pixels."""
        speed = max(1.0, self._speed * (self.window().height() or self.height()))
        return self._lead + int(self._clock.elapsed() * speed / 1000)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)  # the styled background and border
        if not self._text:
            return
        strip = self._strip()
        rect = self.contentsRect()
        width = max(1, round(strip.width() / strip.devicePixelRatio()))
        # The line enters at the right edge; once it has crossed, copies follow each other.
        x = rect.right() - self.travelled()
        if x < rect.left():
            x = rect.left() - (rect.left() - x) % width
        painter = QPainter(self)
        painter.setClipRect(rect)
        while x < rect.right():
            painter.drawPixmap(x, rect.top(), strip)
            x += width
        painter.end()
