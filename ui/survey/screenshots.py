"""Screenshots of the loket's survey tablet, from the real app: waiting, the offer of a ticket its loket
just finished (served by the office's sign-in over the API), the first question, in portrait and
landscape, in both languages. Its own server (demo catalog), as the kiosk's walker starts one.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.survey.screenshots docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

SIZES = {"portrait": (800, 1280), "landscape": (1280, 800)}


def serve_one(kiosk_client, url: str, office: str, counter_id: int | None = None) -> tuple[str, int]:
    """A ticket taken at a kiosk and served to the end by the office's sign-in: (its code, the loket).
    The loket is ``counter_id`` or the first that serves the service, opened for that service alone."""
    from core.client import BackendClient

    office_client = BackendClient(url, office)
    try:
        lokets = office_client.counters()
        catalog = kiosk_client.catalog()
        served_somewhere = {sid for loket in lokets for sid in loket.service_ids}
        loket = next(c for c in lokets if counter_id is None or c.id == counter_id)
        service = next(s.id for a in catalog.agencies for s in a.services
                       if s.open and s.id in served_somewhere and s.id in loket.service_ids)
        kiosk_client.issue_ticket(service, idempotency_key=kiosk_client.new_idempotency_key())
        office_client.open_counter(loket.id, [service])
        called = office_client.call_next(loket.id).current_ticket
        assert called is not None
        office_client.start(called.id)
        office_client.finish(called.id)
        return called.code, loket.id
    finally:
        office_client.close()


def walk(walker, kiosk_client, url: str, office: str, loket: int) -> None:
    """Waiting, the offer once the loket finished a ticket, the first question."""
    tablet = walker.c
    walker.wait(lambda: tablet.online is True, "the event stream")
    walker.on("survey_waiting")
    walker.shot("waiting")
    ticket, _ = serve_one(kiosk_client, url, office, loket)
    walker.wait(lambda: tablet.waiting.offered_code() == ticket, "the offer")
    walker.shot("offer")
    walker.tap(tablet.waiting.start_button)
    walker.on("survey")
    walker.shot("question")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.survey.screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from core.client import BackendClient
    from core.config import DeviceConfig
    from ui.i18n import Translations
    from ui.kiosk.screenshots import Walker, office_token, own_server
    from ui.survey.controller import SurveyTabletController, SurveyTimings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translations = Translations()
    zone = ZoneInfo("Asia/Jakarta")
    morning = datetime.combine(datetime.now(zone).date(), dtime(10, 40), zone)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="anjungan-survey-shots-") as tmp, \
            own_server(Path(tmp), kind="survey") as (url, code):
        token = BackendClient(url).enroll(code)
        office = office_token(Path(tmp), url)
        with own_kiosk(url, Path(tmp)) as kiosk_client:
            for orientation, size in SIZES.items():
                for lang in ("id", "en"):
                    cfg = DeviceConfig(server_url=url, token=token, language=lang, idle_timeout_s=3600)
                    loket = 1
                    controller = SurveyTabletController(cfg, BackendClient(url, token), translations, loket=loket,
                                                        windowed=True, timings=SurveyTimings(thanks_s=3600),
                                                        now=lambda: morning)
                    controller.start(size=size)
                    walker = Walker(controller, args.out,
                                    lambda shot, o=orientation, g=lang: f"survey-tablet-{shot}-{o}-{g}.png")
                    try:
                        walk(walker, kiosk_client, url, office, loket)
                    finally:
                        controller.stop()
                    saved += walker.saved
    app.processEvents()
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


def own_kiosk(url: str, folder: Path):
    """A kiosk's client to take the tickets the tablet is offered: enrolled on the same database."""
    import contextlib
    import subprocess

    from core.client import BackendClient
    from ui.kiosk.screenshots import ROOT

    @contextlib.contextmanager
    def enrolled():
        env = {**os.environ, "ANJUNGAN_DATA_DIR": str(folder), "ANJUNGAN_LOG_DIR": str(folder)}
        done = subprocess.run([sys.executable, "main.py", "server", "enroll", "--kind", "kiosk", "--name",
                               "survey-shots-kiosk", "--database", f"sqlite:///{folder / 'screens.sqlite3'}"],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        client = BackendClient(url)
        client.enroll(done.stdout.strip().splitlines()[-1].strip())
        try:
            yield client
        finally:
            client.close()
    return enrolled()


if __name__ == "__main__":
    sys.exit(main())
