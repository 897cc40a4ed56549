"""The desk: the loket and its state, the ticket in hand, one large "call next" and the actions on
the ticket, each with its function key; the waiting list beside. Emits intents, never calls the server."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from core.models import Counter, CounterQueue, CounterState
from ui.counter.actions import (
    CALL_NEXT,
    FINISH,
    NO_SHOW,
    PAUSE,
    RECALL,
    RESUME,
    SHORTCUTS,
    START,
    TRANSFER,
    allowed_actions,
    ticket_in_hand,
)
from ui.counter.elided_label import ElidedLabel
from ui.counter.messages import StaffMessage
from ui.counter.notice import Notice
from ui.counter.pause_panel import PausePanel, reason_label
from ui.counter.queue_panel import QueuePanel
from ui.counter.screen import StaffScreen
from ui.counter.style import DeskMetrics, set_enabled
from ui.counter.ticket_card import TicketCard
from ui.counter.transfer_panel import TransferPanel, TransferTarget
from ui.i18n import Translations
from ui.theme import set_props
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

ACTIONS_PAGE, TRANSFER_PAGE, PAUSE_PAGE, LOST_PAGE = "actions", "transfer", "pause", "lost"
# The loket was lost while the officer may be mid-click: "Lanjut" waits this long before it takes a
# tap, so a click meant for a desk button cannot carry the officer on by accident.
LOST_GUARD_MS = 1500
GRID = ((RECALL, START, FINISH), (NO_SHOW, TRANSFER, PAUSE))


class DeskScreen(StaffScreen):
    name = "desk"
    action_requested = Signal(str)   # call_next, recall, start, finish, no_show, resume
    transfer_chosen = Signal(str)    # the target service id
    pause_chosen = Signal(str)       # the reason
    close_requested = Signal()       # close the loket
    lost_acknowledged = Signal()     # the officer read that the loket was taken over or closed elsewhere

    def __init__(self, translations: Translations, parent: QWidget | None = None, *, preview: int = 8) -> None:
        super().__init__(translations, parent)
        self._counter: Counter | None = None
        self._service_names: Mapping[str, str] = {}
        self._targets: list[TransferTarget] = []
        self._allowed: frozenset[str] = frozenset()
        self._busy = False

        # the loket, its state and its services
        self.loket_name = PlainLabel(self)
        self.loket_name.setObjectName("LoketName")
        self.loket_name.setProperty("textRole", "loketTitle")
        self.loket_state = PlainLabel(self)
        self.loket_state.setObjectName("LoketState")
        self.loket_state.setProperty("role", "chip")
        self.loket_state.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.loket_services = ElidedLabel(self, role="hint", name="LoketServices")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("CloseLoketButton")
        self.close_button.setProperty("role", "secondary")
        self.close_button.clicked.connect(self._on_close_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.loket_name)
        top.addWidget(self.loket_state)
        top.addWidget(self.loket_services, 1)
        top.addWidget(self.close_button)
        self.top = top

        # the ticket in hand, what just happened, and the actions
        self.ticket_card = TicketCard(self)
        self.notice = Notice(translations, self)
        self.pages = QStackedWidget(self)
        self.actions_page = QWidget(self.pages)
        self.buttons: dict[str, TouchButton] = {}
        self.hero = self._button(CALL_NEXT, "hero", self.actions_page)
        self.grid = QGridLayout()
        for row, names in enumerate(GRID):
            for column, action in enumerate(names):
                self.grid.addWidget(self._button(action, "action", self.actions_page), row, column)
        set_props(self.buttons[NO_SHOW], variant="warn")
        set_props(self.buttons[PAUSE], variant="pause")
        actions_box = QVBoxLayout(self.actions_page)
        actions_box.setContentsMargins(0, 0, 0, 0)
        actions_box.addWidget(self.hero, 5)
        actions_box.addLayout(self.grid, 8)
        self.actions_box = actions_box
        self.transfer_panel = TransferPanel(self.pages)
        self.pause_panel = PausePanel(self.pages)
        self.transfer_panel.target_chosen.connect(self._on_transfer_panel_target_chosen)
        self.transfer_panel.cancelled.connect(self._on_panel_cancelled)
        self.pause_panel.reason_chosen.connect(self._on_pause_panel_reason_chosen)
        self.pause_panel.cancelled.connect(self._on_panel_cancelled)
        # Shown in place of the actions when the loket was taken over or closed elsewhere.
        self.lost_page = QWidget(self.pages)
        self.lost_page.setObjectName("LoketLostPanel")
        self.lost_notice = Notice(translations, self.lost_page)
        self.lost_notice.setObjectName("LoketLostNotice")
        self.lost_continue = QPushButton(self.lost_page)
        self.lost_continue.setObjectName("LoketLostContinue")
        self.lost_continue.setProperty("role", "primary")
        self.lost_continue.clicked.connect(self._on_lost_continue_clicked)
        self._lost_guard = QTimer(self)
        self._lost_guard.setSingleShot(True)
        self._lost_guard.timeout.connect(self._sync)
        lost_box = QVBoxLayout(self.lost_page)
        lost_box.setContentsMargins(0, 0, 0, 0)
        lost_box.addWidget(self.lost_notice)
        lost_box.addStretch(1)
        lost_box.addWidget(self.lost_continue, 0, Qt.AlignmentFlag.AlignRight)
        self._pages = {ACTIONS_PAGE: self.actions_page, TRANSFER_PAGE: self.transfer_panel,
                       PAUSE_PAGE: self.pause_panel, LOST_PAGE: self.lost_page}
        for page in self._pages.values():
            self.pages.addWidget(page)

        left = QVBoxLayout()
        left.addWidget(self.ticket_card, 4)
        left.addWidget(self.notice)
        left.addWidget(self.pages, 5)
        self.left = left
        self.queue_panel = QueuePanel(self, preview=preview)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.queue_panel, 2)
        self.body = body
        self.box.addLayout(top)
        self.box.addLayout(body, 1)

        self.shortcuts: dict[str, QShortcut] = {}
        for action, key in SHORTCUTS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda a=action: self._on_action_triggered(a))
            self.shortcuts[action] = shortcut
        self.retranslate_ui()
        self._sync()

    def _button(self, action: str, role: str, parent: QWidget) -> TouchButton:
        button = TouchButton(role=role, centred=True, parent=parent)
        button.setObjectName(f"action-{action}")
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda _=False, a=action: self._on_action_triggered(a))
        self.buttons[action] = button
        return button

    # -- the controller's side -------------------------------------------------------------------

    def show_counter(self, counter: Counter, service_names: Mapping[str, str] | None = None) -> None:
        self._counter = counter
        if service_names is not None:
            self._service_names = dict(service_names)
        self.ticket_card.show_ticket(ticket_in_hand(counter))
        if ticket_in_hand(counter) is None and self.page() == TRANSFER_PAGE:
            self._show_page(ACTIONS_PAGE)  # the ticket left the loket while choosing
        self._sync()

    def show_queue(self, queue: CounterQueue | None) -> None:
        self.queue_panel.show_queue(queue)

    def set_transfer_targets(self, targets: list[TransferTarget]) -> None:
        self._targets = list(targets)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._sync()

    def show_message(self, message: StaffMessage | None) -> None:
        if message is None:
            self.notice.clear()
        else:
            self.notice.show_message(message)

    def counter(self) -> Counter | None:
        return self._counter

    def page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, widget in self._pages.items() if widget is current)

    def show_lost(self, message: StaffMessage) -> None:
        """The loket is no longer this officer's: say so in place of the actions, which stop working."""
        self.notice.clear()
        self.lost_notice.show_message(message)
        self._lost_guard.start(LOST_GUARD_MS)
        self._show_page(LOST_PAGE)

    def lost_panel_shown(self) -> bool:
        return self.page() == LOST_PAGE

    def reset(self) -> None:
        """Nothing shown: before a loket is opened, or after leaving it."""
        self._counter = None
        self.ticket_card.show_ticket(None)
        self.notice.clear()
        self.lost_notice.clear()
        self._lost_guard.stop()
        self.queue_panel.show_queue(None)
        self._show_page(ACTIONS_PAGE)

    # -- drawing -----------------------------------------------------------------------------------

    def _sync(self) -> None:
        counter = self._counter
        self._allowed = allowed_actions(counter)
        on_actions = self.page() == ACTIONS_PAGE
        for action, button in self.buttons.items():
            set_enabled(button, not self._busy and on_actions and action in self._allowed)
        lost = self.page() == LOST_PAGE
        self.close_button.setEnabled(not self._busy and counter is not None and not lost)
        self.lost_continue.setEnabled(lost and not self._lost_guard.isActive())
        paused = counter is not None and counter.state is CounterState.PAUSED
        set_props(self.buttons[PAUSE], state="paused" if paused else "open")
        self.retranslate_ui()

    def _state_text(self, counter: Counter) -> str:
        if counter.state is CounterState.PAUSED:
            return self.tr("Istirahat · {reason}").format(reason=reason_label(counter.pause_reason))
        if counter.state is CounterState.OPEN:
            return self.tr("Buka")
        return self.tr("Tutup")

    def retranslate_ui(self) -> None:
        counter = self._counter
        titles = {CALL_NEXT: self.tr("Panggil Berikutnya"), RECALL: self.tr("Panggil Ulang"),
                  START: self.tr("Mulai Layani"), FINISH: self.tr("Selesai"), NO_SHOW: self.tr("Tidak Hadir"),
                  TRANSFER: self.tr("Alihkan…")}
        paused = counter is not None and counter.state is CounterState.PAUSED
        titles[PAUSE] = self.tr("Lanjutkan") if paused else self.tr("Istirahat…")
        for action, button in self.buttons.items():
            button.set_texts(titles[action], SHORTCUTS[action])
        self.close_button.setText(self.tr("Tutup Loket"))
        self.lost_continue.setText(self.tr("Lanjut ke daftar loket"))
        if counter is None:
            for label in (self.loket_name, self.loket_state, self.loket_services):
                label.setText("")
            return
        self.loket_name.setText(counter.name)
        self.loket_state.setText(self._state_text(counter))
        set_props(self.loket_state, state=counter.state.value)
        names = [self._service_names.get(s, s) for s in counter.active_service_ids]
        self.loket_services.setText(self.tr("Melayani: {services}").format(services=", ".join(names)))

    def _show_page(self, name: str) -> None:
        self.pages.setCurrentWidget(self._pages[name])
        self._sync()

    # -- events ------------------------------------------------------------------------------------

    def _on_action_triggered(self, action: str) -> None:
        """A button or its function key: the same intent, and only when the button may be pressed."""
        if self._busy or self.page() != ACTIONS_PAGE or action not in self._allowed:
            return
        self.notice.clear()
        if action == TRANSFER:
            ticket = ticket_in_hand(self._counter)
            own = ticket.service_id if ticket is not None else ""
            targets = [t for t in self._targets if t.service_id != own]
            self.transfer_panel.open_for(ticket.code if ticket else "", targets)
            self._show_page(TRANSFER_PAGE)
            self.transfer_panel.list.setFocus()
        elif action == PAUSE:
            if self._counter is not None and self._counter.state is CounterState.PAUSED:
                self.action_requested.emit(RESUME)
            else:
                self._show_page(PAUSE_PAGE)
                self.pause_panel.open()
        else:
            self.action_requested.emit(action)

    def _on_transfer_panel_target_chosen(self, service_id: str) -> None:
        self._show_page(ACTIONS_PAGE)
        self.transfer_chosen.emit(service_id)

    def _on_pause_panel_reason_chosen(self, reason: str) -> None:
        self._show_page(ACTIONS_PAGE)
        self.pause_chosen.emit(reason)

    def _on_panel_cancelled(self) -> None:
        self._show_page(ACTIONS_PAGE)

    def _on_close_button_clicked(self) -> None:
        if not self._busy and self.page() != LOST_PAGE:
            self.close_requested.emit()

    def _on_lost_continue_clicked(self) -> None:
        if self.page() == LOST_PAGE and not self._lost_guard.isActive():
            self.lost_acknowledged.emit()

    def apply_metrics(self, m: DeskMetrics) -> None:
        super().apply_metrics(m)
        self.top.setSpacing(m.px(14))
        self.body.setSpacing(m.spacing)
        self.left.setSpacing(m.px(10))
        self.actions_box.setSpacing(m.px(10))
        self.grid.setSpacing(m.px(10))
        self.lost_continue.setMinimumWidth(m.px(260))
        for widget in (self.ticket_card, self.notice, self.lost_notice, self.queue_panel, self.transfer_panel,
                       self.pause_panel):
            widget.apply_metrics(m)
        self.lost_notice.setFixedHeight(m.px(150))  # a longer text, to be read before going on
