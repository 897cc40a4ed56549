"""Agencies: which office the citizen came for (Disdukcapil, Disnaker, Samsat, …)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.models import Agency
from core.ui_text import pick
from ui.i18n import Text, Translations
from ui.kiosk.messages import closed_note
from ui.kiosk.screen import Screen
from ui.kiosk.texts import WAIT_UNKNOWN, waiting_text
from ui.widgets.fit_text import FitText
from ui.widgets.nav_bar import NavBar
from ui.widgets.tile_pager import Tile, TilePager


class AgenciesScreen(Screen):
    name = "agencies"
    agency_chosen = Signal(str)
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._agencies: tuple[Agency, ...] = ()
        self.title = FitText("", self, role="screenTitle", wrap=False)
        self.subtitle = FitText("", self, role="screenSubtitle")
        self.pager = TilePager(self, max_columns=3, portrait_columns=2, min_width=420, min_height=150)
        self.nav = NavBar(self)
        self.pager.tile_clicked.connect(self.agency_chosen)
        self.nav.back_clicked.connect(self.back_requested)
        self.nav.home_clicked.connect(self.home_requested)
        self.box.addWidget(self.title, 0)
        self.box.addWidget(self.subtitle, 0)
        self.box.addWidget(self.pager, 1)
        self.box.addWidget(self.nav, 0)
        self.retranslate_ui()

    def set_agencies(self, agencies: tuple[Agency, ...]) -> None:
        keep = [a.id for a in agencies] == [a.id for a in self._agencies]
        self._agencies = agencies
        self._fill(keep_page=keep)

    def reset(self) -> None:
        self._fill(keep_page=False)

    def _fill(self, *, keep_page: bool) -> None:
        tiles = []
        for agency in self._agencies:
            if len(agency.services) == 1:
                tiles.append(self._single_service_tile(agency))
                continue
            open_count = sum(1 for s in agency.services if s.open)
            if open_count:
                note = self.tr("{open} dari {total} layanan buka").format(open=open_count,
                                                                         total=len(agency.services))
            else:
                note = self.tr("Semua layanan sedang tutup")
            name = pick(self.lang, agency.name, agency.name_en)
            tiles.append(Tile(agency.id, agency.short_name, name if name != agency.short_name else "",
                              note, closed=open_count == 0))
        self.pager.set_tiles(tiles, keep_page=keep_page)

    def _single_service_tile(self, agency: Agency) -> Tile:
        """A tap on this card takes the ticket's next step at once, so the card names the one service
        the ticket will be for, with its queue or why it is closed, before the citizen commits."""
        tr, lang = self.translations, self.lang
        service = agency.services[0]
        name = pick(lang, service.name, service.name_en)
        if not service.open:
            note = closed_note(service).render(tr, lang)
        elif service.wait_unknown is not None:
            note = Text(WAIT_UNKNOWN[service.wait_unknown], context="KioskTexts").render(tr, lang)
        else:
            note = waiting_text(service.waiting).render(tr, lang)
        return Tile(agency.id, agency.short_name, name, note, closed=not service.open)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Pilih instansi"))
        self.subtitle.setText(self.tr("Sentuh instansi yang ingin Anda tuju."))
        self.nav.set_texts(self.tr("← Kembali"), self.tr("Beranda"))
        self._fill(keep_page=True)
