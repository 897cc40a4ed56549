"""Home: take a ticket, check in with a booking, check a ticket's status or take the survey after service;
the first thing every citizen sees. Taking a ticket is the large button; the others share the room beside
it, "Saya sudah booking" first and only while some service takes bookings."""

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
    survey_requested = Signal()
    booking_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self.welcome = FitText("", self, role="welcome", align=_CENTRE, wrap=True)
        self.subtitle = FitText("", self, role="screenSubtitle", align=_CENTRE)
        self.take_button = TouchButton(role="hero", centred=True, parent=self)
        self.status_button = TouchButton(role="hero", centred=True, parent=self)
        self.take_button.setObjectName("TakeTicketButton")
        self.status_button.setObjectName("CheckStatusButton")
        self.survey_button = TouchButton(role="hero", centred=True, parent=self)
        self.survey_button.setObjectName("SurveyButton")
        self.booking_button = TouchButton(role="hero", centred=True, parent=self)
        self.booking_button.setObjectName("BookingButton")
        self.booking_button.hide()
        set_props(self.booking_button, variant="second", compact="true")
        set_props(self.status_button, variant="second", compact="true")
        set_props(self.survey_button, variant="survey", compact="true")
        self.hint = FitText("", self, role="hint", align=_CENTRE)
        self.take_button.clicked.connect(self.ticket_requested)
        self.status_button.clicked.connect(self.status_requested)
        self.survey_button.clicked.connect(self.survey_requested)
        self.booking_button.clicked.connect(self.booking_requested)

        # Landscape: the ticket on the left, booking, status and survey one above another on the right;
        # portrait: the ticket above, booking below it, status beside survey at the bottom.
        self.pair = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.pair.addWidget(self.status_button, 1)
        self.pair.addWidget(self.survey_button, 1)
        self.side = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.side.addWidget(self.booking_button, 1)
        self.side.addLayout(self.pair, 2)
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.take_button, 1)
        self.buttons.addLayout(self.side, 1)
        self.box.addStretch(1)
        self.box.addWidget(self.welcome, 2)
        self.box.addWidget(self.subtitle, 1)
        self.box.addStretch(1)
        self.box.addLayout(self.buttons, 9)
        self.box.addStretch(1)
        self.box.addWidget(self.hint, 1)
        self.retranslate_ui()

    def set_booking_offered(self, offered: bool) -> None:
        """Shown only while some service of this kiosk takes bookings (the catalog says so)."""
        self.booking_button.setVisible(offered)
        self._fill_hint()

    def retranslate_ui(self) -> None:
        self.welcome.setText(self.tr("Selamat datang"))
        self.subtitle.setText(self.tr("Silakan pilih salah satu:"))
        self.take_button.set_texts(self.tr("Ambil Antrean"), self.tr("Pilih layanan dan cetak nomor antrean"))
        self.status_button.set_texts(self.tr("Cek Status"), self.tr("Lihat posisi antrean tiket Anda"))
        self.survey_button.set_texts(self.tr("Isi Survei"), self.tr("Sudah dilayani? Nilai pelayanan kami"))
        self.booking_button.set_texts(self.tr("Saya sudah booking"), self.tr("Check-in dengan kode atau QR booking"))
        self._fill_hint()

    def _fill_hint(self) -> None:
        # isHidden, not isVisible: the hint is set before the screen is first shown.
        if self.booking_button.isHidden():
            self.hint.setText(self.tr("Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk cek status."))
        else:
            self.hint.setText(self.tr("Sudah punya tiket atau booking? Dekatkan QR-nya ke pemindai."))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.buttons.setDirection(QBoxLayout.Direction.LeftToRight if m.landscape
                                  else QBoxLayout.Direction.TopToBottom)
        self.pair.setDirection(QBoxLayout.Direction.TopToBottom if m.landscape
                               else QBoxLayout.Direction.LeftToRight)
        self.buttons.setSpacing(m.px(48))
        self.side.setSpacing(m.px(28))
        self.pair.setSpacing(m.px(28))
        side = m.px(80) if m.landscape else m.px(60)
        self.box.setContentsMargins(side, m.px(28), side, m.px(28))
        self.take_button.setMaximumHeight(m.px(420))
        for button in (self.booking_button, self.status_button, self.survey_button):
            button.setMaximumHeight(m.px(196) if m.landscape else m.px(300))
