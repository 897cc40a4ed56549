"""The notifications page in a real browser against a real server whose messages go to a gateway on a
loopback port: a supervisor sees a failed message (number masked, the gateway's answer) and sends it again
once the gateway is back; an admin sends a test message and a wrong number is refused in the page's
language; a supervisor has no test form, and a server with no channels says how to set them up."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from tests.console.conftest import Browser
from tests.support.gateway import Gateway
from tests.support.net import wait_for
from tests.support.server import LiveServer


def _browser(chromium: WebDriver, hall: LiveServer) -> Browser:
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})
    return Browser(chromium, hall)


def _status(hall: LiveServer, status: str) -> list[dict]:
    hall.clock.advance(seconds=1)  # the test's clock stands still otherwise: let the retries fall due
    return list(hall.call("GET", f"/notifications?status={status}", "super").json()["messages"])


def test_a_supervisor_sends_a_failed_message_again_from_the_page(chromium: WebDriver, notifying_hall: LiveServer,
                                                                 gateway: Gateway):
    gateway.down = True
    made = notifying_hall.call("POST", "/notifications/check", "admin",
                          json={"channel": "whatsapp", "recipient": "0812 3456 7890"}).json()
    wait_for(lambda: _status(notifying_hall, "dead"), what="the message to fail for good")
    browser = _browser(chromium, notifying_hall)
    browser.sign_in("super")
    browser.open("/console/notifications")
    row = f"#message-{made['id']}"
    assert browser.text(f"{row} .recipient") == "6281••••••890"
    assert "gateway menjawab HTTP 503" in browser.text(f"{row} .result") and browser.text(f"{row} .attempts") == "4"
    assert "0812" not in browser.driver.page_source and "3456" not in browser.driver.page_source
    assert not browser.finds("#check-form")
    gateway.down = False
    browser.submit(f"#retry-{made['id']}")
    assert browser.path().startswith("/console/notifications?status=pending")
    assert f"Pesan {made['id']} dikirim ulang." in browser.text("#notice")
    wait_for(lambda: _status(notifying_hall, "sent"), what="the message sent again")
    browser.open("/console/notifications?status=sent")
    assert browser.text(f"{row} .result").startswith("terkirim")
    assert len(gateway.delivered) == 1


def test_an_admin_sends_a_test_message_and_a_wrong_number_is_refused_in_english(chromium: WebDriver,
                                                                                notifying_hall: LiveServer,
                                                                                gateway: Gateway):
    browser = _browser(chromium, notifying_hall)
    browser.sign_in("admin")
    browser.open("/console/lang/en")
    browser.open("/console/notifications")
    browser.find("#recipient").send_keys("021-555-1234")
    browser.submit("#check-send")
    assert "Not an Indonesian mobile number" in browser.text("#problem")
    assert browser.find("#recipient").get_attribute("value") == "021-555-1234"
    assert _status(notifying_hall, "pending") == []
    browser.find("#recipient").clear()
    browser.find("#recipient").send_keys("085712345678")
    browser.submit("#check-send")
    assert "Test message" in browser.text("#notice")
    wait_for(lambda: gateway.delivered, what="the test message to reach the gateway")
    assert gateway.delivered[0].form["target"] == "6285712345678"


def test_a_server_without_channels_says_how_to_set_them_up(chromium: WebDriver, server: LiveServer):
    browser = _browser(chromium, server)
    browser.sign_in("admin")
    browser.open("/console/notifications")
    assert "--notify-config" in browser.text("#no-channels")
    assert not browser.finds("#check-form") and browser.finds("#messages-empty")
