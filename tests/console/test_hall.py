"""The hall in a real browser: a call made by the real counter app shows on the open page with no reload (how
soon is bench/console_hall.py's figure, budget 1 s at p99),
a supervisor closes or takes over a loket with a reason, a forged form changes nothing, and text anyone
can type is shown as text."""

from __future__ import annotations

import copy
import re

from pytestqt.qtbot import QtBot

from server.auth import Role
from server.catalog import load_catalog_file, parse_catalog
from tests.console.conftest import Browser
from tests.counter.steps import at_desk, press
from tests.support.server import PASSWORD, TEST_CATALOG, LiveServer
from ui.counter.controller import CounterController

XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=1">'


def _live(browser: Browser) -> None:
    """Until the page's event stream is open (its first fetch of the live part done)."""
    browser.until(lambda: "on" in (browser.find("#live-state").get_attribute("class") or "")
                  and int(browser.find("#hall").get_attribute("data-updates") or 0) >= 1)


def _loket_on_server(server: LiveServer, loket_id: int) -> dict:
    return next(c for c in server.call("GET", "/counters", "super").json() if c["id"] == loket_id)


def test_a_call_at_the_real_counter_app_shows_on_the_open_hall_without_a_reload(
        browser: Browser, qtbot: QtBot, counter: CounterController) -> None:
    server = browser.server
    ticket = server.issue("kk").json()
    at_desk(qtbot, counter)
    browser.sign_in("super")
    _live(browser)
    assert browser.text("#loket-1 .ticket") == ""
    assert browser.text("#service-kk .waiting") == "1"

    updates = int(browser.find("#hall").get_attribute("data-updates"))
    press(qtbot, counter, "call_next")
    browser.until(lambda: ticket["code"] in browser.text("#loket-1 .ticket"), timeout=5, poll=0.02)
    # The page's live part fetched again on the call's event, the page itself never reloaded.
    assert int(browser.find("#hall").get_attribute("data-updates")) > updates
    assert browser.text("#loket-1 .ticket") == f"{ticket['code']} dipanggil"
    assert browser.text("#service-kk .waiting") == "0"
    # The timer counts from the server's call time, by itself.
    first = browser.text("#loket-1 .timer")
    assert re.fullmatch(r"0:0\d", first)
    browser.until(lambda: browser.text("#loket-1 .timer") != first, timeout=3)


def test_a_supervisor_closes_another_officers_loket_with_a_reason(browser: Browser) -> None:
    """GIVEN staff1 has loket 1 open
    WHEN a supervisor sends the close form first without a reason, then with one
    THEN the first is refused and changes nothing; the second closes the loket, in the hall at once."""
    server = browser.server
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    browser.sign_in("super")
    _live(browser)
    browser.find("#loket-1 a.action").click()
    browser.until(lambda: browser.path() == "/console/hall/lokets/1")
    assert browser.text("#loket-officer") == "staff1"
    browser.driver.execute_script("document.getElementById('reason').removeAttribute('required')")
    browser.submit("#close-loket")
    assert browser.text("#problem") == "Tuliskan alasannya."
    assert _loket_on_server(server, 1)["state"] == "open"
    browser.find("#reason").send_keys("Petugas sakit, pulang")
    browser.submit("#close-loket")
    assert browser.path() == "/console/hall?done=closed&loket=1"
    _live(browser)
    assert browser.text("#notice") == "Loket 1 ditutup."
    assert browser.text("#loket-1 .badge") == "Tutup"
    assert _loket_on_server(server, 1)["state"] == "closed"


def test_a_supervisor_takes_over_a_loket_and_a_busy_loket_cannot_be_closed(browser: Browser) -> None:
    server = browser.server
    ticket = server.issue("ktp").json()
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    assert server.call("POST", "/counters/1/call-next", "staff1").status_code == 200
    browser.sign_in("admin")
    browser.open("/console/hall/lokets/1")
    # Counted from the server's clock (a test's is days behind this machine's), not the browser's.
    assert re.fullmatch(r"0:0\d", browser.text(".facts .timer"))
    browser.find("#reason").send_keys("Rapat")
    browser.submit("#close-loket")
    assert browser.text("#problem").startswith(f"Tiket {ticket['code']} masih di loket ini.")
    assert browser.find("#reason").get_attribute("value") == "Rapat"
    assert _loket_on_server(server, 1)["staff"] == "staff1"
    browser.submit("#take-over")
    assert browser.text("#notice") == "Loket 1 sekarang atas nama Anda."
    _live(browser)
    assert not browser.finds("#service-ktp .badge")
    for _ in range(4):  # the test catalog's KTP quota is 5
        assert server.issue("ktp").status_code == 201
    browser.until(lambda: browser.finds("#service-ktp .badge"))
    assert browser.text("#service-ktp .badge") == "kuota habis"
    assert browser.text("#loket-1 td:nth-child(3)") == "admin"
    loket = _loket_on_server(server, 1)
    assert (loket["staff"], loket["current_ticket"]["code"]) == ("admin", ticket["code"])


def test_a_form_with_a_missing_or_wrong_csrf_mark_is_refused_and_changes_nothing(browser: Browser) -> None:
    server = browser.server
    assert server.call("POST", "/counters/1/open", "staff1").status_code == 200
    browser.sign_in("super")
    for forge in ("document.querySelector('#loket-form input[name=csrf]').value = 'salah'",
                  "document.querySelector('#loket-form input[name=csrf]').remove()"):
        browser.open("/console/hall/lokets/1")
        browser.driver.execute_script(forge)
        browser.find("#reason").send_keys("palsu")
        browser.submit("#close-loket")
        assert browser.text("#error-title") == "Formulir ditolak"
        assert "tidak ada yang diubah" in browser.text("#error-text")
        assert _loket_on_server(server, 1)["state"] == "open"


def test_text_anyone_can_type_is_shown_as_text_never_run(browser: Browser) -> None:
    """An officer's display name, a pause reason, a service's name and a typed username, each holding
    markup: the page shows them letter for letter, and no script of theirs runs."""
    server = browser.server
    accounts = server.services.accounts
    accounts.add_user("jahil", PASSWORD, Role.STAFF, display_name=XSS)
    doc = copy.deepcopy(dict(load_catalog_file(TEST_CATALOG).document))
    doc["agencies"][0]["services"][1]["name"] = XSS
    server.services.engine.import_catalog(parse_catalog(doc), "xss")
    token = server.login("jahil")
    bearer = {"Authorization": f"Bearer {token}"}
    assert server.http.post(f"{server.api}/counters/1/open", headers=bearer, timeout=10).status_code == 200
    assert server.call("POST", "/counters/2/open", "staff1").status_code == 200
    assert server.call("POST", "/counters/2/pause", "staff1", json={"reason": XSS}).status_code == 200

    browser.sign_in("super")
    assert browser.text("#loket-1 td:nth-child(3)") == XSS
    assert browser.text("#loket-2 .reason") == XSS
    assert XSS in browser.text("#service-kk td:first-child")
    _live(browser)  # the live part, fetched by the script and put in place, is escaped as well
    assert browser.text("#loket-1 td:nth-child(3)") == XSS
    assert browser.driver.execute_script("return window.__xss") is None
    assert not browser.finds("img[src=x]")

    browser.submit("#sign-out")
    browser.sign_in(XSS, "salah-salah")
    assert browser.find("#username").get_attribute("value") == XSS
    assert browser.driver.execute_script("return window.__xss") is None
