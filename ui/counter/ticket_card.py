"""The ticket in hand: its code large, its service, priority, status and how often it was called."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from core.models import Ticket, TicketStatus
from ui.counter.messages import clock_text
from ui.counter.style import DeskMetrics
from ui.priority_names import short_priority_name
from ui.theme import set_props
from ui.widgets.fit_text import FitText
from ui.widgets.plain_label import PlainLabel

_ALIGN = Qt.AlignmentFlag


class TicketCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TicketCard")
        self.setProperty("role", "panel")
        self._ticket: Ticket | None = None
        self.heading = PlainLabel(self)
        self.heading.setProperty("textRole", "panelTitle")
        self.status = PlainLabel(self)
        self.status.setObjectName("TicketStatus")
        self.status.setProperty("role", "chip")
        for chip in (self.status,):
            chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.priority = PlainLabel(self)
        self.priority.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.priority.setObjectName("TicketPriority")
        self.priority.setProperty("role", "chip")
        set_props(self.priority, state="priority")
        self.code = FitText("", self, role="ticketCode", wrap=False, min_ratio=0.4,
                            align=_ALIGN.AlignLeft | _ALIGN.AlignVCenter)
        self.code.setObjectName("CurrentCode")
        self.service = FitText("", self, role="ticketService", wrap=False, min_ratio=0.7)
        self.service.setObjectName("CurrentService")
        self.detail = FitText("", self, role="ticketDetail", wrap=True, min_ratio=0.75)
        self.detail.setObjectName("CurrentDetail")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.priority)
        top.addWidget(self.status)
        self.box = QVBoxLayout(self)
        self.box.addLayout(top)
        self.box.addWidget(self.code, 5)
        self.box.addWidget(self.service, 1)
        self.box.addWidget(self.detail, 1)
        self.retranslate_ui()

    def ticket(self) -> Ticket | None:
        return self._ticket

    def code_text(self) -> str:
        return self.code.text() if self._ticket is not None else ""

    def show_ticket(self, ticket: Ticket | None) -> None:
        self._ticket = ticket
        self.retranslate_ui()

    def status_text(self) -> str:
        return self.status.text()

    def retranslate_ui(self) -> None:
        ticket = self._ticket
        self.heading.setText(self.tr("Tiket saat ini"))
        if ticket is None:
            self.code.setText(self.tr("Belum ada tiket. Tekan Panggil Berikutnya (F1)."))
            set_props(self.code, state="empty")
            self.service.setText("")
            self.detail.setText("")
            self.status.hide()
            self.priority.hide()
            return
        set_props(self.code, state="ticket")
        self.code.setText(ticket.code)
        self.service.setText(f"{ticket.service_name} · {ticket.agency_short_name}")
        called = ticket.status is TicketStatus.CALLED
        self.status.setText(self.tr("Dipanggil") if called else self.tr("Sedang dilayani"))
        set_props(self.status, state="called" if called else "serving")
        self.status.show()
        self.priority.setVisible(ticket.priority is not None)
        if ticket.priority is not None:
            self.priority.setText(self.tr("★ Prioritas: {group}").format(group=short_priority_name(ticket.priority)))
        parts = [self.tr("Menunggu warga datang ke loket")] if called else []
        parts.append(self.tr("Diambil pukul {time}").format(time=clock_text(ticket.issued_at)))
        if ticket.recalls:
            parts.append(self.tr("Dipanggil ulang {n}×").format(n=ticket.recalls))
        if ticket.transferred:
            parts.append(self.tr("Tiket alihan dari layanan lain"))
        self.detail.setText(" · ".join(parts))

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(20), m.px(14), m.px(20), m.px(14))
        self.box.setSpacing(m.px(4))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
