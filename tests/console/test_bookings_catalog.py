"""A service's booking rules in its catalog form, in a real browser against the real server (admin): switched on
for KTP with the suggested rules and seen by the kiosks (``bookable``), each rule's fault next to its field in
Indonesian and English with what was typed kept (a word, a value out of range, a week's limit below the day's),
switched off for Paspor, and a forged form refused."""

from __future__ import annotations

import requests

from core.booking import BookingRules
from tests.console.conftest import Browser
from tests.console.test_catalog import _api_service, _type
from tests.support.server import LiveServer


def _rules(server: LiveServer, sid: str) -> BookingRules | None:
    rules: BookingRules | None = server.services.engine.catalog().services[sid].booking
    return rules


def _sources(server: LiveServer) -> list[str]:
    entries = server.call("GET", "/audit", "admin", params={"kind": "catalog.saved"}).json()["entries"]
    return [str(e["detail"].get("source")) for e in entries]


def test_bookings_switched_on_with_the_suggested_rules_then_off(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/services/ktp")
    assert not browser.find("#booking_on").is_selected()
    assert browser.find("#booking_slot_minutes").get_attribute("value") == "30"
    assert browser.text("label[for=booking_walk_in_percent]") == "bagian kuota harian untuk tanpa booking (%)"
    browser.find("#booking_on").click()
    _type(browser, "#booking_per_slot", "6")
    _type(browser, "#booking_late_minutes", "")  # blank: the catalog's default
    browser.submit("#save-service")

    assert browser.path() == "/console/catalog?done=saved&version=2"
    assert browser.text("#bookable-ktp") == "menerima booking" and browser.finds("#bookable-paspor")
    assert _rules(server, "ktp") == BookingRules(slot_minutes=30, per_slot=6, days_ahead=14, walk_in_percent=50,
                                                 early_minutes=60, late_minutes=15, per_nik_day=1, per_nik_week=2)
    assert _api_service(server, "ktp")["bookable"] is True
    assert "console: service ktp" in _sources(server)

    browser.open("/console/catalog/services/paspor")
    assert browser.find("#booking_on").is_selected()
    browser.find("#booking_on").click()
    browser.submit("#save-service")
    assert browser.path() == "/console/catalog?done=saved&version=3"
    assert _rules(server, "paspor") is None and _api_service(server, "paspor")["bookable"] is False
    assert not browser.finds("#bookable-paspor")


def test_each_fault_is_next_to_its_field_in_either_language_and_nothing_is_saved(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/services/paspor")
    _type(browser, "#booking_per_slot", "empat")
    browser.submit("#save-service")
    assert browser.text("#booking_per_slot-fault") == "Isi dengan bilangan bulat, misalnya 40."
    assert browser.find("#booking_per_slot").get_attribute("value") == "empat"

    _type(browser, "#booking_per_slot", "4")
    _type(browser, "#booking_per_nik_week", "0")
    browser.submit("#save-service")
    assert "per_nik_week" not in browser.text("#booking_per_nik_week-fault")
    assert browser.find("#booking_per_nik_week").get_attribute("aria-invalid") == "true"
    assert browser.find("#booking_per_nik_week").get_attribute("value") == "0"

    browser.open("/console/lang/en?next=/console/catalog/services/paspor")
    _type(browser, "#booking_per_nik_day", "3")
    _type(browser, "#booking_per_nik_week", "2")
    browser.submit("#save-service")
    assert browser.text("#booking_per_nik_week-fault") == "the limit a week (2) is below the limit a day (3)"
    assert browser.text("#faults") and browser.find("#booking_on").is_selected()
    assert _rules(server, "paspor") == BookingRules(30, 4, 14, 50)
    assert [v["id"] for v in server.call("GET", "/catalog/versions", "admin").json()] == [1]


def test_a_forged_form_changes_no_rule(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    cookies = {c["name"]: c["value"] for c in browser.driver.get_cookies()}
    r = requests.post(f"{server.url}/console/catalog/services/paspor", cookies=cookies, timeout=10,
                      data={"csrf": "forged", "based_on": "1", "booking_per_slot": "400"},
                      headers={"Origin": server.url}, allow_redirects=False)
    assert r.status_code == 403
    assert _rules(server, "paspor") == BookingRules(30, 4, 14, 50)
