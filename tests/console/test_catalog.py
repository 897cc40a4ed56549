"""The catalog page in a real browser (admin): a service's quota edited and seen in /api/v1/catalog, a value
refused next to its field with nothing changed, an earlier version restored after a confirm step, a TOML file
uploaded with its faults listed, the export read back, a prefix change refused while today's tickets carry
it, a forged form refused, typed markup shown as text, and a supervisor kept out."""

from __future__ import annotations

import copy
from pathlib import Path

import requests

from server.catalog import load_catalog_bytes, load_catalog_file
from server.catalog_toml import dumps
from tests.console.conftest import Browser
from tests.support.server import TEST_CATALOG, LiveServer

XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=1">'


def _doc() -> dict:
    return copy.deepcopy(dict(load_catalog_file(TEST_CATALOG).document))


def _service(doc: dict, sid: str) -> dict:
    return next(s for a in doc["agencies"] for s in a["services"] if s["id"] == sid)


def _api_service(server: LiveServer, sid: str) -> dict:
    agencies = server.call("GET", "/catalog", "kiosk").json()["agencies"]
    return next(s for a in agencies for s in a["services"] if s["id"] == sid)


def _versions(server: LiveServer) -> list[dict]:
    return server.call("GET", "/catalog/versions", "admin").json()


def _type(browser: Browser, css: str, value: str) -> None:
    field = browser.find(css)
    field.clear()
    field.send_keys(value)


def _edit(browser: Browser, sid: str, **values: str) -> None:
    browser.open(f"/console/catalog/services/{sid}")
    for field, value in values.items():
        _type(browser, f"#{field}", value)
    browser.submit("#save-service")


