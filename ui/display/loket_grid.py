"""Every loket's current number in a grid: name, the ticket at the loket (or a dash), and whether it
is paused (until when, if its officer said) or closed. The grid picks the number of columns that
gives the largest tiles."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from core.models import CounterState
from ui.display.board_state import Loket
from ui.display.scaled_text import ScaledText
from ui.theme import set_props

_CENTRE = Qt.AlignmentFlag.AlignCenter
DASH = "\u2014"
TILE_ASPECT = 1.75      # a tile is about this much wider than high, so "B2-014" fits large
MAX_ASPECT = 3.0        # and never wider than this: a few lokets make tall tiles, not bands


def grid_shape(count: int, width: int, height: int, gap: int) -> tuple[int, int, int, int]:
    """(columns, rows, tile width, tile height) giving the largest tiles for ``count`` lokets."""
    if count <= 0 or width <= 0 or height <= 0:
        return 0, 0, 0, 0
    best: tuple[float, int, int] | None = None
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        tile_w = (width - gap * (cols - 1)) / cols
        tile_h = (height - gap * (rows - 1)) / rows
        score = min(tile_h, tile_w / TILE_ASPECT)
        if best is None or score > best[0]:
            best = (score, cols, rows)
    assert best is not None
    _, cols, rows = best
    tile_w = (width - gap * (cols - 1)) // cols
    tile_h = (height - gap * (rows - 1)) // rows
    tile_h = min(tile_h, int(tile_w / 1.2))
    tile_w = min(tile_w, int(tile_h * MAX_ASPECT))
    return cols, rows, max(1, tile_w), max(1, tile_h)


class LoketTile(QFrame):
    def __init__(self, loket: Loket, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "loketTile")
        self.loket = loket
        self._now = now
        self.name = ScaledText("", self, role="tileName", ratio=0.74, align=_CENTRE)
        self.code = ScaledText("", self, role="tileCode", ratio=0.84, min_ratio=0.4, align=_CENTRE)
        self.status = ScaledText("", self, role="tileState", ratio=0.74, align=_CENTRE)
        self.box = QVBoxLayout(self)
        self.box.setSpacing(0)
        self.box.addWidget(self.name, 26)
        self.box.addWidget(self.code, 50)
        self.box.addWidget(self.status, 22)
        self.show_loket(loket)

    def show_loket(self, loket: Loket) -> None:
        self.loket = loket
        self.name.setText(loket.name)
        self.code.setText(loket.code or DASH)
        if loket.state is CounterState.PAUSED:
            self.status.setText(self._paused_text(loket))
        elif loket.state is CounterState.CLOSED:
            self.status.setText(self.tr("Tutup"))
        else:
            self.status.setText("")
        set_props(self, state=loket.state.value)

    def _paused_text(self, loket: Loket) -> str:
        """"Istirahat sampai 13.00" while the return time is ahead, else "Istirahat". A typed reason is
        the officer's note, not for the hall: it reads as a break."""
        back = loket.back_at(self._now())
        if back is None:
            return self.tr("Istirahat")
        at = f"{back:%H.%M}"
        if loket.pause_reason == "sholat":
            return self.tr("Sholat sampai {time}").format(time=at)
        if loket.pause_reason == "rapat":
            return self.tr("Rapat sampai {time}").format(time=at)
        return self.tr("Istirahat sampai {time}").format(time=at)

    def tick(self) -> None:
        """A minute may have passed: a return time now behind leaves the tile."""
        if self.loket.pause_until is not None and self.loket.state is CounterState.PAUSED:
            self.status.setText(self._paused_text(self.loket))

    def set_highlight(self, on: bool) -> None:
        set_props(self, highlight="true" if on else "false")

    def highlighted(self) -> bool:
        return self.property("highlight") == "true"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_loket(self.loket)
        super().changeEvent(event)


class LoketGrid(QWidget):
    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoketGrid")
        self._now = now
        self.tiles: dict[int, LoketTile] = {}
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        self._ticker.start()
        self._order: list[int] = []
        self._gap = 12
        self._padding = 8
        self._highlight: int | None = None

    def set_lokets(self, lokets: Sequence[Loket]) -> None:
        """Show these lokets in this order; tiles are made or dropped only when the set changes."""
        ids = [loket.id for loket in lokets]
        for gone in set(self.tiles) - set(ids):
            self.tiles.pop(gone).deleteLater()
        for loket in lokets:
            tile = self.tiles.get(loket.id)
            if tile is None:
                tile = self.tiles[loket.id] = LoketTile(loket, self._now, self)
                tile.set_highlight(loket.id == self._highlight)
                tile.show()
            elif tile.loket != loket:
                tile.show_loket(loket)
        if ids != self._order:
            self._order = ids
            self._place()

    def _on_ticker_timeout(self) -> None:
        for tile in self.tiles.values():
            tile.tick()

    def tile(self, loket_id: int) -> LoketTile | None:
        return self.tiles.get(loket_id)

    def set_highlight(self, loket_id: int | None) -> None:
        """Mark the loket just called (None: no mark)."""
        self._highlight = loket_id
        for tile_id, tile in self.tiles.items():
            tile.set_highlight(tile_id == loket_id)

    def apply_metrics(self, gap: int, padding: int) -> None:
        self._gap = gap
        self._padding = padding
        self._place()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        cols, _, tile_w, tile_h = grid_shape(len(self._order), self.width(), self.height(), self._gap)
        if not cols:
            return
        used_w = cols * tile_w + (cols - 1) * self._gap
        left = (self.width() - used_w) // 2
        padding = self._padding
        for index, loket_id in enumerate(self._order):
            row, col = divmod(index, cols)
            tile = self.tiles[loket_id]
            tile.box.setContentsMargins(padding, padding // 3, padding, padding // 3)
            tile.setGeometry(QRect(left + col * (tile_w + self._gap), row * (tile_h + self._gap), tile_w, tile_h))
