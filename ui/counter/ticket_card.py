"""The ticket in hand: its code large, its service, priority, status, how often it was called, and
how long ago it was called and since when it is served (by the server's times)."""

from __future__ import annotations

from datetime import datetime, timedelta

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
        # The transferring officer's note, for this officer: shown whole, on as many lines as it needs.
        self.note = PlainLabel(self)
        self.note.setObjectName("TransferNoteShown")
        self.note.setProperty("role", "note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.timer = PlainLabel(self)
        self.timer.setObjectName("TicketTimer")
        self.timer.setProperty("role", "chip")
        self.timer.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self._now: datetime | None = None
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.timer)
        top.addWidget(self.priority)
        top.addWidget(self.status)
        self.box = QVBoxLayout(self)
        self.box.addLayout(top)
        self.box.addWidget(self.code, 5)
        self.box.addWidget(self.service, 1)
        self.box.addWidget(self.detail, 1)
        self.box.addWidget(self.note)
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

    def timer_text(self) -> str:
        return self.timer.text()

    def show_elapsed(self, now: datetime) -> None:
        """Move the timer to ``now`` (the server's clock)."""
        self._now = now
        self._show_timer()

    def _show_timer(self) -> None:
        ticket, now = self._ticket, self._now
        if ticket is None or now is None or ticket.called_at is None:
            self.timer.setText("")
            self.timer.hide()
            return
        called = _minutes_seconds(now - ticket.called_at)
        if ticket.status is TicketStatus.SERVING and ticket.started_at is not None:
            text = self.tr("Dilayani {served} · dipanggil {called} lalu").format(
                served=_minutes_seconds(now - ticket.started_at), called=called)
        else:
            text = self.tr("Dipanggil {called} lalu").format(called=called)
        self.timer.setText(text)
        self.timer.show()

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
            self.note.hide()
            self._show_timer()
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
        if ticket.target_counter is not None:
            parts.append(self.tr("dikirim khusus ke {loket}").format(loket=ticket.target_counter.name))
        self.detail.setText(" · ".join(parts))
        self.note.setVisible(bool(ticket.transfer_note))
        self.note.setText(self.tr("✎ Catatan pengalihan: {note}").format(note=ticket.transfer_note)
                          if ticket.transfer_note else "")
        self._show_timer()

    def note_text(self) -> str:
        """The transfer's note as shown on the card; empty when none is shown."""
        return "" if self.note.isHidden() else self.note.text()

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(20), m.px(14), m.px(20), m.px(14))
        self.box.setSpacing(m.px(4))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _minutes_seconds(elapsed: timedelta) -> str:
    """``12:05``: minutes and seconds, never negative (a clock a moment behind shows 0:00)."""
    seconds = max(0, int(elapsed.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"
