"""The desk's actions as data: their names (the intents the desk emits), keyboard shortcuts, and
which of them the loket's state and the ticket in hand allow."""

from __future__ import annotations

from collections.abc import Mapping

from core.models import Counter, CounterState, TicketStatus
from core.rules import can_transition
from core.wire import AT_LOKET

CALL_NEXT = "call_next"
RECALL = "recall"
START = "start"
FINISH = "finish"
NO_SHOW = "no_show"
TRANSFER = "transfer"
PAUSE = "pause"     # F7 toggles: pause when open, resume when paused
RESUME = "resume"
FINISH_NEXT = "finish_next"   # finish the ticket being served and call the next, one key

# In button order; F1…F7, so staff can work without the mouse.
SHORTCUTS: Mapping[str, str] = {
    CALL_NEXT: "F1",
    RECALL: "F2",
    START: "F3",
    FINISH: "F4",
    NO_SHOW: "F5",
    TRANSFER: "F6",
    PAUSE: "F7",
    FINISH_NEXT: "F8",
}

PAUSE_REASONS = ("istirahat", "sholat", "rapat", "lainnya")
IN_HAND = AT_LOKET


def allowed_actions(counter: Counter | None) -> frozenset[str]:
    """What the buttons may do now; the server checks again and has the last word."""
    if counter is None or counter.state is CounterState.CLOSED:
        return frozenset()
    ticket = counter.current_ticket
    status = ticket.status if ticket is not None and ticket.status in IN_HAND else None
    # No break while a citizen is called or served here: the board would show both (the server
    # refuses it too). Resuming a paused loket is always allowed.
    allowed = {PAUSE} if status is None else set()
    if counter.state is CounterState.OPEN and status is None:
        allowed.add(CALL_NEXT)
    if status is TicketStatus.CALLED:
        allowed.add(RECALL)
    if status is TicketStatus.SERVING and counter.state is CounterState.OPEN:
        allowed.add(FINISH_NEXT)
    if status is not None:
        for action, target in ((START, TicketStatus.SERVING), (FINISH, TicketStatus.DONE),
                               (NO_SHOW, TicketStatus.NO_SHOW), (TRANSFER, TicketStatus.TRANSFERRED)):
            if can_transition(status, target):
                allowed.add(action)
    return frozenset(allowed)


def ticket_in_hand(counter: Counter | None):
    ticket = counter.current_ticket if counter is not None else None
    return ticket if ticket is not None and ticket.status in IN_HAND else None
