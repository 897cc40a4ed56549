"""The apps' shared command line: refusals are said in one line, before any window, and change nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import main as entry
from core.config import DeviceConfig, save_config
from ui.app_args import use_touch_keyboard


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    save_config(path, DeviceConfig(server_url="http://127.0.0.1:9", token="dev_x"))
    return path


@pytest.mark.parametrize("app", ["kiosk", "counter", "display"])
def test_no_display_is_explained_not_aborted(app: str, config_file: Path, monkeypatch, capsys) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert entry.main([app, "--config", str(config_file)]) == 2
    assert "DISPLAY is not set" in capsys.readouterr().err


@pytest.mark.parametrize("app", ["kiosk", "counter", "display"])
def test_a_bad_server_address_is_refused_and_the_file_kept(app: str, config_file: Path, capsys) -> None:
    before = config_file.read_bytes()
    assert entry.main([app, "--config", str(config_file), "--server", "ftp://server-mpp"]) == 2
    assert "server_url" in capsys.readouterr().err
    assert config_file.read_bytes() == before


def test_an_unreadable_config_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    assert entry.main(["kiosk", "--config", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "cannot read the config" in err and "Traceback" not in err


def test_a_full_screen_device_gets_the_touch_keyboard_unless_told_otherwise(monkeypatch) -> None:
    # Set, then removed, through monkeypatch: it restores the variable's absence afterwards, so the
    # value the function writes never reaches the Qt application of later tests.
    monkeypatch.setenv("QT_IM_MODULE", "")
    monkeypatch.delenv("QT_IM_MODULE")
    use_touch_keyboard(windowed=True)
    assert "QT_IM_MODULE" not in os.environ
    use_touch_keyboard(windowed=False)
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"
    monkeypatch.setenv("QT_IM_MODULE", "ibus")
    use_touch_keyboard(windowed=False)
    assert os.environ["QT_IM_MODULE"] == "ibus"


def test_the_touch_keyboard_setting_did_not_leak_into_this_process() -> None:
    """Later tests share one QApplication: an input method here would swallow their key presses."""
    assert "QT_IM_MODULE" not in os.environ
