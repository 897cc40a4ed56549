"""What every counter screen shares: a name for the controller and the tests, and its texts set
again when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.counter.style import DeskMetrics
from ui.i18n import Translations


class StaffScreen(QWidget):
    name = "screen"

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.translations = translations
        self.setObjectName(type(self).__name__)
        self.box = QVBoxLayout(self)

    def retranslate_ui(self) -> None:
        """Set every text again in the current language."""

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        self.box.setSpacing(m.spacing)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
