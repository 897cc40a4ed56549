"""Technician mode for one device window: the hidden entry opens a window of its own on top (the
kiosk's scanner filter keeps away from it, so its fields take typing), first the PIN, then the setup
screen. Back returns to the device; restart re-runs the app; leave quits it to the desktop.

    technician = TechnicianMode("kiosk", controller.window, path, cfg, translations, on_saved=apply)
    technician.install()     # after the app's own event filters, so it sees Ctrl+Alt+T first
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from core.config import DeviceConfig, load_config
from core.errors import ConfigError
from core.logs import recent_problems
from core.paths import user_log_dir
from core.technician_pin import PinChangedElsewhere, PinLock, lock_file_for
from ui.i18n import Translations
from ui.kiosk.input_watch import IdleWatcher
from ui.setup.entry import TechnicianEntry
from ui.setup.page import DeviceKind, SetupContext
from ui.setup.pin_screen import PinScreen
from ui.setup.setup_screen import SetupScreen
from ui.setup.theme import setup_stylesheet
from ui.shell.clock import SiteClock
from ui.tasks import TaskRunner
from ui.theme import Metrics
from ui.timers import later, stop_timers
from ui.widgets.device_window import DeviceWindow

log = logging.getLogger(__name__)


def restart_arguments(argv: list[str]) -> list[str]:
    """The command line to start again with, without a one-time ``--enroll CODE`` (already used)."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--enroll":
            skip = True
            continue
        if arg.startswith("--enroll="):
            continue
        out.append(arg)
    return out


def quit_app() -> None:
    """End the event loop. Not ``quit()``: in Qt 6 that first asks every window to close, and a
    kiosk-mode window refuses, which cancels the quit."""
    QCoreApplication.exit(0)


def restart_process() -> None:
    """Start this program again, detached, then quit this one."""
    if not QProcess.startDetached(sys.executable, restart_arguments(sys.argv)):
        log.error("could not restart %s %s", sys.executable, sys.argv)
        return
    quit_app()


class TechnicianWindow(DeviceWindow):
    """The PIN screen and the setup screen, in a window over the device's own."""

    def __init__(self, pin: PinScreen, setup: SetupScreen, *, windowed: bool) -> None:
        super().__init__(windowed=windowed, hide_pointer=False)  # only the Back button leaves
        self.setObjectName("TechnicianWindow")
        self.setWindowTitle("Anjungan \u2014 Teknisi")
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("TechnicianStack")
        self.pin, self.setup = pin, setup
        self.stack.addWidget(pin)
        self.stack.addWidget(setup)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stack)
        self.restyle()

    def apply_style(self, m: Metrics) -> None:
        self.setStyleSheet(setup_stylesheet(m))
        self.pin.apply_metrics(m)
        self.setup.apply_metrics(m)
        for page in self.setup.pages:
            if hasattr(page, "apply_metrics"):
                page.apply_metrics(m)


