"""The kiosk's one window: header, offline banner and the stack of screens. In kiosk mode it is
full screen and frameless and cannot be closed; ``--windowed`` gives a normal window for testing."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.theme import Metrics, metrics_for, stylesheet
from ui.widgets.banner import NoticeBanner
from ui.widgets.device_window import DeviceWindow
from ui.widgets.header import Header


class KioskWindow(DeviceWindow):
    def __init__(self, header: Header, banner: NoticeBanner, stack: QStackedWidget, *, windowed: bool) -> None:
        super().__init__(windowed=windowed)
        self.setObjectName("KioskWindow")
        self.setWindowTitle("Anjungan")
        self.header, self.banner, self.stack = header, banner, stack
        stack.setObjectName("KioskStack")
        for child in (header, banner, stack):
            child.setParent(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(header)
        box.addWidget(banner)
        box.addWidget(stack, 1)
        self.restyle()

    def add_screen(self, screen: QWidget) -> None:
        self.stack.addWidget(screen)
        if self._styled_for is not None:
            screen.apply_metrics(metrics_for(self))

    def apply_style(self, m: Metrics) -> None:
        """The style sheet for this window size (sizes follow the window), and every part's metrics."""
        self.setStyleSheet(stylesheet(m))
        self.header.apply_metrics(m)
        self.banner.apply_metrics(m)
        for index in range(self.stack.count()):
            self.stack.widget(index).apply_metrics(m)
