"""The technician PIN: made on the first run, kept as a salted hash, five wrong ones lock the entry
for five minutes (also across a restart), and the lock ends by itself."""

from __future__ import annotations

import stat
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from core import technician_pin
from core.config import DeviceConfig, load_config
from core.technician_pin import PinLock, hash_pin, lock_file_for, verify_pin
from tests.setup.conftest import enter_pin, tap, unlock


def test_a_pin_hash_is_salted_and_checks_only_the_right_pin():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and "2468" not in first
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)
    assert not verify_pin("2468", "") and not verify_pin("2468", "plain$text")


def test_a_pin_is_hashed_at_the_production_cost_outside_the_test_suite(monkeypatch):
    """The suite hashes PINs cheaply (tests/conftest.py); the apps use the production cost."""
    monkeypatch.setattr(technician_pin, "cost", technician_pin.PRODUCTION_COST)
    stored = hash_pin("2468")
    assert stored.startswith("scrypt$16384$8$1$")
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)


def test_the_first_run_asks_for_a_new_pin_twice_and_saves_only_its_hash(qtbot, make_mode, config_path):
    mode = make_mode(DeviceConfig())
    mode.open()
    pin = mode.window.pin
    assert "Belum ada PIN" in pin.message_text()
    enter_pin(qtbot, mode, "12")            # too short
    assert "4 sampai 8 angka" in pin.message_text()
    enter_pin(qtbot, mode, "2468")
    assert "sekali lagi" in pin.message_text()
    enter_pin(qtbot, mode, "1357")          # not the same
    assert "tidak sama" in pin.message_text()
    enter_pin(qtbot, mode, "2468")
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")

    saved = load_config(config_path)
    assert saved.technician_pin_hash and "2468" not in config_path.read_text()
    assert verify_pin("2468", saved.technician_pin_hash)
    assert stat.S_IMODE(config_path.stat().st_mode) == 0o600

    # Next time the PIN is asked for, not made.
    tap(qtbot, mode.window.setup.back_button)
    qtbot.waitUntil(lambda: mode.screen_shown() == "")
    mode.open()
    assert "Masukkan PIN" in mode.window.pin.message_text()
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def test_five_wrong_pins_lock_the_entry_for_five_minutes(qtbot, make_mode, fake_time, config_path, device_window,
                                                        translations):
    mode = make_mode(DeviceConfig(technician_pin_hash=hash_pin("2468")))
    mode.open()
    pin = mode.window.pin
    for left in (4, 3, 2, 1):
        enter_pin(qtbot, mode, "1111")
        assert f"Sisa percobaan: {left}" in pin.message_text()
    enter_pin(qtbot, mode, "1111")
    assert pin.is_locked_out()
    assert "terkunci sampai pukul" in pin.message_text()
    assert not pin.keypad.isEnabled() and not pin.ok_button.isEnabled()
    # Even the right PIN is refused while locked.
    assert not mode.lock.check("2468", mode.context.config.technician_pin_hash).ok

    # The lock survives a restart of the app: a new technician mode reads it next to the config.
    assert lock_file_for(config_path).exists()
    assert PinLock(lock_file_for(config_path), clock=fake_time).is_locked()

    fake_time.advance(4 * 60 + 59)
    qtbot.wait(1200)
    assert pin.is_locked_out()
    fake_time.advance(2)
    qtbot.waitUntil(lambda: not pin.is_locked_out(), timeout=3000)   # the screen's once-a-second check
    assert "Masukkan PIN" in pin.message_text()
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def test_a_right_pin_clears_the_count_of_wrong_ones(qtbot, make_mode):
    mode = make_mode(DeviceConfig(technician_pin_hash=hash_pin("2468")))
    mode.open()
    for _ in range(4):
        enter_pin(qtbot, mode, "1111")
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")
    assert mode.lock.remaining() == 5


def test_the_pin_page_changes_the_pin_after_checking_the_current_one(qtbot, make_mode, config_path):

    mode = make_mode(DeviceConfig(technician_pin_hash=hash_pin("2468")))
    unlock(qtbot, mode)
    page = mode.window.setup.show_page("PinPage")
    page.current_field.editor.setText("1111")
    page.new_field.editor.setText("97531")
    page.repeat_field.editor.setText("97531")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.current_field.error_text() == "PIN sekarang salah."
    assert mode.lock.remaining() == 4                 # it counts towards the lockout
    page.current_field.editor.setText("2468")
    page.repeat_field.editor.setText("97530")
    tap(qtbot, page.save_button)
    assert "tidak sama" in page.repeat_field.error_text()
    assert verify_pin("2468", load_config(config_path).technician_pin_hash)
    page.repeat_field.editor.setText("97531")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not page.is_busy())
    assert page.status.text() == "PIN baru disimpan."
    assert verify_pin("97531", load_config(config_path).technician_pin_hash)


def test_a_new_pin_that_cannot_be_saved_lets_nobody_in(qtbot, make_mode, config_path):
    mode = make_mode(DeviceConfig())
    # A folder where the file should be: the save fails for real, even for root (a read-only
    # config folder, as a careless install leaves it, would fail the same way).
    config_path.unlink()
    config_path.mkdir()
    (config_path / "x").write_text("x")
    mode.open()
    enter_pin(qtbot, mode, "2468")
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: "tidak dapat disimpan" in mode.window.pin.message_text())
    assert mode.screen_shown() == "pin"
    (config_path / "x").unlink()
    config_path.rmdir()
    assert not config_path.exists()
    # With the folder writable again, the same steps set the PIN and let the technician in.
    enter_pin(qtbot, mode, "2468")
    enter_pin(qtbot, mode, "2468")
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def test_each_further_lock_before_a_right_pin_lasts_twice_as_long(tmp_path):
    now = [1_000_000.0]
    lock = PinLock(tmp_path / "lock.json", clock=lambda: now[0])
    stored = hash_pin("2468")
    lengths = []
    for _ in range(3):
        for _ in range(5):
            result = lock.check("0000", stored)
        lengths.append(result.locked_until - now[0])
        now[0] = result.locked_until
    assert lengths == [300, 600, 1200]
    # A restart keeps the count of locks; the right PIN clears it.
    again = PinLock(tmp_path / "lock.json", clock=lambda: now[0])
    assert again.check("2468", stored).ok
    for _ in range(5):
        result = again.check("0000", stored)
    assert result.locked_until - now[0] == 300


def test_the_pin_pad_takes_the_digits_of_a_usb_keyboard(qtbot, make_mode):
    mode = make_mode(DeviceConfig(technician_pin_hash=hash_pin("2468")))
    mode.open()
    qtbot.waitUntil(lambda: mode.screen_shown() == "pin")
    pin = mode.window.pin
    qtbot.keyClicks(pin, "24x6")
    assert pin.entry() == "246"
    qtbot.keyClick(pin, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pin, "68")
    assert pin.entry() == "2468"
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def test_the_lock_says_until_when_on_the_site_clock_with_its_label(qtbot, make_mode, fake_time):
    """The PC may run on UTC; the technician reads the site's time, as on the board and the receipts."""
    mode = make_mode(DeviceConfig(technician_pin_hash=hash_pin("2468")))
    mode.open()
    for _ in range(5):
        enter_pin(qtbot, mode, "1111")
    until = datetime.fromtimestamp(fake_time.now + 5 * 60, ZoneInfo("Asia/Jakarta"))
    assert f"terkunci sampai pukul {until:%H.%M} WIB" in mode.window.pin.message_text()
