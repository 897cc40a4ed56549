"""The board's one window: full screen, frameless, no pointer and no way to close it, unless
``--windowed`` (a normal window, for testing and screenshots). Styled for its size."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.display.board_screen import BoardScreen
from ui.display.theme import board_stylesheet
from ui.theme import metrics_for


class BoardWindow(QWidget):
    def __init__(self, board: BoardScreen, *, windowed: bool) -> None:
        super().__init__()
        self.setObjectName("BoardWindow")
        self.setWindowTitle("Anjungan \u2014 Papan Antrean")
        self.windowed = windowed
        if not windowed:
            self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowStaysOnTopHint)
            self.setCursor(Qt.CursorShape.BlankCursor)
        self.board = board
        board.setParent(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(board)
        self._styled_for: tuple[int, int] | None = None
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.timeout.connect(self._on_restyle_timer_timeout)
        self.restyle()

    def restyle(self) -> None:
        m = metrics_for(self)
        key = (m.width, m.height)
        if key == self._styled_for:
            return
        self._styled_for = key
        self.setStyleSheet(board_stylesheet(m))
        self.board.apply_metrics(m)

    def _on_restyle_timer_timeout(self) -> None:
        self.restyle()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.restyle()
        self._restyle_timer.start(0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.windowed:
            event.accept()
        else:
            event.ignore()  # Alt+F4 or the window manager: the board stays
