"""The queue's own rules (core/rules.py): ticket codes, the state transitions, the priority policy, the estimate."""

from __future__ import annotations

import pytest

from core.models import TicketStatus as S
from core.rules import (
    FINAL_STATES,
    OPEN_STATES,
    STATUS_TOKEN,
    QueuePolicy,
    can_transition,
    estimate_wait_minutes,
    format_code,
    mean_minutes,
    normalise_code,
    split_code,
)

# -- ticket codes -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("prefix", "number", "code"), [
    ("A", 1, "A-001"), ("B2", 14, "B2-014"), ("KT", 7, "KT-007"), ("A", 99, "A-099"), ("A", 999, "A-999"),
    ("A", 1000, "A-1000"), ("Z9", 12345, "Z9-12345")])
def test_codes_pad_to_three_digits_and_grow_past_999(prefix, number, code):
    assert format_code(prefix, number) == code


@pytest.mark.parametrize("prefix", ["a", "ABC", "2", "B22", "", "A-", "Ä"])
def test_a_prefix_is_one_or_two_capital_letters_and_at_most_one_digit(prefix):
    with pytest.raises(ValueError):
        format_code(prefix, 1)


def test_the_first_ticket_of_the_day_is_number_one():
    assert format_code("A", 1) == "A-001"
    for number in (0, -1):
        with pytest.raises(ValueError):
            format_code("A", number)


def test_a_code_splits_back_into_its_prefix_and_number():
    for prefix, number in (("A", 1), ("B2", 14), ("KT", 7), ("A", 1000)):
        assert split_code(format_code(prefix, number)) == (prefix, number)


@pytest.mark.parametrize("scanned", ["A" + "1" * 5000, "B2-" + "0" * 17 + "1", "A" * 21])
def test_a_scan_longer_than_any_ticket_code_is_not_a_code(scanned):
    """A scanner that sends a long number (a barcode from another system) gets "not a code" at the
    kiosk, not a crash: Python refuses to read more than 4,300 digits as a number."""
    assert normalise_code(scanned, ["A", "B2"]) is None


def test_a_code_as_long_as_a_code_may_be_is_read():
    assert normalise_code("A-" + "0" * 15 + "123") == "A-123"


@pytest.mark.parametrize(("typed", "expected"), [
    ("a1", "A-001"), ("A 001", "A-001"), ("b2-14", "B2-014"), ("B2014", "B2-014"), (" kt_7 ", "KT-007"),
    ("KT-7", "KT-007"), ("A-0", None), ("", None), ("123", None), ("A-B", None), ("A-1-2", None),
    # Digits of other scripts are numbers; superscripts and circled digits are not (int() refuses them).
    ("A-\u0661\u0662", "A-012"), ("A\uff17", "A-007"), ("B-\u00b3", None), ("A\u2460", None),
    ("B2-1\u00b2", None)])
def test_typed_or_scanned_codes_are_normalised(typed, expected):
    assert normalise_code(typed, ["A", "B2", "KT"]) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("B2014", "B2-014"), ("b2014", "B2-014"), ("B21", "B2-001"), ("B14", "B-014"), ("B014", "B-014"),
    ("B2-14", "B2-014"), ("B-2014", "B-2014")])
def test_at_a_site_with_both_b_and_b2_an_undashed_code_belongs_to_the_longer_prefix(typed, expected):
    """A scanner sends "B2014" without its dash: at a site with services B and B2 it is B2-014, the
    code the site printed, not B-2014; with a dash the citizen said which one they meant."""
    assert normalise_code(typed, ["B", "B2"]) == expected
    assert normalise_code(typed, ["B2", "B"]) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("B200", "B-200"), ("B20", "B-020"), ("B2000", "B-2000"), ("B2", "B-002")])
def test_an_undashed_code_that_is_no_ticket_of_the_longer_prefix_is_read_with_the_shorter(typed, expected):
    """There is no ticket B2-000: "B200" at a site with B and B2 can only be B-200, and is not refused."""
    assert normalise_code(typed, ["B", "B2"]) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("a1", "A-001"), ("kt 12", "KT-012"), ("C7", "C-007"), ("B2014", "B-2014"), ("A", None), ("7A", None),
    ("ABC1", None)])
def test_without_the_sites_prefixes_a_code_is_read_as_letters_then_digits(typed, expected):
    """A code of a prefix the site does not (or no longer) list is still read, so that the lookup can
    say "not found" for that code rather than refuse the text."""
    assert normalise_code(typed) == expected
    assert normalise_code(typed, ["D"]) == expected


# -- the links in a ticket's QR code ----------------------------------------------------------------

@pytest.mark.parametrize("token", ["abcdEFGH", "a" * 64, "Ab3_-xYz9", "9Xq-LwQ_tZ3nC8sKf7pE2mJv"])
def test_a_status_link_token_is_8_to_64_url_safe_characters(token):
    assert STATUS_TOKEN.match(token)


@pytest.mark.parametrize("token", ["abcdEFG", "a" * 65, "abcd+EFGH", "abcd/EFGH", "abcd=EFGH", "abcd EFGH",
                                   "abcdEFGH\x00", ""])
def test_anything_else_in_a_status_link_is_not_a_token(token):
    assert not STATUS_TOKEN.match(token)


# -- the state machine ------------------------------------------------------------------------------

