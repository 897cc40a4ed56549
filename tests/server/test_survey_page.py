"""The phone's survey page over plain HTTP: the status page until the ticket is done, the form after, the
form's mark bound to its ticket (a forged or borrowed one changes nothing), the language chosen by
``?lang`` or Accept-Language, a clear message once answered or closed, and no script anywhere."""

from __future__ import annotations

from string import Formatter
from typing import Any

import requests
from sqlalchemy import func, select

from core.survey import Unsur
from server.api.survey_page import TEXT
from server.db import survey_responses
from tests.support.clock import wib
from tests.support.server import LiveServer


def served(server: LiveServer) -> dict[str, Any]:
    ticket = server.issue("kk").json()
    for path in ("/counters/1/open", "/counters/1/call-next", f"/tickets/{ticket['id']}/start",
                 f"/tickets/{ticket['id']}/finish"):
        assert server.call("POST", path, "staff1").status_code == 200
    return ticket


def page(server: LiveServer, token: str, **headers: str) -> requests.Response:
    return requests.get(f"{server.url}/t/{token}", headers=headers, timeout=10)


def mark_of(html: str) -> str:
    return html.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def full_form(mark: str, **changes: str) -> dict[str, str]:
    fields = {"csrf": mark, "lang": "id", **{f"u_{u}": "2" for u in Unsur}, "gender": "laki_laki",
              "education": "diploma", "occupation": "tni", "age": "", "comment": ""}
    return {**fields, **changes}


def post(server: LiveServer, token: str, fields: dict[str, str]) -> requests.Response:
    return requests.post(f"{server.url}/t/{token}/survey", data=fields, headers={"Origin": server.url}, timeout=10)


def count(server: LiveServer) -> int:
    with server.services.db.read() as conn:
        return conn.execute(select(func.count()).select_from(survey_responses)).scalar_one()


def test_the_qr_page_shows_the_queue_until_done_then_the_survey_with_no_script(server):
    ticket = server.issue("paspor").json()       # waits for loket 3, which nobody opens here
    r = page(server, ticket["token"])
    assert r.status_code == 200 and "Menunggu" in r.text and "Survei" not in r.text
    ticket = served(server)
    r = page(server, ticket["token"])
    assert r.status_code == 200 and "Survei Kepuasan Masyarakat" in r.text
    assert "<script" not in r.text.lower() and "refresh" not in r.text
    assert "script-src" not in r.headers["Content-Security-Policy"]
    assert r.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert len(r.content) < 16_000


def test_the_language_follows_lang_then_accept_language(server):
    token = served(server)["token"]
    assert 'lang="id"' in page(server, token).text
    assert 'lang="en"' in page(server, token, **{"Accept-Language": "en-US,en;q=0.9"}).text
    assert 'lang="id"' in page(server, token, **{"Accept-Language": "en;q=0, id;q=0.5"}).text
    assert 'lang="id"' in requests.get(f"{server.url}/t/{token}?lang=id", headers={"Accept-Language": "en"},
                                       timeout=10).text
    assert "Public Satisfaction Survey" in requests.get(f"{server.url}/t/{token}?lang=en", timeout=10).text


def test_a_form_without_its_ticket_s_mark_is_refused_and_stores_nothing(server):
    first, second = served(server), served(server)
    mark = mark_of(page(server, first["token"]).text)
    for token, fields in ((first["token"], full_form("")), (first["token"], full_form("0" * 64)),
                          (second["token"], full_form(mark))):       # a mark borrowed from another ticket
        r = post(server, token, fields)
        assert r.status_code == 403 and "Formulir ini tidak dapat dikirim" in r.text
    r = requests.post(f"{server.url}/t/{first['token']}/survey", data=full_form(mark),
                      headers={"Origin": "https://evil.example"}, timeout=10)
    assert r.status_code == 403
    assert count(server) == 0
    assert post(server, first["token"], full_form(mark)).status_code == 200
    assert count(server) == 1


def test_a_wrong_age_or_a_forged_score_shows_the_form_again_with_the_reason(server):
    token = served(server)["token"]
    mark = mark_of(page(server, token).text)
    r = post(server, token, full_form(mark, age="9"))
    assert r.status_code == 422 and 'id="problem-age">Umur 15–100 tahun, atau kosongkan.' in r.text
    assert 'value="9"' in r.text
    r = post(server, token, full_form(mark, age="tiga puluh"))
    assert r.status_code == 422 and 'id="problem-age"' in r.text
    r = post(server, token, full_form(mark, u_biaya="7"))
    assert r.status_code == 422 and 'id="problem-u_biaya">Pilih salah satu jawaban.' in r.text
    assert count(server) == 0


def test_after_answering_and_after_seven_days_the_page_says_so(server):
    ticket = served(server)
    mark = mark_of(page(server, ticket["token"]).text)
    r = post(server, ticket["token"], full_form(mark, comment="<b>bagus</b>"))
    assert "Terima kasih!" in r.text and "bagus" not in r.text
    r = page(server, ticket["token"], **{"Accept-Language": "en"})
    assert r.status_code == 200 and f"The survey for ticket {ticket['code']} has already been answered" in r.text
    later = served(server)
    server.clock.set(wib(2026, 12, 1, 8, 0))     # day 8: the new date holds a few minutes before it counts
    page(server, later["token"])
    server.clock.advance(minutes=6)
    r = page(server, later["token"])
    assert r.status_code == 200
    assert f"Survei untuk tiket {later['code']} sudah ditutup: survei dapat diisi sampai 2026-11-30." in r.text


def test_every_text_of_the_page_is_in_both_languages_with_the_same_blanks():
    for key, (indonesian, english) in TEXT.items():
        assert indonesian.strip() and english.strip() and indonesian != english, key
        blanks = [{field for _, field, _, _ in Formatter().parse(text)} for text in (indonesian, english)]
        assert blanks[0] == blanks[1], key


def test_the_language_link_of_a_page_answering_a_post_leads_back_to_the_ticket_s_page(server):
    token = served(server)["token"]
    r = post(server, token, full_form(mark_of(page(server, token).text)))
    link = r.text.split('id="lang-en" href="', 1)[1].split('"', 1)[0]
    assert link == f"/t/{token}?lang=en"
    assert requests.get(f"{server.url}{link}", timeout=10).status_code == 200


def test_a_control_character_typed_into_the_comment_is_dropped_not_a_500(any_server):
    """A phone's form is not the API's typed body: a NUL in its comment reaches the intake (and PostgreSQL
    cannot store one)."""
    server = any_server
    token = served(server)["token"]
    r = post(server, token, full_form(mark_of(page(server, token).text), comment="bagus\x00 sekali\x07\nterima kasih"))
    assert r.status_code == 200, r.text
    with server.services.db.read() as conn:
        assert conn.execute(select(survey_responses.c.comment)).scalar_one() == "bagus sekali\nterima kasih"
