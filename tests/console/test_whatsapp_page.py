"""The ticket holder's WhatsApp page in a real browser (a 390×844 phone) against a real server whose messages
go to a gateway on a loopback port: from the ticket's status page, give a number with consent, see it
masked there, and get the called message when the loket calls; refusals in the page's language; no
number without consent; stop messaging; a server that sends nothing offers nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.console.conftest import Browser
from tests.server.notify.conftest import QUICK, notify_file
from tests.server.test_counter_flow import act, ok
from tests.support.gateway import Gateway, local_gateway
from tests.support.net import wait_for
from tests.support.server import LiveServer, live_server


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with local_gateway() as gw:
        yield gw


@pytest.fixture
def notifying(tmp_path: Path, gateway: Gateway) -> Iterator[LiveServer]:
    with live_server(tmp_path, notify_config=notify_file(tmp_path, gateway), notify_poll_seconds=0.05,
                     notify_retry=QUICK) as hall:
        yield hall


def _phone(chromium: WebDriver, hall: LiveServer) -> Browser:
    chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    return Browser(chromium, hall)


def test_a_holder_gives_a_number_on_the_phone_and_is_told_when_called(chromium: WebDriver, notifying: LiveServer,
                                                                      gateway: Gateway):
    ticket = ok(notifying.issue("kk"), 201)
    browser = _phone(chromium, notifying)
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
    ok(act(notifying, "staff1", 1, "open", service_ids=["kk"]))
    ok(act(notifying, "staff1", 1, "call-next"))
    wait_for(lambda: gateway.delivered, what="the called message")
    assert gateway.delivered[0].form["message"] == f"Number {ticket['code']} is being called. Please go to Loket 1."


def test_a_wrong_number_is_refused_in_english_and_a_holder_can_stop(chromium: WebDriver, notifying: LiveServer,
                                                                    gateway: Gateway):
    ticket = ok(notifying.issue("kk"), 201)
    browser = _phone(chromium, notifying)
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
    ok(act(notifying, "staff1", 1, "open", service_ids=["kk"]))
    ok(act(notifying, "staff1", 1, "call-next"))
    notifying.clock.advance(seconds=2)
    assert notifying.call("GET", "/notifications?status=pending", "super").json()["messages"] == []
    assert not gateway.received


def test_a_server_that_sends_nothing_offers_nothing(chromium: WebDriver, server: LiveServer):
    ticket = ok(server.issue("kk"), 201)
    browser = _phone(chromium, server)
    browser.open(f"/t/{ticket['token']}")
    assert not browser.finds("#whatsapp")
    browser.open(f"/t/{ticket['token']}/whatsapp?lang=id")
    assert "belum mengirim pesan WhatsApp" in browser.text("#problem") and not browser.finds("#contact-form")
