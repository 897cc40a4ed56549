"""``python main.py demo``: the whole system on one machine, as separate processes talking HTTP.

Starts the server (SQLite, demo catalog of MPP Kabupaten Serang, open at any hour), the virtual
printer, demo staff users and an enrolled kiosk, then opens the kiosk window. Safe to run again:
it reuses its folder and database."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from core.config import DeviceConfig, load_config, save_config
from core.errors import ConfigError
from core.paths import user_data_dir

ROOT = Path(__file__).resolve().parent.parent
USERS = (("petugas1", "petugas-123", "staff"), ("petugas2", "petugas-123", "staff"),
         ("supervisor", "supervisor-123", "supervisor"), ("admin", "admin-12345", "admin"))


def _free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket() as sock:
            # As uvicorn binds: a port left in TIME_WAIT by the last demo is still free to use.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")


def _run(*args: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=True, cwd=ROOT,
                          capture_output=True, text=True).stdout


def wait_healthy(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server stopped while starting; see the log above")
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url} within {seconds:.0f} s")


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@dataclass
class DemoSystem:
    """What ``running_system`` started: where to reach it and the device configs it wrote."""

    url: str
    folder: Path
    receipts: Path
    kiosk_config: Path
    display_config: Path
    server: subprocess.Popen
    children: list[subprocess.Popen] = field(default_factory=list)


@contextlib.contextmanager
def running_system(folder: Path, port: int = 8080, printer_port: int = 9100) -> Iterator[DemoSystem]:
    """Server (SQLite in ``folder``, demo catalog, open all hours), virtual printer, the demo users and an
    enrolled kiosk and display; all stopped on exit. Safe to run again on the same folder."""
    receipts = folder / "receipts"
    receipts.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{folder / 'anjungan.sqlite3'}"
    port, printer_port = _free_port(port), _free_port(printer_port)
    url = f"http://127.0.0.1:{port}"
    children: list[subprocess.Popen] = []
    try:
        # The server makes the database on its first start; the office's commands only use one.
        server = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "server", "--database", db,
                                   "--port", str(port), "--open-all-hours"], cwd=ROOT)
        children.append(server)
        wait_healthy(url, server)
        for username, password, role in USERS:
            # The demo's passwords are printed for anyone to try: they are kept as they are.
            _run("server", "add-user", "--username", username, "--password", password, "--role", role,
                 "--keep-password", "--database", db)
        printer = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "printer", "--port",
                                    str(printer_port), "--out", str(receipts)], cwd=ROOT,
                                   stdin=subprocess.DEVNULL)
        children.append(printer)
        kiosk_cfg = _enrol(db, url, "kiosk", "Anjungan Demo", folder / "kiosk.toml",
                           printer=f"network:127.0.0.1:{printer_port}")
        display_cfg = _enrol(db, url, "display", "Layar Demo", folder / "display.toml")
        yield DemoSystem(url, folder, receipts, kiosk_cfg, display_cfg, server, children)
    finally:
        _stop(children)


def _stop(children: list[subprocess.Popen]) -> None:
    for child in reversed(children):
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py demo", description=__doc__)
    parser.add_argument("--folder", type=Path, default=user_data_dir() / "demo")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--printer-port", type=int, default=9100)
    parser.add_argument("--no-windows", action="store_true", help="start the server and printer only")
    args = parser.parse_args(argv)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with running_system(args.folder, args.port, args.printer_port) as system:
            print(_banner(system.url, system.receipts, system.folder, load_config(system.kiosk_config).token),
                  flush=True)
            if args.no_windows or not has_display():
                if not args.no_windows:
                    print("No display found (DISPLAY is not set), so no windows were opened. To see them,\n"
                          "run `make demo` in a desktop session or over `ssh -X`; on a headless machine\n"
                          "`make screenshots` shows every screen as PNGs. The server and printer keep running.",
                          flush=True)
                system.server.wait()
                return 0
            windows = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "kiosk", "--windowed",
                                         "--config", str(system.kiosk_config)], cwd=ROOT),
                       subprocess.Popen([sys.executable, str(ROOT / "main.py"), "counter", "--server", system.url],
                                        cwd=ROOT),
                       subprocess.Popen([sys.executable, str(ROOT / "main.py"), "display", "--windowed",
                                         "--config", str(system.display_config)], cwd=ROOT)]
            system.children.extend(windows)
            windows[0].wait()
            return 0
    except KeyboardInterrupt:
        return 0


def _enrol(db: str, url: str, kind: str, name: str, path: Path, **settings: Any) -> Path:
    """Enrol a device, or on a second run keep the one already enrolled (its token still accepted), so
    the server's device list does not fill with copies. The URL and settings are refreshed either way."""
    token = _still_enrolled(path, url)
    if token is None:
        code = _run("server", "enroll", "--kind", kind, "--name", name, "--database", db).strip().splitlines()[-1]
        reply = requests.post(f"{url}/api/v1/devices/enroll", json={"code": code}, timeout=10)
        reply.raise_for_status()
        token = reply.json()["token"]
    save_config(path, DeviceConfig(server_url=url, token=token, device_name=name, **settings))
    return path


def _still_enrolled(path: Path, url: str) -> str | None:
    if not path.exists():
        return None
    try:
        token = load_config(path).token
        reply = requests.post(f"{url}/api/v1/devices/heartbeat", json={},
                              headers={"Authorization": f"Bearer {token}"}, timeout=10)
    except (ConfigError, requests.RequestException):
        return None
    return token if token and reply.ok else None


def _banner(url: str, receipts: Path, folder: Path, kiosk_token: str) -> str:
    """Shown on the terminal only (never logged): what a newcomer needs to try the API."""
    users = "\n".join(f"    {u:<11} {p:<15} ({r})" for u, p, r in USERS)
    managers = ", ".join(f"{r} {u} / {p}" for u, p, r in USERS if r in ("supervisor", "admin"))
    return (f"\nAnjungan demo is running.\n"
            f"  server    {url}/api/v1   (API docs: {url}/api/v1/docs)\n"
            f"  receipts  {receipts}   (each printed ticket as .txt and .png)\n"
            f"  configs   {folder}/kiosk.toml, {folder}/display.toml (device tokens inside, mode 0600)\n"
            f"  staff logins for the counter app:\n{users}\n"
            f"  console   {url}/console   (in a browser; {managers})\n"
            f"  the kiosk's token, to try the API:\n"
            f"    curl -H 'Authorization: Bearer {kiosk_token}' {url}/api/v1/catalog\n"
            f"  stop with Ctrl+C\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
