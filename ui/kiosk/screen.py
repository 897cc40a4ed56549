"""What every kiosk screen shares: a name for the controller and the tests, retranslation on a
language change, and sizes that follow the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.i18n import Translations
from ui.theme import Metrics


class Screen(QWidget):
    name = "screen"

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.translations = translations
        self.setObjectName(type(self).__name__)
        self.box = QVBoxLayout(self)

    @property
    def lang(self) -> str:
        return self.translations.language or "id"

    def retranslate_ui(self) -> None:
        """Set every text again in the current language."""

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for this window size; the window calls it when its size changes, before any screen
        shows, so a screen never lays itself out twice in front of the citizen."""
        self.box.setContentsMargins(m.margin, m.px(28), m.margin, m.px(28))
        self.box.setSpacing(m.spacing)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
