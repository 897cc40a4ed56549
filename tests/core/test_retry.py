"""When the apps retry a request and how long they wait (core/retry.py), without a network.

A retry is a second send of the same request. Only a request that may run twice is sent again: a
read, or a POST whose Idempotency-Key makes the server answer a repeat with the ticket the first one
made (one tap at the kiosk, one ticket). Anything else, e.g. call-next, is sent once: its repeat
would call a second citizen.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.errors import BackendError, BackendStatusError, BackendTimeout, BackendUnreachable
from core.retry import RetryPolicy, full_jitter, parse_retry_after


def no_jitter(cap: float) -> float:
    return cap


# --- which requests are sent again ------------------------------------------------------------

@pytest.mark.parametrize(("method", "keyed", "retried"), [
    ("GET", False, True), ("HEAD", False, True), ("OPTIONS", False, True),
    ("get", False, True), ("head", False, True), ("options", False, True),
    ("POST", False, False), ("PUT", False, False), ("PATCH", False, False), ("DELETE", False, False),
    ("post", False, False),
    ("POST", True, True), ("PUT", True, True), ("PATCH", True, True), ("DELETE", True, True),
    ("GET", True, True),
])
def test_only_a_read_or_a_keyed_request_is_sent_again(method, keyed, retried):
    """Safe methods (GET, HEAD, OPTIONS, in any case) are retried; any other method only with an
    Idempotency-Key (or as a report that may run twice)."""
    assert RetryPolicy().should_retry(method, 503, 1, keyed=keyed) is retried


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_request_not_said_to_carry_a_key_is_not_sent_again(method):
    """The safe default: a caller that does not say its POST is keyed gets it sent once."""
    assert RetryPolicy().should_retry(method, 503, 1) is False


@pytest.mark.parametrize(("status", "retried"), [
    (400, False), (401, False), (403, False), (404, False),
    (407, False), (408, True), (409, False),    # 408 Request Timeout: the server gave up waiting
    (422, False), (428, False), (429, True), (430, False),    # 429 Too Many Requests: come back later
    (499, False), (500, True), (501, True), (502, True), (503, True), (504, True), (599, True),
    (600, False),
])
def test_a_timeout_a_rate_limit_or_a_server_error_is_retried_and_no_other_status(status, retried):
    """408, 429 and every 5xx may pass by themselves; any other 4xx is the request's own fault and
    comes back the same however often it is sent."""
    assert RetryPolicy().should_retry("GET", status, 1) is retried


@pytest.mark.parametrize(("status", "retried"), [(503, True), (500, True), (429, True), (404, False), (409, False)])
def test_a_status_error_is_judged_by_its_status(status, retried):
    assert RetryPolicy().should_retry("GET", BackendStatusError(status, f"http_{status}"), 1) is retried


@pytest.mark.parametrize(("error", "retried"), [
    (BackendUnreachable(), True),       # nothing reached the server: sending again is safe
    (BackendTimeout(), True),           # no answer in time
    (BackendError("request failed", code="request_failed"), False),  # e.g. a malformed URL
    (ValueError("not a backend error"), False),
])
def test_only_an_unreachable_or_silent_server_is_tried_again_after_an_error(error, retried):
    assert RetryPolicy().should_retry("GET", error, 1) is retried


@pytest.mark.parametrize(("attempt", "retried"), [(1, True), (2, True), (3, False), (4, False)])
def test_a_request_is_sent_at_most_three_times_by_default(attempt, retried):
    """The default policy: the first send and two retries; after the third the error is shown."""
    assert RetryPolicy().should_retry("GET", 503, attempt) is retried


@pytest.mark.parametrize(("max_attempts", "attempt", "retried"), [
    (1, 1, False), (2, 1, True), (2, 2, False), (5, 4, True), (5, 5, False),
])
def test_the_last_allowed_attempt_is_never_retried(max_attempts, attempt, retried):
    assert RetryPolicy(max_attempts=max_attempts).should_retry("GET", 503, attempt) is retried


# --- how long to wait -------------------------------------------------------------------------

def test_the_default_wait_doubles_from_half_a_second_up_to_eight_seconds():
    """Without jitter: 0.5, 1, 2, 4, 8 s after attempts 1-5, then 8 s however long it goes on."""
    policy = RetryPolicy(jitter=no_jitter)
    assert [policy.delay(n) for n in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


@pytest.mark.parametrize(("attempt", "cap"), [(1, 0.25), (2, 0.5), (3, 1.0), (4, 2.0), (5, 3.0), (6, 3.0)])
def test_the_longest_wait_doubles_from_the_base_and_stops_at_the_cap(attempt, cap):
    assert RetryPolicy(base_delay=0.25, max_delay=3.0).backoff_cap(attempt) == cap


def test_the_first_wait_is_the_base_even_for_an_attempt_counted_from_zero():
    assert RetryPolicy(base_delay=0.25).backoff_cap(0) == 0.25


@pytest.mark.parametrize("attempt", [60, 61, 62, 1_000, 10**9])
def test_a_night_of_retries_waits_the_cap_and_does_not_overflow(attempt):
    """A display offline all night counts thousands of attempts; its wait stays the cap."""
    assert RetryPolicy(max_delay=8.0, jitter=no_jitter).delay(attempt) == 8.0


def test_jitter_draws_each_wait_below_that_attempt_s_cap():
    caps: list[float] = []

    def half_of(cap: float) -> float:
        caps.append(cap)
        return cap / 2

    policy = RetryPolicy(base_delay=0.5, max_delay=4.0, jitter=half_of)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5)] == [0.25, 0.5, 1.0, 2.0, 2.0]
    assert caps == [0.5, 1.0, 2.0, 4.0, 4.0]


@pytest.mark.parametrize(("drawn", "wait"), [(-1.0, 0.0), (0.0, 0.0), (1.5, 1.5), (2.0, 2.0), (2.5, 2.0), (99.0, 2.0)])
def test_a_jitter_outside_zero_to_the_cap_is_held_to_it(drawn, wait):
    """A custom jitter that returns too much or a negative number never makes a longer wait than the
    cap (2 s after attempt 3 here) or a negative one."""
    assert RetryPolicy(base_delay=0.5, max_delay=8.0, jitter=lambda _cap: drawn).delay(3) == wait


def test_full_jitter_spreads_waits_over_the_whole_range_from_zero_to_the_cap():
    """AWS full jitter: many kiosks failing together do not come back together."""
    state = random.getstate()
    try:
        random.seed(18)
        waits = [full_jitter(2.0) for _ in range(500)]
    finally:
        random.setstate(state)
    assert all(0.0 <= w <= 2.0 for w in waits)
    assert min(waits) < 0.1 and max(waits) > 1.9


# --- the server's Retry-After -----------------------------------------------------------------

@pytest.mark.parametrize(("retry_after", "wait"), [
    (None, 0.5),      # no header: the backoff alone
    (-5.0, 0.5),      # nonsense: the backoff alone
    (0.0, 0.5),
    (0.25, 0.5),      # shorter than the backoff: the backoff
    (0.5, 0.5),
    (3.0, 3.0),       # longer: the server's
    (29.0, 29.0),
    (30.0, 30.0),
    (31.0, 30.0),     # a citizen at the kiosk will not wait minutes: 30 s at most
    (3600.0, 30.0),
])
def test_the_server_s_retry_after_is_the_least_wait_up_to_thirty_seconds(retry_after, wait):
    assert RetryPolicy(jitter=no_jitter).delay(1, retry_after) == wait


def test_a_negative_retry_after_never_makes_a_negative_wait():
    assert RetryPolicy(jitter=lambda _cap: 0.0).delay(1, -5.0) == 0.0


def test_the_retry_after_limit_is_the_policy_s():
    policy = RetryPolicy(jitter=no_jitter, max_retry_after=5.0)
    assert [policy.delay(1, s) for s in (4.0, 5.0, 6.0)] == [4.0, 5.0, 5.0]


NOW = datetime(2026, 11, 23, 2, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(("header", "seconds"), [
    ("0", 0.0), ("1", 1.0), ("7", 7.0), ("120", 120.0), (" 7 ", 7.0), ("007", 7.0),
])
def test_retry_after_in_seconds(header, seconds):
    assert parse_retry_after(header, now=NOW) == seconds


@pytest.mark.parametrize(("header", "seconds"), [
    ("Mon, 23 Nov 2026 02:00:10 GMT", 10.0),            # RFC 9110's preferred form
    ("Monday, 23-Nov-26 02:00:10 GMT", 10.0),           # the obsolete RFC 850 form
    ("Mon Nov 23 02:00:10 2026", 10.0),                 # asctime, which has no zone: GMT
    ("Mon, 23 Nov 2026 02:00:10 -0000", 10.0),          # no zone known: taken as GMT
    ("Mon, 23 Nov 2026 09:00:10 +0700", 10.0),          # a clock in WIB
    ("Mon, 23 Nov 2026 02:00:00 GMT", 0.0),             # now
    ("Mon, 23 Nov 2026 01:59:59 GMT", 0.0),             # already past: no wait
    ("Mon, 23 Nov 2026 02:00:01 GMT", 1.0),
])
def test_retry_after_as_a_date_is_the_seconds_from_now(header, seconds):
    assert parse_retry_after(header, now=NOW) == seconds


def test_retry_after_as_a_date_counts_from_a_clock_in_any_zone():
    wib = timezone(timedelta(hours=7))
    assert parse_retry_after("Mon, 23 Nov 2026 02:00:10 GMT", now=datetime(2026, 11, 23, 9, 0, tzinfo=wib)) == 10.0


def test_retry_after_as_a_date_counts_from_the_real_clock_by_default():
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("Fri, 01 Jan 2100 00:00:00 GMT") > 365 * 24 * 3600


@pytest.mark.parametrize("header", [None, "", "   ", "soon", "-5", "1.5", "1e3", "Mon, 32 Nov 2026 02:00:10 GMT"])
def test_a_missing_or_unreadable_retry_after_is_none(header):
    assert parse_retry_after(header, now=NOW) is None


@pytest.mark.parametrize("header", ["²", "³", "¹0"])
def test_a_retry_after_of_superscript_digits_is_unreadable_not_a_crash(header):
    """HTTP reads header bytes as Latin-1, where ², ³ and ¹ are digits to Python but not numbers:
    a garbled header from a proxy is ignored like any other bad one, never raised at the kiosk."""
    assert parse_retry_after(header, now=NOW) is None
