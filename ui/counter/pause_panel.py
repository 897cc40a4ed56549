"""Pause the loket in two steps. First why: istirahat, sholat, rapat or another reason typed in (keys
1–4). Then when the officer expects to be back, for the board to tell the hall: 15, 30 or 60 minutes
from now, the end of today's break (for istirahat and sholat), a time typed in (HH.MM, site time,
later than now and today), or no time (keys 1–5 in the order shown). Esc goes back a step."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.wire import BreakTime
from ui.counter.actions import PAUSE_REASONS
from ui.counter.style import DeskMetrics
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

QUICK_MINUTES = (15, 30, 60)
# A pause for these may last until the end of the site's break.
BREAK_REASONS = ("istirahat", "sholat")
MOST_CHOICES = len(QUICK_MINUTES) + 2   # and the break's end, and no time
_TYPED_TIME = re.compile(r"\s*([01]?[0-9]|2[0-3])\s*[.:]?\s*([0-5][0-9])\s*")


def is_default_reason(reason: str | None) -> bool:
    """A pause with no reason given is a plain break (the server's "istirahat")."""
    return reason in (None, "", "istirahat")


def reason_label(reason: str | None) -> str:
    """A pause reason as staff read it: a known code by its name, anything else as typed."""
    # Spelled out in full so lupdate finds each text under its context.
    names = {"istirahat": QCoreApplication.translate("PausePanel", "Istirahat"),
             "sholat": QCoreApplication.translate("PausePanel", "Sholat"),
             "rapat": QCoreApplication.translate("PausePanel", "Rapat"),
             "lainnya": QCoreApplication.translate("PausePanel", "Lainnya")}
    return names.get(reason or "", reason or "")


def paused_until_text(reason: str | None, back: time | datetime) -> str:
    """"Istirahat sampai 13.00": a paused loket with its return time, as the board says it too."""
    at = clock_text(back)
    # Spelled out in full so lupdate finds each text under its context, and English reads well.
    if is_default_reason(reason):
        return QCoreApplication.translate("PausePanel", "Istirahat sampai {time}").format(time=at)
    if reason == "sholat":
        return QCoreApplication.translate("PausePanel", "Sholat sampai {time}").format(time=at)
    if reason == "rapat":
        return QCoreApplication.translate("PausePanel", "Rapat sampai {time}").format(time=at)
    return QCoreApplication.translate("PausePanel", "{reason} sampai {time}").format(reason=reason, time=at)


def clock_text(moment: time | datetime) -> str:
    """13.00: the site's way of writing a time."""
    return f"{moment:%H.%M}"


def parse_typed_time(text: str) -> time | None:
    """A time as staff type it: 13.30, 13:30, 1330 or 9.05; None when it is none."""
    match = _TYPED_TIME.fullmatch(text)
    return time(int(match.group(1)), int(match.group(2))) if match else None


def break_end_after(breaks: Sequence[BreakTime], now: time) -> BreakTime | None:
    """The break going on now or the next one today: the first whose end is still ahead."""
    ahead = [b for b in breaks if time.fromisoformat(b.end) > now]
    return min(ahead, key=lambda b: b.end) if ahead else None


@dataclass(frozen=True)
class ReturnChoice:
    """One button of the second step: its words and the return time it sends (None: no time)."""

    title: str
    detail: str
    until: time | None


class PausePanel(QFrame):
    pause_chosen = Signal(str, object)   # the reason, and the expected return (datetime.time) or None
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PausePanel")
        self.setProperty("role", "panel")
        self._now: Callable[[], datetime] = datetime.now
        self._breaks: tuple[BreakTime, ...] = ()
        self._reason = ""
        self._choices: list[ReturnChoice] = []
        self.steps = QStackedWidget(self)

        # step 1: why
        self.reason_page = QWidget(self.steps)
        self.title = PlainLabel(self.reason_page)
        self.title.setProperty("textRole", "panelTitle")
        self.buttons: dict[str, TouchButton] = {}
        grid = QGridLayout()
        for index, reason in enumerate(PAUSE_REASONS):
            button = TouchButton(role="reason", centred=True, parent=self.reason_page)
            button.setObjectName(f"reason-{reason}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, r=reason: self._on_reason_clicked(r))
            key = QShortcut(QKeySequence(str(index + 1)), self.reason_page,
                            context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda r=reason: self._on_reason_clicked(r))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(button, index // 2, index % 2)  # 2×2: as big as the action buttons they replace
            self.buttons[reason] = button
        self.grid = grid
        self.other_label = PlainLabel(self.reason_page)
        self.other_label.setProperty("textRole", "fieldLabel")
        self.other = QLineEdit(self.reason_page)
        self.other.setObjectName("PauseOther")
        self.other.setMaxLength(60)
        self.other.returnPressed.connect(self._on_other_return_pressed)
        self.cancel = QPushButton(self.reason_page)
        self.cancel.setObjectName("PauseCancel")
        self.cancel.setProperty("role", "secondary")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other_label)
        other_row.addWidget(self.other, 1)
        other_row.addWidget(self.cancel)
        self.reason_box = QVBoxLayout(self.reason_page)
        self.reason_box.setContentsMargins(0, 0, 0, 0)
        self.reason_box.addWidget(self.title)
        self.reason_box.addLayout(grid, 1)
        self.reason_box.addLayout(other_row)

        # step 2: until when
        self.return_page = QWidget(self.steps)
        self.return_title = PlainLabel(self.return_page)
        self.return_title.setObjectName("PauseReturnTitle")
        self.return_title.setProperty("textRole", "panelTitle")
        self.choice_buttons: list[TouchButton] = []
        self.choice_grid = QGridLayout()
        for index in range(MOST_CHOICES):
            button = TouchButton(role="reason", centred=True, parent=self.return_page)
            button.setObjectName(f"return-{index + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, i=index: self._on_choice_clicked(i))
            key = QShortcut(QKeySequence(str(index + 1)), self.return_page,
                            context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda i=index: self._on_choice_clicked(i))
            self.choice_buttons.append(button)
        self.until_label = PlainLabel(self.return_page)
        self.until_label.setProperty("textRole", "fieldLabel")
        self.until = QLineEdit(self.return_page)
        self.until.setObjectName("PauseUntil")
        self.until.setMaxLength(5)
        self.until.returnPressed.connect(self._on_until_return_pressed)
        self.back = QPushButton(self.return_page)
        self.back.setObjectName("PauseBack")
        self.back.setProperty("role", "secondary")
        self.back.clicked.connect(self._on_back_clicked)
        self.until_error = PlainLabel(self.return_page)
        self.until_error.setObjectName("PauseUntilError")
        self.until_error.setProperty("textRole", "fieldError")
        self.until_error.setWordWrap(True)
        self.until_error.hide()
        until_row = QHBoxLayout()
        until_row.addWidget(self.until_label)
        until_row.addWidget(self.until, 1)
        until_row.addWidget(self.back)
        self.return_box = QVBoxLayout(self.return_page)
        self.return_box.setContentsMargins(0, 0, 0, 0)
        self.return_box.addWidget(self.return_title)
        self.return_box.addLayout(self.choice_grid, 1)
        self.return_box.addLayout(until_row)
        self.return_box.addWidget(self.until_error)

        self.steps.addWidget(self.reason_page)
        self.steps.addWidget(self.return_page)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self._on_escape_activated)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.steps)
        self.retranslate_ui()

    # -- the desk's side -----------------------------------------------------------------------------

    def set_clock(self, now: Callable[[], datetime]) -> None:
        """Where the site's time comes from: the server's clock, in the site's zone."""
        self._now = now

    def set_breaks(self, breaks: Sequence[BreakTime]) -> None:
        """Today's breaks of the services this loket serves."""
        self._breaks = tuple(breaks)

    def open(self) -> None:
        self.other.clear()
        self._reason = ""
        self.steps.setCurrentWidget(self.reason_page)
        self.buttons[PAUSE_REASONS[0]].setFocus()

    def step(self) -> str:
        """Which question is shown: "reason" or "return"."""
        return "return" if self.steps.currentWidget() is self.return_page else "reason"

    def reason(self) -> str:
        return self._reason

    def choices(self) -> list[ReturnChoice]:
        return list(self._choices)

    def error_text(self) -> str:
        return self.until_error.text() if self.until_error.isVisibleTo(self) else ""

    # -- step 1 --------------------------------------------------------------------------------------

    def _on_reason_clicked(self, reason: str) -> None:
        if reason == "lainnya":
            typed = self.other.text().strip()
            if not typed:
                self.other.setFocus()  # say what, then Enter
                return
            reason = typed
        self._ask_return(reason)

    def _on_other_return_pressed(self) -> None:
        typed = self.other.text().strip()
        if typed:
            self._ask_return(typed)

    # -- step 2 --------------------------------------------------------------------------------------

    def _ask_return(self, reason: str) -> None:
        self._reason = reason
        self.until.clear()
        self._show_error("")
        self._fill_choices()
        self.steps.setCurrentWidget(self.return_page)
        self.choice_buttons[0].setFocus()

    def _fill_choices(self) -> None:
        """The choices as of now: each quick time that is still today, the break's end, no time."""
        now = self._now()
        choices = []
        for minutes in QUICK_MINUTES:
            back = now + timedelta(minutes=minutes)
            if back.date() == now.date():
                choices.append(ReturnChoice(self.tr("{minutes} menit").format(minutes=minutes),
                                            self.tr("sampai {time}").format(time=clock_text(back)),
                                            back.time().replace(second=0, microsecond=0)))
        rest = break_end_after(self._breaks, now.time()) if self._reason in BREAK_REASONS else None
        if rest is not None:
            end = time.fromisoformat(rest.end)
            choices.append(ReturnChoice(self.tr("Sampai {time}").format(time=clock_text(end)),
                                        self.tr("akhir jam istirahat") if rest.reason == "istirahat"
                                        else self.tr("akhir waktu sholat"), end))
        choices.append(ReturnChoice(self.tr("Tanpa jam kembali"), self.tr("papan hanya menulis Istirahat"), None))
        self._choices = choices
        while self.choice_grid.count():
            self.choice_grid.takeAt(0)
        columns = 3 if len(choices) > 4 else 2
        for index, button in enumerate(self.choice_buttons):
            shown = index < len(choices)
            button.setVisible(shown)
            if shown:
                choice = choices[index]
                button.set_texts(choice.title, f"{index + 1} · {choice.detail}")
                self.choice_grid.addWidget(button, index // columns, index % columns)
        self.return_title.setText(self.tr("{reason}: kembali jam berapa?").format(reason=reason_label(self._reason)))

    def _on_choice_clicked(self, index: int) -> None:
        if self.step() != "return" or index >= len(self._choices):
            return
        until = self._choices[index].until
        if until is not None and not self._later_today(until):
            self._fill_choices()   # the minutes passed while the panel stood open: the times move on
            self._show_error(self.tr("Waktu berjalan: pilihan diperbarui. Pilih lagi."))
            return
        self.pause_chosen.emit(self._reason, until)

    def _on_until_return_pressed(self) -> None:
        typed = self.until.text().strip()
        until = parse_typed_time(typed)
        if until is None:
            self._show_error(self.tr("Tulis jam seperti 13.30 (jam.menit)."))
            self.until.setFocus()
            return
        if not self._later_today(until):
            self._show_error(self.tr("Jam kembali harus lebih lambat dari sekarang ({now}) dan masih hari ini.")
                             .format(now=clock_text(self._now())))
            self.until.setFocus()
            return
        self.pause_chosen.emit(self._reason, until)

    def _later_today(self, until: time) -> bool:
        now = self._now()
        return datetime.combine(now.date(), until, tzinfo=now.tzinfo) > now

    def _show_error(self, text: str) -> None:
        self.until_error.setText(text)
        self.until_error.setVisible(bool(text))

    def _on_back_clicked(self) -> None:
        self.steps.setCurrentWidget(self.reason_page)
        self.buttons[PAUSE_REASONS[0]].setFocus()

    def _on_escape_activated(self) -> None:
        if self.step() == "return":
            self._on_back_clicked()
        else:
            self._on_cancel_clicked()

    def _on_cancel_clicked(self) -> None:
        self.cancelled.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Istirahat: pilih alasannya"))
        for index, (reason, button) in enumerate(self.buttons.items()):
            button.set_texts(reason_label(reason), str(index + 1))
        self.other_label.setText(self.tr("Alasan lain:"))
        self.other.setPlaceholderText(self.tr("ketik alasan, lalu Enter"))
        self.cancel.setText(self.tr("Batal (Esc)"))
        self.until_label.setText(self.tr("Atau jam kembali:"))
        self.until.setPlaceholderText(self.tr("mis. 13.30, lalu Enter"))
        self.back.setText(self.tr("Ganti alasan (Esc)"))
        if self.step() == "return":
            self._fill_choices()

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(16), m.px(12), m.px(16), m.px(12))
        for box in (self.reason_box, self.return_box):
            box.setSpacing(m.px(8))
        for grid in (self.grid, self.choice_grid):
            grid.setSpacing(m.px(10))
        for button in [*self.buttons.values(), *self.choice_buttons]:
            button.setMinimumHeight(m.px(72))
        self.until.setMinimumWidth(m.px(140))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
