"""A ticket's status: waiting (people ahead, estimate), called to a loket, being served, done, …"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from core.models import PublicTicket, Ticket, TicketStatus
from core.ui_text import pick
from ui.i18n import Translations
from ui.kiosk.screen import Screen
from ui.kiosk.texts import status_detail, status_headline, transferred_headline, with_booking, with_lokets
from ui.theme import Metrics, set_props
from ui.widgets.fit_text import FitText
from ui.widgets.touch_button import TouchButton

_CENTRE = Qt.AlignmentFlag.AlignCenter


class StatusScreen(Screen):
    name = "status"
    another_requested = Signal()
    home_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._ticket: Ticket | PublicTicket | None = None
        self.heading = FitText("", self, role="screenTitle", wrap=False, align=_CENTRE)
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.code = FitText("", self.card, role="statusCode", wrap=False, grow=True, align=_CENTRE)
        self.code.setObjectName("StatusCode")
        self.service = FitText("", self.card, role="ticketService", align=_CENTRE)
        self.agency = FitText("", self.card, role="ticketAgency", align=_CENTRE)
        self.headline = FitText("", self.card, role="statusBig", align=_CENTRE)
        self.headline.setObjectName("StatusHeadline")
        self.detail = FitText("", self.card, role="statusDetail", align=_CENTRE)
        self.detail.setObjectName("StatusDetail")
        # The code fills what the words leave; the words stay together as two blocks under it.
        self.card_box = QVBoxLayout(self.card)
        self.card_box.addStretch(0)  # takes the room only once the code is as large as it may be
        self.card_box.addWidget(self.code, 1)
        self.card_box.addWidget(self.service, 0)
        self.card_box.addWidget(self.agency, 0)
        self.card_box.addSpacing(24)
        self.card_box.addWidget(self.headline, 0)
        self.card_box.addWidget(self.detail, 0)
        self.card_box.addStretch(0)
        self.another_button = TouchButton(role="secondary", centred=True, parent=self)
        self.done_button = TouchButton(role="primary", centred=True, parent=self)
        self.another_button.setObjectName("AnotherTicketButton")
        self.done_button.setObjectName("DoneButton")
        self.another_button.clicked.connect(self.another_requested)
        self.done_button.clicked.connect(self.home_requested)
        buttons = QHBoxLayout()
        self.buttons = buttons
        buttons.addWidget(self.another_button, 2)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button, 2)
        # On a tall portrait screen the card stops growing and heading, card and buttons sit centred.
        self.box.addStretch(0)
        self.box.addWidget(self.heading, 0)
        self.box.addWidget(self.card, 1)
        self.box.addLayout(buttons, 0)
        self.box.addStretch(0)
        self.retranslate_ui()

    def show_status(self, ticket: Ticket | PublicTicket) -> None:
        self._ticket = ticket
        self._fill()

    def _fill(self) -> None:
        ticket, tr, lang = self._ticket, self.translations, self.lang
        if ticket is None:
            return
        self.code.setText(ticket.code)
        service = pick(lang, ticket.service_name, ticket.service_name_en)
        self.service.setText(service)
        agency = pick(lang, ticket.agency_name, ticket.agency_name_en)
        if ticket.booked_for:
            agency = with_booking(agency, ticket.booked_for, lang).render(tr, lang)
        self.agency.setText(agency)
        waiting = ticket.status is TicketStatus.WAITING
        headline, state = status_headline(ticket.status)
        if waiting and ticket.transferred:
            headline = transferred_headline(service)
        self.headline.setText(headline.render(tr, lang))
        set_props(self.headline, state=state)
        counter = ticket.counter.name if ticket.counter else None
        detail = status_detail(ticket.status, ticket.people_ahead, ticket.eta_minutes, counter, ticket.wait_unknown)
        self.detail.setText((with_lokets(detail, ticket.lokets) if waiting else detail).render(tr, lang))

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Status antrean"))
        self.another_button.set_texts(self.tr("Cek tiket lain"))
        self.done_button.set_texts(self.tr("Selesai"))
        self._fill()

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.card_box.setContentsMargins(m.px(40), m.px(32), m.px(40), m.px(40))
        self.card_box.setSpacing(m.px(12))
        self.code.setContentsMargins(m.px(24), m.px(10), m.px(24), m.px(18))
        self.card.setMaximumHeight(16777215 if m.landscape else m.px(820))
        for button in (self.another_button, self.done_button):
            button.setFixedHeight(m.button_height)
        self.buttons.setStretch(1, 1 if m.landscape else 0)  # portrait: two half-width buttons
        self.code.setMaximumHeight(m.px(240))  # big, but the answer below is what the citizen came for
