"""The ticket: its code as large as the screen allows, the service, people ahead, the estimate, the QR
of its status link, and the print state — with what to do and a reprint button when it did not print.
Goes back home by itself after a countdown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from core.models import Ticket
from core.ui_text import pick
from ui.i18n import Translations
from ui.kiosk.messages import PRINT_BUSY, PRINT_DONE, PRINT_HELP, print_failure_text
from ui.kiosk.screen import Screen
from ui.kiosk.texts import people_ahead_text, wait_or_reason_text, with_booking
from ui.priority_names import priority_name
from ui.theme import Metrics, set_props
from ui.timers import later
from ui.widgets.bilingual import BilingualText
from ui.widgets.fit_text import FitText
from ui.widgets.qr_view import QrView
from ui.widgets.touch_button import TouchButton

_ALIGN = Qt.AlignmentFlag
PRINTING, PRINTED, FAILED = "printing", "printed", "failed"


class TicketScreen(Screen):
    name = "ticket"
    reprint_requested = Signal()
    done_requested = Signal()
    countdown_finished = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._ticket: Ticket | None = None
        self._print_state = PRINTING
        self._error_code: str | None = None
        self._seconds_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.heading = FitText("", self, role="screenTitle", wrap=False, align=_ALIGN.AlignCenter)
        # The same size in every print state: a long failure text takes room from the code, not the heading.
        self.heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.code = FitText("", self.card, role="ticketCode", wrap=False, grow=True, align=_ALIGN.AlignCenter)
        self.code.setObjectName("TicketCode")
        self.service = FitText("", self.card, role="ticketService", align=_ALIGN.AlignCenter)
        self.agency = FitText("", self.card, role="ticketAgency", align=_ALIGN.AlignCenter)
        self.ahead_label = FitText("", self.card, role="factLabel", align=_ALIGN.AlignCenter, wrap=False)
        self.ahead_value = FitText("", self.card, role="factValue", align=_ALIGN.AlignCenter)
        self.wait_label = FitText("", self.card, role="factLabel", align=_ALIGN.AlignCenter, wrap=False)
        self.wait_value = FitText("", self.card, role="factValue", align=_ALIGN.AlignCenter, wrap=False)
        self.ahead_value.setObjectName("PeopleAhead")
        self.wait_value.setObjectName("EstimatedWait")
        facts = QGridLayout()
        facts.addWidget(self.ahead_label, 0, 0)
        facts.addWidget(self.wait_label, 0, 1)
        facts.addWidget(self.ahead_value, 1, 0)
        facts.addWidget(self.wait_value, 1, 1)
        facts.setVerticalSpacing(0)
        # The code takes whatever the words below it leave: as large as the screen allows.
        self.card_box = QVBoxLayout(self.card)
        self.card_box.addWidget(self.code, 1)
        self.card_box.addWidget(self.service, 0)
        self.card_box.addWidget(self.agency, 0)
        self._facts_gap = QSpacerItem(0, 12)  # sized by the screen in apply_metrics
        self.card_box.addSpacerItem(self._facts_gap)
        self.card_box.addLayout(facts, 0)

        self.qr_card = QFrame(self)
        self.qr_card.setProperty("role", "card")
        self.qr = QrView(self.qr_card)
        self.qr.setObjectName("TicketQr")
        self.qr_caption = FitText("", self.qr_card, role="qrCaption", align=_ALIGN.AlignCenter)
        self.lokets = FitText("", self.qr_card, role="ticketAgency", align=_ALIGN.AlignCenter)
        self.lokets.setObjectName("TicketLokets")
        self.qr_box = QVBoxLayout(self.qr_card)
        self.qr_box.addWidget(self.lokets, 1)
        self.qr_box.addWidget(self.qr, 5)
        self.qr_box.addWidget(self.qr_caption, 1)

        self.print_panel = QFrame(self)
        self.print_panel.setObjectName("PrintState")
        self.print_main = BilingualText(translations, self.print_panel, role="printMain", other_role="printOther")
        self.print_help = BilingualText(translations, self.print_panel, role="printHelp", other_role="printOther")
        self.print_main.setObjectName("PrintStateText")
        self.print_help.setObjectName("PrintHelp")
        self.print_box = QVBoxLayout(self.print_panel)
        self.print_box.addWidget(self.print_main, 1)
        self.print_box.addWidget(self.print_help, 1)

        self.reprint_button = TouchButton(role="secondary", centred=True, parent=self)
        self.done_button = TouchButton(role="primary", centred=True, parent=self)
        self.reprint_button.setObjectName("ReprintButton")
        self.done_button.setObjectName("DoneButton")
        self.countdown = FitText("", self, role="countdown", align=_ALIGN.AlignCenter)
        self.reprint_button.clicked.connect(self.reprint_requested)
        self.done_button.clicked.connect(self.done_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button, 3)
        buttons.addWidget(self.countdown, 3)
        buttons.addWidget(self.done_button, 3)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.card, 3)
        self.body.addWidget(self.qr_card, 1)
        self.box.addWidget(self.heading, 0)
        self.box.addLayout(self.body, 1)
        self.box.addWidget(self.print_panel, 0)  # one line once printed; what to do when not
        self.box.addLayout(buttons, 0)
        self.retranslate_ui()

    # -- what the controller tells it ----------------------------------------------------------

    def show_ticket(self, ticket: Ticket) -> None:
        """The code first; the QR a moment later, on the next turn of the event loop, so the
        citizen sees the number at once and the GUI thread never holds one long stretch of work."""
        self._ticket = ticket
        self.qr.set_data("")
        later(self, 0, self._show_qr)
        self.set_print_state(PRINTING, None, 0)
        self._fill()

    def _show_qr(self) -> None:
        if self._ticket is not None:
            self.qr.set_data(self._ticket.status_url)

    def ticket(self) -> Ticket | None:
        return self._ticket

    def set_print_state(self, state: str, error_code: str | None, home_after_s: int) -> None:
        """``printing``, ``printed`` or ``failed`` (with the print result's error code); then the
        countdown home starts, unless ``home_after_s`` is 0 (no countdown while printing)."""
        self._print_state = state
        self._error_code = error_code
        set_props(self.print_panel, state=state)
        self._seconds_left = home_after_s
        if home_after_s > 0:
            self._timer.start()
        else:
            self._timer.stop()
        self._fill_print()

    def print_state(self) -> str:
        return self._print_state

    def stop_countdown(self) -> None:
        self._timer.stop()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # -- texts ----------------------------------------------------------------------------------

    def _fill(self) -> None:
        ticket, tr, lang = self._ticket, self.translations, self.lang
        if ticket is None:
            return
        self.code.setText(ticket.code)
        self.service.setText(pick(lang, ticket.service_name, ticket.service_name_en))
        agency = pick(lang, ticket.agency_name, ticket.agency_name_en)
        if ticket.priority:
            agency = self.tr("{agency} · Antrean prioritas: {group}").format(
                agency=agency, group=priority_name(ticket.priority).render(tr, lang))
        if ticket.booked_for:
            agency = with_booking(agency, ticket.booked_for, lang).render(tr, lang)
        self.agency.setText(agency)
        # Where to wait: the citizen should not have to ask. Beside the QR, which gives up the room.
        self.lokets.setText(self.tr("Menuju: {lokets}").format(lokets=", ".join(ticket.lokets)) if ticket.lokets
                            else "")
        self.lokets.setVisible(bool(ticket.lokets))
        self.ahead_value.setText(people_ahead_text(ticket.people_ahead).render(tr, lang))
        self.wait_value.setText(wait_or_reason_text(ticket.eta_minutes, ticket.wait_unknown).render(tr, lang))
        self._fill_print()

    def _fill_print(self) -> None:
        failed = self._print_state == FAILED
        if failed:
            self.print_main.set_text(print_failure_text(self._error_code))
        else:
            self.print_main.set_text(PRINT_DONE if self._print_state == PRINTED else PRINT_BUSY)
        self.print_help.set_text(PRINT_HELP if failed else None)
        self.print_main.other.setVisible(failed)
        self.print_help.setVisible(failed)
        self.reprint_button.setVisible(failed)
        self._fill_countdown()

    def _fill_countdown(self) -> None:
        self.countdown.setText(self.tr("Kembali ke halaman awal dalam {seconds} detik").format(
            seconds=self._seconds_left) if self._timer.isActive() else "")

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Nomor antrean Anda"))
        self.ahead_label.setText(self.tr("Di depan Anda"))
        self.wait_label.setText(self.tr("Perkiraan waktu tunggu"))
        self.qr_caption.setText(self.tr("Pindai untuk melihat status antrean di ponsel Anda"))
        self.reprint_button.set_texts(self.tr("Cetak ulang"))
        self.done_button.set_texts(self.tr("Selesai"))
        self._fill()

    def _on_timer_timeout(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self._timer.stop()
            self._fill_countdown()
            self.countdown_finished.emit()
            return
        self._fill_countdown()

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if m.landscape else QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(m.spacing)
        # Portrait: the code is as wide as the screen allows, so the height left goes to a larger QR.
        self.body.setStretch(0, 3 if m.landscape else 6)
        self.body.setStretch(1, 1 if m.landscape else 5)
        for box in (self.card_box, self.qr_box, self.print_box):
            box.setContentsMargins(m.px(28), m.px(18), m.px(28), m.px(18))
        self.card_box.setSpacing(m.px(8))
        # A reason instead of an estimate ("Loket belum buka") may take two lines: small screens need the room.
        self._facts_gap.changeSize(0, m.px(12) if m.height > 768 else 0)
        self.card_box.invalidate()
        self.code.setContentsMargins(m.px(24), m.px(14), m.px(24), m.px(22))  # room to breathe round the code
        self.code.setMinimumHeight(m.px(120))  # long texts below shrink before the code does
        self.print_panel.setMinimumHeight(m.px(96))
