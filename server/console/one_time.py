"""One-time passwords on their way to the admin's screen: the add or reset form's answer is a redirect
(a reload sends nothing again), and the page it leads to takes the password from here, once. Kept in
this server process's memory only, by the admin's sign-in, for a few minutes: never in an address, a
cookie, the database or a log."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from core.wire import StaffPassword

KEPT_S = 600.0


@dataclass(frozen=True)
class ToShow:
    made: StaffPassword
    added: bool        # a new account (else a reset)


class OneTimePasswords:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, tuple[ToShow, float]] = {}

    def keep(self, sign_in_id: str, made: StaffPassword, *, added: bool) -> None:
        """The sign-in's newest one replaces any it has not opened yet."""
        now = time.monotonic()
        with self._lock:
            self._waiting = {k: v for k, v in self._waiting.items() if v[1] > now}
            self._waiting[sign_in_id] = (ToShow(made, added), now + KEPT_S)

    def take(self, sign_in_id: str) -> ToShow | None:
        """The password waiting for this sign-in, forgotten as it is handed over."""
        with self._lock:
            kept = self._waiting.pop(sign_in_id, None)
        if kept is None or kept[1] <= time.monotonic():
            return None
        return kept[0]
