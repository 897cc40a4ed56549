"""One labelled field of a setup page: the label, the editor, a help line and, when a value is
refused, the reason right beneath the editor. Pages build their forms from these."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.theme import set_props
from ui.widgets.plain_label import PlainLabel


class FormField(QWidget):
    def __init__(self, editor: QWidget, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = PlainLabel(self)
        self.label.setProperty("textRole", "fieldLabel")
        self.help = PlainLabel(self)
        self.help.setProperty("textRole", "fieldHelp")
        self.help.setWordWrap(True)
        self.error = PlainLabel(self)
        self.error.setProperty("textRole", "fieldError")
        self.error.setWordWrap(True)
        if name:
            self.setObjectName(f"{name}Field")
            editor.setObjectName(name)
            self.error.setObjectName(f"{name}Error")
        editor.setParent(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.label)
        box.addWidget(editor, 1)
        box.addWidget(self.error)
        box.addWidget(self.help)
        self.error.hide()
        self.help.hide()

    def set_texts(self, label: str, help_text: str = "") -> None:
        self.label.setText(label)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))

    def show_error(self, text: str, *, ok: bool = False) -> None:
        """The reason beside the field (``ok=True``: a good outcome, in green)."""
        self.error.setText(text)
        set_props(self.error, textRole="fieldOk" if ok else "fieldError")
        set_props(self.editor, state="" if ok else "error")
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        set_props(self.editor, state="")

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""
