"""The site's own survey questions in the catalog (``[[survey.questions]]``): checked field by field as the
rest of the catalog is, kept through the console's TOML export, and answered into ``extra`` only."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from sqlalchemy import select

from core.survey import Unsur
from core.wire import SurveyQuestion
from core.wire import TicketStatus as S
from server import catalog_toml
from server.catalog import CatalogInvalid, parse_catalog
from server.db import survey_responses
from server.engine.survey import Reply
from server.errors import ApiError
from tests.support.clock import wib
from tests.support.server import TEST_CATALOG

CLEAN = {"id": "kebersihan", "text": "Bagaimana kebersihan ruang tunggu?", "text_en": "How clean is the hall?",
         "kind": "scale", "labels": ["Kotor", "Kurang bersih", "Bersih", "Sangat bersih"],
         "labels_en": ["Dirty", "Not quite clean", "Clean", "Very clean"]}
HEARD = {"id": "tahu_dari", "text": "Dari mana Anda tahu MPP?", "kind": "text"}


def with_questions(*questions: dict[str, Any]) -> dict[str, Any]:
    doc = tomllib.loads(TEST_CATALOG.read_text("utf-8"))
    doc["survey"] = {"questions": [copy.deepcopy(q) for q in questions]}
    return doc


def refusal(doc: dict[str, Any]) -> str:
    with pytest.raises(CatalogInvalid) as caught:
        parse_catalog(doc)
    return str(caught.value)


def test_a_catalog_without_a_survey_table_has_no_questions_of_its_own():
    assert parse_catalog(tomllib.loads(TEST_CATALOG.read_text("utf-8"))).survey_questions == ()


def test_scale_and_text_questions_are_read_with_english_falling_back_to_indonesian():
    cat = parse_catalog(with_questions(CLEAN, HEARD))
    assert cat.survey_questions == (
        SurveyQuestion(id="kebersihan", text=CLEAN["text"], text_en=CLEAN["text_en"], kind="scale",
                       labels=tuple(CLEAN["labels"]), labels_en=tuple(CLEAN["labels_en"])),
        SurveyQuestion(id="tahu_dari", text=HEARD["text"], text_en=HEARD["text"], kind="text"))


def test_the_questions_survive_the_console_s_toml_export():
    doc = with_questions(CLEAN, HEARD)
    again = parse_catalog(tomllib.loads(catalog_toml.dumps(parse_catalog(doc).document)))
    assert again.survey_questions == parse_catalog(doc).survey_questions


@pytest.mark.parametrize(("question", "message"), [
    ({**CLEAN, "kind": "pilihan"}, "survey.questions[0].kind: expected scale or text, got 'pilihan'"),
    ({**CLEAN, "labels": ["Buruk", "Baik"]}, "survey.questions[0].labels: expected the four answers' words"),
    ({**CLEAN, "labels_en": ["Bad"]}, "survey.questions[0].labels_en: expected the four answers' words in English"),
    ({**HEARD, "labels": ["a", "b", "c", "d"]}, "survey.questions[0].labels: a text question has no answers"),
    ({**CLEAN, "id": "waktu"}, "survey.questions[0].id: 'waktu' is one of the nine unsur"),
    ({**CLEAN, "id": "Kebersihan Ruang"}, "survey.questions[0].id: expected a lowercase id"),
    ({**CLEAN, "text": " "}, "survey.questions[0].text: expected non-blank text"),
    ({**CLEAN, "text": "x" * 201}, "survey.questions[0].text: expected non-blank text of at most 200"),
    ({**CLEAN, "labels": ["a", "b", "c", 4]}, "survey.questions[0].labels[3]: expected non-blank text"),
    ({**CLEAN, "urutan": 1}, "survey.questions[0].urutan: unknown key"),
])
def test_a_broken_question_is_refused_naming_its_field(question, message):
    assert refusal(with_questions(question)).startswith(message)


def test_an_id_given_twice_too_many_questions_and_an_unknown_survey_key_are_refused():
    assert refusal(with_questions(CLEAN, {**HEARD, "id": "kebersihan"})).startswith(
        "survey.questions[1].id: 'kebersihan' is already the id of survey.questions[0]")
    many = [{**HEARD, "id": f"q{n}"} for n in range(11)]
    assert refusal(with_questions(*many)).startswith("survey.questions: expected at most 10 questions")
    doc = with_questions(CLEAN)
    doc["survey"]["judul"] = "SKM"
    assert refusal(doc).startswith("survey.judul: unknown key")


def test_answers_to_the_site_s_questions_go_to_extra_and_are_checked(make_hall, tmp_path: Path):
    path = tmp_path / "catalog.toml"
    path.write_text(tomli_w.dumps(with_questions(CLEAN, HEARD)))
    hall = make_hall(wib(2026, 11, 23, 9, 0), catalog=path)
    ticket = hall.issue("ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.DONE)
    form = hall.engine.survey.by_token(ticket["token"])
    assert [q.id for q in form.questions] == ["kebersihan", "tahu_dari"]

    def answer(extra: dict[str, Any]) -> None:
        hall.engine.survey.answer(Reply(ref=form.ref, channel="phone", answers={u.value: 1 for u in Unsur},
                                        gender="laki_laki", education="sd", occupation="lainnya", extra=extra))

    for extra, field in (({"kebersihan": 5}, "extra.kebersihan"), ({"kebersihan": "4"}, "extra.kebersihan"),
                         ({"tahu_dari": "x" * 201}, "extra.tahu_dari"), ({"tahu_dari": 3}, "extra.tahu_dari")):
        with pytest.raises(ApiError) as refused:
            answer(extra)
        assert (refused.value.code, refused.value.params) == ("survey_invalid", {"field": field})
    answer({"kebersihan": 4, "tahu_dari": "  Instagram  "})
    with hall.engine.db.read() as conn:
        (row,) = conn.execute(select(survey_responses)).all()
    assert row.extra == {"kebersihan": 4, "tahu_dari": "Instagram"}
    assert {row._mapping[f"u_{u}"] for u in Unsur} == {1}