ALL = (S.WAITING, S.CALLED, S.SERVING, S.TRANSFERRED, S.DONE, S.NO_SHOW, S.CANCELLED, S.EXPIRED)
# The product's rule, one row per state: where a ticket may go from it. Decided here:
# - a called ticket may be cancelled (the citizen leaves before reaching the loket), a serving one
#   may not: once served it is finished or transferred;
# - a ticket left called or serving overnight expires at day end like a waiting one, so that no loket
#   holds yesterday's ticket;
# - serving -> transferred is followed at once by transferred -> waiting in the target service;
# - a called or serving ticket goes back to waiting when its officer must leave, and a no-show when
#   its citizen turns up late the same day (the server checks the day).
ALLOWED = {
    S.WAITING: {S.CALLED, S.CANCELLED, S.EXPIRED},
    S.CALLED: {S.SERVING, S.NO_SHOW, S.CANCELLED, S.EXPIRED, S.WAITING},
    S.SERVING: {S.DONE, S.TRANSFERRED, S.EXPIRED, S.WAITING},
    S.TRANSFERRED: {S.WAITING},
    S.DONE: set(),
    S.NO_SHOW: {S.WAITING},
    S.CANCELLED: set(),
    S.EXPIRED: set(),
}


@pytest.mark.parametrize("target", ALL, ids=lambda s: s.value)
@pytest.mark.parametrize("current", ALL, ids=lambda s: s.value)
def test_every_change_of_state_is_allowed_or_refused_by_the_products_rule(current, target):
    """All 8 x 8 pairs: a ticket never skips being called, goes back only to waiting, and a done,
    cancelled or expired one stays."""
    assert can_transition(current, target) is (target in ALLOWED[current])


def test_a_done_missed_cancelled_or_expired_ticket_is_final():
    assert FINAL_STATES == {S.DONE, S.NO_SHOW, S.CANCELLED, S.EXPIRED}


def test_waiting_called_and_serving_tickets_are_open_and_expire_at_day_end():
    """A transferred ticket is waiting again in its new service, so it is not counted twice."""
    assert OPEN_STATES == {S.WAITING, S.CALLED, S.SERVING}
    assert all(can_transition(state, S.EXPIRED) for state in OPEN_STATES)


# -- priority ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("streak", [0, 1, 2, 5])
def test_priority_first_serves_a_waiting_priority_ticket_before_any_regular_one(streak):
    assert QueuePolicy("first").serve_priority_next(True, True, streak)


def test_the_default_policy_is_priority_first():
    assert QueuePolicy().serve_priority_next(True, True, 0)


@pytest.mark.parametrize(("ratio", "streak", "priority_next"), [
    (2, 0, False), (2, 1, False), (2, 2, True), (2, 3, True), (3, 2, False), (3, 3, True), (1, 0, False),
    (1, 1, True)])
def test_interleave_serves_ratio_regular_tickets_then_one_priority(ratio, streak, priority_next):
    """2 regular : 1 priority: after two regular calls in a row, the next is a priority ticket."""
    assert QueuePolicy("interleave", ratio).serve_priority_next(True, True, streak) is priority_next


def test_interleave_serves_two_regular_then_one_priority_by_default():
    mixed = QueuePolicy("interleave")
    assert not mixed.serve_priority_next(True, True, 1) and mixed.serve_priority_next(True, True, 2)


@pytest.mark.parametrize("policy", [QueuePolicy("first"), QueuePolicy("interleave", 2)], ids=["first", "interleave"])
def test_with_only_one_kind_waiting_that_kind_is_called_whatever_the_policy(policy):
    """Nobody waits for a ticket that is not there: no priority waiting means regular, and the reverse."""
    for streak in (0, 1, 2, 9):
        assert policy.serve_priority_next(False, True, streak)
        assert not policy.serve_priority_next(True, False, streak)
        assert not policy.serve_priority_next(False, False, streak)


# -- the estimated wait -----------------------------------------------------------------------------

@pytest.mark.parametrize(("ahead", "mean", "counters", "minutes"), [
    (0, 10, 1, 0), (0, 10, 3, 0), (1, 10, 1, 10), (3, 10, 2, 15), (3, 10, 3, 10), (1, 7.5, 1, 8),
    (2, 7.5, 2, 8), (4, 7.5, 3, 10)])
def test_the_wait_is_people_ahead_times_the_mean_over_the_open_lokets_rounded_up(ahead, mean, counters, minutes):
    assert estimate_wait_minutes(ahead, mean, counters) == minutes


def test_with_every_loket_closed_the_wait_is_counted_as_for_one():
    """A closed service's lokets open again: the estimate stays finite."""
    assert estimate_wait_minutes(3, 10, 0) == 30 and estimate_wait_minutes(1, 7.5, 0) == 8


def test_nobody_ahead_means_no_wait():
    assert estimate_wait_minutes(0, 10, 1) == 0 and estimate_wait_minutes(-1, 10, 1) == 0


def test_the_mean_service_time_is_the_catalogs_until_three_tickets_were_served_today():
    assert mean_minutes([], 9) == 9
    assert mean_minutes([60, 120], 9) == 9
    assert mean_minutes([60, 120, 180], 9) == 2.0
    assert mean_minutes(iter([60, 120, 180, 240]), 9) == 2.5


def test_a_ticket_finished_the_moment_it_started_is_no_service_time():
    """A zero (or negative, a clock step) duration is not counted, in the mean nor toward the three."""
    assert mean_minutes([0, 0, 600], 9) == 9
    assert mean_minutes([0, -30, 60, 120, 180], 9) == 2.0


def test_a_service_of_a_second_counts():
    assert mean_minutes([1, 1, 1], 9) == pytest.approx(1 / 60)
