"""One line (two, with the other language) that says what just happened and what to do next,
coloured by tone; hidden when there is nothing to say, and gone by itself once it no longer holds:
the screen that shows it withdraws it when its condition ends, and any other goes after a while."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.counter.messages import StaffMessage
from ui.counter.style import DeskMetrics
from ui.i18n import Translations
from ui.theme import set_props
from ui.widgets.bilingual import BilingualText

# How long a notice stays when nothing ends it sooner: a confirmation ("B-012 selesai dilayani") is
# read at a glance; a refusal says what to do next, so it stays longer. The app's timings set these.
CONFIRMATION_MS = 15_000
REFUSAL_MS = 60_000


class Notice(QFrame):
    def __init__(self, translations: Translations, parent: QWidget | None = None, *,
                 times_out: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("Notice")
        self._message: StaffMessage | None = None
        self._times_out = times_out
        self._lifetimes = (CONFIRMATION_MS, REFUSAL_MS)
        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        self.expiry.timeout.connect(self.clear)
        self.text = BilingualText(translations, self, role="noticeMain", other_role="noticeOther",
                                  align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, min_ratio=0.75)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.text)
        self.hide()

    def set_lifetimes(self, confirmation_ms: int, refusal_ms: int) -> None:
        self._lifetimes = (confirmation_ms, refusal_ms)

    def show_message(self, message: StaffMessage, *, stays: bool = False) -> None:
        """Show ``message``; unless it ``stays`` (it holds as long as its screen is shown), it goes
        after its time."""
        self._message = message
        set_props(self, tone=message.tone)
        self.text.set_text(message.text)
        self.show()
        self.expiry.stop()
        if self._times_out and not stays:
            self.expiry.start(self._lifetimes[0] if message.tone == "ok" else self._lifetimes[1])

    def clear(self) -> None:
        self._message = None
        self.expiry.stop()
        self.text.set_text(None)
        self.hide()

    def withdraw(self, codes: Collection[str]) -> None:
        """Clear the notice if it is one of ``codes``: what it said no longer holds."""
        if self._message is not None and self._message.code in codes:
            self.clear()

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
