"""The desk: the loket and its state, the ticket in hand, one large "call next" and the actions on
the ticket, each with its function key; the waiting list beside. Emits intents, never calls the server."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from core.models import Counter, CounterQueue, CounterState, TicketStatus
from core.wire import BreakTime
from ui.counter.actions import (
    CALL_NEXT,
    FINISH,
    FINISH_NEXT,
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
from ui.counter.confirm_panel import ConfirmPanel
from ui.counter.elided_label import ElidedLabel
from ui.counter.late_panel import LatePanel
from ui.counter.messages import StaffMessage
from ui.counter.notice import Notice
from ui.counter.pause_panel import PausePanel, is_default_reason, paused_until_text, reason_label
from ui.counter.queue_panel import QueuePanel
from ui.counter.screen import StaffScreen
from ui.counter.style import DeskMetrics, set_enabled
from ui.counter.ticket_card import TicketCard
from ui.counter.transfer_panel import Sending, TransferPanel, TransferTarget
from ui.i18n import Translations
from ui.shell.clock import SiteClock
from ui.theme import set_props
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

ACTIONS_PAGE, TRANSFER_PAGE, PAUSE_PAGE, CONFIRM_PAGE, LATE_PAGE, LOST_PAGE = \
    "actions", "transfer", "pause", "confirm", "late", "lost"
# What the confirmation page may ask: a no-show, or leaving (log out, close the loket) with a ticket.
ASK_NO_SHOW, ASK_LOGOUT, ASK_CLOSE = "no_show", "logout", "close"
# The loket was lost while the officer may be mid-click: "Lanjut" waits this long before it takes a
# tap, so a click meant for a desk button cannot carry the officer on by accident.
LOST_GUARD_MS = 1500
GRID = ((RECALL, START, FINISH), (NO_SHOW, TRANSFER, PAUSE))


class DeskScreen(StaffScreen):
    name = "desk"
    action_requested = Signal(str)   # call_next, recall, start, finish, no_show, resume
    transfer_chosen = Signal(object)  # transfer_panel.Sending: the service, the loket named or None, the note
    transfer_opened = Signal()        # the officer opened the transfer panel: fresh waiting counts wanted
    pause_chosen = Signal(str, object)  # the reason, and the expected return (datetime.time) or None
    close_requested = Signal()       # close the loket
    lost_acknowledged = Signal()     # the officer read that the loket was taken over or closed elsewhere
    leave_confirmed = Signal(str)    # logout or close, the ticket in hand going back to the queue first
    late_citizen = Signal(str)       # the code of a no-show ticket whose citizen came late

    def __init__(self, translations: Translations, parent: QWidget | None = None, *, preview: int = 8) -> None:
        super().__init__(translations, parent)
        self._counter: Counter | None = None
        self._service_names: Mapping[str, str] = {}
        self._targets: list[TransferTarget] = []
        self._allowed: frozenset[str] = frozenset()
        self._busy = False
        self._no_show_after = timedelta(0)
        self._clock_offset = timedelta(0)
        self._site_clock = SiteClock()   # only its zone: the time is the server's
        self._breaks: Mapping[str, Sequence[BreakTime]] = {}
        self._asking: tuple[str, str] | None = None   # the confirmation shown: question and ticket code

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
        self.late_button = QPushButton(self)
        self.late_button.setObjectName("LateCitizenButton")
        self.late_button.setProperty("role", "secondary")
        self.late_button.clicked.connect(self._on_late_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.loket_name)
        top.addWidget(self.loket_state)
        top.addWidget(self.loket_services, 1)
        top.addWidget(self.late_button)
        top.addWidget(self.close_button)
        self.top = top

        # the ticket in hand, what just happened, and the actions
        self.ticket_card = TicketCard(self)
        self.notice = Notice(translations, self)
        self.pages = QStackedWidget(self)
        self.actions_page = QWidget(self.pages)
        self.buttons: dict[str, TouchButton] = {}
        self.hero = self._button(CALL_NEXT, "hero", self.actions_page)
        self.finish_next = self._button(FINISH_NEXT, "hero", self.actions_page)
        hero_row = QHBoxLayout()
        hero_row.addWidget(self.hero, 1)
        hero_row.addWidget(self.finish_next, 1)
        self.hero_row = hero_row
        self.grid = QGridLayout()
        for row, names in enumerate(GRID):
            for column, action in enumerate(names):
                self.grid.addWidget(self._button(action, "action", self.actions_page), row, column)
        set_props(self.buttons[NO_SHOW], variant="warn")
        set_props(self.buttons[PAUSE], variant="pause")
        actions_box = QVBoxLayout(self.actions_page)
        actions_box.setContentsMargins(0, 0, 0, 0)
        actions_box.addLayout(hero_row, 5)
        actions_box.addLayout(self.grid, 8)
        self.actions_box = actions_box
        self.transfer_panel = TransferPanel(self.pages)
        self.pause_panel = PausePanel(self.pages)
        self.pause_panel.set_clock(self.site_now)
        self.confirm_panel = ConfirmPanel(self.pages)
        self.confirm_panel.confirmed.connect(self._on_confirm_panel_confirmed)
        self.confirm_panel.cancelled.connect(self._on_panel_cancelled)
        self.late_panel = LatePanel(self.pages)
        self.late_panel.code_entered.connect(self._on_late_panel_code_entered)
        self.late_panel.cancelled.connect(self._on_panel_cancelled)
        self.transfer_panel.target_chosen.connect(self._on_transfer_panel_target_chosen)
        self.transfer_panel.cancelled.connect(self._on_panel_cancelled)
        self.pause_panel.pause_chosen.connect(self._on_pause_panel_pause_chosen)
        self.pause_panel.cancelled.connect(self._on_panel_cancelled)
        # Shown in place of the actions when the loket was taken over or closed elsewhere.
        self.lost_page = QWidget(self.pages)
        self.lost_page.setObjectName("LoketLostPanel")
        self.lost_notice = Notice(translations, self.lost_page, times_out=False)  # it waits for "Lanjut"
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
                       PAUSE_PAGE: self.pause_panel, CONFIRM_PAGE: self.confirm_panel, LATE_PAGE: self.late_panel,
                       LOST_PAGE: self.lost_page}
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
        # The timers on the ticket and the no-show countdown move each second, from the server's times.
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._on_ticker_timeout)
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
        in_hand = ticket_in_hand(counter)
        self.ticket_card.show_ticket(in_hand)
        asked_of = self._asking[1] if self._asking else None
        if (in_hand is None and self.page() == TRANSFER_PAGE) or (
                self.page() == CONFIRM_PAGE and (in_hand is None or in_hand.code != asked_of)):
            self._show_page(ACTIONS_PAGE)  # the ticket left the loket while choosing or confirming
        if in_hand is not None or counter.pause_until is not None:
            self.ticker.start()
        else:
            self.ticker.stop()
        self._sync()
        self._on_ticker_timeout()

    def show_queue(self, queue: CounterQueue | None) -> None:
        """The waiting list as just read (always after the notice it may end: reads and actions take
        turns, and a read that ran during an action is dropped)."""
        self.queue_panel.show_queue(queue)
        if self.notice.code() == "queue_empty" and queue is not None and queue.waiting:
            self.notice.clear()

    def set_transfer_targets(self, targets: list[TransferTarget]) -> None:
        self._targets = list(targets)
        if self.page() == TRANSFER_PAGE:
            self.transfer_panel.update_targets(self._targets_for_ticket())

    def set_lokets(self, lokets: list[Counter]) -> None:
        """Every loket as last read: the transfer panel offers those open for the chosen service."""
        self.transfer_panel.set_lokets(lokets, self._counter.id if self._counter is not None else None)

    def _targets_for_ticket(self) -> list[TransferTarget]:
        ticket = ticket_in_hand(self._counter)
        own = ticket.service_id if ticket is not None else ""
        return [t for t in self._targets if t.service_id != own]

    def set_timing(self, no_show_after_seconds: int) -> None:
        """How long a called citizen has before no-show is offered (the site's setting)."""
        self._no_show_after = timedelta(seconds=max(0, no_show_after_seconds))
        self._sync()

    def set_clock_offset(self, offset: timedelta) -> None:
        """The server's clock minus this PC's: the timers count by the server's times."""
        self._clock_offset = offset
        self._on_ticker_timeout()

    def server_now(self) -> datetime:
        return datetime.now(UTC) + self._clock_offset

    def set_site_day(self, zone: str, breaks: Mapping[str, Sequence[BreakTime]]) -> None:
        """The site's zone and each service's breaks today, from the catalog: the pause panel's times."""
        self._site_clock.use_zone(zone)
        self._breaks = dict(breaks)

    def site_now(self) -> datetime:
        """The server's time on the site's clock."""
        return self.server_now().astimezone(self._site_clock.zone)

    def pause_return(self) -> datetime | None:
        """The paused loket's expected return on the site's clock, while it is still ahead."""
        counter = self._counter
        if counter is None or counter.state is not CounterState.PAUSED or counter.pause_until is None:
            return None
        if counter.pause_until <= self.server_now():
            return None   # the time passed and the loket still rests: no return time already past
        return counter.pause_until.astimezone(self._site_clock.zone)

    def no_show_wait_left(self) -> timedelta:
        """How long until no-show may be pressed for the called ticket; zero when it may."""
        ticket = ticket_in_hand(self._counter)
        if ticket is None or ticket.status is not TicketStatus.CALLED or ticket.called_at is None:
            return timedelta(0)
        return max(timedelta(0), ticket.called_at + self._no_show_after - self.server_now())

    def ask_leave(self, question: str) -> None:
        """Logging out or closing with a ticket at the loket: offer to put it back in the queue."""
        ticket = ticket_in_hand(self._counter)
        if ticket is None:
            return
        self._asking = (question, ticket.code)
        self._show_page(CONFIRM_PAGE)
        self._ask_again()

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
        self._asking = None
        self.ticker.stop()
        self.ticket_card.show_ticket(None)
        self.notice.clear()
        self.lost_notice.clear()
        self._lost_guard.stop()
        self.queue_panel.show_queue(None)
        self._show_page(ACTIONS_PAGE)

    def notice_holds(self) -> bool:
        """Whether what the notice says about the loket and its ticket is still so, as the server last
        told ("nobody waiting" is for the waiting list to end, in ``show_queue``)."""
        message = self.notice.message()
        if message is None:
            return False
        counter, in_hand = self._counter, ticket_in_hand(self._counter)
        paused = counter is not None and counter.state is CounterState.PAUSED
        code = message.code
        if code == "ticket_in_progress":
            return in_hand is not None and message.params.get("code", in_hand.code) == in_hand.code
        if code == "no_show_too_early":
            return bool(self.no_show_wait_left())
        if code == "nothing_to_recall":
            return in_hand is None or in_hand.status is not TicketStatus.CALLED
        if code == "counter_paused":
            return paused
        if code in ("counter_open", "counter_not_paused"):
            return not paused
        return True

    def _withdraw_notice_that_no_longer_holds(self) -> None:
        if self.notice.message() is not None and not self.notice_holds():
            self.notice.clear()

    # -- drawing -----------------------------------------------------------------------------------

    def _sync(self) -> None:
        counter = self._counter
        self._allowed = allowed_actions(counter)
        on_actions = self.page() == ACTIONS_PAGE
        for action, button in self.buttons.items():
            set_enabled(button, not self._busy and on_actions and action in self._allowed)
        if self.no_show_wait_left():
            set_enabled(self.buttons[NO_SHOW], False)
        lost = self.page() == LOST_PAGE
        self.confirm_panel.setEnabled(not self._busy)
        self.close_button.setEnabled(not self._busy and counter is not None and not lost)
        self.late_button.setEnabled(not self._busy and counter is not None and self.page() == ACTIONS_PAGE)
        self.late_panel.setEnabled(not self._busy)
        self.lost_continue.setEnabled(lost and not self._lost_guard.isActive())
        paused = counter is not None and counter.state is CounterState.PAUSED
        set_props(self.buttons[PAUSE], state="paused" if paused else "open")
        self.retranslate_ui()

    def _state_text(self, counter: Counter) -> str:
        back = self.pause_return()
        if back is not None:
            return paused_until_text(counter.pause_reason, back)
        if counter.state is CounterState.PAUSED:
            if is_default_reason(counter.pause_reason):
                return self.tr("Istirahat")   # the default reason is the state's own word: said once
            return self.tr("Istirahat · {reason}").format(reason=reason_label(counter.pause_reason))
        if counter.state is CounterState.OPEN:
            return self.tr("Buka")
        return self.tr("Tutup")

    def retranslate_ui(self) -> None:
        counter = self._counter
        titles = {CALL_NEXT: self.tr("Panggil Berikutnya"), RECALL: self.tr("Panggil Ulang"),
                  START: self.tr("Mulai Layani"), FINISH: self.tr("Selesai"), NO_SHOW: self.tr("Tidak Hadir"),
                  TRANSFER: self.tr("Alihkan…"), FINISH_NEXT: self.tr("Selesai & Panggil Berikutnya")}
        paused = counter is not None and counter.state is CounterState.PAUSED
        titles[PAUSE] = self.tr("Lanjutkan") if paused else self.tr("Istirahat…")
        for action, button in self.buttons.items():
            button.set_texts(titles[action], SHORTCUTS[action])
        self._show_no_show_countdown()
        if self.page() == CONFIRM_PAGE:
            self._ask_again()
        self.close_button.setText(self.tr("Tutup Loket"))
        self.lost_continue.setText(self.tr("Lanjut ke daftar loket"))
        self.late_button.setText(self.tr("Warga terlambat…"))
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
        if name != CONFIRM_PAGE:
            self._asking = None
        self.pages.setCurrentWidget(self._pages[name])
        self._sync()

    def _show_no_show_countdown(self) -> None:
        """"Tidak Hadir" says how long until it may be pressed, while the citizen may still be coming."""
        left = self.no_show_wait_left()
        title = self.tr("Tidak Hadir")
        if left:
            seconds = int(left.total_seconds() + 0.999)
            title = self.tr("Tidak Hadir · {time}").format(time=f"{seconds // 60}:{seconds % 60:02d}")
        self.buttons[NO_SHOW].set_texts(title, SHORTCUTS[NO_SHOW])

    def _ask_again(self) -> None:
        """The confirmation's words, in the language shown now."""
        if self._asking is None:
            return
        question, code = self._asking
        if question == ASK_NO_SHOW:
            self.confirm_panel.ask(question, self.tr("Tandai {code} tidak hadir?").format(code=code),
                                   self.tr("Nomor ini keluar dari antrean. Bila warga datang terlambat hari ini, "
                                           "tiketnya bisa dikembalikan ke antrean."),
                                   self.tr("Ya, tidak hadir"))
            return
        body = self.tr("{code} masih di loket ini. Tiket dikembalikan ke antrean di tempat semula (menurut jam "
                       "ambilnya) dan dipanggil lagi oleh loket yang buka.").format(code=code)
        if question == ASK_LOGOUT:
            self.confirm_panel.ask(question, self.tr("Keluar dengan tiket di tangan?"), body,
                                   self.tr("Kembalikan ke antrean & keluar"), variant="")
        else:
            self.confirm_panel.ask(question, self.tr("Tutup loket dengan tiket di tangan?"), body,
                                   self.tr("Kembalikan ke antrean & tutup loket"), variant="")

    def _on_ticker_timeout(self) -> None:
        self.ticket_card.show_elapsed(self.server_now())
        if self._counter is not None:
            self.loket_state.setText(self._state_text(self._counter))   # the return time, until it passes
        may_press = (not self._busy and self.page() == ACTIONS_PAGE and NO_SHOW in self._allowed
                     and not self.no_show_wait_left())
        if self.buttons[NO_SHOW].isEnabled() != may_press:
            self._sync()   # the wait is over (or the clock moved back): the button follows
        else:
            self._show_no_show_countdown()
        self._withdraw_notice_that_no_longer_holds()

    # -- events ------------------------------------------------------------------------------------

    def _on_action_triggered(self, action: str) -> None:
        """A button or its function key: the same intent, and only when the button may be pressed."""
        if self._busy or self.page() != ACTIONS_PAGE or action not in self._allowed:
            return
        self.notice.clear()
        if action == TRANSFER:
            ticket = ticket_in_hand(self._counter)
            self.transfer_panel.open_for(ticket.code if ticket else "", self._targets_for_ticket())
            self._show_page(TRANSFER_PAGE)
            self.transfer_panel.search.setFocus()
            self.transfer_opened.emit()
        elif action == NO_SHOW:
            ticket = ticket_in_hand(self._counter)
            if ticket is None or self.no_show_wait_left():
                return
            self._asking = (ASK_NO_SHOW, ticket.code)
            self._show_page(CONFIRM_PAGE)
            self._ask_again()
        elif action == PAUSE:
            if self._counter is not None and self._counter.state is CounterState.PAUSED:
                self.action_requested.emit(RESUME)
            else:
                self.pause_panel.set_breaks(self._breaks_of_loket())
                self._show_page(PAUSE_PAGE)
                self.pause_panel.open()
        else:
            self.action_requested.emit(action)

    def _on_transfer_panel_target_chosen(self, sending: Sending) -> None:
        self._show_page(ACTIONS_PAGE)
        self.transfer_chosen.emit(sending)

    def _breaks_of_loket(self) -> list[BreakTime]:
        """Today's breaks of the services the loket serves, each once, earliest first."""
        counter = self._counter
        services = counter.active_service_ids if counter is not None else ()
        found = {(b.start, b.end, b.reason): b for s in services for b in self._breaks.get(s, ())}
        return [found[k] for k in sorted(found)]

    def _on_pause_panel_pause_chosen(self, reason: str, until: object) -> None:
        self._show_page(ACTIONS_PAGE)
        self.pause_chosen.emit(reason, until)

    def _on_panel_cancelled(self) -> None:
        self._show_page(ACTIONS_PAGE)

    def _on_confirm_panel_confirmed(self, question: str) -> None:
        if self._busy:
            return
        self._show_page(ACTIONS_PAGE)
        if question == ASK_NO_SHOW:
            self.action_requested.emit(NO_SHOW)
        else:
            self.leave_confirmed.emit(question)

    def _on_late_button_clicked(self) -> None:
        if self._busy or self._counter is None:
            return
        self.notice.clear()
        self._show_page(LATE_PAGE)
        self.late_panel.open()

    def _on_late_panel_code_entered(self, code: str) -> None:
        if self._busy:
            return
        self._show_page(ACTIONS_PAGE)
        self.late_citizen.emit(code)

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
        self.hero_row.setSpacing(m.px(10))
        for widget in (self.ticket_card, self.notice, self.lost_notice, self.queue_panel, self.transfer_panel,
                       self.pause_panel, self.confirm_panel, self.late_panel):
            widget.apply_metrics(m)
        self.lost_notice.setMinimumHeight(m.px(150))  # a longer text, to be read before going on
