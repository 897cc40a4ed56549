"""The real ``main.py kiosk`` and ``main.py display`` carry the technician entry: Ctrl+Alt+T on their
window opens the PIN screen, the PIN opens the setup, and "leave kiosk mode" ends the app cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.config import DeviceConfig, save_config
from core.technician_pin import hash_pin

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("app, windowed", [("kiosk", True), ("display", True), ("kiosk", False), ("display", False)])
def test_the_app_opens_the_technician_mode_and_leaves_kiosk_mode(tmp_path: Path, app: str, windowed: bool):
    """In kiosk mode the device window refuses to close; leaving must end the app all the same."""
    path = tmp_path / "config.toml"
    save_config(path, DeviceConfig(server_url="http://127.0.0.1:9", technician_pin_hash=hash_pin("2468"),
                                   printer="file:" + str(tmp_path / "receipts.bin")))
    extra = (["--no-voice"] if app == "display" else []) + (["--windowed", "--size", "1024x768"] if windowed else [])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANJUNGAN_LOG_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "tests.setup.app_driver", app, "2468", "--config", str(path),
                           *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
    lines = [line for line in done.stdout.splitlines() if line.startswith(("seen", "exit", "gave up"))]
    assert lines == ["seen pin", "seen setup", "exit 0"], done.stdout + done.stderr[-3000:]
    assert done.returncode == 0
