"""A grid of big tiles that pages instead of scrolling: as many tiles as fit at a touchable size, and
large "previous / next" buttons when there are more. Elderly citizens find pages easier than flicks."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ui.theme import metrics_for, set_props
from ui.widgets.fit_text import FitText
from ui.widgets.touch_button import TouchButton


@dataclass(frozen=True)
class Tile:
    key: str
    title: str
    detail: str = ""
    note: str = ""
    closed: bool = False


class TilePager(QWidget):
    """Tiles are placed by hand (no layout): rows and columns follow from the minimum tile size on
    the reference screen, so the grid is the same whatever order Qt resizes things in."""

    tile_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, max_columns: int = 3, portrait_columns: int = 2,
                 min_width: int = 400, min_height: int = 150, max_height: int = 260) -> None:
        super().__init__(parent)
        self._tiles: list[Tile] = []
        self._page = 0
        self._max_columns = max_columns
        self._portrait_columns = portrait_columns
        self._sizes = (min_width, min_height, max_height)  # on the reference screen
        self._buttons: list[TouchButton] = []
        self._shown: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.pager = QWidget(self)
        self.prev_button = TouchButton(role="pager", centred=True, parent=self.pager)
        self.next_button = TouchButton(role="pager", centred=True, parent=self.pager)
        self.prev_button.setObjectName("PrevPage")
        self.next_button.setObjectName("NextPage")
        self.page_info = FitText("", self.pager, role="pageInfo", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        row = QHBoxLayout(self.pager)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prev_button, 2)
        row.addWidget(self.page_info, 2)
        row.addWidget(self.next_button, 2)
        self.pager.hide()
        self._retranslate()

    # -- data -----------------------------------------------------------------------------------

    def set_tiles(self, tiles: list[Tile], *, keep_page: bool = False) -> None:
        """Show ``tiles``; a live refresh keeps the page the citizen is looking at."""
        self._tiles = list(tiles)
        if not keep_page:
            self._page = 0
        self._relayout()

    def tiles(self) -> list[Tile]:
        return list(self._tiles)

    def visible_buttons(self) -> dict[str, TouchButton]:
        """The tiles on the current page, by key."""
        return {key: self._buttons[i] for i, key in enumerate(self._shown)}

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        columns, rows, _ = self._shape()
        return max(1, math.ceil(len(self._tiles) / (columns * rows)))

    def show_page_of(self, key: str) -> None:
        columns, rows, _ = self._shape()
        for index, tile in enumerate(self._tiles):
            if tile.key == key:
                self._page = index // (columns * rows)
                self._relayout()
                return

    def sizeHint(self) -> QSize:
        m = metrics_for(self)
        return QSize(m.px(self._sizes[0]) * 2, m.px(self._sizes[1]) * 2)

    def minimumSizeHint(self) -> QSize:
        m = metrics_for(self)
        return QSize(m.px(self._sizes[0]), m.px(self._sizes[1]))

    # -- layout ---------------------------------------------------------------------------------

    def _pager_height(self) -> int:
        m = metrics_for(self)
        return m.px(96)

    def _shape(self) -> tuple[int, int, bool]:
        """(columns, rows, paged) for the current size and number of tiles."""
        m = metrics_for(self)
        min_w, min_h, _ = self._sizes
        spacing = m.spacing
        limit = self._max_columns if m.landscape else self._portrait_columns
        columns = max(1, min(limit, (self.width() + spacing) // (m.px(min_w) + spacing)))

        def rows_in(height: int) -> int:
            return max(1, (height + spacing) // (m.px(min_h) + spacing))

        rows = rows_in(self.height())
        if len(self._tiles) <= columns * rows:
            return columns, rows, False
        return columns, rows_in(self.height() - self._pager_height() - spacing), True

    def _relayout(self) -> None:
        m = metrics_for(self)
        columns, rows, paged = self._shape()
        per_page = columns * rows
        pages = max(1, math.ceil(len(self._tiles) / per_page))
        self._page = min(self._page, pages - 1)
        shown = self._tiles[self._page * per_page:(self._page + 1) * per_page]
        while len(self._buttons) < len(shown):
            index = len(self._buttons)
            button = TouchButton(parent=self)
            button.clicked.connect(lambda _=False, i=index: self._on_tile_clicked(i))
            self._buttons.append(button)
        spacing = m.spacing
        pager_space = self._pager_height() + spacing if paged else 0
        used_columns = min(columns, max(1, len(shown)))
        tile_w = (self.width() - (used_columns - 1) * spacing) // used_columns
        # As tall as the rows allow, up to a comfortable maximum; the rest stays empty below. On a
        # single page only the rows in use share the height (no room kept for tiles that are not there).
        if not paged:
            rows = max(1, math.ceil(len(shown) / used_columns))
        tile_h = (self.height() - pager_space - (rows - 1) * spacing) // rows
        tile_h = max(m.touch_min, min(m.px(self._sizes[2]), tile_h))
        for index, button in enumerate(self._buttons):
            if index < len(shown):
                tile = shown[index]
                button.set_texts(tile.title, tile.detail, tile.note)
                button.setObjectName(f"tile-{tile.key}")
                set_props(button, state="closed" if tile.closed else "open")
                row, column = divmod(index, used_columns)
                button.setGeometry(column * (tile_w + spacing), row * (tile_h + spacing), tile_w, tile_h)
                button.show()
            else:
                button.hide()
        self._shown = [t.key for t in shown]
        self.pager.setVisible(paged)
        if paged:
            self.pager.setGeometry(0, self.height() - self._pager_height(), self.width(), self._pager_height())
        self.prev_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < pages - 1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.prev_button.set_texts(self.tr("← Sebelumnya"))
        self.next_button.set_texts(self.tr("Berikutnya →"))
        self.page_info.setText(self.tr("Halaman {page} dari {pages}").format(
            page=self._page + 1, pages=self.page_count() if self._tiles else 1))

    # -- events ---------------------------------------------------------------------------------

    def _on_tile_clicked(self, index: int) -> None:
        if index < len(self._shown):
            self.tile_clicked.emit(self._shown[index])

    def _on_prev_clicked(self) -> None:
        if self._page > 0:
            self._page -= 1
            self._relayout()

    def _on_next_clicked(self) -> None:
        self._page += 1
        self._relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
