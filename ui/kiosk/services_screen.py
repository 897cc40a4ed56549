"""Services of one agency, each with its live queue: people waiting and the estimated wait; a closed
or full service is greyed with its reason and, when tapped, explains itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.models import Agency
from core.ui_text import pick
from ui.i18n import Translations
from ui.kiosk.messages import closed_note
from ui.kiosk.screen import Screen
from ui.kiosk.texts import quota_left_text, service_detail, tickets_until_text
from ui.widgets.fit_text import FitText
from ui.widgets.nav_bar import NavBar
from ui.widgets.tile_pager import Tile, TilePager

LOW_QUOTA = 10  # below this many tickets left, the tile says how many


class ServicesScreen(Screen):
    name = "services"
    service_chosen = Signal(str)
    closed_service_chosen = Signal(str)
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._agency: Agency | None = None
        self.title = FitText("", self, role="screenTitle", wrap=False)
        self.subtitle = FitText("", self, role="screenSubtitle")
        self.pager = TilePager(self, max_columns=2, portrait_columns=1, min_width=560, min_height=170,
                               max_height=240)
        self.nav = NavBar(self)
        self.pager.tile_clicked.connect(self._on_tile_clicked)
        self.nav.back_clicked.connect(self.back_requested)
        self.nav.home_clicked.connect(self.home_requested)
        self.box.addWidget(self.title, 0)
        self.box.addWidget(self.subtitle, 0)
        self.box.addWidget(self.pager, 1)
        self.box.addWidget(self.nav, 0)
        self.retranslate_ui()

    def agency_id(self) -> str | None:
        return self._agency.id if self._agency else None

    def set_agency(self, agency: Agency, *, live_update: bool = False) -> None:
        """Show ``agency``'s services; ``live_update`` keeps the page (a refreshed catalog)."""
        self._agency = agency
        self._fill(keep_page=live_update)
        self._retitle()

    def _fill(self, *, keep_page: bool) -> None:
        if self._agency is None:
            return
        tr, lang = self.translations, self.lang
        tiles = []
        for service in self._agency.services:
            name = pick(lang, service.name, service.name_en)
            if service.open:
                detail = service_detail(service.waiting, service.eta_minutes, service.wait_unknown).render(tr, lang)
                low = service.quota_left is not None and service.quota_left <= LOW_QUOTA
                if low:
                    note = quota_left_text(service.quota_left).render(tr, lang)
                else:
                    note = tickets_until_text(service.closes_at).render(tr, lang) if service.closes_at else ""
                tiles.append(Tile(service.id, name, detail, note))
            else:
                tiles.append(Tile(service.id, name, "", closed_note(service).render(tr, lang), closed=True))
        self.pager.set_tiles(tiles, keep_page=keep_page)

    def _retitle(self) -> None:
        self.title.setText(self.tr("Pilih layanan"))
        agency = self._agency
        self.subtitle.setText(pick(self.lang, agency.name, agency.name_en) if agency else "")

    def _on_tile_clicked(self, service_id: str) -> None:
        service = next((s for s in self._agency.services if s.id == service_id), None) if self._agency else None
        if service is None:
            return
        if service.open:
            self.service_chosen.emit(service_id)
        else:
            self.closed_service_chosen.emit(service_id)

    def retranslate_ui(self) -> None:
        self._retitle()
        self.nav.set_texts(self.tr("← Kembali"), self.tr("Beranda"))
        self._fill(keep_page=True)
