"""The technician PIN: a salted scrypt hash in the device config, a constant-time check, and the
lockout (five wrong PINs lock the entry for five minutes, also across a restart of the app)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.errors import ConfigError

log = logging.getLogger(__name__)

# Work factors of new PIN hashes: about 50 ms and 16 MB on a kiosk PC. Each hash records its own, so
# one made at another cost still verifies; only the test suite sets a lower cost here.
PRODUCTION_COST = {"n": 2**14, "r": 8, "p": 1}
cost = PRODUCTION_COST
PIN_MIN, PIN_MAX = 4, 8
MAX_FAILURES = 5
LOCK_SECONDS = 5 * 60
MAX_LOCK_SECONDS = 24 * 60 * 60


class PinChangedElsewhere(ConfigError):
    """The PIN in the config file is no longer the one a new PIN was made from (set from the shell
    meanwhile): the new one is not written, so a PIN on disk is never replaced from a stale view."""

    code = "pin_changed_elsewhere"

    def __init__(self) -> None:
        super().__init__("the technician PIN was changed in the config file meanwhile",
                         params={"key": "technician_pin_hash"})


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN (a code for the screen), or None."""
    if not pin.isdigit() or not PIN_MIN <= len(pin) <= PIN_MAX:
        return "pin_format"
    return None


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    n, r, p = cost["n"], cost["r"], cost["p"]
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, n=n, r=r, p=p)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """False for a wrong PIN or a stored value that is no hash of ours. A failure of scrypt itself
    (out of memory) raises: it must not count as a wrong PIN towards the lockout."""
    try:
        scheme, n, r, p, salt_hex, digest = stored.split("$")
        factors = {"n": int(n), "r": int(r), "p": int(p)}
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **factors)
    return hmac.compare_digest(got.hex(), digest)


def lock_file_for(config_path: Path) -> Path:
    """The lockout state lives next to the device config, so a restart does not reset it."""
    return config_path.with_name(f".{config_path.stem}.pinlock.json")


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    remaining: int            # wrong PINs left before the lock
    locked_until: float | None  # wall-clock seconds (time.time) while locked


class PinLock:
    """Counts wrong PINs; the fifth locks the entry for ``lock_s`` seconds. Each further lock before a
    right PIN lasts twice as long (up to a day), so guessing every 4-digit PIN takes years, not a week.
    ``clock`` is wall time (``time.time``) so the state file means the same after a restart; tests
    pass a fake one."""

    def __init__(self, state_file: Path | None = None, *, clock: Callable[[], float] = time.time,
                 max_failures: int = MAX_FAILURES, lock_s: float = LOCK_SECONDS) -> None:
        self._file = state_file
        self._clock = clock
        self.max_failures = max_failures
        self.lock_s = lock_s
        self._failures = 0
        self._lockouts = 0       # locks since the last right PIN
        self._locked_until: float | None = None
        self._load()

    # ---------------------------------------------------------------- queries

    def locked_until(self) -> float | None:
        """When the lock ends, or None when the entry is open (an expired lock is cleared here)."""
        if self._locked_until is not None and self._clock() >= self._locked_until:
            self._locked_until = None
            self._failures = 0
            self._save()
        return self._locked_until

    def is_locked(self) -> bool:
        return self.locked_until() is not None

    def remaining(self) -> int:
        return max(0, self.max_failures - self._failures)

    # ---------------------------------------------------------------- attempts

    def check(self, pin: str, stored_hash: str) -> PinCheck:
        """Check ``pin`` unless locked (the hash takes a fifth of a second: screens call ``record``
        with the outcome of ``verify_pin`` run off the GUI thread instead)."""
        until = self.locked_until()
        if until is not None:
            return PinCheck(False, 0, until)
        return self.record(bool(stored_hash) and verify_pin(pin, stored_hash))

    def record(self, right: bool) -> PinCheck:
        """Count one attempt: a wrong PIN counts towards the lock, the right one clears the count.
        While locked nothing counts and nothing is let in."""
        until = self.locked_until()
        if until is not None:
            return PinCheck(False, 0, until)
        if right:
            self._failures = self._lockouts = 0
            self._save()
            return PinCheck(True, self.max_failures, None)
        self._failures += 1
        if self._failures >= self.max_failures:
            seconds = min(self.lock_s * 2 ** self._lockouts, MAX_LOCK_SECONDS)
            self._lockouts += 1
            self._locked_until = self._clock() + seconds
            log.warning("technician entry locked for %d s after %d wrong PINs (lock %d in a row)",
                        seconds, self._failures, self._lockouts)
        self._save()
        return PinCheck(False, self.remaining(), self._locked_until)

    # ---------------------------------------------------------------- state file

    def _load(self) -> None:
        if self._file is None or not self._file.exists():
            return
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
            self._failures = int(data.get("failures", 0))
            self._lockouts = int(data.get("lockouts", 0))
            until = data.get("locked_until")
            self._locked_until = float(until) if until is not None else None
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            log.warning("ignoring unreadable PIN lock state %s: %s", self._file, exc)

    def _save(self) -> None:
        if self._file is None:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._file.with_name(self._file.name + ".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"failures": self._failures, "lockouts": self._lockouts,
                           "locked_until": self._locked_until}, fh)
            os.replace(tmp, self._file)
        except OSError as exc:  # the lock still holds in memory
            log.warning("could not save the PIN lock state to %s: %s", self._file, exc)
