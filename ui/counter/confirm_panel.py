"""Ask before a step that is hard to take back (a no-show, leaving with a citizen at the loket):
what will happen, one large button that does it (Enter), and one that goes back (Esc)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.counter.style import DeskMetrics
from ui.theme import set_props
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton


class ConfirmPanel(QFrame):
    confirmed = Signal(str)   # the question's name, as ``ask`` was given it
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConfirmPanel")
        self.setProperty("role", "panel")
        self._question = ""
        self.title = PlainLabel(self)
        self.title.setObjectName("ConfirmTitle")
        self.title.setProperty("textRole", "panelTitle")
        self.title.setWordWrap(True)
        self.body = PlainLabel(self)
        self.body.setObjectName("ConfirmBody")
        self.body.setWordWrap(True)
        self.confirm = TouchButton(role="action", centred=True, parent=self)
        self.confirm.setObjectName("ConfirmYes")
        self.cancel = TouchButton(role="action", centred=True, parent=self)
        self.cancel.setObjectName("ConfirmNo")
        for button in (self.confirm, self.cancel):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.confirm.clicked.connect(self._on_confirm_clicked)
        self.cancel.clicked.connect(self._on_cancel_clicked)
        keys = {Qt.Key.Key_Return: self._on_confirm_clicked, Qt.Key.Key_Enter: self._on_confirm_clicked,
                Qt.Key.Key_Escape: self._on_cancel_clicked}
        self.keys: list[QShortcut] = []
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.keys.append(shortcut)
        row = QHBoxLayout()
        row.addWidget(self.confirm, 3)
        row.addWidget(self.cancel, 2)
        self.row = row
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addLayout(row, 1)

    def ask(self, question: str, title: str, body: str, confirm: str, *, variant: str = "warn") -> None:
        """Show ``title`` and ``body``; ``confirm`` labels the button that answers yes."""
        self._question = question
        self.title.setText(title)
        self.body.setText(body)
        self.confirm.set_texts(confirm, "Enter")
        set_props(self.confirm, variant=variant)
        self.cancel.set_texts(self.tr("Batal"), "Esc")
        self.confirm.setFocus()

    def question(self) -> str:
        return self._question

    def _on_confirm_clicked(self) -> None:
        if self._question:
            self.confirmed.emit(self._question)

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(16), m.px(12), m.px(16), m.px(12))
        self.box.setSpacing(m.px(8))
        self.row.setSpacing(m.px(10))
        for button in (self.confirm, self.cancel):
            button.setMinimumHeight(m.px(72))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.cancel.set_texts(self.tr("Batal"), "Esc")
        super().changeEvent(event)
