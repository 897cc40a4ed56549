"""The band across the top of the board: the MPP's logo and name, and the date and time in the
site's zone written the Indonesian way (``09.41 WIB``, ``Senin, 23 November 2026``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.display.scaled_text import ScaledText
from ui.i18n import current_language
from ui.widgets.header import LOGO, format_clock
from ui.widgets.plain_label import PlainLabel

_ALIGN = Qt.AlignmentFlag


class BoardHeader(QFrame):
    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoardHeader")
        self._now = now
        self._tz_label = "WIB"
        self._site_name = ""
        self._renderer = QSvgRenderer(str(LOGO), self)
        self.logo = PlainLabel(self)
        self.logo.setObjectName("Logo")
        self.site_name = ScaledText("", self, role="siteName", ratio=0.8, min_ratio=0.5)
        self.tagline = ScaledText("", self, role="siteTagline", ratio=0.78)
        right = _ALIGN.AlignRight | _ALIGN.AlignVCenter
        self.time_label = ScaledText("", self, role="clockTime", ratio=0.86, align=right)
        self.date_label = ScaledText("", self, role="clockDate", ratio=0.78, align=right)

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.site_name, 5)
        names.addWidget(self.tagline, 3)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.time_label, 5)
        clock.addWidget(self.date_label, 3)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.logo)
        self.row.addLayout(names, 13)
        self.row.addLayout(clock, 5)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(1000)
        self._retranslate()

    def set_site(self, name: str, tz_label: str) -> None:
        self._site_name = name
        self._tz_label = tz_label or self._tz_label
        self._retranslate()

    def set_clock(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._on_timer_timeout()

    def apply_height(self, height: int, margin: int) -> None:
        self.setFixedHeight(height)
        self.row.setContentsMargins(margin, margin // 3, margin, margin // 2)
        self.row.setSpacing(margin)
        side = int(height * 0.76)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(side, side) * ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._renderer.render(painter)
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        self.logo.setPixmap(pixmap)
        self.logo.setFixedSize(side, side)

    def _on_timer_timeout(self) -> None:
        time_text, date_text = format_clock(self._now(), current_language(), self._tz_label)
        self.time_label.setText(time_text)
        self.date_label.setText(date_text)

    def _retranslate(self) -> None:
        self.site_name.setText(self._site_name or self.tr("Mal Pelayanan Publik"))
        self.tagline.setText(self.tr("Informasi Antrean"))
        self._on_timer_timeout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
