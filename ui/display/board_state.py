"""What the hall board knows: the calls in the order they came and each loket's state, built from
the server's counters list and its events. Plain Python, so the rules are tested without widgets."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from core.models import Counter, CounterState, Event
from core.wire import AT_LOKET, CounterStateEvent, EventType, TicketEvent, payload_of

CALL_EVENTS = frozenset({EventType.TICKET_CALLED, EventType.TICKET_RECALLED})


@dataclass(frozen=True)
class Call:
    """One call (or recall) of a ticket to a loket, as the board shows and speaks it."""

    ticket_id: int
    code: str
    counter_id: int
    loket: str            # the counter's name: "Loket 3"
    agency: str           # short name, for the board: "Disdukcapil"
    agency_name: str
    service: str
    recall: bool
    seq: int              # the event's sequence number
    at: datetime          # server time of the call, UTC

    @classmethod
    def from_event(cls, event: Event) -> Call | None:
        """The call an event announces; None for other events or a payload without a loket."""
        if event.type not in CALL_EVENTS:
            return None
        ticket = payload_of(event)
        if not isinstance(ticket, TicketEvent) or ticket.counter is None:
            return None
        at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)
        return cls(ticket_id=ticket.id, code=ticket.code, counter_id=ticket.counter.id,
                   loket=ticket.counter.name or str(ticket.counter.id),
                   agency=ticket.agency_short_name or ticket.agency_name, agency_name=ticket.agency_name,
                   service=ticket.service_name, recall=event.type == EventType.TICKET_RECALLED,
                   seq=event.seq, at=at)


@dataclass(frozen=True)
class Loket:
    """One counter on the board's grid."""

    id: int
    name: str
    state: CounterState
    code: str | None = None           # the ticket at the loket now (called or being served)
    pause_reason: str | None = None
    pause_until: datetime | None = None   # a paused loket's expected return, if its officer said

    @classmethod
    def from_counter(cls, counter: Counter) -> Loket:
        ticket = counter.current_ticket
        code = ticket.code if ticket is not None and ticket.status in AT_LOKET else None
        return cls(counter.id, counter.name, counter.state, code, counter.pause_reason, counter.pause_until)

    @classmethod
    def from_event(cls, event: Event) -> Loket | None:
        if event.type != EventType.COUNTER_STATE:
            return None
        change = payload_of(event)
        if not isinstance(change, CounterStateEvent):
            return None
        return cls(change.counter.id, change.counter.name or str(change.counter.id), change.state,
                   change.current_code or None, change.pause_reason, change.pause_until)

    def back_at(self, now: datetime) -> datetime | None:
        """When the paused loket expects to be back, on ``now``'s clock; None when it is not paused,
        said no time, or the time has passed (the board never shows a return already past)."""
        if self.state is not CounterState.PAUSED or self.pause_until is None or self.pause_until <= now:
            return None
        return self.pause_until.astimezone(now.tzinfo)


class BoardState:
    """The calls (newest first, one entry per ticket) and the lokets of one board.

    ``lokets`` limits the board to those counter ids (empty: all). A counters snapshot may answer
    after events newer than it were applied: ``snapshot_started()`` gives a mark, and
    ``apply_snapshot`` leaves alone every loket an event touched after that mark. The events
    that follow (the stream delivers every one, in order) bring those up to date.
    """

    def __init__(self, lokets: Iterable[int] = (), keep: int = 12) -> None:
        self.filter: frozenset[int] = frozenset(lokets)
        self.keep = max(1, keep)
        self._calls: list[Call] = []
        self._lokets: dict[int, Loket] = {}
        self._ticks = itertools.count(1)
        self._tick = 0
        self._touched: dict[int, int] = {}   # loket id -> tick of the last event about it

    # -- reading ---------------------------------------------------------------------------------

    def wants(self, counter_id: int) -> bool:
        return not self.filter or counter_id in self.filter

    @property
    def calls(self) -> tuple[Call, ...]:
        return tuple(self._calls)

    @property
    def latest(self) -> Call | None:
        return self._calls[0] if self._calls else None

    @property
    def lokets(self) -> tuple[Loket, ...]:
        return tuple(self._lokets[i] for i in sorted(self._lokets))

    def loket(self, counter_id: int) -> Loket | None:
        return self._lokets.get(counter_id)

    # -- changing --------------------------------------------------------------------------------

    def _touch(self, counter_id: int) -> None:
        self._tick = next(self._ticks)
        self._touched[counter_id] = self._tick

    def add_call(self, call: Call) -> bool:
        """Put a call first (a recall moves its ticket back to the front); False if not for us."""
        if not self.wants(call.counter_id):
            return False
        self._calls = [call] + [c for c in self._calls if c.ticket_id != call.ticket_id][: self.keep - 1]
        self._touch(call.counter_id)
        known = self._lokets.get(call.counter_id)
        if known is None:
            self._lokets[call.counter_id] = Loket(call.counter_id, call.loket, CounterState.OPEN, call.code)
        else:
            self._lokets[call.counter_id] = replace(known, name=call.loket, code=call.code)
        return True

    def apply_loket(self, loket: Loket) -> bool:
        """A loket's new state from an event; False if it is not on this board or unchanged."""
        if not self.wants(loket.id):
            return False
        self._touch(loket.id)
        if self._lokets.get(loket.id) == loket:
            return False
        self._lokets[loket.id] = loket
        return True

    def snapshot_started(self) -> int:
        return self._tick

    def apply_snapshot(self, counters: Iterable[Counter], mark: int) -> None:
        """The server's list of counters, asked for at ``mark``: it decides which lokets exist."""
        fresh = {c.id: Loket.from_counter(c) for c in counters if self.wants(c.id)}
        merged: dict[int, Loket] = {}
        for counter_id, loket in fresh.items():
            newer = self._touched.get(counter_id, 0) > mark and counter_id in self._lokets
            merged[counter_id] = self._lokets[counter_id] if newer else loket
        for counter_id, loket in self._lokets.items():
            if counter_id not in merged and self._touched.get(counter_id, 0) > mark:
                merged[counter_id] = loket  # appeared by an event after the snapshot was taken
        self._lokets = merged

    def clear_calls(self) -> None:
        self._calls = []
