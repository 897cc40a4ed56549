"""Who is asking: password and token hashing, and the principal behind a bearer token.

Passwords use scrypt with a salt; tokens are 256-bit random strings, so a plain SHA-256 of them is
enough to store (nobody can guess one to look it up)."""

from __future__ import annotations

import enum
import hashlib
import hmac
import os
import secrets
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors for new password hashes. Each hash records its own, so a hash made at
    another cost still verifies; the defaults are the production cost (tens of ms, 16 MB)."""

    n: int = 2 ** 14
    r: int = 8
    p: int = 1


PRODUCTION_COST = ScryptCost()
MIN_PASSWORD_LENGTH = 8


class Role(str, enum.Enum):
    KIOSK = "kiosk"
    DISPLAY = "display"
    STAFF = "staff"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    SURVEY = "survey"  # the survey tablet at a loket: an enrolled device


DEVICE_ROLES = frozenset({Role.KIOSK, Role.DISPLAY, Role.SURVEY})
STAFF_ROLES = frozenset({Role.STAFF, Role.SUPERVISOR, Role.ADMIN})
MANAGER_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Principal:
    role: Role
    name: str          # username or device name
    device_id: int | None = None
    user_id: int | None = None
    locked: bool = False  # a device the office locked: it may read and heartbeat, not write
    must_change_password: bool = False  # an admin set the password: only changing it is allowed

    @property
    def issuer(self) -> str:
        """Namespaces idempotency keys, so two devices can never collide on one."""
        return f"device:{self.device_id}" if self.device_id is not None else f"user:{self.user_id}"

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES


def hash_password(password: str, cost: ScryptCost = PRODUCTION_COST) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, n=cost.n, r=cost.r, p=cost.p)
    return f"scrypt${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), dklen=32,
                             n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _lower_priority() -> None:
    """Linux schedules each thread on its own, so this thread's nice value is its alone."""
    if sys.platform.startswith("linux"):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def _new_checker() -> ThreadPoolExecutor:
    """One password check at a time, at the lowest CPU priority: a check keeps a core busy for tens of
    ms, and the queue's own threads must win that core whenever they want it."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="password-check", initializer=_lower_priority)


_CHECKER = _new_checker()


def _checker_after_fork() -> None:
    """A forked process (a test runner's worker, mutmut's mutant runs) has no checker thread: a
    sign-in there would wait for ever on the parent's pool."""
    global _CHECKER
    _CHECKER = _new_checker()


os.register_at_fork(after_in_child=_checker_after_fork)


def verify_password_aside(password: str, stored: str) -> bool:
    """``verify_password`` in the low-priority checker thread; the caller waits for it."""
    return _CHECKER.submit(verify_password, password, stored).result()


def new_token(kind: str) -> str:
    """``dev_…`` for devices, ``stf_…`` for staff: the prefix tells a log reader what leaked."""
    return f"{kind}_{secrets.token_urlsafe(32)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_enrollment_code() -> str:
    """Short enough to type on a kiosk keypad, long enough with its expiry and single use."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_enrollment_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}"
