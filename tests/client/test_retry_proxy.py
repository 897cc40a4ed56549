"""A tap whose answer is lost on the way back still makes exactly one ticket: the client retries
with the same Idempotency-Key and the server replays the ticket it already issued."""

from __future__ import annotations

import pytest

from core.client import BackendClient
from core.errors import BackendTimeout, BackendUnreachable
from core.retry import RetryPolicy
from tests.support.proxy import TcpProxy

ISSUE = b"POST /api/v1/tickets "


def total_issued(server) -> int:
    return BackendClient(server.url, server.tokens["super"]).daily_report().total_issued


@pytest.fixture
def proxy(server):
    with TcpProxy.to(server.url) as p:
        yield p


def test_taps_whose_answers_are_lost_make_exactly_one_ticket_each(server, proxy):
    """GIVEN a network that loses the server's answer once per tap (the ticket was already made),
    WHEN a citizen taps three times, THEN there are three tickets, numbered without a gap."""
    naps: list[float] = []
    kiosk = BackendClient(proxy.url, server.tokens["kiosk"], retry=RetryPolicy(max_attempts=3, sleep=naps.append))
    codes = []
    for _ in range(3):
        proxy.drop_responses(1, match=ISSUE)
        ticket, replayed = kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
        assert replayed  # the answer that arrived is the server's replay of the lost one
        codes.append(ticket.code)
    assert codes == ["B-001", "B-002", "B-003"]
    assert total_issued(server) == 3 and proxy.dropped == 3 and len(naps) == 3
    keys = [r.headers["idempotency-key"] for r in proxy.requests]
    assert len(keys) == 6 and keys[0::2] == keys[1::2] and len(set(keys)) == 3


def test_a_network_that_loses_every_answer_gives_up_and_the_same_key_later_gets_the_ticket(server, proxy):
    naps: list[float] = []
    kiosk = BackendClient(proxy.url, server.tokens["kiosk"], read_timeout=2,
                          retry=RetryPolicy(max_attempts=3, base_delay=0.2, max_delay=1.0, sleep=naps.append))
    key = kiosk.new_idempotency_key()
    proxy.drop_responses(float("inf"), match=ISSUE)
    with pytest.raises((BackendUnreachable, BackendTimeout)):
        kiosk.issue_ticket("kk", idempotency_key=key)
    assert len(proxy.requests) == 3 and {r.headers["idempotency-key"] for r in proxy.requests} == {key}
    assert len(naps) == 2 and all(0 <= n <= 0.4 for n in naps)
    assert total_issued(server) == 1  # issued once, server-side, though the kiosk never heard

    proxy.drop_responses(0)
    ticket, replayed = kiosk.issue_ticket("kk", idempotency_key=key)
    assert replayed and ticket.code == "B-001" and total_issued(server) == 1
    following, replayed = kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
    assert not replayed and following.code == "B-002"


def test_a_server_down_during_a_tap_and_back_before_the_last_try_makes_one_ticket(server, proxy):
    """The first try never reaches the server (connection refused by the proxy's outage); the
    retry, after the outage, makes the ticket."""
    kiosk = BackendClient(proxy.url, server.tokens["kiosk"],
                          retry=RetryPolicy(max_attempts=3, sleep=lambda _: proxy.restore()))
    proxy.cut()
    ticket, replayed = kiosk.issue_ticket("kk", idempotency_key=kiosk.new_idempotency_key())
    assert not replayed and ticket.code == "B-001" and total_issued(server) == 1


def test_a_heartbeat_whose_connection_closes_under_it_is_sent_again(server, proxy):
    """GIVEN the connection closing before the heartbeat's answer (as when the server lets an idle
    keep-alive connection go just as the device sends on it), WHEN the device sends its heartbeat,
    THEN it is sent again and answered: a state report may run twice, and a device must not show
    "server unreachable" for a connection the server merely closed."""
    naps: list[float] = []
    kiosk = BackendClient(proxy.url, server.tokens["kiosk"], retry=RetryPolicy(max_attempts=3, sleep=naps.append))
    proxy.drop_responses(1, match=b"POST /api/v1/devices/heartbeat ")
    reply = kiosk.heartbeat({"printer_state": "online", "paper": "ok"})
    assert reply.locked is False
    assert [r.method + " " + r.path for r in proxy.requests] == ["POST /api/v1/devices/heartbeat"] * 2
    assert proxy.dropped == 1 and len(naps) == 1
