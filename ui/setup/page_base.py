"""What the setup pages share beyond ``SetupPage``: a titled, scrolling form column, retranslation,
and a short-timeout backend client for one check made off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from core.client import BackendClient
from core.retry import RetryPolicy
from ui.i18n import Text
from ui.setup.page import SetupContext, SetupPage
from ui.setup.reasons import render
from ui.theme import Metrics
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton


def probe_client(url: str, token: str | None = None) -> BackendClient:
    """One try, short waits: a technician hears about a wrong address in seconds."""
    return BackendClient(url, token, connect_timeout=3.0, read_timeout=6.0, retry=RetryPolicy(max_attempts=1))


class FormPage(SetupPage):
    """A page whose fields stack in one column (scrolling when the screen is short)."""

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName(type(self).__name__)
        self.body = QWidget()
        self.body.setObjectName("SetupPageBody")
        self.form = QVBoxLayout(self.body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setSpacing(18)
        self.buttons: list[TouchButton] = []
        scroll = QScrollArea(self)
        self.scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        scroll.viewport().setAutoFillBackground(False)
        self.body.setAutoFillBackground(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll)

    def button(self, name: str, *, ok: bool = True) -> TouchButton:
        """A form button, as wide as its text needs and as tall as a finger needs."""
        button = TouchButton(role="form", centred=True, parent=self.body)
        button.setObjectName(name)
        if ok:
            button.setProperty("variant", "ok")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.setFixedSize(380, 80)
        self.buttons.append(button)
        return button

    @staticmethod
    def button_row(*buttons: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        return row

    def apply_metrics(self, m: Metrics) -> None:
        """Called by the setup window when its size changes."""
        self.form.setSpacing(m.px(18))
        for button in self.buttons:
            button.setFixedSize(m.px(420), max(m.touch_min, m.px(84)))

    def reveal(self, widget: QWidget) -> None:
        """Scroll so ``widget`` (a refused field) is on the screen."""
        self.scroll.ensureWidgetVisible(widget, 0, 40)

    def note(self, role: str = "fieldHelp") -> QLabel:
        label = PlainLabel(self.body)
        label.setProperty("textRole", role)
        label.setWordWrap(True)
        return label

    def text(self, t: Text) -> str:
        return render(t, self.context.translations)

    def retranslate_ui(self) -> None:
        """Set every text again in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
