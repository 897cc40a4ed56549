"""When to retry a backend call and how long to wait first: pure decisions, no sending, so the
schedule is checked in tests with a fake ``sleep`` and a fixed ``jitter``."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from core.errors import BackendStatusError, BackendTimeout, BackendUnreachable

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRY_STATUSES = frozenset({408, 429})


def full_jitter(cap: float) -> float:
    """AWS "full jitter": anywhere between nothing and the cap, so many kiosks don't retry in step."""
    return random.uniform(0.0, cap)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: Callable[[float], float] = full_jitter
    sleep: Callable[[float], None] = time.sleep
    # A Retry-After longer than this is cut to it: a citizen at the kiosk will not wait minutes.
    max_retry_after: float = 30.0

    def should_retry(self, method: str, outcome: int | BaseException, attempt: int, *,
                     keyed: bool = False) -> bool:
        """``outcome`` is the HTTP status or the (translated) error of ``attempt`` (1-based).

        Only requests that may run twice are retried: safe methods, or a POST carrying an
        Idempotency-Key (``keyed``); never e.g. call-next, whose repeat would call a second citizen."""
        if attempt >= self.max_attempts:
            return False
        if method.upper() not in SAFE_METHODS and not keyed:
            return False
        if isinstance(outcome, BackendStatusError):
            outcome = outcome.status
        if isinstance(outcome, int):
            return outcome in RETRY_STATUSES or 500 <= outcome <= 599
        return isinstance(outcome, (BackendUnreachable, BackendTimeout))

    def backoff_cap(self, attempt: int) -> float:
        """The longest wait after failed ``attempt``: doubling from ``base_delay``, capped."""
        doublings = min(max(0, attempt - 1), 60)  # a night offline must not overflow the float
        return min(self.max_delay, self.base_delay * 2.0 ** doublings)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait after failed ``attempt``; a server's Retry-After is a floor (capped)."""
        cap = self.backoff_cap(attempt)
        wait = min(cap, max(0.0, self.jitter(cap)))
        if retry_after is not None:
            wait = max(wait, min(max(0.0, retry_after), self.max_retry_after))
        return wait


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (seconds, or an HTTP date) as seconds from now; None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²" is a digit to str.isdigit() but no number to float()
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
