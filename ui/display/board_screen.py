"""The hall board: header with the MPP's name and the clock, the latest call large, the previous
calls, every loket's current number, and the running text. It shows what the controller gives it;
it asks for nothing and does no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from ui.display.board_header import BoardHeader
from ui.display.board_state import Call, Loket
from ui.display.latest_call import LatestCallPanel
from ui.display.loket_grid import LoketGrid
from ui.display.marquee import Marquee
from ui.display.recent_calls import RecentCalls
from ui.i18n import Text, Translations
from ui.theme import Metrics
from ui.widgets.banner import NoticeBanner

FLASH_MS = 450
FLASHES = 4


class BoardScreen(QWidget):
    def __init__(self, translations: Translations, now: Callable[[], datetime],
                 parent: QWidget | None = None, *, recent_rows: int = 6, flash_ms: int = FLASH_MS,
                 flashes: int = FLASHES) -> None:
        super().__init__(parent)
        self.setObjectName("BoardScreen")
        self.header = BoardHeader(now, self)
        self.banner = NoticeBanner(translations, "OfflineBanner", self)
        self.body = QWidget(self)
        self.body.setObjectName("BoardBody")
        self.latest = LatestCallPanel(self.body, flash_ms=flash_ms, flashes=flashes)
        self.recent = RecentCalls(self.body, rows=recent_rows)
        self.grid = LoketGrid(now, self.body)
        self.marquee = Marquee(self)

        self.left = QVBoxLayout()
        self.left.addWidget(self.latest, 12)
        self.left.addWidget(self.recent, 8)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.body)
        self.columns.addLayout(self.left, 42)
        self.columns.addWidget(self.grid, 58)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.header)
        box.addWidget(self.banner)
        box.addWidget(self.body, 1)
        box.addWidget(self.marquee)

        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(flash_ms * flashes * 2)
        self._highlight_timer.timeout.connect(self._on_highlight_timer_timeout)
        self.latest.show_call(None)

    # -- what the controller tells it ------------------------------------------------------------

    def set_site(self, name: str, tz_label: str) -> None:
        self.header.set_site(name, tz_label)

    def set_running_text(self, text: str) -> None:
        self.marquee.setText(text)

    def show_calls(self, calls: Sequence[Call], fresh: Call | None = None) -> None:
        """``calls`` newest first; ``fresh`` is the call that just came, which flashes."""
        self.show_latest_and_earlier(calls[0] if calls else None, calls[1:], fresh)

    def show_latest_and_earlier(self, latest: Call | None, earlier: Sequence[Call],
                                fresh: Call | None = None) -> None:
        """``latest`` in the big panel (None: waiting for the next call), ``earlier`` in the list,
        newest first; ``fresh`` is the call that just came, which flashes."""
        flash = fresh is not None and fresh == latest
        if latest != self.latest.call() or flash:
            self.latest.show_call(latest, flash=flash)
        self.recent.set_calls(earlier)
        if flash and latest is not None:
            self.grid.set_highlight(latest.counter_id)
            self._highlight_timer.start()

    def set_lokets(self, lokets: Sequence[Loket]) -> None:
        self.grid.set_lokets(lokets)

    def set_notice(self, text: Text | None) -> None:
        """A banner across the board (e.g. the server cannot be reached); None hides it."""
        if text is None:
            self.banner.clear()
            return
        self.banner.show_text(text)
        # Until a text is translated both lines say the same: show it once.
        main, other = self.banner.text.texts()
        self.banner.text.other.setVisible(other != main)

    def set_speaking(self, code: str | None) -> None:
        """Mark the call whose voice is playing, wherever it is on the board."""
        latest = self.latest.call()
        self.latest.set_speaking(code is not None and latest is not None and latest.code == code)
        self.recent.set_speaking(code)

    def apply_metrics(self, m: Metrics) -> None:
        px = m.px
        self.header.apply_height(px(132), px(30))
        self.banner.apply_metrics(m)
        self.marquee.setFixedHeight(px(78))
        self.marquee.setContentsMargins(px(16), px(8), px(16), px(4))
        margin, gap = px(26), px(22)
        self.columns.setContentsMargins(margin, margin, margin, margin)
        self.columns.setSpacing(gap)
        self.left.setSpacing(gap)
        landscape = m.landscape
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                  else QBoxLayout.Direction.TopToBottom)
        self.columns.setStretch(0, 42 if landscape else 55)
        self.columns.setStretch(1, 58 if landscape else 45)
        self.latest.apply_metrics(px(30))
        self.recent.apply_metrics(px(18), px(10))
        self.grid.apply_metrics(px(14), px(10))

    # -- what a person sees (for tests and the bench) ----------------------------------------------

    def latest_code(self) -> str:
        return self.latest.code.text() if self.latest.call() is not None else ""

    def latest_loket(self) -> str:
        return self.latest.loket.text()

    def recent_codes(self) -> list[str]:
        return self.recent.codes()

    def _on_highlight_timer_timeout(self) -> None:
        self.grid.set_highlight(None)
