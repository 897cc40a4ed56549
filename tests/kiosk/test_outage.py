"""The server gone and back: the banner comes and goes, and a tap during the outage, tried again,
makes exactly one ticket (the same idempotency key on every try of that tap)."""

from __future__ import annotations

import pytest

from tests.support.proxy import TcpProxy

ISSUE = b"POST /api/v1/tickets "


@pytest.fixture
def proxy(server):
    with TcpProxy.to(server.url) as p:
        yield p


def banner_shown(kiosk) -> bool:
    return kiosk.controller.banner.isVisible()


def test_the_banner_appears_when_the_server_is_gone_and_goes_when_it_is_back(make_kiosk, proxy):
    kiosk = make_kiosk(url=proxy.url)
    assert not banner_shown(kiosk)
    proxy.cut()
    kiosk.qtbot.waitUntil(lambda: banner_shown(kiosk), timeout=5000)
    assert kiosk.controller.banner.text.texts() == (
        "Server antrean tidak dapat dihubungi. Mohon tunggu sebentar, atau hubungi petugas.",
        "The queue server cannot be reached. Please wait a moment, or ask the staff.")
    proxy.restore()
    kiosk.qtbot.waitUntil(lambda: not banner_shown(kiosk), timeout=5000)


def test_a_tap_during_an_outage_tried_again_after_it_makes_one_ticket(make_kiosk, proxy, vp):
    """GIVEN the citizen on the priority screen, WHEN the network is cut and they tap, THEN a calm
    message says the server cannot be reached, in both languages, with "try again"; WHEN the network
    is back and they try again, THEN they get their ticket, printed, and the server made only one."""
    kiosk = make_kiosk(url=proxy.url)
    kiosk.open_services("dukcapil")
    kiosk.tap_tile(kiosk.controller.services.pager, "kk")
    kiosk.wait_screen("priority")
    proxy.cut()
    kiosk.tap(kiosk.controller.priority.none_button)
    kiosk.wait_screen("message", timeout=10000)
    message = kiosk.controller.message
    assert message.title.texts() == ("Server antrean tidak dapat dihubungi", "The queue server cannot be reached")
    assert message.buttons["retry"].isVisible()
    assert banner_shown(kiosk)

    proxy.restore()
    kiosk.tap(message.buttons["retry"])
    kiosk.wait_screen("ticket")
    kiosk.wait_printed()
    assert kiosk.controller.ticket.code.text() == "B-001"
    assert kiosk.total_issued() == 1
    kiosk.qtbot.waitUntil(lambda: not banner_shown(kiosk), timeout=5000)


def test_lost_answers_and_a_retry_by_the_citizen_reuse_one_key_and_make_one_ticket(make_kiosk, proxy):
    """GIVEN a network that loses every answer to a ticket request (the server did make the ticket),
    WHEN the client's own retries all fail and the citizen taps "try again" once the network heals,
    THEN every request carried the same idempotency key and there is exactly one ticket."""
    kiosk = make_kiosk(url=proxy.url)
    kiosk.open_services("dukcapil")
    kiosk.tap_tile(kiosk.controller.services.pager, "kk")
    kiosk.wait_screen("priority")
    proxy.drop_responses(float("inf"), match=ISSUE)
    kiosk.tap(kiosk.controller.priority.none_button)
    kiosk.wait_screen("message", timeout=15000)
    assert kiosk.controller.message.message().retryable

    proxy.drop_responses(0)
    kiosk.tap(kiosk.controller.message.buttons["retry"])
    kiosk.wait_screen("ticket")
    assert kiosk.controller.ticket.code.text() == "B-001"
    keys = [r.headers.get("idempotency-key") for r in proxy.requests
            if r.method == "POST" and r.path == "/api/v1/tickets"]
    assert len(keys) >= 4 and len(set(keys)) == 1, keys
    assert kiosk.total_issued() == 1


def test_a_new_tap_after_giving_up_is_a_new_ticket(make_kiosk, proxy):
    """The key belongs to one tap: going home and choosing again is a new request (a new ticket)."""
    kiosk = make_kiosk(url=proxy.url)
    kiosk.take_ticket("dukcapil", "kk")
    kiosk.tap(kiosk.controller.ticket.done_button)
    kiosk.take_ticket("dukcapil", "kk")
    assert kiosk.controller.ticket.code.text() == "B-002"
    keys = {r.headers.get("idempotency-key") for r in proxy.requests
            if r.method == "POST" and r.path == "/api/v1/tickets"}
    assert len(keys) == 2


def test_taps_whose_answer_is_lost_once_each_make_exactly_one_ticket_each(make_kiosk, proxy, server):
    """GIVEN a proxy that loses the server's answer to the first try of every ticket request (the
    server has made the ticket), WHEN three citizens each tap once, THEN each sees one ticket, in
    order, and the server holds exactly three: every lost answer was replayed, not issued again."""
    kiosk = make_kiosk(url=proxy.url)
    codes = []
    for n in range(1, 4):
        proxy.drop_responses(1, match=ISSUE)
        ticket = kiosk.take_ticket("dukcapil", "kk")
        assert proxy.dropped == n  # this tap's first answer never arrived
        codes.append(ticket.code)
        assert kiosk.server_ticket(ticket.id)["code"] == ticket.code
        kiosk.tap(kiosk.controller.ticket.done_button)
    assert codes == ["B-001", "B-002", "B-003"]
    assert kiosk.total_issued() == 3
    keys = [r.headers.get("idempotency-key") for r in proxy.requests
            if r.method == "POST" and r.path == "/api/v1/tickets"]
    assert len(keys) == 6 and len(set(keys)) == 3, keys  # each tap: one key, sent twice
