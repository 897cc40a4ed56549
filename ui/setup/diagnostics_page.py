"""Diagnostics: is the server there and how fast, how far apart the clocks are, the printer's state,
this app's version, free disk space, the last errors and the end of the log. Every check runs off
the GUI thread (the printer's on its one queue, beside the kiosk's jobs, never at the same time); a
failed check is a sentence in both languages, never a traceback."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from core import __version__
from core.client import BackendClient
from core.config import DeviceConfig
from core.errors import AnjunganError, BackendStatusError, BackendTimeout, BackendUnreachable
from core.paths import user_data_dir
from core.retry import RetryPolicy
from printing.receipt import Branding
from printing.service import PrintOutcome, PrintResult, PrintService, PrintSettings
from ui.i18n import Text
from ui.setup.fields import bilingual
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage
from ui.setup.printer_page import printer_state_text
from ui.shell.printer_jobs import PrinterJobs
from ui.tasks import TaskRunner
from ui.theme import metrics_for, set_props
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

C = "DiagnosticsPage"
LOG_LINES = 30
ERRORS_SHOWN = 10
CLOCK_SAME_S = 2.0       # closer than this is "the same time"
CLOCK_WARN_S = 60.0      # further apart than this: tickets would carry the wrong time
DISK_WARN_BYTES = 1_000_000_000

TEXTS = {
    "checking": QT_TRANSLATE_NOOP("DiagnosticsPage", "Memeriksa…"),
    "version": QT_TRANSLATE_NOOP("DiagnosticsPage", "Anjungan {version}"),
    "reachable": QT_TRANSLATE_NOOP("DiagnosticsPage", "Terhubung ke {url} (server versi {version}, {site})"),
    "unreachable": QT_TRANSLATE_NOOP("DiagnosticsPage", "Server tidak dapat dihubungi: {url} ({reason})"),
    "timeout": QT_TRANSLATE_NOOP("DiagnosticsPage", "Server tidak menjawab tepat waktu: {url} ({reason})"),
    "status_error": QT_TRANSLATE_NOOP("DiagnosticsPage", "Server menjawab dengan kesalahan: {reason}"),
    "failed": QT_TRANSLATE_NOOP("DiagnosticsPage", "Pemeriksaan server gagal: {reason}"),
    "check_failed": QT_TRANSLATE_NOOP("DiagnosticsPage", "Pemeriksaan gagal: {reason}"),
    "rtt": QT_TRANSLATE_NOOP("DiagnosticsPage", "{ms} ms"),
    "not_measured": QT_TRANSLATE_NOOP("DiagnosticsPage", "Tidak dapat diukur tanpa server"),
    "clock_same": QT_TRANSLATE_NOOP("DiagnosticsPage", "Jam perangkat sama dengan jam server (selisih {diff})"),
    "clock_ahead": QT_TRANSLATE_NOOP("DiagnosticsPage", "Jam server {diff} lebih cepat dari jam perangkat"),
    "clock_behind": QT_TRANSLATE_NOOP("DiagnosticsPage", "Jam server {diff} lebih lambat dari jam perangkat"),
    "disk": QT_TRANSLATE_NOOP("DiagnosticsPage", "{free} GB bebas dari {total} GB ({path})"),
    "disk_failed": QT_TRANSLATE_NOOP("DiagnosticsPage", "Tidak dapat dibaca: {reason}"),
    "no_errors": QT_TRANSLATE_NOOP("DiagnosticsPage", "Tidak ada kesalahan sejak aplikasi dimulai"),
    "no_log_file": QT_TRANSLATE_NOOP("DiagnosticsPage", "Belum ada berkas log"),
    "log_failed": QT_TRANSLATE_NOOP("DiagnosticsPage", "Log tidak dapat dibaca: {reason}"),
}


def _t(source: str, **params: Any) -> Text:
    return Text(source, params, context=C)


# -- the checks: plain Python, run on a worker thread --------------------------------------------

@dataclass(frozen=True)
class ServerCheck:
    url: str
    reachable: bool
    rtt_ms: float | None = None
    clock_offset_s: float | None = None   # server clock minus this device's clock
    server_version: str = ""
    site: str = ""
    error: AnjunganError | None = None


def check_server(url: str, token: str, *, connect_timeout: float = 3.0, read_timeout: float = 5.0,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> ServerCheck:
    """One GET /health without retries: reachable, round-trip time, and the clocks' difference
    (the server's time against this device's at the middle of the round trip)."""
    client = BackendClient(url, token or None, connect_timeout=connect_timeout, read_timeout=read_timeout,
                           retry=RetryPolicy(max_attempts=1))
    try:
        sent_at = now()
        start = time.monotonic()
        try:
            health = client.health()
        except AnjunganError as exc:
            return ServerCheck(client.base_url, reachable=False, error=exc)
        elapsed = time.monotonic() - start
    finally:
        client.close()
    middle = sent_at + timedelta(seconds=elapsed / 2)
    server_time = health.server_time if health.server_time.tzinfo else health.server_time.replace(tzinfo=UTC)
    return ServerCheck(client.base_url, True, elapsed * 1000.0, (server_time - middle).total_seconds(),
                       health.version, health.site)


def check_printer(cfg: DeviceConfig, timeout: float = 3.0) -> PrintResult:
    try:
        service = PrintService(PrintSettings(printer=cfg.printer, profile=cfg.printer_profile,
                                             paper_mm=cfg.paper_width, timeout=timeout), Branding("Anjungan"))
    except AnjunganError as exc:
        return PrintResult(PrintOutcome.FAILED, str(exc))
    return service.check()


@dataclass(frozen=True)
class LocalCheck:
    disk_path: Path
    disk_free: int | None
    disk_total: int | None
    disk_error: str
    log_path: Path | None
    log_lines: tuple[str, ...]
    log_error: str


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def tail(path: Path, lines: int = LOG_LINES, chunk: int = 64 * 1024) -> tuple[str, ...]:
    """The last ``lines`` lines of a text file, reading only its end."""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - chunk))
        data = fh.read()
    return tuple(data.decode("utf-8", errors="replace").splitlines()[-lines:])


def check_local(log_path: Path | None) -> LocalCheck:
    disk_path = user_data_dir()
    free = total = None
    disk_error = ""
    try:
        usage = shutil.disk_usage(_existing(disk_path))
        free, total = usage.free, usage.total
    except OSError as exc:
        disk_error = exc.strerror or str(exc)
    log_lines: tuple[str, ...] = ()
    log_error = ""
    if log_path is not None and log_path.exists():
        try:
            log_lines = tail(log_path)
        except OSError as exc:
            log_error = exc.strerror or str(exc)
    return LocalCheck(disk_path, free, total, disk_error, log_path, log_lines, log_error)


def format_offset(seconds: float) -> str:
    """``0,4 s``, ``42 s``, ``8:44:12``: short and the same in both languages."""
    size = abs(seconds)
    if size < 10:
        return f"{size:.1f} s".replace(".", ",")
    if size < 60:
        return f"{size:.0f} s"
    whole = int(round(size))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def server_texts(check: ServerCheck) -> dict[str, tuple[Text, str]]:
    """The server, round-trip and clock rows: each a text and a state (ok, warning, error)."""
    if check.reachable:
        offset = check.clock_offset_s or 0.0
        diff = format_offset(offset)
        if abs(offset) < CLOCK_SAME_S:
            clock = (_t(TEXTS["clock_same"], diff=diff), "ok")
        else:
            clock = (_t(TEXTS["clock_ahead" if offset > 0 else "clock_behind"], diff=diff),
                     "warning" if abs(offset) > CLOCK_WARN_S else "ok")
        return {"server": (_t(TEXTS["reachable"], url=check.url, version=check.server_version or "?",
                              site=check.site or "-"), "ok"),
                "rtt": (_t(TEXTS["rtt"], ms=f"{check.rtt_ms:.0f}"), "ok"),
                "clock": clock}
    error = check.error
    reason = str(error) if error is not None else "?"
    if isinstance(error, BackendUnreachable):
        server = _t(TEXTS["unreachable"], url=check.url, reason=reason)
    elif isinstance(error, BackendTimeout):
        server = _t(TEXTS["timeout"], url=check.url, reason=reason)
    elif isinstance(error, BackendStatusError):
        server = _t(TEXTS["status_error"], reason=reason)
    else:
        server = _t(TEXTS["failed"], reason=reason)
    missing = (_t(TEXTS["not_measured"]), "")
    return {"server": (server, "error"), "rtt": missing, "clock": missing}


def local_texts(check: LocalCheck) -> dict[str, tuple[Text, str]]:
    if check.disk_free is None or check.disk_total is None:
        disk = (_t(TEXTS["disk_failed"], reason=check.disk_error), "error")
    else:
        disk = (_t(TEXTS["disk"], free=f"{check.disk_free / 1e9:.1f}", total=f"{check.disk_total / 1e9:.1f}",
                   path=str(check.disk_path)), "warning" if check.disk_free < DISK_WARN_BYTES else "ok")
    return {"disk": disk}


# -- the page --------------------------------------------------------------------------------------

ROLES = {"ok": "fieldOk", "warning": "fieldError", "error": "fieldError", "": "fieldHelp"}


class DiagnosticsPage(FormPage):
    title = Text(QT_TRANSLATE_NOOP("DiagnosticsPage", "Diagnostik"), context=C)
    kinds = ("kiosk", "display", "survey")

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._generation = 0      # bumped by each round of checks: older answers are dropped
        self._pending = 0
        self._rows: dict[str, tuple[Text, str]] = {"version": (_t(TEXTS["version"], version=__version__), "")}
        self._checked_at: datetime | None = None
        self._local: LocalCheck | None = None
        self._errors: list[str] = []
        self._printer_jobs_by_printer: dict[str, PrinterJobs] = {}
        keys = ["server", "rtt", "clock"] + (["printer"] if context.kind == "kiosk" else []) + ["version", "disk"]
        self.check_button = TouchButton(role="form", centred=True, parent=self.body)
        self.check_button.setObjectName("CheckAgainButton")
        self.check_button.setProperty("variant", "ok")
        self.checked_note = self.note()
        self.checked_note.setObjectName("CheckedAt")
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(self.check_button, 1)
        top.addWidget(self.checked_note, 2)
        self.form.addLayout(top)

        self.panel = QFrame(self.body)
        self.panel.setProperty("role", "card")
        grid = QGridLayout(self.panel)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(14)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(keys):
            caption = PlainLabel(self.panel)
            caption.setProperty("textRole", "fieldHelp")
            value = PlainLabel(self.panel)
            value.setObjectName(f"Diag-{key}")
            value.setProperty("textRole", "fieldLabel")
            value.setWordWrap(True)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[key], self.values[key] = caption, value
        grid.setColumnStretch(1, 1)
        self.form.addWidget(self.panel)

        self.errors_caption = self.note("fieldLabel")
        self.errors = QPlainTextEdit(self.body)
        self.errors.setObjectName("DiagErrors")
        self.errors.setReadOnly(True)
        self.log_caption = self.note("fieldLabel")
        self.log = QPlainTextEdit(self.body)
        self.log.setObjectName("DiagLog")
        self.log.setReadOnly(True)
        # Wrapped, not scrolled sideways (hard on a touchscreen); kept at its end as it grows or resizes.
        self.log.verticalScrollBar().rangeChanged.connect(
            lambda _low, high: self.log.verticalScrollBar().setValue(high))
        for widget in (self.errors_caption, self.errors, self.log_caption):
            self.form.addWidget(widget)
        self.form.addWidget(self.log, 1)   # the log takes what is left of the screen
        self.check_button.clicked.connect(self.run_checks)
        self.retranslate_ui()

    def resizeEvent(self, event) -> None:
        m = metrics_for(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPixelSize(m.px(19))
        self.log.setFont(mono)
        self.errors.setFont(mono)
        self.errors.setFixedHeight(m.px(130))
        self.log.setMinimumHeight(m.px(260))
        super().resizeEvent(event)

    # -- running the checks -----------------------------------------------------------------------

    def refresh(self) -> None:
        self.run_checks()

    def _printer_jobs(self, printer: str) -> PrinterJobs:
        """The technician's jobs on ``printer``'s queue: they run while the kiosk's own jobs are held."""
        jobs = self._printer_jobs_by_printer.get(printer)
        if jobs is None:
            jobs = self._printer_jobs_by_printer[printer] = PrinterJobs(printer, technician=True, parent=self)
        return jobs

    def leave(self) -> None:
        self._generation += 1
        self._pending = 0
        self.check_button.setEnabled(True)

    def running(self) -> bool:
        return self._pending > 0

    def run_checks(self) -> None:
        """Start every check again; each row fills in as its answer comes back."""
        self._generation += 1
        generation = self._generation
        cfg = self.context.config
        log_path = self.context.log_path
        for key in self.values:
            if key != "version":
                self._rows[key] = (_t(TEXTS["checking"]), "")
        self.check_button.setEnabled(False)
        self._pending = 0

        def start(work: Callable[[], Any], done: Callable[[Any], None], keys: tuple[str, ...],
                  runner: TaskRunner | PrinterJobs | None = None) -> None:
            self._pending += 1
            (runner or self.context.runner).run_task(work, lambda result: self._finish(generation, done, result),
                                         lambda error: self._finish(generation, self._failed(keys), error))

        start(lambda: check_server(cfg.server_url, cfg.token), self._on_server_checked, ("server", "rtt", "clock"))
        if "printer" in self.values:
            start(lambda: check_printer(cfg), self._on_printer_checked, ("printer",), self._printer_jobs(cfg.printer))
        start(lambda: check_local(log_path), self._on_local_checked, ("disk",))
        try:
            self._errors = [str(e) for e in self.context.last_errors()][-ERRORS_SHOWN:]
        except Exception as exc:  # noqa: BLE001 - the app's own list must not break its diagnosis
            self._errors = [f"{type(exc).__name__}: {exc}"]
        self._render()

    def _finish(self, generation: int, handle: Callable[[Any], None], value: Any) -> None:
        if generation != self._generation:
            return
        handle(value)
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self._checked_at = self.context.site_clock.now()
            self.check_button.setEnabled(True)
        self._render()

    def _failed(self, keys: tuple[str, ...]) -> Callable[[BaseException], None]:
        def show(error: BaseException) -> None:
            for key in keys:
                self._rows[key] = (_t(TEXTS["check_failed"], reason=f"{type(error).__name__}: {error}"), "error")
        return show

    def _on_server_checked(self, check: ServerCheck) -> None:
        self._rows.update(server_texts(check))

    def _on_printer_checked(self, result: PrintResult) -> None:
        text, good = printer_state_text(result)
        self._rows["printer"] = (text, "ok" if good else "error")

    def _on_local_checked(self, check: LocalCheck) -> None:
        self._local = check
        self._rows.update(local_texts(check))

    # -- what the technician reads -----------------------------------------------------------------

    def value_text(self, key: str) -> str:
        return self.values[key].text()

    def log_text(self) -> str:
        return self.log.toPlainText()

    def errors_text(self) -> str:
        return self.errors.toPlainText()

    def _render(self) -> None:
        tr = self.context.translations
        for key, label in self.values.items():
            text, state = self._rows.get(key, (Text("–"), ""))
            label.setText(bilingual(tr, text) if state in ("error", "warning") else self.text(text))
            set_props(label, textRole=ROLES[state])
        self.checked_note.setText(self.tr("Diperiksa pukul {time}").format(
            time=self.context.site_clock.clock_text(self._checked_at, seconds=True))
                                  if self._checked_at else "")
        self.errors.setPlainText("\n".join(reversed(self._errors)) if self._errors
                                 else self.text(_t(TEXTS["no_errors"])))
        self._render_log()

    def _render_log(self) -> None:
        local = self._local
        if local is None:
            text = self.text(_t(TEXTS["checking"]))
        elif local.log_error:
            text = bilingual(self.context.translations, _t(TEXTS["log_failed"], reason=local.log_error))
        elif not local.log_lines:
            text = self.text(_t(TEXTS["no_log_file"]))
        else:
            text = "\n".join(local.log_lines)
        if self.log.toPlainText() != text:
            self.log.setPlainText(text)

    def retranslate_ui(self) -> None:
        labels = {"server": self.tr("Server"), "rtt": self.tr("Waktu respons"), "clock": self.tr("Selisih jam"),
                  "printer": self.tr("Printer"), "version": self.tr("Versi aplikasi"), "disk": self.tr("Ruang disk")}
        for key, caption in self.captions.items():
            caption.setText(labels[key])
        self.check_button.set_texts(bilingual(self.context.translations,
                                              _t(QT_TRANSLATE_NOOP("DiagnosticsPage", "Periksa lagi")), " / "))
        self.errors_caption.setText(self.tr("Kesalahan terakhir (terbaru di atas)"))
        path = self.context.log_path
        self.log_caption.setText(self.tr("Akhir log: {path}").format(path=path) if path else self.tr("Log"))
        self._render()
