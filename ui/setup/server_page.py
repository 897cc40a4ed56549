"""Which server this device talks to, and its enrolment: the address is checked (form first, then
whether an Anjungan server answers there, off the GUI thread) before it is saved; a one-time code
from ``python main.py server enroll`` is traded for the device token, which the config keeps."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from core.config import DeviceConfig, with_change
from core.errors import ConfigError
from core.models import Health
from ui.i18n import Text
from ui.setup.form import FormField
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage, probe_client
from ui.setup.reasons import NO_CODE, backend_reason, config_reason

log = logging.getLogger(__name__)
C = "ServerPage"
CONNECTED = QT_TRANSLATE_NOOP("ServerPage", "Tersambung ke {site} (server versi {version}). Alamat disimpan.")
ENROLLED = Text(QT_TRANSLATE_NOOP("ServerPage", "Perangkat terdaftar. Token disimpan di konfigurasi."), context=C)
IS_ENROLLED = Text(QT_TRANSLATE_NOOP("ServerPage", "Perangkat ini sudah terdaftar. Daftarkan lagi hanya dengan kode "
                                                   "baru."), context=C)
NOT_ENROLLED = Text(QT_TRANSLATE_NOOP("ServerPage", "Perangkat ini belum terdaftar."), context=C)
CHECKING = Text(QT_TRANSLATE_NOOP("ServerPage", "Memeriksa…"), context=C)


class ServerPage(FormPage):
    title = Text(QT_TRANSLATE_NOOP("ServerPage", "Server dan pendaftaran"), context=C)

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._busy = False
        self.url_edit = QLineEdit()
        self.url_edit.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
        self.url_field = FormField(self.url_edit, self.body, name="ServerUrl")
        self.save_button = self.button("SaveServerButton")
        self.code_edit = QLineEdit()
        self.code_field = FormField(self.code_edit, self.body, name="EnrollCode")
        self.enroll_button = self.button("EnrollButton")
        self.enrolled_note = self.note("fieldLabel")
        self.enrolled_note.setObjectName("EnrolledNote")
        self.url_edit.returnPressed.connect(self._on_save_clicked)
        self.code_edit.returnPressed.connect(self._on_enroll_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.enroll_button.clicked.connect(self._on_enroll_clicked)
        self.form.addWidget(self.url_field)
        self.form.addLayout(self.button_row(self.save_button))
        self.form.addSpacing(36)
        self.form.addWidget(self.enrolled_note)
        self.form.addWidget(self.code_field)
        self.form.addLayout(self.button_row(self.enroll_button))
        self.form.addStretch(1)
        self.retranslate_ui()

    # ---------------------------------------------------------------- life

    def refresh(self) -> None:
        self.url_edit.setText(self.context.config.server_url)
        self.code_edit.clear()
        self.url_field.clear_error()
        self.code_field.clear_error()
        self._show_enrolment()

    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.save_button, self.enroll_button, self.url_edit, self.code_edit):
            w.setEnabled(not busy)

    def _show_enrolment(self) -> None:
        self.enrolled_note.setText(self.text(IS_ENROLLED if self.context.config.token else NOT_ENROLLED))

    def _checked_url(self) -> DeviceConfig | None:
        """The config with the typed address, or None (the reason shown) when its form is wrong."""
        try:
            return with_change(self.context.config, "server_url", self.url_edit.text().strip())
        except ConfigError as exc:
            self.url_field.show_error(self.text(config_reason(exc)))
            return None

    # ---------------------------------------------------------------- the address

    def _on_save_clicked(self) -> None:
        if self._busy:
            return
        self.url_field.clear_error()
        candidate = self._checked_url()
        if candidate is None:
            return
        self._set_busy(True)
        self.url_field.show_error(self.text(CHECKING), ok=True)

        def work() -> Health:
            client = probe_client(candidate.server_url)
            try:
                return client.health()
            finally:
                client.close()

        self.context.runner.run_task(work, lambda health: self._on_health_ok(candidate, health),
                                     self._on_health_failed)

    def _on_health_ok(self, candidate: DeviceConfig, health: Health) -> None:
        self._set_busy(False)
        try:
            saved = self.context.save(dataclasses.replace(self.context.config, server_url=candidate.server_url))
        except ConfigError as exc:
            self.url_field.show_error(self.text(config_reason(exc)))
            return
        except OSError as exc:
            self.url_field.show_error(str(exc))
            return
        log.info("server address set to %s", saved.server_url)
        self.url_field.show_error(self.text(Text(CONNECTED, {"site": health.site or "-", "version": health.version},
                                                 context=C)), ok=True)
        self.saved.emit(saved)

    def _on_health_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.warning("server address refused: %s", error)
        self.url_field.show_error(self.text(backend_reason(error)))

    # ---------------------------------------------------------------- enrolment

    def _on_enroll_clicked(self) -> None:
        if self._busy:
            return
        self.code_field.clear_error()
        self.url_field.clear_error()
        code = self.code_edit.text().strip()
        if not code:
            self.code_field.show_error(self.text(NO_CODE))
            return
        candidate = self._checked_url()
        if candidate is None:
            return
        self._set_busy(True)
        self.code_field.show_error(self.text(CHECKING), ok=True)

        def work() -> str:
            client = probe_client(candidate.server_url)
            try:
                return client.enroll(code)
            finally:
                client.close()

        self.context.runner.run_task(work, lambda token: self._on_enrolled(candidate, token), self._on_enroll_failed)

    def _on_enrolled(self, candidate: DeviceConfig, token: str) -> None:
        self._set_busy(False)
        try:
            saved = self.context.save(dataclasses.replace(self.context.config, server_url=candidate.server_url,
                                                          token=token))
        except (ConfigError, OSError) as exc:
            self.code_field.show_error(self.text(config_reason(exc)) if isinstance(exc, ConfigError) else str(exc))
            return
        log.info("device enrolled with %s", saved.server_url)
        self.code_edit.clear()
        self.code_field.show_error(self.text(ENROLLED), ok=True)
        self._show_enrolment()
        self.saved.emit(saved)

    def _on_enroll_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.warning("enrolment failed: %s", error)
        self.code_field.show_error(self.text(backend_reason(error)))

    # ---------------------------------------------------------------- texts

    def retranslate_ui(self) -> None:
        self.url_field.set_texts(self.tr("Alamat server"),
                                 self.tr("Contoh: http://10.0.0.2:8080. Disimpan setelah server menjawab."))
        self.code_field.set_texts(self.tr("Kode pendaftaran sekali pakai"),
                                  self.tr("Buat kode di server: python main.py server enroll --kind display "
                                          "--name NAMA.") if self.context.kind == "display" else
                                  self.tr("Buat kode di server: python main.py server enroll --kind survey "
                                          "--name NAMA.") if self.context.kind == "survey" else
                                  self.tr("Buat kode di server: python main.py server enroll --kind kiosk "
                                          "--name NAMA (atau --kind display)."))
        self.save_button.set_texts(self.tr("Periksa dan simpan"))
        self.enroll_button.set_texts(self.tr("Daftarkan"))
        self._show_enrolment()
