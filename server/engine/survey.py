"""The SKM survey's intake: which ticket may answer (one that reached done, once, until ANSWER_DAYS after
its service date by the site's clock), finding it by its QR token, by today's code or by the loket that
just finished it, and writing one answer. The unique ticket_id is the guard against a second answer."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core.rules import STATUS_TOKEN, split_code
from core.survey import AGE_RANGE, ANSWER_DAYS, COMMENT_MAX, SCORES, Education, Gender, Occupation, Unsur
from core.wire import (
    CounterRef,
    ErrorCode,
    EventType,
    SurveyAnswered,
    SurveyAnsweredEvent,
    SurveyForm,
    TicketStatus,
)
from server.catalog import SiteCatalog
from server.db import Database, counters, survey_responses, tickets
from server.engine import statements as sql
from server.engine.catalog_cache import CatalogCache
from server.engine.site_time import SiteTime
from server.engine.unit_of_work import UnitOfWork
from server.errors import ApiError

# The tablet at a loket offers the survey to the citizen who has just left it: later than this, the
# person in front of it is more likely the next one.
LOKET_WINDOW = timedelta(minutes=15)
CHANNELS = ("phone", "kiosk", "tablet")
EXTRA_TEXT_MAX = 200
# A run of ten or more digits (spaces, dots or dashes between them allowed) in a comment is a NIK, a
# phone or an account number far more often than feedback: it is kept out of the reports.
_LONG_NUMBER = re.compile(r"\+?\d(?:[\s.\-]?\d){9,}")
HIDDEN_NUMBER = "[…]"


@dataclass(frozen=True)
class Reply:
    """One survey's answers as a channel hands them in, checked by ``SurveyIntake.answer``."""

    ref: str
    channel: str
    answers: Mapping[str, Any]
    gender: str | None = None
    education: str | None = None
    occupation: str | None = None
    age: int | None = None
    comment: str | None = None
    extra: Mapping[str, Any] | None = None


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, ErrorCode.SURVEY_INVALID, message, field=field)


def clean_comment(text: str | None) -> str | None:
    """The citizen's free text, trimmed, with long numbers hidden and control characters dropped (a NUL is a
    500 on PostgreSQL; line breaks and tabs stay); None when nothing is left."""
    if text is None:
        return None
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    text = _LONG_NUMBER.sub(HIDDEN_NUMBER, text.strip())
    return text or None


