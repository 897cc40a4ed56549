"""A bilingual notice across the window, e.g. "the server cannot be reached"; hidden when empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.theme import Metrics
from ui.widgets.bilingual import BilingualText


class NoticeBanner(QFrame):
    def __init__(self, translations: Translations, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.text = BilingualText(translations, self, role="bannerMain", other_role="bannerOther",
                                  align=Qt.AlignmentFlag.AlignCenter)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.text)
        self.hide()

    def show_text(self, text: Text) -> None:
        self.text.set_text(text)
        self.show()

    def clear(self) -> None:
        self.text.set_text(None)
        self.hide()

    def apply_metrics(self, m: Metrics) -> None:
        # At least this tall; a longer text (another language) makes it taller rather than cut.
        self.setMinimumHeight(m.px(96))
        self.box.setContentsMargins(m.px(24), m.px(6), m.px(24), m.px(6))
