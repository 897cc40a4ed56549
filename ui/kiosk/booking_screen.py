"""Saya sudah booking: the booking code typed on a digit keypad (shown grouped, 123-456-789) and then the
NIK's last four digits, or the booking's QR scanned anywhere (the controller handles the scanner). The
code's check digit is checked here, as it is typed: a mistyped digit is said at once, before any request."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from core import booking_code
from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.theme import Metrics, set_props
from ui.widgets.bilingual import BilingualText
from ui.widgets.fit_text import FitText
from ui.widgets.keypad import Keypad
from ui.widgets.nav_bar import NavBar
from ui.widgets.touch_button import TouchButton

LAST4 = 4
_C = "BookingScreen"
MISTYPED = Text(QT_TRANSLATE_NOOP("BookingScreen", "Kode salah ketik. Periksa lagi kode booking Anda."), context=_C)
CODE_SHORT = Text(QT_TRANSLATE_NOOP("BookingScreen", "Kode booking terdiri dari 9 angka."), context=_C)
LAST4_SHORT = Text(QT_TRANSLATE_NOOP("BookingScreen", "Ketik 4 angka terakhir NIK Anda."), context=_C)
_CENTRE = Qt.AlignmentFlag.AlignCenter


class _Field(QFrame):
    """A display box with its caption inside, at the top: a caption row of its own would take the height
    the keypad's bottom row needs on a 1080-pixel screen."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("CodeDisplay")
        self.label = FitText("", self, role="factLabel", align=_CENTRE)
        self.display = FitText("", self, role="codeEntry", wrap=False, align=_CENTRE)
        self.display.setObjectName(name)
        self.box = QVBoxLayout(self)
        self.box.setSpacing(0)
        self.box.addWidget(self.label, 0)
        self.box.addWidget(self.display, 1)

    def apply_metrics(self, m: Metrics) -> None:
        self.setFixedHeight(m.px(132))
        self.box.setContentsMargins(m.px(16), m.px(6), m.px(16), m.px(4))


class BookingScreen(Screen):
    name = "booking"
    check_in_requested = Signal(str, str)  # the booking code (9 digits), the NIK's last four digits
    back_requested = Signal()
    home_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._code = ""
        self._last4 = ""
        self.title = FitText("", self, role="screenTitle", wrap=False)
        self.subtitle = FitText("", self, role="screenSubtitle")
        self.error = BilingualText(translations, self, role="inlineError", other_role="messageOther")
        self.error.setObjectName("BookingError")
        self.code_frame = _Field(self, "BookingCode")
        self.last4_frame = _Field(self, "BookingNikLast4")
        self.code_label, self.code_display = self.code_frame.label, self.code_frame.display
        self.last4_label, self.last4_display = self.last4_frame.label, self.last4_frame.display
        self.ok_button = TouchButton(role="primary", centred=True, parent=self)
        self.ok_button.setObjectName("CheckInButton")
        self.keypad = Keypad(self)
        self.keypad.set_letters(())
        self.nav = NavBar(self)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.nav.back_clicked.connect(self.back_requested)
        self.nav.home_clicked.connect(self.home_requested)

        self.entry_row = QHBoxLayout()
        self.entry_row.addWidget(self.code_frame, 4)
        self.entry_row.addWidget(self.last4_frame, 3)
        self.entry_row.addWidget(self.ok_button, 2)
        self.box.addWidget(self.title, 0)
        self.box.addWidget(self.subtitle, 0)
        self.box.addWidget(self.error, 0)
        self.box.addLayout(self.entry_row, 0)
        self.keypad_row = QHBoxLayout()
        self.keypad_row.addStretch(0)
        self.keypad_row.addWidget(self.keypad, 1)
        self.keypad_row.addStretch(0)
        self.box.addLayout(self.keypad_row, 1)
        self.box.addWidget(self.nav, 0)
        self.error.hide()
        self.retranslate_ui()

    # -- what the controller asks -------------------------------------------------------------

    def reset(self) -> None:
        """Nothing typed stays: not the code, not one digit of the NIK."""
        self._code = ""
        self._last4 = ""
        self._hide_error()
        self._show_entry()

    def code(self) -> str:
        return self._code

    def last4(self) -> str:
        return self._last4

    # -- typing ---------------------------------------------------------------------------------

    def _code_mistyped(self) -> bool:
        return len(self._code) == booking_code.LENGTH and not booking_code.is_valid(self._code)

    def _on_keypad_key_pressed(self, digit: str) -> None:
        if len(self._code) < booking_code.LENGTH:
            self._code += digit
        elif self._code_mistyped():
            return  # the code must be put right first: the digits would go nowhere useful
        elif len(self._last4) < LAST4:
            self._last4 += digit
        if self._code_mistyped():
            self._show_error(MISTYPED)
        else:
            self._hide_error()
        self._show_entry()

    def _on_keypad_backspace_pressed(self) -> None:
        if self._last4:
            self._last4 = self._last4[:-1]
        else:
            self._code = self._code[:-1]
        self._hide_error()
        self._show_entry()

    def _on_keypad_clear_pressed(self) -> None:
        self.reset()

    def _on_ok_clicked(self) -> None:
        if len(self._code) < booking_code.LENGTH:
            self._show_error(CODE_SHORT)
        elif self._code_mistyped():
            self._show_error(MISTYPED)
        elif len(self._last4) < LAST4:
            self._show_error(LAST4_SHORT)
        else:
            self.check_in_requested.emit(self._code, self._last4)

    # -- showing --------------------------------------------------------------------------------

    def _show_error(self, text: Text) -> None:
        """In the instructions' room, as on the status keypad: nothing below moves."""
        self.error.set_text(text)
        self.subtitle.hide()
        self.error.show()

    def _hide_error(self) -> None:
        self.error.hide()
        self.subtitle.show()

    def _show_entry(self) -> None:
        typing_code = len(self._code) < booking_code.LENGTH or self._code_mistyped()
        self.code_display.setText(booking_code.shown(self._code) if self._code else self.tr("9 angka"))
        self.last4_display.setText(self._last4 or self.tr("4 angka"))
        set_props(self.code_display, state="filled" if self._code else "empty")
        set_props(self.last4_display, state="filled" if self._last4 else "empty")
        set_props(self.code_frame, active="true" if typing_code else "false",
                  mistyped="true" if self._code_mistyped() else "false")
        set_props(self.last4_frame, active="false" if typing_code else "true")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Saya sudah booking"))
        self.subtitle.setText(self.tr("Dekatkan QR booking ke pemindai, atau ketik kode booking lalu 4 angka "
                                      "terakhir NIK."))
        self.code_label.setText(self.tr("Kode booking"))
        self.last4_label.setText(self.tr("4 angka terakhir NIK"))
        self.ok_button.set_texts(self.tr("Check-in"))
        self.nav.set_texts(self.tr("← Kembali"), self.tr("Beranda"))
        self._show_entry()

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self.entry_row.setSpacing(m.spacing)
        self.code_frame.apply_metrics(m)
        self.last4_frame.apply_metrics(m)
        self.ok_button.setFixedHeight(m.px(132))
        self.error.setFixedHeight(m.px(80))
        self.subtitle.setFixedHeight(m.px(80))
        self.keypad.apply_metrics(m)
        # Digits only: in landscape a keypad as wide as the screen would make keys far wider than a finger.
        side = 1 if m.landscape else 0
        self.keypad_row.setStretch(0, side)
        self.keypad_row.setStretch(2, side)
        self.keypad_row.setStretch(1, 4 if m.landscape else 1)
