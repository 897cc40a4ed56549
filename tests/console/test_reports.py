"""The reports page in a real browser: a day of tickets made over HTTP shows with its counts, the hourly
chart and the tables; the XLSX downloaded from the page reads back; a reversed range is refused in
words and changes nothing; an officer cannot open it; an empty day says so."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.console.conftest import Browser
from tests.server.test_queue_report_api import MONDAY, a_day
from tests.support.net import wait_for
from tests.support.server import LiveServer


def test_a_supervisor_sees_the_day_and_downloads_its_xlsx(browser: Browser, server: LiveServer,
                                                           tmp_path: Path) -> None:
    a_day(server)
    browser.sign_in("super")
    browser.open("/console/reports")

    assert browser.text("#report-heading").startswith("Semua instansi · " + MONDAY)
    assert [browser.text(f"#total-{key}") for key in ("issued", "served", "no_show", "open")] == ["6", "4", "1", "1"]
    assert browser.text("#total-wait") == "20,0 / 25,0"
    assert browser.text("#busiest") == "Jam tersibuk: 09.00–10.00"
    assert browser.finds("#hour-chart svg.chart rect")
    ktp = browser.find("#row-by_service-ktp")
    assert [c.text for c in ktp.find_elements("css selector", "td")][:4] == ["4", "0", "3", "1"]
    assert browser.text("#row-by_officer-staff1 th") == "staff1"

    browser.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    browser.find("#download-xlsx").click()
    wait_for(lambda: list(tmp_path.glob("*.xlsx")), timeout=15, what="the XLSX download")
    (saved,) = tmp_path.glob("*.xlsx")
    assert saved.name == f"laporan-antrean-semua-{MONDAY}_{MONDAY}.xlsx"
    wait_for(lambda: not list(tmp_path.glob("*.crdownload")), timeout=15, what="the download to finish")
    book = load_workbook(io.BytesIO(saved.read_bytes()))
    services = {row[0]: row for row in book["Layanan"].iter_rows(min_row=2, values_only=True)}
    assert services["ktp"][2:6] == (4, 0, 3, 1)


def test_the_period_picker_a_month_one_agency_and_a_reversed_range(browser: Browser, server: LiveServer) -> None:
    a_day(server)
    browser.sign_in("admin")
    browser.open("/console/reports")
    browser.find("#agency option[value='imigrasi']").click()
    browser.driver.execute_script("document.getElementById('month').value = '2026-11'")
    browser.submit("#show-month")
    assert "from=2026-11-01&to=2026-11-30" in browser.find("#download-pdf").get_attribute("href")
    assert browser.text("#report-heading") == "Kantor Imigrasi Serang · 2026-11-01 – 2026-11-30"
    assert browser.text("#report-empty") == "Tidak ada tiket pada periode ini."

    browser.open("/console/reports?from=2026-11-24&to=2026-11-23")
    assert browser.text("#problem") == "Tanggal akhir (2026-11-23) sebelum tanggal awal (2026-11-24): tukar keduanya."
    browser.open("/console/reports?from=2025-01-01&to=2026-11-23")
    assert "terlalu panjang" in browser.text("#problem")
    browser.open("/console/reports?from=2026-99-01&to=2026-11-23")
    assert browser.text("#problem").startswith("Tanggal itu tidak bisa dibaca")


@pytest.mark.parametrize("path", ["/console/reports", f"/console/reports/file?from={MONDAY}&to={MONDAY}&format=csv"])
def test_an_officer_is_refused(browser: Browser, path: str) -> None:
    browser.sign_in("staff1")
    browser.open(path)
    assert not browser.finds("#summary") and "Semua instansi" not in browser.driver.page_source
