"""A supervisor takes over or closes a loket an officer left open; the officer's app announces it
and waits for a tap: it never swaps the screen under the pointer, and a stray click does nothing."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from server.catalog import load_catalog_file
from tests.counter.steps import (
    WAIT_MS,
    MakeCounter,
    at_desk,
    click,
    issue,
    key,
    logged_in_at_lokets,
    loket_on_server,
    press,
    ticket_on_server,
)
from tests.support.server import TEST_CATALOG, LiveServer
from ui.counter.actions import CALL_NEXT, NO_SHOW
from ui.counter.controller import CounterController


def _noticed_the_loss(c: CounterController) -> bool:
    return c.current_screen() != "desk" or c.desk.lost_panel_shown()


def test_a_take_over_elsewhere_is_announced_and_the_officers_next_clicks_do_nothing(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN staff1 at loket 1 with a citizen called
    WHEN the supervisor takes loket 1 over from another PC
    THEN staff1's app stays on the desk, says who took the loket over and why, and the next clicks
    where no-show and call-next were change nothing; a tap on the notice leads to the loket list."""
    first = issue(server)
    issue(server)
    at_desk(qtbot, counter)
    press(qtbot, counter, CALL_NEXT)
    r = server.call("POST", "/counters/1/open", "super", json={"reason": "staff1 dipanggil kepala"})
    assert r.status_code == 200, r.text

    qtbot.waitUntil(lambda: _noticed_the_loss(counter), timeout=WAIT_MS)
    assert counter.current_screen() == "desk"
    indonesian, english = counter.desk.lost_notice.texts()
    assert "super" in indonesian and "staff1 dipanggil kepala" in indonesian
    assert "taken over" in english

    for action in (NO_SHOW, CALL_NEXT):
        qtbot.mouseClick(counter.desk.buttons[action], Qt.MouseButton.LeftButton)
        assert not counter.busy
    for function_key in (Qt.Key.Key_F1, Qt.Key.Key_F5):
        key(qtbot, counter, function_key)
        assert not counter.busy
    qtbot.mouseClick(counter.desk.close_button, Qt.MouseButton.LeftButton)
    assert not counter.busy
    assert ticket_on_server(server, first["id"])["status"] == "called"

    go_on = counter.desk.lost_continue
    qtbot.waitUntil(go_on.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(go_on, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: counter.current_screen() == "loket", timeout=WAIT_MS)
    assert not counter.desk.lost_panel_shown()


def test_a_supervisor_sees_lokets_left_open_and_takes_one_over_with_a_reason_the_officer_is_told(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    """GIVEN staff1 at loket 1 and staff2 left loket 2 open
    WHEN the supervisor signs in on another counter PC
    THEN lokets 1 and 2 show who has them and may be chosen; taking over needs a reason, and
    staff1's app then says who took it over and why, without leaving the desk by itself."""
    officer, supervisor = make_counter(), make_counter()
    at_desk(qtbot, officer)
    assert server.call("POST", "/counters/2/open", "staff2").status_code == 200
    logged_in_at_lokets(qtbot, supervisor, "super")
    screen = supervisor.loket_screen
    qtbot.waitUntil(lambda: screen.buttons[1].isEnabled() and "Dibuka oleh staff1" in screen.buttons[1].all_text(),
                    timeout=WAIT_MS)
    assert "Dibuka oleh staff2" in screen.buttons[2].all_text()

    qtbot.mouseClick(screen.buttons[1], Qt.MouseButton.LeftButton)
    assert screen.reason.isVisible() and not screen.open_button.isEnabled()
    assert not screen.close_other_button.isEnabled()
    qtbot.keyClicks(screen.reason, "staff1 dipanggil kepala")
    click(qtbot, supervisor, screen.open_button)

    qtbot.waitUntil(lambda: supervisor.current_screen() == "desk", timeout=WAIT_MS)
    assert loket_on_server(server, 1)["staff"] == "super"
    qtbot.waitUntil(officer.desk.lost_panel_shown, timeout=WAIT_MS)
    assert officer.current_screen() == "desk"
    assert "diambil alih oleh super" in officer.desk.lost_notice.texts()[0]


def test_a_supervisor_closes_a_loket_left_open_and_its_officer_is_told(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter) -> None:
    officer, supervisor = make_counter(), make_counter()
    at_desk(qtbot, officer)
    logged_in_at_lokets(qtbot, supervisor, "super")
    screen = supervisor.loket_screen
    qtbot.waitUntil(screen.buttons[1].isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(screen.buttons[1], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.reason, "staff1 pulang sakit")
    click(qtbot, supervisor, screen.close_other_button)

    assert supervisor.current_screen() == "loket"
    assert screen.notice.code() == "loket_closed_for_officer"
    assert loket_on_server(server, 1)["state"] == "closed"
    qtbot.waitUntil(officer.desk.lost_panel_shown, timeout=WAIT_MS)
    indonesian, english = officer.desk.lost_notice.texts()
    assert "ditutup oleh super" in indonesian and "staff1 pulang sakit" in indonesian
    assert "closed by super" in english


def test_an_officer_sees_a_clean_screen_after_the_previous_user_logged_out(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN staff1 had a loket, a called citizen and a notice on a shared PC, and logged out
    THEN staff2 signing in on it sees no ticket, queue, notice or name of staff1's."""
    issue(server)
    at_desk(qtbot, counter)
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, NO_SHOW)
    assert counter.desk.notice.isVisible()
    click(qtbot, counter, counter.bar.logout)
    assert counter.current_screen() == "login"

    logged_in_at_lokets(qtbot, counter, "staff2")
    assert counter.counter is None and counter.queue is None
    assert counter.desk.counter() is None and not counter.desk.notice.isVisible()
    assert counter.desk.ticket_card.ticket() is None and counter.desk.ticket_card.code_text() == ""
    assert not counter.loket_screen.notice.isVisible()
    assert "staff2" in counter.bar.user.text() and "staff1" not in counter.bar.user.text()


def test_a_loket_opened_in_the_officers_name_elsewhere_waits_on_the_list_for_a_tap(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN staff1 looking at the loket list
    WHEN a loket is opened in staff1's name from another PC
    THEN the list shows it as theirs, and the app goes to its desk only when they tap "Lanjutkan"."""
    logged_in_at_lokets(qtbot, counter)
    screen = counter.loket_screen
    assert server.call("POST", "/counters/2/open", "staff1").status_code == 200

    qtbot.waitUntil(lambda: "Dibuka oleh Anda" in screen.buttons[2].all_text(), timeout=WAIT_MS)
    assert counter.current_screen() == "loket"
    assert screen.chosen() == 2 and "Lanjutkan di" in screen.open_button.text()
    click(qtbot, counter, screen.open_button)
    qtbot.waitUntil(lambda: counter.current_screen() == "desk", timeout=WAIT_MS)


def test_after_a_supervisor_logs_out_the_next_officer_gets_no_supervisor_powers_nor_their_reason(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    logged_in_at_lokets(qtbot, counter, "super")
    screen = counter.loket_screen
    qtbot.waitUntil(screen.buttons[1].isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(screen.buttons[1], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.reason, "alasan supervisor")
    click(qtbot, counter, counter.bar.logout)

    logged_in_at_lokets(qtbot, counter, "staff2")
    qtbot.waitUntil(lambda: "Dibuka oleh staff1" in screen.buttons[1].all_text(), timeout=WAIT_MS)
    assert not screen.buttons[1].isEnabled()
    assert screen.chosen() != 1 and not screen.reason.isVisible() and screen.reason.text() == ""
    assert not screen.close_other_button.isVisible()


def test_a_loket_the_office_removes_from_the_catalog_is_announced_on_its_desk_too(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    catalog = load_catalog_file(TEST_CATALOG)
    server.services.engine.import_catalog(
        dataclasses.replace(catalog, lokets=tuple(loket for loket in catalog.lokets if loket.id != 1)), "test")

    qtbot.waitUntil(lambda: _noticed_the_loss(counter), timeout=WAIT_MS)
    assert counter.current_screen() == "desk" and counter.desk.lost_notice.code() == "loket_lost"
    qtbot.mouseClick(counter.desk.buttons[CALL_NEXT], Qt.MouseButton.LeftButton)
    assert not counter.busy
