"""The row at the bottom of a kiosk screen: back, and straight home. Texts come from the screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.widgets.touch_button import TouchButton


class NavBar(QWidget):
    back_clicked = Signal()
    home_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = TouchButton(role="nav", centred=True, parent=self)
        self.home = TouchButton(role="nav", centred=True, parent=self)
        self.back.setObjectName("BackButton")
        self.home.setObjectName("HomeButton")
        self.back.clicked.connect(self.back_clicked)
        self.home.clicked.connect(self.home_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back, 1)
        row.addStretch(1)
        row.addWidget(self.home, 1)

    def set_texts(self, back: str, home: str) -> None:
        self.back.set_texts(back)
        self.home.set_texts(home)
