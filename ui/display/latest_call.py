"""The big panel: the latest call's number and loket, with the agency and service, flashing for a
few seconds when it arrives so eyes across the hall find it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.display.board_state import Call
from ui.display.scaled_text import ScaledText
from ui.theme import set_props

_ALIGN = Qt.AlignmentFlag
_CENTRE = _ALIGN.AlignCenter


class LatestCallPanel(QFrame):
    def __init__(self, parent: QWidget | None = None, *, flash_ms: int = 450, flashes: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName("LatestCall")
        self._call: Call | None = None
        self._ticks_left = 0
        self._flash_ticks = flashes * 2
        self.label = ScaledText("", self, role="callLabel", ratio=0.7)
        self.recall_tag = ScaledText("", self, role="recallTag", ratio=0.62, align=_CENTRE)
        self.code = ScaledText("", self, role="callCode", ratio=0.86, min_ratio=0.3, align=_CENTRE)
        self.to_label = ScaledText("", self, role="callTo", ratio=0.8, align=_CENTRE)
        self.loket = ScaledText("", self, role="callLoket", ratio=0.82, min_ratio=0.35, align=_CENTRE)
        self.service = ScaledText("", self, role="callService", ratio=0.7, min_ratio=0.6, align=_CENTRE)

        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.label, 3)
        top.addWidget(self.recall_tag, 2)
        self.box = QVBoxLayout(self)
        self.box.setSpacing(0)
        self.box.addLayout(top, 8)
        self.box.addWidget(self.code, 40)
        self.box.addWidget(self.to_label, 7)
        self.box.addWidget(self.loket, 31)
        self.box.addWidget(self.service, 10)

        self._timer = QTimer(self)
        self._timer.setInterval(flash_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._retranslate()

    def call(self) -> Call | None:
        return self._call

    def show_call(self, call: Call | None, *, flash: bool = True) -> None:
        self._call = call
        self._retranslate()
        if call is not None and flash:
            self._ticks_left = self._flash_ticks
            self._timer.start()
            set_props(self, state="flash")
        else:
            self._timer.stop()
            set_props(self, state="" if call is not None else "empty")

    def flashing(self) -> bool:
        return self._timer.isActive()

    def set_speaking(self, speaking: bool) -> None:
        set_props(self, speaking="true" if speaking else "false")

    def apply_metrics(self, padding: int) -> None:
        self.box.setContentsMargins(padding, padding // 2, padding, padding // 2)

    def _on_timer_timeout(self) -> None:
        self._ticks_left -= 1
        if self._ticks_left <= 0:
            self._timer.stop()
            set_props(self, state="")
            return
        set_props(self, state="flash" if self._ticks_left % 2 == 0 else "")

    def _retranslate(self) -> None:
        call = self._call
        self.label.setText(self.tr("NOMOR ANTREAN"))
        if call is None:
            self.code.setText("\u2014")
            self.to_label.setText(self.tr("Menunggu panggilan berikutnya"))
            self.loket.setText("")
            self.service.setText("")
            self.recall_tag.setText("")
            self.recall_tag.hide()
            return
        self.code.setText(call.code)
        self.to_label.setText(self.tr("silakan menuju"))
        self.loket.setText(call.loket)
        self.service.setText(" \u00b7 ".join(t for t in (call.agency, call.service) if t))
        self.recall_tag.setText(self.tr("Panggilan ulang") if call.recall else "")
        self.recall_tag.setVisible(call.recall)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
