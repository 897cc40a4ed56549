"""The counter's notices as staff meet them in the real app against the real server: every notice of
every screen shown whole in both languages at the desk PCs' sizes, and a notice that no longer
holds goes away by itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.layout_checks import SIZES, at_size, cut_texts, settle_layout
from tests.counter.steps import (
    WAIT_MS,
    MakeCounter,
    at_desk,
    click,
    issue,
    log_in,
    logged_in_at_lokets,
    no_return_time,
    press,
    wait_for_waiting,
)
from tests.server.test_no_show_and_requeue import with_no_show_wait
from tests.support.proxy import TcpProxy
from tests.support.server import LiveServer
from ui.counter import messages
from ui.counter.actions import CALL_NEXT, FINISH, FINISH_NEXT, NO_SHOW, START
from ui.counter.controller import CounterController
from ui.counter.desk_screen import ASK_LOGOUT
from ui.counter.messages import StaffMessage, done_message, message_for_code, partly_done_message
from ui.counter.notice import Notice

LEFT = Qt.MouseButton.LeftButton
# Values as long as a real day brings: a staff name in full, a take-over reason typed out.
PARAMS = {"code": "A-001", "staff": "Siti Rahmawati", "loket": "Loket 12", "count": 3,
          "service": "Kartu Identitas Anak (KIA)", "min_length": 8, "until": "2026-11-23T02:30:00+00:00",
          "by": "Bambang Supriyadi", "reason": "Petugas dipanggil kepala UPT untuk rapat mendadak",
          "seconds_left": 105}


def every_message() -> list[StaffMessage]:
    """Each text the counter app can put in a notice, once."""
    found = {message_for_code(code, **PARAMS).text.source: message_for_code(code, **PARAMS)
             for code in [*messages._BY_CODE, "unexpected"]}
    for action in ("recall", "finish", "no_show", "requeue", "transfer"):
        done = done_message(action, "A-001", count=3, service=PARAMS["service"])
        assert done is not None
        found[done.text.source] = done
    for reason in ("queue_empty", "queue_busy", "server_timeout"):
        partly = partly_done_message("A-001", message_for_code(reason))
        found[f"{partly.text.source} {reason}"] = partly
    return list(found.values())


def cut_notices(c: CounterController, notice: Notice, show: Callable[[StaffMessage], None]) -> list[str]:
    """Each message shown in ``notice`` at each size in each language: what was not shown whole."""
    problems = []
    for language in ("id", "en"):
        c.translations.switch(language)
        for size in SIZES:
            at_size(c, size)
            for message in every_message():
                for _ in range(3):  # again if withdrawn meanwhile, as not holding at this screen now
                    show(message)
                    settle_layout(c)
                    if notice.message() is message:
                        break
                assert notice.isVisible()
                problems += [f"{language} {size[0]}×{size[1]} {message.code}: {p}" for p in cut_texts(notice)]
    c.translations.switch("id")
    return problems


def test_the_login_screen_shows_each_refusal_whole(qtbot: QtBot, counter: CounterController) -> None:
    assert counter.current_screen() == "login"
    assert cut_notices(counter, counter.login_screen.error, counter.login_screen.show_error) == []


def test_the_loket_and_password_screens_show_each_notice_whole(qtbot: QtBot, counter: CounterController) -> None:
    logged_in_at_lokets(qtbot, counter)
    assert cut_notices(counter, counter.loket_screen.notice, counter.loket_screen.show_message) == []

    qtbot.mouseClick(counter.bar.password, LEFT)
    qtbot.waitUntil(lambda: counter.current_screen() == "password", timeout=WAIT_MS)
    assert cut_notices(counter, counter.password_screen.notice, counter.password_screen.show_message) == []


def test_the_desk_shows_each_notice_whole_in_every_state(qtbot: QtBot, server: LiveServer,
                                                         make_counter: MakeCounter) -> None:
    # No re-read nor tick while each notice is measured: one that does not hold here would be withdrawn.
    counter = make_counter(check_ms=3_600_000)
    at_desk(qtbot, counter)
    desk = counter.desk
    # With nobody at the loket: "Tidak ada antrean menunggu…" and the rest above the actions.
    assert cut_notices(counter, desk.notice, desk.show_message) == []

    server.issue("kk")
    qtbot.waitUntil(lambda: bool(desk.queue_panel.next_codes()), timeout=WAIT_MS)
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    qtbot.waitUntil(lambda: not desk.queue_panel.next_codes(), timeout=WAIT_MS)
    desk.ticker.stop()
    # With a citizen being served: the ticket card is full, the notice must still fit.
    assert cut_notices(counter, desk.notice, desk.show_message) == []

    # Logging out with the ticket in hand: the question and what happens to the citizen.
    qtbot.mouseClick(counter.bar.logout, LEFT)
    assert desk.page() == "confirm" and desk.confirm_panel.question() == ASK_LOGOUT
    problems = []
    for language in ("id", "en"):
        counter.translations.switch(language)
        for size in SIZES:
            at_size(counter, size)
            problems += [f"{language} {size}: {p}" for p in cut_texts(desk.confirm_panel)]
    counter.translations.switch("id")
    assert problems == []
    qtbot.mouseClick(desk.confirm_panel.cancel, LEFT)

    # Taken over or closed from elsewhere: the longer notice in place of the actions.
    assert cut_notices(counter, desk.lost_notice, desk.show_lost) == []


# -- a notice that no longer holds goes away by itself ----------------------------------------------


def gone(notice: Notice) -> Callable[[], bool]:
    return lambda: notice.message() is None and not notice.isVisible()


def test_nobody_waiting_goes_as_soon_as_a_citizen_takes_a_ticket_for_this_loket(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    notice = counter.desk.notice
    press(qtbot, counter, CALL_NEXT)
    assert notice.code() == "queue_empty" and notice.isVisible()

    issue(server, "paspor")  # loket 3's service: still nobody for this loket
    qtbot.waitUntil(lambda: server_has_waiting(server, "paspor"), timeout=WAIT_MS)
    with qtbot.waitSignal(counter.queue_changed, timeout=WAIT_MS):
        counter.refresh()
    assert notice.code() == "queue_empty" and notice.isVisible()

    issue(server, "kk")  # at the kiosk, over real HTTP
    qtbot.waitUntil(gone(notice), timeout=WAIT_MS)
    assert counter.desk.queue_panel.next_codes() == ["B-001"]


def test_finished_but_nobody_called_goes_once_someone_waits(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    press(qtbot, counter, FINISH_NEXT)
    notice = counter.desk.notice
    assert notice.code() == "queue_empty" and "B-001 selesai dilayani" in notice.texts()[0]

    issue(server, "ktp")
    qtbot.waitUntil(gone(notice), timeout=WAIT_MS)


def test_leaving_with_a_ticket_in_hand_is_no_longer_asked_once_the_ticket_is_finished(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    qtbot.mouseClick(counter.bar.logout, LEFT)
    desk = counter.desk
    assert desk.page() == "confirm" and desk.confirm_panel.question() == ASK_LOGOUT

    # Finished by the same officer on another PC (or the web console): nothing is in hand here now.
    r = server.call("POST", f"/tickets/{ticket['id']}/finish", "staff1")
    assert r.status_code == 200, r.text
    qtbot.waitUntil(lambda: desk.page() == "actions", timeout=WAIT_MS)
    assert desk.ticket_card.ticket() is None
    assert desk.buttons[CALL_NEXT].isEnabled()


def test_a_ticket_still_in_hand_notice_goes_when_the_ticket_leaves_the_loket(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    desk = counter.desk
    desk.show_message(message_for_code("ticket_in_progress", code="B-001"))  # as the server refuses a call
    with qtbot.waitSignal(counter.counter_changed, timeout=WAIT_MS):
        counter.refresh()
    assert desk.notice.code() == "ticket_in_progress"  # still so: it stays

    for step in ("start", "finish"):  # served and finished by the same officer on another PC
        assert server.call("POST", f"/tickets/{ticket['id']}/{step}", "staff1").status_code == 200
    qtbot.waitUntil(gone(desk.notice), timeout=WAIT_MS)


def test_no_show_too_early_goes_once_the_citizen_is_being_served(
        qtbot: QtBot, server: LiveServer, counter: CounterController, tmp_path: Path) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    with_no_show_wait(server, tmp_path, 2)   # the app still holds the old setting: the server refuses
    press(qtbot, counter, NO_SHOW)
    notice = counter.desk.notice
    assert notice.code() == "no_show_too_early"

    assert server.call("POST", f"/tickets/{ticket['id']}/start", "staff1").status_code == 200
    qtbot.waitUntil(gone(notice), timeout=WAIT_MS)


def test_on_a_break_goes_when_the_loket_is_resumed(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    desk = counter.desk
    qtbot.mouseClick(desk.buttons["pause"], LEFT)
    qtbot.mouseClick(desk.pause_panel.buttons["sholat"], LEFT)
    click(qtbot, counter, no_return_time(counter))
    desk.show_message(message_for_code("counter_paused"))  # as the server refuses a call on a break
    with qtbot.waitSignal(counter.counter_changed, timeout=WAIT_MS):
        counter.refresh()
    assert desk.notice.code() == "counter_paused"

    assert server.call("POST", "/counters/1/resume", "staff1").status_code == 200  # from another PC
    qtbot.waitUntil(gone(desk.notice), timeout=WAIT_MS)


def test_server_unreachable_goes_when_the_server_answers_again(
        qtbot: QtBot, server: LiveServer, proxy: TcpProxy, make_counter: MakeCounter) -> None:
    counter = make_counter(proxy.url)
    at_desk(qtbot, counter)
    proxy.cut()
    qtbot.waitUntil(lambda: counter.banner.isVisible(), timeout=WAIT_MS)
    press(qtbot, counter, CALL_NEXT)
    notice = counter.desk.notice
    assert notice.code() == "server_unreachable"

    proxy.restore()
    qtbot.waitUntil(gone(notice), timeout=WAIT_MS)
    assert not counter.banner.isVisible()


def test_a_notice_with_nothing_to_end_it_goes_after_a_while(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    counter = make_counter(notice_ms=(300, 900))
    at_desk(qtbot, counter)
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    press(qtbot, counter, FINISH)
    notice = counter.desk.notice
    assert notice.code() == "finish" and notice.isVisible()
    qtbot.waitUntil(gone(notice), timeout=WAIT_MS)

    qtbot.mouseClick(counter.desk.late_button, LEFT)
    qtbot.keyClicks(counter.desk.late_panel.code, "hello")
    click(qtbot, counter, counter.desk.late_panel.confirm)
    assert notice.code() == "invalid_code" and notice.expiry.interval() == 900
    qtbot.waitUntil(gone(notice), timeout=WAIT_MS)


def test_notices_that_hold_while_their_screen_is_shown_do_not_time_out(
        qtbot: QtBot, make_counter: MakeCounter) -> None:
    counter = make_counter(notice_ms=(300, 900))
    at_desk(qtbot, counter)
    desk = counter.desk
    desk.show_lost(message_for_code("loket_lost", loket="Loket 1"))
    assert desk.lost_notice.isVisible() and not desk.lost_notice.expiry.isActive()  # it waits for "Lanjut"

    counter.password_screen.open(required=True)
    assert counter.password_screen.notice.code() == "password_change_required"
    assert not counter.password_screen.notice.expiry.isActive()


def server_has_waiting(server: LiveServer, service_id: str) -> bool:
    r = server.call("GET", "/counters/3/queue", "super")
    return r.status_code == 200 and any(t["service_id"] == service_id for t in r.json()["waiting"])


def test_a_refused_new_password_gives_way_again_to_why_a_new_one_is_needed(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    counter = make_counter(notice_ms=(300, 600))
    assert server.services.accounts.reset_password("staff1", "dari-admin-1")
    log_in(qtbot, counter, "staff1", "dari-admin-1")
    screen = counter.password_screen
    assert counter.current_screen() == "password" and screen.notice.code() == "password_change_required"

    for field, text in ((screen.current, "salah-sekali"), (screen.new, "pilihan-1234"),
                        (screen.repeat, "pilihan-1234")):
        qtbot.keyClicks(field, text)
    click(qtbot, counter, screen.submit)
    assert screen.notice.code() == "wrong_current_password"

    qtbot.waitUntil(lambda: screen.notice.code() == "password_change_required", timeout=WAIT_MS)
    assert screen.notice.isVisible() and not screen.notice.expiry.isActive()


def test_why_the_login_is_asked_again_stays_until_the_officer_logs_in(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    """The PC slept past the token's expiry: the officer, back at the desk later, still reads why."""
    counter = make_counter(check_ms=3_600_000, notice_ms=(300, 600))
    at_desk(qtbot, counter)
    server.clock.advance(hours=8, minutes=1)
    qtbot.keyClick(counter.window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)
    notice = counter.login_screen.error
    assert notice.code() == "invalid_token" and notice.isVisible()
    assert not notice.expiry.isActive()

    log_in(qtbot, counter)
    qtbot.waitUntil(lambda: counter.current_screen() == "desk", timeout=WAIT_MS)
    assert notice.message() is None
