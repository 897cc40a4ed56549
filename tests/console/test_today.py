"""The "Hari ini" page in a real browser on the real server: a service closed there is refused by a real
kiosk with the office's words, today's quota set there is what GET /api/v1/catalog says, a quota below the
tickets issued is refused next to its field and changes nothing, the running text reaches the catalog's
site, an agency stopped and resumed, forged forms and officers refused, typed markup shown as text."""

from __future__ import annotations

from collections.abc import Callable

from tests.console.conftest import Browser
from tests.kiosk.conftest import make_kiosk, vp  # noqa: F401 - the real kiosk app, on the test's server
from tests.support.kiosk import Kiosk
from tests.support.server import LiveServer

XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=1">'


def _catalog_service(server: LiveServer, service_id: str) -> dict:
    catalog = server.call("GET", "/catalog", "kiosk").json()
    return next(s for a in catalog["agencies"] for s in a["services"] if s["id"] == service_id)


def _switches(server: LiveServer) -> dict:
    return server.call("GET", "/today", "super").json()


def _today_page(browser: Browser, username: str = "super") -> None:
    browser.sign_in(username)
    browser.open("/console/today")


def test_a_service_closed_in_the_console_is_refused_by_a_real_kiosk_with_the_offices_note(
        browser: Browser, make_kiosk: Callable[..., Kiosk]) -> None:  # noqa: F811 - the fixture imported above
    """GIVEN a kiosk showing KTP open
    WHEN a supervisor closes KTP for the rest of today on the console page, with a note
    THEN the page says so and who did it; the kiosk greys KTP and, tapped, says it is closed for today with
    the note, and makes no ticket; reopened on the page, the kiosk takes it again."""
    server = browser.server
    kiosk = make_kiosk()
    kiosk.open_services("dukcapil")
    services = kiosk.controller.services.pager
    assert kiosk.tile(services, "ktp").property("state") != "closed"

    _today_page(browser)
    assert browser.text("#service-ktp .state") == "buka"
    browser.find("#note-ktp").send_keys("Petugas sedang diklat")
    browser.submit("#close-ktp")
    assert browser.path() == "/console/today?done=close&subject=ktp"
    assert browser.text("#notice") == "Layanan KTP Elektronik ditutup untuk sisa hari ini."
    assert browser.text("#service-ktp .state") == "ditutup kantor untuk hari ini"
    assert browser.text("#service-ktp .closed-by") == "Petugas sedang diklat\n— super, pukul 09.00"
    assert browser.text("#service-kk .state") == "buka"

    kiosk.controller.go_home()
    kiosk.wait_screen("home")
    kiosk.open_services("dukcapil")
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "ktp").property("state") == "closed", timeout=5000)
    kiosk.tap(kiosk.tile(services, "ktp"))
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == ("Layanan ditutup untuk hari ini", "Service closed for today")
    body_id, body_en = message.body.texts()
    assert body_id.endswith("Keterangan: Petugas sedang diklat") and body_en.endswith("Note: Petugas sedang diklat")
    assert kiosk.total_issued() == 0

    browser.submit("#reopen-ktp")
    assert browser.text("#notice") == "Layanan KTP Elektronik dibuka lagi."
    assert browser.text("#service-ktp .state") == "buka"
    assert _switches(server)["closed_services"] == []
    kiosk.tap(message.buttons["services"])
    kiosk.wait_screen("services")
    kiosk.qtbot.waitUntil(lambda: kiosk.tile(services, "ktp").property("state") != "closed", timeout=5000)


def test_todays_quota_set_in_the_console_is_the_catalogs_and_the_halls_until_set_back(browser: Browser) -> None:
    server = browser.server
    for _ in range(2):
        assert server.issue("ktp").status_code == 201
    _today_page(browser, "admin")
    assert browser.text("#service-ktp .quota-now") == "2 terpakai dari 5, sisa 3"
    assert browser.text("#service-ktp .quota-source") == "Sesuai katalog"
    browser.find("#quota-ktp").send_keys("12")
    browser.submit("#set-quota-ktp")
    assert browser.text("#notice") == "Kuota hari ini untuk KTP Elektronik: 12."
    assert browser.text("#service-ktp .quota-now") == "2 terpakai dari 12, sisa 10"
    assert browser.text("#service-ktp .quota-source")== "Diubah untuk hari ini (katalog: 5)\n— admin, pukul 09.00"
    ktp = _catalog_service(server, "ktp")
    assert (ktp["quota"], ktp["quota_left"]) == (12, 10)
    hall_ktp = next(s for s in server.call("GET", "/hall", "super").json()["services"] if s["id"] == "ktp")
    assert (hall_ktp["quota"], hall_ktp["quota_left"]) == (12, 10)
    entry = server.call("GET", "/audit?kind=today.quota_set", "super").json()["entries"][0]
    assert (entry["actor"], entry["subject"], entry["detail"]["quota"], entry["detail"]["previous"]) == (
        "admin", "service:ktp", 12, 5)

    browser.submit("#reset-quota-ktp")
    assert browser.text("#notice") == "Kuota KTP Elektronik kembali sesuai katalog: 5."
    assert browser.text("#service-ktp .quota-source") == "Sesuai katalog"
    assert _catalog_service(server, "ktp")["quota"] == 5
    assert not browser.finds("#reset-quota-ktp")


