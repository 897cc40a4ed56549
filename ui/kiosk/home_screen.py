"""Home: take a ticket or check a ticket's status; the first thing every citizen sees."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

from ui.i18n import Translations
from ui.kiosk.screen import Screen
from ui.theme import Metrics, set_props
from ui.widgets.fit_text import FitText
from ui.widgets.touch_button import TouchButton

_CENTRE = Qt.AlignmentFlag.AlignCenter


class HomeScreen(Screen):
    name = "home"
    ticket_requested = Signal()
    status_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self.welcome = FitText("", self, role="welcome", align=_CENTRE, wrap=True)
        self.subtitle = FitText("", self, role="screenSubtitle", align=_CENTRE)
        self.take_button = TouchButton(role="hero", centred=True, parent=self)
        self.status_button = TouchButton(role="hero", centred=True, parent=self)
        self.take_button.setObjectName("TakeTicketButton")
        self.status_button.setObjectName("CheckStatusButton")
        set_props(self.status_button, variant="second")
        self.hint = FitText("", self, role="hint", align=_CENTRE)
        self.take_button.clicked.connect(self.ticket_requested)
        self.status_button.clicked.connect(self.status_requested)

        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.take_button, 1)
        self.buttons.addWidget(self.status_button, 1)
        self.box.addStretch(1)
        self.box.addWidget(self.welcome, 2)
        self.box.addWidget(self.subtitle, 1)
        self.box.addStretch(1)
        self.box.addLayout(self.buttons, 9)
        self.box.addStretch(1)
        self.box.addWidget(self.hint, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.welcome.setText(self.tr("Selamat datang"))
        self.subtitle.setText(self.tr("Silakan pilih salah satu:"))
        self.take_button.set_texts(self.tr("Ambil Antrean"), self.tr("Pilih layanan dan cetak nomor antrean"))
        self.status_button.set_texts(self.tr("Cek Status"), self.tr("Lihat posisi antrean tiket Anda"))
        self.hint.setText(self.tr("Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk cek status."))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.buttons.setDirection(QBoxLayout.Direction.LeftToRight if m.landscape
                                  else QBoxLayout.Direction.TopToBottom)
        self.buttons.setSpacing(m.px(48))
        side = m.px(80) if m.landscape else m.px(60)
        self.box.setContentsMargins(side, m.px(28), side, m.px(28))
        for button in (self.take_button, self.status_button):
            button.setMaximumHeight(m.px(420))
