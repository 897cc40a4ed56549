"""What every setup page gets and gives: the shared ``SetupContext`` and the ``SetupPage`` base.

A page edits a copy of the device config and hands it to ``context.save``, which validates it
(``core.config.validate``), writes it atomically and tells the running app; a rejected value is shown
next to its field by the page and changes nothing. The file may change under a running app
(``python main.py config set|set-pin`` over SSH): the context reads it again when the technician
mode opens, and a save writes only what the page changed over what the file holds then."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.config import DeviceConfig, load_config, save_config, validate
from core.errors import ConfigError
from core.technician_pin import PinChangedElsewhere
from ui.i18n import Text, Translations
from ui.shell.clock import SiteClock
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DeviceKind = Literal["kiosk", "display", "survey"]


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
    last_errors: Callable[[], list[str]] = field(default=list)
    pin_lock: Any = None                  # core.technician_pin.PinLock shared by the PIN screen and page
    site_clock: SiteClock = field(default_factory=SiteClock)   # the app's, so times read as the site's
    # The settings the running app takes only when it starts; a saved change to one waits for a restart,
    # which the setup screen then offers (``restart_needed``).
    restart_keys: frozenset[str] = frozenset()
    restart_pending: set[str] = field(default_factory=set)
    restart_needed: Callable[[], None] = field(default=lambda: None)
    # A board's voice test: speaks a sample call, then calls back with (outcome, reason); None elsewhere.
    voice_test: Callable[[Callable[[str, str], None]], Any] | None = None

    def reload(self) -> DeviceConfig:
        """The file as it is now. A missing or unreadable file keeps what was known: a broken file must
        not read as "no PIN yet" and offer a passer-by to make one."""
        on_disk = self._on_disk()
        if on_disk is not None:
            self.config = on_disk
        return self.config

    def save(self, cfg: DeviceConfig) -> DeviceConfig:
        """Validate, write (atomic, 0600) and apply the settings ``cfg`` changes from ``self.config``,
        over the file as it is now, so a change made from the shell meanwhile is kept. A new PIN is
        written only over the PIN it was made from: ``PinChangedElsewhere`` when the file's PIN differs.
        Raises ``ConfigError`` (naming the key) and then writes nothing."""
        changes = {f.name: getattr(cfg, f.name) for f in dataclasses.fields(cfg)
                   if getattr(cfg, f.name) != getattr(self.config, f.name)}
        base = self._on_disk() or self.config
        if "technician_pin_hash" in changes and base.technician_pin_hash != self.config.technician_pin_hash:
            self.config = base
            raise PinChangedElsewhere()
        checked = validate(dataclasses.replace(base, **changes))
        save_config(self.config_path, checked)
        self.config = checked
        self.on_saved(checked)
        waiting = set(changes) & self.restart_keys
        if waiting:
            self.restart_pending |= waiting
            self.restart_needed()
        return checked

    def _on_disk(self) -> DeviceConfig | None:
        if not self.config_path.is_file():
            return None
        try:
            return load_config(self.config_path)
        except (ConfigError, OSError) as exc:
            log.warning("the device config %s cannot be read (%s); the settings known before stay",
                        self.config_path, type(exc).__name__)
            return None


class SetupPage(QWidget):
    """One page of the setup screen. Subclasses set ``title`` and build their fields in ``__init__``;
    ``refresh()`` runs each time the page is shown (reload values, start live status)."""

    title: Text
    kinds: tuple[DeviceKind, ...] = ("kiosk", "display", "survey")   # which devices show this page
    saved = Signal(object)   # DeviceConfig, after a successful save

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def refresh(self) -> None:
        """Called when the page is shown."""

    def leave(self) -> None:
        """Called when the page is hidden: stop timers, live status."""
