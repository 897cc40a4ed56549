"""The console's tests drive Debian's chromium (Selenium and /usr/bin/chromedriver) against the real server:
one browser per test module, its cookies cleared before each test. Under CI a missing browser fails the
tests, so they cannot vanish; on a developer's machine they are skipped with what to install."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.counter.conftest import counter, make_counter  # noqa: F401 - the real counter app, for the live hall
from tests.server.notify.conftest import gateway, notifying_hall  # noqa: F401 - a server sending to a local gateway
from tests.support.browser import chromium_driver
from tests.support.server import PASSWORD, LiveServer

WAIT_S = 10.0


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    folder = tmp_path_factory.mktemp("chromium-profile")
    driver = chromium_driver(folder)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Browser:
    """The browser on the real server: open a console page, sign in, read what a person would see."""

    driver: WebDriver
    server: LiveServer

    def open(self, path: str) -> None:
        self.driver.get(self.server.url + path)

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css: str) -> list:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css: str) -> str:
        """The element's text; read again if the hall's script replaced it while it was being read."""
        for _ in range(20):
            try:
                return str(self.find(css).text)
            except StaleElementReferenceException:
                continue
        return str(self.find(css).text)

    def path(self) -> str:
        return str(self.driver.current_url).removeprefix(self.server.url)

    def until(self, condition: Callable[[], object], timeout: float = WAIT_S, poll: float = 0.05) -> None:
        WebDriverWait(self.driver, timeout, poll_frequency=poll).until(lambda _: condition())

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        """Type the login into the sign-in page and submit it, as a person would."""
        self.open("/console/login")
        self.find("#username").send_keys(username)
        self.find("#password").send_keys(password)
        before = self.driver.current_url
        self.find("#sign-in-button").click()
        self.until(lambda: self.driver.current_url != before or self.finds("#problem"))

    def submit(self, button_css: str) -> None:
        """Click a form's button and wait for the page it leads to."""
        old = self.find("html")
        self.find(button_css).click()
        self.until(lambda: _stale(old))

    def session_cookie(self) -> str | None:
        cookie = self.driver.get_cookie("anjungan_console")
        return cookie["value"] if cookie else None


def _stale(element) -> bool:
    try:
        element.tag_name  # noqa: B018 - reading it is the test: a replaced page raises
    except Exception:  # noqa: BLE001 - selenium's StaleElementReferenceException and kin
        return True
    return False


@pytest.fixture
def browser(chromium: WebDriver, server: LiveServer) -> Iterator[Browser]:
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})
    yield Browser(chromium, server)
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})