class SurveyIntake:
    def __init__(self, db: Database, catalogs: CatalogCache, site_time: SiteTime, unit_of_work: UnitOfWork,
                 key: bytes) -> None:
        self.db = db
        self.catalogs = catalogs
        self.site_time = site_time
        self.unit_of_work = unit_of_work
        self._key = key

    # ----------------------------------------------------------------- finding the ticket

    def by_token(self, token: str) -> SurveyForm:
        if not STATUS_TOKEN.fullmatch(token):
            raise _no_ticket()
        with self.db.read() as conn:
            return self._form(conn, conn.execute(select(tickets).where(tickets.c.token == token)).first())

    def by_code(self, code: str) -> SurveyForm:
        """Today's ticket with that code (as typed at the kiosk, normalised by the route)."""
        cat = self.catalogs.current()
        day = self.site_time.today(cat).isoformat()
        prefix, number = split_code(code)
        with self.db.read() as conn:
            row = conn.execute(select(tickets).where(
                tickets.c.prefix == prefix, tickets.c.service_date == day, tickets.c.seq == number)).first() \
                if number <= sql.MAX_ROW_ID else None
            return self._form(conn, row)

    def by_loket(self, loket_id: int) -> SurveyForm:
        """The ticket finished last at the loket in the last LOKET_WINDOW, if it has not answered yet."""
        now = self.site_time.clock.now()
        with self.db.read() as conn:
            sql.counter_row(conn, loket_id)
            row = conn.execute(select(tickets).where(
                tickets.c.counter_id == loket_id, tickets.c.status == TicketStatus.DONE.value,
                tickets.c.finished_at >= now - LOKET_WINDOW,
            ).order_by(tickets.c.finished_at.desc(), tickets.c.id.desc()).limit(1)).first()
            if row is None or self._answered(conn, row.id):
                raise ApiError(404, ErrorCode.SURVEY_NONE_AT_LOKET,
                               "No ticket finished at this loket lately is waiting for its survey.",
                               counter_id=loket_id)
            return self._form(conn, row)

    # ----------------------------------------------------------------- the answer

    def answer(self, reply: Reply) -> SurveyAnswered:
        """One answer, in one transaction that checks the ticket again; a second one for the same ticket,
        even at the same moment, is ``survey_already_answered`` and changes nothing."""
        if reply.channel not in CHANNELS:
            raise ValueError(f"unknown survey channel {reply.channel!r}")
        ticket_id = self._ticket_of(reply.ref)
        cat = self.catalogs.current()
        values = _checked(reply, cat)
        now = self.site_time.clock.now()
        try:
            with self.unit_of_work.locking() as unit:
                row = sql.ticket_row(unit.conn, ticket_id)
                self._refuse_unless_answerable(unit.conn, cat, row)
                service = cat.services.get(row.service_id)
                agency_id = cat.agency_of(service.id).id if service else ""
                new_id = unit.conn.execute(survey_responses.insert().values(
                    ticket_id=row.id, service_date=row.service_date, answered_at=now, channel=reply.channel,
                    agency_id=agency_id, service_id=row.service_id, counter_id=row.counter_id,
                    served_by=row.served_by, **values).returning(survey_responses.c.id)).scalar_one()
                counter = None
                if row.counter_id is not None:
                    loket = unit.conn.execute(select(counters.c.id, counters.c.name).where(
                        counters.c.id == row.counter_id)).first()
                    counter = CounterRef(id=loket.id, name=loket.name) if loket else None
                unit.events.add(EventType.SURVEY_ANSWERED, SurveyAnsweredEvent(
                    code=row.code, service_id=row.service_id, service_date=date.fromisoformat(row.service_date),
                    counter=counter))
        except IntegrityError:
            raise _already_answered() from None
        return SurveyAnswered(id=new_id, answered_at=now)

    # ----------------------------------------------------------------- the rules

    def _form(self, conn: Connection, row: Any) -> SurveyForm:
        if row is None:
            raise _no_ticket()
        cat = self.catalogs.current()
        self._refuse_unless_answerable(conn, cat, row)
        service = cat.services.get(row.service_id)
        agency = cat.agency_of(service.id) if service else None
        return SurveyForm(
            code=row.code, service_date=date.fromisoformat(row.service_date),
            service_name=service.name if service else row.service_id,
            service_name_en=service.name_en if service else "",
            agency_name=agency.name if agency else "", agency_name_en=agency.name_en if agency else "",
            answerable_until=_until(row.service_date), ref=self._ref(row.id),
            questions=cat.survey_questions)

    def _refuse_unless_answerable(self, conn: Connection, cat: SiteCatalog, row: Any) -> None:
        if row.status != TicketStatus.DONE.value:
            raise ApiError(409, ErrorCode.SURVEY_NOT_SERVED, "This ticket has not been served yet.",
                           code=row.code, status=row.status)
        if self._answered(conn, row.id):
            raise _already_answered(row.code)
        until = _until(row.service_date)
        if self.site_time.today(cat) > until:
            raise ApiError(409, ErrorCode.SURVEY_CLOSED, "The survey for this ticket has closed.",
                           code=row.code, answerable_until=until.isoformat())

    @staticmethod
    def _answered(conn: Connection, ticket_id: int) -> bool:
        return conn.execute(select(survey_responses.c.id).where(
            survey_responses.c.ticket_id == ticket_id)).first() is not None

    def _ref(self, ticket_id: int) -> str:
        return f"{ticket_id}.{self._mac(ticket_id)}"

    def _mac(self, ticket_id: int) -> str:
        return hmac.new(self._key, f"survey-ref:{ticket_id}".encode(), hashlib.sha256).hexdigest()[:32]

    def _ticket_of(self, ref: str) -> int:
        """The ticket a ref names, if this server made it: a ref is not a ticket id anyone can count up."""
        number, _, mac = ref.partition(".")
        if not number.isascii() or not number.isdigit() or not 0 < int(number) <= sql.MAX_ROW_ID or \
                not hmac.compare_digest(mac.encode(), self._mac(int(number)).encode()):
            raise invalid("ref", "The survey's ref is not one this server gave.")
        return int(number)


