"""The survey tablet between citizens: a calm waiting text, then, once its loket finished a ticket,
"Bagaimana pelayanan kami?" with that ticket's code and one large button to start."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.theme import Metrics, set_props
from ui.widgets.bilingual import BilingualText
from ui.widgets.fit_text import FitText
from ui.widgets.touch_button import TouchButton

C = "SurveyWaitingScreen"
HOW_WAS_IT = Text(QT_TRANSLATE_NOOP("SurveyWaitingScreen", "Bagaimana pelayanan kami?"), context=C)
WAITING = Text(QT_TRANSLATE_NOOP("SurveyWaitingScreen", "Survei kepuasan"), context=C)
LOCKED = Text(QT_TRANSLATE_NOOP("SurveyWaitingScreen", "Survei dihentikan sementara"), context=C)


class SurveyWaitingScreen(Screen):
    """Public API: ``show_waiting(loket_name)``, ``show_offer(code, loket_name)``, ``show_locked()``,
    ``offered_code()``; the signal ``start_requested``."""

    name = "survey_waiting"
    start_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._code = ""
        self._loket = ""
        self._locked = False
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.title = BilingualText(translations, self.card, role="messageTitle", other_role="messageOther")
        self.title.setObjectName("SurveyOfferTitle")
        self.code = FitText("", self.card, role="statusCode", wrap=False, grow=True, align=Qt.AlignmentFlag.AlignCenter)
        self.code.setObjectName("SurveyOfferCode")
        self.body = FitText("", self.card, role="messageBody", align=Qt.AlignmentFlag.AlignCenter)
        self.body.setObjectName("SurveyWaitingText")
        card_box = QVBoxLayout(self.card)
        self.card_box = card_box
        card_box.addStretch(1)
        card_box.addWidget(self.title, 0)
        card_box.addWidget(self.code, 2)
        card_box.addWidget(self.body, 1)
        card_box.addStretch(1)
        self.start_button = TouchButton(role="hero", centred=True, parent=self)
        self.start_button.setObjectName("SurveyStartButton")
        set_props(self.start_button, variant="survey")
        self.start_button.clicked.connect(self.start_requested)
        self.box.addWidget(self.card, 1)
        self.box.addWidget(self.start_button, 0)
        self.retranslate_ui()

    def offered_code(self) -> str:
        return self._code

    def show_waiting(self, loket_name: str) -> None:
        self._code, self._loket, self._locked = "", loket_name, False
        self.retranslate_ui()

    def show_offer(self, code: str, loket_name: str) -> None:
        self._code, self._loket, self._locked = code, loket_name, False
        self.retranslate_ui()

    def show_locked(self) -> None:
        """The office locked this tablet: no offer, and where to answer instead."""
        self._code, self._locked = "", True
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        offering = bool(self._code)
        self.title.set_text(LOCKED if self._locked else HOW_WAS_IT if offering else WAITING)
        self.code.setText(self._code)
        self.code.setVisible(offering)
        self.start_button.setVisible(offering)
        if self._locked:
            self.body.setText(self.tr("Kantor menghentikan tablet ini sementara. Survei tetap dapat diisi lewat "
                                      "tautan QR pada tiket Anda."))
        elif offering:
            self.body.setText(self.tr("Tiket Anda baru selesai dilayani. Isi survei singkat ini, kurang dari "
                                      "satu menit, tanpa nama."))
        else:
            self.body.setText(self.tr("Setelah Anda selesai dilayani di {loket}, survei untuk tiket Anda muncul "
                                      "di sini.").format(loket=self._loket or self.tr("loket ini")))
        self.start_button.set_texts(self.tr("Mulai Survei"), self.tr("9 pertanyaan, sentuh jawaban Anda"))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.card_box.setContentsMargins(m.px(40), m.px(32), m.px(40), m.px(32))
        self.card_box.setSpacing(m.px(24))
        self.code.setMaximumHeight(m.px(220))
        self.start_button.setFixedHeight(m.px(220))
