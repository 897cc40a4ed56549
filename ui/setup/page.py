"""What every setup page gets and gives: the shared ``SetupContext`` and the ``SetupPage`` base.

A page edits a copy of the device config and hands it to ``context.save``, which validates it
(``kiosk.config.validate``), writes it atomically and tells the running app; a rejected value is shown
next to its field by the page and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.config import DeviceConfig, save_config, validate
from ui.i18n import Text, Translations
from ui.tasks import TaskRunner

DeviceKind = Literal["kiosk", "display"]


@dataclass
class SetupContext:
    """The device being set up. ``runner`` runs network and printer work off the GUI thread;
    ``on_saved`` lets the running app apply a saved config (new printer, agencies, language…)."""

    kind: DeviceKind
    config_path: Path
    config: DeviceConfig
    translations: Translations
    runner: TaskRunner
    on_saved: Callable[[DeviceConfig], None] = field(default=lambda _cfg: None)
    log_path: Path | None = None          # the app's log file, for diagnostics' tail
    last_errors: Callable[[], list[str]] = field(default=lambda: [])
    pin_lock: Any = None                  # kiosk.technician_pin.PinLock shared by the PIN screen and page

    def save(self, cfg: DeviceConfig) -> DeviceConfig:
        """Validate, write (atomic, 0600) and apply. Raises ``ConfigError`` (naming the key) and then
        writes nothing."""
        checked = validate(cfg)
        save_config(self.config_path, checked)
        self.config = checked
        self.on_saved(checked)
        return checked


class SetupPage(QWidget):
    """One page of the setup screen. Subclasses set ``title`` and build their fields in ``__init__``;
    ``refresh()`` runs each time the page is shown (reload values, start live status)."""

    title: Text
    kinds: tuple[DeviceKind, ...] = ("kiosk", "display")   # which devices show this page
    saved = Signal(object)   # DeviceConfig, after a successful save

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def refresh(self) -> None:
        """Called when the page is shown."""

    def leave(self) -> None:
        """Called when the page is hidden: stop timers, live status."""