def test_a_quota_below_the_tickets_issued_is_refused_next_to_its_field_and_changes_nothing(
        browser: Browser) -> None:
    server = browser.server
    for _ in range(3):
        assert server.issue("ktp").status_code == 201
    _today_page(browser)
    browser.find("#quota-ktp").send_keys("2")
    browser.submit("#set-quota-ktp")
    assert browser.text("#service-ktp #problem") == (
        "Hari ini sudah 3 tiket diambil; kuota tidak boleh di bawah itu (2). Tidak ada yang diubah.")
    assert browser.find("#quota-ktp").get_attribute("value") == "2"
    assert _catalog_service(server, "ktp")["quota"] == 5
    assert _switches(server)["quotas"] == []

    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Today")
    browser.find("#quota-kk").send_keys("banyak")
    browser.submit("#set-quota-kk")
    assert browser.text("#service-kk #problem") == (
        "The quota must be a whole number from 0 to 1,000,000. Nothing was changed.")
    assert browser.find("#quota-kk").get_attribute("value") == "banyak"
    assert _switches(server)["quotas"] == []


def test_the_running_text_set_in_the_console_reaches_the_catalogs_site_and_is_cleared(browser: Browser) -> None:
    server = browser.server
    _today_page(browser)
    assert browser.text("#running-text-now") == "Dari katalog: Selamat datang"
    assert "maksimal 500 karakter" in browser.text("label[for=running-text]")
    browser.find("#running-text").send_keys("Layanan paspor pindah ke lantai 2")
    browser.submit("#set-running-text")
    assert browser.text("#notice") == "Teks berjalan papan hari ini sudah dipasang."
    assert browser.text("#running-text-value") == "Layanan paspor pindah ke lantai 2"
    site = server.call("GET", "/catalog", "display").json()["site"]
    assert (site["running_text"], site["running_text_today"]) == ("Selamat datang", "Layanan paspor pindah ke lantai 2")

    browser.submit("#set-running-text")  # empty: the API's rule, told on the page
    assert browser.text("#running-text-card #problem").startswith("Teks berjalan harus diisi")
    assert server.call("GET", "/catalog", "display").json()["site"]["running_text_today"] == (
        "Layanan paspor pindah ke lantai 2")
    browser.submit("#clear-running-text")
    assert browser.text("#notice") == "Papan kembali memakai teks berjalan dari katalog."
    assert server.call("GET", "/catalog", "display").json()["site"]["running_text_today"] == ""


def test_an_agency_stopped_in_the_console_takes_no_tickets_until_resumed(browser: Browser) -> None:
    server = browser.server
    _today_page(browser)
    browser.find("#stop-note-imigrasi").send_keys("Sistem pusat gangguan")
    browser.submit("#stop-imigrasi")
    assert browser.text("#notice") == "Antrean Imigrasi dihentikan untuk sisa hari ini."
    assert browser.text("#stopped-imigrasi") == "Antrean dihentikan"
    assert browser.text("#service-paspor .state") == "instansi tidak menerima antrean hari ini"
    assert _catalog_service(server, "paspor")["closed_reason"] == "agency_stopped_today"
    refused = server.issue("paspor")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "agency_stopped_today"
    browser.submit("#resume-imigrasi")
    assert browser.text("#notice") == "Antrean Imigrasi diterima lagi."
    assert server.issue("paspor").status_code == 201


