"""The public booking page's tests: the real server with a catalog whose services take bookings, and Debian's
chromium the size of a phone (390×844) with page scripts switched off, as a cheap phone's browser may be."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.conftest import _fresh_pg_url
from tests.console.conftest import Browser
from tests.support.browser import phone_driver, speaks
from tests.support.clock import SettableClock
from tests.support.server import LiveServer, live_server

BOOKING_CATALOG = Path(__file__).with_name("catalog.toml")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path, clock: SettableClock) -> Iterator[LiveServer]:
    """The real server on loopback with the booking catalog, Monday 23 Nov 2026 09.00 WIB: on SQLite, and again
    on PostgreSQL."""
    url = _fresh_pg_url() if request.param == "postgres" else None
    with live_server(tmp_path, url, clock=clock, catalog=BOOKING_CATALOG) as live:
        yield live


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    with phone_driver(tmp_path_factory.mktemp("booking-phone")) as driver:
        yield driver


def scripts(driver: WebDriver, *, run: bool) -> None:
    """Page scripts on or off (Selenium's own probes still run): the walk is done with them off."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not run})


@pytest.fixture
def browser(phone: WebDriver, server: LiveServer) -> Iterator[Browser]:
    """A phone set to Indonesian, page scripts off, no cookies."""
    phone.execute_cdp_cmd("Network.clearBrowserCookies", {})
    speaks(phone, "id-ID,id;q=0.9,en;q=0.5")
    scripts(phone, run=False)
    yield Browser(phone, server)
    scripts(phone, run=True)
