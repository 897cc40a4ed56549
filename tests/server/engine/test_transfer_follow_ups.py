"""Issue 14's follow-ups at engine level: the officer's transferred count is what they did, whoever calls the
ticket later (themselves included); and a ticket sent to one named loket is estimated by that loket alone."""

from __future__ import annotations

import pytest

from core.models import TicketStatus
from tests.support.clock import wib
from tests.support.engine import EngineHall

S = TicketStatus


def _transferred_by_staff1(hall: EngineHall) -> int:
    return hall.engine.counter_queue(hall.staff, 1).served_today.get("transferred", 0)


def _transferred(hall: EngineHall, to_loket: int | None) -> int:
    """Loket 1 calls its next KTP ticket, serves it and transfers it to KK (to ``to_loket`` only, if named)."""
    ticket = hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket.id, S.SERVING)
    hall.engine.ticket_action(hall.staff, ticket.id, S.TRANSFERRED, "kk", to_loket)
    return ticket.id


def test_the_transferred_count_stays_what_the_officer_did_when_they_or_another_call_the_ticket(
        hall: EngineHall) -> None:
    """GIVEN staff1 at loket 1 (KTP and KK) transfers A-001 from KTP to KK, and A-002 too
    WHEN staff1 calls A-001 back at the same loket and finishes it, and staff2 calls A-002 at loket 2
    THEN staff1's day still counts two transferred, and one done."""
    hall.issue("ktp")
    hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, ["ktp"])
    hall.engine.open_counter(hall.staff2, 2, ["kk"])
    first, second = _transferred(hall, to_loket=None), _transferred(hall, to_loket=2)
    assert _transferred_by_staff1(hall) == 2

    hall.engine.open_counter(hall.staff, 1, None)  # now KK too: the first comes back to staff1
    assert hall.call_next(1).id == first
    assert _transferred_by_staff1(hall) == 2
    hall.engine.ticket_action(hall.staff, first, S.SERVING)
    hall.engine.ticket_action(hall.staff, first, S.DONE)
    assert hall.call_next(2, hall.staff2).id == second
    served = hall.engine.counter_queue(hall.staff, 1).served_today
    assert (served.get("transferred"), served.get("done")) == (2, 1)
    assert hall.engine.counter_queue(hall.staff2, 2).served_today.get("transferred", 0) == 0


def test_yesterdays_transfers_are_not_counted_today(hall: EngineHall) -> None:
    hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, ["ktp"])
    _transferred(hall, to_loket=None)
    assert _transferred_by_staff1(hall) == 1
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    assert _transferred_by_staff1(hall) == 0


@pytest.mark.parametrize(("loket", "eta"), [(None, 12), (2, 24)])
def test_a_ticket_sent_to_one_loket_is_estimated_by_that_loket_alone(hall: EngineHall, loket: int | None,
                                                                     eta: int) -> None:
    """GIVEN lokets 1 and 2 open for KTP and KK (KK's mean 6 minutes) and four KK tickets waiting
    WHEN loket 1 transfers A-001 to KK: to any loket, or to loket 2 only
    THEN four wait ahead of it either way; any loket: 4 × 6 ÷ 2 = 12 minutes; loket 2 alone: 4 × 6 = 24."""
    ticket = hall.issue("ktp")
    for _ in range(4):
        hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.open_counter(hall.staff2, 2, None)
    assert hall.call_next(1).code == ticket["code"]
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    hall.clock.advance(seconds=30)
    moved = hall.engine.ticket_action(hall.staff, ticket["id"], S.TRANSFERRED, "kk", loket)
    assert (moved["people_ahead"], moved["eta_minutes"]) == (4, eta)
