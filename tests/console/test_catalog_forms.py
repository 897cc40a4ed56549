"""The catalog's forms for each part, in a real browser against the real server (admin): a holiday added and the
kiosks refused that day, a loket added serving two services and seen in /api/v1/catalog, a service added and
deleted, a service with a ticket today kept with the reason next to the button in Indonesian and English, a
field's fault next to it in both languages, a forged form refused, and typed markup shown as text everywhere."""

from __future__ import annotations

from tests.console.conftest import Browser
from tests.console.test_catalog import XSS, _api_service, _type, _versions
from tests.support.server import LiveServer

TODAY = "2026-11-23"  # the test clock's Monday


def _audit_sources(server: LiveServer) -> list[str]:
    entries = server.call("GET", "/audit", "admin", params={"kind": "catalog.saved"}).json()["entries"]
    return [str(e["detail"].get("source")) for e in entries]


def _english(browser: Browser, then: str) -> None:
    browser.open(f"/console/lang/en?next={then}")


def test_a_holiday_added_today_closes_every_kiosk_and_is_listed_in_date_order(browser: Browser) -> None:
    server = browser.server
    assert server.issue("kk").status_code == 201
    browser.sign_in("admin")
    browser.open("/console/catalog/holidays")
    browser.driver.execute_script(f"document.querySelector('#holiday-date').value = '{TODAY}'")
    _type(browser, "#holiday-name", "Libur Daerah")
    browser.submit("#add-holiday")
    assert browser.path() == "/console/catalog/holidays?done=saved&version=2"
    assert browser.text(f"#holiday-{TODAY} .name") == "Libur Daerah"
    dates = [row.get_attribute("id") for row in browser.finds("table.holidays tbody tr")]
    assert dates == sorted(dates) and dates[0] == f"holiday-{TODAY}"
    refused = server.issue("kk")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "holiday"
    assert "console: holidays" in _audit_sources(server)
    browser.find(f"#holiday-{TODAY} button.remove").click()
    browser.until(lambda: browser.path() == "/console/catalog/holidays?done=saved&version=3")
    assert not browser.finds(f"#holiday-{TODAY}")
    assert server.issue("kk").status_code == 201


