"""Screenshots of every step of the public booking page (/booking) on a 390×844 phone, in Indonesian and English,
from Debian's chromium (page scripts off, as on a cheap phone) against the real server with the demo catalog:
the services, a service's days, a day's slots, the form, a refusal, the booking with its code and QR, the cancel
step and the cancelled booking, and a booking cancelled by the MPP's staff. Each shot is the whole page, as long
as it scrolls.

Run: .venv/bin/python scripts/booking_screenshots.py [docs/screenshots]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.support.browser import chromium_driver
from tests.support.server import LiveServer, live_server

DEMO = ROOT / "resources" / "catalog" / "mpp-serang.toml"
PHONE = (390, 844)
SERVICE = "paspor"
DAY = "2026-11-25"  # a Wednesday; the server's clock says Monday 23 November 2026, 09.00 WIB
LANGUAGES = {"id": "id-ID,id;q=0.9", "en": "en-GB,en;q=0.9"}
NIKS = {"id": "3604011505900007", "en": "3604015203850002"}
STAFF_CANCELLED_NIKS = {"id": "3604011505900031", "en": "3604011505900032"}


def phone_size(driver: WebDriver, height: int = PHONE[1]) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": PHONE[0], "height": height,
                                                                  "deviceScaleFactor": 1, "mobile": True})


def shot(driver: WebDriver, out: Path) -> None:
    """The whole page as it scrolls on the phone (at least one screen)."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    phone_size(driver, max(PHONE[1], min(height, 3000)))
    driver.save_screenshot(str(out))
    phone_size(driver)
    print(out)


def go(driver: WebDriver, css: str) -> None:
    """Click a link or button and wait for the page it leads to."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()
    WebDriverWait(driver, 10).until(lambda _: _gone(old))


def _gone(element: object) -> bool:
    try:
        element.tag_name  # type: ignore[attr-defined]  # noqa: B018 - reading it is the check
    except Exception:  # noqa: BLE001 - selenium's StaleElementReferenceException and kin
        return True
    return False


def other_phone_books(live: LiveServer, slot: str, nik: str) -> None:
    """A place taken by another citizen's phone over the public API."""
    r = live.call("POST", "/bookings", json={"service_id": SERVICE, "date": DAY, "slot": slot, "nik": nik,
                                             "consent": False, "language": "id"})
    r.raise_for_status()


def walk(driver: WebDriver, live: LiveServer, lang: str, out: Path) -> None:
    """One citizen's walk in one language, each step shot as ``booking-STEP-LANG.png``."""
    agent = driver.execute_script("return navigator.userAgent")
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": LANGUAGES[lang]})
    driver.get(f"{live.url}/booking")
    shot(driver, out / f"booking-services-{lang}.png")
    go(driver, f"#service-{SERVICE} a.go")
    shot(driver, out / f"booking-days-{lang}.png")
    go(driver, f"#day-{DAY}")
    shot(driver, out / f"booking-slots-{lang}.png")
    go(driver, "a#slot-0930")
    driver.find_element(By.ID, "nik").send_keys(NIKS[lang])
    driver.find_element(By.ID, "phone").send_keys("0812-3456-7890")
    shot(driver, out / f"booking-form-{lang}.png")
    go(driver, "#submit")
    shot(driver, out / f"booking-refused-{lang}.png")
    driver.find_element(By.ID, "consent").click()
    go(driver, "#submit")
    shot(driver, out / f"booking-made-{lang}.png")
    go(driver, "#cancel")
    shot(driver, out / f"booking-cancel-{lang}.png")
    go(driver, "#cancel-yes")
    shot(driver, out / f"booking-cancelled-{lang}.png")
    driver.get(f"{live.url}/booking/{cancelled_by_staff(live, lang)}")
    shot(driver, out / f"booking-staff-cancelled-{lang}.png")


def cancelled_by_staff(live: LiveServer, lang: str) -> str:
    """Another citizen's booking, cancelled by a supervisor (as on /console/bookings): its token."""
    r = live.call("POST", "/bookings", json={"service_id": SERVICE, "date": DAY, "slot": "11:00",
                                             "nik": STAFF_CANCELLED_NIKS[lang], "consent": False, "language": lang})
    r.raise_for_status()
    token = str(r.json()["token"])
    live.call("POST", f"/bookings/{token}/cancel", "super").raise_for_status()
    return token


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, live_server(Path(tmp), catalog=DEMO, booking_attempts=100) as live:
        for n, slot in enumerate(("08:00", "08:00", "08:00", "08:00", "10:00", "10:00", "10:00", "11:00")):
            other_phone_books(live, slot, f"36040115059{n + 10:05d}")
        driver = chromium_driver(Path(tmp) / "chromium", *PHONE)
        try:
            phone_size(driver)
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            for lang in LANGUAGES:
                walk(driver, live, lang, out)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
