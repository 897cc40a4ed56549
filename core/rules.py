"""Queue rules shared by server and clients: ticket codes, the state machine, queue order and the
estimated wait. One implementation, so what the kiosk shows and what the server does agree."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.models import TicketStatus

PREFIX_PATTERN = re.compile(r"^[A-Z]{1,2}[0-9]?$")
# The longest text read as a ticket code: a scanner that sends a long number gets "not a code".
CODE_MAX_LENGTH = 20
# The token in a ticket's status link: URL-safe base64 (secrets.token_urlsafe), at most 64 long.
STATUS_TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

S = TicketStatus
# serving -> transferred is immediately followed by transferred -> waiting in the target service.
# Back to waiting: a ticket in hand when its officer must leave, and a no-show whose citizen turns up
# late the same day; it keeps its original queue time.
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    S.WAITING: frozenset({S.CALLED, S.CANCELLED, S.EXPIRED}),
    S.CALLED: frozenset({S.SERVING, S.NO_SHOW, S.CANCELLED, S.EXPIRED, S.WAITING}),
    S.SERVING: frozenset({S.DONE, S.TRANSFERRED, S.EXPIRED, S.WAITING}),
    S.TRANSFERRED: frozenset({S.WAITING}),
    S.DONE: frozenset(),
    S.NO_SHOW: frozenset({S.WAITING}),
    S.CANCELLED: frozenset(),
    S.EXPIRED: frozenset(),
}
# A no-show may come back to waiting the same day, but it ends the call: it is final for the figures.
FINAL_STATES = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt) | {S.NO_SHOW}
OPEN_STATES = frozenset({S.WAITING, S.CALLED, S.SERVING})


def can_transition(current: TicketStatus, target: TicketStatus) -> bool:
    return target in TRANSITIONS[current]


def format_code(prefix: str, sequence: int) -> str:
    """``("A", 1)`` → ``"A-001"``; past 999 the number simply grows (``A-1000``)."""
    if not PREFIX_PATTERN.match(prefix):
        raise ValueError(f"bad service prefix: {prefix!r}")
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    return f"{prefix}-{sequence:03d}"


def split_code(code: str) -> tuple[str, int]:
    """``"A-001"`` → ``("A", 1)``: the inverse of ``format_code`` for a code already normalised."""
    prefix, _, digits = code.partition("-")
    return prefix, int(digits)


def normalise_code(text: str, prefixes: Iterable[str] = ()) -> str | None:
    """What a citizen typed or a scanner sent (``a1``, ``A 001``, ``b2-14``) → ``A-001``, or None.

    Without a dash, ``B2014`` is ambiguous (``B2-014`` or ``B-2014``): the site's known prefixes
    decide, longest first, among those the rest of which is a ticket number (``B200`` is ``B-200``,
    as there is no ``B2-000``)."""
    raw = re.sub(r"[\s_]", "", text.strip().upper())
    if len(raw) > CODE_MAX_LENGTH:
        return None
    if "-" in raw:
        prefix, _, digits = raw.partition("-")
    else:
        prefix = next((p for p in sorted(prefixes, key=len, reverse=True)
                       if raw.startswith(p) and raw[len(p):].isdecimal() and int(raw[len(p):]) >= 1), "")
        if not prefix:
            match = re.match(r"^([A-Z]{1,2})(\d+)$", raw)
            if not match:
                return None
            prefix = match.group(1)
        digits = raw[len(prefix):]
    if not PREFIX_PATTERN.match(prefix) or not digits.isdecimal() or int(digits) < 1:
        return None
    return format_code(prefix, int(digits))


@dataclass(frozen=True)
class QueuePolicy:
    """``first``: priority tickets always go first. ``interleave``: ``ratio`` regular then one
    priority, so that nobody starves."""

    mode: str = "first"
    ratio: int = 2

    def serve_priority_next(self, regular_waiting: bool, priority_waiting: bool,
                            regular_streak: int) -> bool:
        """Whether the next call takes a priority ticket, given how many regular tickets were
        called in a row at this counter since the last priority one."""
        if not priority_waiting:
            return False
        if not regular_waiting:
            return True
        if self.mode == "interleave":
            return regular_streak >= self.ratio
        return True



def estimate_wait_minutes(people_ahead: int, mean_service_minutes: float, counters_open: int) -> int:
    """People ahead × recent mean service time ÷ counters open (at least one, since a closed
    service's counters open again); rounded up to whole minutes."""
    if people_ahead <= 0:
        return 0
    return math.ceil(people_ahead * mean_service_minutes / max(1, counters_open))


def mean_minutes(durations_seconds: Iterable[float], fallback: float) -> float:
    """Recent mean service time; the catalog's figure until enough tickets were served today."""
    values: Sequence[float] = [d for d in durations_seconds if d > 0]
    if len(values) < 3:
        return fallback
    return sum(values) / len(values) / 60.0
