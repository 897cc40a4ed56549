"""The setup shell: its pages for the device kind, and the ways out (back, restart, leave)."""

from __future__ import annotations

from core.config import DeviceConfig
from core.technician_pin import hash_pin
from tests.setup.conftest import tap, unlock
from ui.setup.technician import restart_arguments

PIN = hash_pin("2468")


def test_the_shell_lists_the_pages_and_goes_back_to_the_device(qtbot, make_mode):
    mode = make_mode(DeviceConfig(technician_pin_hash=PIN))
    unlock(qtbot, mode)
    setup = mode.window.setup
    names = [type(p).__name__ for p in setup.pages]
    assert names[:2] == ["ServerPage", "DevicePage"] and names[-1] == "PinPage"
    assert [setup.page_list.item(i).text() for i in range(2)] == ["Server dan pendaftaran", "Perangkat"]
    tap(qtbot, setup.back_button)
    qtbot.waitUntil(lambda: mode.screen_shown() == "")
    assert mode.calls == {"quit": 0, "restart": 0}


def test_a_display_gets_no_kiosk_only_fields(qtbot, make_mode):
    mode = make_mode(DeviceConfig(technician_pin_hash=PIN), kind="display")
    unlock(qtbot, mode)
    page = mode.window.setup.show_page("DevicePage")
    assert not page.idle_field.isVisible() and not page.agency_field.isVisible()
    assert page.name_field.isVisible()


def test_leave_kiosk_mode_quits_and_restart_restarts(qtbot, make_mode):
    mode = make_mode(DeviceConfig(technician_pin_hash=PIN))
    unlock(qtbot, mode)
    tap(qtbot, mode.window.setup.leave_button)
    tap(qtbot, mode.window.setup.leave_yes_button)
    qtbot.waitUntil(lambda: mode.calls["quit"] == 1)
    assert mode.screen_shown() == ""
    unlock(qtbot, mode)
    tap(qtbot, mode.window.setup.restart_button)
    qtbot.waitUntil(lambda: mode.calls["restart"] == 1)


def test_leave_kiosk_mode_asks_first_and_cancel_keeps_the_device_running(qtbot, make_mode):
    """A stray tap on "Keluar dari mode kiosk" must not leave a kiosk on the desktop for citizens."""
    mode = make_mode(DeviceConfig(technician_pin_hash=PIN))
    unlock(qtbot, mode)
    setup = mode.window.setup
    tap(qtbot, setup.leave_button)
    qtbot.waitUntil(setup.is_asking_to_leave)
    assert "Keluar dari mode kiosk?" in setup.leave_question.text()
    assert mode.calls["quit"] == 0 and not setup.leave_button.isVisible()
    tap(qtbot, setup.leave_no_button)
    assert not setup.is_asking_to_leave() and setup.leave_button.isVisible()
    assert mode.calls["quit"] == 0 and mode.screen_shown() == "setup"


def test_a_restart_does_not_reuse_a_one_time_enrolment_code():
    assert restart_arguments(["main.py", "kiosk", "--enroll", "ABCD-EFGH", "--windowed"]) == \
        ["main.py", "kiosk", "--windowed"]
    assert restart_arguments(["main.py", "display", "--enroll=ABCD"]) == ["main.py", "display"]


def test_left_untouched_the_technician_mode_closes_itself(qtbot, make_mode):
    mode = make_mode(DeviceConfig(technician_pin_hash=PIN), idle_close_ms=1500)
    unlock(qtbot, mode)
    qtbot.waitUntil(lambda: mode.screen_shown() == "", timeout=5000)
