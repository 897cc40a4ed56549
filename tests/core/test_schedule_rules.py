"""Pure rules shared by server and clients: spans, codes, the state machine, the estimate."""

from __future__ import annotations

from datetime import time

import pytest

from core.models import TicketStatus as S
from core.rules import (
    QueuePolicy,
    can_transition,
    estimate_wait_minutes,
    format_code,
    mean_minutes,
    normalise_code,
    split_code,
)
from core.schedule import Span, format_hhmm, parse_hhmm


def test_times_are_read_and_written_with_a_dot():
    assert parse_hhmm("08.00") == time(8, 0) and parse_hhmm("13:30") == time(13, 30)
    assert format_hhmm(time(8, 0), "WIB") == "08.00 WIB"
    for bad in ("8", "24.00", "12.60", "noon"):
        with pytest.raises(ValueError):
            parse_hhmm(bad)
    with pytest.raises(ValueError):
        Span.parse("15.00-08.00")


def test_codes_pad_to_three_digits_and_grow_past_999():
    assert format_code("A", 1) == "A-001" and format_code("B2", 14) == "B2-014"
    assert format_code("A", 1000) == "A-1000"
    with pytest.raises(ValueError):
        format_code("a", 1)


def test_a_code_splits_back_into_its_prefix_and_number():
    for prefix, number in (("A", 1), ("B2", 14), ("A", 1000)):
        assert split_code(format_code(prefix, number)) == (prefix, number)


@pytest.mark.parametrize(("typed", "expected"), [
    ("a1", "A-001"), ("A 001", "A-001"), ("b2-14", "B2-014"), ("B2014", "B2-014"),
    ("KT-7", "KT-007"), ("A-0", None), ("", None), ("123", None), ("A-B", None),
    # Digits of other scripts are numbers; superscripts and circled digits are not (int() refuses them).
    ("A-\u0661\u0662", "A-012"), ("A\uff17", "A-007"), ("B-\u00b3", None), ("A\u2460", None),
    ("B2-1\u00b2", None)])
def test_typed_or_scanned_codes_are_normalised(typed, expected):
    assert normalise_code(typed, ["A", "B2", "KT"]) == expected


def test_state_machine():
    assert can_transition(S.WAITING, S.CALLED) and can_transition(S.CALLED, S.NO_SHOW)
    assert can_transition(S.SERVING, S.TRANSFERRED) and can_transition(S.TRANSFERRED, S.WAITING)
    assert not can_transition(S.WAITING, S.DONE) and not can_transition(S.DONE, S.WAITING)
    assert not can_transition(S.SERVING, S.NO_SHOW) and not can_transition(S.NO_SHOW, S.CALLED)


def test_policies():
    first, mixed = QueuePolicy("first"), QueuePolicy("interleave", 2)
    assert first.serve_priority_next(True, True, 0)
    assert not mixed.serve_priority_next(True, True, 1) and mixed.serve_priority_next(True, True, 2)
    assert mixed.serve_priority_next(False, True, 0) and not first.serve_priority_next(True, False, 9)


def test_estimate():
    assert estimate_wait_minutes(0, 10, 1) == 0
    assert estimate_wait_minutes(3, 10, 2) == 15 and estimate_wait_minutes(1, 7.5, 0) == 8
    assert mean_minutes([60, 120], 9) == 9            # too few served today: the catalog's figure
    assert mean_minutes([60, 120, 180], 9) == 2.0


