"""An officer whose account an admin disables while the counter app is open: the app's next request is
refused, it goes to the sign-in screen and says why in both languages, and the officer is back at their
loket once the admin enables the account again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.counter.steps import WAIT_MS, at_desk, issue, log_in, wait_for_waiting
from tests.support.server import LiveServer
from ui.counter.controller import CounterController


def test_a_disabled_officer_is_sent_to_sign_in_with_the_reason(qtbot: QtBot, server: LiveServer,
                                                              counter: CounterController) -> None:
    at_desk(qtbot, counter)
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")

    r = server.call("POST", "/staff/staff1/disable", "admin")
    assert r.status_code == 200, r.text
    # No key pressed: the app's own next request (its event stream, closed by the server, or its
    # periodic check) is refused.
    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)

    notice = counter.login_screen.error
    indonesian, english = notice.texts()
    assert notice.code() == "account_disabled"
    assert "dinonaktifkan oleh admin" in indonesian and "disabled your account" in english
    assert counter.client.token is None or counter.session is None

    assert server.call("POST", "/staff/staff1/enable", "admin").status_code == 200
    log_in(qtbot, counter)
    qtbot.waitUntil(lambda: counter.current_screen() == "desk", timeout=WAIT_MS)
    wait_for_waiting(qtbot, counter, "B-001")
