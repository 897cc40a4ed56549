"""Text that always fits its box: wrapped at word boundaries and, only when it must, set smaller.

The style sheet gives the nominal size (``font-size`` by ``textRole``); a longer translation shrinks
towards ``min_ratio`` of it rather than being cut. ``grow=True`` instead fills the box with the
glyphs themselves (no room kept for descenders or line gaps), for the ticket number. ``overflows()``
tells the layout tests whether the text fits at all.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

_ALIGN = Qt.AlignmentFlag


class FitText(QWidget):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "",
                 align: Qt.AlignmentFlag = _ALIGN.AlignLeft | _ALIGN.AlignVCenter, wrap: bool = True,
                 min_ratio: float = 0.6, grow: bool = False, max_lines: int = 0) -> None:
        super().__init__(parent)
        self._text = text
        self._align = align
        self._wrap = wrap
        self._min_ratio = min_ratio
        self._grow = grow
        self._max_lines = max_lines
        self._cache: tuple[tuple, QFont, bool] | None = None
        # heightForWidth by inner width: a layout asks hundreds of times per screen switch.
        self._heights: dict[int, int] = {}
        if role:
            self.setProperty("textRole", role)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    # -- text -----------------------------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._cache = None
            self._heights.clear()
            self.updateGeometry()
            self.update()

    # -- fitting --------------------------------------------------------------------------------

    def _nominal(self) -> int:
        font = self.font()
        return font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 96 / 72)

    def _flags(self) -> int:
        flags = int(self._align.value)
        if self._wrap:
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        return flags

    def _fits(self, size: int, rect: QRect) -> bool:
        font = QFont(self.font())
        font.setPixelSize(size)
        metrics = QFontMetrics(font)
        if self._grow:  # the glyphs themselves fill the box: a ticket code has no descenders to keep room for
            ink = metrics.tightBoundingRect(self._text)
            return ink.width() <= rect.width() and ink.height() <= rect.height()
        if not self._wrap:
            return (metrics.horizontalAdvance(self._text) <= rect.width()
                    and metrics.height() <= rect.height())
        bound = metrics.boundingRect(QRect(0, 0, rect.width(), 100000), self._flags(), self._text)
        if self._max_lines and bound.height() > metrics.lineSpacing() * self._max_lines + metrics.descent():
            return False
        return bound.width() <= rect.width() and bound.height() <= rect.height()

    def _fitted(self) -> tuple[QFont, bool]:
        """The font to paint with, and whether the text fits at that size."""
        rect = self.contentsRect()
        key = (self._text, rect.width(), rect.height(), self.font().key(), self._nominal())
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1], self._cache[2]
        nominal = self._nominal()
        if self._grow:
            low, high = 6, max(6, rect.height() * 2)
        else:
            low, high = max(6, int(nominal * self._min_ratio)), max(6, nominal)
        fits = not self._text or self._fits(low, rect)
        best = low
        if fits:
            while low <= high:  # the largest size that fits
                mid = (low + high) // 2
                if self._fits(mid, rect):
                    best, low = mid, mid + 1
                else:
                    high = mid - 1
        font = QFont(self.font())
        font.setPixelSize(best)
        self._cache = (key, font, fits)
        return font, fits

    def overflows(self) -> bool:
        """True when the text does not fit even at the smallest size allowed."""
        return bool(self._text) and not self._fitted()[1]

    def fitted_pixel_size(self) -> int:
        return self._fitted()[0].pixelSize()

    # -- Qt -------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        if self._grow:
            return QSize(metrics.horizontalAdvance(self._text) // 2, metrics.height() // 2)
        width = metrics.horizontalAdvance(self._text) + 2
        if self._wrap:
            width = min(width, metrics.averageCharWidth() * 24)
            bound = metrics.boundingRect(QRect(0, 0, max(1, width), 100000), self._flags(), self._text)
            return QSize(width, bound.height() + 2)
        return QSize(width, metrics.height() + 2)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 3, int(metrics.height() * self._min_ratio))

    def hasHeightForWidth(self) -> bool:
        return self._wrap and not self._grow

    def heightForWidth(self, width: int) -> int:
        """The height the text needs at this width at its nominal size (it shrinks only when squeezed)."""
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        height = self._heights.get(inner)
        if height is None:
            bound = self.fontMetrics().boundingRect(QRect(0, 0, inner, 100000), self._flags(), self._text)
            height = self._heights[inner] = bound.height() + 2
        return height + margins.top() + margins.bottom()

    def changeEvent(self, event) -> None:
        self._cache = None
        self._heights.clear()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        if not self._text:
            return
        font, _ = self._fitted()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        if self._grow:
            self._paint_ink_centred(painter, font)
        else:
            painter.drawText(self.contentsRect(), self._flags(), self._text)
        painter.end()

    def _paint_ink_centred(self, painter: QPainter, font: QFont) -> None:
        """Place the glyphs' own bounds (not the line box) in the box, as aligned: the code looks
        centred, and as large as the box allows."""
        rect = self.contentsRect()
        ink = QFontMetrics(font).tightBoundingRect(self._text)
        if self._align & _ALIGN.AlignLeft:
            x = rect.left()
        elif self._align & _ALIGN.AlignRight:
            x = rect.right() - ink.width()
        else:
            x = rect.left() + (rect.width() - ink.width()) // 2
        y = rect.top() + (rect.height() - ink.height()) // 2
        painter.drawText(x - ink.left(), y - ink.top(), self._text)
