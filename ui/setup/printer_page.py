"""The printer page: where the kiosk's printer is (connection, profile, paper width), its state read
every few seconds while the page is open, and a test receipt through the real print path. Both go
through the printer's one queue in this process, so they never meet the kiosk's own jobs there."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.config import PAPER_WIDTHS, DeviceConfig, validate
from core.errors import ConfigError
from printing.escpos_lib import profile_names
from printing.receipt import BigCode, Branding, Heading, Line, QrCode, Receipt, Rows, Rule
from printing.service import PrintOutcome, PrintResult, PrintService, PrintSettings
from printing.status import PaperState
from ui.i18n import Text
from ui.setup.fields import ChoiceButtons, bilingual, refusal, refusal_of, save_form
from ui.setup.form import FormField
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage
from ui.shell.clock import SiteClock
from ui.shell.printer_causes import printer_cause_text
from ui.shell.printer_jobs import PrinterJobs
from ui.theme import set_props
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

log = logging.getLogger(__name__)
C = "PrinterPage"


def _t(source: str, **params: Any) -> Text:
    return Text(source, params, context=C)


# What a status check found, and how a test print went: shown in both languages.
STATUS_TEXTS = {
    "checking": QT_TRANSLATE_NOOP("PrinterPage", "Memeriksa printer…"),
    "ready": QT_TRANSLATE_NOOP("PrinterPage", "Siap: printer terhubung, kertas ada"),
    "near_end": QT_TRANSLATE_NOOP("PrinterPage", "Siap, tetapi kertas hampir habis"),
    "unknown": QT_TRANSLATE_NOOP("PrinterPage", "Terhubung, tetapi printer tidak melaporkan statusnya"),
    "not_ready": QT_TRANSLATE_NOOP("PrinterPage", "Tidak siap: {cause}"),
    "invalid": QT_TRANSLATE_NOOP("PrinterPage", "Perbaiki pengaturan di atas untuk melihat status"),
}
TEST_TEXTS = {
    "printing": QT_TRANSLATE_NOOP("PrinterPage", "Mencetak struk uji…"),
    PrintOutcome.PRINTED: QT_TRANSLATE_NOOP("PrinterPage", "Struk uji tercetak"),
    "not_printed": QT_TRANSLATE_NOOP("PrinterPage", "Tidak tercetak: {cause}"),
    "invalid": QT_TRANSLATE_NOOP("PrinterPage", "Tidak dicetak: perbaiki kolom yang ditandai merah"),
}


def printer_state_text(result: PrintResult) -> tuple[Text, bool]:
    """What a status check found, and whether that is good news."""
    if result.ok:
        key = {PaperState.OK: "ready", PaperState.NEAR_END: "near_end"}.get(result.paper, "unknown")
        return _t(STATUS_TEXTS[key]), key == "ready"
    return _t(STATUS_TEXTS["not_ready"], cause=printer_cause_text(result)), False


def trial_receipt(settings: PrintSettings, device: str, clock: SiteClock | None = None) -> Receipt:
    """A receipt no citizen could take for a ticket, with a QR to try the printer's QR too; its time is
    the site's, with its label, as on a ticket."""
    clock = clock or SiteClock()
    moment = clock.now()
    rows = (("Printer", settings.printer), ("Profil/Profile", settings.profile),
            ("Kertas/Paper", f"{settings.paper_mm} mm"),
            ("Tanggal/Date", f"{clock.local(moment):%d-%m-%Y}"), ("Waktu/Time", clock.clock_text(moment)))
    blocks = (Heading("CETAK UJI / TEST PRINT"), Rule(), Line(device or "Anjungan"), BigCode("TES"),
              Rows(rows), Rule(), QrCode("ANJUNGAN TEST PRINT", "QR uji / test QR"), Rule(),
              Line("Bukan tiket antrean / Not a queue ticket", bold=True))
    return Receipt(code="TES", lang="id", issued_local=moment, blocks=blocks)


