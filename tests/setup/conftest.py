"""Technician-mode tests: the real setup screens over a device window, a fake clock for the PIN lock
and the tap timing, the live server for enrolment and the catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from core.config import DeviceConfig, save_config
from ui.i18n import Translations
from ui.setup.technician import TechnicianMode


class FakeTime:
    """Seconds that move only when a test says so."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def translations():
    t = Translations()
    t.switch("id")
    yield t
    t.uninstall()


@pytest.fixture
def device_window(qtbot) -> QWidget:
    """Stands in for the kiosk or display window: the entry watches it, the setup opens over it."""
    window = QWidget()
    window.setObjectName("DeviceWindow")
    window.resize(1280, 800)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return tmp_path / "device" / "config.toml"


@pytest.fixture
def make_mode(qtbot, config_path: Path, device_window: QWidget, translations: Translations, fake_time: FakeTime):
    """A technician mode over ``device_window``, installed; ``mode.quits`` / ``mode.restarts`` count
    the app-level actions instead of ending the test process."""
    modes: list[TechnicianMode] = []

    def make(config: DeviceConfig | None = None, *, window: QWidget | None = None, kind: str = "kiosk",
             write: bool = True, **kw: Any) -> TechnicianMode:
        cfg = config or DeviceConfig()
        if write:
            save_config(config_path, cfg)
        calls: dict[str, int] = {"quit": 0, "restart": 0}

        def quit_app() -> None:
            calls["quit"] += 1

        def restart_app() -> None:
            calls["restart"] += 1

        mode = TechnicianMode(kind, window or device_window, config_path, cfg, translations, windowed=True,
                              clock=fake_time, entry_clock=fake_time, quit_app=quit_app, restart_app=restart_app,
                              **kw)
        mode.calls = calls  # type: ignore[attr-defined]
        mode.install()
        modes.append(mode)
        return mode

    yield make
    for mode in modes:
        mode.uninstall()


def tap(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible(), f"{button.objectName()} is not on the screen"
    assert button.isEnabled(), f"{button.objectName()} cannot be tapped"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def enter_pin(qtbot, mode: TechnicianMode, pin: str) -> None:
    """Type ``pin`` on the PIN screen's keypad and tap OK."""
    screen = mode.window.pin
    for digit in pin:
        tap(qtbot, screen.keypad.digit_keys[digit])
    tap(qtbot, screen.ok_button)
    qtbot.waitUntil(lambda: not screen.is_checking())   # the PIN is hashed off the GUI thread


def unlock(qtbot, mode: TechnicianMode, pin: str = "2468") -> None:
    """Open the technician mode and get past the PIN (setting it first when the device has none)."""
    mode.open()
    qtbot.waitUntil(lambda: mode.screen_shown() == "pin")
    if not mode.context.config.technician_pin_hash:
        enter_pin(qtbot, mode, pin)
    enter_pin(qtbot, mode, pin)
    qtbot.waitUntil(lambda: mode.screen_shown() == "setup")


def wait_idle(qtbot, mode: TechnicianMode, timeout: int = 10000) -> None:
    qtbot.waitUntil(lambda: mode.runner.pending() == 0, timeout=timeout)

