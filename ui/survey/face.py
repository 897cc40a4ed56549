"""A face drawn for an answer's score, 1 (cross, red) to 4 (broad smile, green): read at a glance by
anyone, whatever language or letters they read. It never takes a tap: the button under it does."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Red, orange, light green, green: the colours of the four answers, from worst to best.
FACE_COLOURS = {1: "#c62828", 2: "#ef6c00", 3: "#7cb342", 4: "#2e7d32"}
# How far the mouth's middle bends, as a share of the face: a frown for 1, a broad smile for 4.
_MOUTH_BEND = {1: -0.16, 2: -0.05, 3: 0.08, 4: 0.18}


class FaceMark(QWidget):
    def __init__(self, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setObjectName(f"face-{score}")

    def sizeHint(self) -> QSize:
        return QSize(self.height(), self.height())

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height()) - 4
        if side < 8:
            return
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FACE_COLOURS.get(self.score, "#607d8b"))
        painter.setPen(QPen(colour.darker(130), max(2.0, side / 28)))
        painter.setBrush(colour)
        painter.drawEllipse(box)
        ink = QPen(QColor("#ffffff"), max(3.0, side / 14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(ink)
        painter.setBrush(QColor("#ffffff"))
        eye = side * 0.07
        for x in (0.34, 0.66):
            painter.drawEllipse(QPointF(box.left() + side * x, box.top() + side * 0.38), eye, eye)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        mouth = QPainterPath()
        left, right = box.left() + side * 0.28, box.left() + side * 0.72
        y = box.top() + side * (0.68 if _MOUTH_BEND.get(self.score, 0) > 0 else 0.72)
        mouth.moveTo(left, y)
        mouth.quadTo(box.center().x(), y + side * _MOUTH_BEND.get(self.score, 0) * 2, right, y)
        painter.drawPath(mouth)
        painter.end()
