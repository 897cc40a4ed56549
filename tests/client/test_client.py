"""The backend client against the real server: typed answers, one error hierarchy, safe retries."""

from __future__ import annotations

import json
import socket
import time
from datetime import date
from email.utils import parsedate_to_datetime

import pytest
import requests

from core.client import BackendClient
from core.errors import BackendError, BackendStatusError, BackendTimeout, BackendUnreachable
from core.models import (
    Catalog,
    Counter,
    CounterQueue,
    CounterState,
    DailyReport,
    Health,
    HeartbeatReply,
    Login,
    Priority,
    PublicTicket,
    Ticket,
    TicketStatus,
)
from core.retry import RetryPolicy, parse_retry_after
from server.auth import Role
from tests.support.net import free_port
from tests.support.proxy import TcpProxy
from tests.support.server import PASSWORD

TODAY = date(2026, 11, 23)


def client(server, role: str | None = None, url: str | None = None, **kw) -> BackendClient:
    return BackendClient(url or server.url, server.tokens[role] if role else None, **kw)


def no_jitter_policy(naps: list[float], **kw) -> RetryPolicy:
    return RetryPolicy(jitter=lambda cap: cap, sleep=naps.append, **kw)


# ----------------------------------------------------------------- every method, typed


def test_health_and_catalog_come_back_as_models(server):
    kiosk = client(server, "kiosk")
    health = kiosk.health()
    assert isinstance(health, Health) and health.status == "ok" and health.local_date == TODAY
    catalog = kiosk.catalog()
    assert isinstance(catalog, Catalog) and catalog.site.name == "MPP Uji Coba"
    assert catalog.service("kk").prefix == "B" and catalog.service("kk").open
    akta = catalog.service("akta")
    assert not akta.open and akta.closed_reason == "service_inactive"


def test_issue_replay_lookup_status_and_print_result(server):
    kiosk = client(server, "kiosk")
    key = kiosk.new_idempotency_key()
    ticket, replayed = kiosk.issue_ticket("kk", idempotency_key=key)
    assert isinstance(ticket, Ticket) and ticket.code == "B-001" and not replayed
    assert ticket.status is TicketStatus.WAITING and ticket.service_date == TODAY
    again, replayed = kiosk.issue_ticket("kk", idempotency_key=key)
    assert replayed and again.id == ticket.id and again.code == "B-001"
    priority, _ = kiosk.issue_ticket("kk", Priority.LANSIA, nik="3604014101900001",
                                     idempotency_key=kiosk.new_idempotency_key())
    assert priority.code == "B-002" and priority.priority is Priority.LANSIA
    assert kiosk.lookup_ticket("b1").id == ticket.id
    assert kiosk.lookup_ticket("B-002", TODAY).priority is Priority.LANSIA
    assert kiosk.get_ticket(ticket.id).code == "B-001"
    status = kiosk.ticket_status(ticket.token)
    assert isinstance(status, PublicTicket) and status.code == "B-001" and status.people_ahead == 1
    printed = kiosk.report_print(ticket.id, "paper_out", "kertas habis")
    assert isinstance(printed, Ticket) and printed.print_status == "paper_out"


def test_enrol_then_heartbeat_with_the_new_device_token(server):
    code = server.services.accounts.create_enrollment(Role.KIOSK, "kiosk-2")
    device = BackendClient(server.url)
    token = device.enroll(code)
    assert token.startswith("dev_") and device.token == token
    reply = device.heartbeat({"version": "0.1.0", "printer_state": "online", "paper": "ok"})
    assert isinstance(reply, HeartbeatReply) and reply.name == "kiosk-2" and not reply.locked


def test_login_and_renew_replace_the_token_and_never_show_it(server):
    staff = BackendClient(server.url)
    login = staff.login("staff1", PASSWORD)
    assert isinstance(login, Login) and login.role == "staff" and staff.token == login.token
    renewed = staff.renew()
    assert renewed.token != login.token and staff.token == renewed.token
    assert all(isinstance(c, Counter) for c in staff.counters())
    assert login.token not in repr(login) and renewed.token not in repr(staff)


