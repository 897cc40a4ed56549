"""The counter app's one window: a normal, resizable desktop window (1280×800 to start, usable at
1024×700) with the top band, the offline banner and the stack of screens. Sizes follow the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.counter.bar import CounterBar
from ui.counter.style import DeskMetrics, desk_stylesheet
from ui.widgets.banner import NoticeBanner

DEFAULT_SIZE = (1280, 800)
MINIMUM_SIZE = (1024, 700)


class CounterWindow(QWidget):
    def __init__(self, bar: CounterBar, banner: NoticeBanner, stack: QStackedWidget) -> None:
        super().__init__()
        self.setObjectName("CounterWindow")
        self.bar, self.banner, self.stack = bar, banner, stack
        stack.setObjectName("CounterStack")
        for child in (bar, banner, stack):
            child.setParent(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(bar)
        box.addWidget(banner)
        box.addWidget(stack, 1)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*DEFAULT_SIZE)
        self._styled_for: tuple[int, int] | None = None
        self._restyle_timer = QTimer(self)
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.timeout.connect(self._on_restyle_timer_timeout)
        self.restyle()

    def metrics(self) -> DeskMetrics:
        return DeskMetrics(max(1, self.width()), max(1, self.height()))

    def restyle(self) -> None:
        m = self.metrics()
        key = (round(m.unit * 20), 0)  # the sheet changes only when the scale does (in 5 % steps)
        if key == self._styled_for:
            return
        self._styled_for = key
        self.setStyleSheet(desk_stylesheet(m))
        self.bar.apply_metrics(m)
        # Sized here, not with the banner's own kiosk-sized metrics: at least this tall, taller
        # rather than cut when a text wraps.
        self.banner.setMinimumHeight(m.banner_height)
        self.banner.box.setContentsMargins(m.margin, m.px(4), m.margin, m.px(4))
        for index in range(self.stack.count()):
            screen = self.stack.widget(index)
            if hasattr(screen, "apply_metrics"):
                screen.apply_metrics(m)

    def _on_restyle_timer_timeout(self) -> None:
        self.restyle()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._restyle_timer.start(50)  # once a drag of the window's edge settles
