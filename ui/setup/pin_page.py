"""Change the technician PIN: the current one (a wrong one counts towards the lockout), the new one
twice. Only its salted hash is saved."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from core.errors import ConfigError
from core.technician_pin import PIN_MAX, PIN_MIN, PinChangedElsewhere, PinLock, hash_pin, pin_problem, verify_pin
from ui.i18n import Text
from ui.setup.form import FormField
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage
from ui.setup.reasons import PIN_FORMAT, PIN_MISMATCH, PIN_WRONG, config_reason

C = "PinPage"
CHANGED = Text(QT_TRANSLATE_NOOP("PinPage", "PIN baru disimpan."), context=C)
CHANGED_ELSEWHERE = Text(QT_TRANSLATE_NOOP("PinPage", "PIN teknisi baru saja diganti di luar layar ini; PIN baru "
                                                      "tidak disimpan. Ketik PIN yang berlaku sekarang."), context=C)


def _pin_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class PinPage(FormPage):
    title = Text(QT_TRANSLATE_NOOP("PinPage", "Ganti PIN"), context=C)

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.current_field = FormField(_pin_edit(), self.body, name="CurrentPin")
        self.new_field = FormField(_pin_edit(), self.body, name="NewPin")
        self.repeat_field = FormField(_pin_edit(), self.body, name="RepeatPin")
        self.save_button = self.button("SavePinButton")
        self.status = self.note("fieldOk")
        self.status.setObjectName("PinStatus")
        self.save_button.clicked.connect(self._on_save_clicked)
        for w in (self.current_field, self.new_field, self.repeat_field):
            w.setMaximumWidth(700)
            self.form.addWidget(w)
        self.form.addLayout(self.button_row(self.save_button))
        self.form.addWidget(self.status)
        self.form.addStretch(1)
        self.retranslate_ui()

    def refresh(self) -> None:
        for field in (self.current_field, self.new_field, self.repeat_field):
            field.editor.clear()
            field.clear_error()
        self.status.clear()

    def is_busy(self) -> bool:
        return not self.save_button.isEnabled()

    def _on_save_clicked(self) -> None:
        if self.is_busy():
            return
        self.status.clear()
        current, new, repeat = (f.editor.text() for f in (self.current_field, self.new_field, self.repeat_field))
        for field in (self.current_field, self.new_field, self.repeat_field):
            field.clear_error()
        if pin_problem(new):
            self.new_field.show_error(self.text(PIN_FORMAT))
            return
        if new != repeat:
            self.repeat_field.show_error(self.text(PIN_MISMATCH))
            return
        lock: PinLock | None = self.context.pin_lock
        if lock is not None and lock.is_locked():
            self.current_field.show_error(self.text(PIN_WRONG))
            return
        # The current PIN is the one in the file now (``config set-pin`` may have changed it since).
        stored = self.context.reload().technician_pin_hash

        def work() -> tuple[bool, str]:   # scrypt twice: half a second, so off the GUI thread
            right = not stored or verify_pin(current, stored)
            return right, hash_pin(new) if right else ""

        self.save_button.setEnabled(False)
        self.context.runner.run_task(work, lambda result: self._on_checked(stored, *result), self._on_check_failed)

    def _on_checked(self, checked_against: str, right: bool, new_hash: str) -> None:
        self.save_button.setEnabled(True)
        lock: PinLock | None = self.context.pin_lock
        if checked_against and lock is not None:
            right = lock.record(right).ok
        if not right:
            self.current_field.show_error(self.text(PIN_WRONG))
            self.current_field.editor.clear()
            return
        try:
            if self.context.config.technician_pin_hash != checked_against:
                raise PinChangedElsewhere()
            saved = self.context.save(dataclasses.replace(self.context.config, technician_pin_hash=new_hash))
        except PinChangedElsewhere:
            self.current_field.show_error(self.text(CHANGED_ELSEWHERE))
            self.current_field.editor.clear()
            return
        except ConfigError as exc:
            self.new_field.show_error(self.text(config_reason(exc)))
            return
        except OSError as exc:
            self.new_field.show_error(str(exc))
            return
        self.refresh()
        self.status.setText(self.text(CHANGED))
        self.saved.emit(saved)

    def _on_check_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.new_field.show_error(str(error))

    def retranslate_ui(self) -> None:
        self.current_field.set_texts(self.tr("PIN sekarang"))
        self.new_field.set_texts(self.tr("PIN baru"),
                                 self.tr("{low} sampai {high} angka.").format(low=PIN_MIN, high=PIN_MAX))
        self.repeat_field.set_texts(self.tr("Ulangi PIN baru"))
        self.save_button.set_texts(self.tr("Simpan PIN"))
