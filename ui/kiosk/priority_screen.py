"""Priority: lansia, disabilitas, ibu hamil, anak, or none; shown only where the site allows it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.models import Service
from core.ui_text import pick
from printing.priority_labels import PRIORITY_LABELS
from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.kiosk.texts import NO_PRIORITY
from ui.priority_names import priority_hint, priority_name
from ui.theme import Metrics
from ui.widgets.fit_text import FitText
from ui.widgets.nav_bar import NavBar
from ui.widgets.tile_pager import Tile, TilePager
from ui.widgets.touch_button import TouchButton


class PriorityScreen(Screen):
    name = "priority"
    priority_chosen = Signal(str)  # a Priority value, or "" for the regular queue
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._service: Service | None = None
        self.title = FitText("", self, role="screenTitle")
        self.subtitle = FitText("", self, role="screenSubtitle")
        self.pager = TilePager(self, max_columns=2, portrait_columns=1, min_width=520, min_height=140,
                               max_height=230)
        self.none_button = TouchButton(role="primary", parent=self)
        self.none_button.setObjectName("NoPriorityButton")
        self.nav = NavBar(self)
        self.pager.tile_clicked.connect(self.priority_chosen)
        self.none_button.clicked.connect(self._on_none_clicked)
        self.nav.back_clicked.connect(self.back_requested)
        self.nav.home_clicked.connect(self.home_requested)
        self.box.addWidget(self.title, 0)
        self.box.addWidget(self.subtitle, 0)
        self.box.addWidget(self.none_button, 0)
        self.box.addWidget(self.pager, 1)
        self.box.addWidget(self.nav, 0)
        self.retranslate_ui()

    def set_service(self, service: Service | None) -> None:
        """The service the ticket will be for, named on this last step before it is taken: a kiosk
        or agency with one service skips the screens that would have named it."""
        self._service = service
        self.retranslate_ui()

    def _on_none_clicked(self) -> None:
        self.priority_chosen.emit("")

    def retranslate_ui(self) -> None:
        tr, lang = self.translations, self.lang
        self.title.setText(self.tr("Apakah Anda termasuk kelompok prioritas?"))
        hint = self.tr("Kelompok prioritas dipanggil lebih dahulu. Petugas dapat meminta bukti.")
        service = self._service
        if service is not None:
            hint = self.tr("Layanan: {service}. {hint}").format(
                service=pick(lang, service.name, service.name_en), hint=hint)
        self.subtitle.setText(hint)
        self.none_button.set_texts(*(Text(s, context="KioskTexts").render(tr, lang) for s in NO_PRIORITY))
        self.pager.set_tiles([Tile(p.value, priority_name(p).render(tr, lang), priority_hint(p).render(tr, lang))
                              for p in PRIORITY_LABELS],
                             keep_page=True)
        self.nav.set_texts(self.tr("← Kembali"), self.tr("Beranda"))

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.none_button.setFixedHeight(m.px(140))
