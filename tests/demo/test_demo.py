"""`make demo` on a machine with no display: the server and printer start, the newcomer is told the
URL, the logins and where receipts land, and that no windows could open; a second run reuses the
enrolled devices instead of piling up copies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import requests

from core.config import load_config
from tests.support.net import free_port

ROOT = Path(__file__).resolve().parent.parent.parent


def _run_demo(folder: Path, port: int) -> tuple[str, list[dict]]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(ANJUNGAN_DATA_DIR=str(folder / "data"), ANJUNGAN_LOG_DIR=str(folder / "logs"))
    demo = subprocess.Popen([sys.executable, "main.py", "demo", "--folder", str(folder), "--port", str(port),
                             "--printer-port", str(free_port())], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    lines: list[str] = []
    try:
        assert demo.stdout is not None
        for line in demo.stdout:
            lines.append(line)
            if "The server and printer keep running" in line:
                break
        url = next(line.split()[1] for line in lines if line.strip().startswith("server "))
        admin = requests.post(f"{url}/auth/login", json={"username": "admin", "password": "admin-12345"},
                              timeout=10).json()["token"]
        devices = requests.get(f"{url}/devices", headers={"Authorization": f"Bearer {admin}"}, timeout=10).json()
        kiosk = load_config(folder / "kiosk.toml")
        catalog = requests.get(f"{url}/catalog", headers={"Authorization": f"Bearer {kiosk.token}"}, timeout=10)
        assert catalog.status_code == 200 and catalog.json()["agencies"]
        return "".join(lines), devices
    finally:
        os.killpg(demo.pid, signal.SIGTERM)
        demo.wait(timeout=20)


def test_headless_demo_explains_itself_and_reruns_without_duplicate_devices(tmp_path: Path) -> None:
    port = free_port()
    banner, devices = _run_demo(tmp_path, port)
    assert f"server    http://127.0.0.1:{port}/api/v1" in banner
    assert "petugas1" in banner and str(tmp_path / "receipts") in banner
    assert f"console   http://127.0.0.1:{port}/console" in banner
    assert "supervisor supervisor / supervisor-123" in banner and "admin admin / admin-12345" in banner
    assert "No display found" in banner
    assert sorted(d["name"] for d in devices) == ["Anjungan Demo", "Layar Demo"]

    _banner, again = _run_demo(tmp_path, free_port())
    assert sorted(d["name"] for d in again) == ["Anjungan Demo", "Layar Demo"]
    assert (tmp_path / "kiosk.toml").stat().st_mode & 0o777 == 0o600
