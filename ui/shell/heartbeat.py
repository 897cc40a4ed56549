"""The device heartbeat: every so often this device's state goes to the office (``POST
/devices/heartbeat``) on the app's background thread; the reply says whether the office locked the
device and gives the server's clock, from which the offset to this machine's clock is kept."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core import __version__
from core.client import BackendClient
from core.models import HeartbeatReply
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def device_report(started_at: float, *, last_error: str | None, screen: str | None,
                  printer_state: str = "none", paper: str = "unknown", name: str = "") -> dict[str, object]:
    """What every device tells the office: version, uptime (from ``time.monotonic()`` at
    ``started_at``), the latest error, the screen shown, its printer (none for a board), and the name
    given in its setup, so a device renamed there is found under that name from the office."""
    report: dict[str, object] = {"version": __version__, "uptime_s": round(time.monotonic() - started_at, 1),
                                 "printer_state": printer_state, "paper": paper,
                                 "last_error": last_error[:300] if last_error else None, "screen": screen or None}
    if name.strip():
        report["name"] = name.strip()
    return report


class Heartbeat(QObject):
    """Public API: ``start()``, ``stop()``, ``send()``, ``server_offset``; the signals ``answered``
    and ``failed``."""

    answered = Signal(object)  # HeartbeatReply
    failed = Signal(object)    # the exception

    def __init__(self, client: BackendClient, runner: TaskRunner, *, interval_ms: int,
                 describe: Callable[[], Mapping[str, Any]], parent: QObject | None = None) -> None:
        """``client`` is used only from ``runner`` (one thread); ``describe`` gives this device's state now."""
        super().__init__(parent)
        self.client = client
        self.runner = runner
        self._describe = describe
        self._server_offset: timedelta | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def server_offset(self) -> timedelta | None:
        """Server time minus this machine's, from the last answer; None before the first."""
        return self._server_offset

    def start(self) -> None:
        """Send one now (the office sees the device at once, a lock holds from the start), then on the timer."""
        self._timer.start()
        self.send()

    def stop(self) -> None:
        self._timer.stop()

    def send(self) -> None:
        state = dict(self._describe())
        client = self.client

        def work() -> tuple[HeartbeatReply, datetime]:
            sent = datetime.now(UTC)
            reply = client.heartbeat(state)
            received = datetime.now(UTC)
            return reply, sent + (received - sent) / 2

        self.runner.run_task(work, self._on_sent, self.failed.emit)

    def _on_timer_timeout(self) -> None:
        self.send()

    def _on_sent(self, result: tuple[HeartbeatReply, datetime]) -> None:
        reply, local = result
        server_time = reply.server_time if reply.server_time.tzinfo else reply.server_time.replace(tzinfo=UTC)
        self._server_offset = server_time - local
        self.answered.emit(reply)


__all__ = ["Heartbeat", "device_report"]
