"""A day at the desk over real HTTP: call the next citizen, recall, start and finish, mark no-show,
transfer to another service, pause with a reason and resume; the waiting list follows the server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import (
    WAIT_MS,
    at_desk,
    click,
    issue,
    loket_on_server,
    no_return_time,
    press,
    ticket_on_server,
    wait_for_waiting,
)
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, FINISH, NO_SHOW, PAUSE, RECALL, START, TRANSFER
from ui.counter.controller import CounterController


def test_the_waiting_list_shows_counts_per_service_and_the_next_codes_priority_first(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    panel = counter.desk.queue_panel
    assert panel.next_codes() == []
    assert panel.empty.isVisible()

    issue(server, "kk")
    issue(server, "ktp")
    issue(server, "kk", priority="lansia")
    issue(server, "paspor")  # loket 3's: not shown here

    qtbot.waitUntil(lambda: panel.next_codes() == ["B-002", "B-001", "A-001"], timeout=WAIT_MS)
    assert (panel.waiting_count("kk"), panel.waiting_count("ktp")) == (2, 1)
    assert panel.findChild(type(panel.title), "queue-count-kk").text() == "2 menunggu"
    assert "Lansia" in panel.findChild(type(panel.title), "next-mark-0").text()
    assert panel.findChild(type(panel.title), "next-mark-1").text() == ""


def test_call_next_brings_the_issued_ticket_and_recall_calls_it_again(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")

    press(qtbot, counter, CALL_NEXT)

    card = counter.desk.ticket_card
    assert card.code_text() == "B-001"
    assert card.status_text() == "Dipanggil"
    assert "Kartu Keluarga" in card.service.text()
    assert ticket_on_server(server, ticket["id"])["status"] == "called"
    assert not counter.desk.buttons[CALL_NEXT].isEnabled()  # one ticket in hand at a time
    qtbot.waitUntil(lambda: counter.desk.queue_panel.next_codes() == [], timeout=WAIT_MS)

    press(qtbot, counter, RECALL)

    assert ticket_on_server(server, ticket["id"])["recalls"] == 1
    assert "Dipanggil ulang 1×" in card.detail.text()
    assert counter.desk.notice.texts()[0] == "B-001 dipanggil ulang (1×)."


def test_start_then_finish_serves_the_citizen(qtbot: QtBot, server: LiveServer,
                                              counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)

    press(qtbot, counter, START)
    assert counter.desk.ticket_card.status_text() == "Sedang dilayani"
    assert ticket_on_server(server, ticket["id"])["status"] == "serving"
    assert not counter.desk.buttons[RECALL].isEnabled() and not counter.desk.buttons[NO_SHOW].isEnabled()

    press(qtbot, counter, FINISH)
    assert ticket_on_server(server, ticket["id"])["status"] == "done"
    assert counter.desk.ticket_card.ticket() is None
    assert counter.desk.buttons[CALL_NEXT].isEnabled()
    qtbot.waitUntil(lambda: counter.desk.queue_panel.stat("done") == "1", timeout=WAIT_MS)
    assert loket_on_server(server, 1)["current_ticket"] is None


def test_no_show_releases_the_loket(qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)

    press(qtbot, counter, NO_SHOW)

    assert ticket_on_server(server, ticket["id"])["status"] == "no_show"
    assert counter.desk.ticket_card.ticket() is None
    assert "B-001 ditandai tidak hadir" in counter.desk.notice.texts()[0]
    qtbot.waitUntil(lambda: counter.desk.queue_panel.stat("no_show") == "1", timeout=WAIT_MS)


def test_transfer_moves_the_ticket_to_wait_in_the_chosen_service(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)

    qtbot.mouseClick(counter.desk.buttons[TRANSFER], Qt.MouseButton.LeftButton)
    panel = counter.desk.transfer_panel
    assert counter.desk.page() == "transfer" and panel.isVisible()
    offered = {t.service_id for t in panel.targets()}
    assert offered == {"ktp", "paspor"}  # active services but its own; the inactive one is not offered
    assert not panel.confirm.isEnabled()
    panel.select("paspor")
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)   # on to "which loket": any, by default
    assert panel.step() == "loket" and panel.chosen_loket() is None and not counter.busy
    click(qtbot, counter, panel.confirm)

    moved = ticket_on_server(server, ticket["id"])
    assert (moved["status"], moved["service_id"], moved["code"]) == ("waiting", "paspor", "B-001")
    assert counter.desk.page() == "actions"
    assert counter.desk.ticket_card.ticket() is None
    assert "B-001 dialihkan ke Paspor" in counter.desk.notice.texts()[0]
    qtbot.waitUntil(lambda: counter.desk.queue_panel.stat("transferred") == "1", timeout=WAIT_MS)
    queue3 = server.call("GET", "/counters/3/queue", "super").json()
    assert [t["code"] for t in queue3["waiting"]] == ["B-001"]


def test_pause_with_a_reason_stops_calls_until_resumed(qtbot: QtBot, server: LiveServer,
                                                      counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ticket = issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")

    qtbot.mouseClick(counter.desk.buttons[PAUSE], Qt.MouseButton.LeftButton)
    assert counter.desk.page() == "pause"
    qtbot.mouseClick(counter.desk.pause_panel.buttons["sholat"], Qt.MouseButton.LeftButton)
    click(qtbot, counter, no_return_time(counter))

    loket = loket_on_server(server, 1)
    assert (loket["state"], loket["pause_reason"]) == ("paused", "sholat")
    desk = counter.desk
    assert desk.loket_state.text() == "Istirahat · Sholat"
    assert desk.buttons[PAUSE].all_text() == "Lanjutkan F7"
    assert not desk.buttons[CALL_NEXT].isEnabled()
    refused = server.call("POST", "/counters/1/call-next", "staff1")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "counter_paused"

    press(qtbot, counter, PAUSE)  # "Lanjutkan"

    assert loket_on_server(server, 1)["state"] == "open"
    assert desk.loket_state.text() == "Buka"
    press(qtbot, counter, CALL_NEXT)
    assert ticket_on_server(server, ticket["id"])["status"] == "called"


def test_no_break_while_a_citizen_is_called_to_this_loket(qtbot: QtBot, server: LiveServer,
                                                        counter: CounterController) -> None:
    """GIVEN a ticket called to loket 1 THEN Istirahat (F7) is not offered until the citizen is
    served or marked no-show: the board would send them to a loket on a break."""
    at_desk(qtbot, counter)
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)
    assert not counter.desk.buttons[PAUSE].isEnabled()
    qtbot.keyClick(counter.window, Qt.Key.Key_F7)
    assert counter.desk.page() == "actions" and loket_on_server(server, 1)["state"] == "open"
    press(qtbot, counter, NO_SHOW)
    assert counter.desk.buttons[PAUSE].isEnabled()


def test_a_typed_pause_reason_is_sent_as_typed(qtbot: QtBot, server: LiveServer,
                                               counter: CounterController) -> None:
    at_desk(qtbot, counter)
    qtbot.mouseClick(counter.desk.buttons[PAUSE], Qt.MouseButton.LeftButton)
    panel = counter.desk.pause_panel
    qtbot.keyClicks(panel.other, "Apel pagi")
    qtbot.keyClick(panel.other, Qt.Key.Key_Return)
    assert panel.step() == "return" and not counter.busy
    qtbot.mouseClick(no_return_time(counter), Qt.MouseButton.LeftButton)
    assert counter.busy
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)

    assert loket_on_server(server, 1)["pause_reason"] == "Apel pagi"
    assert counter.desk.loket_state.text() == "Istirahat · Apel pagi"


def test_an_empty_queue_is_said_with_a_way_on(qtbot: QtBot, counter: CounterController) -> None:
    at_desk(qtbot, counter)

    press(qtbot, counter, CALL_NEXT)

    notice = counter.desk.notice
    assert notice.code() == "queue_empty"
    assert notice.texts()[0].startswith("Tidak ada antrean menunggu.")
    assert notice.texts()[1].startswith("Nobody is waiting.")
    assert counter.desk.buttons[CALL_NEXT].isEnabled()


def test_closing_the_loket_goes_back_to_the_choice(qtbot: QtBot, server: LiveServer,
                                                   counter: CounterController) -> None:
    at_desk(qtbot, counter)
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    press(qtbot, counter, CALL_NEXT)

    qtbot.mouseClick(counter.desk.close_button, Qt.MouseButton.LeftButton)  # a ticket is in hand: it asks
    assert not counter.busy and counter.desk.page() == "confirm"
    qtbot.mouseClick(counter.desk.confirm_panel.cancel, Qt.MouseButton.LeftButton)
    assert counter.desk.page() == "actions" and loket_on_server(server, 1)["state"] == "open"
    press(qtbot, counter, NO_SHOW)
    click(qtbot, counter, counter.desk.close_button)

    assert counter.current_screen() == "loket"
    assert loket_on_server(server, 1)["state"] == "closed"
