"""This device's name and place, and for a kiosk the agencies it offers (from the server's catalog,
loaded off the GUI thread), its default language and idle timeout. Every value is checked before
anything is saved; a refused one shows its reason beside its field."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from core.config import DEVICE_NAME_MAX, IDLE_TIMEOUT_MAX_S, IDLE_TIMEOUT_MIN_S, DeviceConfig, with_change
from core.errors import ConfigError
from core.models import Catalog
from ui.i18n import Text
from ui.setup.form import FormField
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage, probe_client
from ui.setup.reasons import backend_reason, config_reason
from ui.widgets.plain_label import plain_tooltip

log = logging.getLogger(__name__)
C = "DevicePage"
SAVED = Text(QT_TRANSLATE_NOOP("DevicePage", "Disimpan."), context=C)
LOADING = Text(QT_TRANSLATE_NOOP("DevicePage", "Memuat daftar instansi dari server…"), context=C)
NOT_LOADED = QT_TRANSLATE_NOOP("DevicePage", "Daftar instansi tidak dapat dimuat, pilihan tidak diubah. {reason}")
ALL_HINT = Text(QT_TRANSLATE_NOOP("DevicePage", "Centang instansi yang dilayani anjungan ini. Semua tercentang "
                                                "berarti semua instansi, termasuk yang ditambahkan nanti."), context=C)


class DevicePage(FormPage):
    title = Text(QT_TRANSLATE_NOOP("DevicePage", "Perangkat"), context=C)

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._catalog_loaded = False
        self.name_field = FormField(QLineEdit(), self.body, name="DeviceName")
        self.location_field = FormField(QLineEdit(), self.body, name="Location")
        self.agency_list = QListWidget()
        self.agency_field = FormField(self.agency_list, self.body, name="AgencyList")
        self.language_box = QComboBox()
        self.language_box.addItem("Bahasa Indonesia", "id")
        self.language_box.addItem("English", "en")
        self.language_field = FormField(self.language_box, self.body, name="Language")
        self.idle_edit = QLineEdit()
        self.idle_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.idle_field = FormField(self.idle_edit, self.body, name="IdleTimeout")
        self.save_button = self.button("SaveDeviceButton")
        self.status = self.note("fieldOk")
        self.status.setObjectName("DeviceStatus")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.fields: dict[str, FormField] = {"device_name": self.name_field, "location": self.location_field,
                                             "agencies": self.agency_field, "language": self.language_field,
                                             "idle_timeout_s": self.idle_field}
        # Two columns: the short fields on the left, the agencies' long list on the right.
        grid = QGridLayout()
        grid.setHorizontalSpacing(36)
        grid.setVerticalSpacing(18)
        for row, key in enumerate(("device_name", "location", "language", "idle_timeout_s")):
            grid.addWidget(self.fields[key], row, 0)
        grid.addWidget(self.agency_field, 0, 1, 5, 1)
        grid.setRowStretch(4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.form.addLayout(grid, 1)
        self.form.addLayout(self.button_row(self.save_button))
        self.form.addWidget(self.status)
        kiosk_only = context.kind == "kiosk"
        self.agency_field.setVisible(kiosk_only)
        self.idle_field.setVisible(context.kind in ("kiosk", "survey"))  # the survey tablet discards when idle
        self.agency_list.setMinimumHeight(260)
        self.agency_list.setWordWrap(True)
        self.agency_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate_ui()

    # ---------------------------------------------------------------- life

    def refresh(self) -> None:
        cfg = self.context.config
        self.name_field.editor.setText(cfg.device_name)
        self.location_field.editor.setText(cfg.location)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(cfg.language)))
        self.idle_edit.setText(str(cfg.idle_timeout_s))
        self.status.clear()
        for field in self.fields.values():
            field.clear_error()
        if self.context.kind == "kiosk":
            self._load_catalog()

    def _load_catalog(self) -> None:
        self.agency_list.clear()
        self._catalog_loaded = False
        self.agency_field.show_error(self.text(LOADING), ok=True)
        cfg = self.context.config

        def work() -> Catalog:
            client = probe_client(cfg.server_url, cfg.token or None)
            try:
                return client.catalog()
            finally:
                client.close()

        self.context.runner.run_task(work, self._on_catalog_loaded, self._on_catalog_failed)

    def _on_catalog_loaded(self, catalog: Catalog) -> None:
        wanted = set(self.context.config.agencies)
        self.agency_list.clear()
        for agency in catalog.agencies:
            lang = self.context.translations.language or "id"
            item = QListWidgetItem(agency.name_en if lang == "en" else agency.name)
            item.setToolTip(plain_tooltip(agency.id))
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = not wanted or agency.id in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.agency_list.addItem(item)
        self._catalog_loaded = True
        self.agency_field.clear_error()

    def _on_catalog_failed(self, error: BaseException) -> None:
        log.warning("catalog for the agencies list failed: %s", error)
        self.agency_field.show_error(self.text(Text(NOT_LOADED, {"reason": backend_reason(error)}, context=C)))

    def agency_items(self) -> dict[str, QListWidgetItem]:
        items = (self.agency_list.item(i) for i in range(self.agency_list.count()))
        return {item.data(Qt.ItemDataRole.UserRole): item for item in items}

    # ---------------------------------------------------------------- saving

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"device_name": self.name_field.editor.text().strip(),
                                  "location": self.location_field.editor.text().strip(),
                                  "language": self.language_box.currentData()}
        if self.context.kind in ("kiosk", "survey"):
            values["idle_timeout_s"] = self.idle_edit.text().strip()
        if self.context.kind == "kiosk":
            if self._catalog_loaded:
                items = self.agency_items()
                chosen = tuple(key for key, item in items.items() if item.checkState() == Qt.CheckState.Checked)
                values["agencies"] = () if len(chosen) == len(items) else chosen
        return values

    def _on_save_clicked(self) -> None:
        self.status.clear()
        candidate: DeviceConfig = self.context.config
        problems: dict[str, str] = {}
        for key, value in self._values().items():
            try:
                candidate = with_change(candidate, key, value)
            except ConfigError as exc:
                problems[str(exc.params.get("key", key))] = self.text(config_reason(exc))
        if self.context.kind == "kiosk" and self._catalog_loaded and not any(
                item.checkState() == Qt.CheckState.Checked for item in self.agency_items().values()):
            problems["agencies"] = self.tr("Pilih paling sedikit satu instansi.")
        for key, field in self.fields.items():
            if key in problems:
                field.show_error(problems[key])
                self.reveal(field)
            else:
                field.clear_error()
        if problems:
            return
        try:
            saved = self.context.save(candidate)
        except ConfigError as exc:
            self.fields.get(str(exc.params.get("key")), self.name_field).show_error(self.text(config_reason(exc)))
            return
        except OSError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.text(SAVED))
        self.saved.emit(saved)

    # ---------------------------------------------------------------- texts

    def retranslate_ui(self) -> None:
        board = self.context.kind == "display"
        self.name_field.set_texts(self.tr("Nama perangkat"),
                                  (self.tr("Mis. Papan Aula 1. Paling banyak {limit} karakter.") if board else
                                   self.tr("Mis. Anjungan Lobi 1. Paling banyak {limit} karakter.")).format(
                                      limit=DEVICE_NAME_MAX))
        self.location_field.set_texts(self.tr("Lokasi"), self.tr("Mis. Lantai 1, dekat pintu masuk."))
        self.agency_field.set_texts(self.tr("Instansi yang dilayani"), self.text(ALL_HINT))
        self.language_field.set_texts(self.tr("Bahasa awal"),
                                      self.tr("Bahasa tulisan di papan. Dipakai setelah papan dimulai ulang.")
                                      if board else
                                      self.tr("Bahasa yang dipakai lagi setelah anjungan tidak disentuh."))
        self.idle_field.set_texts(self.tr("Batas diam (detik)"),
                                  self.tr("Setelah sekian detik tanpa sentuhan, anjungan kembali ke beranda. "
                                          "{low} sampai {high}.").format(low=IDLE_TIMEOUT_MIN_S,
                                                                         high=IDLE_TIMEOUT_MAX_S))
        self.save_button.set_texts(self.tr("Simpan"))
