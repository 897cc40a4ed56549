"""One line (two, with the other language) that says what just happened and what to do next,
coloured by tone; hidden when there is nothing to say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.counter.messages import StaffMessage
from ui.counter.style import DeskMetrics
from ui.i18n import Translations
from ui.theme import set_props
from ui.widgets.bilingual import BilingualText


class Notice(QFrame):
    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Notice")
        self._message: StaffMessage | None = None
        self.text = BilingualText(translations, self, role="noticeMain", other_role="noticeOther",
                                  align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, min_ratio=0.75)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.text)
        self.hide()

    def show_message(self, message: StaffMessage) -> None:
        self._message = message
        set_props(self, tone=message.tone)
        self.text.set_text(message.text)
        self.show()

    def clear(self) -> None:
        self._message = None
        self.text.set_text(None)
        self.hide()

    def message(self) -> StaffMessage | None:
        return self._message

    def code(self) -> str:
        return self._message.code if self._message else ""

    def texts(self) -> tuple[str, str]:
        return self.text.texts()

    def apply_metrics(self, m: DeskMetrics) -> None:
        # At least this tall, and taller by as many lines as its texts wrap to at the width it has:
        # a fixed height cut the second line of the longer notices at 1280×800 and below.
        self.setMinimumHeight(m.px(64))
        self.box.setContentsMargins(m.px(14), m.px(6), m.px(14), m.px(6))
