"""The devices page in a real browser against the real server: an admin enrols a kiosk, the code is read
off the page (its QR code decoded from what chromium drew) and a real kiosk's setup enrols with it; the
kiosk's heartbeat shows on the page and a supervisor locks and unlocks it there; a name taken, replace,
rename, a revoke asked twice, forged forms, markup in a device name, and what a supervisor may not do."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import requests
from pytestqt.qtbot import QtBot

from core.config import DeviceConfig, load_config
from core.technician_pin import hash_pin
from tests.console.conftest import Browser
from tests.setup.conftest import (  # noqa: F401 - the technician mode's fixtures, for the real kiosk's setup
    config_path,
    device_window,
    fake_time,
    make_mode,
    tap,
    translations,
    unlock,
)
from tests.support.kiosk import TEST_TIMINGS, start_kiosk
from tests.support.printer import decode_qr
from tests.support.server import LiveServer

PIN = hash_pin("2468")
FAST = replace(TEST_TIMINGS, heartbeat_interval_ms=600, printer_poll_ms=150)
XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=1">'
WAIT_MS = 10_000


def _device(server: LiveServer, name: str) -> dict | None:
    return next((d for d in server.call("GET", "/devices", "super").json() if d["name"] == name), None)


def _live(browser: Browser) -> None:
    """Until the page's event stream is open and its list fetched once: then it is replaced only on an event."""
    browser.until(lambda: "on" in (browser.find("#live-state").get_attribute("class") or "")
                  and int(browser.find("#devices-box").get_attribute("data-updates") or 0) >= 1)


def _enrol_in_console(browser: Browser, name: str, kind: str = "kiosk") -> None:
    browser.open("/console/devices")
    browser.find(f"#kind option[value='{kind}']").click()
    browser.find("#name").send_keys(name)
    browser.submit("#enrol")


def test_a_kiosk_enrolled_from_the_console_runs_and_a_supervisor_locks_it_there(
        browser: Browser, qtbot: QtBot, make_mode, config_path: Path, tmp_path: Path) -> None:  # noqa: F811
    """GIVEN an admin on the devices page
    WHEN they enrol "Kiosk Pintu Timur" and a technician scans the QR code into a real kiosk's setup
    THEN the kiosk gets its token and runs; the page shows its heartbeat and version; a supervisor locks it
    from its page and the kiosk goes out of service, and back when unlocked."""
    server = browser.server
    browser.sign_in("admin")
    browser.find("nav a[href='/console/devices']").click()
    browser.until(lambda: browser.path() == "/console/devices")
    _enrol_in_console(browser, "Kiosk Pintu Timur")
    assert browser.text("h1") == "Kode pendaftaran Kiosk Pintu Timur"
    code = browser.text("#enrol-code")
    assert code and browser.text("#code-once") == "Kode ini tidak akan ditampilkan lagi."
    assert browser.text("#code-expiry").startswith("Berlaku sampai ") and "WIB" in browser.text("#code-expiry")
    assert code not in browser.driver.current_url
    picture = tmp_path / "qr.png"
    qr = browser.find("#enrol-qr")
    # Wholly on screen first: a taller bar (more pages in it) pushes the QR past the window's edge, and an
    # element's screenshot keeps only its part in view.
    browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", qr)
    picture.write_bytes(qr.screenshot_as_png)
    assert decode_qr(picture) == [code]

    mode = make_mode(DeviceConfig(server_url=server.url, technician_pin_hash=PIN))
    unlock(qtbot, mode)
    page = mode.window.setup.show_page("ServerPage")
    page.code_edit.setText(decode_qr(picture)[0])
    tap(qtbot, page.enroll_button)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
    assert "Token disimpan" in page.code_field.error_text()
    server.tokens["kiosk"] = load_config(config_path).token
    kiosk = start_kiosk(qtbot, server, printer_spec=None, timings=FAST)
    try:
        qtbot.waitUntil(lambda: bool((_device(server, "Kiosk Pintu Timur") or {}).get("version")), timeout=WAIT_MS)
        device = _device(server, "Kiosk Pintu Timur")
        browser.open("/console/devices")
        row = f"#device-{device['id']}"
        assert browser.text(f"{row} .device-state") == "baik"
        assert browser.text(f"{row} .last-seen").endswith(" WIB")
        assert device["version"] in browser.text(row)

        browser.submit("#sign-out")
        browser.sign_in("super")
        browser.open("/console/devices")
        _live(browser)
        browser.find(f"{row} a").click()
        browser.until(lambda: browser.path() == f"/console/devices/{device['id']}")
        browser.submit("#lock")
        assert browser.text("#notice") == "Kiosk Pintu Timur dikunci."
        assert "dikunci" in browser.text(f"{row} .device-state")
        qtbot.waitUntil(lambda: kiosk.screen() == "out_of_service", timeout=WAIT_MS)
        browser.open(f"/console/devices/{device['id']}")
        browser.submit("#unlock")
        assert browser.text("#notice") == "Kunci Kiosk Pintu Timur dibuka."
        qtbot.waitUntil(lambda: kiosk.screen() == "home", timeout=WAIT_MS)
    finally:
        kiosk.stop()


