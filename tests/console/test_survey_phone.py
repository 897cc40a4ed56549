"""The survey on a citizen's phone, in a real chromium the size of a phone (390×844) against the real server:
a ticket served by a loket over HTTP, its QR page turned into the survey, answered in Indonesian and in
English, a missing answer shown beside its question with the choices kept, the thanks, a second answer
refused in words, and a comment holding markup kept as text and never run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import select

from core.survey import QUESTIONNAIRE, Unsur
from server.db import survey_responses
from tests.console.conftest import Browser
from tests.support.browser import PHONE, phone_driver, speaks
from tests.support.server import LiveServer

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    with phone_driver(tmp_path_factory.mktemp("phone-profile")) as driver:
        yield driver


@pytest.fixture
def browser(phone: WebDriver, server: LiveServer) -> Browser:
    """A phone set to Indonesian."""
    speaks(phone, "id-ID,id;q=0.9,en;q=0.5")
    return Browser(phone, server)


def served(server: LiveServer) -> dict[str, Any]:
    """A ticket issued at the kiosk and served to the end at loket 1, as the counter app does it over HTTP."""
    ticket = server.issue("kk").json()
    for method, path in (("POST", "/counters/1/open"), ("POST", "/counters/1/call-next"),
                         ("POST", f"/tickets/{ticket['id']}/start"), ("POST", f"/tickets/{ticket['id']}/finish")):
        r = server.call(method, path, "staff1")
        assert r.status_code == 200, r.text
    return ticket


def choose(browser: Browser, name: str, value: int | str) -> None:
    browser.find(f"input[name='{name}'][value='{value}']").click()


def chosen(browser: Browser, name: str) -> str | None:
    picked = [e.get_attribute("value") for e in browser.finds(f"input[name='{name}']") if e.is_selected()]
    return picked[0] if picked else None


def stored(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return list(conn.execute(select(survey_responses)))


def test_a_citizen_answers_on_the_phone_after_service_and_a_second_answer_is_refused(browser: Browser) -> None:
    """GIVEN a ticket a loket has just finished
    WHEN its holder opens the QR link, sends the form half done, then completes it
    THEN the reasons stand beside the missing questions with the choices kept; the thanks follow; the row
    is stored with where it was served; a second form for the same ticket is refused with a message."""
    server = browser.server
    ticket = served(server)
    browser.open(f"/t/{ticket['token']}")
    assert browser.text("h1") == "Survei Kepuasan Masyarakat"
    assert browser.text("#ticket-code") == ticket["code"]
    assert browser.text("#q-persyaratan legend") == "1/9 Persyaratan"
    assert browser.text("#q-persyaratan p") == QUESTIONNAIRE[0].question_id
    assert browser.driver.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]

    # A second tab holds the same form, to send after the first one's answer.
    first = browser.driver.current_window_handle
    browser.driver.switch_to.new_window("tab")
    speaks(browser.driver, "id-ID,id;q=0.9")
    browser.open(f"/t/{ticket['token']}")
    second = browser.driver.current_window_handle
    browser.driver.switch_to.window(first)

    for unsur in list(Unsur)[:5]:
        choose(browser, f"u_{unsur}", 3)
    choose(browser, "gender", "perempuan")
    browser.find("#comment").send_keys(XSS)
    browser.submit("#send")
    assert browser.text("#fix") == "Ada jawaban yang belum diisi; lihat tanda merah."
    assert browser.text("#problem-u_perilaku") == "Pilih salah satu jawaban."
    assert browser.text("#problem-education") == "Pilih salah satu jawaban."
    assert not browser.finds("#problem-u_persyaratan") and not browser.finds("#problem-gender")
    assert [chosen(browser, f"u_{u}") for u in Unsur] == ["3"] * 5 + [None] * 4
    assert chosen(browser, "gender") == "perempuan"
    assert browser.find("#comment").get_attribute("value") == XSS
    assert browser.driver.execute_script("return window.__xss") is None
    assert stored(server) == []

    for unsur in list(Unsur)[5:]:
        choose(browser, f"u_{unsur}", 4)
    choose(browser, "education", "sma")
    choose(browser, "occupation", "wirausaha")
    browser.find("#age").send_keys("52")
    browser.submit("#send")
    assert browser.text("#heading") == "Terima kasih!"
    assert browser.text("#notice") == (f"Jawaban Anda untuk tiket {ticket['code']} sudah kami terima. Penilaian Anda "
                                       "membantu kami memperbaiki pelayanan.")
    (row,) = stored(server)
    assert (row.ticket_id, row.channel, row.counter_id, row.served_by, row.u_persyaratan, row.u_sarana,
            row.gender, row.education, row.occupation, row.age, row.comment) == (
        ticket["id"], "phone", 1, "staff1", 3, 4, "perempuan", "sma", "wirausaha", 52, XSS)
    assert browser.driver.execute_script("return window.__xss") is None

    browser.driver.switch_to.window(second)
    for unsur in Unsur:
        choose(browser, f"u_{unsur}", 1)
    for field, value in (("gender", "laki_laki"), ("education", "sd"), ("occupation", "lainnya")):
        choose(browser, field, value)
    browser.submit("#send")
    assert browser.text("#notice") == f"Survei untuk tiket {ticket['code']} sudah diisi. Terima kasih."
    assert len(stored(server)) == 1
    browser.driver.close()
    browser.driver.switch_to.window(first)
    browser.open(f"/t/{ticket['token']}")
    assert browser.text("#notice") == f"Survei untuk tiket {ticket['code']} sudah diisi. Terima kasih."


def test_the_survey_in_english_keeps_its_language_through_a_missing_answer(browser: Browser) -> None:
    """The page's link switches it to English; a phone set to English gets English at once."""
    server = browser.server
    ticket = served(server)
    browser.open(f"/t/{ticket['token']}")
    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Public Satisfaction Survey")
    speaks(browser.driver, "en-GB,en;q=0.9")
    browser.open(f"/t/{ticket['token']}")
    assert browser.text("h1") == "Public Satisfaction Survey"
    assert browser.text("#q-waktu legend") == "3/9 Completion time"
    for unsur in Unsur:
        choose(browser, f"u_{unsur}", 2)
    choose(browser, "gender", "laki_laki")
    choose(browser, "education", "s2")
    browser.submit("#send")
    assert browser.text("#problem-occupation") == "Please choose one answer."
    choose(browser, "occupation", "pns")
    browser.submit("#send")
    assert browser.text("#heading") == "Thank you!"
    assert [r.u_waktu for r in stored(server)] == [2]
