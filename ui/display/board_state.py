"""What the hall board knows: the calls in the order they came and each loket's state, built from
the server's counters list and its events. Plain Python, so the rules are tested without widgets."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from core.models import Counter, CounterState, Event, TicketStatus
from core.wire import AT_LOKET, CounterStateEvent, EventType, TicketEvent, payload_of

CALL_EVENTS = frozenset({EventType.TICKET_CALLED, EventType.TICKET_RECALLED})
# A ticket that becomes one of these is no longer called where it was: transferred to another
# service or put back in the queue (both wait again), cancelled, or expired at the day's end.
NO_LONGER_CALLED = frozenset({TicketStatus.WAITING, TicketStatus.CANCELLED, TicketStatus.EXPIRED})
# Lokets whose call the big panel does not show as the current one.
NOT_SERVING = frozenset({CounterState.PAUSED, CounterState.CLOSED})


def withdrawn_ticket(event: Event) -> int | None:
    """The ticket whose call a ``ticket.status`` event takes back (see ``NO_LONGER_CALLED``), else None."""
    if event.type != EventType.TICKET_STATUS:
        return None
    ticket = payload_of(event)
    if isinstance(ticket, TicketEvent) and ticket.status in NO_LONGER_CALLED:
        return ticket.id
    return None


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
        self._withdrawn: dict[int, int] = {}  # ticket id -> seq of the event that took its call back

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

    def shown(self) -> tuple[Call | None, tuple[Call, ...]]:
        """What the board shows: the big panel's call and the earlier ones, newest first. The big
        panel shows the newest call whose loket is not on a break or closed: a loket that went on a
        break after its call is not the place to go now. Its call stays among the earlier calls."""
        for call in self._calls:
            loket = self._lokets.get(call.counter_id)
            if loket is None or loket.state not in NOT_SERVING:
                return call, tuple(c for c in self._calls if c is not call)
        return None, tuple(self._calls)

    # -- changing --------------------------------------------------------------------------------

    def _touch(self, counter_id: int) -> None:
        self._tick = next(self._ticks)
        self._touched[counter_id] = self._tick

    def add_call(self, call: Call) -> bool:
        """Put a call first (a recall moves its ticket back to the front); False if not for us or
        already known (the same call, or a later one of its ticket)."""
        if not self.wants(call.counter_id):
            return False
        if any(c.ticket_id == call.ticket_id and c.seq >= call.seq for c in self._calls):
            return False
        self._withdrawn.pop(call.ticket_id, None)
        self._calls = [call] + [c for c in self._calls if c.ticket_id != call.ticket_id][: self.keep - 1]
        self._touch(call.counter_id)
        known = self._lokets.get(call.counter_id)
        if known is None:
            self._lokets[call.counter_id] = Loket(call.counter_id, call.loket, CounterState.OPEN, call.code)
        else:
            self._lokets[call.counter_id] = replace(known, name=call.loket, code=call.code)
        return True

    def withdraw(self, ticket_id: int, seq: int) -> bool:
        """A ticket's call is taken back by the event ``seq`` (transferred, back in the queue,
        cancelled): it leaves the calls. False when the board did not show it."""
        self._withdrawn[ticket_id] = max(seq, self._withdrawn.get(ticket_id, 0))
        before = len(self._calls)
        self._calls = [c for c in self._calls if not (c.ticket_id == ticket_id and c.seq < seq)]
        return len(self._calls) != before

    def merge_calls(self, calls: Iterable[tuple[Call, bool]]) -> bool:
        """Calls read from the server (``(call, still called)``), as a board that restarted learns
        them: known ones and those taken back are left out, the rest take their place by sequence.
        True when the calls changed."""
        known = {c.ticket_id: c for c in self._calls}
        changed = False
        for call, standing in calls:
            if not self.wants(call.counter_id) or self._withdrawn.get(call.ticket_id, 0) > call.seq:
                continue
            mine = known.get(call.ticket_id)
            if mine is not None and mine.seq >= call.seq:
                continue
            if standing:
                known[call.ticket_id] = call
            elif mine is not None:
                del known[call.ticket_id]
            else:
                continue
            changed = True
        if changed:
            self._calls = sorted(known.values(), key=lambda c: c.seq, reverse=True)[: self.keep]
        return changed

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

    def set_filter(self, lokets: Iterable[int]) -> None:
        """Show these lokets from now on (empty: all); the calls and lokets of the others leave."""
        self.filter = frozenset(lokets)
        self._calls = [c for c in self._calls if self.wants(c.counter_id)]
        self._lokets = {i: loket for i, loket in self._lokets.items() if self.wants(i)}

    def clear_calls(self) -> None:
        """A new day: yesterday's calls, and what took some of them back, are forgotten."""
        self._calls = []
        self._withdrawn.clear()
