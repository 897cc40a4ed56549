"""A technician PIN set from a shell (``python main.py config set-pin``) while the kiosk runs is the PIN
the kiosk asks for next; nothing at the kiosk overwrites a PIN that is on disk."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.config import DeviceConfig, load_config, save_config
from core.technician_pin import hash_pin, verify_pin
from tests.setup.conftest import enter_pin, tap, unlock
from ui.kiosk.app import _technician_mode

ROOT = Path(__file__).resolve().parents[2]
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def server(reading_server):
    """These tests only read from the server (the catalog, with the kiosk's token): they share one per module."""
    return reading_server


def set_pin_from_shell(path: Path, pin: str) -> None:
    """What a technician types over SSH: the real CLI in its own process, the PIN on stdin."""
    done = subprocess.run([sys.executable, "main.py", "config", "--config", str(path), "set-pin"], cwd=ROOT,
                          input=pin + "\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert verify_pin(pin, load_config(path).technician_pin_hash)


@pytest.fixture
def kiosk_with_entry(qtbot, make_kiosk, tmp_path: Path):
    """The real kiosk app with its technician entry, wired as ``main.py kiosk`` wires it, over a config
    file that has no PIN yet (the state of a freshly installed kiosk)."""
    kiosk = make_kiosk()
    path = tmp_path / "device" / "config.toml"
    save_config(path, kiosk.controller.config)
    mode = _technician_mode(kiosk.controller, path, kiosk.translations, windowed=True)
    yield kiosk, mode, path
    mode.uninstall()


def open_entry(qtbot, kiosk, mode) -> None:
    """Ctrl+Alt+T on the kiosk window, as a technician's keyboard does."""
    qtbot.keyClick(kiosk.window, Qt.Key.Key_T, CTRL_ALT)
    qtbot.waitUntil(lambda: mode.screen_shown() == "pin")


def test_a_pin_set_from_the_shell_while_the_kiosk_runs_is_the_pin_it_asks_for(qtbot, kiosk_with_entry):
    kiosk, mode, path = kiosk_with_entry
    set_pin_from_shell(path, "1357")

    open_entry(qtbot, kiosk, mode)
    pin = mode.window.pin
    assert "Masukkan PIN" in pin.message_text(), "a passer-by is offered to make a new PIN"
    enter_pin(qtbot, mode, "2468")
    enter_pin(qtbot, mode, "2468")
    assert mode.screen_shown() == "pin"
    assert "PIN salah" in pin.message_text()
    assert verify_pin("1357", load_config(path).technician_pin_hash)

    enter_pin(qtbot, mode, "1357")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def test_a_new_pin_made_at_the_kiosk_never_overwrites_one_set_from_the_shell_meanwhile(qtbot, kiosk_with_entry):
    """GIVEN the PIN screen open on a kiosk without a PIN, offering to make one
    WHEN a technician sets the PIN from the shell, and then someone at the screen makes another
    THEN the screen refuses, says a PIN exists and asks for it; the shell's PIN stays on disk."""
    kiosk, mode, path = kiosk_with_entry
    open_entry(qtbot, kiosk, mode)
    pin = mode.window.pin
    assert "Belum ada PIN" in pin.message_text()
    enter_pin(qtbot, mode, "2468")
    set_pin_from_shell(path, "1357")
    enter_pin(qtbot, mode, "2468")

    qtbot.waitUntil(lambda: "sudah" in pin.message_text())
    assert "Masukkan PIN" in pin.message_text()
    # It fits, once the layout has settled on the new text.
    qtbot.waitUntil(lambda: not pin.message.main.overflows() and not pin.message.other.overflows(), timeout=3000)
    assert mode.screen_shown() == "pin"
    assert verify_pin("1357", load_config(path).technician_pin_hash)
    assert not verify_pin("2468", load_config(path).technician_pin_hash)
    enter_pin(qtbot, mode, "2468")
    assert mode.screen_shown() == "pin" and "PIN salah" in pin.message_text()
    enter_pin(qtbot, mode, "1357")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def test_a_setting_saved_at_the_kiosk_keeps_a_pin_set_from_the_shell_meanwhile(qtbot, kiosk_with_entry):
    """The setup screen edits a copy of the config read when it opened; saving a printer or device
    setting must not write back the PIN (or another setting) that was on disk then."""
    kiosk, mode, path = kiosk_with_entry
    save_config(path, dataclasses.replace(load_config(path), technician_pin_hash=hash_pin("2468")))
    unlock(qtbot, mode, "2468")
    set_pin_from_shell(path, "1357")
    done = subprocess.run([sys.executable, "main.py", "config", "--config", str(path), "set", "location", "Lantai 2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr

    page = mode.window.setup.show_page("DevicePage")
    page.name_field.editor.setText("Kios Pintu Utara")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: load_config(path).device_name == "Kios Pintu Utara")
    assert verify_pin("1357", load_config(path).technician_pin_hash)
    assert load_config(path).location == "Lantai 2"


def test_the_pin_page_refuses_to_change_a_pin_changed_from_the_shell_meanwhile(qtbot, kiosk_with_entry):
    """The current PIN typed on the page is the one the setup was opened with, no longer the one on
    disk: the change is refused and the shell's PIN stays."""
    kiosk, mode, path = kiosk_with_entry
    save_config(path, dataclasses.replace(load_config(path), technician_pin_hash=hash_pin("2468")))
    unlock(qtbot, mode, "2468")
    set_pin_from_shell(path, "1357")

    page = mode.window.setup.show_page("PinPage")
    page.current_field.editor.setText("2468")
    page.new_field.editor.setText("97531")
    page.repeat_field.editor.setText("97531")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.current_field.error_text(), "the change was not refused"
    assert page.status.text() != "PIN baru disimpan."
    assert verify_pin("1357", load_config(path).technician_pin_hash)


def test_a_config_file_that_became_unreadable_keeps_the_pin_the_kiosk_knew(qtbot, kiosk_with_entry):
    """A broken file at the moment of opening does not read as "no PIN": the kiosk keeps asking for
    the PIN it knew, and offers no new one."""
    kiosk, mode, path = kiosk_with_entry
    save_config(path, dataclasses.replace(load_config(path), technician_pin_hash=hash_pin("2468")))
    unlock(qtbot, mode, "2468")
    tap(qtbot, mode.window.setup.back_button)
    qtbot.waitUntil(lambda: mode.screen_shown() == "")
    path.write_text("this is [not toml", encoding="utf-8")

    open_entry(qtbot, kiosk, mode)
    assert "Masukkan PIN" in mode.window.pin.message_text()


def test_the_first_run_pin_made_at_the_kiosk_is_still_saved(qtbot, kiosk_with_entry):
    kiosk, mode, path = kiosk_with_entry
    open_entry(qtbot, kiosk, mode)
    enter_pin(qtbot, mode, "2468")
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")
    assert verify_pin("2468", load_config(path).technician_pin_hash)
    assert isinstance(load_config(path), DeviceConfig)


def test_a_pin_changed_from_the_shell_while_the_pin_screen_is_up_is_the_one_checked(qtbot, kiosk_with_entry):
    """The old PIN stops working the moment the shell replaces it, also on a PIN screen already open."""
    kiosk, mode, path = kiosk_with_entry
    save_config(path, dataclasses.replace(load_config(path), technician_pin_hash=hash_pin("2468")))
    open_entry(qtbot, kiosk, mode)
    set_pin_from_shell(path, "1357")
    enter_pin(qtbot, mode, "2468")
    assert mode.screen_shown() == "pin" and "PIN salah" in mode.window.pin.message_text()
    enter_pin(qtbot, mode, "1357")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")
