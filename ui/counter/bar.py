"""The band across the top of the counter window: the app and site, who is logged in, and the
way out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.counter.style import DeskMetrics
from ui.widgets.plain_label import PlainLabel


class CounterBar(QFrame):
    logout_requested = Signal()
    password_requested = Signal()  # the officer wants to change their own password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CounterBar")
        self.title = PlainLabel(self)
        self.title.setProperty("textRole", "barTitle")
        self.site = PlainLabel(self)
        self.site.setProperty("textRole", "barDetail")
        self.user = PlainLabel(self)
        self.user.setObjectName("BarUser")
        self.user.setProperty("textRole", "barDetail")
        self.user.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.logout = QPushButton(self)
        self.logout.setObjectName("LogoutButton")
        self.logout.setProperty("role", "bar")
        self.logout.setCursor(Qt.CursorShape.PointingHandCursor)
        self.logout.clicked.connect(self._on_logout_clicked)
        self.password = QPushButton(self)
        self.password.setObjectName("ChangePasswordBarButton")
        self.password.setProperty("role", "bar")
        self.password.setCursor(Qt.CursorShape.PointingHandCursor)
        self.password.clicked.connect(self._on_password_clicked)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.site)
        self.row = QHBoxLayout(self)
        self.row.addLayout(names, 1)
        self.row.addWidget(self.user)
        self.row.addWidget(self.password)
        self.row.addWidget(self.logout)
        self._user_text = ""
        self.set_site("")
        self.set_user("")
        self.retranslate_ui()

    def set_site(self, name: str) -> None:
        self.site.setText(name)
        self.site.setVisible(bool(name))

    def set_user(self, display_name: str) -> None:
        """Who is logged in; empty hides the user and the logout button."""
        self._user_text = display_name
        self.user.setVisible(bool(display_name))
        self.logout.setVisible(bool(display_name))
        self.password.setVisible(bool(display_name))
        self.retranslate_ui()

    def set_busy(self, busy: bool) -> None:
        self.logout.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Anjungan · Aplikasi Petugas Loket"))
        self.user.setText(self.tr("Petugas: {name}").format(name=self._user_text) if self._user_text else "")
        self.logout.setText(self.tr("Keluar"))
        self.password.setText(self.tr("Ganti kata sandi"))

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.setFixedHeight(m.bar_height)
        self.row.setContentsMargins(m.margin, m.px(4), m.margin, m.px(6))
        self.row.setSpacing(m.px(16))

    def _on_logout_clicked(self) -> None:
        self.logout_requested.emit()

    def _on_password_clicked(self) -> None:
        self.password_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
