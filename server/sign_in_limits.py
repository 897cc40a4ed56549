"""Wrong passwords counted per (name, client address) and per client address, in this process.

A name is locked only for the address that guessed it: an officer at a counter PC that did not
fail still gets in. An address that fails too often, whatever the names, is refused a while. The
per-name count over all addresses lives in the users table (see server/accounts.py)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

PAIR_FAILURE_LIMIT = 5
PAIR_LOCK = timedelta(minutes=5)
ADDRESS_FAILURE_LIMIT = 20
ADDRESS_WINDOW = timedelta(minutes=15)
ADDRESS_LOCK = timedelta(minutes=15)
_MAX_ENTRIES = 10_000


@dataclass
class _Count:
    failed: int = 0
    since: datetime | None = None          # start of the address's counting window
    locked_until: datetime | None = None


class SignInLimits:
    """Thread-safe: logins are checked in worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pairs: dict[tuple[str, str], _Count] = {}
        self._addresses: dict[str, _Count] = {}

    def locked(self, username: str, address: str, now: datetime) -> tuple[str, datetime] | None:
        """``("address", until)`` or ``("name", until)`` while refused, else None."""
        with self._lock:
            for scope, count in (("address", self._addresses.get(address)),
                                 ("name", self._pairs.get((username, address)))):
                if count is not None and count.locked_until is not None and count.locked_until > now:
                    return scope, count.locked_until
        return None

    def failed(self, username: str, address: str, now: datetime) -> None:
        with self._lock:
            self._prune(now)
            pair = self._pairs.setdefault((username, address), _Count())
            pair.failed += 1
            if pair.failed >= PAIR_FAILURE_LIMIT:
                pair.failed, pair.locked_until = 0, now + PAIR_LOCK
            # A fixed window, and a success does not reset it: an attacker holding one real
            # account must not clear their address's count by signing in between guesses.
            here = self._addresses.setdefault(address, _Count())
            if here.since is None or now - here.since >= ADDRESS_WINDOW:
                here.failed, here.since = 0, now
            here.failed += 1
            if here.failed >= ADDRESS_FAILURE_LIMIT:
                here.failed, here.since, here.locked_until = 0, None, now + ADDRESS_LOCK

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._pairs.pop((username, address), None)

    def clear_name(self, username: str) -> None:
        """The office let this name in again (a password reset, or enabling it)."""
        with self._lock:
            for key in [k for k in self._pairs if k[0] == username]:
                del self._pairs[key]

    def _prune(self, now: datetime) -> None:
        """Bounded memory: drop what no longer counts, and everything if a flood of distinct
        names or addresses still fills it (their guesses cost a password check each)."""
        _prune_table(self._pairs, now, PAIR_LOCK)
        _prune_table(self._addresses, now, ADDRESS_WINDOW)


def _prune_table(table: dict[Any, _Count], now: datetime, stale_after: timedelta) -> None:
    if len(table) < _MAX_ENTRIES:
        return
    for key in [k for k, c in table.items() if _stale(c, now, stale_after)]:
        del table[key]
    if len(table) >= _MAX_ENTRIES:
        table.clear()


def _stale(count: _Count, now: datetime, after: timedelta) -> bool:
    if count.locked_until is not None:
        return count.locked_until <= now
    return count.since is None or now - count.since >= after
