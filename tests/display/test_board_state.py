"""The board's rules without widgets: the order of calls, recalls, the loket filter, and a counters
snapshot that answers after newer events."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.models import Counter, CounterState, Event
from ui.display.board_state import BoardState, Call, Loket

AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def event(seq: int, type_: str, **data: Any) -> Event:
    return Event(seq=seq, type=type_, at=AT, data=data)


def called(seq: int, ticket_id: int, code: str, loket: int, *, recall: bool = False) -> Event:
    return event(seq, "ticket.recalled" if recall else "ticket.called", id=ticket_id, code=code,
                 status="called", service_name="Kartu Keluarga", agency_name="Dinas Kependudukan",
                 agency_short_name="Disdukcapil", counter={"id": loket, "name": f"Loket {loket}"}, recalls=0)


def counter_state(seq: int, loket: int, state: str, code: str | None) -> Event:
    return event(seq, "counter.state", counter={"id": loket, "name": f"Loket {loket}"}, state=state,
                 staff="staff1", pause_reason=None, current_code=code)


def counter(loket: int, state: str = "closed") -> Counter:
    return Counter.model_validate({"id": loket, "name": f"Loket {loket}", "service_ids": ["kk"], "state": state,
                                   "current_ticket": None})


def test_a_call_event_becomes_a_call_and_others_do_not() -> None:
    call = Call.from_event(called(7, 11, "B-001", 2))
    assert call is not None
    assert (call.code, call.loket, call.counter_id, call.agency, call.recall, call.seq) == (
        "B-001", "Loket 2", 2, "Disdukcapil", False, 7)
    assert Call.from_event(counter_state(8, 2, "open", None)) is None
    assert Call.from_event(event(9, "ticket.called", id=1, code="B-002")) is None  # no loket: skipped


def test_calls_come_newest_first_and_a_recall_moves_its_ticket_to_the_front() -> None:
    state = BoardState()
    for seq, (ticket, code, loket) in enumerate([(1, "B-001", 1), (2, "B-002", 2), (3, "B-003", 1)], 1):
        state.add_call(Call.from_event(called(seq, ticket, code, loket)))
    assert [c.code for c in state.calls] == ["B-003", "B-002", "B-001"]
    state.add_call(Call.from_event(called(4, 2, "B-002", 2, recall=True)))
    assert [c.code for c in state.calls] == ["B-002", "B-003", "B-001"]
    assert state.latest is not None and state.latest.recall


def test_only_the_chosen_lokets_are_kept() -> None:
    state = BoardState(lokets=(3,))
    assert not state.add_call(Call.from_event(called(1, 1, "B-001", 1)))
    assert state.add_call(Call.from_event(called(2, 2, "K-001", 3)))
    assert not state.apply_loket(Loket.from_event(counter_state(3, 1, "open", None)))
    state.apply_snapshot([counter(1), counter(2), counter(3, "open")], state.snapshot_started())
    assert [c.code for c in state.calls] == ["K-001"]
    assert [loket.id for loket in state.lokets] == [3]


def test_history_is_capped() -> None:
    state = BoardState(keep=3)
    for n in range(1, 6):
        state.add_call(Call.from_event(called(n, n, f"B-00{n}", 1)))
    assert [c.code for c in state.calls] == ["B-005", "B-004", "B-003"]


def test_a_snapshot_older_than_an_event_does_not_undo_it() -> None:
    """GIVEN the counters were asked for, and an event about loket 1 came before the answer
    THEN the answer fills the other lokets but leaves loket 1 as the event set it."""
    state = BoardState()
    mark = state.snapshot_started()
    state.apply_loket(Loket.from_event(counter_state(5, 1, "open", "B-007")))
    state.apply_snapshot([counter(1, "closed"), counter(2, "paused")], mark)
    assert [(loket.id, loket.state, loket.code) for loket in state.lokets] == [
        (1, CounterState.OPEN, "B-007"), (2, CounterState.PAUSED, None)]

    state.apply_snapshot([counter(1, "closed"), counter(2, "paused")], state.snapshot_started())
    assert state.loket(1).state is CounterState.CLOSED  # a later snapshot is the truth again


def test_calls_from_the_server_take_their_place_by_sequence_and_known_ones_stay() -> None:
    state = BoardState()
    live = Call.from_event(called(20, 3, "B-003", 1))
    assert live is not None and state.add_call(live)
    older = [(Call.from_event(called(seq, tid, code, 2)), standing)
             for seq, tid, code, standing in ((12, 2, "B-002", True), (10, 1, "B-001", True), (8, 9, "B-009", False))]
    assert state.merge_calls([(c, s) for c, s in older if c is not None])
    assert [c.code for c in state.calls] == ["B-003", "B-002", "B-001"]
    again = Call.from_event(called(20, 3, "B-003", 1))
    assert again is not None and not state.add_call(again)   # the same call twice: shown and spoken once
    assert not state.merge_calls([(again, True)])


def test_a_call_taken_back_before_the_servers_answer_arrives_stays_off_the_board() -> None:
    """The answer was read before the transfer; the transfer's event came first: the answer's "still
    called" is older news and must not bring the call back."""
    state = BoardState()
    call = Call.from_event(called(10, 1, "B-001", 1))
    assert call is not None
    state.withdraw(1, 11)
    assert not state.merge_calls([(call, True)])
    assert state.calls == ()


def test_the_big_panel_skips_a_loket_on_a_break_and_the_list_keeps_its_call() -> None:
    state = BoardState()
    a, b = Call.from_event(called(1, 1, "B-001", 1)), Call.from_event(called(2, 2, "B-002", 2))
    assert a is not None and b is not None
    state.add_call(a)
    state.add_call(b)
    assert state.shown() == (b, (a,))
    state.apply_loket(Loket(2, "Loket 2", CounterState.PAUSED))
    assert state.shown() == (a, (b,))
    state.apply_loket(Loket(1, "Loket 1", CounterState.CLOSED))
    assert state.shown() == (None, (b, a))
