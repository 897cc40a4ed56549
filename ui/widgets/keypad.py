"""The on-screen keypad for a ticket code: the letters the site's prefixes use, the digits, delete
and clear. Letters beside the digits in landscape, above them in portrait."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QPushButton, QSizePolicy, QWidget

from ui.theme import Metrics, metrics_for
from ui.widgets.touch_button import TouchButton

DIGITS = ("1", "2", "3", "4", "5", "6", "7", "8", "9")


def _key(text: str, parent: QWidget, variant: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("role", "key")
    button.setProperty("variant", variant)
    button.setObjectName(f"key-{text}")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return button


class Keypad(QWidget):
    key_pressed = Signal(str)
    backspace_pressed = Signal()
    clear_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics: Metrics | None = None
        self.letter_keys: dict[str, QPushButton] = {}
        self.digit_keys: dict[str, QPushButton] = {}
        self.letters = QWidget(self)
        self.digits = QWidget(self)
        self.letter_grid = QGridLayout(self.letters)
        self.digit_grid = QGridLayout(self.digits)
        for grid in (self.letter_grid, self.digit_grid):
            grid.setContentsMargins(0, 0, 0, 0)
        for digit in (*DIGITS, "0"):
            key = _key(digit, self.digits, "digit")
            key.clicked.connect(lambda _=False, d=digit: self.key_pressed.emit(d))
            self.digit_keys[digit] = key
        self.backspace = TouchButton(role="keyAction", centred=True, parent=self.digits)
        self.clear = TouchButton(role="keyAction", centred=True, parent=self.digits)
        self.backspace.setObjectName("key-backspace")
        self.clear.setObjectName("key-clear")
        self.backspace.clicked.connect(self.backspace_pressed)
        self.clear.clicked.connect(self.clear_pressed)
        for index, digit in enumerate(DIGITS):
            self.digit_grid.addWidget(self.digit_keys[digit], index // 3, index % 3)
        self.digit_grid.addWidget(self.backspace, 3, 0)
        self.digit_grid.addWidget(self.digit_keys["0"], 3, 1)
        self.digit_grid.addWidget(self.clear, 3, 2)
        for column in range(3):
            self.digit_grid.setColumnStretch(column, 1)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.letters, 3)
        self.box.addWidget(self.digits, 2)
        self._retranslate()

    def set_letters(self, letters: tuple[str, ...]) -> None:
        if tuple(self.letter_keys) == letters:
            return
        for key in self.letter_keys.values():
            key.deleteLater()
        self.letter_keys = {}
        for letter in letters:
            key = _key(letter, self.letters, "letter")
            key.clicked.connect(lambda _=False, c=letter: self.key_pressed.emit(c))
            self.letter_keys[letter] = key
        self._arrange()

    def apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        self._arrange()

    def _arrange(self) -> None:
        m = self._metrics or metrics_for(self)
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if m.landscape else QBoxLayout.Direction.TopToBottom)
        self.box.setSpacing(m.px(36))
        for grid in (self.letter_grid, self.digit_grid):
            grid.setSpacing(m.px(14))
        for i in reversed(range(self.letter_grid.count())):
            self.letter_grid.takeAt(i)
        count = len(self.letter_keys)
        columns = max(1, (count + 3) // 4) if m.landscape else max(1, (count + 2) // 3)
        letter_rows = max(1, -(-count // columns)) if count else 0
        # Portrait: every key row equally tall, letters above digits (four rows).
        self.box.setStretch(0, 3 if m.landscape else letter_rows)
        self.box.setStretch(1, 2 if m.landscape else 4)
        for index, key in enumerate(self.letter_keys.values()):
            self.letter_grid.addWidget(key, index // columns, index % columns)
        for column in range(self.letter_grid.columnCount()):
            self.letter_grid.setColumnStretch(column, 1 if column < columns else 0)
        self.letters.setVisible(bool(self.letter_keys))

    def _retranslate(self) -> None:
        self.backspace.set_texts(self.tr("⌫ Hapus"))
        self.clear.set_texts(self.tr("Ulang"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
