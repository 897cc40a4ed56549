"""Check a ticket's status: type its code on a large keypad (or scan its QR anywhere, which the
controller handles); a code that cannot be a ticket code is refused here, in both languages."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.theme import Metrics, set_props
from ui.widgets.bilingual import BilingualText
from ui.widgets.fit_text import FitText
from ui.widgets.keypad import Keypad
from ui.widgets.nav_bar import NavBar
from ui.widgets.touch_button import TouchButton

MAX_LENGTH = 8
INVALID = Text(QT_TRANSLATE_NOOP("StatusEntryScreen", "Kode belum lengkap. Contoh kode: A-001 atau A1."),
               context="StatusEntryScreen")


class StatusEntryScreen(Screen):
    name = "status_entry"
    code_submitted = Signal(str)
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._entry = ""
        self.title = FitText("", self, role="screenTitle", wrap=False)
        self.subtitle = FitText("", self, role="screenSubtitle")
        self.display_frame = QFrame(self)
        self.display_frame.setObjectName("CodeDisplay")
        self.display = FitText("", self.display_frame, role="codeEntry", wrap=False,
                               align=Qt.AlignmentFlag.AlignCenter)
        self.display.setObjectName("CodeEntry")
        frame_box = QHBoxLayout(self.display_frame)
        frame_box.addWidget(self.display)
        self.ok_button = TouchButton(role="primary", centred=True, parent=self)
        self.ok_button.setObjectName("CheckButton")
        self.error = BilingualText(translations, self, role="inlineError", other_role="messageOther")
        self.error.setObjectName("EntryError")
        self.keypad = Keypad(self)
        self.nav = NavBar(self)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.nav.back_clicked.connect(self.back_requested)
        self.nav.home_clicked.connect(self.home_requested)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.display_frame, 3)
        entry_row.addWidget(self.ok_button, 1)
        self.entry_row = entry_row
        self.box.addWidget(self.title, 0)
        self.box.addWidget(self.subtitle, 0)
        self.box.addWidget(self.error, 0)
        self.box.addLayout(entry_row, 0)
        self.box.addWidget(self.keypad, 1)
        self.box.addWidget(self.nav, 0)
        self.error.hide()
        self.retranslate_ui()

    def set_letters(self, letters: tuple[str, ...]) -> None:
        self.keypad.set_letters(letters)

    def reset(self) -> None:
        self._entry = ""
        self._hide_error()
        self._show_entry()

    def entry(self) -> str:
        return self._entry

    def show_invalid(self) -> None:
        """The error takes the instructions' place, in the same room: the keypad below never moves
        or shrinks, so no key is cut off on a small screen."""
        self.error.set_text(INVALID)
        self.subtitle.hide()
        self.error.show()

    def _hide_error(self) -> None:
        self.error.hide()
        self.subtitle.show()

    def _on_keypad_key_pressed(self, key: str) -> None:
        if len(self._entry) < MAX_LENGTH:
            self._entry += key
        self._hide_error()
        self._show_entry()

    def _on_keypad_backspace_pressed(self) -> None:
        self._entry = self._entry[:-1]
        self._show_entry()

    def _on_keypad_clear_pressed(self) -> None:
        self.reset()

    def _on_ok_clicked(self) -> None:
        if not self._entry:
            self.show_invalid()
            return
        self.code_submitted.emit(self._entry)

    def _show_entry(self) -> None:
        self.display.setText(self._entry or self.tr("Ketik kode tiket, contoh A-001"))
        set_props(self.display, state="filled" if self._entry else "empty")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Cek status antrean"))
        self.subtitle.setText(self.tr("Ketik kode pada tiket Anda lalu tekan Cek, atau dekatkan QR tiket ke "
                                      "pemindai."))
        self.ok_button.set_texts(self.tr("Cek"))
        self.nav.set_texts(self.tr("← Kembali"), self.tr("Beranda"))
        self._show_entry()

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.entry_row.setSpacing(m.spacing)
        self.display_frame.setFixedHeight(m.px(120))
        self.ok_button.setFixedHeight(m.px(120))
        self.error.setFixedHeight(m.px(80))
        self.subtitle.setFixedHeight(m.px(80))
        self.keypad.apply_metrics(m)
