"""A calm full-screen message with a way on: what happened, in both languages, and what to do next."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.kiosk.messages import WAY_LABELS, Message, Way
from ui.kiosk.screen import Screen
from ui.theme import Metrics, set_props
from ui.widgets.bilingual import BilingualText
from ui.widgets.touch_button import TouchButton


class MessageScreen(Screen):
    name = "message"
    way_chosen = Signal(str)  # a Way value

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._message: Message | None = None
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.title = BilingualText(translations, self.card, role="messageTitle", other_role="messageOther")
        self.body = BilingualText(translations, self.card, role="messageBody", other_role="messageOther")
        self.title.setObjectName("MessageTitle")
        self.body.setObjectName("MessageBody")
        # Title and body read as one block, centred in the card (not pushed to its two ends).
        self.card_box = QVBoxLayout(self.card)
        self.card_box.addStretch(1)
        self.card_box.addWidget(self.title, 0)
        self.card_box.addWidget(self.body, 0)
        self.card_box.addStretch(1)
        self.buttons: dict[Way, TouchButton] = {}
        row = QHBoxLayout()
        self.button_row = row
        for way in Way:
            button = TouchButton(role="primary" if way is Way.RETRY else "secondary", centred=True, parent=self)
            button.setObjectName(f"way-{way.value}")
            button.clicked.connect(lambda _=False, w=way: self.way_chosen.emit(w.value))
            self.buttons[way] = button
            row.addWidget(button, 1)
        # On a tall portrait screen the card stops growing and the card and its buttons sit centred.
        self.box.addStretch(0)
        self.box.addWidget(self.card, 1)
        self.box.addLayout(row, 0)
        self.box.addStretch(0)
        self.retranslate_ui()

    def show_message(self, message: Message) -> None:
        self._message = message
        self.title.set_text(message.title)
        self.body.set_text(message.body)
        set_props(self.title.main, state=message.tone)
        for way, button in self.buttons.items():
            button.setVisible(way in message.ways)
        # The first way is the one we suggest: make it the prominent button.
        for way in message.ways:
            set_props(self.buttons[way], role="primary" if way == message.ways[0] else "secondary")

    def message(self) -> Message | None:
        return self._message

    def retranslate_ui(self) -> None:
        tr, lang = self.translations, self.lang
        for way, button in self.buttons.items():
            main = Text(WAY_LABELS[way], context="KioskMessages")
            button.set_texts(main.render(tr, lang), main.render(tr, tr.other(lang)))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        side = m.px(100) if m.landscape else m.margin
        self.box.setContentsMargins(side, m.px(48), side, m.px(36))
        self.card_box.setContentsMargins(m.px(48), m.px(36), m.px(48), m.px(36))
        self.card_box.setSpacing(m.px(40))
        self.button_row.setSpacing(m.px(32))
        self.card.setMaximumHeight(16777215 if m.landscape else m.px(780))
        for button in self.buttons.values():
            button.setFixedHeight(m.px(130))
