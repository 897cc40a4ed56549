"""The ticket holder's WhatsApp page in a real browser (a 390×844 phone) against a real server whose messages
go to a gateway on a loopback port: from the ticket's status page, give a number with consent, see it
masked there, and get the called message when the loket calls; refusals in the page's language; no
number without consent; stop messaging; a server that sends nothing offers nothing."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from tests.console.conftest import Browser
from tests.server.test_counter_flow import act, ok
from tests.support.gateway import Gateway
from tests.support.net import wait_for
from tests.support.server import LiveServer


def _phone(chromium: WebDriver, hall: LiveServer) -> Browser:
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    return Browser(chromium, hall)


def test_a_holder_gives_a_number_on_the_phone_and_is_told_when_called(chromium: WebDriver, notifying_hall: LiveServer,
                                                                      gateway: Gateway):
    ticket = ok(notifying_hall.issue("kk"), 201)
    browser = _phone(chromium, notifying_hall)
    browser.open(f"/t/{ticket['token']}")
    browser.find("#whatsapp").click()
    browser.until(lambda: browser.path().endswith("/whatsapp"))
    browser.find("#phone").send_keys("0812 3456 7890")
    browser.submit("#save")
    assert "Tick the agreement" in browser.text("#problem")  # the browser asks for English first
    assert browser.find("#phone").get_attribute("value") == "0812 3456 7890"
    browser.find("#consent").click()
    browser.submit("#save")
    assert browser.path() == f"/t/{ticket['token']}?lang=en"
    assert "6281••••••890" in browser.text(".told") and "7890" not in browser.text(".told")
    ok(act(notifying_hall, "staff1", 1, "open", service_ids=["kk"]))
    ok(act(notifying_hall, "staff1", 1, "call-next"))
    wait_for(lambda: gateway.delivered, what="the called message")
    assert gateway.delivered[0].form["message"] == f"Number {ticket['code']} is being called. Please go to Loket 1."


def test_a_wrong_number_is_refused_in_english_and_a_holder_can_stop(chromium: WebDriver, notifying_hall: LiveServer,
                                                                    gateway: Gateway):
    ticket = ok(notifying_hall.issue("kk"), 201)
    browser = _phone(chromium, notifying_hall)
    browser.open(f"/t/{ticket['token']}/whatsapp?lang=en")
    browser.find("#phone").send_keys("021-555-1234")
    browser.find("#consent").click()
    browser.submit("#save")
    assert "Not an Indonesian mobile number" in browser.text("#problem")
    browser.find("#phone").clear()
    browser.find("#phone").send_keys("085712345678")
    browser.find("#consent").click()
    browser.submit("#save")
    browser.open(f"/t/{ticket['token']}/whatsapp?lang=en")
    assert browser.text("#current") == "We will message 6285••••••678."
    browser.submit("#stop")
    assert "Kabari saya lewat WhatsApp" in browser.text(".told")
    ok(act(notifying_hall, "staff1", 1, "open", service_ids=["kk"]))
    ok(act(notifying_hall, "staff1", 1, "call-next"))
    notifying_hall.clock.advance(seconds=2)
    assert notifying_hall.call("GET", "/notifications?status=pending", "super").json()["messages"] == []
    assert not gateway.received


def test_a_server_that_sends_nothing_offers_nothing(chromium: WebDriver, server: LiveServer):
    ticket = ok(server.issue("kk"), 201)
    browser = _phone(chromium, server)
    browser.open(f"/t/{ticket['token']}")
    assert not browser.finds("#whatsapp")
    browser.open(f"/t/{ticket['token']}/whatsapp?lang=id")
    assert "belum mengirim pesan WhatsApp" in browser.text("#problem") and not browser.finds("#contact-form")
