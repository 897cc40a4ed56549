"""The board's options page: lokets, voice, volume and running text are saved to the config file;
a wrong loket list or an overlong running text is refused beside its field and nothing is written."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.config import DeviceConfig, load_config, save_config
from tests.support.net import free_port
from ui.i18n import Translations
from ui.setup.display_page import DisplayPage, parse_lokets
from ui.setup.page import SetupContext
from ui.tasks import TaskRunner

CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def server(reading_server):
    """The lokets typed are checked against this server's (1, 2 and 3); nothing changes it."""
    return reading_server


@pytest.fixture
def context(qapp, tmp_path: Path, server) -> Iterator[SetupContext]:
    path = tmp_path / "config.toml"
    cfg = DeviceConfig(server_url=server.url, token=server.tokens["display"], lokets=(1, 2), voice=True, volume=80,
                       running_text="Selamat datang")
    save_config(path, cfg)
    translations = Translations(compile_missing=False)
    translations.switch("id")
    runner = TaskRunner("setup-test", 2)
    applied: list[DeviceConfig] = []
    yield SetupContext("display", path, cfg, translations, runner, on_saved=applied.append)
    runner.shutdown()
    translations.uninstall()


@pytest.fixture
def page(qtbot, context: SetupContext) -> DisplayPage:
    page = DisplayPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.refresh()
    return page


def _retype(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_the_options_are_saved_and_applied(qtbot, page: DisplayPage, context: SetupContext):
    assert page.lokets.text() == "1,2" and page.volume.value() == 80
    _retype(qtbot, page.lokets, "3, 1")
    qtbot.mouseClick(page.voice.buttons[False], CLICK)
    assert not page.volume.isEnabled()
    qtbot.mouseClick(page.voice.buttons[True], CLICK)
    qtbot.mouseClick(page.volume_down, CLICK)
    qtbot.mouseClick(page.volume_down, CLICK)
    _retype(qtbot, page.running_text, "Antrean   dibuka pukul 08.00 WIB")
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        qtbot.mouseClick(page.save_button, CLICK)
    on_disk = load_config(context.config_path)
    assert (on_disk.lokets, on_disk.voice, on_disk.volume) == ((3, 1), True, 70)
    assert on_disk.running_text == "Antrean dibuka pukul 08.00 WIB"
    assert saved.args[0] == on_disk == context.config
    assert page.save_note.text().startswith("Disimpan")


def test_voice_off_and_all_lokets(qtbot, page: DisplayPage, context: SetupContext):
    _retype(qtbot, page.lokets, "")
    qtbot.mouseClick(page.voice.buttons[False], CLICK)
    qtbot.mouseClick(page.save_button, CLICK)
    on_disk = load_config(context.config_path)
    assert (on_disk.lokets, on_disk.voice) == ((), False)


@pytest.mark.parametrize("typed, reason", [
    ("1,dua,3", '"dua" bukan nomor loket. Tulis angka dipisah koma, mis. 1,2,3\n'
                '"dua" is not a loket number. Write numbers separated by commas, e.g. 1,2,3'),
    ("1;2", '"1;2" bukan nomor loket'),
    ("2,0", "Nomor loket harus dari 1 sampai 999, bukan 0\nLoket numbers go from 1 to 999, not 0"),
    ("1000", "Nomor loket harus dari 1 sampai 999, bukan 1000"),
])
def test_a_wrong_loket_list_is_refused_beside_its_field(qtbot, page: DisplayPage, context: SetupContext,
                                                        typed: str, reason: str):
    before = context.config_path.read_bytes()
    _retype(qtbot, page.lokets, typed)
    qtbot.mouseClick(page.save_button, CLICK)
    assert page.fields["lokets"].error_text().startswith(reason)
    assert context.config_path.read_bytes() == before
    assert context.config.lokets == (1, 2)
    assert "Belum disimpan" in page.save_note.text()
    qtbot.keyClicks(page.lokets, "5")
    assert page.fields["lokets"].error_text() == ""


def test_an_overlong_running_text_is_refused(qtbot, page: DisplayPage, context: SetupContext):
    before = context.config_path.read_bytes()
    page.running_text.setText("x" * 501)
    qtbot.mouseClick(page.save_button, CLICK)
    assert "500" in page.fields["running_text"].error_text()
    assert context.config_path.read_bytes() == before


def test_the_page_follows_the_language(qtbot, page: DisplayPage, context: SetupContext):
    assert page.save_button.title.text() == "Simpan"
    context.translations.switch("en")
    qtbot.waitUntil(lambda: page.save_button.title.text() == "Save", timeout=2000)
    assert page.fields["lokets"].label.text() == "Lokets shown"
    assert page.voice.buttons[True].title.text() == "On"


def test_parse_lokets():
    assert parse_lokets(" ") == ()
    assert parse_lokets("2, 2 ,10,") == (2, 10)
    assert parse_lokets("1,,3") == (1, 3)
    for bad in ("a", "1 2", "-1", "1000"):
        with pytest.raises(ValueError):
            parse_lokets(bad)


def test_lokets_that_cannot_be_checked_are_not_saved(qtbot, page: DisplayPage, context: SetupContext):
    """No server answers: the lokets cannot be checked against it, so nothing is saved, and the page
    says why and what to do."""
    context.config = dataclasses.replace(context.config, server_url=f"http://127.0.0.1:{free_port()}")
    before = context.config_path.read_bytes()
    _retype(qtbot, page.lokets, "2")
    qtbot.mouseClick(page.save_button, CLICK)
    qtbot.waitUntil(lambda: page.fields["lokets"].error_text() != "", timeout=5000)
    indonesian, english = page.fields["lokets"].error_text().splitlines()
    assert indonesian.startswith("Nomor loket tidak dapat diperiksa di server, tidak disimpan. Server tidak dapat "
                                 "dihubungi")
    assert indonesian.endswith("Coba lagi, atau kosongkan untuk semua loket.")
    assert english.endswith("Try again, or leave it empty for every loket.")
    assert context.config_path.read_bytes() == before
    assert "Belum disimpan" in page.save_note.text()