class PrinterPage(FormPage):
    title = Text(QT_TRANSLATE_NOOP("PrinterPage", "Printer"), context=C)
    kinds = ("kiosk",)
    STATUS_INTERVAL_MS = 3000
    PRINT_TIMEOUT_S = 5.0

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._generation = 0      # bumped on leave(): late answers of an earlier visit are dropped
        self._checking = False
        self._printing = False
        self._service_for: tuple[tuple[str, str, int], PrintService] | None = None
        self._jobs: dict[str, PrinterJobs] = {}
        # (text, good news?) with None for "still asking"; None before anything is known.
        self._status: tuple[Text, bool | None] | None = None
        self._test: tuple[Text, bool | None] | None = None

        self.connection = QLineEdit()
        self.connection.setPlaceholderText("network:192.168.1.50:9100")
        self.connection.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase
                                            | Qt.InputMethodHint.ImhNoPredictiveText)
        self.profile = QComboBox()
        self.profile.addItems(profile_names())
        self.paper = ChoiceButtons(PAPER_WIDTHS, name="PaperWidth")
        self.paper.set_labels({width: f"{width} mm" for width in PAPER_WIDTHS})
        self.fields: dict[str, FormField] = {
            "printer": FormField(self.connection, self.body, name="PrinterConnection"),
            "printer_profile": FormField(self.profile, self.body, name="PrinterProfile"),
            "paper_width": FormField(self.paper, self.body, name="PaperWidth"),
        }
        self.save_button = TouchButton(role="form", centred=True, parent=self.body)
        self.save_button.setObjectName("SavePrinterButton")
        self.save_button.setProperty("variant", "ok")
        self.test_button = TouchButton(role="form", centred=True, parent=self.body)
        self.test_button.setObjectName("TestPrintButton")
        self.save_note = self.note("fieldOk")
        self.save_note.setObjectName("PrinterSaveNote")

        self.panel = QFrame(self.body)
        self.panel.setProperty("role", "card")
        self.status_caption = PlainLabel(self.panel)
        self.status_caption.setProperty("textRole", "fieldLabel")
        self.status_label = self._state_label("PrinterStatus")
        self.test_caption = PlainLabel(self.panel)
        self.test_caption.setProperty("textRole", "fieldLabel")
        self.test_label = self._state_label("TestPrintResult")
        panel_box = QVBoxLayout(self.panel)
        panel_box.setContentsMargins(24, 18, 24, 18)
        for widget in (self.status_caption, self.status_label, self.test_caption, self.test_label):
            panel_box.addWidget(widget)

        for field in self.fields.values():
            self.form.addWidget(field)
        buttons = QHBoxLayout()
        buttons.setSpacing(18)
        buttons.addWidget(self.save_button, 1)
        buttons.addWidget(self.test_button, 1)
        self.form.addLayout(buttons)
        self.form.addWidget(self.save_note)
        self.form.addWidget(self.panel)
        self.form.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setInterval(self.STATUS_INTERVAL_MS)
        self.timer.timeout.connect(self._poll_status)
        self.recheck = QTimer(self)
        self.recheck.setSingleShot(True)
        self.recheck.setInterval(600)
        self.recheck.timeout.connect(self._poll_status)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.test_button.clicked.connect(self._on_test_print_clicked)
        self.connection.textEdited.connect(lambda _text: self._on_field_edited("printer"))
        self.profile.activated.connect(lambda _index: self._on_field_edited("printer_profile"))
        self.paper.chosen.connect(lambda _width: self._on_field_edited("paper_width"))
        self._load(context.config)
        self.retranslate_ui()

    def _state_label(self, name: str) -> QLabel:
        label = PlainLabel(self.panel)
        label.setObjectName(name)
        label.setProperty("textRole", "fieldLabel")
        label.setWordWrap(True)
        return label

    # -- page life --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load(self.context.config)
        self._show_status((_t(STATUS_TEXTS["checking"]), None))
        self.timer.start(self.STATUS_INTERVAL_MS)
        self._poll_status()

    def leave(self) -> None:
        self.timer.stop()
        self.recheck.stop()
        self._generation += 1
        self._checking = False

    def _load(self, cfg: DeviceConfig) -> None:
        self.connection.setText(cfg.printer)
        index = self.profile.findText(cfg.printer_profile)
        if index < 0:  # a profile this python-escpos does not know: keep it in view, refuse it on save
            self.profile.addItem(cfg.printer_profile)
            index = self.profile.count() - 1
        self.profile.setCurrentIndex(index)
        self.paper.select(cfg.paper_width)
        self.save_note.clear()
        for field in self.fields.values():
            field.clear_error()

    # -- reading the form -------------------------------------------------------------------------

    def edited_config(self) -> DeviceConfig:
        return dataclasses.replace(self.context.config, printer=self.connection.text().strip(),
                                   printer_profile=self.profile.currentText(), paper_width=self.paper.value())

    def _checked(self, *, show: bool) -> DeviceConfig | None:
        """The form as a config when every field is good; with ``show``, each refusal beside its field."""
        cfg = self.edited_config()
        problems: dict[str, Text] = {}
        if cfg.printer_profile not in profile_names():
            problems["printer_profile"] = refusal("printer_profile", cfg.printer_profile)
        try:
            validate(cfg)
        except ConfigError as exc:
            key, reason = refusal_of(exc)
            problems.setdefault(key, reason)
        if show:
            for key, field in self.fields.items():
                if key in problems:
                    field.show_error(bilingual(self.context.translations, problems[key]))
                else:
                    field.clear_error()
        return None if problems else cfg

    def _jobs_for(self, printer: str) -> PrinterJobs:
        """The technician's jobs on ``printer``'s queue: they run while the kiosk's own jobs are held."""
        jobs = self._jobs.get(printer)
        if jobs is None:
            jobs = self._jobs[printer] = PrinterJobs(printer, technician=True, parent=self)
        return jobs

    def _service(self, cfg: DeviceConfig) -> PrintService:
        """The service of the setting in the form, kept while it stays the same."""
        key = (cfg.printer, cfg.printer_profile, cfg.paper_width)
        if self._service_for is None or self._service_for[0] != key:
            settings = PrintSettings(printer=cfg.printer, profile=cfg.printer_profile, paper_mm=cfg.paper_width,
                                     timeout=self.PRINT_TIMEOUT_S)
            self._service_for = (key, PrintService(settings, Branding(name=cfg.location or "Anjungan")))
        return self._service_for[1]

    # -- save ---------------------------------------------------------------------------------------

    def _on_field_edited(self, key: str) -> None:
        self.fields[key].clear_error()
        self.save_note.clear()
        if self.timer.isActive():  # the state of what is typed now, once typing pauses
            self._show_status((_t(STATUS_TEXTS["checking"]), None))
            self.recheck.start()

    def _on_save_clicked(self) -> None:
        saved = save_form(self, self._checked(show=True))
        if saved is not None:
            log.info("printer set to %s (%s, %d mm)", saved.printer, saved.printer_profile, saved.paper_width)

    # -- live status --------------------------------------------------------------------------------

    def _poll_status(self) -> None:
        if self._checking:
            return  # the last check still waits for the printer; its answer asks again if the form changed
        cfg = self._checked(show=False)
        if cfg is None:
            self._show_status((_t(STATUS_TEXTS["invalid"]), False))
            return
        service = self._service(cfg)
        self._checking = True
        generation = self._generation
        self._jobs_for(cfg.printer).run_task(
            service.check, lambda result: self._on_status(generation, cfg, result),
            lambda error: self._on_status(generation, cfg, PrintResult(PrintOutcome.FAILED,
                                                                       f"{type(error).__name__}: {error}")))

    def _on_status(self, generation: int, asked: DeviceConfig, result: PrintResult) -> None:
        if generation != self._generation:
            return
        self._checking = False
        if self.edited_config() != asked:
            self._poll_status()  # the answer is about settings no longer in the form
            return
        status = printer_state_text(result)
        if not result.ok and (self._status is None or self._status[0] != status[0]):
            log.warning("printer %s: %s (%s)", asked.printer, result.why, result.reason)
        self._show_status(status)

    def _show_status(self, status: tuple[Text, bool | None]) -> None:
        self._status = status
        self._render_states()

    # -- test print ---------------------------------------------------------------------------------

    def _on_test_print_clicked(self) -> None:
        if self._printing:
            return
        cfg = self._checked(show=True)
        if cfg is None:
            self._show_test((_t(TEST_TEXTS["invalid"]), False))
            return
        service = self._service(cfg)
        receipt = trial_receipt(service.settings, cfg.device_name or cfg.location, self.context.site_clock)
        self._printing = True
        self.test_button.setEnabled(False)
        self._show_test((_t(TEST_TEXTS["printing"]), None))
        self._jobs_for(cfg.printer).run_task(
            lambda: service.print_receipt(receipt), self._on_test_printed,
            lambda error: self._on_test_printed(PrintResult(PrintOutcome.FAILED, f"{type(error).__name__}: {error}")))

    def _on_test_printed(self, result: PrintResult) -> None:
        self._printing = False
        self.test_button.setEnabled(True)
        if not result.ok:
            log.warning("test print on %s: %s (%s)", result.outcome.value, result.why, result.reason)
        text = _t(TEST_TEXTS[PrintOutcome.PRINTED]) if result.ok else \
            _t(TEST_TEXTS["not_printed"], cause=printer_cause_text(result))
        self._show_test((text, result.ok))
        if self.timer.isActive():
            self._poll_status()  # the printer's state now: paper may have run out while printing

    def _show_test(self, outcome: tuple[Text, bool | None]) -> None:
        self._test = outcome
        self._render_states()

    # -- texts ----------------------------------------------------------------------------------------

    def status_text(self) -> str:
        return self.status_label.text()

    def test_result_text(self) -> str:
        return self.test_label.text()

    def _render_states(self) -> None:
        tr = self.context.translations
        for label, state in ((self.status_label, self._status), (self.test_label, self._test)):
            if state is None:
                label.setText("–")
                set_props(label, textRole="fieldHelp")
            else:
                label.setText(bilingual(tr, state[0]))
                set_props(label, textRole={None: "fieldHelp", True: "fieldOk", False: "fieldError"}[state[1]])

    def retranslate_ui(self) -> None:
        self.fields["printer"].set_texts(
            self.tr("Sambungan printer"),
            self.tr("network:HOST:PORT, usb:VID:PID, serial:/dev/ttyUSB0, file:/dev/usb/lp0, "
                    "cups:ANTREAN atau pdf:FOLDER"))
        self.fields["printer_profile"].set_texts(
            self.tr("Profil printer"), self.tr("Model printer; \"default\" cocok untuk kebanyakan printer."))
        self.fields["paper_width"].set_texts(self.tr("Lebar kertas"))
        self.save_button.set_texts(self.tr("Simpan"))
        self.test_button.set_texts(bilingual(self.context.translations, _t(QT_TRANSLATE_NOOP("PrinterPage",
                                                                                             "Cetak Uji")), " / "))
        self.status_caption.setText(self.tr("Status printer (diperiksa tiap beberapa detik)"))
        self.test_caption.setText(self.tr("Hasil cetak uji"))
        self._render_states()