def test_an_admin_edits_a_services_quota_and_the_api_serves_it(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog")
    assert browser.text("#service-kk .quota") == "2000"
    browser.find("#service-kk a.action").click()
    browser.until(lambda: browser.path() == "/console/catalog/services/kk")
    assert browser.find("#quota").get_attribute("value") == "2000"
    _type(browser, "#quota", "60")
    browser.submit("#save-service")
    assert browser.path() == "/console/catalog?done=saved&version=2"
    assert browser.text("#notice") == "Tersimpan sebagai versi 2."
    assert browser.text("#service-kk .quota") == "60"
    assert _api_service(server, "kk")["quota"] == 60
    assert browser.text("#version-2 .who") == "admin" and browser.text("#version-1 .who") == "cli"
    browser.find("#version-2 a.action").click()
    browser.until(lambda: browser.path() == "/console/catalog/versions/2")
    assert browser.text("#change-service-kk") == "Layanan kk: diubah\nkuota: 2000 → 60"


def test_an_invalid_value_is_refused_next_to_its_field_and_nothing_changes(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    _edit(browser, "kk", quota="-5", name="Kartu Keluarga Baru")
    assert browser.text("#quota-fault") == "harus bilangan bulat dari 0 sampai 1000000, tertulis -5"
    assert browser.find("#quota").get_attribute("value") == "-5"
    assert browser.find("#name").get_attribute("value") == "Kartu Keluarga Baru"
    assert browser.find("#quota").get_attribute("aria-invalid") == "true"
    _type(browser, "#quota", "banyak")
    browser.submit("#save-service")
    assert browser.text("#quota-fault") == "Isi dengan bilangan bulat, misalnya 40."
    _type(browser, "#quota", "100")
    _type(browser, "#mean_service_minutes", "0")
    browser.submit("#save-service")
    assert browser.text("#mean_service_minutes-fault") == "harus angka di atas 0 dan paling besar 1440, tertulis 0"
    assert not browser.finds("#quota-fault")
    assert len(_versions(server)) == 1
    assert _api_service(server, "kk")["name"] == "Kartu Keluarga"


def test_an_earlier_version_is_restored_after_a_confirm_step(browser: Browser) -> None:
    server = browser.server
    doc = _doc()
    _service(doc, "kk")["quota"] = 10
    r = server.http.post(f"{server.api}/catalog/import", data=dumps(doc).encode(), headers=server.headers("admin"))
    assert r.status_code == 201
    browser.sign_in("admin")
    browser.open("/console/catalog/versions/1")
    browser.find("#restore").click()
    browser.until(lambda: browser.path() == "/console/catalog/versions/1/restore")
    assert browser.text("#change-service-kk") == "Layanan kk: diubah\nkuota: 10 → 2000"
    assert _api_service(server, "kk")["quota"] == 10  # the confirm page changes nothing
    browser.submit("#confirm-restore")
    assert browser.path() == "/console/catalog?done=restored&version=3"
    assert browser.text("#notice") == "Dipulihkan sebagai versi 3."
    assert _api_service(server, "kk")["quota"] == 2000
    assert browser.text("#version-3 .source") == "restored from version 1"


def test_a_bad_catalog_file_is_refused_with_its_field_and_reason(browser: Browser, tmp_path: Path) -> None:
    server = browser.server
    doc = _doc()
    _service(doc, "ktp")["mean_service_minutes"] = "sepuluh"
    bad = tmp_path / "salah.toml"
    bad.write_text(dumps(doc), encoding="utf-8")
    browser.sign_in("admin")
    browser.open("/console/catalog")
    browser.find("#import-file").send_keys(str(bad))
    browser.submit("#import-button")
    assert browser.text("#problem-fields .field") == "agencies[0].services[0].mean_service_minutes"
    assert browser.text("#problem-fields .reason") == "harus angka di atas 0 dan paling besar 1440, tertulis 'sepuluh'"
    assert len(_versions(server)) == 1
    good = tmp_path / "benar.toml"
    _service(doc, "ktp")["mean_service_minutes"] = 12
    good.write_text(dumps(doc), encoding="utf-8")
    browser.find("#import-file").send_keys(str(good))
    browser.submit("#import-button")
    assert browser.text("#notice") == "Tersimpan sebagai versi 2."
    assert _versions(server)[0]["source"] == "benar.toml"


def test_the_exported_file_reads_back_as_the_catalog_in_use(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog")
    link = browser.find("#export")
    assert link.get_attribute("href") == f"{server.url}/console/catalog/export"
    r = requests.get(link.get_attribute("href"), cookies={"anjungan_console": browser.session_cookie() or ""},
                     timeout=10)
    assert r.status_code == 200 and r.headers["content-disposition"] == 'attachment; filename="catalog-v1.toml"'
    assert load_catalog_bytes(r.content, "export").document == load_catalog_file(TEST_CATALOG).document


def test_a_prefix_change_is_refused_while_todays_tickets_carry_it(browser: Browser) -> None:
    server = browser.server
    assert server.issue("kk").status_code == 201
    browser.sign_in("admin")
    _edit(browser, "kk", prefix="K")
    assert browser.text("#prefix-fault") == (
        "Layanan kk sudah mengeluarkan tiket hari ini dengan awalan B: awalannya baru bisa diganti besok. "
        "Tidak ada yang diubah.")
    assert browser.find("#prefix").get_attribute("value") == "K"
    assert _api_service(server, "kk")["prefix"] == "B" and len(_versions(server)) == 1
    _edit(browser, "ktp", prefix="K")  # no ticket of ktp today: its prefix may change
    assert _api_service(server, "ktp")["prefix"] == "K"


def test_a_forged_form_is_refused_and_changes_nothing(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/services/kk")
    _type(browser, "#quota", "1")
    browser.driver.execute_script("document.querySelector('#service-form input[name=csrf]').value = 'palsu'")
    browser.submit("#save-service")
    assert browser.text("#error-title") == "Formulir ditolak"
    assert _api_service(server, "kk")["quota"] == 2000 and len(_versions(server)) == 1


def test_a_service_name_with_markup_is_shown_as_text_on_the_catalog_and_the_hall(browser: Browser) -> None:
    browser.sign_in("admin")
    _edit(browser, "kk", name=XSS)
    assert browser.path() == "/console/catalog?done=saved&version=2"
    assert browser.text("#service-kk .name") == XSS
    browser.find("#version-2 a.action").click()
    browser.until(lambda: browser.path() == "/console/catalog/versions/2")
    assert XSS in browser.text("#change-service-kk")
    browser.open("/console/catalog/services/kk")
    assert browser.find("#name").get_attribute("value") == XSS
    browser.open("/console/hall")
    assert XSS in browser.text("#service-kk td:first-child")
    assert browser.driver.execute_script("return window.__xss") is None
    assert not browser.finds("img[src=x]")


def test_a_supervisor_is_refused_the_catalog_and_not_shown_it(browser: Browser) -> None:
    browser.sign_in("super")
    assert not browser.finds("nav a[href='/console/catalog']")
    for path in ("/console/catalog", "/console/catalog/services/kk", "/console/catalog/versions/1"):
        browser.open(path)
        assert browser.text("#error-title") == "Tidak diizinkan"
    browser.submit("#sign-out")
    browser.sign_in("admin")
    assert browser.finds("nav a[href='/console/catalog']")


def test_a_services_own_opening_hours_are_set_and_a_wrong_one_is_refused_next_to_its_day(browser: Browser) -> None:
    """The test clock is a Monday, 09.00 WIB: hours of its own that close at 12.00 show on the kiosks' catalog."""
    server = browser.server
    before = _api_service(server, "kk")["closes_at"]
    browser.sign_in("admin")
    browser.open("/console/catalog/services/kk")
    assert browser.find("#use_site_hours").is_selected()
    assert browser.find("#hours_mon").get_attribute("value") == "08.00-15.00"
    assert browser.find("#hours_sat").get_attribute("value") == ""
    browser.find("#use_site_hours").click()
    _type(browser, "#hours_mon", "08.00-25.00")
    browser.submit("#save-service")
    assert browser.text("#hours_mon-fault") == "bukan rentang jam JJ.MM-JJ.MM yang mulai sebelum selesai: '08.00-25.00'"
    assert browser.find("#hours_mon").get_attribute("aria-invalid") == "true"
    assert not browser.find("#use_site_hours").is_selected()
    assert len(_versions(server)) == 1
    _type(browser, "#hours_mon", "08.00-12.00")
    _type(browser, "#cutoff_minutes", "300")
    browser.submit("#save-service")
    assert browser.text("#cutoff_minutes-fault").startswith(
        "batas akhir 300 menit tidak lebih pendek dari jam buka hari mon (08.00-12.00)")
    assert browser.find("#hours_mon").get_attribute("value") == "08.00-12.00"
    _type(browser, "#cutoff_minutes", "15")
    browser.submit("#save-service")
    assert browser.path() == "/console/catalog?done=saved&version=2"
    after = _api_service(server, "kk")["closes_at"]
    assert (before, after) == ("14.30 WIB", "11.45 WIB")


def test_a_form_opened_before_another_admins_save_is_refused_and_stores_nothing(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/services/kk")
    doc = _doc()
    _service(doc, "ktp")["quota"] = 7
    r = server.http.post(f"{server.api}/catalog/import", data=dumps(doc).encode(), headers=server.headers("admin"))
    assert r.status_code == 201
    _type(browser, "#quota", "55")
    browser.submit("#save-service")
    assert browser.text("#problem") == (
        "Katalog diubah orang lain sementara itu (sekarang versi 2). Tidak ada yang disimpan: muat ulang halaman "
        "ini, lalu ulangi perubahan Anda.")
    assert len(_versions(server)) == 2
    assert (_api_service(server, "kk")["quota"], _api_service(server, "ktp")["quota"]) == (2000, 7)
