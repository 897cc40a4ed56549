"""The counter's notices as staff meet them in the real app against the real server: every notice of
every screen shown whole in both languages at the desk PCs' sizes, and a notice that no longer
holds goes away by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.layout_checks import SIZES, at_size, cut_texts, settle_layout
from tests.counter.steps import WAIT_MS, at_desk, logged_in_at_lokets, press
from ui.counter import messages
from ui.counter.actions import CALL_NEXT, START
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
                show(message)
                settle_layout(c)
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


def test_the_desk_shows_each_notice_whole_in_every_state(qtbot: QtBot, server, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    desk = counter.desk
    # With nobody at the loket: "Tidak ada antrean menunggu…" and the rest above the actions.
    assert cut_notices(counter, desk.notice, desk.show_message) == []

    server.issue("kk")
    qtbot.waitUntil(lambda: bool(desk.queue_panel.next_codes()), timeout=WAIT_MS)
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
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