def test_a_switch_set_elsewhere_shows_on_an_open_hall_at_once(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("super")
    browser.until(lambda: int(browser.find("#hall").get_attribute("data-updates") or 0) >= 1)
    assert not browser.finds("#service-ktp .badge")
    assert server.call("PUT", "/today/services/ktp/closed", "admin", json={"note": ""}).status_code == 200
    browser.until(lambda: browser.finds("#service-ktp .badge"), timeout=5)
    assert browser.text("#service-ktp .badge") == "ditutup kantor untuk hari ini"
    assert server.call("PUT", "/today/services/kk/quota", "admin", json={"quota": 7}).status_code == 200
    browser.until(lambda: browser.text("#service-kk td:nth-child(5)") == "7 / 7", timeout=5)


def test_a_form_with_a_missing_or_wrong_csrf_mark_is_refused_and_changes_nothing(browser: Browser) -> None:
    server = browser.server
    _today_page(browser)
    for forge in ("document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'salah')",
                  "document.querySelectorAll('input[name=csrf]').forEach(i => i.remove())"):
        browser.open("/console/today")
        browser.driver.execute_script(forge)
        browser.find("#note-ktp").send_keys("palsu")
        browser.submit("#close-ktp")
        assert browser.text("#error-title") == "Formulir ditolak"
        browser.open("/console/today")
        browser.driver.execute_script(forge)
        browser.find("#running-text").send_keys("palsu")
        browser.submit("#set-running-text")
        assert browser.text("#error-title") == "Formulir ditolak"
    switches = _switches(server)
    assert switches["closed_services"] == [] and switches["running_text"] is None


def test_markup_in_the_note_and_the_running_text_is_shown_as_text_never_run(browser: Browser) -> None:
    _today_page(browser)
    browser.find("#note-kk").send_keys(XSS)
    browser.submit("#close-kk")
    browser.find("#running-text").send_keys(XSS)
    browser.submit("#set-running-text")
    browser.find("#stop-note-imigrasi").send_keys(XSS)
    browser.submit("#stop-imigrasi")
    assert browser.text("#service-kk .note") == XSS
    assert browser.text("#running-text-value") == XSS
    assert browser.text("#agency-imigrasi .note") == XSS
    assert browser.driver.execute_script("return window.__xss") is None
    assert not browser.finds("img[src=x]")
    switches = _switches(browser.server)
    assert switches["closed_services"][0]["note"] == XSS and switches["running_text"]["text"] == XSS


def test_an_officer_is_refused_the_page_and_its_forms(browser: Browser) -> None:
    browser.sign_in("staff1")
    assert "Hari ini" not in [a.text for a in browser.finds("nav a")]
    browser.open("/console/today")
    assert browser.text("#error-title") == "Tidak diizinkan"
    assert browser.text("#error-text") == "Peran Anda (Petugas) tidak boleh membuka halaman ini."
    assert not browser.finds("#service-ktp")
    browser.driver.execute_script(
        "window.__before = 1; const f = document.createElement('form'); f.method = 'post'; f.action = '/console/today';"
        "for (const [k, v] of [['action', 'close'], ['service', 'ktp']]) {"
        "  const i = document.createElement('input'); i.name = k; i.value = v; f.appendChild(i); }"
        "document.body.appendChild(f); f.submit();")
    browser.until(lambda: browser.driver.execute_script("return window.__before") is None)
    assert browser.text("#error-title") == "Tidak diizinkan"
    assert _switches(browser.server)["closed_services"] == []


def test_a_refusal_for_a_service_the_catalog_no_longer_has_is_a_sentence_on_the_page(browser: Browser) -> None:
    """GIVEN a page opened before the service left the catalog (here: its form pointed elsewhere)
    WHEN the supervisor closes it
    THEN the engine's refusal is a sentence in the page's language above the rows, never JSON."""
    _today_page(browser)
    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Today")
    browser.driver.execute_script(
        "document.querySelector('#service-ktp .close-form input[name=service]').value = 'hilang'")
    browser.submit("#close-ktp")
    assert browser.text("#problem") == "There is no such service in the catalog."
    assert browser.find("#service-ktp") and _switches(browser.server)["closed_services"] == []


def test_back_to_the_catalogs_quota_is_refused_when_today_has_issued_more(browser: Browser) -> None:
    server = browser.server
    assert server.call("PUT", "/today/services/ktp/quota", "super", json={"quota": 8}).status_code == 200
    for _ in range(6):
        assert server.issue("ktp").status_code == 201
    _today_page(browser)
    browser.submit("#reset-quota-ktp")
    assert browser.text("#service-ktp #problem") == (
        "Hari ini sudah 6 tiket diambil; kuota tidak boleh di bawah itu (5). Tidak ada yang diubah.")
    assert _catalog_service(server, "ktp")["quota"] == 8
    browser.find("#quota-ktp").send_keys("-1")
    browser.submit("#set-quota-ktp")
    assert browser.text("#service-ktp #problem") == (
        "Kuota harus bilangan bulat dari 0 sampai 1.000.000. Tidak ada yang diubah.")
    assert _catalog_service(server, "ktp")["quota"] == 8
