"""The counter app through a bad day: the network or the server goes away and comes back, an answer
is lost after the server acted, the app is restarted, the login nears its expiry or has expired.
The login survives and the ticket being served is never lost."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import (
    WAIT_MS,
    MakeCounter,
    at_desk,
    click,
    issue,
    log_in,
    press,
    ticket_on_server,
    wait_for_waiting,
)
from tests.support.proxy import TcpProxy
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, RECALL, START


def logins_sent(proxy: TcpProxy) -> int:
    return sum(1 for r in proxy.requests if r.method == "POST" and r.path.endswith("/auth/login"))


def test_an_outage_shows_the_banner_and_recovers_without_a_second_login(
        qtbot: QtBot, server: LiveServer, proxy: TcpProxy, make_counter: MakeCounter) -> None:
    counter = make_counter(proxy.url)
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    token = counter.client.token

    proxy.cut()
    qtbot.waitUntil(lambda: counter.banner.isVisible(), timeout=WAIT_MS)  # the event stream dropped
    assert counter.online is False
    main, other = counter.banner.text.texts()
    assert "Server antrean tidak dapat dihubungi" in main and "cannot be reached" in other
    press(qtbot, counter, RECALL)  # staff try anyway: told why it did not work
    assert counter.desk.notice.code() == "server_unreachable"
    assert counter.current_screen() == "desk" and counter.desk.ticket_card.code_text() == "B-001"

    proxy.restore()
    qtbot.waitUntil(lambda: not counter.banner.isVisible(), timeout=WAIT_MS)
    assert counter.online is True
    assert counter.current_screen() == "desk"
    assert counter.desk.ticket_card.code_text() == "B-001"
    assert counter.client.token == token and logins_sent(proxy) == 1

    press(qtbot, counter, RECALL)  # and it works again, with the same login
    assert ticket_on_server(server, ticket["id"])["recalls"] == 1


def test_a_call_whose_answer_was_lost_comes_back_from_the_server(
        qtbot: QtBot, server: LiveServer, proxy: TcpProxy, make_counter: MakeCounter) -> None:
    """GIVEN the server calls the citizen but its answer is lost on the way THEN the app re-reads the
    loket and shows the called ticket, rather than letting staff call a second citizen."""
    counter = make_counter(proxy.url)
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-002")
    proxy.drop_responses(1, match=b"POST /api/v1/counters/1/call-next")

    press(qtbot, counter, CALL_NEXT)

    assert proxy.dropped == 1
    assert ticket_on_server(server, ticket["id"])["status"] == "called"
    qtbot.waitUntil(lambda: counter.desk.ticket_card.code_text() == "B-001", timeout=WAIT_MS)
    assert not counter.desk.buttons[CALL_NEXT].isEnabled()
    qtbot.waitUntil(lambda: not counter.banner.isVisible(), timeout=WAIT_MS)


def test_a_restarted_app_with_the_same_login_carries_on_with_the_ticket_in_hand(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    first = make_counter()
    at_desk(qtbot, first)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, first, "B-001")
    press(qtbot, first, CALL_NEXT)
    press(qtbot, first, START)
    first.stop()

    again = make_counter()
    log_in(qtbot, again)

    qtbot.waitUntil(lambda: again.current_screen() == "desk", timeout=WAIT_MS)  # no loket to choose
    card = again.desk.ticket_card
    qtbot.waitUntil(lambda: card.code_text() == "B-001", timeout=WAIT_MS)
    assert card.status_text() == "Sedang dilayani"
    assert again.desk.buttons["finish"].isEnabled()
    click(qtbot, again, again.desk.buttons["finish"])
    assert ticket_on_server(server, ticket["id"])["status"] == "done"


def test_the_login_is_renewed_before_it_expires(qtbot: QtBot, server: LiveServer,
                                                make_counter: MakeCounter) -> None:
    """GIVEN staff logged in at 09.00 (8 h tokens) WHEN the server's clock passes 16.30 THEN the app
    renews; the new token works and the old one stops working soon after."""
    counter = make_counter(check_ms=200)
    at_desk(qtbot, counter)
    issue(server, "kk")  # while the service still takes tickets
    wait_for_waiting(qtbot, counter, "B-001")
    old = counter.session
    assert old is not None and old.expires_at - server.clock.now() == timedelta(hours=8)
    server.clock.advance(hours=7, minutes=29)
    with qtbot.waitSignal(counter.server_checked, timeout=WAIT_MS):
        pass  # a check at 16.29: not yet due
    assert counter.session is old and counter.client.token == old.token

    with qtbot.waitSignal(counter.token_renewed, timeout=WAIT_MS) as renewed:
        server.clock.advance(minutes=2)
    new = renewed.args[0]
    assert new.token != old.token and counter.client.token == new.token
    # 8 hours from the renewal, but never past 12 hours from the login (21.00).
    assert new.expires_at == old.expires_at - timedelta(hours=8) + timedelta(hours=12)
    ok = server.call("GET", "/counters", headers={"Authorization": f"Bearer {new.token}"})
    assert ok.status_code == 200

    server.clock.advance(minutes=3)
    stale = server.call("GET", "/counters", headers={"Authorization": f"Bearer {old.token}"})
    assert stale.status_code == 401
    press(qtbot, counter, CALL_NEXT)  # the app carries on with the new token
    assert counter.desk.ticket_card.code_text() == "B-001"


def test_a_renewal_whose_answer_was_lost_asks_to_log_in_again_at_once(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    """GIVEN the app's token was renewed but the answer never came back (done here behind its back)
    WHEN the app renews with that token again THEN the server refuses (a token renews once), and
    the app asks for the password straight away rather than working on with a token about to lapse."""
    counter = make_counter(check_ms=3_600_000)
    at_desk(qtbot, counter)
    server.clock.advance(hours=7, minutes=31)  # renewal is due
    lost = server.call("POST", "/auth/renew", headers={"Authorization": f"Bearer {counter.session.token}"})
    assert lost.status_code == 200

    counter.refresh(check=True)
    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)
    notice = counter.login_screen.error
    assert notice.code() == "token_renewed" and "Sesi Anda telah berakhir" in notice.texts()[0]
    log_in(qtbot, counter)
    qtbot.waitUntil(lambda: counter.current_screen() in ("desk", "loket"), timeout=WAIT_MS)


def test_an_expired_login_asks_to_log_in_again_and_keeps_the_ticket(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    """GIVEN the PC slept past the token's expiry (no renewal ran) WHEN staff press a key THEN the app
    asks for the password again and, after it, shows the same ticket."""
    counter = make_counter(check_ms=3_600_000)
    at_desk(qtbot, counter)
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)

    server.clock.advance(hours=8, minutes=1)
    qtbot.keyClick(counter.window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)

    notice = counter.login_screen.error
    assert notice.code() == "invalid_token" and "Sesi Anda telah berakhir" in notice.texts()[0]
    assert counter.login_screen.username.text() == "staff1"
    assert counter.desk.ticket_card.ticket() is None  # nothing shown that the server has not said
    log_in(qtbot, counter)
    qtbot.waitUntil(lambda: counter.current_screen() == "desk", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: counter.desk.ticket_card.code_text() == "B-001", timeout=WAIT_MS)
