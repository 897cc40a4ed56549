"""Screenshots of every console page, in Indonesian and English, at 1366×768 and on a 390×844 phone, from
Debian's chromium against the real server with the demo catalog and a busy morning.

Run: .venv/bin/python scripts/console_screenshots.py [docs/screenshots]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import requests
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from server.auth import Role
from server.db import tickets
from server.notify.channels import FonnteGateway
from tests.support.browser import chromium_driver
from tests.support.server import PASSWORD, LiveServer, live_server
from tests.support.skm import answer

DEMO = ROOT / "resources" / "catalog" / "mpp-serang.toml"
SIZES = {"desk": (1366, 768), "phone": (390, 844)}
OFFICERS = [("siti", "Siti Rahmawati"), ("budi", "Budi Santoso"), ("dewi", "Dewi Lestari"),
            ("agus", "Agus Setiawan"), ("rina", "Rina Marlina"), ("yusuf", "Yusuf Hidayat")]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def busy_morning(live: LiveServer) -> None:
    """Tickets over the morning, six lokets open with their officers, one paused, waits over the target
    in one service, a kiosk out of paper and a board the office locked."""
    accounts = live.services.accounts
    api = live.api
    catalog = live.call("GET", "/catalog", "kiosk").json()
    services = [s["id"] for a in catalog["agencies"] for s in a["services"]]
    for _ in range(12):
        live.issue("ktp-el-rekam")
    live.clock.advance(minutes=45)
    for n in range(40):
        live.issue(services[(n * 7) % len(services)])
    lokets = live.call("GET", "/counters", "display").json()
    tokens = {}
    for (username, name), loket in zip(OFFICERS, lokets, strict=False):
        accounts.add_user(username, PASSWORD, Role.STAFF, display_name=name)
        tokens[username] = live.login(username)
        requests.post(f"{api}/counters/{loket['id']}/open", headers=bearer(tokens[username]), timeout=10)
    for (username, _), loket in zip(OFFICERS[:5], lokets, strict=False):
        for _ in range(2):
            called = requests.post(f"{api}/counters/{loket['id']}/call-next", headers=bearer(tokens[username]),
                                   timeout=10).json()
            ticket = called.get("current_ticket")
            if not ticket:
                break
            live.clock.advance(minutes=1)
            requests.post(f"{api}/tickets/{ticket['id']}/start", headers=bearer(tokens[username]), timeout=10)
            live.clock.advance(minutes=2)
            requests.post(f"{api}/tickets/{ticket['id']}/finish", headers=bearer(tokens[username]), timeout=10)
        requests.post(f"{api}/counters/{loket['id']}/call-next", headers=bearer(tokens[username]), timeout=10)
    for username in ("siti", "budi"):
        ticket = requests.get(f"{api}/counters", headers=bearer(tokens[username]), timeout=10).json()
        mine = next(c for c in ticket if c["staff"] == username)["current_ticket"]
        requests.post(f"{api}/tickets/{mine['id']}/start", headers=bearer(tokens[username]), timeout=10)
    yusuf_loket = lokets[len(OFFICERS) - 1]["id"]
    requests.post(f"{api}/counters/{yusuf_loket}/pause", headers=bearer(tokens["yusuf"]),
                  json={"reason": "Istirahat sholat"}, timeout=10)
    live.clock.advance(minutes=2, seconds=35)
    live.call("POST", "/devices/heartbeat", "kiosk", json={"printer_state": "online", "paper": "out"})
    accounts.set_locked("display-1", True)
    accounts.reset_password("staff2", "sementara-99")


def todays_switches(live: LiveServer) -> None:
    """What an office sets on a bad morning: one service closed with a note, one quota raised, one agency
    stopped, a running text for the boards."""
    catalog = live.call("GET", "/catalog", "super").json()
    first, last = catalog["agencies"][0], catalog["agencies"][-1]
    closed, raised = first["services"][0]["id"], first["services"][-1]["id"]
    live.call("PUT", f"/today/services/{closed}/closed", "super", json={"note": "Petugas sedang diklat"})
    live.call("PUT", f"/today/services/{raised}/quota", "super", json={"quota": 150})
    live.call("PUT", f"/today/agencies/{last['id']}/stopped", "super", json={"note": "Server pusat gangguan"})
    live.call("PUT", "/today/running-text", "super",
              json={"text": "Hari ini layanan paspor hanya sampai pukul 12.00"})


def devices_in_the_hall(live: LiveServer) -> None:
    """Two more devices: a kiosk reporting a printer error, and a board enrolled but never heard from."""
    token = live.enroll("kiosk", "Kiosk Pintu Timur")
    requests.post(f"{live.api}/devices/heartbeat", headers=bearer(token), timeout=10,
                  json={"printer_state": "offline", "paper": "near_end", "version": "2.3.0",
                        "last_error": "printer menolak sambungan: periksa kabel LAN dan alamat IP"})
    live.enroll("display", "Papan Lantai 2")


def enrol_code_page(driver: WebDriver, live: LiveServer, name: str, out: Path) -> None:
    """The enrolment form sent, as an admin does: its answer (the code, large, and its QR code) is the shot."""
    driver.get(f"{live.url}/console/devices")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "enrol").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "enrol-code"))
    driver.save_screenshot(str(out))
    print(out)


def audited_changes(live: LiveServer) -> None:
    """What the audit log shows: a supervisor takes over a paused loket, lowers a quota, closes a service
    for today and sets the running text; an officer transfers a ticket with a note; an admin adds a user."""
    catalog = live.call("GET", "/catalog", "kiosk").json()
    services = [s["id"] for a in catalog["agencies"] for s in a["services"]]
    lokets = live.call("GET", "/counters", "display").json()
    live.clock.advance(minutes=3)
    siti = live.login("siti")
    mine = next(c for c in requests.get(f"{live.api}/counters", headers=bearer(siti), timeout=10).json()
                if c["staff"] == "siti")["current_ticket"]
    to = next(s for s in services if s != mine["service_id"])
    requests.post(f"{live.api}/tickets/{mine['id']}/transfer", headers=bearer(siti), timeout=10,
                  json={"service_id": to, "note": "Berkas lengkap, NIK 3604011208900001 sudah dicek"})
    live.clock.advance(minutes=4)
    live.call("POST", f"/counters/{lokets[len(OFFICERS) - 1]['id']}/open", "super",
              json={"reason": "Petugas izin sakit, diganti supervisor"})
    live.call("PUT", "/today/services/ktp-el-rekam/quota", "super", json={"quota": 100})
    live.clock.advance(minutes=6)
    live.call("PUT", f"/today/services/{services[-1]}/closed", "super",
              json={"note": "Petugas instansi rapat di kantor pusat"})
    live.call("PUT", "/today/running-text", "super", json={"text": "Layanan paspor tutup pukul 12.00 hari ini"})
    live.clock.advance(minutes=2)
    live.call("POST", "/staff", "admin", json={"username": "lina", "role": "staff", "display_name": "Lina Marlina"})


def catalog_history(live: LiveServer) -> None:
    """A second catalog version by the admin: a quota raised and a requirement added, so a diff shows."""
    document = live.call("GET", "/catalog/export", "admin").text
    edited = document.replace("quota = 80", "quota = 120", 1)
    requests.post(f"{live.api}/catalog/import", data=edited.encode(), headers=live.headers("admin"), timeout=10)


def survey_answers(live: LiveServer) -> None:
    """Each ticket served this morning answers the SKM survey (one with a comment), and the office's
    follow-up actions: the last semester's, done, and this semester's, under way."""
    db, engine = live.services.db, live.services.engine
    with db.read() as conn:
        served = list(conn.execute(select(tickets.c.code).where(tickets.c.status == "done")).scalars())
    for n, code in enumerate(served):
        scores = [(4, 3, 3, 4, 3, 4, 4, 2, 3), (3, 3, 2, 4, 3, 3, 4, 2, 4), (4, 4, 3, 4, 4, 4, 4, 3, 3)][n % 3]
        answer(engine, code, scores, gender=("perempuan", "laki_laki")[n % 2],
               education=("sma", "s1", "diploma")[n % 3],
               comment="Ruang tunggu sejuk, tapi kotak saran tidak ada." if n == 0 else None)
    first_half = {"period_from": "2026-01-01", "period_to": "2026-06-30", "unsur": "pengaduan", "due": "2026-09-30",
                  "what": "Kotak saran dan nomor WhatsApp pengaduan di tiap loket", "who": "Kepala MPP"}
    done = live.call("POST", "/skm/actions", "super", json=first_half).json()
    live.call("PATCH", f"/skm/actions/{done['id']}", "super", json={"status": "done", "evidence": "Foto kotak saran"})
    now = live.call("POST", "/skm/actions", "super", json={
        "period_from": "2026-07-01", "period_to": "2026-12-31", "unsur": "waktu", "due": "2027-01-31",
        "what": "Tambah petugas rekam KTP-el pada jam sibuk", "who": "Koordinator Dukcapil"}).json()
    live.call("PATCH", f"/skm/actions/{now['id']}", "super", json={"status": "in_progress"})


def sign_in(driver: WebDriver, live: LiveServer, username: str, password: str = PASSWORD) -> None:
    """Signed in afresh as ``username``, keeping the language cookie."""
    driver.delete_cookie("anjungan_console")
    driver.get(f"{live.url}/console/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in-button").click()
    WebDriverWait(driver, 10).until(lambda d: "/console/login" not in d.current_url)


def messages_of_the_morning(live: LiveServer) -> None:
    """A WhatsApp gateway that cannot be reached: two test messages tried until given up, one to come."""
    notifications = live.services.notifications
    notifications.channels["whatsapp"] = FonnteGateway(url="http://127.0.0.1:9/send", token="demo-token")
    for number in ("0812 3456 7890", "0857 1122 3344"):
        live.call("POST", "/notifications/check", "admin", json={"channel": "whatsapp", "recipient": number})
    for _ in range(40):
        live.clock.advance(minutes=2)
        notifications.run()
    live.call("POST", "/notifications/check", "admin", json={"channel": "whatsapp", "recipient": "0813 9988 7766"})


def shoot(driver: WebDriver, live: LiveServer, path: str, out: Path) -> None:
    driver.get(f"{live.url}{path}")
    if driver.find_elements(By.CSS_SELECTOR, "[data-live-url]"):
        WebDriverWait(driver, 10).until(
            lambda d: "on" in (d.find_element(By.ID, "live-state").get_attribute("class") or ""))
    driver.save_screenshot(str(out))
    print(out)


def too_large_page(driver: WebDriver, live: LiveServer, out: Path) -> None:
    """The console's own answer to a form over the body cap: a running text of 70 KB sent from Today."""
    driver.get(f"{live.url}/console/today")
    driver.execute_script("const f = document.getElementById('running-text'); f.removeAttribute('maxlength');"
                          "f.value = 'x'.repeat(70 * 1024);")
    driver.find_element(By.ID, "set-running-text").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "error-title"))
