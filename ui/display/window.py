"""The board's one window: full screen, frameless, no pointer and no way to close it, unless
``--windowed`` (a normal window, for testing and screenshots). Styled for its size."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ui.display.board_screen import BoardScreen
from ui.display.theme import board_stylesheet
from ui.theme import Metrics
from ui.widgets.device_window import DeviceWindow


class BoardWindow(DeviceWindow):
    def __init__(self, board: BoardScreen, *, windowed: bool) -> None:
        super().__init__(windowed=windowed)
        self.setObjectName("BoardWindow")
        self.setWindowTitle("Anjungan \u2014 Papan Antrean")
        self.board = board
        board.setParent(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(board)
        self.restyle()

    def apply_style(self, m: Metrics) -> None:
        self.setStyleSheet(board_stylesheet(m))
        self.board.apply_metrics(m)
