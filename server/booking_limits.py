"""Booking attempts counted per client address, in this process: a flood from one address (a broker's
script) is refused a while with the seconds to wait, while every other address books on. The per-NIK limits,
whatever the address, are the engine's (server/engine/bookings.py). The /booking page uses the same limiter."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

ATTEMPTS = 10
WINDOW = timedelta(minutes=10)
_MAX_ENTRIES = 10_000


@dataclass
class _Window:
    since: datetime
    attempts: int = 0


class BookingLimits:
    """Thread-safe: routes run in worker threads."""

    def __init__(self, attempts: int = ATTEMPTS, window: timedelta = WINDOW) -> None:
        self.attempts = attempts
        self.window = window
        self._lock = threading.Lock()
        self._addresses: dict[str, _Window] = {}

    def attempt(self, address: str, now: datetime) -> int | None:
        """Count one attempt from ``address``: None if it may go on, else the whole seconds until its
        window ends (the answer's Retry-After)."""
        with self._lock:
            if len(self._addresses) >= _MAX_ENTRIES:
                self._prune(now)
            here = self._addresses.get(address)
            if here is None or now - here.since >= self.window:
                here = self._addresses[address] = _Window(now)
            if here.attempts >= self.attempts:
                return max(1, math.ceil((here.since + self.window - now).total_seconds()))
            here.attempts += 1
            return None

    def _prune(self, now: datetime) -> None:
        """Bounded memory: drop the windows that have ended, and all if a flood of addresses still fills it."""
        for address in [a for a, w in self._addresses.items() if now - w.since >= self.window]:
            del self._addresses[address]
        if len(self._addresses) >= _MAX_ENTRIES:
            self._addresses.clear()