CATALOG_PARTS = ("site", "breaks", "holidays", "agencies", "lokets", "new-service")


def catalog_fault(driver: WebDriver, live: LiveServer, out: Path) -> None:
    """A service's form refused: the quota's reason next to it, in the page's language; nothing stored."""
    driver.get(f"{live.url}/console/catalog/services/ktp-el-rekam")
    quota = driver.find_element(By.ID, "quota")
    quota.clear()
    quota.send_keys("-5")
    driver.find_element(By.ID, "save-service").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "quota-fault"))
    driver.execute_script("document.getElementById('quota-fault').scrollIntoView({block: 'center'})")
    driver.save_screenshot(str(out))
    print(out)


def bookings_of_the_day(live: LiveServer) -> None:
    """Citizens' bookings for this morning, made before the doors open: passport slots from 09.30 (one with a
    WhatsApp number, checked in at the kiosk; one its holder cancelled) and KTP-el enrolment slots."""
    bookings = live.services.engine.bookings
    today = live.services.engine.today(live.services.engine.catalog())
    made = [bookings.make(service_id=service, day=today, slot=slot, nik=f"360401120890{n:04d}",
                          phone="0812 3456 7890" if n == 1 else None, consent=n == 1)
            for n, (service, slot) in enumerate([("paspor", "09:30"), ("paspor", "09:30"), ("paspor", "10:00"),
                                                 ("paspor", "10:30"), ("paspor", "10:30"), ("paspor", "11:00"),
                                                 ("ktp-el-rekam", "09:20"), ("ktp-el-rekam", "09:40"),
                                                 ("ktp-el-rekam", "10:00")], start=1)]
    bookings.cancel(made[4].token)
    live.call("POST", "/bookings/check-in", "kiosk", json={"token": made[0].token},
              headers={"Idempotency-Key": "screenshots-check-in"})


