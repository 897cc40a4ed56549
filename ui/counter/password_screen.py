"""The officer chooses their own password: at once after a login with one an admin set, or any
time from the bar's "Ganti kata sandi". The new one is typed twice, so a slip is caught here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.counter.messages import StaffMessage, message_for_code
from ui.counter.notice import Notice
from ui.counter.screen import StaffScreen
from ui.counter.style import DeskMetrics
from ui.i18n import Translations
from ui.widgets.plain_label import PlainLabel

MIN_LENGTH = 8  # the server's MIN_PASSWORD_LENGTH; it checks again


class PasswordScreen(StaffScreen):
    name = "password"
    change_requested = Signal(str, str)  # current password, new password
    cancelled = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._required = False
        self._busy = False
        self.card = QFrame(self)
        self.card.setProperty("role", "panel")
        self.title = PlainLabel(self.card)
        self.title.setProperty("textRole", "screenTitle")
        self.subtitle = PlainLabel(self.card)
        self.subtitle.setProperty("textRole", "screenSubtitle")
        self.subtitle.setWordWrap(True)
        self.card_box = QVBoxLayout(self.card)
        self.card_box.addWidget(self.title)
        self.card_box.addWidget(self.subtitle)
        self.labels: list[PlainLabel] = []
        self.current = self._field("CurrentPassword")
        self.new = self._field("NewPassword")
        self.repeat = self._field("RepeatPassword")
        self.notice = Notice(translations, self.card)
        self.notice.expiry.timeout.connect(self._on_notice_expired)
        self.card_box.addWidget(self.notice)
        self.cancel = QPushButton(self.card)
        self.cancel.setObjectName("CancelPasswordButton")
        self.cancel.setProperty("role", "secondary")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.submit = QPushButton(self.card)
        self.submit.setObjectName("ChangePasswordButton")
        self.submit.setProperty("role", "primary")
        self.submit.setCursor(Qt.CursorShape.PointingHandCursor)
        self.submit.clicked.connect(self._on_submit_clicked)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.submit)
        self.card_box.addLayout(row)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self._on_submit_clicked)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.card, 3)
        centre.addStretch(1)
        self.box.addStretch(1)
        self.box.addLayout(centre)
        self.box.addStretch(2)
        self.retranslate_ui()

    def _field(self, name: str) -> QLineEdit:
        label = PlainLabel(self.card)
        label.setProperty("textRole", "fieldLabel")
        field = QLineEdit(self.card)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(128)
        label.setBuddy(field)
        self.labels.append(label)
        self.card_box.addWidget(label)
        self.card_box.addWidget(field)
        return field

    # -- the controller's side -------------------------------------------------------------------

    def open(self, *, required: bool) -> None:
        """Empty fields; ``required`` (an admin's password) offers no way back but Keluar."""
        self._required = required
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.notice.clear()
        self._say_why_required()
        self.set_busy(False)
        self.current.setFocus()
        self.retranslate_ui()

    def required(self) -> bool:
        return self._required

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.current, self.new, self.repeat, self.submit, self.cancel):
            widget.setEnabled(not busy)
        self.cancel.setVisible(not self._required)

    def show_message(self, message: StaffMessage | None) -> None:
        if message is None:
            self.notice.clear()
        else:
            self.notice.show_message(message)

    # -- events ----------------------------------------------------------------------------------

    def _on_submit_clicked(self) -> None:
        if self._busy:
            return
        current, new = self.current.text(), self.new.text()
        if not current:
            self.current.setFocus()
            return
        if len(new) < MIN_LENGTH:
            self.show_message(message_for_code("password_too_short", min_length=MIN_LENGTH))
            self.new.setFocus()
            return
        if new != self.repeat.text():
            self.show_message(message_for_code("password_mismatch"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.change_requested.emit(current, new)

    def _say_why_required(self) -> None:
        if self._required:
            self.notice.show_message(message_for_code("password_change_required"), stays=True)

    def _on_notice_expired(self) -> None:
        """A refusal has had its time: while a password of one's own is still needed, say so again."""
        self._say_why_required()

    def _on_cancel_clicked(self) -> None:
        if not self._busy and not self._required:
            self.cancelled.emit()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Ganti Kata Sandi"))
        self.subtitle.setText(self.tr("Kata sandi dibuat oleh admin: pilih kata sandi Anda sendiri sebelum "
                                      "mulai bertugas.") if self._required else
                              self.tr("Pilih kata sandi baru, paling sedikit {n} karakter.").format(n=MIN_LENGTH))
        texts = (self.tr("Kata sandi sekarang"), self.tr("Kata sandi baru (paling sedikit {n} karakter)"),
                 self.tr("Ulangi kata sandi baru"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text.format(n=MIN_LENGTH))
        self.submit.setText(self.tr("Ganti Kata Sandi"))
        self.cancel.setText(self.tr("Batal"))

    def apply_metrics(self, m: DeskMetrics) -> None:
        super().apply_metrics(m)
        self.card.setMaximumWidth(m.px(600))
        self.card_box.setContentsMargins(m.px(32), m.px(28), m.px(32), m.px(24))
        self.card_box.setSpacing(m.px(8))
        self.notice.apply_metrics(m)
        self.notice.setMinimumHeight(m.px(96))
