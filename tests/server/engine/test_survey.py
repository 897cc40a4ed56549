"""The survey's intake at engine level: only a ticket that reached done answers, once, until ANSWER_DAYS
after its service date by the site's clock; each answer checked; where it was served copied from the ticket."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core.survey import COMMENT_MAX, Unsur
from core.wire import TicketStatus as S
from server.db import survey_responses
from server.engine.survey import HIDDEN_NUMBER, Reply
from server.errors import ApiError
from server.events import events_after
from tests.support.clock import wib
from tests.support.engine import EngineHall

MONDAY = wib(2026, 11, 23, 9, 0)
ALL_GOOD = {unsur.value: 4 for unsur in Unsur}


def refusal(call) -> tuple[int, str, dict]:
    with pytest.raises(ApiError) as refused:
        call()
    return refused.value.status, refused.value.code, refused.value.params


def served(hall: EngineHall, service: str = "ktp", *, finish: bool = True) -> dict:
    """A ticket of ``service`` called and served at loket 1 by staff1 (and finished unless told not to)."""
    ticket = hall.issue(service)
    hall.engine.open_counter(hall.staff, 1, None)
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    if finish:
        hall.engine.ticket_action(hall.staff, ticket["id"], S.DONE)
    return ticket


def reply(ref: str, channel: str = "phone", **changes) -> Reply:
    fields = {"answers": dict(ALL_GOOD), "gender": "perempuan", "education": "s1", "occupation": "swasta",
              "age": 34, "comment": None, "extra": None}
    fields.update(changes)
    return Reply(ref=ref, channel=channel, **fields)


def rows(hall: EngineHall) -> list:
    with hall.engine.db.read() as conn:
        return list(conn.execute(select(survey_responses)))


def test_a_served_ticket_answers_once_and_its_loket_service_and_officer_are_copied(hall):
    ticket = served(hall)
    form = hall.engine.survey.by_token(ticket["token"])
    assert (form.code, form.service_date, form.answerable_until) == (ticket["code"], date(2026, 11, 23),
                                                                     date(2026, 11, 30))
    answered = hall.engine.survey.answer(reply(form.ref, answers={**ALL_GOOD, "waktu": 2}))
    (row,) = rows(hall)
    assert (row.id, row.ticket_id, row.service_date, row.channel, row.agency_id, row.service_id, row.counter_id,
            row.served_by) == (answered.id, ticket["id"], "2026-11-23", "phone", "dukcapil", "ktp", 1, "staff1")
    assert (row.u_waktu, row.u_sarana, row.gender, row.age) == (2, 4, "perempuan", 34)
    assert refusal(lambda: hall.engine.survey.answer(reply(form.ref)))[:2] == (409, "survey_already_answered")
    assert refusal(lambda: hall.engine.survey.by_token(ticket["token"]))[:2] == (409, "survey_already_answered")
    assert len(rows(hall)) == 1


@pytest.mark.parametrize("status", ["waiting", "called", "serving", "no_show", "cancelled"])
def test_a_ticket_that_did_not_reach_done_is_refused(hall, status):
    ticket = hall.issue("ktp")
    if status != "waiting":
        hall.engine.open_counter(hall.staff, 1, None)
        hall.call_next(1)
    if status == "serving":
        hall.engine.ticket_action(hall.staff, ticket["id"], S.SERVING)
    if status == "no_show":
        hall.clock.advance(minutes=5)
        hall.engine.ticket_action(hall.staff, ticket["id"], S.NO_SHOW)
    if status == "cancelled":
        hall.engine.ticket_action(hall.staff, ticket["id"], S.CANCELLED)
    assert hall.engine.ticket_by_id(ticket["id"])["status"] == status
    assert refusal(lambda: hall.engine.survey.by_token(ticket["token"])) == (
        409, "survey_not_served", {"code": ticket["code"], "status": status})


def test_a_ticket_refused_at_the_form_is_refused_at_the_answer_too(hall):
    """The answer checks the ticket again in its own transaction: a ref made while it was done, then the
    ticket not done (here: the ref of a ticket that is only being served)."""
    ticket = served(hall, finish=False)
    ref = hall.engine.survey._ref(ticket["id"])
    assert refusal(lambda: hall.engine.survey.answer(reply(ref)))[:2] == (409, "survey_not_served")
    assert rows(hall) == []


def test_day_seven_by_the_site_s_clock_is_still_open_and_day_eight_is_closed(hall):
    ticket = served(hall)
    form = hall.engine.survey.by_token(ticket["token"])
    hall.new_day_at(wib(2026, 11, 30, 23, 50))     # day 7, late evening
    assert hall.engine.survey.by_token(ticket["token"]).answerable_until == date(2026, 11, 30)
    hall.new_day_at(wib(2026, 12, 1, 6, 0))        # day 8 in WIB, while UTC still says 30 November
    assert hall.clock.now().date() == date(2026, 11, 30)
    assert refusal(lambda: hall.engine.survey.by_token(ticket["token"])) == (
        409, "survey_closed", {"code": ticket["code"], "answerable_until": "2026-11-30"})
    assert refusal(lambda: hall.engine.survey.answer(reply(form.ref)))[:2] == (409, "survey_closed")
    assert rows(hall) == []


def test_an_unknown_or_malformed_token_is_ticket_not_found(hall):
    for token in ("x" * 40, "nul\x00token-abc", "short"):
        assert refusal(lambda t=token: hall.engine.survey.by_token(t))[:2] == (404, "ticket_not_found")


def test_a_forged_or_counted_up_ref_is_refused(hall):
    ticket = served(hall)
    real = hall.engine.survey.by_token(ticket["token"]).ref
    number, _, mac = real.partition(".")
    for ref in (f"{int(number) + 1}.{mac}", number, f"{number}.{'0' * 32}", "", "-1.x", "٣.abc"):
        assert refusal(lambda r=ref: hall.engine.survey.answer(reply(r))) == (422, "survey_invalid",
                                                                            {"field": "ref"})
    assert rows(hall) == []


@pytest.mark.parametrize(("changes", "field"), [
    ({"answers": {k: v for k, v in ALL_GOOD.items() if k != "pengaduan"}}, "answers.pengaduan"),
    ({"answers": {**ALL_GOOD, "biaya": 5}}, "answers.biaya"),
    ({"answers": {**ALL_GOOD, "biaya": 0}}, "answers.biaya"),
    ({"answers": {**ALL_GOOD, "biaya": True}}, "answers.biaya"),
    ({"answers": {**ALL_GOOD, "kebersihan": 3}}, "answers.kebersihan"),
    ({"gender": None}, "gender"),
    ({"education": "sma_plus"}, "education"),
    ({"occupation": None}, "occupation"),
    ({"age": 14}, "age"),
    ({"age": 101}, "age"),
    ({"comment": "x" * (COMMENT_MAX + 1)}, "comment"),
    ({"extra": {"kebersihan": 3}}, "extra.kebersihan"),
])
def test_a_missing_or_out_of_range_answer_is_survey_invalid_naming_the_field(hall, changes, field):
    ticket = served(hall)
    form = hall.engine.survey.by_token(ticket["token"])
    assert refusal(lambda: hall.engine.survey.answer(reply(form.ref, **changes))) == (
        422, "survey_invalid", {"field": field})
    assert rows(hall) == []


def test_the_comment_is_trimmed_and_a_nik_or_phone_number_in_it_is_kept_out(hall):
    ticket = served(hall)
    form = hall.engine.survey.by_token(ticket["token"])
    comment = "  Antrean rapi. NIK saya 3204 1234 5678 0001, telepon +62 812-3456-7890; loket 3 cepat.  "
    hall.engine.survey.answer(reply(form.ref, comment=comment))
    (row,) = rows(hall)
    assert row.comment == f"Antrean rapi. NIK saya {HIDDEN_NUMBER}, telepon {HIDDEN_NUMBER}; loket 3 cepat."


def test_an_empty_comment_is_stored_as_none_and_the_optional_age_may_be_left_out(hall):
    ticket = served(hall)
    form = hall.engine.survey.by_token(ticket["token"])
    hall.engine.survey.answer(reply(form.ref, comment="   ", age=None))
    (row,) = rows(hall)
    assert (row.comment, row.age, row.extra) == (None, None, None)


def test_by_code_finds_today_s_ticket_only(hall):
    ticket = served(hall)
    assert hall.engine.survey.by_code(ticket["code"]).code == ticket["code"]
    assert refusal(lambda: hall.engine.survey.by_code("A-999"))[:2] == (404, "ticket_not_found")
    hall.new_day_at(wib(2026, 11, 24, 8, 0))
    assert refusal(lambda: hall.engine.survey.by_code(ticket["code"]))[:2] == (404, "ticket_not_found")


def test_by_loket_offers_the_ticket_just_finished_there_for_fifteen_minutes(hall):
    first = served(hall)
    second = served(hall)
    assert hall.engine.survey.by_loket(1).code == second["code"]
    assert refusal(lambda: hall.engine.survey.by_loket(2)) == (404, "survey_none_at_loket", {"counter_id": 2})
    hall.clock.advance(minutes=15, seconds=1)
    assert refusal(lambda: hall.engine.survey.by_loket(1))[:2] == (404, "survey_none_at_loket")
    assert first["code"] != second["code"]


def test_by_loket_offers_nothing_once_the_last_ticket_has_answered(hall):
    """Not the one before it: that citizen has left the loket."""
    served(hall)
    last = served(hall)
    hall.engine.survey.answer(reply(hall.engine.survey.by_loket(1).ref, channel="tablet"))
    assert refusal(lambda: hall.engine.survey.by_loket(1))[:2] == (404, "survey_none_at_loket")
    (row,) = rows(hall)
    assert (row.ticket_id, row.channel) == (last["id"], "tablet")
    assert refusal(lambda: hall.engine.survey.by_loket(99))[:2] == (404, "counter_not_found")


def test_the_answer_writes_its_event_with_no_answers_in_it(hall):
    ticket = served(hall)
    hall.engine.survey.answer(reply(hall.engine.survey.by_token(ticket["token"]).ref, comment="rahasia"))
    with hall.engine.db.read() as conn:
        (event,) = [e for e in events_after(conn, 0) if e["type"] == "survey.answered"]
    assert event["data"] == {"code": ticket["code"], "service_id": "ktp", "service_date": "2026-11-23",
                             "counter": {"id": 1, "name": "Loket 1"}}
