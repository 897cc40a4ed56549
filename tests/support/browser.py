"""Debian's chromium, headless, driven by Selenium through Debian's chromedriver: for the console's tests
and its screenshots. Missing, it fails the tests under CI (so they cannot vanish) and skips them elsewhere."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# As root, on a closed network: no sandbox, and none of the background calls to Google's hosts.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps", "--mute-audio")


def chromium_driver(user_data_dir: Path, width: int = 1366, height: int = 768) -> WebDriver:
    """A headless chromium of Debian's, with a fresh profile; fails (under CI) or skips when missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        message = (f"{', '.join(missing)} missing: install Debian's chromium and chromium-driver "
                   "(make test does: scripts/system-packages.sh chromium chromium-driver)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={user_data_dir}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


PHONE = (390, 844)


@contextmanager
def phone_driver(user_data_dir: Path) -> Iterator[WebDriver]:
    """Chromium the size of a phone (390×844). A desktop window cannot be made this narrow: the page is
    laid out as a phone's browser lays it out."""
    driver = chromium_driver(user_data_dir, *PHONE)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": PHONE[0], "height": PHONE[1],
                                                                  "deviceScaleFactor": 2, "mobile": True})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(user_data_dir, ignore_errors=True)


def speaks(driver: WebDriver, accept_language: str) -> None:
    """The phone's language as its browser tells the server (Accept-Language)."""
    agent = driver.execute_script("return navigator.userAgent")
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": accept_language})
