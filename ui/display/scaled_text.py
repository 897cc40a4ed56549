"""One line of text whose size follows its box: ``ratio`` of the box's height, made smaller only
when the line is too wide, and elided below ``min_ratio`` of that. A TV board is laid out in
proportions, so a 720p and a 1080p screen show the same picture."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOption, QWidget

_ALIGN = Qt.AlignmentFlag


class ScaledText(QWidget):
    # The text just painted and when (time.perf_counter()): lets the bench time a call to the screen.
    painted = Signal(str, float)

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "",
                 ratio: float = 0.72, min_ratio: float = 0.45,
                 align: Qt.AlignmentFlag = _ALIGN.AlignLeft | _ALIGN.AlignVCenter) -> None:
        super().__init__(parent)
        self._text = text
        self._ratio = ratio
        self._min_ratio = min_ratio
        self._align = align
        self._cache: tuple[tuple, QFont, str] | None = None
        if role:
            self.setProperty("textRole", role)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._cache = None
            self.update()

    def _fitted(self) -> tuple[QFont, str]:
        """The font to paint with, and the text (elided if even the smallest size is too wide)."""
        rect = self.contentsRect()
        key = (self._text, rect.width(), rect.height(), self.font().key())
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1], self._cache[2]
        font = QFont(self.font())
        size = max(6, int(rect.height() * self._ratio))
        font.setPixelSize(size)
        width = QFontMetrics(font).horizontalAdvance(self._text)
        shown = self._text
        if width > rect.width() > 0:
            smallest = max(6, int(size * self._min_ratio))
            size = max(smallest, int(size * rect.width() / width))
            font.setPixelSize(size)
            metrics = QFontMetrics(font)
            while size > smallest and metrics.horizontalAdvance(self._text) > rect.width():
                size -= 1
                font.setPixelSize(size)
                metrics = QFontMetrics(font)
            if metrics.horizontalAdvance(self._text) > rect.width():
                shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, rect.width())
        self._cache = (key, font, shown)
        return font, shown

    def pixel_size(self) -> int:
        return self._fitted()[0].pixelSize()

    def elided(self) -> bool:
        """True when the text did not fit even at the smallest size and lost its end."""
        return bool(self._text) and self._fitted()[1] != self._text

    def sizeHint(self) -> QSize:
        return QSize(40, 20)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def changeEvent(self, event) -> None:
        self._cache = None
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        if self._text:
            font, shown = self._fitted()
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setFont(font)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(self.contentsRect(), int(self._align.value), shown)
        painter.end()
        self.painted.emit(self._text, time.perf_counter())