def shoot_at(driver: WebDriver, live: LiveServer, path: str, element: str, out: Path) -> None:
    """A page scrolled to one of its parts (a form's section, a report's chapter)."""
    driver.get(f"{live.url}{path}")
    driver.execute_script(f"document.getElementById('{element}').scrollIntoView({{block: 'start'}})")
    driver.save_screenshot(str(out))
    print(out)


def booking_pages(driver: WebDriver, live: LiveServer, name: str, folder: Path) -> None:
    """The bookings page, a cancel asked again (not sent), and the reports page's bookings (a supervisor)."""
    shoot(driver, live, "/console/bookings", folder / f"console-bookings-{name}.png")
    driver.find_element(By.CSS_SELECTOR, "button[id^='cancel-']").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "confirm-cancel-booking"))
    driver.save_screenshot(str(folder / f"console-bookings-confirm-{name}.png"))
    shoot_at(driver, live, "/console/reports", "bookings", folder / f"console-reports-bookings-{name}.png")


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, live_server(Path(tmp), catalog=DEMO) as live:
        bookings_of_the_day(live)
        busy_morning(live)
        todays_switches(live)
        devices_in_the_hall(live)
        audited_changes(live)
        catalog_history(live)
        messages_of_the_morning(live)
        survey_answers(live)
        driver = chromium_driver(Path(tmp) / "profile")
        floors = iter(range(2, 6))  # a new name for each enrolment shot
        try:
            for lang in ("id", "en"):
                for size, (width, height) in SIZES.items():
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": size == "phone"})
                    name = f"{lang}-{size}"
                    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
                    driver.get(f"{live.url}/console/lang/{lang}?next=/console/login")
                    shoot(driver, live, "/console/login", folder / f"console-login-{name}.png")
                    sign_in(driver, live, "super")
                    shoot(driver, live, "/console/hall", folder / f"console-hall-{name}.png")
                    shoot(driver, live, "/console/hall/lokets/1", folder / f"console-loket-{name}.png")
                    shoot(driver, live, "/console/today", folder / f"console-today-{name}.png")
                    shoot(driver, live, "/console/audit", folder / f"console-audit-{name}.png")
                    shoot(driver, live, "/console/skm", folder / f"console-skm-{name}.png")
                    shoot(driver, live, "/console/reports", folder / f"console-reports-{name}.png")
                    booking_pages(driver, live, name, folder)
                    sign_in(driver, live, "siti")
                    shoot(driver, live, "/console/me", folder / f"console-my-day-{name}.png")
                    shoot(driver, live, "/console/hall", folder / f"console-forbidden-{name}.png")
                    sign_in(driver, live, "staff2", "sementara-99")
                    shoot(driver, live, "/console/password", folder / f"console-password-{name}.png")
                    sign_in(driver, live, "admin")
                    shoot(driver, live, "/console/staff", folder / f"console-staff-{name}.png")
                    shoot(driver, live, "/console/staff/rina", folder / f"console-staff-user-{name}.png")
                    driver.find_element(By.ID, "reset-password").click()
                    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "confirm-reset"))
                    driver.save_screenshot(str(folder / f"console-staff-confirm-{name}.png"))
                    driver.find_element(By.ID, "confirm-reset").click()
                    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "one-time-password"))
                    driver.save_screenshot(str(folder / f"console-staff-password-{name}.png"))
                    shoot(driver, live, "/console/devices", folder / f"console-devices-{name}.png")
                    shoot(driver, live, "/console/devices/1", folder / f"console-device-{name}.png")
                    enrol_code_page(driver, live, f"Kiosk Lantai {next(floors)}", folder / f"console-enrol-{name}.png")
                    shoot(driver, live, "/console/catalog", folder / f"console-catalog-{name}.png")
                    shoot(driver, live, "/console/catalog/versions/2", folder / f"console-catalog-version-{name}.png")
                    shoot(driver, live, "/console/catalog/services/ktp-el-rekam",
                          folder / f"console-catalog-service-{name}.png")
                    shoot(driver, live, "/console/notifications", folder / f"console-notifications-{name}.png")
                    too_large_page(driver, live, folder / f"console-too-large-{name}.png")
                    for part in CATALOG_PARTS:
                        shoot(driver, live, f"/console/catalog/{part}", folder / f"console-catalog-{part}-{name}.png")
                    catalog_fault(driver, live, folder / f"console-catalog-fault-{name}.png")
                    shoot_at(driver, live, "/console/catalog/services/paspor", "booking",
                             folder / f"console-catalog-booking-{name}.png")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
