"""The kiosk's "Isi Survei" against the real server: a ticket served over the staff API answers the
SKM survey by its typed code or its scanned QR, and the row is in the database with channel kiosk; a
ticket that may not answer is refused with its words and a way on; walking away discards the answers.

Taps for a whole survey with a scanned QR: Isi Survei (1), nine answers (9), gender, education,
occupation (3), "Lewati & Kirim" (1): 14; a typed code adds its keys and Lanjut."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from core.survey import QUESTIONNAIRE
from server.db import survey_responses
from tests.support.clock import wib
from tests.support.kiosk import Kiosk, layout_problems, start_kiosk
from tests.support.server import TEST_CATALOG, LiveServer, live_server

SCORES = (4, 3, 4, 2, 3, 4, 4, 1, 3)  # by the questionnaire's order


def served(server: LiveServer, service: str = "kk", loket: int = 1) -> dict[str, Any]:
    """A ticket issued at the kiosk, called, served and finished at ``loket`` by staff1."""
    ticket = server.issue(service).json()
    for path in (f"/counters/{loket}/open", f"/counters/{loket}/call-next", f"/tickets/{ticket['id']}/start",
                 f"/tickets/{ticket['id']}/finish"):
        r = server.call("POST", path, "staff1")
        assert r.status_code == 200, r.text
    return ticket


def stored(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return list(conn.execute(select(survey_responses).order_by(survey_responses.c.id)))


def open_survey_entry(kiosk: Kiosk) -> None:
    kiosk.tap(kiosk.controller.home.survey_button)
    kiosk.wait_screen("survey_entry")


def type_survey_code(kiosk: Kiosk, text: str) -> None:
    keypad = kiosk.controller.survey_entry.keypad
    for char in text:
        kiosk.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])
    kiosk.tap(kiosk.controller.survey_entry.ok_button)


def answer_all(kiosk: Kiosk, *, age: str = "") -> int:
    """Answer every step as a citizen would; returns the taps it took."""
    survey, taps = kiosk.controller.survey, 0
    for expected, score in zip(QUESTIONNAIRE, SCORES, strict=True):
        assert survey.step().key == expected.unsur.value
        assert survey.progress.text() == f"{QUESTIONNAIRE.index(expected) + 1}/9"
        kiosk.tap(survey.choice_buttons()[str(score)])
        taps += 1
    for value in ("perempuan", "s1", "swasta"):
        kiosk.tap(survey.choice_buttons()[value])
        taps += 1
    assert survey.step().kind == "age"
    for digit in age:
        kiosk.tap(survey.keypad.digit_keys[digit])
        taps += 1
    kiosk.tap(survey.send_button)
    return taps + 1


def test_a_served_ticket_answers_by_its_typed_code_and_is_stored_as_the_kiosks(kiosk, server):
    ticket = served(server)
    open_survey_entry(kiosk)
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("survey")
    assert kiosk.controller.survey.code() == ticket["code"]
    taps = answer_all(kiosk)
    kiosk.wait_screen("survey_thanks")
    assert 1 + taps == 14  # Isi Survei, then the survey itself (the code's keys and Lanjut aside)
    (row,) = stored(server)
    assert (row.ticket_id, row.channel, row.counter_id, row.served_by) == (ticket["id"], "kiosk", 1, "staff1")
    assert tuple(getattr(row, f"u_{q.unsur.value}") for q in QUESTIONNAIRE) == SCORES
    assert (row.gender, row.education, row.occupation, row.age, row.comment) == ("perempuan", "s1", "swasta",
                                                                                None, None)
    kiosk.tap(kiosk.controller.survey_thanks.done_button)
    kiosk.wait_screen("home")


def test_a_scanned_status_qr_opens_the_survey_with_the_age_typed(kiosk, server):
    ticket = served(server)
    open_survey_entry(kiosk)
    kiosk.scan(ticket["status_url"])
    kiosk.wait_screen("survey")
    answer_all(kiosk, age="34")
    kiosk.wait_screen("survey_thanks")
    (row,) = stored(server)
    assert (row.ticket_id, row.channel, row.age) == (ticket["id"], "kiosk", 34)


def test_a_ticket_not_served_yet_is_refused_in_both_languages_with_a_way_on(kiosk, server):
    server.issue("kk")
    open_survey_entry(kiosk)
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("message")
    message = kiosk.controller.message
    assert message.title.texts() == ("Tiket ini belum selesai dilayani", "This ticket has not been served yet")
    kiosk.tap(message.buttons["status"])       # "Masukkan kode lagi": the survey's keypad again
    kiosk.wait_screen("survey_entry")
    assert stored(server) == []


def test_a_ticket_answers_once_and_an_unknown_code_is_not_found(kiosk, server):
    served(server)
    open_survey_entry(kiosk)
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("survey")
    answer_all(kiosk)
    kiosk.wait_screen("survey_thanks")
    kiosk.tap(kiosk.controller.survey_thanks.done_button)
    kiosk.wait_screen("home")
    open_survey_entry(kiosk)
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("message")
    assert kiosk.controller.message.message().code == "survey_already_answered"
    kiosk.tap(kiosk.controller.message.buttons["status"])
    kiosk.wait_screen("survey_entry")
    type_survey_code(kiosk, "B9")
    kiosk.wait_screen("message")
    assert kiosk.controller.message.title.texts() == ("Tiket tidak ditemukan", "Ticket not found")
    assert len(stored(server)) == 1


def test_walking_away_mid_survey_discards_it_and_sends_nothing(kiosk, server):
    served(server)
    open_survey_entry(kiosk)
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("survey")
    survey = kiosk.controller.survey
    for score in ("4", "3", "2"):
        kiosk.tap(survey.choice_buttons()[score])
    assert survey.progress.text() == "4/9"
    kiosk.controller.idle.set_timeout_ms(300)   # the citizen walks away
    kiosk.wait_screen("home")
    assert survey.draft.answers == {} and survey.index() == 0
    assert stored(server) == []
    open_survey_entry(kiosk)                    # the next citizen starts afresh
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("survey")
    assert survey.progress.text() == "1/9" and not any(
        b.property("state") == "chosen" for b in survey.choice_buttons().values())


@pytest.mark.parametrize(("size", "fake_long", "lang"), [
    ((1024, 768), False, "id"), ((1024, 768), False, "en"), ((1024, 768), True, "id"), ((1080, 1920), True, "en"),
    ((1920, 1080), False, "id"),
], ids=["1024x768-id", "1024x768-en", "1024x768-long", "1080x1920-long", "1920x1080-id"])
def test_every_survey_screen_fits(make_kiosk, server, size, fake_long, lang):
    """GIVEN the kiosk's sizes (and every text 1.6 times as long) THEN each survey step, the keypad of the
    age and the thanks keep every button whole, large enough for a finger, and no text cut off."""
    kiosk = make_kiosk(size=size, fake_long=fake_long, language=lang)
    served(server)
    problems: dict[str, list[str]] = {}

    def check(name: str) -> None:
        QCoreApplication.processEvents()
        found = layout_problems(kiosk.window)
        if found:
            problems[name] = found

    check("home")
    open_survey_entry(kiosk)
    check("entry")
    type_survey_code(kiosk, "B1")
    kiosk.wait_screen("survey")
    survey = kiosk.controller.survey
    while survey.step().kind != "age":
        check(survey.step().key)
        kiosk.tap(next(iter(survey.choice_buttons().values())))
    kiosk.tap(survey.keypad.digit_keys["7"])
    kiosk.tap(survey.send_button)               # 7 is too young: said beside the keypad
    check("age, refused")
    assert survey.age_error.text()
    kiosk.tap(survey.keypad.clear)
    kiosk.tap(survey.send_button)
    kiosk.wait_screen("survey_thanks")
    check("thanks")
    assert not problems, problems


def test_a_ticket_past_its_seven_days_is_refused_as_closed(kiosk, server):
    """GIVEN a ticket served on Monday 23 November WHEN its QR is scanned at the kiosk on 1 December
    THEN the kiosk says the time to answer has passed, in both languages, and nothing is stored."""
    ticket = served(server)
    server.clock.set(wib(2026, 12, 1, 9, 0))
    server.issue("ktp")                          # the server sees the new date, and holds it a while:
    server.clock.advance(minutes=6)              # then 1 December is its service day
    open_survey_entry(kiosk)
    kiosk.scan(ticket["status_url"])
    kiosk.wait_screen("message")
    assert kiosk.controller.message.title.texts() == ("Waktu mengisi survei sudah lewat",
                                                      "The time to answer the survey has passed")
    assert stored(server) == []


SITE_QUESTION = '''
[[survey.questions]]
id = "ruang_tunggu"
text = "Bagaimana kenyamanan ruang tunggu?"
text_en = "How comfortable is the waiting room?"
kind = "scale"
labels = ["Tidak nyaman", "Kurang nyaman", "Nyaman", "Sangat nyaman"]
labels_en = ["Uncomfortable", "Rather uncomfortable", "Comfortable", "Very comfortable"]
'''


def test_the_sites_own_scale_question_follows_the_nine_and_is_stored_apart(qtbot, tmp_path, clock):
    """GIVEN a site whose catalog adds a question of its own WHEN a served ticket answers at the kiosk
    THEN the question comes after the nine unsur, and its answer is stored in ``extra``, not in an unsur."""
    catalog = tmp_path / "catalog.toml"
    catalog.write_text(TEST_CATALOG.read_text(encoding="utf-8") + SITE_QUESTION, encoding="utf-8")
    with live_server(tmp_path, clock=clock, catalog=catalog) as live:
        kiosk = start_kiosk(qtbot, live, printer_spec=None)
        try:
            served(live)
            open_survey_entry(kiosk)
            type_survey_code(kiosk, "B1")
            kiosk.wait_screen("survey")
            survey = kiosk.controller.survey
            for _ in range(9):
                kiosk.tap(survey.choice_buttons()["3"])
            assert (survey.step().kind, survey.question.text()) == ("site", "Bagaimana kenyamanan ruang tunggu?")
            kiosk.tap(survey.choice_buttons()["2"])
            for value in ("laki_laki", "sd", "lainnya"):
                kiosk.tap(survey.choice_buttons()[value])
            kiosk.tap(survey.send_button)
            kiosk.wait_screen("survey_thanks")
            (row,) = stored(live)
            assert row.extra == {"ruang_tunggu": 2} and row.u_sarana == 3
        finally:
            kiosk.stop()
