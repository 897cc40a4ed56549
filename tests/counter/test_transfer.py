"""The transfer panel through the real counter app against the real server (issue 14, item 4):
services grouped under their agencies with how many wait, a search as the officer types (case and
accents ignored), the keyboard alone, a named loket, and the note the receiving officer reads."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import (
    WAIT_MS,
    MakeCounter,
    at_desk,
    issue,
    key,
    press,
    ticket_on_server,
    wait_for_waiting,
)
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, START
from ui.counter.controller import CounterController
from ui.counter.transfer_panel import TransferPanel, folded

K = Qt.Key
NOTE = "Berkas KK sudah dicek, tinggal tanda tangan"


def serving(qtbot: QtBot, server: LiveServer, counter: CounterController, service: str = "ktp") -> dict[str, Any]:
    """staff1 at loket 1 serving the first ticket of ``service``."""
    at_desk(qtbot, counter)
    ticket = issue(server, service)
    wait_for_waiting(qtbot, counter, ticket["code"])
    press(qtbot, counter, CALL_NEXT)
    press(qtbot, counter, START)
    return ticket


def open_panel(qtbot: QtBot, counter: CounterController) -> TransferPanel:
    """F6 at this officer's PC: the window has the keyboard first (another test's or officer's
    window may have taken it)."""
    counter.window.activateWindow()
    qtbot.waitUntil(counter.window.isActiveWindow, timeout=WAIT_MS)
    key(qtbot, counter, K.Key_F6)
    panel = counter.desk.transfer_panel
    assert counter.desk.page() == "transfer" and panel.search.hasFocus()
    return panel


def answered(qtbot: QtBot, counter: CounterController) -> None:
    assert counter.busy, "nothing was sent"
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)


def test_services_are_grouped_under_their_agency_with_how_many_wait(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    ticket = serving(qtbot, server, counter)
    issue(server, "kk")
    issue(server, "kk")
    panel = open_panel(qtbot, counter)
    # The counts are read afresh when the panel opens.
    qtbot.waitUntil(lambda: "    B · Kartu Keluarga · 2 menunggu" in panel.visible_rows(), timeout=WAIT_MS)
    assert panel.visible_rows() == [
        "Dinas Kependudukan dan Pencatatan Sipil", "    B · Kartu Keluarga · 2 menunggu",
        "Kantor Imigrasi Serang", "    B2 · Paspor · 0 menunggu"]   # not its own KTP, nor inactive Akta
    headings = [panel.list.item(r) for r in (0, 2)]
    assert all(item.flags() == Qt.ItemFlag.NoItemFlags for item in headings)   # a heading cannot be chosen
    assert panel.chosen_service() is None and not panel.confirm.isEnabled()
    assert ticket_on_server(server, ticket["id"])["status"] == "serving"


@pytest.mark.parametrize(("typed", "rows"), [
    ("paspor", ["Kantor Imigrasi Serang", "    B2 · Paspor · 0 menunggu"]),
    ("PASPOR", ["Kantor Imigrasi Serang", "    B2 · Paspor · 0 menunggu"]),
    ("imigrasi", ["Kantor Imigrasi Serang", "    B2 · Paspor · 0 menunggu"]),        # by the agency
    ("kependudukan", ["Dinas Kependudukan dan Pencatatan Sipil", "    B · Kartu Keluarga · 0 menunggu"]),
    ("b2", ["Kantor Imigrasi Serang", "    B2 · Paspor · 0 menunggu"]),              # by the prefix
    ("kartú", ["Dinas Kependudukan dan Pencatatan Sipil", "    B · Kartu Keluarga · 0 menunggu"]),  # accents
    ("civil", ["Dinas Kependudukan dan Pencatatan Sipil", "    B · Kartu Keluarga · 0 menunggu"]),  # in English
])
def test_the_search_filters_as_the_officer_types_and_chooses_the_first_match(
        qtbot: QtBot, server: LiveServer, counter: CounterController, typed: str, rows: list[str]) -> None:
    serving(qtbot, server, counter)
    panel = open_panel(qtbot, counter)
    if typed.isascii():
        qtbot.keyClicks(panel.search, typed)
    else:
        panel.search.insert(typed)   # QTest types ASCII only; an input method inserts as this does
    assert panel.visible_rows() == rows
    assert panel.chosen_service() == ("paspor" if "Paspor" in rows[-1] else "kk")
    assert panel.confirm.isEnabled() and not panel.empty.isVisible()


def test_a_search_that_finds_nothing_says_so(qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    serving(qtbot, server, counter)
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "sim keliling")
    assert panel.visible_rows() == []
    assert panel.empty.isVisible()
    assert panel.empty.text() == ("Tidak ada layanan yang cocok dengan \u201csim keliling\u201d. Hapus atau ubah "
                                  "pencarian.")
    assert not panel.confirm.isEnabled()
    qtbot.keyClick(panel.search, K.Key_Return)        # nothing chosen: Enter does nothing
    assert panel.step() == "service" and not counter.busy
    panel.search.clear()
    assert len(panel.visible_rows()) == 4 and not panel.empty.isVisible()


def test_the_keyboard_alone_arrows_enter_and_escape(qtbot: QtBot, server: LiveServer,
                                                    counter: CounterController) -> None:
    ticket = serving(qtbot, server, counter)
    panel = open_panel(qtbot, counter)
    qtbot.keyClick(panel.search, K.Key_Down)           # the first service, past the heading
    assert panel.chosen_service() == "kk" and panel.search.hasFocus()
    qtbot.keyClick(panel.search, K.Key_Down)           # past the next heading
    assert panel.chosen_service() == "paspor"
    qtbot.keyClick(panel.search, K.Key_Down)           # the last stays the last
    assert panel.chosen_service() == "paspor"
    qtbot.keyClick(panel.search, K.Key_Up)
    assert panel.chosen_service() == "kk"
    qtbot.keyClick(panel.search, K.Key_Return)
    assert panel.step() == "loket" and panel.lokets.hasFocus()
    assert panel.title.text() == "Alihkan A-001 ke Kartu Keluarga: ke loket mana?"
    qtbot.keyClick(panel.lokets, K.Key_Escape)         # back to the services, the choice kept
    assert panel.step() == "service" and panel.chosen_service() == "kk" and panel.search.hasFocus()
    qtbot.keyClick(panel.search, K.Key_Escape)         # and back to the desk: nothing sent
    assert counter.desk.page() == "actions" and not counter.busy
    assert ticket_on_server(server, ticket["id"])["status"] == "serving"


def test_letters_typed_while_the_list_has_the_keyboard_go_to_the_search(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    serving(qtbot, server, counter)
    panel = open_panel(qtbot, counter)
    panel.list.setFocus()
    qtbot.keyClicks(panel.list, "pas")
    assert panel.search.text() == "pas" and panel.chosen_service() == "paspor"


def test_a_ticket_sent_to_a_named_loket_with_a_note_reaches_that_officer(
        qtbot: QtBot, server: LiveServer, counter: CounterController, make_counter: MakeCounter) -> None:
    """staff1 sends A-001 (KTP) on to KK at loket 2 with a note; loket 1 cannot call it; staff2 at
    loket 2 calls it and reads the note on the card and, before that, in the waiting list."""
    ticket = serving(qtbot, server, counter)
    receiving = make_counter()
    at_desk(qtbot, receiving, 2, "staff2")
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "kartu")
    qtbot.keyClick(panel.search, K.Key_Return)
    qtbot.waitUntil(lambda: any("Loket 2" in row for row in panel.loket_rows()), timeout=WAIT_MS)
    assert panel.loket_rows() == [
        "Loket mana saja — dipanggil loket Kartu Keluarga yang pertama memanggil",
        "Loket 1 (loket Anda) · buka · hanya loket ini yang memanggil",
        "Loket 2 · buka · hanya loket ini yang memanggil"]
    assert panel.chosen_loket() is None                # any loket unless one is chosen
    qtbot.keyClick(panel.lokets, K.Key_Down)
    qtbot.keyClick(panel.lokets, K.Key_Down)
    assert panel.chosen_loket() == 2
    qtbot.keyClicks(panel.lokets, NOTE)                # typing goes to the note
    assert panel.note.text() == NOTE
    qtbot.keyClick(panel.note, K.Key_Return)
    answered(qtbot, counter)

    moved = ticket_on_server(server, ticket["id"])
    assert (moved["service_id"], moved["target_counter"], moved["transfer_note"]) == (
        "kk", {"id": 2, "name": "Loket 2"}, NOTE)
    assert counter.desk.notice.texts()[0] == ("A-001 dialihkan ke Kartu Keluarga di Loket 2; hanya loket itu "
                                              "yang memanggilnya selama buka.")
    # Loket 1 serves kk too, but the ticket is not in its list.
    qtbot.waitUntil(lambda: counter.desk.queue_panel.stat("transferred") == "1", timeout=WAIT_MS)
    assert "A-001" not in counter.desk.queue_panel.next_codes()

    wait_for_waiting(qtbot, receiving, "A-001")
    queue = receiving.desk.queue_panel
    row = queue.next_codes().index("A-001")
    assert queue.findChild(type(queue.title), f"next-mark-{row}").text() == "↪ alihan · khusus loket ini"
    assert queue.findChild(type(queue.title), f"next-service-{row}").text() == f"Kartu Keluarga · ✎ {NOTE}"
    press(qtbot, receiving, CALL_NEXT)
    card = receiving.desk.ticket_card
    assert card.code_text() == "A-001"
    assert card.note_text() == f"✎ Catatan pengalihan: {NOTE}"
    assert "dikirim khusus ke Loket 2" in card.detail.text()


def test_a_loket_closed_while_choosing_is_refused_with_a_way_on_and_the_ticket_stays(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    ticket = serving(qtbot, server, counter)
    assert server.call("POST", "/counters/2/open", "staff2").status_code == 200
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "kartu")
    qtbot.keyClick(panel.search, K.Key_Return)
    qtbot.waitUntil(lambda: len(panel.loket_rows()) == 3, timeout=WAIT_MS)
    panel.select_loket(2)
    assert server.call("POST", "/counters/2/close", "staff2").status_code == 200
    qtbot.keyClick(panel.lokets, K.Key_Return)
    answered(qtbot, counter)

    assert counter.desk.notice.texts()[0] == ("Loket 2 sudah tutup. Pilih loket yang buka atau \"Loket mana "
                                              "saja\"; tiket masih di loket Anda.")
    assert counter.desk.ticket_card.code_text() == "A-001"
    after = ticket_on_server(server, ticket["id"])
    assert (after["status"], after["service_id"], after["target_counter"]) == ("serving", "ktp", None)


def test_only_lokets_open_for_the_service_are_offered(qtbot: QtBot, server: LiveServer,
                                                     counter: CounterController) -> None:
    serving(qtbot, server, counter)
    assert server.call("POST", "/counters/2/open", "staff2", json={"service_ids": ["ktp"]}).status_code == 200
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "paspor")
    qtbot.keyClick(panel.search, K.Key_Return)
    assert panel.loket_rows() == ["Loket mana saja — dipanggil loket Paspor yang pertama memanggil",
                                  "Belum ada loket lain yang buka untuk layanan ini."]
    assert panel.lokets.item(1).flags() == Qt.ItemFlag.NoItemFlags
    qtbot.keyClick(panel.lokets, K.Key_Escape)
    qtbot.keyClick(panel.search, K.Key_Escape)
    assert counter.desk.page() == "actions"


def test_the_note_field_keeps_200_characters_on_one_line(qtbot: QtBot, server: LiveServer,
                                                        counter: CounterController) -> None:
    ticket = serving(qtbot, server, counter)
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "paspor")
    qtbot.keyClick(panel.search, K.Key_Return)
    panel.note.setText("a\tb " + "x" * 300)
    assert len(panel.note.text()) == 200
    qtbot.keyClick(panel.note, K.Key_Return)
    answered(qtbot, counter)
    note = ticket_on_server(server, ticket["id"])["transfer_note"]
    assert note is not None and note.startswith("a b x") and len(note) <= 200


def test_searching_ignores_case_and_accents() -> None:
    assert folded("  Pénduduk ") == "penduduk" and folded("KTP") == "ktp"


def test_a_chosen_loket_that_closes_is_unchosen_not_swapped_for_any_loket(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """The loket list follows the server while the officer chooses: a loket that closes leaves the
    list, and nothing takes its place as the choice, so Enter cannot send the citizen elsewhere."""
    ticket = serving(qtbot, server, counter)
    assert server.call("POST", "/counters/2/open", "staff2").status_code == 200
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "kartu")
    qtbot.keyClick(panel.search, K.Key_Return)
    qtbot.waitUntil(lambda: len(panel.loket_rows()) == 3, timeout=WAIT_MS)
    panel.select_loket(2)
    assert panel.confirm.isEnabled()
    assert server.call("POST", "/counters/2/close", "staff2").status_code == 200
    qtbot.waitUntil(lambda: len(panel.loket_rows()) == 2, timeout=WAIT_MS)
    assert not panel.loket_chosen() and not panel.confirm.isEnabled()
    qtbot.keyClick(panel.lokets, K.Key_Return)
    assert not counter.busy and panel.step() == "loket"
    panel.select_loket(None)                           # "any loket", chosen on purpose
    qtbot.keyClick(panel.lokets, K.Key_Return)
    answered(qtbot, counter)
    moved = ticket_on_server(server, ticket["id"])
    assert (moved["status"], moved["service_id"], moved["target_counter"]) == ("waiting", "kk", None)


def test_the_transferred_count_stays_when_the_officer_calls_the_ticket_back_later(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN staff1 at loket 1 (KTP and KK) sends A-001 on to KK, any loket: "Dialihkan" says 1
    WHEN staff1 later calls A-001 back at the same loket
    THEN "Dialihkan" still says 1: it counts what the officer did, not where the ticket is now."""
    serving(qtbot, server, counter)
    panel = open_panel(qtbot, counter)
    qtbot.keyClicks(panel.search, "kartu")
    qtbot.keyClick(panel.search, K.Key_Return)
    qtbot.keyClick(panel.lokets, K.Key_Return)         # any loket
    answered(qtbot, counter)
    qtbot.waitUntil(lambda: counter.desk.queue_panel.stat("transferred") == "1", timeout=WAIT_MS)

    press(qtbot, counter, CALL_NEXT)
    qtbot.waitUntil(lambda: counter.desk.ticket_card.code_text() == "A-001", timeout=WAIT_MS)
    later = issue(server, "kk")
    wait_for_waiting(qtbot, counter, later["code"])    # the queue was read again after the call
    assert counter.desk.queue_panel.stat("transferred") == "1"
