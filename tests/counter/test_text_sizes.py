"""Every text of every counter screen and panel is drawn at 12 px or more at 1024×768, the smallest
desk PC of the hall, and shown whole at every size from 1024×700 to 1920×1080, in both languages:
walked through the real app against the real server, each visible label and button measured as
drawn, so a panel's new widgets are measured too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.layout_checks import SIZES, at_size, cut_texts, settle_layout, small_texts
from tests.counter.steps import (
    WAIT_MS,
    MakeCounter,
    at_desk,
    click,
    log_in,
    logged_in_at_lokets,
    no_return_time,
    press,
)
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, FINISH, PAUSE, START, TRANSFER
from ui.counter.controller import CounterController
from ui.counter.messages import OFFLINE_BANNER, message_for_code

LEFT = Qt.MouseButton.LeftButton
SMALLEST = (1024, 768)


def unreadable_in_both_languages(c: CounterController, where: str) -> list[str]:
    """Texts under 12 px at 1024×768, and texts not shown whole at any of the desk PCs' sizes."""
    problems = []
    for language in ("id", "en"):
        c.translations.switch(language)
        for size in SIZES:
            at_size(c, size)
            settle_layout(c)
            found = cut_texts(c.window) + (small_texts(c.window) if size == SMALLEST else [])
            problems += [f"{where} ({language}, {size[0]}×{size[1]}): {p}" for p in found]
    c.translations.switch("id")
    at_size(c, SMALLEST)
    return problems


def test_every_text_of_every_screen_is_whole_and_at_least_12_px_at_1024x768(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    c = counter
    desk = c.desk
    problems = unreadable_in_both_languages(c, "login")
    c.login_screen.show_error(message_for_code("bad_credentials"))
    problems += unreadable_in_both_languages(c, "login, refused")

    log_in(qtbot, c)
    qtbot.waitUntil(lambda: c.current_screen() == "loket" and bool(c.loket_screen.buttons), timeout=WAIT_MS)
    problems += unreadable_in_both_languages(c, "lokets")
    qtbot.mouseClick(c.loket_screen.buttons[1], LEFT)
    c.loket_screen.show_message(message_for_code("counter_taken", staff="siti"))
    problems += unreadable_in_both_languages(c, "loket chosen, with a notice")

    qtbot.mouseClick(c.bar.password, LEFT)
    qtbot.waitUntil(lambda: c.current_screen() == "password", timeout=WAIT_MS)
    c.password_screen.show_message(message_for_code("password_too_short", min_length=8))
    problems += unreadable_in_both_languages(c, "password")
    qtbot.mouseClick(c.password_screen.cancel, LEFT)
    qtbot.waitUntil(lambda: c.current_screen() == "loket", timeout=WAIT_MS)

    c.loket_screen.show_message(None)
    at_desk_from_lokets(qtbot, c)
    problems += unreadable_in_both_languages(c, "desk, nobody waiting")
    press(qtbot, c, CALL_NEXT)
    problems += unreadable_in_both_languages(c, "desk, queue empty notice")

    server.issue("kk")
    server.issue("kk", priority="lansia")
    qtbot.waitUntil(lambda: len(desk.queue_panel.next_codes()) == 2, timeout=WAIT_MS)
    problems += unreadable_in_both_languages(c, "desk, two waiting")
    press(qtbot, c, CALL_NEXT)
    problems += unreadable_in_both_languages(c, "desk, called")
    desk.set_timing(0)  # the confirmation now, not after the site's wait for the citizen to walk up
    qtbot.mouseClick(desk.buttons["no_show"], LEFT)
    assert desk.page() == "confirm"
    problems += unreadable_in_both_languages(c, "no-show confirmation")
    qtbot.mouseClick(desk.confirm_panel.cancel, LEFT)
    press(qtbot, c, START)
    problems += unreadable_in_both_languages(c, "desk, serving")
    qtbot.mouseClick(desk.buttons[TRANSFER], LEFT)
    assert desk.page() == "transfer"
    problems += unreadable_in_both_languages(c, "transfer panel")
    qtbot.mouseClick(desk.transfer_panel.cancel, LEFT)
    qtbot.mouseClick(c.bar.logout, LEFT)
    assert desk.page() == "confirm"
    problems += unreadable_in_both_languages(c, "logging out with a ticket")
    qtbot.mouseClick(desk.confirm_panel.cancel, LEFT)
    press(qtbot, c, FINISH)
    problems += unreadable_in_both_languages(c, "desk, finished")

    qtbot.mouseClick(desk.buttons[PAUSE], LEFT)
    assert desk.page() == "pause"
    problems += unreadable_in_both_languages(c, "pause panel")
    qtbot.mouseClick(desk.pause_panel.buttons["sholat"], Qt.MouseButton.LeftButton)
    problems += unreadable_in_both_languages(c, "pause panel, the return time")
    click(qtbot, c, no_return_time(c))
    problems += unreadable_in_both_languages(c, "desk, paused")
    press(qtbot, c, PAUSE)

    qtbot.mouseClick(desk.late_button, LEFT)
    assert desk.page() == "late"
    problems += unreadable_in_both_languages(c, "late citizen panel")
    qtbot.mouseClick(desk.late_panel.cancel, LEFT)

    desk.show_lost(message_for_code("loket_taken_over", loket="Loket 1", by="super", reason="rapat"))
    problems += unreadable_in_both_languages(c, "loket taken over")
    c.banner.show_text(OFFLINE_BANNER)  # as while the server cannot be reached
    problems += unreadable_in_both_languages(c, "server unreachable")
    assert problems == []


def at_desk_from_lokets(qtbot: QtBot, c: CounterController) -> None:
    click(qtbot, c, c.loket_screen.open_button)
    qtbot.waitUntil(lambda: c.current_screen() == "desk" and c.queue is not None, timeout=WAIT_MS)



def test_a_supervisors_lokets_and_take_over_are_whole_and_at_least_12_px(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    officer, supervisor = make_counter(), make_counter()
    at_desk(qtbot, officer)
    logged_in_at_lokets(qtbot, supervisor, "super")
    screen = supervisor.loket_screen
    qtbot.waitUntil(lambda: screen.buttons[1].isEnabled() and "Dibuka oleh staff1" in screen.buttons[1].all_text(),
                    timeout=WAIT_MS)
    problems = unreadable_in_both_languages(supervisor, "a supervisor's lokets")
    qtbot.mouseClick(screen.buttons[1], LEFT)
    qtbot.keyClicks(screen.reason, "Petugas dipanggil kepala UPT")
    problems += unreadable_in_both_languages(supervisor, "taking a loket over")
    click(qtbot, supervisor, screen.open_button)
    qtbot.waitUntil(officer.desk.lost_panel_shown, timeout=WAIT_MS)
    problems += unreadable_in_both_languages(officer, "the officer is told")
    assert problems == []