class TechnicianMode(QObject):
    """Owns the entry filter, the PIN lock, the setup context and the technician window."""

    opened = Signal()        # the PIN screen is up
    unlocked = Signal()      # the setup screen is up
    closed = Signal()        # back to the device

    def __init__(self, kind: DeviceKind, device_window: QWidget, config_path: Path, config: DeviceConfig,
                 translations: Translations, *, on_saved: Callable[[DeviceConfig], None] = lambda _c: None,
                 log_path: Path | None = None, last_errors: Callable[[], list[str]] = list,
                 windowed: bool = False, clock: Callable[[], float] = time.time,
                 entry_clock: Callable[[], float] = time.monotonic,
                 quit_app: Callable[[], None] = quit_app,
                 restart_app: Callable[[], None] = restart_process, idle_close_ms: int = 5 * 60 * 1000,
                 site_clock: SiteClock | None = None, restart_keys: frozenset[str] = frozenset(),
                 voice_test: Callable[[Callable[[str, str], None]], object] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.device_window = device_window
        self.windowed = windowed
        self._quit_app = quit_app
        self._restart_app = restart_app
        self.runner = TaskRunner("setup", 2, self)
        self.lock = PinLock(lock_file_for(config_path), clock=clock)
        self.context = SetupContext(kind=kind, config_path=config_path, config=config, translations=translations,
                                    runner=self.runner, on_saved=on_saved, log_path=log_path,
                                    last_errors=last_errors, pin_lock=self.lock,
                                    site_clock=site_clock or SiteClock(), restart_keys=restart_keys,
                                    voice_test=voice_test)
        self.entry = TechnicianEntry(device_window, self, clock=entry_clock)
        self.entry.requested.connect(self._on_entry_requested)
        self.window: TechnicianWindow | None = None
        self.idle: IdleWatcher | None = None
        self._idle_close_ms = idle_close_ms
        self._installed = False

    # ---------------------------------------------------------------- life

    def install(self) -> None:
        QCoreApplication.instance().installEventFilter(self.entry)
        self._installed = True

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self.entry)
            if self.idle is not None:
                self.idle.stop()
                app.removeEventFilter(self.idle)
        self._installed = False
        self.runner.shutdown()
        if self.window is not None:
            self.window.setup.close_pages()
            stop_timers(self.window)
            self.window.close_for_good()
            self.window = None

    def is_open(self) -> bool:
        return self.window is not None and self.window.isVisible()

    def screen_shown(self) -> str:
        """"pin", "setup" or "" (closed)."""
        if not self.is_open():
            return ""
        return "pin" if self.window.stack.currentWidget() is self.window.pin else "setup"

    # ---------------------------------------------------------------- opening

    def _build(self) -> TechnicianWindow:
        """Built on first use: a kiosk starts no faster or slower for having a technician mode."""
        translations = self.context.translations
        # The PIN in the file at each check: one replaced from the shell stops working at once.
        pin = PinScreen(translations, self.lock, lambda: self.context.reload().technician_pin_hash, self.runner,
                        site_clock=self.context.site_clock)
        setup = SetupScreen(self.context)
        window = TechnicianWindow(pin, setup, windowed=self.windowed)
        pin.accepted.connect(self._on_pin_accepted)
        pin.pin_created.connect(self._on_pin_created)
        pin.cancelled.connect(self.close)
        setup.back_requested.connect(self.close)
        setup.restart_requested.connect(self._on_setup_restart_requested)
        setup.leave_requested.connect(self._on_setup_leave_requested)
        # Left open and untouched, the technician mode closes itself: a passer-by finds the kiosk.
        self.idle = IdleWatcher(self._idle_close_ms, self, scope=window)
        self.idle.timed_out.connect(self._on_idle_timed_out)
        if self._installed:
            QCoreApplication.instance().installEventFilter(self.idle)
        return window

    def open(self) -> None:
        """The PIN screen over the device window (or the window raised, when already open)."""
        if self.window is None:
            self.window = self._build()
        window = self.window
        if window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        # The PIN on disk now, not the one read at start: ``config set-pin`` may have run since.
        self.context.reload()
        window.pin.start()
        window.stack.setCurrentWidget(window.pin)
        if self.windowed:
            window.setGeometry(self.device_window.geometry())
            window.show()
        else:
            screen = self.device_window.screen() or QGuiApplication.primaryScreen()
            window.setGeometry(screen.geometry())
            window.showFullScreen()
        window.raise_()
        window.activateWindow()
        if self.idle is not None:
            self.idle.start()
        log.info("technician entry opened")
        self.opened.emit()

    def close(self) -> None:
        if self.window is None or not self.window.isVisible():
            return
        self.window.setup.close_pages()
        self.window.hide()
        if self.idle is not None:
            self.idle.stop()
        self.device_window.activateWindow()
        log.info("technician mode closed")
        self.closed.emit()

    def _on_idle_timed_out(self) -> None:
        log.info("technician mode closed after %d s untouched", self._idle_close_ms // 1000)
        self.close()

    def _on_entry_requested(self) -> None:
        self.open()

    def _on_pin_created(self, pin_hash: str) -> None:
        assert self.window is not None
        try:
            self.context.save(dataclasses.replace(self.context.config, technician_pin_hash=pin_hash))
        except PinChangedElsewhere:
            log.warning("a new technician PIN was refused: a PIN was set in the config file meanwhile")
            self.window.pin.pin_exists()
            return
        except (OSError, ConfigError) as exc:
            # Not let in: a PIN that is not on disk would leave the setup open to the next person.
            log.error("could not save the new technician PIN: %s", type(exc).__name__)
            self.window.pin.pin_not_saved(type(exc).__name__)
            return
        log.info("technician PIN set")
        self.window.pin.pin_saved()

    def _on_pin_accepted(self) -> None:
        if self.window is None or not self.window.isVisible():
            return  # the check ended after the technician had gone back
        self.window.stack.setCurrentWidget(self.window.setup)
        self.window.setup.open(0)
        log.info("technician mode unlocked")
        self.unlocked.emit()

    def _on_setup_restart_requested(self) -> None:
        log.info("technician restarts the app")
        self.close()
        later(self, 0, self._restart_app)

    def _on_setup_leave_requested(self) -> None:
        log.info("technician leaves the %s app", self.kind)
        self.close()
        later(self, 0, self._quit_app)


def install_technician_mode(kind: DeviceKind, device_window: QWidget, config_path: Path, running: DeviceConfig,
                            translations: Translations, *, windowed: bool,
                            on_saved: Callable[[DeviceConfig], None] = lambda _c: None,
                            site_clock: SiteClock | None = None, restart_keys: frozenset[str] = frozenset(),
                            voice_test: Callable[[Callable[[str, str], None]], object] | None = None,
                            restart_app: Callable[[], None] = restart_process) -> TechnicianMode:
    """The apps' one call, after their controller has started (its filters first, so this one sees
    Ctrl+Alt+T before the kiosk's scanner filter eats it). The technician edits the file's settings,
    not the command line's overrides; ``running`` stands in when the file cannot be read."""
    try:
        config = load_config(config_path)
    except (ConfigError, OSError):
        config = running
    log_path = user_log_dir() / f"{kind}.log"
    mode = TechnicianMode(kind, device_window, config_path, config, translations, on_saved=on_saved,
                          log_path=log_path, last_errors=recent_problems, windowed=windowed, site_clock=site_clock,
                          restart_keys=restart_keys, voice_test=voice_test, restart_app=restart_app)
    mode.install()
    return mode