def test_a_loket_day_through_the_client(server, clock):
    kiosk, staff = client(server, "kiosk"), client(server, "staff")
    for _ in range(4):
        kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
    opened = staff.open_counter(1)
    assert opened.state is CounterState.OPEN and opened.staff == "staff1"
    queue = staff.counter_queue(1)
    assert isinstance(queue, CounterQueue) and [t.code for t in queue.waiting] == ["B-001", "B-002", "B-003", "B-004"]
    first = staff.call_next(1).current_ticket
    assert first.code == "B-001" and first.status is TicketStatus.CALLED
    assert staff.recall(1).current_ticket.recalls == 1
    assert staff.start(first.id).status is TicketStatus.SERVING
    assert staff.finish(first.id).status is TicketStatus.DONE
    second = staff.call_next(1).current_ticket
    assert staff.no_show(second.id).status is TicketStatus.NO_SHOW
    third = staff.call_next(1).current_ticket
    staff.start(third.id)
    clock.advance(minutes=6)  # a transferred ticket queues again from the moment it moved
    moved = staff.transfer(third.id, "ktp")
    assert (moved.code, moved.service_id, moved.status, moved.transferred) == \
        ("B-003", "ktp", TicketStatus.WAITING, True)
    fourth = staff.call_next(1).current_ticket
    assert fourth.code == "B-004" and staff.cancel(fourth.id).status is TicketStatus.CANCELLED
    paused = staff.pause(1, "rapat")
    assert paused.state is CounterState.PAUSED and paused.pause_reason == "rapat"
    assert staff.resume(1).state is CounterState.OPEN
    assert [c.id for c in staff.counters()][:1] == [1]
    staff.call_next(1)  # B-003 waits again, now for KTP
    staff.no_show(moved.id)
    assert staff.close_counter(1).state is CounterState.CLOSED
    report = client(server, "super").daily_report(TODAY)
    assert isinstance(report, DailyReport) and report.total_issued == 4
    kk, ktp = (next(s for s in report.services if s.service_id == sid) for sid in ("kk", "ktp"))
    assert kk.issued == 4 and {k: n for k, n in kk.by_status.items() if n} == \
        {"done": 1, "no_show": 1, "transferred": 1, "cancelled": 1}
    assert (ktp.issued, ktp.transferred_in, ktp.received.no_show) == (0, 1, 1)  # B-003, sent from KK


# ----------------------------------------------------------------- errors


def test_an_error_document_becomes_a_status_error_with_code_params_and_request_id(server):
    kiosk = client(server, "kiosk")
    with pytest.raises(BackendStatusError) as closed:
        kiosk.issue_ticket("akta", idempotency_key=kiosk.new_idempotency_key())
    assert (closed.value.status, closed.value.code) == (409, "service_inactive")
    with pytest.raises(BackendStatusError) as missing:
        kiosk.get_ticket(999)
    err = missing.value
    assert (err.status, err.code, err.params["ticket_id"]) == (404, "ticket_not_found", 999)
    assert err.request_id and err.request_id != closed.value.request_id and err.request_id in str(err)
    with pytest.raises(BackendStatusError) as refused:
        kiosk.call_next(1)
    assert (refused.value.status, refused.value.code, refused.value.params) == (403, "forbidden", {"role": "kiosk"})
    with pytest.raises(BackendStatusError) as bad_token:
        BackendClient(server.url, "dev_not-a-token").catalog()
    assert (bad_token.value.status, bad_token.value.code) == (401, "invalid_token")


def test_a_stopped_server_is_unreachable_within_the_connect_timeout():
    naps: list[float] = []
    dead = BackendClient(f"http://127.0.0.1:{free_port()}", connect_timeout=1.0,
                         retry=RetryPolicy(max_attempts=3, sleep=naps.append))
    started = time.monotonic()
    with pytest.raises(BackendUnreachable) as caught:
        dead.catalog()
    assert time.monotonic() - started < 1.0
    assert isinstance(caught.value.__cause__, requests.ConnectionError) and len(naps) == 2


def test_a_server_that_never_answers_times_out_quickly():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # listens, never accepts, never replies
        port = silent.getsockname()[1]
        mute = BackendClient(f"http://127.0.0.1:{port}", read_timeout=0.3, retry=RetryPolicy(max_attempts=1))
        started = time.monotonic()
        with pytest.raises(BackendTimeout) as caught:
            mute.health()
        assert time.monotonic() - started < 2.0
    assert isinstance(caught.value.__cause__, requests.Timeout)


def test_an_answer_that_is_not_json_is_a_backend_error_not_a_crash(server):
    with TcpProxy.to(server.url) as proxy:
        proxy.answer(200, body=b"<html>captive portal</html>", headers={"Content-Type": "text/html"})
        with pytest.raises(BackendError) as caught:
            client(server, "kiosk", proxy.url).catalog()
    assert not isinstance(caught.value, BackendStatusError)
    assert caught.value.code == "bad_response" and isinstance(caught.value.__cause__, ValueError)


