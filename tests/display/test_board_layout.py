"""The board's picture at TV sizes without a server: 24 lokets and long names fit, numbers are
large, nothing is cut or overlaps; a new call is painted, flashes, and stops flashing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.models import CounterState
from ui.display.board_screen import BoardScreen
from ui.display.board_state import Call, Loket
from ui.display.scaled_text import ScaledText
from ui.display.window import BoardWindow
from ui.theme import Metrics

AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def a_call(n: int, loket: int, code: str | None = None, recall: bool = False) -> Call:
    return Call(ticket_id=n, code=code or f"B2-{n:03d}", counter_id=loket, loket=f"Loket {loket}",
                agency="Perumdam Tirta Al-Bantani", agency_name="Perusahaan Umum Daerah Air Minum",
                service="Permohonan Paspor RI (Baru dan Penggantian)", recall=recall, seq=n, at=AT)


def lokets(count: int) -> list[Loket]:
    states = (CounterState.OPEN, CounterState.PAUSED, CounterState.CLOSED)
    return [Loket(i, f"Loket {i}", states[i % 3], f"M2-{100 + i}" if i % 3 != 2 else None)
            for i in range(1, count + 1)]


@pytest.fixture
def window(qtbot, translations):
    made: list[BoardWindow] = []

    def make(width: int, height: int) -> BoardWindow:
        board = BoardScreen(translations, lambda: datetime(2026, 11, 23, 9, 41), flash_ms=40, flashes=2)
        win = BoardWindow(board, windowed=True)
        qtbot.addWidget(win)
        win.resize(width, height)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    return make


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1920)])
def test_a_full_board_fits_and_reads_from_afar(window, qtbot, size: tuple[int, int]) -> None:
    win = window(*size)
    board: BoardScreen = win.board
    board.set_site("Mal Pelayanan Publik Kabupaten Serang", "WIB")
    board.set_lokets(lokets(24))
    calls = [a_call(n, n) for n in range(8, 0, -1)]
    board.show_calls(calls, fresh=calls[0])
    qtbot.waitUntil(lambda: board.grid.tile(24).geometry().height() > 20)
    unit = Metrics(*size).unit

    grid = board.grid.rect()
    placed = [t.geometry() for t in board.grid.tiles.values()]
    assert all(grid.contains(r) for r in placed)
    assert not any(a.intersects(b) for i, a in enumerate(placed) for b in placed[i + 1:])

    texts = [w for w in win.findChildren(ScaledText) if w.isVisible() and w.text()]
    cut = [w.text() for w in texts if w.elided() and w.property("textRole") != "callService"]
    assert cut == []
    assert board.latest.code.pixel_size() >= 140 * unit
    assert board.latest.loket.pixel_size() >= 90 * unit
    assert min(t.code.pixel_size() for t in board.grid.tiles.values()) >= 40 * unit
    assert min(r.code.pixel_size() for r in board.recent.rows) >= 30 * unit
    assert board.header.time_label.text() == "09.41 WIB"
    assert board.header.date_label.text() == "Senin, 23 November 2026"


def test_a_new_call_is_painted_flashes_then_rests(window, qtbot) -> None:
    win = window(1280, 720)
    board: BoardScreen = win.board
    board.set_lokets(lokets(3))
    with qtbot.waitSignal(board.latest.code.painted, timeout=3000,
                          check_params_cb=lambda text, _t: text == "A-001"):
        board.show_calls([a_call(1, 1, "A-001")], fresh=a_call(1, 1, "A-001"))
        # Checked before the event loop runs: the flash itself lasts only 40 ms here.
        assert board.latest.property("state") == "flash"
        assert board.grid.tile(1).highlighted()
    qtbot.waitUntil(lambda: not board.latest.flashing() and not board.grid.tile(1).highlighted(), timeout=3000)
    assert board.latest.property("state") == ""


def test_the_running_text_scrolls(window, qtbot) -> None:
    win = window(1280, 720)
    win.board.set_running_text("Selamat datang di Mal Pelayanan Publik Kabupaten Serang.")
    start = win.board.marquee.travelled()
    qtbot.waitUntil(lambda: win.board.marquee.travelled() > start + 20, timeout=3000)
