"""A citizen marked no-show turns up late the same day: type the ticket's code, Enter puts it back in
the queue by its original queue time; Esc goes back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.counter.style import DeskMetrics
from ui.widgets.plain_label import PlainLabel


class LatePanel(QFrame):
    code_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LatePanel")
        self.setProperty("role", "panel")
        self.title = PlainLabel(self)
        self.title.setProperty("textRole", "panelTitle")
        self.hint = PlainLabel(self)
        self.hint.setProperty("textRole", "hint")
        self.hint.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setObjectName("LateCode")
        self.code.setMaxLength(20)
        self.code.returnPressed.connect(self._on_confirm_clicked)
        self.confirm = QPushButton(self)
        self.confirm.setObjectName("LateConfirm")
        self.confirm.setProperty("role", "primary")
        self.confirm.clicked.connect(self._on_confirm_clicked)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("LateCancel")
        self.cancel.setProperty("role", "secondary")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self._on_cancel_clicked)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.confirm)
        row.addWidget(self.cancel)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.hint)
        self.box.addLayout(row)
        self.box.addStretch(1)
        self.retranslate_ui()

    def open(self) -> None:
        self.code.clear()
        self.code.setFocus()

    def _on_confirm_clicked(self) -> None:
        typed = self.code.text().strip()
        if typed:
            self.code_entered.emit(typed)
        else:
            self.code.setFocus()

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Warga datang terlambat"))
        self.hint.setText(self.tr("Ketik nomor tiket yang hari ini ditandai tidak hadir di loket ini. Tiket "
                                  "kembali ke antrean di tempat semula, menurut jam ambilnya."))
        self.code.setPlaceholderText(self.tr("mis. B-012"))
        self.confirm.setText(self.tr("Kembalikan ke antrean (Enter)"))
        self.cancel.setText(self.tr("Batal (Esc)"))

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(16), m.px(12), m.px(16), m.px(12))
        self.box.setSpacing(m.px(8))
        self.code.setMinimumHeight(m.px(44))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