# ----------------------------------------------------------------- the retry schedule


def test_backoff_doubles_up_to_the_cap():
    policy = RetryPolicy(max_attempts=8, base_delay=0.5, max_delay=4.0, jitter=lambda cap: cap)
    assert [policy.delay(n) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert policy.delay(5000) == 4.0  # a display that retried all night


def test_full_jitter_spreads_waits_between_zero_and_the_cap():
    policy = RetryPolicy(base_delay=0.5, max_delay=4.0)
    for attempt, cap in ((1, 0.5), (3, 2.0), (6, 4.0)):
        waits = [policy.delay(attempt) for _ in range(400)]
        assert all(0.0 <= w <= cap for w in waits)
        assert max(waits) - min(waits) > cap / 2  # really jittered, not a constant


def test_retry_after_is_a_floor_but_never_minutes_at_a_kiosk():
    policy = RetryPolicy(base_delay=0.5, max_delay=4.0, jitter=lambda cap: cap, max_retry_after=30.0)
    assert policy.delay(1, retry_after=3.0) == 3.0
    assert policy.delay(4, retry_after=1.0) == 4.0
    assert policy.delay(1, retry_after=3600.0) == 30.0
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Mon, 23 Nov 2026 02:00:10 GMT",
                             now=parsedate_to_datetime("Mon, 23 Nov 2026 02:00:00 GMT")) == 10.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


@pytest.mark.parametrize(("method", "outcome", "keyed", "expected"), [
    ("GET", 503, False, True), ("GET", 500, False, True), ("GET", 429, False, True), ("GET", 408, False, True),
    ("GET", 404, False, False), ("GET", 409, False, False), ("GET", 401, False, False),
    ("GET", BackendUnreachable(), False, True), ("GET", BackendTimeout(), False, True),
    ("POST", 503, False, False), ("POST", BackendUnreachable(), False, False),
    ("POST", 503, True, True), ("POST", BackendTimeout(), True, True), ("POST", 422, True, False),
    ("GET", BackendStatusError(502, "bad_gateway"), False, True), ("GET", ValueError(), False, False),
])
def test_only_requests_that_may_run_twice_are_retried(method, outcome, keyed, expected):
    assert RetryPolicy(max_attempts=3).should_retry(method, outcome, 1, keyed=keyed) is expected


def test_the_last_attempt_is_never_retried():
    policy = RetryPolicy(max_attempts=3)
    assert policy.should_retry("GET", 503, 2) and not policy.should_retry("GET", 503, 3)


def test_the_servers_retry_after_is_honoured_between_attempts(server):
    naps: list[float] = []
    busy = json.dumps({"error": {"code": "busy", "message": "", "params": {}, "request_id": "x"}}).encode()
    with TcpProxy.to(server.url) as proxy:
        proxy.answer(503, headers={"Retry-After": "2", "Content-Type": "application/json"}, body=busy)
        catalog = client(server, "kiosk", proxy.url, retry=no_jitter_policy(naps, base_delay=0.1)).catalog()
    assert isinstance(catalog, Catalog) and naps == [2.0]
    assert [r.path for r in proxy.requests] == ["/api/v1/catalog"] * 2


def test_call_next_is_never_retried_on_a_5xx(server):
    naps: list[float] = []
    with TcpProxy.to(server.url) as proxy:
        proxy.answer(503, count=float("inf"))
        staff = client(server, "staff", proxy.url, retry=no_jitter_policy(naps, max_attempts=5))
        with pytest.raises(BackendStatusError) as caught:
            staff.call_next(1)
    assert caught.value.status == 503 and caught.value.code == "http_503"
    assert len(proxy.requests) == 1 and naps == []


def test_call_next_whose_answer_is_lost_is_not_sent_again(server):
    """GIVEN two citizens waiting, WHEN the answer to call-next is lost on the way back, THEN the
    client reports it and does not call a second citizen behind the officer's back."""
    naps: list[float] = []
    server.issue("kk"), server.issue("kk")
    server.call("POST", "/counters/1/open", "staff")
    with TcpProxy.to(server.url) as proxy:
        proxy.drop_responses(1)
        staff = client(server, "staff", proxy.url, retry=no_jitter_policy(naps, max_attempts=5))
        with pytest.raises(BackendUnreachable):
            staff.call_next(1)
    assert proxy.dropped == 1 and len(proxy.requests) == 1 and naps == []
    queue = client(server, "staff").counter_queue(1)
    assert [t.code for t in queue.waiting] == ["B-002"]
