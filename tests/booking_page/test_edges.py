"""The booking page's edges over real HTTP: each step's weight (the whole page is its one HTTP body: no script,
no stylesheet, no picture is fetched), the form refused without its mark or from another site, markup in the
catalog and in what was typed shown as text and never run, and the page's own error pages (404, 413, 500) in the
citizen's language, never JSON or a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests
from selenium.webdriver.common.by import By

from server.console import csrf
from tests.booking_page.conftest import BOOKING_CATALOG, scripts
from tests.booking_page.test_refusals import count, fill, nik
from tests.console.conftest import Browser
from tests.support.clock import SettableClock
from tests.support.server import LiveServer, live_server

MOST_BYTES = 100_000
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'


def page(server: LiveServer, path: str, **kw: object) -> requests.Response:
    r = server.http.get(server.url + path, timeout=10, **kw)
    assert r.headers["content-type"].startswith("text/html"), r.text[:200]
    return r


def form_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)"', html))


def test_every_step_weighs_under_100_kb_and_fetches_nothing_else(server: LiveServer) -> None:
    """GIVEN a booking made through the form
    THEN the services, the days (40 of them), a day's slots, the form, the booking with its QR, and the cancel
    step each come in one body of at most 100 KB, with no script and nothing to fetch; the figures are printed."""
    form = page(server, "/booking?service=paspor&date=2026-11-25&slot=09:00")
    made = server.http.post(f"{server.url}/booking", data={**form_fields(form.text), "nik": nik(1)},
                            headers={"Origin": server.url}, allow_redirects=False, timeout=10)
    assert made.status_code == 303, made.text
    steps = ["/booking", "/booking?service=paspor", "/booking?service=paspor&date=2026-11-25",
             "/booking?service=paspor&date=2026-11-25&slot=09:30", made.headers["location"],
             made.headers["location"].replace("?", "/cancel?")]
    weights = {}
    for path in steps:
        r = page(server, path)
        assert r.status_code == 200, (path, r.text[:300])
        weights[path] = len(r.content)
        assert len(r.content) <= MOST_BYTES, (path, len(r.content))
        assert "<script" not in r.text and "<link" not in r.text and " src=" not in r.text
        assert "script-src" not in r.headers["content-security-policy"]
    assert "<svg" in page(server, made.headers["location"]).text
    print("\n".join(f"{n:>7} bytes  {p}" for p, n in weights.items()))


def test_the_form_is_refused_without_its_mark_from_another_site_or_for_another_slot(server: LiveServer) -> None:
    """A form with no mark, with the mark of another slot, or posted from another origin is refused (403) with a
    page that says to open the booking page again; nothing is stored. The cancel form too."""
    fields = form_fields(page(server, "/booking?service=paspor&date=2026-11-25&slot=09:00").text)
    other = form_fields(page(server, "/booking?service=paspor&date=2026-11-25&slot=09:30").text)
    tries = [({**fields, "csrf": ""}, server.url), ({**fields, "csrf": other["csrf"]}, server.url),
             (fields, "https://evil.example")]
    for data, origin in tries:
        r = server.http.post(f"{server.url}/booking", data={**data, "nik": nik(1)}, headers={"Origin": origin},
                             allow_redirects=False, timeout=10)
        assert r.status_code == 403
        assert "Formulir ini sudah tidak berlaku" in r.text
    assert count(server) == 0
    made = server.http.post(f"{server.url}/booking", data={**fields, "nik": nik(1)}, headers={"Origin": server.url},
                            allow_redirects=False, timeout=10)
    token = made.headers["location"].split("/")[2].split("?")[0]
    r = server.http.post(f"{server.url}/booking/{token}/cancel", data={"csrf": fields["csrf"]},
                         headers={"Origin": server.url}, allow_redirects=False, timeout=10)
    assert r.status_code == 403
    assert server.call("GET", f"/bookings/{token}").json()["status"] == "booked"


def test_markup_in_the_catalog_and_in_what_was_typed_is_shown_as_text(browser: Browser) -> None:
    """With page scripts on, markup in a service's persyaratan and in the typed fields after a refusal is text:
    no element is made of it and nothing runs."""
    scripts(browser.driver, run=True)
    fill(browser, "/booking?service=kk&date=2026-11-25&slot=09:00", XSS, phone=XSS)
    assert "NIK tidak valid" in browser.text("#problem")
    assert XSS in browser.text("#requirements")
    assert browser.find("#nik").get_attribute("value") == XSS[:24]
    assert browser.find("#phone").get_attribute("value") == XSS[:24]
    assert browser.driver.find_elements(By.CSS_SELECTOR, "script, img, [onerror]") == []
    assert browser.driver.execute_script("return window.__xss") is None


@pytest.mark.parametrize(("path", "lang", "words"), [
    ("/booking/no-such-token", "id", "Booking tidak ditemukan"),
    ("/booking/no-such-token/cancel", "en", "Booking not found"),
    ("/booking/a/b/c", "id", "Halaman tidak ditemukan"),
    ("/booking?service=nope", "en", "Page not found"),
    ("/booking?service=paspor&date=besok", "id", "Halaman tidak ditemukan"),
    ("/booking?service=paspor&date=2026-11-25&slot=9.00", "id", "Halaman tidak ditemukan"),
])
def test_an_unknown_address_is_a_page_in_the_citizens_language(server: LiveServer, path: str, lang: str,
                                                                 words: str) -> None:
    r = page(server, path, headers={"Accept-Language": lang})
    assert r.status_code == 404
    assert words in r.text and "Traceback" not in r.text
    assert 'id="way-on" href="/booking?lang=' in r.text


def test_a_body_over_the_cap_and_a_failure_are_pages_too(server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A form body past the server's cap is refused (413) before it is read, as a page; a failure inside the
    server is a 500 page with its reference, never the traceback."""
    big = server.http.post(f"{server.url}/booking", data={"nik": "1" * 2_000_000}, timeout=10,
                           headers={"Accept-Language": "en"})
    assert big.status_code == 413
    assert big.headers["content-type"].startswith("text/html")
    assert "The form is too large" in big.text

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(server.services.engine.bookings, "quota_today", broken)
    r = page(server, "/booking")
    assert r.status_code == 500
    assert "Permintaan Anda tidak dapat diproses" in r.text
    assert "a bug" not in r.text and "Traceback" not in r.text
    assert r.headers["x-request-id"] in r.text


