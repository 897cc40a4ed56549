"""The Today page and the staff list follow changes made elsewhere, in a real browser on the real server: two
browser sessions, a change sent in one shows in the other with no reload, keeping what is being typed there
(and a refusal shown next to its form); changes from the API and the command line too. How soon is
bench/console_hall.py's figure for the hall, which follows the same event stream."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.remote.webdriver import WebDriver

from server.auth import Role
from tests.console.conftest import Browser
from tests.support.browser import chromium_driver
from tests.support.server import LiveServer


@pytest.fixture(scope="module")
def second_chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    folder = tmp_path_factory.mktemp("second-chromium-profile")
    driver = chromium_driver(folder)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def other(second_chromium: WebDriver, server: LiveServer) -> Iterator[Browser]:
    """A second person's browser, with a sign-in of its own."""
    second_chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})
    yield Browser(second_chromium, server)
    second_chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})


def _live(browser: Browser, box: str) -> None:
    """Until the page's event stream is open; its live part is fetched again only on a newer event than the
    page's (data-seq), so nothing has replaced it yet. The page is marked, so a reload would show."""
    browser.until(lambda: "on" in (browser.find("#live-state").get_attribute("class") or ""))
    assert int(browser.find(box).get_attribute("data-updates") or 0) == 0
    browser.driver.execute_script("window.__same_page = 1")


def _typed(browser: Browser, css: str) -> str:
    """A field's value; read again if the page's script replaced the field while it was being read."""
    for _ in range(20):
        try:
            return str(browser.find(css).get_attribute("value"))
        except StaleElementReferenceException:
            continue
    return str(browser.find(css).get_attribute("value"))


def _same_page(browser: Browser) -> bool:
    return bool(browser.driver.execute_script("return window.__same_page === 1"))


def test_a_service_closed_by_another_supervisor_shows_on_an_open_today_page_keeping_what_is_typed(
        browser: Browser, other: Browser) -> None:
    """GIVEN a supervisor on the Today page, typing a quota for KK
    WHEN an admin in another browser closes KTP Elektronik for today
    THEN the supervisor's page shows KTP closed, with the note and who, without a reload;
    the quota being typed is still there, in the field still being typed in."""
    browser.sign_in("super")
    browser.open("/console/today")
    _live(browser, "#today-box")
    browser.find("#quota-kk").send_keys("7")

    other.sign_in("admin")
    other.open("/console/today")
    other.find("#note-ktp").send_keys("Petugas dinas luar")
    other.find("#close-ktp").click()
    browser.until(lambda: browser.finds("#reopen-ktp"), timeout=5, poll=0.02)
    assert int(browser.find("#today-box").get_attribute("data-updates")) >= 1
    assert "Petugas dinas luar" in browser.text("#service-ktp .closed-by")
    assert "admin" in browser.text("#service-ktp .closed-by")
    assert _same_page(browser)
    assert _typed(browser, "#quota-kk") == "7"
    assert browser.driver.execute_script("return document.activeElement.id") == "quota-kk"


def test_a_refusal_on_the_today_page_stays_next_to_its_field_when_the_page_follows_a_change(
        browser: Browser) -> None:
    """GIVEN a refused quota ("banyak") shown next to KK's field, with what was typed
    WHEN an agency is stopped through the API
    THEN the page shows it stopped, and the refusal and "banyak" are still next to KK's field."""
    server = browser.server
    browser.sign_in("super")
    browser.open("/console/today")
    browser.find("#quota-kk").send_keys("banyak")
    browser.submit("#set-quota-kk")
    assert browser.text("#service-kk #problem").startswith("Kuota harus bilangan bulat")
    _live(browser, "#today-box")
    assert server.call("PUT", "/today/agencies/imigrasi/stopped", "admin", json={"note": ""}).status_code == 200
    browser.until(lambda: browser.finds("#stopped-imigrasi"), timeout=5, poll=0.02)
    assert _same_page(browser)
    assert browser.text("#service-kk #problem").startswith("Kuota harus bilangan bulat")
    assert _typed(browser, "#quota-kk") == "banyak"


def test_an_officer_disabled_by_another_admin_shows_on_an_open_staff_list_without_a_reload(
        browser: Browser, other: Browser) -> None:
    """GIVEN an admin on the staff page, typing a new account's username
    WHEN another admin disables staff2 in their browser, and the command line adds an account
    THEN the first admin's list shows staff2 disabled and the new account, with no reload,
    and the username being typed is kept."""
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/staff")
    _live(browser, "#staff-box")
    browser.find("#username").send_keys("setengah")
    assert browser.text("#user-staff2 .active") == "aktif"

    other.sign_in("admin")
    other.open("/console/staff/staff2")
    other.submit("#disable-user")
    other.find("#confirm-disable").click()
    browser.until(lambda: browser.text("#user-staff2 .active") == "dinonaktifkan", timeout=5, poll=0.02)
    assert _same_page(browser)

    server.services.accounts.staff.add(None, "dewi", Role.SUPERVISOR, "Dewi Lestari")  # the command line's call
    browser.until(lambda: browser.finds("#user-dewi"), timeout=5, poll=0.02)
    assert browser.text("#user-dewi .display-name") == "Dewi Lestari"
    assert _same_page(browser)
    assert _typed(browser, "#username") == "setengah"


def test_a_persons_page_follows_a_disabling_made_elsewhere_keeping_the_role_being_chosen(browser: Browser) -> None:
    """GIVEN an admin on staff2's page, a new role chosen but not yet saved
    WHEN staff2 is disabled through the API
    THEN the page says disabled and offers to enable, with no reload; the role chosen is still chosen."""
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/staff/staff2")
    _live(browser, "#user-box")
    browser.find("#role option[value='supervisor']").click()
    assert server.call("POST", "/staff/staff2/disable", "admin").status_code == 200
    browser.until(lambda: browser.finds("#enable-user"), timeout=5, poll=0.02)
    assert browser.text("#user-active") == "dinonaktifkan"
    assert _same_page(browser)
    assert _typed(browser, "#role") == "supervisor"