def test_a_loket_added_serving_two_services_is_in_the_kiosks_catalog(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/lokets")
    _type(browser, "#loket-new-id", "7")
    _type(browser, "#loket-new-name", "Loket Tujuh")
    browser.find("#loket-new-serve_ktp").click()
    browser.find("#loket-new-serve_paspor").click()
    browser.submit("#add-loket")
    assert browser.path() == "/console/catalog/lokets?done=saved&version=2"
    assert browser.find("#loket-7-serve_ktp").is_selected() and browser.find("#loket-7-serve_paspor").is_selected()
    assert not browser.find("#loket-7-serve_kk").is_selected()
    assert "Loket Tujuh" in _api_service(server, "ktp")["lokets"]
    assert "Loket Tujuh" in _api_service(server, "paspor")["lokets"]
    assert "Loket Tujuh" not in _api_service(server, "kk")["lokets"]
    assert any(c["id"] == 7 for c in server.call("GET", "/counters", "display").json())
    browser.find("#loket-7 button.retire").click()
    browser.until(lambda: browser.path() == "/console/catalog/lokets?done=saved&version=3")
    assert not browser.finds("#loket-7") and "Loket Tujuh" not in _api_service(server, "ktp")["lokets"]
    assert all(c["id"] != 7 for c in server.call("GET", "/counters", "display").json())


def test_a_service_is_added_under_its_agency_then_deleted(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/agencies")
    browser.find("#agency-1 a.add-service").click()
    browser.until(lambda: browser.path() == "/console/catalog/new-service?agency=imigrasi")
    _type(browser, "#id", "visa")
    _type(browser, "#prefix", "V")
    _type(browser, "#name", "Visa Kunjungan")
    _type(browser, "#name_en", "Visit visa")
    _type(browser, "#quota", "25")
    _type(browser, "#requirements", "Paspor\nSurat sponsor")
    browser.find("#loket_3").click()
    browser.submit("#save-service")
    assert browser.path() == "/console/catalog?done=saved&version=2"
    visa = _api_service(server, "visa")
    assert (visa["prefix"], visa["name_en"], visa["quota"], visa["lokets"]) == ("V", "Visit visa", 25, ["Loket 3"])
    assert server.issue("visa").json()["code"] == "V-001"
    browser.open("/console/catalog/new-service?agency=imigrasi")
    _type(browser, "#id", "visa2")
    _type(browser, "#prefix", "W")
    _type(browser, "#name", "Visa Lain")
    browser.submit("#save-service")
    assert browser.text("#lokets-fault").startswith("tidak ada loket yang melayani 'visa2'")
    assert len(_versions(server)) == 2
    browser.open("/console/catalog/services/paspor")
    browser.submit("#delete-service")
    assert browser.path() == "/console/catalog?done=saved&version=3"
    assert not browser.finds("#service-paspor")
    assert all(s["id"] != "paspor" for a in server.call("GET", "/catalog", "kiosk").json()["agencies"]
               for s in a["services"])


def test_a_service_with_a_ticket_today_is_not_deleted_and_the_reason_stands_by_the_button(browser: Browser) -> None:
    server = browser.server
    assert server.issue("ktp").status_code == 201
    browser.sign_in("admin")
    browser.open("/console/catalog/services/ktp")
    browser.submit("#delete-service")
    assert browser.text("#delete-fault") == (
        "Layanan ktp sudah mengeluarkan tiket hari ini: layanan ini baru bisa dihapus besok. "
        "Tidak ada yang diubah.")
    _english(browser, "/console/catalog/services/ktp")
    browser.submit("#delete-service")
    assert browser.text("#delete-fault") == (
        "The service ktp has issued tickets today: it can be removed from tomorrow. Nothing was changed.")
    assert len(_versions(server)) == 1 and _api_service(server, "ktp")["prefix"] == "A"


def test_the_sites_english_footer_is_saved_for_the_english_receipt_and_blanked_back_to_none(
        browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    _english(browser, "/console/catalog/site")
    assert browser.text("label[for=site-footer_en]") == "ticket footer (English; blank: the Indonesian one)"
    _type(browser, "#site-footer_en", "Thank you\n\n  Complaints: lapor.go.id  ")
    browser.submit("#save-site")
    assert browser.path() == "/console/catalog/site?done=saved&version=2"
    assert browser.find("#site-footer_en").get_attribute("value") == "Thank you\nComplaints: lapor.go.id"
    site = server.call("GET", "/catalog", "kiosk").json()["site"]
    assert (site["footer"], site["footer_en"]) == (["Terima kasih"], ["Thank you", "Complaints: lapor.go.id"])
    browser.find("#site-footer_en").clear()
    browser.submit("#save-site")
    assert browser.path() == "/console/catalog/site?done=saved&version=3"
    assert server.call("GET", "/catalog", "kiosk").json()["site"]["footer_en"] == []
    assert "footer_en" not in server.call("GET", "/catalog/document", "admin").json()["document"]["site"]


def test_a_fault_is_shown_next_to_its_field_in_indonesian_and_in_english(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/site")
    _type(browser, "#site-cutoff_minutes", "600")
    _type(browser, "#site-name", "MPP Baru")
    browser.submit("#save-site")
    assert browser.text("#site-cutoff_minutes-fault") == (
        "batas akhir 600 menit tidak lebih pendek dari jam buka hari mon (08.00-15.00): hari itu tidak ada tiket "
        "yang bisa diambil")
    assert browser.find("#site-name").get_attribute("value") == "MPP Baru"
    _english(browser, "/console/catalog/breaks")
    _type(browser, "#break-0-start", "02.00")
    _type(browser, "#break-0-end", "03.00")
    browser.find("#break-0 .save-break").click()
    browser.until(lambda: browser.finds("#break-0-start-fault"))
    assert browser.text("#break-0-start-fault") == (
        "the break 02.00-03.00 on mon, tue, wed, thu falls outside the opening hours on each of those days, "
        "so it would never apply")
    _type(browser, "#break-0-end", "1300")
    browser.find("#break-0 .save-break").click()
    browser.until(lambda: browser.finds("#break-0-end-fault"))
    assert browser.text("#break-0-end-fault") == "not a time of day (HH.MM): '1300'"
    assert len(_versions(server)) == 1


def test_the_friday_prayer_is_its_own_row_and_a_break_is_added(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/breaks")
    assert browser.text("#break-1-title") == "Sholat Jumat"
    assert browser.find("#break-1-day_fri").is_selected() and not browser.find("#break-1-day_mon").is_selected()
    _type(browser, "#break-1-end", "12.45")
    browser.find("#break-1 .save-break").click()
    browser.until(lambda: browser.path() == "/console/catalog/breaks?done=saved&version=2")
    _type(browser, "#break-new-start", "09.30")
    _type(browser, "#break-new-end", "09.45")
    _type(browser, "#break-new-reason", "apel pagi")
    browser.find("#break-new .save-break").click()
    browser.until(lambda: browser.path() == "/console/catalog/breaks?done=saved&version=3")
    breaks = server.call("GET", "/catalog/document", "admin").json()["document"]["site"]["breaks"]
    assert breaks[1] == {"days": ["fri"], "start": "11.30", "end": "12.45", "reason": "sholat_jumat"}
    assert breaks[2] == {"days": ["mon", "tue", "wed", "thu"], "start": "09.30", "end": "09.45", "reason": "apel pagi"}


def test_a_forged_holiday_form_is_refused_and_changes_nothing(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/holidays")
    browser.driver.execute_script(f"document.querySelector('#holiday-date').value = '{TODAY}'")
    _type(browser, "#holiday-name", "Palsu")
    browser.driver.execute_script("document.querySelector('#holiday-form input[name=csrf]').value = 'palsu'")
    browser.submit("#add-holiday")
    assert browser.text("#error-title") == "Formulir ditolak"
    assert len(_versions(server)) == 1 and server.issue("kk").status_code == 201


def _no_script_ran(browser: Browser) -> None:
    assert browser.driver.execute_script("return window.__xss") is None
    assert not browser.finds("img[src=x]")


def test_markup_typed_into_every_new_text_field_is_shown_as_text(browser: Browser) -> None:
    server = browser.server
    short = XSS[:60]
    browser.sign_in("admin")
    browser.open("/console/catalog/site")
    for field in ("name", "short_name", "address", "tz_label", "running_text", "footer", "footer_en"):
        _type(browser, f"#site-{field}", XSS)
    browser.submit("#save-site")
    assert browser.path() == "/console/catalog/site?done=saved&version=2"
    assert browser.find("#site-address").get_attribute("value") == XSS
    _no_script_ran(browser)
    browser.open("/console/catalog/breaks")
    _type(browser, "#break-new-start", "09.30")
    _type(browser, "#break-new-end", "09.45")
    _type(browser, "#break-new-reason", XSS)
    browser.find("#break-new .save-break").click()
    browser.until(lambda: "done=saved" in browser.path())
    _no_script_ran(browser)
    browser.open("/console/catalog/holidays")
    browser.driver.execute_script("document.querySelector('#holiday-date').value = '2027-08-17'")
    _type(browser, "#holiday-name", XSS)
    browser.submit("#add-holiday")
    assert browser.text("#holiday-2027-08-17 .name") == XSS
    _no_script_ran(browser)
    browser.open("/console/catalog/agencies")
    _type(browser, "#agency-new-id", XSS)
    for field in ("name", "short_name", "name_en"):
        _type(browser, f"#agency-new-{field}", XSS)
    browser.submit("#add-agency")
    assert browser.text("#agency-2-title").startswith(XSS)
    _no_script_ran(browser)
    browser.open("/console/catalog/lokets")
    _type(browser, "#loket-1-name", short)
    browser.find("#loket-1 .save-loket").click()
    browser.until(lambda: "done=saved" in browser.path())
    assert browser.text("#loket-1-title").startswith(short)
    _no_script_ran(browser)
    browser.open("/console/catalog/new-service?agency=imigrasi")
    _type(browser, "#id", "visa")
    _type(browser, "#prefix", "V")
    for field in ("name", "name_en", "requirements", "requirements_en"):
        _type(browser, f"#{field}", XSS)
    browser.find("#loket_3").click()
    browser.submit("#save-service")
    assert browser.path().startswith("/console/catalog?done=saved")
    assert browser.text("#service-visa .name").startswith(XSS)
    _no_script_ran(browser)
    for page in ("/console/catalog", "/console/catalog/lokets", "/console/catalog/agencies", "/console/hall",
                 "/console/today", f"/console/catalog/versions/{_versions(server)[0]['id']}"):
        browser.open(page)
        _no_script_ran(browser)


def test_a_save_over_another_admins_is_refused_with_the_form_kept(browser: Browser) -> None:
    """Two admins at once: the page was made from version 1; another admin stores version 2 meanwhile."""
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/lokets")
    _type(browser, "#loket-2-name", "Loket Dua")
    now = server.call("GET", "/catalog/document", "admin").json()
    now["document"]["site"]["running_text"] = "Dari admin lain"
    assert server.call("PUT", "/catalog", "admin", json={"document": now["document"], "based_on": 1}).status_code == 201
    browser.find("#loket-2 .save-loket").click()
    browser.until(lambda: browser.finds("#problem"))
    assert browser.text("#problem").startswith("Katalog diubah orang lain sementara itu (sekarang versi 2)")
    assert browser.find("#loket-2-name").get_attribute("value") == "Loket Dua"
    assert len(_versions(server)) == 2
    assert "Loket Dua" not in _api_service(server, "kk")["lokets"]


def test_a_services_own_breaks_are_edited_and_removed_on_the_breaks_page(browser: Browser) -> None:
    server = browser.server
    now = server.call("GET", "/catalog/document", "admin").json()
    paspor = now["document"]["agencies"][1]["services"][0]
    paspor["breaks"] = [{"days": ["mon"], "start": "10.00", "end": "10.30", "reason": "apel"}]
    assert server.call("PUT", "/catalog", "admin", json={"document": now["document"], "based_on": 1}).status_code == 201
    browser.sign_in("admin")
    browser.open("/console/catalog/breaks")
    assert browser.text("#own-breaks-paspor") == "Istirahat sendiri layanan Paspor (bukan istirahat MPP)"
    _type(browser, "#break-paspor-0-end", "10.15")
    browser.find("#break-paspor-0 .save-break").click()
    browser.until(lambda: browser.path() == "/console/catalog/breaks?done=saved&version=3")
    own = server.call("GET", "/catalog/document", "admin").json()["document"]["agencies"][1]["services"][0]["breaks"]
    assert own == [{"days": ["mon"], "start": "10.00", "end": "10.15", "reason": "apel"}]
    browser.find("#break-paspor-0 button.remove").click()
    browser.until(lambda: browser.path() == "/console/catalog/breaks?done=saved&version=4")
    own = server.call("GET", "/catalog/document", "admin").json()["document"]["agencies"][1]["services"][0]["breaks"]
    assert own == []
    assert browser.finds("#own-breaks-paspor") and browser.finds("#break-1-title")


def test_past_holidays_are_folded_away_below_the_coming_ones(browser: Browser) -> None:
    server = browser.server
    now = server.call("GET", "/catalog/document", "admin").json()
    now["document"]["holidays"].insert(0, {"date": "2026-08-17", "name": "Hari Kemerdekaan"})
    assert server.call("PUT", "/catalog", "admin", json={"document": now["document"], "based_on": 1}).status_code == 201
    browser.sign_in("admin")
    browser.open("/console/catalog/holidays")
    assert [r.get_attribute("id") for r in browser.finds("section > .table-wrap tbody tr")] == ["holiday-2026-12-25"]
    folded = browser.find("#past-holidays")
    assert folded.get_attribute("open") is None
    assert browser.text("#past-holidays summary") == "1 hari libur yang sudah lewat"
    assert not browser.find("#holiday-2026-08-17").is_displayed()
    browser.find("#past-holidays summary").click()
    browser.until(lambda: browser.find("#holiday-2026-08-17").is_displayed())


def test_agencies_are_renamed_moved_added_and_removed_only_when_empty(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/agencies")
    _type(browser, "#agency-1-name_en", "Immigration Office")
    _type(browser, "#agency-1-order", "1")
    browser.find("#agency-1 .save-agency").click()
    browser.until(lambda: browser.path() == "/console/catalog/agencies?done=saved&version=2")
    agencies = server.call("GET", "/catalog", "kiosk").json()["agencies"]
    assert [a["id"] for a in agencies] == ["imigrasi", "dukcapil"] and agencies[0]["name_en"] == "Immigration Office"
    browser.find("#agency-0 button.remove").click()
    browser.until(lambda: browser.finds("#agency-0-remove-fault"))
    assert browser.text("#agency-0-remove-fault") == (
        "Instansi ini masih punya layanan: hapus layanannya dulu.")
    _type(browser, "#agency-new-id", "bpjs")
    _type(browser, "#agency-new-name", "BPJS Kesehatan")
    browser.submit("#add-agency")
    assert browser.path() == "/console/catalog/agencies?done=saved&version=3"
    browser.find("#agency-2 button.remove").click()
    browser.until(lambda: browser.path() == "/console/catalog/agencies?done=saved&version=4")
    assert [a["id"] for a in server.call("GET", "/catalog/document", "admin").json()["document"]["agencies"]] == [
        "imigrasi", "dukcapil"]


def test_removing_a_holiday_another_admin_removed_meanwhile_says_so_and_stores_nothing(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/catalog/holidays")
    now = server.call("GET", "/catalog/document", "admin").json()
    now["document"]["holidays"] = []
    assert server.call("PUT", "/catalog", "admin", json={"document": now["document"], "based_on": 1}).status_code == 201
    browser.submit("#holiday-2026-12-25 button.remove")
    assert browser.text("#problem") == "Isian ini sudah tidak ada di versi terbaru: muat ulang halaman."
    assert len(_versions(server)) == 2
