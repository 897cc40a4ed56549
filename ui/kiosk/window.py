"""The kiosk's one window: header, offline banner and the stack of screens. In kiosk mode it is
full screen and frameless and cannot be closed; ``--windowed`` gives a normal window for testing."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.theme import Metrics, metrics_for, stylesheet
from ui.widgets.banner import NoticeBanner
from ui.widgets.header import Header


class KioskWindow(QWidget):
    def __init__(self, header: Header, banner: NoticeBanner, stack: QStackedWidget, *, windowed: bool) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setWindowTitle("Anjungan")
        self.windowed = windowed
        if not windowed:
            self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowStaysOnTopHint)
            self.setCursor(Qt.CursorShape.BlankCursor)  # a touch screen shows no mouse pointer
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
        self._styled_for: tuple[int, int] | None = None
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.timeout.connect(self._on_restyle_timer_timeout)
        self.restyle()

    def show_kiosk(self) -> None:
        """Full screen on the primary screen. The geometry is set too: without a window manager
        (a bare X server on a kiosk PC) "full screen" alone is only a request nobody grants."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        screen.geometryChanged.connect(self._on_screen_geometry_changed)

    def _on_screen_geometry_changed(self, geometry: QRect) -> None:
        # The display was rotated or its resolution changed: fill it again.
        self.setGeometry(geometry)

    def add_screen(self, screen: QWidget) -> None:
        self.stack.addWidget(screen)
        if self._styled_for is not None:
            screen.apply_metrics(metrics_for(self))

    def restyle(self) -> None:
        """Build the style sheet for this window size (sizes follow the window)."""
        m = metrics_for(self)
        key = (m.width, m.height)
        if key == self._styled_for:
            return
        self._styled_for = key
        self.setStyleSheet(stylesheet(m))
        self._apply_metrics(m)

    def _apply_metrics(self, m: Metrics) -> None:
        self.header.apply_metrics(m)
        self.banner.apply_metrics(m)
        for index in range(self.stack.count()):
            self.stack.widget(index).apply_metrics(m)

    def _on_restyle_timer_timeout(self) -> None:
        self.restyle()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Restyle now so the first frame at a new size is right; the timer catches a burst of resizes.
        self.restyle()
        self._restyle_timer.start(0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.windowed:
            event.accept()
        else:
            event.ignore()  # Alt+F4, a window manager's close: the kiosk stays
