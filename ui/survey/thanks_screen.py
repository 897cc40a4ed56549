"""Thanks after the survey was sent, in both languages, with a way home (the app also returns by itself)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.survey.face import FaceMark
from ui.theme import Metrics
from ui.widgets.bilingual import BilingualText
from ui.widgets.touch_button import TouchButton

C = "SurveyThanksScreen"
THANKS = Text(QT_TRANSLATE_NOOP("SurveyThanksScreen", "Terima kasih!"), context=C)
THANKS_BODY = Text(QT_TRANSLATE_NOOP("SurveyThanksScreen", "Jawaban Anda sudah kami terima dan membantu kami "
                                                           "memperbaiki pelayanan."), context=C)


class SurveyThanksScreen(Screen):
    name = "survey_thanks"
    done_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.face = FaceMark(4, self.card)
        self.title = BilingualText(translations, self.card, role="messageTitle", other_role="messageOther")
        self.body = BilingualText(translations, self.card, role="messageBody", other_role="messageOther")
        self.title.setObjectName("ThanksTitle")
        self.title.set_text(THANKS)
        self.body.set_text(THANKS_BODY)
        card_box = QVBoxLayout(self.card)
        self.card_box = card_box
        card_box.addStretch(1)
        card_box.addWidget(self.face, 0, Qt.AlignmentFlag.AlignHCenter)
        card_box.addWidget(self.title, 0)
        card_box.addWidget(self.body, 0)
        card_box.addStretch(1)
        self.done_button = TouchButton(role="primary", centred=True, parent=self)
        self.done_button.setObjectName("ThanksDoneButton")
        self.done_button.clicked.connect(self.done_requested)
        self.box.addWidget(self.card, 1)
        self.box.addWidget(self.done_button, 0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.done_button.set_texts(self.tr("Selesai"))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        side = m.px(100) if m.landscape else m.margin
        self.box.setContentsMargins(side, m.px(48), side, m.px(36))
        self.card_box.setContentsMargins(m.px(48), m.px(36), m.px(48), m.px(36))
        self.card_box.setSpacing(m.px(32))
        self.face.setFixedSize(m.px(180), m.px(180))
        self.done_button.setFixedHeight(m.px(120))
