"""Pick the service a ticket moves to: every active service but its own, by agency; Enter or a
double click confirms, Esc goes back."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.counter.style import DeskMetrics
from ui.widgets.plain_label import PlainLabel


@dataclass(frozen=True)
class TransferTarget:
    service_id: str
    name: str
    agency: str
    waiting: int


class TransferPanel(QFrame):
    target_chosen = Signal(str)  # service id
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TransferPanel")
        self.setProperty("role", "panel")
        self._targets: list[TransferTarget] = []
        self._code = ""
        self.title = PlainLabel(self)
        self.title.setProperty("textRole", "panelTitle")
        self.hint = PlainLabel(self)
        self.hint.setProperty("textRole", "hint")
        self.list = QListWidget(self)
        self.list.setObjectName("TransferList")
        self.list.setWordWrap(True)  # long service names wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are measured again when the width changes (e.g. the scroll bar appears), so a long
        # name wraps rather than being cut off with "…".
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._on_list_item_activated)
        # The selection settles after the current row changes: follow both.
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.confirm = QPushButton(self)
        self.confirm.setObjectName("TransferConfirm")
        self.confirm.setProperty("role", "primary")
        self.confirm.clicked.connect(self._on_confirm_clicked)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("TransferCancel")
        self.cancel.setProperty("role", "secondary")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self._on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.list, 1)
        self.box.addLayout(buttons)
        self.retranslate_ui()

    def open_for(self, code: str, targets: list[TransferTarget]) -> None:
        self._code = code
        self._targets = list(targets)
        self.list.clear()
        for target in targets:
            text = self.tr("{service} — {agency} · {n} menunggu").format(
                service=target.name, agency=target.agency, n=target.waiting)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, target.service_id)
        self.list.setCurrentRow(-1)
        self.list.setFocus()
        self.retranslate_ui()
        self._on_list_current_row_changed(self.list.currentRow())

    def targets(self) -> list[TransferTarget]:
        return list(self._targets)

    def select(self, service_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == service_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(service_id)

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def _on_list_current_row_changed(self, _row: int) -> None:
        self.confirm.setEnabled(self._chosen() is not None)

    def _on_list_item_selection_changed(self) -> None:
        self.confirm.setEnabled(self._chosen() is not None)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.target_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _on_confirm_clicked(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.target_chosen.emit(chosen)

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Alihkan {code} ke layanan lain").format(code=self._code) if self._code
                           else self.tr("Alihkan ke layanan lain"))
        self.hint.setText(self.tr("Pilih layanan, lalu Enter. Esc untuk batal."))
        self.confirm.setText(self.tr("Alihkan"))
        self.cancel.setText(self.tr("Batal (Esc)"))

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(16), m.px(12), m.px(16), m.px(12))
        self.box.setSpacing(m.px(8))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
