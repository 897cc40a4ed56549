"""The board's technician setup on the real board app against the real server, as ``main.py display``
wires it: the lokets, voice, volume and running text saved there apply at once; a loket the server
does not have is refused and nothing is saved; the voice test speaks a sample call through the
board's own voice and says how it went; a setting that needs a restart says so and offers it; and the
board's setup speaks of a "papan", never of an "anjungan" or a kiosk, and has no printer page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.announce import call_sentence
from core.config import load_config, save_config
from tests.display.conftest import call_next, open_loket, take, wait_ready
from tests.setup.conftest import tap, unlock
from tests.support.server import LiveServer
from ui.display.app import technician_mode
from ui.display.controller import VOICE_TEST_CODE, VOICE_TEST_LOKET
from ui.setup.technician import TechnicianMode


@pytest.fixture
def board_setup(qtbot, tmp_path: Path, server: LiveServer, make_board, translations):
    """A running board with lokets 1 and 2, and its technician mode over the config file it reads."""
    restarts: list[int] = []
    board = make_board(server.url, server.tokens["display"], lokets=(1, 2))
    wait_ready(qtbot, board, lokets=2)
    path = tmp_path / "display" / "config.toml"
    save_config(path, board.controller.config)
    mode = technician_mode(board.controller, path, board.controller.config, translations, windowed=True,
                           restart_app=lambda: restarts.append(1))
    mode.restarts = restarts  # type: ignore[attr-defined]
    yield board, mode, path
    mode.uninstall()


def display_page(qtbot, mode: TechnicianMode):
    unlock(qtbot, mode)
    return mode.window.setup.show_page("DisplayPage")


def retype(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_lokets_voice_volume_and_running_text_apply_at_once(qtbot, board_setup, server: LiveServer) -> None:
    """GIVEN a board showing lokets 1 and 2 with its voice on
    WHEN the technician shows loket 3 as well, lowers the volume, changes the running text and saves
    THEN the board shows loket 3's tile and call, speaks it at the new volume, scrolls the new text;
    and with the voice switched off, the next call is shown and not spoken. No restart."""
    board, mode, path = board_setup
    page = display_page(qtbot, mode)
    retype(qtbot, page.lokets, "1,2,3")
    tap(qtbot, page.volume_down)
    tap(qtbot, page.volume_down)
    retype(qtbot, page.running_text, "Loket 3 melayani paspor")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: load_config(path).lokets == (1, 2, 3), timeout=5000)

    qtbot.waitUntil(lambda: sorted(board.screen.grid.tiles) == [1, 2, 3], timeout=5000)
    assert board.screen.marquee.text() == "Loket 3 melayani paspor"
    assert board.controller.voice.volume() == 70
    open_loket(server, 3, "staff1")
    take(server, "paspor")
    ticket = call_next(server, 3, "staff1")
    qtbot.waitUntil(lambda: board.finished() == [ticket["code"]], timeout=5000)
    assert board.sink.spoken() == [call_sentence(ticket["code"], "Loket 3").spoken]
    assert board.sink.volumes == [0.7]

    tap(qtbot, page.voice.buttons[False])
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: load_config(path).voice is False, timeout=5000)
    assert not mode.window.setup.restart_is_offered()
    open_loket(server, 1, "staff2")
    take(server, "kk")
    second = call_next(server, 1, "staff2")
    qtbot.waitUntil(lambda: board.finished() == [ticket["code"], second["code"]], timeout=5000)
    assert board.screen.latest_code() == second["code"]
    assert len(board.sink.played) == 1


def test_fewer_lokets_take_the_others_calls_and_tiles_off_the_board(qtbot, board_setup, server: LiveServer) -> None:
    board, mode, path = board_setup
    open_loket(server, 2, "staff2")
    take(server, "kk")
    ticket = call_next(server, 2, "staff2")
    qtbot.waitUntil(lambda: board.shown() == [ticket["code"]], timeout=5000)
    page = display_page(qtbot, mode)
    retype(qtbot, page.lokets, "1")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: list(board.screen.grid.tiles) == [1], timeout=5000)
    assert board.shown() == []


def test_a_loket_the_server_does_not_have_is_refused_and_nothing_is_saved(qtbot, board_setup) -> None:
    board, mode, path = board_setup
    page = display_page(qtbot, mode)
    before = path.read_bytes()   # with the PIN the first unlock set
    retype(qtbot, page.lokets, "1, 7, 3, 12")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.fields["lokets"].error_text() != "", timeout=5000)
    assert page.fields["lokets"].error_text().splitlines() == [
        "Loket 7, 12 tidak ada di server. Loket yang ada: 1, 2, 3.",
        "Loket 7, 12 does not exist on the server. The lokets there: 1, 2, 3."]
    assert "Belum disimpan" in page.save_note.text()
    assert path.read_bytes() == before
    assert sorted(board.screen.grid.tiles) == [1, 2]
    assert board.controller.state.filter == frozenset({1, 2})
    assert page.save_button.isEnabled()


def test_the_voice_test_speaks_a_sample_through_the_boards_voice(qtbot, board_setup) -> None:
    board, mode, _ = board_setup
    page = display_page(qtbot, mode)
    tap(qtbot, page.voice_test_button)
    assert not page.voice_test_button.isEnabled()
    sentence = call_sentence(VOICE_TEST_CODE, VOICE_TEST_LOKET).spoken
    qtbot.waitUntil(lambda: page.voice_test_button.isEnabled(), timeout=5000)
    assert board.sink.spoken() == [sentence]
    assert page.voice_test_result().splitlines()[0] == f"Contoh panggilan telah diucapkan: \u201c{sentence}\u201d"
    assert board.shown() == []   # a test, not a call: nothing on the board


def test_the_voice_test_says_why_nothing_was_heard(qtbot, board_setup) -> None:
    board, mode, _ = board_setup
    board.sink.has_output = lambda: False  # type: ignore[method-assign]
    page = display_page(qtbot, mode)
    tap(qtbot, page.voice_test_button)
    qtbot.waitUntil(lambda: page.voice_test_button.isEnabled(), timeout=5000)
    assert page.voice_test_result().startswith("Suara tidak keluar: tidak ada perangkat suara.")
    board.controller.voice.set_enabled(False)
    tap(qtbot, page.voice_test_button)
    qtbot.waitUntil(lambda: page.voice_test_button.isEnabled(), timeout=5000)
    assert page.voice_test_result().startswith("Suara papan mati: pilih Nyala lalu Simpan")
    assert board.sink.played == []


def test_a_setting_that_needs_a_restart_says_so_and_offers_it(qtbot, board_setup) -> None:
    """The language a board shows is read at its start: saving it says so beside the restart button,
    which reads "Mulai ulang sekarang" and restarts the app."""
    board, mode, path = board_setup
    unlock(qtbot, mode)
    setup = mode.window.setup
    assert setup.restart_button.text_parts()[0] == "Mulai ulang papan"
    assert setup.restart_hint.text().startswith("Loket, suara, volume dan teks berjalan langsung berlaku.")
    device = setup.show_page("DevicePage")
    device.language_box.setCurrentIndex(device.language_box.findData("en"))
    tap(qtbot, device.save_button)
    qtbot.waitUntil(lambda: load_config(path).language == "en", timeout=5000)
    assert setup.restart_is_offered()
    assert setup.restart_hint.text() == ("Disimpan, tetapi alamat server, pendaftaran dan bahasa baru dipakai "
                                         "setelah papan dimulai ulang.")
    assert setup.restart_button.text_parts()[0] == "Mulai ulang sekarang"
    tap(qtbot, setup.restart_button)
    qtbot.waitUntil(lambda: mode.restarts == [1], timeout=5000)


def test_the_boards_setup_says_papan_and_has_no_printer_or_kiosk_mode(qtbot, board_setup) -> None:
    board, mode, _ = board_setup
    unlock(qtbot, mode)
    setup = mode.window.setup
    pages = [type(page).__name__ for page in setup.pages]
    assert "PrinterPage" not in pages and "DisplayPage" in pages
    texts = [setup.heading.text(), setup.device_label.text(), setup.restart_hint.text(),
             *setup.restart_button.text_parts(), *setup.leave_button.text_parts()]
    tap(qtbot, setup.leave_button)
    texts.append(setup.leave_question.text())
    assert setup.leave_question.text().startswith("Tutup aplikasi papan?")
    tap(qtbot, setup.leave_no_button)
    for page in setup.pages:
        setup.show_page(type(page).__name__)
        texts.extend(label.text() for label in page.findChildren(type(setup.device_label)) if label.isVisibleTo(page))
    words = " ".join(texts).lower()
    assert "papan" in words
    assert "kiosk" not in words and "anjungan lobi" not in words
    # "Anjungan" stays only as the product's name: its version, and "not an Anjungan server".
    assert re.findall(r"anjungan [^\d]", words.replace("server anjungan", "")) == []



def test_a_loket_added_brings_its_call_of_this_morning(qtbot, board_setup, server: LiveServer) -> None:
    """Loket 3 called before the board showed it: once added in the setup, its call is on the board,
    from the server, without being read aloud."""
    board, mode, path = board_setup
    open_loket(server, 3, "staff1")
    take(server, "paspor")
    ticket = call_next(server, 3, "staff1")
    page = display_page(qtbot, mode)
    retype(qtbot, page.lokets, "2,3")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: board.shown() == [ticket["code"]], timeout=5000)
    assert board.tile_codes() == {2: "\u2014", 3: ticket["code"]}
    assert board.sink.played == []