def test_a_name_in_use_is_refused_with_what_was_typed_unless_replace_is_asked(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    _enrol_in_console(browser, "kiosk-1")
    assert browser.text("#problem").startswith("Sudah ada perangkat bernama kiosk-1")
    assert browser.find("#name").get_attribute("value") == "kiosk-1"
    assert _device(server, "kiosk-1")["enrol_code_expires_at"] is None
    browser.find("#replace").click()
    browser.submit("#enrol")
    assert browser.text("#replaces") == ("Perangkat yang sekarang bernama kiosk-1 berhenti bekerja begitu kode ini "
                                         "dipakai.")
    assert _device(server, "kiosk-1")["enrol_code_expires_at"] is not None
    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Devices")
    browser.find("#name").send_keys("display-1")
    browser.submit("#enrol")
    assert browser.text("#problem").startswith("A device is named display-1 already")


def test_an_admin_renames_and_revokes_a_device_asked_twice(browser: Browser) -> None:
    server = browser.server
    token = server.enroll("kiosk", "kiosk-lama")
    device = _device(server, "kiosk-lama")
    browser.sign_in("admin")
    browser.open(f"/console/devices/{device['id']}")
    assert browser.text("#device-state") == "belum pernah mengirim kabar"
    browser.find("#name").clear()
    browser.find("#name").send_keys("display-1")
    browser.submit("#rename")
    assert browser.text("#problem").startswith("Sudah ada perangkat bernama display-1")
    assert browser.find("#name").get_attribute("value") == "display-1"
    browser.find("#name").clear()
    browser.find("#name").send_keys("Kiosk Lantai 2")
    browser.submit("#rename")
    assert browser.text("#notice") == "Nama disimpan: Kiosk Lantai 2."
    assert _device(server, "Kiosk Lantai 2")["id"] == device["id"]

    browser.open(f"/console/devices/{device['id']}")
    browser.submit("#revoke")
    assert browser.text("#revoke-warning").startswith("Cabut Kiosk Lantai 2?")
    assert _device(server, "Kiosk Lantai 2")["revoked"] is False
    browser.find("#revoke-cancel").click()
    browser.until(lambda: browser.finds("#revoke-form"))
    browser.submit("#revoke")
    browser.submit("#revoke-confirm")
    assert browser.text("#notice") == "Kiosk Lantai 2 dicabut."
    assert _device(server, "Kiosk Lantai 2")["revoked"] is True
    r = requests.get(f"{server.api}/catalog", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401


def test_a_device_name_holding_markup_is_shown_as_text(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    _enrol_in_console(browser, XSS)
    assert browser.text("h1") == f"Kode pendaftaran {XSS}"
    code = browser.text("#enrol-code")
    token = requests.post(f"{server.api}/devices/enroll", json={"code": code}, timeout=10).json()["token"]
    beat = requests.post(f"{server.api}/devices/heartbeat", headers={"Authorization": f"Bearer {token}"},
                         json={"version": XSS[:40], "last_error": XSS}, timeout=10)
    assert beat.status_code == 200, beat.text
    device = _device(server, XSS)
    browser.open("/console/devices")
    assert browser.text(f"#device-{device['id']} .name") == XSS
    assert browser.text(f"#device-{device['id']} .last-error") == XSS
    browser.open(f"/console/devices/{device['id']}")
    assert browser.find("#name").get_attribute("value") == XSS
    assert browser.driver.execute_script("return window.__xss") is None
    assert not browser.finds("img[src=x]")


def test_a_forged_lock_is_refused_and_changes_nothing(browser: Browser) -> None:
    server = browser.server
    device = _device(server, "kiosk-1")
    browser.sign_in("super")
    for forge in ("document.querySelector('#lock-form input[name=csrf]').value = 'salah'",
                  "document.querySelector('#lock-form input[name=csrf]').remove()"):
        browser.open(f"/console/devices/{device['id']}")
        browser.driver.execute_script(forge)
        browser.submit("#lock")
        assert browser.text("#error-title") == "Formulir ditolak"
        assert _device(server, "kiosk-1")["locked"] is False


def _post_as_the_page(browser: Browser, action: str, fields: dict[str, str]) -> None:
    """A form the page does not offer, sent with the page's own CSRF mark: only the role stops it."""
    browser.driver.execute_script(
        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
        "const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = n;"
        " i.value = v; f.appendChild(i); };"
        "add('csrf', document.querySelector('input[name=csrf]').value);"
        "for (const [n, v] of Object.entries(arguments[1])) add(n, v);"
        "document.body.appendChild(f); f.submit();", action, fields)


def test_a_supervisor_sees_the_devices_but_not_the_admins_forms(browser: Browser) -> None:
    server = browser.server
    device = _device(server, "kiosk-1")
    browser.sign_in("super")
    assert "Perangkat" in [a.text for a in browser.finds("nav a")]
    browser.open("/console/devices")
    assert browser.finds(f"#device-{device['id']}") and not browser.finds("#enrol-form")
    browser.open(f"/console/devices/{device['id']}")
    assert browser.finds("#lock-form") and not browser.finds("#rename-form") and not browser.finds("#revoke-form")
    for action, fields in (("/console/devices", {"kind": "kiosk", "name": "Kiosk Gelap"}),
                           (f"/console/devices/{device['id']}/revoke", {"confirm": "yes"}),
                           (f"/console/devices/{device['id']}/name", {"name": "Nama Lain"})):
        browser.open(f"/console/devices/{device['id']}")
        old = browser.find("html")
        _post_as_the_page(browser, action, fields)
        browser.until(lambda old=old: _gone(old))
        assert browser.text("#error-title") == "Tidak diizinkan"
    assert _device(server, "Kiosk Gelap") is None
    assert _device(server, "kiosk-1")["revoked"] is False


def _gone(element) -> bool:
    try:
        element.tag_name  # noqa: B018 - reading it is the test: a replaced page raises
    except Exception:  # noqa: BLE001 - selenium's StaleElementReferenceException and kin
        return True
    return False


def test_an_open_devices_page_follows_a_lock_made_elsewhere_without_a_reload(browser: Browser) -> None:
    server = browser.server
    device = _device(server, "kiosk-1")
    browser.sign_in("super")
    browser.open("/console/devices")
    _live(browser)
    browser.driver.execute_script("window.__same_page = 1")
    assert "dikunci" not in browser.text(f"#device-{device['id']} .device-state")
    assert server.call("POST", f"/devices/{device['id']}/lock", "admin").status_code == 200
    browser.until(lambda: "dikunci" in browser.text(f"#device-{device['id']} .device-state"), timeout=5)
    assert browser.driver.execute_script("return window.__same_page") == 1


def test_a_silent_kiosk_says_for_how_long_and_its_reported_state_in_the_pages_words(browser: Browser) -> None:
    server = browser.server
    beat = server.call("POST", "/devices/heartbeat", "kiosk",
                       json={"version": "2.3.0", "printer_state": "offline", "paper": "near_end"})
    assert beat.status_code == 200, beat.text
    device = _device(server, "kiosk-1")
    server.clock.advance(minutes=7, seconds=10)
    browser.sign_in("super")
    browser.open("/console/devices")
    row = f"#device-{device['id']}"
    assert browser.text(f"{row} .device-state") == "diam 7 menit"
    assert "terputus" in browser.text(row) and "hampir habis" in browser.text(row) and "2.3.0" in browser.text(row)
    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Devices")
    assert browser.text(f"{row} .device-state") == "silent for 7 min"
    assert "offline" in browser.text(row) and "running low" in browser.text(row)


def test_an_admin_enrols_a_survey_tablet_which_the_page_lists_and_which_reaches_the_survey(browser: Browser) -> None:
    """GIVEN an admin on the devices page WHEN they enrol "Tablet Loket 2" as a survey tablet and the tablet
    enrols with the code THEN the page lists it as a survey tablet, and its token opens the loket's survey."""
    server = browser.server
    browser.sign_in("admin")
    _enrol_in_console(browser, "Tablet Loket 2", kind="survey")
    assert browser.text("h1") == "Kode pendaftaran Tablet Loket 2"
    assert "Tablet survei" in browser.text("main")
    r = requests.post(f"{server.api}/devices/enroll", json={"code": browser.text("#enrol-code")}, timeout=10)
    assert r.status_code == 200 and r.json()["device"]["kind"] == "survey", r.text
    device = _device(server, "Tablet Loket 2")
    browser.open("/console/devices")
    assert "Tablet survei" in browser.text(f"#device-{device['id']}")
    r = requests.get(f"{server.api}/survey/loket/2", timeout=10,
                     headers={"Authorization": f"Bearer {r.json()['token']}"})
    assert (r.status_code, r.json()["error"]["code"]) == (404, "survey_none_at_loket")