def _until(service_date: str) -> date:
    return date.fromisoformat(service_date) + timedelta(days=ANSWER_DAYS)


def _no_ticket() -> ApiError:
    return ApiError(404, ErrorCode.TICKET_NOT_FOUND, "No ticket for that survey.")


def _already_answered(code: str | None = None) -> ApiError:
    """``code``: the ticket's, when known (not when the unique index was what refused it)."""
    params = {"code": code} if code else {}
    return ApiError(409, ErrorCode.SURVEY_ALREADY_ANSWERED, "This ticket has already answered the survey.", **params)


def _checked(reply: Reply, cat: SiteCatalog) -> dict[str, Any]:
    """The row's values of the answers, or ``survey_invalid`` naming the first field that is missing or wrong."""
    values: dict[str, Any] = {}
    for unsur in Unsur:
        score = reply.answers.get(unsur.value)
        if score is None:
            raise invalid(f"answers.{unsur.value}", f"No answer for {unsur.value}.")
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
            raise invalid(f"answers.{unsur.value}", f"The answer for {unsur.value} must be 1 to 4.")
        values[f"u_{unsur.value}"] = score
    unknown = set(map(str, reply.answers)) - {u.value for u in Unsur}
    if unknown:
        raise invalid(f"answers.{sorted(unknown)[0]}", "No such unsur.")
    for field, choices in (("gender", Gender), ("education", Education), ("occupation", Occupation)):
        chosen = getattr(reply, field)
        if chosen is None or chosen not in {c.value for c in choices}:
            raise invalid(field, f"Choose the {field}.")
        values[field] = str(chosen)
    if reply.age is not None and (isinstance(reply.age, bool) or not AGE_RANGE[0] <= reply.age <= AGE_RANGE[1]):
        raise invalid("age", f"The age must be {AGE_RANGE[0]} to {AGE_RANGE[1]}.")
    values["age"] = reply.age
    if reply.comment is not None and len(reply.comment) > COMMENT_MAX:
        raise invalid("comment", f"The comment is longer than {COMMENT_MAX} characters.")
    values["comment"] = clean_comment(reply.comment)
    values["extra"] = _checked_extra(reply.extra or {}, cat)
    return values


def _checked_extra(extra: Mapping[str, Any], cat: SiteCatalog) -> dict[str, Any] | None:
    """The answers to the site's own questions: each one a question of the catalog, in its kind's range."""
    asked = {question.id: question for question in cat.survey_questions}
    kept: dict[str, Any] = {}
    for question_id, value in extra.items():
        question = asked.get(question_id)
        if question is None:
            raise invalid(f"extra.{question_id}", "No such question.")
        if question.kind == "scale":
            if isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
                raise invalid(f"extra.{question_id}", "The answer must be 1 to 4.")
            kept[question_id] = value
        else:
            if not isinstance(value, str) or len(value) > EXTRA_TEXT_MAX:
                raise invalid(f"extra.{question_id}", f"The answer must be text of at most {EXTRA_TEXT_MAX} "
                                                      "characters.")
            text = clean_comment(value)
            if text:
                kept[question_id] = text
    return kept or None
