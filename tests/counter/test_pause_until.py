"""Pausing with an expected return, through the real counter app against the real server: after the
reason the panel offers 15, 30 and 60 minutes, the end of today's break and no time, or a time typed
in; a time not later than now is refused in the panel and nothing is sent; the desk says "Istirahat
sampai 09.30" while paused, and stops saying it once the time has passed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import WAIT_MS, at_desk, loket_on_server
from tests.support.server import LiveServer
from ui.counter.actions import CALL_NEXT, PAUSE
from ui.counter.controller import CounterController

K = Qt.Key


def on_server_time(qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """Until the desk counts by the server's clock (its check each second reads it)."""
    qtbot.waitUntil(lambda: abs(counter.desk.site_now() - server.clock.now()) < timedelta(seconds=5),
                    timeout=WAIT_MS)


def ask_return(qtbot: QtBot, counter: CounterController, reason_key: K) -> None:
    """F7, then the reason's key: the panel asks when the officer is back."""
    qtbot.keyClick(counter.window, K.Key_F7)
    panel = counter.desk.pause_panel
    assert counter.desk.page() == "pause" and panel.step() == "reason"
    qtbot.keyClick(panel.buttons["istirahat"], reason_key)
    assert panel.step() == "return" and not counter.busy


def test_30_minutes_from_the_panel_is_what_the_server_holds_and_the_desk_says(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN 09.00 WIB on a Monday (break 12.00–13.00) WHEN Istirahat, then "30 menit" THEN the loket
    rests until 09.30 on the server and the desk says so beside its Lanjutkan."""
    at_desk(qtbot, counter)
    on_server_time(qtbot, server, counter)
    ask_return(qtbot, counter, K.Key_1)
    panel = counter.desk.pause_panel
    assert [b.all_text() for b in panel.choice_buttons if b.isVisibleTo(panel)] == [
        "15 menit 1 · sampai 09.15", "30 menit 2 · sampai 09.30", "60 menit 3 · sampai 10.00",
        "Sampai 13.00 4 · akhir jam istirahat", "Tanpa jam kembali 5 · papan hanya menulis Istirahat"]

    qtbot.keyClick(panel.choice_buttons[0], K.Key_2)
    assert counter.busy
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)

    loket = loket_on_server(server, 1)
    assert (loket["state"], loket["pause_reason"], loket["pause_until"]) == (
        "paused", "istirahat", "2026-11-23T02:30:00+00:00")
    desk = counter.desk
    assert desk.loket_state.text() == "Istirahat sampai 09.30"
    assert desk.buttons[PAUSE].all_text() == "Lanjutkan F7" and desk.buttons[PAUSE].isEnabled()
    assert not desk.buttons[CALL_NEXT].isEnabled()
    counter.translations.switch("en")
    try:
        qtbot.waitUntil(lambda: desk.loket_state.text() == "On break until 09.30", timeout=WAIT_MS)
    finally:
        counter.translations.switch("id")
    qtbot.waitUntil(lambda: desk.loket_state.text() == "Istirahat sampai 09.30", timeout=WAIT_MS)

    server.clock.advance(minutes=31)   # 09.31, and the officer is still away: the default reason said once
    qtbot.waitUntil(lambda: desk.loket_state.text() == "Istirahat", timeout=WAIT_MS)
    counter.translations.switch("en")
    try:
        qtbot.waitUntil(lambda: desk.loket_state.text() == "On break", timeout=WAIT_MS)
    finally:
        counter.translations.switch("id")


def test_a_typed_time_not_later_than_now_is_refused_in_the_panel_and_nothing_is_sent(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    on_server_time(qtbot, server, counter)
    ask_return(qtbot, counter, K.Key_2)    # sholat
    panel = counter.desk.pause_panel
    for typed, said in (("08.30", "Jam kembali harus lebih lambat dari sekarang (09.00) dan masih hari ini."),
                        ("25.00", "Tulis jam seperti 13.30 (jam.menit)."),
                        ("jam 1", "Tulis jam seperti 13.30 (jam.menit).")):
        panel.until.clear()
        qtbot.keyClicks(panel.until, typed)
        qtbot.keyClick(panel.until, K.Key_Return)
        assert not counter.busy, f"{typed} was sent"
        assert panel.error_text() == said and panel.until.hasFocus()
        assert counter.desk.page() == "pause"
    loket = loket_on_server(server, 1)
    assert (loket["state"], loket["pause_until"]) == ("open", None)

    panel.until.clear()
    qtbot.keyClicks(panel.until, "12.30")
    qtbot.keyClick(panel.until, K.Key_Return)
    assert counter.busy
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)
    loket = loket_on_server(server, 1)
    assert (loket["state"], loket["pause_reason"], loket["pause_until"]) == (
        "paused", "sholat", "2026-11-23T05:30:00+00:00")
    assert counter.desk.loket_state.text() == "Sholat sampai 12.30"


def test_escape_goes_back_to_the_reasons_then_out_and_no_time_pauses_as_before(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    at_desk(qtbot, counter)
    ask_return(qtbot, counter, K.Key_3)    # rapat: no break's end offered
    panel = counter.desk.pause_panel
    assert [c.until is None for c in panel.choices()] == [False, False, False, True]
    qtbot.keyClick(panel.choice_buttons[0], K.Key_Escape)
    assert panel.step() == "reason" and counter.desk.page() == "pause"
    qtbot.keyClick(panel.buttons["istirahat"], K.Key_Escape)
    assert counter.desk.page() == "actions" and not counter.busy
    assert loket_on_server(server, 1)["state"] == "open"

    ask_return(qtbot, counter, K.Key_3)
    qtbot.keyClick(panel.choice_buttons[0], K.Key_4)   # Tanpa jam kembali
    qtbot.waitUntil(lambda: not counter.busy, timeout=WAIT_MS)
    loket = loket_on_server(server, 1)
    assert (loket["state"], loket["pause_reason"], loket["pause_until"]) == ("paused", "rapat", None)
    assert counter.desk.loket_state.text() == "Istirahat · Rapat"


def test_choices_left_open_while_the_time_passed_move_on_instead_of_being_sent(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN the panel offered "15 menit, sampai 09.15" WHEN it stood open until 09.20 and then 1 is
    pressed THEN nothing is sent: the choices now start from 09.20 and the panel says to choose again."""
    at_desk(qtbot, counter)
    on_server_time(qtbot, server, counter)
    ask_return(qtbot, counter, K.Key_1)
    panel = counter.desk.pause_panel
    assert panel.choices()[0].detail == "sampai 09.15"
    server.clock.advance(minutes=20)
    on_server_time(qtbot, server, counter)
    qtbot.keyClick(panel.choice_buttons[0], K.Key_1)
    assert not counter.busy and panel.step() == "return"
    assert panel.error_text() == "Waktu berjalan: pilihan diperbarui. Pilih lagi."
    assert panel.choices()[0].detail == "sampai 09.35"
    assert loket_on_server(server, 1)["state"] == "open"
