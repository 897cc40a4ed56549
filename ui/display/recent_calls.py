"""The calls before the latest one as cards of number and loket, newest first, read left to right and
top to bottom: two columns keep the numbers large."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QWidget

from ui.display.board_state import Call
from ui.display.scaled_text import ScaledText
from ui.theme import set_props

_ALIGN = Qt.AlignmentFlag


class _Row(QFrame):
    def __init__(self, parent: QWidget, alt: bool) -> None:
        super().__init__(parent)
        self.setProperty("role", "recentRow")
        self.setProperty("alt", "true" if alt else "false")
        self.code = ScaledText("", self, role="rowCode", ratio=0.66, min_ratio=0.6)
        self.loket = ScaledText("", self, role="rowLoket", ratio=0.48, min_ratio=0.6,
                                align=_ALIGN.AlignRight | _ALIGN.AlignVCenter)
        self.box = QHBoxLayout(self)
        self.box.addWidget(self.code, 52)
        self.box.addWidget(self.loket, 48)

    def show_call(self, call: Call | None) -> None:
        self.code.setText(call.code if call else "")
        self.loket.setText(call.loket if call else "")


class RecentCalls(QFrame):
    def __init__(self, parent: QWidget | None = None, *, rows: int = 6, columns: int = 2) -> None:
        super().__init__(parent)
        self.setObjectName("RecentCalls")
        self._calls: tuple[Call, ...] = ()
        self._speaking: str | None = None
        self.title = ScaledText("", self, role="listTitle", ratio=0.72)
        self.rows = [_Row(self, alt=(i // columns) % 2 == 1) for i in range(rows)]
        self.box = QGridLayout(self)
        self.box.addWidget(self.title, 0, 0, 1, columns)
        self.box.setRowStretch(0, 5)
        for i, row in enumerate(self.rows):
            self.box.addWidget(row, 1 + i // columns, i % columns)
        for line in range((rows + columns - 1) // columns):
            self.box.setRowStretch(1 + line, 9)
        for column in range(columns):
            self.box.setColumnStretch(column, 1)
        self._retranslate()

    def set_calls(self, calls: Sequence[Call]) -> None:
        """The previous calls, newest first; only as many as there are rows are shown."""
        self._calls = tuple(calls[: len(self.rows)])
        for i, row in enumerate(self.rows):
            row.show_call(self._calls[i] if i < len(self._calls) else None)
        self._mark_speaking()

    def codes(self) -> list[str]:
        """The codes on the cards in reading order."""
        return [row.code.text() for row in self.rows if row.code.text()]

    def set_speaking(self, code: str | None) -> None:
        self._speaking = code
        self._mark_speaking()

    def apply_metrics(self, padding: int, spacing: int) -> None:
        self.box.setContentsMargins(padding, padding // 2, padding, padding)
        self.box.setSpacing(spacing)
        for row in self.rows:
            row.box.setContentsMargins(padding, 0, padding, 0)
            row.box.setSpacing(spacing)

    def _mark_speaking(self) -> None:
        for row in self.rows:
            on = self._speaking is not None and row.code.text() == self._speaking
            set_props(row, speaking="true" if on else "false")

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Panggilan sebelumnya"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
