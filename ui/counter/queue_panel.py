"""Who waits for this loket: the count per service, the next codes in calling order (priority
marked), and what this officer did today."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.models import CounterQueue, WaitingTicket
from ui.counter.elided_label import ElidedLabel
from ui.counter.style import DeskMetrics
from ui.priority_names import short_priority_name
from ui.widgets.plain_label import PlainLabel

STAT_KEYS = ("done", "no_show", "transferred")


def today_counts(queue: CounterQueue) -> dict[str, int]:
    """Served, no-show and transferred today by this officer, as the server counts them (transfers by who
    made them, whoever calls the ticket later)."""
    counts = queue.served_today
    return {key: counts.get(key, 0) for key in STAT_KEYS}


def _label(parent: QWidget, role: str, name: str = "") -> QLabel:
    label = PlainLabel(parent)
    label.setProperty("textRole", role)
    if name:
        label.setObjectName(name)
    return label


class QueuePanel(QFrame):
    def __init__(self, parent: QWidget | None = None, *, preview: int = 6) -> None:
        super().__init__(parent)
        self.setObjectName("QueuePanel")
        self.setProperty("role", "panel")
        self._queue: CounterQueue | None = None
        self._service_names: Mapping[str, str] = {}
        self._preview = preview
        self.title = _label(self, "panelTitle")
        self.services_grid = QGridLayout()
        self.next_title = _label(self, "fieldLabel")
        self.next_grid = QGridLayout()
        self.more = _label(self, "hint", "QueueMore")
        self.empty = _label(self, "hint", "QueueEmpty")
        self.empty.setWordWrap(True)
        self.today_title = _label(self, "fieldLabel")
        self.stats: dict[str, tuple[QLabel, QLabel]] = {}
        stats_row = QHBoxLayout()
        for key in STAT_KEYS:
            frame = QFrame(self)
            frame.setProperty("role", "stat")
            value = _label(frame, "statValue", f"stat-{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = _label(frame, "statLabel")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner = QVBoxLayout(frame)
            inner.setSpacing(0)
            inner.addWidget(value)
            inner.addWidget(caption)
            stats_row.addWidget(frame, 1)
            self.stats[key] = (value, caption)
        self.stats_row = stats_row
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addLayout(self.services_grid)
        self.box.addSpacing(6)
        self.box.addWidget(self.next_title)
        self.box.addLayout(self.next_grid)
        self.box.addWidget(self.empty)
        self.box.addWidget(self.more)
        self.box.addStretch(1)
        self.box.addWidget(self.today_title)
        self.box.addLayout(stats_row)
        self._rows: list[QLabel] = []
        self.retranslate_ui()

    # -- data --------------------------------------------------------------------------------------

    def show_queue(self, queue: CounterQueue | None) -> None:
        self._queue = queue
        self.retranslate_ui()

    def queue(self) -> CounterQueue | None:
        return self._queue

    def next_codes(self) -> list[str]:
        return [t.code for t in self._queue.waiting[: self._preview]] if self._queue else []

    def waiting_count(self, service_id: str) -> int | None:
        if self._queue is None:
            return None
        return next((s.waiting for s in self._queue.services if s.id == service_id), None)

    def stat(self, key: str) -> str:
        return self.stats[key][0].text()

    # -- drawing -----------------------------------------------------------------------------------

    def _clear_rows(self) -> None:
        for label in self._rows:
            label.setParent(None)  # gone at once, not only at the next turn of the event loop
            label.deleteLater()
        self._rows = []
        for grid in (self.services_grid, self.next_grid):
            while grid.count():
                grid.takeAt(0)

    def _next_mark(self, ticket: WaitingTicket) -> str:
        """Priority first (it decides the order), then whether it came from another service."""
        parts = []
        if ticket.priority is not None:
            parts.append(self.tr("★ {group}").format(group=short_priority_name(ticket.priority)))
        if ticket.transferred:
            parts.append(self.tr("↪ alihan"))
        if ticket.target_counter is not None:
            parts.append(self.tr("khusus loket ini"))
        return " · ".join(parts)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Antrean Menunggu"))
        self.next_title.setText(self.tr("Berikutnya dipanggil"))
        self.today_title.setText(self.tr("Hari ini oleh Anda"))
        captions = {"done": self.tr("Selesai"), "no_show": self.tr("Tidak hadir"), "transferred": self.tr("Dialihkan")}
        queue = self._queue
        counts = today_counts(queue) if queue else {}
        for key, (value, caption) in self.stats.items():
            caption.setText(captions[key])
            value.setText(str(counts.get(key, 0)) if queue else "–")
        self._clear_rows()
        if queue is None:
            self.empty.setText(self.tr("Memuat antrean…"))
            self.empty.show()
            self.more.hide()
            return
        names = {s.id: s.name for s in queue.services}
        for row, service in enumerate(queue.services):
            state = "active" if service.active else "inactive"
            name = ElidedLabel(self, role="queueService", name=f"queue-name-{service.id}")
            name.setText(f"{service.prefix} · {service.name}" if service.active
                         else self.tr("{prefix} · {name} (tidak dilayani)").format(prefix=service.prefix,
                                                                                  name=service.name))
            count = _label(self, "queueCount", f"queue-count-{service.id}")
            count.setText(self.tr("{n} menunggu").format(n=service.waiting))
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for label in (name, count):
                label.setProperty("state", state)
                self._rows.append(label)
            self.services_grid.addWidget(name, row, 0)
            self.services_grid.addWidget(count, row, 1)
        self.services_grid.setColumnStretch(0, 1)
        shown = queue.waiting[: self._preview]
        for row, ticket in enumerate(shown):
            state = "priority" if ticket.priority is not None else "regular"
            code = _label(self, "nextCode", f"next-{row}")
            code.setText(ticket.code)
            mark = _label(self, "nextDetail", f"next-mark-{row}")
            mark.setText(self._next_mark(ticket))
            mark.setProperty("state", state)
            service = ElidedLabel(self, role="nextDetail", name=f"next-service-{row}")
            service_name = names.get(ticket.service_id, ticket.service_id)
            # A transfer's note for this loket's officer, after the service, as much as fits.
            service.setText(self.tr("{service} · ✎ {note}").format(service=service_name, note=ticket.transfer_note)
                            if ticket.transfer_note else service_name)
            for label in (code, mark, service):
                label.setProperty("state", state)
                self._rows.append(label)
            self.next_grid.addWidget(code, row, 0)
            self.next_grid.addWidget(mark, row, 1)
            self.next_grid.addWidget(service, row, 2)
        self.next_grid.setColumnStretch(2, 1)
        self.empty.setVisible(not shown)
        self.empty.setText(self.tr("Tidak ada yang menunggu untuk layanan yang Anda layani."))
        total_waiting = sum(s.waiting for s in queue.services if s.active)
        hidden = max(0, total_waiting - len(shown))
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("dan {n} lainnya").format(n=hidden))

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(18), m.px(14), m.px(18), m.px(14))
        self.box.setSpacing(m.px(6))
        self.services_grid.setHorizontalSpacing(m.px(12))
        self.services_grid.setVerticalSpacing(m.px(4))
        self.next_grid.setHorizontalSpacing(m.px(16))
        self.next_grid.setVerticalSpacing(m.px(3))
        self.stats_row.setSpacing(m.px(8))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
