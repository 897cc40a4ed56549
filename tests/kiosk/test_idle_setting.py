"""The kiosk's idle time saved in its technician setup applies at once, without a restart: the next
citizen who walks away is taken home after the new time, not the one the kiosk started with."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import load_config, save_config
from tests.setup.conftest import tap, unlock
from ui.kiosk.app import _technician_mode


@pytest.fixture
def server(reading_server):
    """Only the catalog is read: one server for the module."""
    return reading_server


def test_a_new_idle_time_applies_at_once(qtbot, make_kiosk, tmp_path: Path) -> None:
    kiosk = make_kiosk(idle_timeout_s=600)
    path = tmp_path / "device" / "config.toml"
    save_config(path, kiosk.controller.config)
    mode = _technician_mode(kiosk.controller, path, kiosk.translations, windowed=True)
    try:
        unlock(qtbot, mode)
        page = mode.window.setup.show_page("DevicePage")
        page.idle_edit.setText("15")
        tap(qtbot, page.save_button)
        qtbot.waitUntil(lambda: load_config(path).idle_timeout_s == 15, timeout=5000)
        assert not mode.window.setup.restart_is_offered()
        tap(qtbot, mode.window.setup.back_button)
        qtbot.waitUntil(lambda: not mode.is_open())
    finally:
        mode.uninstall()

    idle = kiosk.controller.idle
    assert idle.timeout_ms() == 15_000
    kiosk.open_services("dukcapil")
    assert 0 < idle.remaining_ms() <= 15_000 * 1.05 + 100   # a coarse timer may run 5 % late, not 600 s
