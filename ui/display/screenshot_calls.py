"""A morning's worth of calls for the board's pictures: a manager (supervisor or admin) takes
tickets for several services, opens a few lokets, calls at each and recalls one, so the board has a
latest call, several lokets with a number and a list of earlier calls, and pauses a few lokets, one
with a return time ("Istirahat sampai …"). Some citizens are left waiting, for the counter app's
pictures. Used by ``python -m ui.display.screenshots --seed-as``."""

from __future__ import annotations

import uuid
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from core.client import BackendClient
from core.errors import BackendError
from core.models import CounterState

# (service, tickets taken); then (loket, how many calls there), in the order they happen.
TICKETS = (("ktp-el-rekam", 3), ("kk", 6), ("akta-kelahiran", 2), ("pkb", 2), ("paspor", 3), ("skck", 2),
           ("jkn", 2))
CALLS = ((1, 2), (6, 1), (11, 1), (15, 2), (17, 1), (13, 1), (4, 1))
RECALL = 15
# (loket, reason, minutes from now until its officer is back; None: no time said).
PAUSES = ((8, "istirahat", 45), (9, "sholat", None))


def seed_calls(server: str, username: str, password: str) -> list[str]:
    """Make the calls; returns the codes called, oldest first. A loket someone else has open, or
    one holding a ticket already, is left alone, so running it twice only adds tickets."""
    client = BackendClient(server)
    called: list[str] = []
    try:
        client.login(username, password)
        for service, count in TICKETS:
            for _ in range(count):
                client.issue_ticket(service, idempotency_key=f"shot-{uuid.uuid4().hex}")
        lokets = {c.id: c for c in client.counters()}
        for loket, times in CALLS:
            counter = lokets.get(loket)
            if counter is None or counter.current_ticket is not None or (
                    counter.state is not CounterState.CLOSED and counter.staff != username):
                continue
            if counter.state is CounterState.CLOSED:
                client.open_counter(loket)
            for attempt in range(times):
                ticket = client.call_next(loket).current_ticket
                if ticket is None:
                    break
                called.append(ticket.code)
                if attempt < times - 1:
                    # Served at once, and the loket calls the next one (a no-show would have to
                    # wait the site's minutes first).
                    client.start(ticket.id)
                    client.finish(ticket.id)
        try:
            recalled = client.recall(RECALL).current_ticket
            if recalled is not None:
                called.append(recalled.code)
        except BackendError:
            pass  # nobody there to recall: the board is full enough without
        _pause_some(client, lokets)
        return called
    finally:
        client.close()


def _pause_some(client: BackendClient, lokets: dict) -> None:
    """Open and pause the lokets of PAUSES, the return time rounded up to five minutes, today."""
    zone = ZoneInfo(client.catalog().site.timezone)
    now = client.health().server_time.astimezone(zone)
    for loket, reason, minutes in PAUSES:
        counter = lokets.get(loket)
        if counter is None or counter.state is not CounterState.CLOSED:
            continue
        until: time | None = None
        if minutes is not None:
            back = now + timedelta(minutes=minutes + 5 - (now.minute + minutes) % 5)
            until = back.time().replace(second=0, microsecond=0) if back.date() == now.date() else None
        client.open_counter(loket)
        client.pause(loket, reason, until)
