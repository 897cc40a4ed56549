"""Staff log in with username and password; a refusal is shown in Indonesian with English beneath."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.counter.messages import StaffMessage
from ui.counter.notice import Notice
from ui.counter.screen import StaffScreen
from ui.counter.style import DeskMetrics
from ui.i18n import Translations
from ui.widgets.plain_label import PlainLabel

# Why the officer is asked to log in again: it holds until they have, however long they were away.
SESSION_OVER = frozenset({"invalid_token", "unauthorized", "token_renewed"})


class LoginScreen(StaffScreen):
    name = "login"
    login_requested = Signal(str, str)  # username, password

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self.card = QFrame(self)
        self.card.setProperty("role", "panel")
        self.title = PlainLabel(self.card)
        self.title.setProperty("textRole", "screenTitle")
        self.subtitle = PlainLabel(self.card)
        self.subtitle.setProperty("textRole", "screenSubtitle")
        self.subtitle.setWordWrap(True)
        self.username_label = PlainLabel(self.card)
        self.username_label.setProperty("textRole", "fieldLabel")
        self.username = QLineEdit(self.card)
        self.username.setObjectName("Username")
        self.username.setMaxLength(64)
        self.password_label = PlainLabel(self.card)
        self.password_label.setProperty("textRole", "fieldLabel")
        self.password = QLineEdit(self.card)
        self.password.setObjectName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.submit = QPushButton(self.card)
        self.submit.setObjectName("LoginButton")
        self.submit.setProperty("role", "primary")
        self.submit.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status = PlainLabel(self.card)
        self.status.setProperty("textRole", "hint")
        self.server = PlainLabel(self.card)
        self.server.setObjectName("ServerAddress")
        self.server.setProperty("textRole", "hint")
        self.error = Notice(translations, self.card)
        self.error.setObjectName("Notice")

        self.card_box = QVBoxLayout(self.card)
        self.card_box.addWidget(self.title)
        self.card_box.addWidget(self.subtitle)
        self.card_box.addSpacing(8)
        self.card_box.addWidget(self.username_label)
        self.card_box.addWidget(self.username)
        self.card_box.addWidget(self.password_label)
        self.card_box.addWidget(self.password)
        self.card_box.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.submit)
        self.card_box.addLayout(row)
        self.card_box.addWidget(self.server)

        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.card, 3)
        centre.addStretch(1)
        self.box.addStretch(1)
        self.box.addLayout(centre)
        self.box.addStretch(2)

        self.username.returnPressed.connect(self._on_username_return_pressed)
        self.password.returnPressed.connect(self._on_password_return_pressed)
        self.submit.clicked.connect(self._on_submit_clicked)
        self._busy = False
        self._server_url = ""
        self.retranslate_ui()

    # -- the controller's side -------------------------------------------------------------------

    def reset(self, username: str = "", server_url: str | None = None) -> None:
        """Empty the form (keeping ``username`` if given) and put the cursor where typing starts."""
        if server_url is not None:
            self._server_url = server_url
        self.username.setText(username)
        self.password.clear()
        self.set_busy(False)
        (self.password if username else self.username).setFocus()
        self.retranslate_ui()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.password, self.submit):
            widget.setEnabled(not busy)
        self.status.setText(self.tr("Sedang masuk…") if busy else "")

    def show_error(self, message: StaffMessage | None) -> None:
        if message is None:
            self.error.clear()
            return
        self.error.show_message(message, stays=message.code in SESSION_OVER)
        self.password.clear()
        self.password.setFocus()

    # -- events ----------------------------------------------------------------------------------

    def _on_username_return_pressed(self) -> None:
        self.password.setFocus()

    def _on_password_return_pressed(self) -> None:
        self._submit()

    def _on_submit_clicked(self) -> None:
        self._submit()

    def _submit(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if self._busy:
            return
        if not username:
            self.username.setFocus()
            return
        if not password:
            self.password.setFocus()
            return
        self.login_requested.emit(username, password)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Masuk Petugas Loket"))
        self.subtitle.setText(self.tr("Masuk dengan akun petugas Anda untuk membuka loket dan memanggil antrean."))
        self.username_label.setText(self.tr("Nama pengguna"))
        self.password_label.setText(self.tr("Kata sandi"))
        self.submit.setText(self.tr("Masuk"))
        self.server.setText(self.tr("Server: {url}").format(url=self._server_url) if self._server_url else "")
        if self._busy:
            self.status.setText(self.tr("Sedang masuk…"))

    def apply_metrics(self, m: DeskMetrics) -> None:
        super().apply_metrics(m)
        self.card.setMaximumWidth(m.px(560))
        self.card_box.setContentsMargins(m.px(32), m.px(28), m.px(32), m.px(24))
        self.card_box.setSpacing(m.px(8))
        self.error.apply_metrics(m)
        self.error.setMinimumHeight(m.px(112))