def test_too_many_forms_from_one_client_are_a_page_saying_when_to_try_again(tmp_path: Path,
                                                                             clock: SettableClock) -> None:
    """GIVEN a server that takes two booking attempts per client in ten minutes (the API's limiter)
    WHEN the same phone sends the form a third time
    THEN a 429 page in its language says when to try again (Retry-After, and the time in words), nothing is
    stored, and the way on is the same slot's form; ten minutes later it books."""
    with live_server(tmp_path, clock=clock, catalog=BOOKING_CATALOG, booking_attempts=2) as server:
        fields = form_fields(page(server, "/booking?service=paspor&date=2026-11-25&slot=09:00").text)
        for _ in (1, 2):
            r = server.http.post(f"{server.url}/booking", data={**fields, "nik": "123"},
                                 headers={"Origin": server.url}, allow_redirects=False, timeout=10)
            assert r.status_code == 422
        r = server.http.post(f"{server.url}/booking", data={**fields, "nik": nik(1)},
                             headers={"Origin": server.url, "Accept-Language": "id"}, allow_redirects=False,
                             timeout=10)
        assert r.status_code == 429
        assert r.headers["retry-after"] == "600"
        assert "Terlalu banyak permintaan dari perangkat ini. Coba lagi dalam 10 menit (pukul 09.10)." in r.text
        assert 'href="/booking?service=paspor&amp;date=2026-11-25&amp;slot=09%3A00&amp;lang=id"' in r.text
        assert count(server) == 0
        clock.advance(minutes=10)
        r = server.http.post(f"{server.url}/booking", data={**fields, "nik": nik(1)},
                             headers={"Origin": server.url}, allow_redirects=False, timeout=10)
        assert r.status_code == 303
        assert count(server) == 1


def test_a_form_for_a_service_that_no_longer_takes_bookings_is_a_page_that_says_so(server: LiveServer) -> None:
    """A form of a service the catalog has since taken bookings off (here: one that never took them, with a mark
    the server would have given its form) is refused in words, nothing stored."""
    mark = csrf.mark_for(server.services.engine.nik_key, "booking:ktp:2026-11-25:09:00")
    r = server.http.post(f"{server.url}/booking", data={"csrf": mark, "service": "ktp", "date": "2026-11-25",
                                                        "slot": "09:00", "nik": nik(1), "lang": "en"},
                         headers={"Origin": server.url}, allow_redirects=False, timeout=10)
    assert r.status_code == 409
    assert "This service takes no bookings. Please come and take a ticket at the kiosk." in r.text
    assert count(server) == 0
