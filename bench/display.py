"""Display budgets: how soon a call reaches the hall board's screen and its voice.

A real server runs as a subprocess on loopback; the real board (controller, event follower, board
widgets, VoiceCaller with the real espeak-ng engine) runs in this process on Qt's offscreen
platform. A driver thread plays the officer: it issues a ticket, sends call-next (the clock
starts when the POST is sent), waits for the board, marks the ticket no-show, and goes on, over
three lokets in turn. Measured per call:

- paint: POST sent → the board's big number painted with the new code (its paintEvent);
- voice started: POST sent → VoiceCaller.started for that code;
- sound: POST sent → the rendered chime and speech handed to the sound device (espeak-ng render
  included, cold cache). The sink ends each sound after 50 ms so calls don't queue behind speech.

Budgets: paint p99 <= 300 ms, voice started p99 <= 1 s (and the sound, reported against 1 s too).
Run: .venv/bin/python bench/display.py [--calls 100]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_WORK = Path(tempfile.mkdtemp(prefix="anjungan-bench-display-"))
os.environ["ANJUNGAN_DATA_DIR"] = str(_WORK / "data")   # a cold speech cache
os.environ["ANJUNGAN_LOG_DIR"] = str(_WORK / "log")

import requests

from bench.demo_catalog import unlimited_catalog
from tests.support.net import free_port, wait_for

BUDGET_MS = {"paint_p99_ms": 300.0, "voice_started_p99_ms": 1000.0, "sound_p99_ms": 1000.0}
LOKETS = ((1, "ktp-el-rekam"), (4, "kk"), (15, "paspor"))
WARMUP = 5


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def run(cmd: list[str], env: dict[str, str]) -> str:
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def _ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).ok
    except requests.RequestException:
        return False


def start_server() -> tuple[subprocess.Popen, str, dict[str, str]]:
    """A server process with the demo catalog (quotas lifted); returns it, its URL and tokens."""
    env = dict(os.environ)
    catalog = unlimited_catalog(_WORK / "bench.toml")
    db = f"sqlite:///{_WORK / 'bench.sqlite3'}"
    py = sys.executable
    port = free_port()
    server = subprocess.Popen([py, "main.py", "server", "--database", db, "--port", str(port),
                               "--catalog", str(catalog), "--open-all-hours"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_for(lambda: _ok(f"{url}/api/v1/health"), timeout=30, what="server")
    # The server made the database; the office's commands only use one.
    run([py, "main.py", "server", "add-user", "--username", "bench", "--password", "bench-pass-1",
         "--role", "admin", "--keep-password", "--database", db], env)
    codes = {kind: run([py, "main.py", "server", "enroll", "--kind", kind, "--name", f"bench-{kind}",
                        "--database", db], env).strip().splitlines()[-1] for kind in ("kiosk", "display")}
    tokens = {kind: requests.post(f"{url}/api/v1/devices/enroll", json={"code": code}, timeout=5).json()["token"]
              for kind, code in codes.items()}
    tokens["admin"] = requests.post(f"{url}/api/v1/auth/login", json={"username": "bench",
                                                                      "password": "bench-pass-1"},
                                    timeout=5).json()["token"]
    return server, url, tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QObject, Qt, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from core.config import DeviceConfig
    from core.speech import SpeechEngine, SpeechUnavailable
    from ui.display.app import make_client
    from ui.display.controller import DisplayController
    from ui.display.voice import AudioSink, VoiceCaller
    from ui.i18n import Translations

    class TimingSink(AudioSink):
        """A sound device that notes when each sound starts and ends it 50 ms later."""

        def __init__(self, on_play) -> None:
            super().__init__()
            self._on_play = on_play
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self.finished.emit)

        def has_output(self) -> bool:
            return True

        def play(self, path: Path, volume: float) -> None:
            self._on_play(time.perf_counter())
            self._timer.start(50)

        def stop(self) -> None:
            self._timer.stop()

    class Finish(QObject):
        """Ends the event loop from the driver thread (a QTimer made there would never fire)."""

        done = Signal()

    server, url, tokens = start_server()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    finish = Finish()
    finish.done.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    painted: dict[str, float] = {}
    started: dict[str, float] = {}
    sound: dict[str, float] = {}
    arrived = threading.Condition()
    engine = SpeechEngine()
    espeak = True
    try:
        engine.render_call("Nomor antrean, a, satu, silakan menuju loket satu.")  # is espeak-ng there?
    except SpeechUnavailable:
        espeak = False

    caller: VoiceCaller | None = None

    def note(table: dict[str, float], code: str, at: float) -> None:
        with arrived:
            table.setdefault(code, at)
            arrived.notify_all()

    def on_play(at: float) -> None:
        current = caller.current() if caller is not None else None
        if current is not None:
            note(sound, current.code, at)

    caller = VoiceCaller(engine, TimingSink(on_play))
    cfg = DeviceConfig(server_url=url, token=tokens["display"], voice=True)
    controller = DisplayController(cfg, make_client(cfg), Translations(), voice=caller, windowed=True)
    controller.board.latest.code.painted.connect(lambda text, at: note(painted, text, at))
    caller.started.connect(lambda code: note(started, code, time.perf_counter()))
    controller.start(size=(1920, 1080))

    sent: dict[str, float] = {}
    failure: list[BaseException] = []

    def wait_until(check, timeout: float) -> bool:
        with arrived:
            return arrived.wait_for(check, timeout)

    def officer() -> None:
        api = f"{url}/api/v1"
        staff = {"Authorization": f"Bearer {tokens['admin']}"}
        kiosk = {"Authorization": f"Bearer {tokens['kiosk']}"}
        try:
            with requests.Session() as http:
                wait_for(lambda: controller.online is True and len(controller.state.lokets) > 0, timeout=20,
                         what="the board to connect")
                for loket, _ in LOKETS:
                    http.post(f"{api}/counters/{loket}/open", headers=staff, timeout=10).raise_for_status()
                for i in range(args.calls + WARMUP):
                    loket, service = LOKETS[i % len(LOKETS)]
                    http.post(f"{api}/tickets", json={"service_id": service}, timeout=10,
                              headers={**kiosk, "Idempotency-Key": f"bench-display-{i}"}).raise_for_status()
                    t0 = time.perf_counter()
                    reply = http.post(f"{api}/counters/{loket}/call-next", headers=staff, timeout=10)
                    reply.raise_for_status()
                    ticket = reply.json()["current_ticket"]
                    code = ticket["code"]
                    sent[code] = t0
                    def wanted(c: str = code) -> bool:
                        return c in painted and c in started and (c in sound or not espeak)

                    if not wait_until(wanted, 10):
                        raise RuntimeError(f"{code} did not reach the board within 10 s")
                    http.post(f"{api}/tickets/{ticket['id']}/no-show", headers=staff, timeout=10).raise_for_status()
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failure.append(exc)
        finally:
            finish.done.emit()

    driver = threading.Thread(target=officer, name="officer", daemon=True)
    # The driver starts once the event loop runs, so the board is live when it calls.
    QTimer.singleShot(0, driver.start)
    try:
        app.exec()
    finally:
        controller.stop()
        server.terminate()
        server.wait(timeout=10)
    if failure:
        print(f"bench failed: {failure[0]}", file=sys.stderr)
        return 2

    codes = list(sent)[WARMUP:]
    paint = [(painted[c] - sent[c]) * 1000 for c in codes]
    voice = [(started[c] - sent[c]) * 1000 for c in codes]
    heard = [(sound[c] - sent[c]) * 1000 for c in codes if c in sound]
    figures = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "calls": len(codes),
        "paint_p50_ms": round(pct(paint, 50), 1),
        "paint_p99_ms": round(pct(paint, 99), 1),
        "paint_max_ms": round(max(paint), 1),
        "voice_started_p50_ms": round(pct(voice, 50), 1),
        "voice_started_p99_ms": round(pct(voice, 99), 1),
        "sound_p50_ms": round(pct(heard, 50), 1) if heard else None,
        "sound_p99_ms": round(pct(heard, 99), 1) if heard else None,
        "speech_engine": "espeak-ng" if espeak else "missing (no sound figures)",
    }
    print(json.dumps(figures, indent=2))
    ok = True
    for name, limit in BUDGET_MS.items():
        value = figures[name]
        if value is None:
            print(f"{name:<22} {'n/a':>9}    budget <= {limit:<6} not measured")
            continue
        held = value <= limit
        ok &= held
        print(f"{name:<22} {value:>9} ms budget <= {limit:<6} {'ok' if held else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
