"""A device's picture of the server, kept current in the background: whether it answers (a health
check every few seconds), the catalog with its live waiting counts, and the device heartbeat (this
device's state to the office; the reply says whether the office has locked it)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.client import BackendClient
from core.errors import BackendStatusError, BackendTimeout, BackendUnreachable
from core.models import Catalog, HeartbeatReply
from ui.shell.heartbeat import Heartbeat
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def is_outage(error: BaseException) -> bool:
    """The server cannot be reached or is failing, as opposed to refusing one request."""
    return isinstance(error, (BackendUnreachable, BackendTimeout)) or (
        isinstance(error, BackendStatusError) and error.status >= 500)


class ServerWatch(QObject):
    online_changed = Signal(bool)
    catalog_loaded = Signal(object)  # Catalog
    heartbeat_answered = Signal(object)  # HeartbeatReply

    def __init__(self, client: BackendClient, runner: TaskRunner, *, health_ms: int, catalog_ms: int,
                 heartbeat_ms: int, describe: Callable[[], Mapping[str, Any]],
                 parent: QObject | None = None) -> None:
        """``client`` is used only from ``runner`` (one thread); ``describe`` gives the heartbeat's
        state of this device (version, printer, screen)."""
        super().__init__(parent)
        self.client = client
        self.runner = runner
        self.online: bool | None = None
        self.catalog: Catalog | None = None
        self._timers: list[tuple[QTimer, int]] = []
        for interval, slot in ((health_ms, self._on_health_timer_timeout),
                               (catalog_ms, self._on_catalog_timer_timeout)):
            timer = QTimer(self)
            timer.timeout.connect(slot)
            self._timers.append((timer, interval))
        self.heartbeat = Heartbeat(client, runner, interval_ms=heartbeat_ms, describe=describe, parent=self)
        self.heartbeat.answered.connect(self._on_heartbeat_answered)
        self.heartbeat.failed.connect(self.note_failure)

    def start(self) -> None:
        for timer, interval in self._timers:
            timer.start(interval)
        self.refresh_catalog()
        self.heartbeat.start()

    def stop(self) -> None:
        for timer, _ in self._timers:
            timer.stop()
        self.heartbeat.stop()

    def refresh_catalog(self) -> None:
        self.runner.run_task(self.client.catalog, self.use_catalog, self.note_failure)

    def use_catalog(self, catalog: Catalog) -> None:
        """A catalog from anywhere (here, or the citizen's own request) is news that the server answers."""
        self.catalog = catalog
        self.set_online(True)
        self.catalog_loaded.emit(catalog)

    def set_online(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        log.log(logging.INFO if online else logging.WARNING, "server %s", "reachable" if online else "unreachable")
        self.online_changed.emit(online)
        if online and self.catalog is None:
            self.refresh_catalog()

    def note_failure(self, error: BaseException) -> None:
        if is_outage(error):
            if self.online is not False:
                log.warning("a background request failed: %s", error)
            self.set_online(False)
        else:
            log.warning("the server refused a background request: %s", error)

    def _on_health_timer_timeout(self) -> None:
        if self.runner.pending():
            return  # the last check still waits for its answer: don't pile up
        self.runner.run_task(self.client.health, lambda _: self.set_online(True), self.note_failure)

    def _on_catalog_timer_timeout(self) -> None:
        self.refresh_catalog()

    def send_heartbeat(self) -> None:
        """This device's state as ``describe`` gives it now; the answer comes as ``heartbeat_answered``."""
        self.heartbeat.send()

    def _on_heartbeat_answered(self, reply: HeartbeatReply) -> None:
        self.set_online(True)
        self.heartbeat_answered.emit(reply)
