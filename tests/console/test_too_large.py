"""A console form over the server's body cap (64 KB) in a real browser: the answer is the console's own page in
the page's language, with the way back to the form, and nothing changes; the API keeps its JSON 413."""

from __future__ import annotations

import requests

from tests.console.conftest import Browser

OVER_THE_CAP = "x" * (70 * 1024)


def _send_a_long_running_text(browser: Browser) -> None:
    browser.open("/console/today")
    browser.driver.execute_script(
        "const field = document.getElementById('running-text');"
        "field.removeAttribute('maxlength'); field.value = arguments[0];", OVER_THE_CAP)
    browser.submit("#set-running-text")


def test_a_form_over_the_cap_gets_the_consoles_page_in_its_language_with_the_way_back(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("super")
    _send_a_long_running_text(browser)
    assert browser.text("#error-title") == "Isian terlalu besar"
    assert "lebih dari 64 KB" in browser.text("#error-text") and "Tidak ada yang diubah" in browser.text("#error-text")
    assert server.call("GET", "/today", "super").json()["running_text"] is None
    browser.find("#back").click()
    browser.until(lambda: browser.path() == "/console/today")
    assert browser.find("#running-text-form")

    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Today")
    _send_a_long_running_text(browser)
    assert browser.text("#error-title") == "Too much to send"
    assert "over 64 KB" in browser.text("#error-text")
    assert browser.text("#back") == "Back to the page you were on"


def test_the_page_is_the_consoles_and_the_api_keeps_its_json(browser: Browser) -> None:
    server = browser.server
    page = requests.post(f"{server.url}/console/today", data={"text": OVER_THE_CAP}, timeout=10)
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "Isian terlalu besar" in page.text and "Traceback" not in page.text
    api = server.call("PUT", "/today/running-text", "super", json={"text": OVER_THE_CAP})
    assert api.status_code == 413 and api.json()["error"]["code"] == "body_too_large"
