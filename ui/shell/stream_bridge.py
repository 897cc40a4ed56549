"""The server's event stream for the GUI: an ``EventFollower`` on its own thread, whose events and
connection state arrive as signals on the GUI thread. A follower stopped (or replaced) is silent:
nothing it said late reaches the app."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from core.client import BackendClient
from core.event_stream import EventFollower
from core.retry import RetryPolicy


class EventStreamBridge(QObject):
    """Public API: ``start(client, last_event_id=None, backoff=None)``, ``stop()``, ``last_event_id``,
    ``running``; the signals ``event_received`` and ``state_changed``."""

    event_received = Signal(object)   # core.models.Event
    state_changed = Signal(str)       # "connected" / "disconnected"
    # From the follower's thread, with the follower's number; delivered queued on the GUI thread.
    _arrived = Signal(int, object)
    _changed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.follower: EventFollower | None = None
        self._number = 0
        self._resume_from: int | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._arrived.connect(self._on_follower_event_arrived, queued)
        self._changed.connect(self._on_follower_state_changed, queued)

    @property
    def running(self) -> bool:
        return self.follower is not None

    @property
    def last_event_id(self) -> int | None:
        """Where the stream resumes: the follower's latest event, or where it was told to start."""
        return self.follower.last_event_id if self.follower is not None else self._resume_from

    def start(self, client: BackendClient, *, last_event_id: int | None = None,
              backoff: RetryPolicy | None = None) -> None:
        """Follow ``client``'s server from ``last_event_id`` (the present when None); a follower already
        running is stopped first."""
        self.stop()
        self._number += 1
        number = self._number
        self._resume_from = last_event_id
        self.follower = EventFollower(client, lambda event: self._arrived.emit(number, event),
                                      on_state=lambda state: self._changed.emit(number, state),
                                      last_event_id=last_event_id, backoff=backoff)
        self.follower.start()

    def stop(self) -> None:
        follower, self.follower = self.follower, None
        if follower is not None:
            self._resume_from = follower.last_event_id
            follower.stop()

    def _is_current(self, number: int) -> bool:
        return self.follower is not None and number == self._number

    def _on_follower_event_arrived(self, number: int, event: object) -> None:
        if self._is_current(number):
            self.event_received.emit(event)

    def _on_follower_state_changed(self, number: int, state: str) -> None:
        if self._is_current(number):
            self.state_changed.emit(state)


__all__ = ["EventStreamBridge"]
