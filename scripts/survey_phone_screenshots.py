"""Screenshots of the survey on a citizen's phone (390×844), in Indonesian and English, from Debian's chromium
against the real server with the demo catalog: a ticket served at a loket, its QR page opened.

Run: .venv/bin/python scripts/survey_phone_screenshots.py [docs/screenshots]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.auth import Role
from tests.support.browser import chromium_driver
from tests.support.server import PASSWORD, live_server

DEMO = ROOT / "resources" / "catalog" / "mpp-serang.toml"
PHONE = (390, 844)


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, live_server(Path(tmp), catalog=DEMO) as live:
        live.services.accounts.add_user("siti", PASSWORD, Role.STAFF, display_name="Siti Rahmawati")
        live.tokens["siti"] = live.login("siti")
        ticket = live.issue("ktp-el-rekam").json()
        loket = next(c["id"] for c in live.call("GET", "/counters", "display").json()
                     if "ktp-el-rekam" in c["service_ids"])
        for path in (f"/counters/{loket}/open", f"/counters/{loket}/call-next", f"/tickets/{ticket['id']}/start",
                     f"/tickets/{ticket['id']}/finish"):
            live.call("POST", path, "siti").raise_for_status()
        driver = chromium_driver(Path(tmp) / "profile", *PHONE)
        try:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})
            for lang in ("id", "en"):
                driver.get(f"{live.url}/t/{ticket['token']}?lang={lang}")
                out = folder / f"survey-phone-{lang}.png"
                driver.save_screenshot(str(out))
                print(out)
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
