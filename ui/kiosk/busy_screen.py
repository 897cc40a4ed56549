"""Please wait: shown while the server is asked for a ticket or a status; the spinner keeps turning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.theme import Metrics
from ui.widgets.bilingual import BilingualText
from ui.widgets.fit_text import FitText
from ui.widgets.spinner import Spinner

_CENTRE = Qt.AlignmentFlag.AlignCenter


class BusyScreen(Screen):
    name = "busy"

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self.spinner = Spinner(self)
        self.title = FitText("", self, role="busyTitle", align=_CENTRE, wrap=False)
        self.detail = BilingualText(translations, self, role="busyDetail", other_role="messageOther")
        self.box.addStretch(2)
        self.box.addWidget(self.spinner, 3)
        self.box.addWidget(self.title, 1)
        self.box.addWidget(self.detail, 2)
        self.box.addStretch(2)
        self.retranslate_ui()

    def set_detail(self, text: Text) -> None:
        self.detail.set_text(text)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Mohon tunggu…"))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.spinner.setFixedHeight(m.px(180))
