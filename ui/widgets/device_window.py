"""The window of a kiosk, a board or the technician's setup: full screen, frameless and impossible
to close unless ``windowed`` (a normal window, for testing, demos and screenshots), and styled for
its own size whenever that changes."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.theme import Metrics, metrics_for


class DeviceWindow(QWidget):
    """Subclasses build their content, then call ``restyle()``; they implement ``apply_style(m)``."""

    def __init__(self, *, windowed: bool, hide_pointer: bool = True) -> None:
        super().__init__()
        self.windowed = windowed
        if not windowed:
            self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowStaysOnTopHint)
            if hide_pointer:
                self.setCursor(Qt.CursorShape.BlankCursor)  # a touch screen or a TV shows no pointer
        self._styled_for: tuple[int, int] | None = None
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.timeout.connect(self._on_restyle_timer_timeout)

    def apply_style(self, m: Metrics) -> None:
        """Set the style sheet and sizes for metrics ``m``."""
        raise NotImplementedError

    def restyle(self) -> None:
        """Style for the current size, once per size."""
        m = metrics_for(self)
        key = (m.width, m.height)
        if key == self._styled_for:
            return
        self._styled_for = key
        self.apply_style(m)

    def show_device(self, size: tuple[int, int]) -> None:
        """Full screen, or a normal window of ``size`` when ``windowed``."""
        if self.windowed:
            self.resize(*size)
            self.show()
        else:
            self.show_kiosk()

    def close_for_good(self) -> None:
        """Close even a full-screen device window (the app is stopping) and delete it."""
        self.windowed = True
        self.close()
        self.deleteLater()

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

    def _on_restyle_timer_timeout(self) -> None:
        self.restyle()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Restyle now so the first frame at a new size is right; the timer catches a burst of resizes.
        self.restyle()
        self._restyle_timer.start(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.windowed:
            event.accept()
        else:
            event.ignore()  # Alt+F4 or a window manager's close: the device stays
