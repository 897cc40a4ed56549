"""Pick why the loket pauses: istirahat, sholat, rapat or another reason typed in; keys 1–4 pick,
Esc goes back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.counter.actions import PAUSE_REASONS
from ui.counter.style import DeskMetrics
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton


def reason_label(reason: str | None) -> str:
    """A pause reason as staff read it: a known code by its name, anything else as typed."""
    # Spelled out in full so lupdate finds each text under its context.
    names = {"istirahat": QCoreApplication.translate("PausePanel", "Istirahat"),
             "sholat": QCoreApplication.translate("PausePanel", "Sholat"),
             "rapat": QCoreApplication.translate("PausePanel", "Rapat"),
             "lainnya": QCoreApplication.translate("PausePanel", "Lainnya")}
    return names.get(reason or "", reason or "")


class PausePanel(QFrame):
    reason_chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PausePanel")
        self.setProperty("role", "panel")
        self.title = PlainLabel(self)
        self.title.setProperty("textRole", "panelTitle")
        self.buttons: dict[str, TouchButton] = {}
        grid = QGridLayout()
        for index, reason in enumerate(PAUSE_REASONS):
            button = TouchButton(role="reason", centred=True, parent=self)
            button.setObjectName(f"reason-{reason}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, r=reason: self._on_reason_clicked(r))
            key = QShortcut(QKeySequence(str(index + 1)), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda r=reason: self._on_reason_clicked(r))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(button, index // 2, index % 2)  # 2×2: as big as the action buttons they replace
            self.buttons[reason] = button
        self.grid = grid
        self.other_label = PlainLabel(self)
        self.other_label.setProperty("textRole", "fieldLabel")
        self.other = QLineEdit(self)
        self.other.setObjectName("PauseOther")
        self.other.setMaxLength(60)
        self.other.returnPressed.connect(self._on_other_return_pressed)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("PauseCancel")
        self.cancel.setProperty("role", "secondary")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self._on_cancel_clicked)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other_label)
        other_row.addWidget(self.other, 1)
        other_row.addWidget(self.cancel)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addLayout(grid, 1)
        self.box.addLayout(other_row)
        self.retranslate_ui()

    def open(self) -> None:
        self.other.clear()
        self.buttons[PAUSE_REASONS[0]].setFocus()

    def _on_reason_clicked(self, reason: str) -> None:
        if reason == "lainnya":
            typed = self.other.text().strip()
            if not typed:
                self.other.setFocus()  # say what, then Enter
                return
            reason = typed
        self.reason_chosen.emit(reason)

    def _on_other_return_pressed(self) -> None:
        typed = self.other.text().strip()
        if typed:
            self.reason_chosen.emit(typed)

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Istirahat: pilih alasannya"))
        for index, (reason, button) in enumerate(self.buttons.items()):
            button.set_texts(reason_label(reason), str(index + 1))
        self.other_label.setText(self.tr("Alasan lain:"))
        self.other.setPlaceholderText(self.tr("ketik alasan, lalu Enter"))
        self.cancel.setText(self.tr("Batal (Esc)"))

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(16), m.px(12), m.px(16), m.px(12))
        self.box.setSpacing(m.px(8))
        self.grid.setSpacing(m.px(10))
        for button in self.buttons.values():
            button.setMinimumHeight(m.px(72))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
