"""A text in the current language with, smaller beneath it, the same text in the other language:
for messages a citizen must understand whichever language they read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.widgets.fit_text import FitText


class BilingualText(QWidget):
    def __init__(self, translations: Translations, parent: QWidget | None = None, *, role: str,
                 other_role: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
                 min_ratio: float = 0.6) -> None:
        super().__init__(parent)
        self._translations = translations
        self._text: Text | None = None
        self.main = FitText("", self, role=role, align=align, min_ratio=min_ratio)
        self.other = FitText("", self, role=other_role, align=align, min_ratio=min_ratio)
        # The two lines stay together as one block, centred in whatever height they are given.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addStretch(1)
        layout.addWidget(self.main)
        layout.addWidget(self.other)
        layout.addStretch(1)

    def set_text(self, text: Text | None) -> None:
        self._text = text
        self._render()

    def texts(self) -> tuple[str, str]:
        return self.main.text(), self.other.text()

    def _render(self) -> None:
        tr = self._translations
        lang = tr.language or "id"
        self.main.setText(self._text.render(tr, lang) if self._text else "")
        self.other.setText(self._text.render(tr, tr.other(lang)) if self._text else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
