"""Choose the loket to work at and the services it serves today (all of them unless unticked)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.models import Counter, CounterState
from ui.counter.messages import StaffMessage
from ui.counter.notice import Notice
from ui.counter.screen import StaffScreen
from ui.counter.style import DeskMetrics, set_enabled
from ui.i18n import Translations
from ui.theme import set_props
from ui.widgets.plain_label import PlainLabel, button_text
from ui.widgets.touch_button import TouchButton

COLUMNS = 4


class LoketScreen(StaffScreen):
    name = "loket"
    loket_chosen = Signal(int, object)   # counter id, list of service ids
    refresh_requested = Signal()
    take_over_chosen = Signal(int, object, str)   # a supervisor's: counter id, service ids, reason
    close_other_chosen = Signal(int, str)         # a supervisor's: counter id, reason

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._counters: list[Counter] = []
        self._names: Mapping[str, str] = {}
        self._me = ""
        self._manager = False
        self._chosen: int | None = None
        self._busy = False
        self._loaded = False

        self.title = PlainLabel(self)
        self.title.setProperty("textRole", "screenTitle")
        self.subtitle = PlainLabel(self)
        self.subtitle.setProperty("textRole", "screenSubtitle")
        self.subtitle.setWordWrap(True)

        self.lokets_panel = QFrame(self)
        self.lokets_panel.setProperty("role", "panel")
        self.lokets_title = PlainLabel(self.lokets_panel)
        self.lokets_title.setProperty("textRole", "panelTitle")
        self.loading = PlainLabel(self.lokets_panel)
        self.loading.setProperty("textRole", "hint")
        # An MPP has dozens of lokets: the grid scrolls, the rest of the screen stays put.
        self.scroll = QScrollArea(self.lokets_panel)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_host = QWidget(self.scroll)
        self.grid_host.setObjectName("LoketGrid")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.scroll.setWidget(self.grid_host)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._on_group_id_clicked)
        self.buttons: dict[int, TouchButton] = {}
        lokets_box = QVBoxLayout(self.lokets_panel)
        lokets_box.addWidget(self.lokets_title)
        lokets_box.addWidget(self.loading)
        lokets_box.addWidget(self.scroll, 1)
        self.lokets_box = lokets_box

        self.services_panel = QFrame(self)
        self.services_panel.setProperty("role", "panel")
        self.services_title = PlainLabel(self.services_panel)
        self.services_title.setProperty("textRole", "panelTitle")
        self.services_hint = PlainLabel(self.services_panel)
        self.services_hint.setProperty("textRole", "hint")
        self.services_hint.setWordWrap(True)
        self.checks_box = QVBoxLayout()
        self.checks: dict[str, QCheckBox] = {}
        services_box = QVBoxLayout(self.services_panel)
        services_box.addWidget(self.services_title)
        services_box.addWidget(self.services_hint)
        services_box.addLayout(self.checks_box)
        # A supervisor acting on a loket another officer left open says why; it is recorded.
        self.reason = QLineEdit(self.services_panel)
        self.reason.setObjectName("TakeOverReason")
        self.reason.setMaxLength(200)
        self.reason.textChanged.connect(self._on_reason_text_changed)
        services_box.addWidget(self.reason)
        services_box.addStretch(1)
        self.services_box = services_box

        self.notice = Notice(translations, self)
        self.refresh = QPushButton(self)
        self.refresh.setObjectName("RefreshLokets")
        self.refresh.setProperty("role", "secondary")
        self.refresh.clicked.connect(self._on_refresh_clicked)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("OpenLoketButton")
        self.open_button.setProperty("role", "primary")
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.close_other_button = QPushButton(self)
        self.close_other_button.setObjectName("CloseOtherLoketButton")
        self.close_other_button.setProperty("role", "secondary")
        self.close_other_button.clicked.connect(self._on_close_other_button_clicked)

        body = QHBoxLayout()
        body.addWidget(self.lokets_panel, 3)
        body.addWidget(self.services_panel, 2)
        self.body = body
        actions = QHBoxLayout()
        actions.addWidget(self.refresh)
        actions.addStretch(1)
        actions.addWidget(self.close_other_button)
        actions.addWidget(self.open_button)
        self.box.addWidget(self.title)
        self.box.addWidget(self.subtitle)
        self.box.addLayout(body, 1)
        self.box.addWidget(self.notice)
        self.box.addLayout(actions)
        self.retranslate_ui()
        self._sync()

    # -- the controller's side -------------------------------------------------------------------

    def set_lokets(self, counters: list[Counter], service_names: Mapping[str, str], me: str,
                   manager: bool = False) -> None:
        """Show every loket; keeps the one chosen (and its ticks) when the list is refreshed. A
        ``manager`` (supervisor, admin) may also choose a loket another officer has open."""
        same = [c.id for c in counters] == [c.id for c in self._counters]
        self._counters = list(counters)
        self._names = dict(service_names)
        self._me = me
        self._manager = manager
        self._loaded = True
        if not same:
            self._rebuild()
        if self._chosen is not None and self._counter(self._chosen) is None:
            self._chosen = None
        if self._chosen is None:
            # Preselect the loket this officer already has open, else the first free one.
            free = [c for c in counters if self._free(c)]
            mine = [c for c in free if c.staff == me and c.state is not CounterState.CLOSED]
            if mine or len(free) == 1:
                self._choose((mine or free)[0].id)
        self._sync()

    def chosen(self) -> int | None:
        return self._chosen

    def chosen_services(self) -> list[str]:
        return [sid for sid, box in self.checks.items() if box.isChecked()]

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._sync()

    def show_message(self, message: StaffMessage | None) -> None:
        if message is None:
            self.notice.clear()
        else:
            self.notice.show_message(message)

    def reset(self) -> None:
        self._counters = []
        self._chosen = None
        self._manager = False
        self.reason.clear()
        self._loaded = False
        self.notice.clear()
        self._rebuild()
        self._sync()

    # -- building ----------------------------------------------------------------------------------

    def _counter(self, counter_id: int) -> Counter | None:
        return next((c for c in self._counters if c.id == counter_id), None)

    def _free(self, counter: Counter) -> bool:
        return counter.state is CounterState.CLOSED or counter.staff in (None, self._me)

    def _rebuild(self) -> None:
        for button in self.buttons.values():
            self.group.removeButton(button)
            button.setParent(None)
            button.deleteLater()
        self.buttons = {}
        for index, counter in enumerate(self._counters):
            button = TouchButton(role="loket", parent=self.grid_host)
            button.setObjectName(f"loket-{counter.id}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.group.addButton(button, counter.id)
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[counter.id] = button
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def _choose(self, counter_id: int) -> None:
        counter = self._counter(counter_id)
        if counter is None:
            return
        self._chosen = counter_id
        self.notice.clear()
        self.reason.clear()
        for box in self.checks.values():
            self.checks_box.removeWidget(box)
            box.setParent(None)
            box.deleteLater()
        self.checks = {}
        mine_open = counter.staff == self._me and counter.state is not CounterState.CLOSED
        ticked = set(counter.active_service_ids) if mine_open and counter.active_service_ids else set(
            counter.service_ids)
        for sid in counter.service_ids:
            box = QCheckBox(button_text(self._names.get(sid, sid)), self.services_panel)
            box.setObjectName(f"service-{sid}")
            box.setChecked(sid in ticked)
            box.toggled.connect(self._on_check_toggled)
            self.checks_box.addWidget(box)
            self.checks[sid] = box

    def _sync(self) -> None:
        """Texts and enabled states from the data."""
        for counter in self._counters:
            button = self.buttons.get(counter.id)
            if button is None:
                continue
            services = ", ".join(self._names.get(s, s) for s in counter.service_ids)
            if counter.state is CounterState.CLOSED:
                note, state = self.tr("Tutup · siap dibuka"), "free"
            elif counter.staff == self._me:
                note, state = self.tr("Dibuka oleh Anda"), "mine"
            else:
                note, state = self.tr("Dibuka oleh {staff}").format(staff=counter.staff or "?"), "taken"
            button.set_texts(counter.name, services, note)
            set_props(button, state=state)
            set_enabled(button, not self._busy and (state != "taken" or self._manager))
            button.setChecked(counter.id == self._chosen)
        counter = self._counter(self._chosen) if self._chosen is not None else None
        taken = counter is not None and not self._free(counter)
        has_reason = bool(self.reason.text().strip())
        self.reason.setVisible(taken)
        self.reason.setEnabled(not self._busy)
        self.reason.setPlaceholderText(self.tr("Alasan mengambil alih atau menutup (wajib, dicatat)"))
        self.close_other_button.setVisible(taken)
        self.close_other_button.setEnabled(not self._busy and taken and has_reason)
        if counter is not None:
            self.close_other_button.setText(self.tr("Tutup {loket}").format(loket=button_text(counter.name)))
        self.services_title.setText(self.tr("Layanan hari ini di {loket}").format(loket=counter.name) if counter
                                    else self.tr("Layanan hari ini"))
        if taken and counter is not None:
            state = self.tr("istirahat") if counter.state is CounterState.PAUSED else self.tr("buka")
            ticket = counter.current_ticket.code if counter.current_ticket is not None else "-"
            self.services_hint.setText(self.tr(
                "Dibuka oleh {staff} ({state}, tiket di loket: {ticket}). Untuk mengambil alih atau menutupnya, "
                "tulis alasannya; alasan dicatat bersama nama Anda dan petugas itu diberi tahu.").format(
                staff=counter.staff or "?", state=state, ticket=ticket))
        else:
            self.services_hint.setText(self.tr("Centang layanan yang Anda layani hari ini.") if counter
                                       else self.tr("Pilih loket dulu."))
        for box in self.checks.values():
            box.setEnabled(not self._busy)
        self.loading.setVisible(not self._counters)
        self.loading.setText(self.tr("Memuat daftar loket…") if not self._loaded
                             else self.tr("Belum ada loket di server."))
        self.open_button.setEnabled(not self._busy and counter is not None and bool(self.chosen_services())
                                    and (has_reason or not taken))
        self.refresh.setEnabled(not self._busy)
        mine = counter is not None and counter.staff == self._me and counter.state is not CounterState.CLOSED
        if mine:
            self.open_button.setText(self.tr("Lanjutkan di {loket}").format(loket=button_text(counter.name)))
        elif taken and counter is not None:
            self.open_button.setText(self.tr("Ambil Alih {loket}").format(loket=button_text(counter.name)))
        else:
            self.open_button.setText(self.tr("Buka Loket"))

    # -- events ------------------------------------------------------------------------------------

    def _on_group_id_clicked(self, counter_id: int) -> None:
        if counter_id != self._chosen:
            self._choose(counter_id)
        self._sync()

    def _on_check_toggled(self, _checked: bool) -> None:
        self._sync()

    def _on_refresh_clicked(self) -> None:
        self.refresh_requested.emit()

    def _on_reason_text_changed(self, _text: str) -> None:
        self._sync()

    def _chosen_taken(self) -> bool:
        counter = self._counter(self._chosen) if self._chosen is not None else None
        return counter is not None and not self._free(counter)

    def _on_open_button_clicked(self) -> None:
        services = self.chosen_services()
        if self._busy or self._chosen is None or not services:
            return
        if self._chosen_taken():
            reason = self.reason.text().strip()
            if self._manager and reason:
                self.take_over_chosen.emit(self._chosen, services, reason)
            return
        self.loket_chosen.emit(self._chosen, services)

    def _on_close_other_button_clicked(self) -> None:
        reason = self.reason.text().strip()
        if not self._busy and self._chosen is not None and self._manager and self._chosen_taken() and reason:
            self.close_other_chosen.emit(self._chosen, reason)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Pilih Loket"))
        self.subtitle.setText(self.tr("Pilih loket tempat Anda bertugas, lalu layanan yang Anda layani hari ini."))
        self.lokets_title.setText(self.tr("Loket"))
        self.refresh.setText(self.tr("Muat ulang"))
        self._sync()

    def apply_metrics(self, m: DeskMetrics) -> None:
        super().apply_metrics(m)
        self.body.setSpacing(m.spacing)
        self.grid.setSpacing(m.spacing)
        for box in (self.lokets_box, self.services_box):
            box.setContentsMargins(m.px(18), m.px(14), m.px(18), m.px(14))
            box.setSpacing(m.px(8))
        self.notice.apply_metrics(m)
        self.open_button.setMinimumWidth(m.px(220))
