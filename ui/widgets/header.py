"""The band across the top of every kiosk screen: the MPP's logo and name, the date and time in the
site's zone, and the language switch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.i18n import long_date
from ui.theme import Metrics
from ui.widgets.fit_text import FitText
from ui.widgets.plain_label import PlainLabel

LOGO = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "mpp-logo.svg"
# Each language is named in itself, so a reader finds their own.
LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))
_ALIGN = Qt.AlignmentFlag


def format_clock(now: datetime, lang: str, tz_label: str) -> tuple[str, str]:
    """(``09.00 WIB``, ``Senin, 23 November 2026``): the Indonesian way of writing time, both languages."""
    return f"{now.hour:02d}.{now.minute:02d} {tz_label}".strip(), long_date(now.date(), lang)


class Header(QFrame):
    language_chosen = Signal(str)

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None, *, survey: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self._now = now
        self._survey = survey  # the loket's survey tablet says what it is for, not "kiosk"
        self._tz_label = "WIB"
        self._lang = "id"
        self._renderer = QSvgRenderer(str(LOGO), self)

        self.logo = PlainLabel(self)
        self.logo.setObjectName("Logo")
        self.site_name = FitText("", self, role="siteName", wrap=True, min_ratio=0.55)
        self.tagline = FitText("", self, role="siteTagline", wrap=False, min_ratio=0.6)
        self.time_label = FitText("", self, role="clockTime", wrap=False, align=_ALIGN.AlignRight | _ALIGN.AlignVCenter)
        self.date_label = FitText("", self, role="clockDate", wrap=False, align=_ALIGN.AlignRight | _ALIGN.AlignVCenter)
        self.language_buttons: dict[str, QPushButton] = {}

        self.names = QVBoxLayout()
        self.names.setSpacing(0)
        self.names.addWidget(self.site_name, 3)
        self.names.addWidget(self.tagline, 2)
        self.clock = QVBoxLayout()
        self.clock.setSpacing(0)
        self.clock.addWidget(self.time_label, 3)
        self.clock.addWidget(self.date_label, 2)
        self.langs = QHBoxLayout()
        self.langs.setSpacing(8)
        for code, name in LANGUAGE_NAMES:
            button = QPushButton(name, self)
            button.setProperty("role", "lang")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
            self.langs.addWidget(button)
        # Landscape: one row. Portrait: the language switch gets a row of its own under the clock.
        self.grid = QGridLayout(self)
        self._landscape: bool | None = None

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(1000)
        self._retranslate()

    def set_site(self, name: str, tz_label: str) -> None:
        self.site_name.setText(name)
        self._tz_label = tz_label
        self._on_timer_timeout()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        for code, button in self.language_buttons.items():
            button.setProperty("current", "true" if code == lang else "false")
            button.style().unpolish(button)
            button.style().polish(button)
        self._on_timer_timeout()

    def _arrange(self, landscape: bool) -> None:
        if landscape == self._landscape:
            return
        self._landscape = landscape
        for i in reversed(range(self.grid.count())):
            self.grid.takeAt(i)
        self.grid.addWidget(self.logo, 0, 0, 1 if landscape else 2, 1)
        self.grid.addLayout(self.names, 0, 1, 1 if landscape else 2, 1)
        self.grid.addLayout(self.clock, 0, 2)
        if landscape:
            self.grid.addLayout(self.langs, 0, 3)
        else:
            self.grid.addLayout(self.langs, 1, 2)
        self.grid.setColumnStretch(1, 5)
        self.grid.setColumnStretch(2, 3 if landscape else 4)

    def apply_metrics(self, m: Metrics) -> None:
        self._arrange(m.landscape)
        height = m.px(128) if m.landscape else m.px(210)
        margin = m.px(24)
        self.setFixedHeight(height)
        self.grid.setContentsMargins(margin, margin // 3, margin, margin // 3)
        self.grid.setHorizontalSpacing(margin // 2)
        self.grid.setVerticalSpacing(margin // 3)
        side = m.px(100) if m.landscape else m.px(150)
        pixmap = QPixmap(QSize(side, side) * self.devicePixelRatioF())
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._renderer.render(painter)
        painter.end()
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.logo.setPixmap(pixmap)
        self.logo.setFixedSize(side, side)
        for button in self.language_buttons.values():
            button.setFixedHeight(m.px(76))

    def _on_timer_timeout(self) -> None:
        time_text, date_text = format_clock(self._now(), self._lang, self._tz_label)
        self.time_label.setText(time_text)
        self.date_label.setText(date_text)

    def _retranslate(self) -> None:
        survey, kiosk = self.tr("Survei Kepuasan Masyarakat"), self.tr("Anjungan Antrean Mandiri")
        self.tagline.setText(survey if self._survey else kiosk)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
