"""Out of service: shown instead of home while the printer cannot print (out of paper, offline) or the
office has locked this kiosk. Calm, in both languages, says where to go; checking a ticket's status
stays possible when only the printer is the problem, since that needs no printer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.kiosk.messages import (
    OUT_OF_SERVICE_BODY,
    OUT_OF_SERVICE_STAFF_NOTE,
    OUT_OF_SERVICE_STATUS,
    OUT_OF_SERVICE_STATUS_DETAIL,
    OUT_OF_SERVICE_TITLE,
    out_of_service_reason_text,
)
from ui.kiosk.screen import Screen
from ui.theme import Metrics, set_props
from ui.widgets.bilingual import BilingualText
from ui.widgets.touch_button import TouchButton

LOCKED = "locked"


class OutOfServiceScreen(Screen):
    name = "out_of_service"
    status_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._reason = ""
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.title = BilingualText(translations, self.card, role="messageTitle", other_role="messageOther")
        self.body = BilingualText(translations, self.card, role="messageBody", other_role="messageOther")
        self.why = BilingualText(translations, self.card, role="messageBody", other_role="messageOther")
        self.title.setObjectName("OutOfServiceTitle")
        self.body.setObjectName("OutOfServiceBody")
        self.why.setObjectName("OutOfServiceReason")
        self.staff_note = BilingualText(translations, self.card, role="messageOther", other_role="messageOther")
        self.staff_note.setObjectName("OutOfServiceStaffNote")
        self.staff_note.hide()
        self.title.set_text(OUT_OF_SERVICE_TITLE)
        self.body.set_text(OUT_OF_SERVICE_BODY)
        set_props(self.title.main, state="info")  # calm: nothing the citizen did wrong
        # The texts stay together in the middle of the card, whatever its height (portrait screens).
        self.card_box = QVBoxLayout(self.card)
        self.card_box.addStretch(1)
        self.card_box.addWidget(self.title)
        self.card_box.addWidget(self.body)
        self.card_box.addWidget(self.why)
        self.card_box.addWidget(self.staff_note)
        self.card_box.addStretch(1)
        self.status_button = TouchButton(role="secondary", centred=True, parent=self)
        self.status_button.setObjectName("OutOfServiceStatusButton")
        self.status_button.clicked.connect(self.status_requested)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.status_button, 2)
        self.button_row.addStretch(1)
        self.box.addWidget(self.card, 1)
        self.box.addLayout(self.button_row, 0)
        self.retranslate_ui()
        self.set_reason(LOCKED)

    def set_reason(self, reason: str) -> None:
        """``locked``, ``paper_out`` or ``printer_offline``: what is said and whether status checks stay."""
        self._reason = reason
        why = out_of_service_reason_text(reason)
        self.why.set_text(why)
        self.why.setVisible(why is not None)
        self.status_button.setVisible(reason != LOCKED)

    def reason(self) -> str:
        return self._reason

    def set_printer_cause(self, cause: Text | None) -> None:
        """What the printer's trouble is and what to check, for the officer called over; none when locked."""
        note = Text(OUT_OF_SERVICE_STAFF_NOTE, {"cause": cause}, context="KioskMessages") \
            if cause is not None and self._reason != LOCKED else None
        self.staff_note.set_text(note)
        self.staff_note.setVisible(note is not None)

    def retranslate_ui(self) -> None:
        tr, lang = self.translations, self.lang
        self.status_button.set_texts(OUT_OF_SERVICE_STATUS.render(tr, lang),
                                     OUT_OF_SERVICE_STATUS_DETAIL.render(tr, lang))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        side = m.px(140) if m.landscape else m.margin
        self.box.setContentsMargins(side, m.px(56), side, m.px(44))
        self.box.setSpacing(m.px(40))
        self.card_box.setContentsMargins(m.px(56), m.px(44), m.px(56), m.px(44))
        self.card_box.setSpacing(m.px(56))
        self.status_button.setFixedHeight(m.px(150))
