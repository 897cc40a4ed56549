"""The SKM page in the real browser: a supervisor picks November, reads the IKM, its mutu and "n of S",
the per-unsur table and chart; adds a follow-up action through the form and sees it; marks it done;
downloads the PDF with the page's link and reads it back.

The hall: staff1 at loket 1 serves two KTP tickets, both answer the survey (tests/server/skm/test_api.py)."""

from __future__ import annotations

import io

import requests
from pypdf import PdfReader

from tests.console.conftest import Browser
from tests.server.skm.test_api import exact_ikm, surveyed
from tests.support.server import LiveServer

__all__ = ["surveyed"]
NOVEMBER = "/console/skm?from=2026-11-01&to=2026-11-30"


def shown_ikm() -> str:
    return f"{exact_ikm():.2f}".replace(".", ",")


def test_the_page_shows_the_ikm_and_each_unsur(surveyed: LiveServer, browser: Browser) -> None:
    browser.sign_in("super")
    browser.open(NOVEMBER)
    assert browser.text("#skm-ikm") == shown_ikm()
    assert browser.text("#skm-mutu") == "B"
    assert browser.text("#skm-n-of-s") == "2 / 2"
    cells = [td.text for td in browser.finds("#unsur-persyaratan td")]
    assert cells == ["Persyaratan", "7", "2", "3,5000", "87,50", "B"]
    assert browser.finds("#skm-chart svg")
    assert "staff1" in browser.text("#units-officers")


def test_a_follow_up_action_added_is_shown_and_can_be_marked_done(surveyed: LiveServer, browser: Browser) -> None:
    browser.sign_in("super")
    browser.open(NOVEMBER)
    assert browser.finds("#no-actions")
    browser.find("#action-unsur").send_keys("Waktu")
    browser.find("#action-what").send_keys("Tambah petugas pada jam sibuk")
    browser.find("#action-who").send_keys("Koordinator Dukcapil")
    browser.driver.execute_script("document.getElementById('action-due').value = '2027-01-31'")
    browser.submit("#add-action-submit")
    assert browser.text("#notice") == "Tindak lanjut ditambahkan."
    assert "Tambah petugas pada jam sibuk" in browser.text("#actions")
    action = browser.finds("#actions tr[id^=action-]")[0].get_attribute("id").removeprefix("action-")
    browser.find(f"#status-{action}").send_keys("Selesai")
    browser.find(f"#evidence-{action}").send_keys("SK penugasan")
    browser.submit(f"#save-{action}")
    assert browser.text("#notice") == "Tindak lanjut diperbarui."
    assert "Selesai" in browser.text(f"#action-{action}")
    kinds = [e["kind"] for e in surveyed.call("GET", "/audit", "admin").json()["entries"]]
    assert kinds[:2] == ["skm_action.updated", "skm_action.added"]


def test_an_empty_action_form_is_refused_beside_the_form_and_adds_nothing(surveyed: LiveServer,
                                                                            browser: Browser) -> None:
    browser.sign_in("admin")
    browser.open(NOVEMBER)
    browser.driver.execute_script("document.getElementById('add-action').noValidate = true")
    browser.submit("#add-action-submit")
    assert "Periksa isian" in browser.text("#problem")
    assert surveyed.call("GET", "/skm/actions", "admin").json()["actions"] == []


def test_the_pdf_link_downloads_the_report(surveyed: LiveServer, browser: Browser) -> None:
    browser.sign_in("super")
    browser.open(NOVEMBER)
    href = browser.find("#download-pdf").get_attribute("href")
    r = requests.get(href, cookies={"anjungan_console": browser.session_cookie() or ""}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(r.content)).pages[0].extract_text()
    assert f"Indeks Kepuasan Masyarakat (IKM): {shown_ikm()}" in text


def test_in_english(surveyed: LiveServer, browser: Browser) -> None:
    browser.sign_in("super")
    browser.open("/console/lang/en?next=" + NOVEMBER.replace("?", "%3F").replace("&", "%26"))
    browser.open(NOVEMBER)
    assert browser.text("h1") == "Public satisfaction survey (SKM)"
    assert "2 of 2 respondents" in browser.text("#units-agencies")
    assert browser.text("#skm-ikm") == shown_ikm().replace(",", ".")


def test_a_period_or_agency_that_cannot_be_shown_says_why_and_shows_this_semester(surveyed: LiveServer,
                                                                                  browser: Browser) -> None:
    browser.sign_in("super")
    browser.open("/console/skm?from=2026-12-01&to=2026-11-01")
    assert browser.text(".problem") == "Tanggal akhir (2026-11-01) sebelum tanggal awal (2026-12-01): tukar keduanya."
    assert browser.text("#skm-whose").endswith("Semester II 2026")
    browser.open("/console/skm?agency=tidak-ada")
    assert browser.text(".problem") == "Instansi ini tidak ada di katalog."
