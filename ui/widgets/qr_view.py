"""A QR code drawn crisp at any size: the ``qrcode`` package makes the matrix, Qt scales it by whole
modules so a phone or the USB scanner reads it from the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from printing.qr import qr_matrix

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_image(data: str) -> QImage:
    """One pixel per module, quiet zone included. The same matrix as the printed QR (one fixed mask:
    scoring all eight costs milliseconds on the GUI thread as the ticket appears)."""
    matrix = qr_matrix(data, ec=1, border=QUIET_ZONE)
    size = len(matrix)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    return image


class QrView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def data(self) -> str:
        return self._data

    def set_data(self, data: str) -> None:
        if data == self._data:
            return
        self._data = data
        self._image = qr_image(data) if data else None
        self.update()

    def code_rect(self) -> QRect:
        """Where the code is painted: the largest whole-module square that fits, centred."""
        if self._image is None:
            return QRect()
        modules = self._image.width()
        side = min(self.width(), self.height()) // modules * modules
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def paintEvent(self, event) -> None:
        if self._image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(self.code_rect(), self._image)
        painter.end()
