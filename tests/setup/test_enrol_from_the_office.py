"""A kiosk enrolled with a code the office made through the API (``POST /api/v1/devices``, as the console
does): the technician types the code into the kiosk's setup, the real kiosk then runs on the token it
got, the office sees it under the name it chose, and a supervisor's lock takes it out of service."""

from __future__ import annotations

from dataclasses import replace

from core.config import DeviceConfig, load_config
from core.technician_pin import hash_pin
from tests.setup.conftest import tap, unlock
from tests.support.kiosk import TEST_TIMINGS, start_kiosk

PIN = hash_pin("2468")
FAST = replace(TEST_TIMINGS, heartbeat_interval_ms=600, printer_poll_ms=150)
NAME = "Kiosk Pintu Timur"


def test_a_kiosk_enrolled_with_a_code_made_through_the_api_runs_and_is_locked_from_the_office(
        qtbot, server, make_mode, config_path):
    r = server.call("POST", "/devices", "admin", json={"kind": "kiosk", "name": NAME})
    assert r.status_code == 201, r.text
    made = r.json()

    mode = make_mode(DeviceConfig(server_url=server.url, technician_pin_hash=PIN))
    unlock(qtbot, mode)
    page = mode.window.setup.show_page("ServerPage")
    page.code_edit.setText(made["scan_text"])
    tap(qtbot, page.enroll_button)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    assert "Token disimpan" in page.code_field.error_text()
    token = load_config(config_path).token
    assert token.startswith("dev_")

    server.tokens["kiosk"] = token  # the real kiosk below runs on the token the setup saved
    kiosk = start_kiosk(qtbot, server, printer_spec=None, timings=FAST)
    try:
        def office_sees_it() -> dict | None:
            listed = {d["name"]: d for d in server.call("GET", "/devices", "super").json()}
            seen = listed.get(NAME)
            return seen if seen and seen["enrolled"] and seen["last_seen_at"] and seen["version"] else None

        qtbot.waitUntil(lambda: office_sees_it() is not None, timeout=10_000)
        assert office_sees_it()["id"] == made["device"]["id"]

        r = server.call("POST", f"/devices/{made['device']['id']}/lock", "super")
        assert r.status_code == 200, r.text
        qtbot.waitUntil(lambda: kiosk.screen() == "out_of_service", timeout=10_000)
        assert server.call("POST", f"/devices/{made['device']['id']}/unlock", "super").status_code == 200
        qtbot.waitUntil(lambda: kiosk.screen() == "home", timeout=10_000)
    finally:
        kiosk.stop()
