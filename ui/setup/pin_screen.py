"""The technician PIN on a keypad: asks for the PIN, or on the first run has one made (typed twice);
says how many tries are left and, after five wrong ones, until when the entry is locked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from core.technician_pin import PIN_MAX, PIN_MIN, PinLock, hash_pin, pin_problem, verify_pin
from ui.i18n import Text, Translations
from ui.setup.reasons import PIN_FORMAT
from ui.shell.clock import SiteClock
from ui.tasks import TaskRunner
from ui.theme import Metrics, set_props
from ui.widgets.bilingual import BilingualText
from ui.widgets.fit_text import FitText
from ui.widgets.keypad import Keypad
from ui.widgets.touch_button import TouchButton

C = "PinScreen"
CHECK_PROMPT = Text(QT_TRANSLATE_NOOP("PinScreen", "Masukkan PIN teknisi."), context=C)
SET_PROMPT = Text(QT_TRANSLATE_NOOP("PinScreen", "Belum ada PIN teknisi. Buat PIN baru ({low} sampai {high} angka)."),
                  {"low": PIN_MIN, "high": PIN_MAX}, context=C)
REPEAT_PROMPT = Text(QT_TRANSLATE_NOOP("PinScreen", "Ketik PIN baru sekali lagi."), context=C)
WRONG = QT_TRANSLATE_NOOP("PinScreen", "PIN salah. Sisa percobaan: {n}.")
LOCKED = QT_TRANSLATE_NOOP("PinScreen", "Terlalu banyak PIN salah. Masuk teknisi terkunci sampai pukul {time}.")
PIN_EXISTS = Text(QT_TRANSLATE_NOOP("PinScreen", "PIN teknisi sudah dibuat di perangkat ini; PIN baru tidak "
                                                 "disimpan. Masukkan PIN teknisi."), context=C)
MISMATCH = Text(QT_TRANSLATE_NOOP("PinScreen", "Kedua PIN tidak sama. Buat PIN baru sekali lagi."), context=C)

UNEXPECTED = QT_TRANSLATE_NOOP("PinScreen", "PIN tidak dapat diperiksa ({reason}). Coba lagi.")
NOT_SAVED = QT_TRANSLATE_NOOP("PinScreen", "PIN baru tidak dapat disimpan ({reason}). Folder konfigurasi harus "
                                           "dapat ditulis oleh aplikasi; lihat docs/deploy.md.")

CHECK, SET_FIRST, SET_REPEAT = "check", "set_first", "set_repeat"


class PinScreen(QWidget):
    accepted = Signal()          # the right PIN, or a new PIN made
    pin_created = Signal(str)    # the salted hash of a new PIN, to save in the config
    cancelled = Signal()

    def __init__(self, translations: Translations, lock: PinLock, stored_hash: Callable[[], str],
                 runner: TaskRunner, parent: QWidget | None = None, *, site_clock: SiteClock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinScreen")
        # The keys of a USB keyboard work as the keypad's: digits, Backspace, Esc, Enter.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.site_clock = site_clock or SiteClock()
        self.translations = translations
        self.runner = runner
        self._checking = False
        self.lock = lock
        self._stored_hash = stored_hash
        self.mode = CHECK
        self._entry = ""
        self._first = ""
        self._message: Text = CHECK_PROMPT
        self._is_error = False
        self.title = FitText("", self, role="screenTitle", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        self.message = BilingualText(translations, self, role="pinMessage", other_role="messageOther")
        self.message.setObjectName("PinMessage")
        self.display_frame = QFrame(self)
        self.display_frame.setObjectName("CodeDisplay")
        self.display = FitText("", self.display_frame, role="codeEntry", wrap=False,
                               align=Qt.AlignmentFlag.AlignCenter)
        self.display.setObjectName("PinEntry")
        QHBoxLayout(self.display_frame).addWidget(self.display)
        self.keypad = Keypad(self)
        self.back_button = TouchButton(role="nav", centred=True, parent=self)
        self.back_button.setObjectName("PinBackButton")
        self.ok_button = TouchButton(role="primary", centred=True, parent=self)
        self.ok_button.setObjectName("PinOkButton")
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.back_button.clicked.connect(self.cancelled)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._on_lock_timer_timeout)

        self.column = QWidget(self)
        col = QVBoxLayout(self.column)
        col.setContentsMargins(0, 0, 0, 0)
        self.column_box = col
        for w in (self.title, self.message, self.display_frame):
            w.setParent(self.column)
            col.addWidget(w, 0)
        self.keypad.setParent(self.column)
        col.addWidget(self.keypad, 1)
        buttons = QHBoxLayout()
        self.back_button.setParent(self.column)
        self.ok_button.setParent(self.column)
        buttons.addWidget(self.back_button, 1)
        buttons.addWidget(self.ok_button, 1)
        self.buttons = buttons
        col.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.column, 3)
        outer.addStretch(1)
        self.outer = outer
        self.retranslate_ui()

    # ---------------------------------------------------------------- state

    def start(self) -> None:
        """Begin afresh: ask for the PIN, or have one made when the device has none yet."""
        self._entry = self._first = ""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mode = CHECK if self._stored_hash() else SET_FIRST
        self._say(CHECK_PROMPT if self.mode == CHECK else SET_PROMPT)
        self._refresh_lock()

    def entry(self) -> str:
        return self._entry

    def message_text(self) -> str:
        return self.message.texts()[0]

    def is_checking(self) -> bool:
        """A PIN is being hashed off the GUI thread (a fifth of a second); the keys wait."""
        return self._checking

    def _set_checking(self, checking: bool) -> None:
        # The keys stay as they look (no grey flash for a fifth of a second); taps wait instead.
        self._checking = checking

    def is_locked_out(self) -> bool:
        return self.mode == CHECK and not self._checking and not self.keypad.isEnabled()

    def _say(self, text: Text, *, error: bool = False) -> None:
        self._message, self._is_error = text, error
        self.message.set_text(text)
        set_props(self.message.main, state="error" if error else "")
        self._show_entry()

    def _refresh_lock(self) -> None:
        until = self.lock.locked_until() if self.mode == CHECK else None
        locked = until is not None
        self.keypad.setEnabled(not locked)
        self.ok_button.setEnabled(not locked)
        if locked:
            self._entry = ""
            self._say(Text(LOCKED, {"time": self.site_clock.clock_text(until)}, context=C), error=True)
            self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self._say(CHECK_PROMPT)

    def _on_lock_timer_timeout(self) -> None:
        self._refresh_lock()

    # ---------------------------------------------------------------- keys

    def _on_keypad_key_pressed(self, key: str) -> None:
        if len(self._entry) < PIN_MAX and not self._checking:
            self._entry += key
        self._show_entry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        usable = self.keypad.isEnabled()
        if usable and len(text) == 1 and text.isdigit() and text.isascii():
            self._on_keypad_key_pressed(text)
        elif usable and key == Qt.Key.Key_Backspace:
            self._on_keypad_backspace_pressed()
        elif usable and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ok_button.isEnabled():
            self._on_ok_clicked()
        elif key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def _on_keypad_backspace_pressed(self) -> None:
        self._entry = self._entry[:-1]
        self._show_entry()

    def _on_keypad_clear_pressed(self) -> None:
        self._entry = ""
        self._show_entry()

    def _on_ok_clicked(self) -> None:
        if self._checking:
            return
        pin, self._entry = self._entry, ""
        if self.mode == CHECK:
            self._check(pin)
        elif self.mode == SET_FIRST:
            if pin_problem(pin):
                self._say(PIN_FORMAT, error=True)
                return
            self._first, self.mode = pin, SET_REPEAT
            self._say(REPEAT_PROMPT)
        else:
            first, self._first = self._first, ""
            if pin != first:
                self.mode = SET_FIRST
                self._say(MISMATCH, error=True)
                return
            self._set_checking(True)
            self.runner.run_task(lambda: hash_pin(pin), self._on_pin_hashed, self._on_hash_failed)

    def _on_pin_hashed(self, pin_hash: str) -> None:
        """The owner saves the hash, then calls ``pin_saved()`` or ``pin_not_saved(reason)``: nobody is
        let in on a PIN that was not kept."""
        self._set_checking(False)
        self.pin_created.emit(pin_hash)

    def pin_saved(self) -> None:
        self.mode = CHECK
        self.accepted.emit()

    def pin_exists(self) -> None:
        """A PIN reached the config file while this one was being made: ask for that one instead."""
        self.mode = CHECK
        self._say(PIN_EXISTS, error=True)
        self._refresh_lock()

    def pin_not_saved(self, reason: str) -> None:
        self.mode = SET_FIRST
        self._say(Text(NOT_SAVED, {"reason": reason}, context=C), error=True)

    def _on_hash_failed(self, error: BaseException) -> None:
        self._set_checking(False)
        self.mode = SET_FIRST if self.mode == SET_REPEAT else self.mode
        self._say(Text(UNEXPECTED, {"reason": type(error).__name__}, context=C), error=True)
        self._refresh_lock()

    def _check(self, pin: str) -> None:
        if self.lock.is_locked():
            self._refresh_lock()
            return
        stored = self._stored_hash()
        self._set_checking(True)
        self.runner.run_task(lambda: bool(stored) and verify_pin(pin, stored), self._on_pin_checked,
                             self._on_hash_failed)

    def _on_pin_checked(self, right: bool) -> None:
        self._set_checking(False)
        result = self.lock.record(right)
        if result.ok:
            self._say(CHECK_PROMPT)
            self.accepted.emit()
        elif result.locked_until is not None:
            self._refresh_lock()
        else:
            self._say(Text(WRONG, {"n": result.remaining}, context=C), error=True)

    def _show_entry(self) -> None:
        self.display.setText("●" * len(self._entry) if self._entry else "· · · ·")
        set_props(self.display, state="filled" if self._entry else "empty")

    # ---------------------------------------------------------------- look

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Mode teknisi"))
        self.back_button.set_texts(self.tr("← Kembali"))
        self.ok_button.set_texts(self.tr("Masuk"))
        self._show_entry()

    def apply_metrics(self, m: Metrics) -> None:
        self.outer.setContentsMargins(m.margin, m.px(28), m.margin, m.px(28))
        self.column_box.setSpacing(m.spacing)
        self.buttons.setSpacing(m.spacing)
        self.message.setFixedHeight(m.px(110))
        self.display_frame.setFixedHeight(m.px(110))
        self.back_button.setFixedHeight(m.px(96))
        self.ok_button.setFixedHeight(m.px(96))
        self.keypad.apply_metrics(m)
        self.column.setMaximumWidth(m.px(760))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
