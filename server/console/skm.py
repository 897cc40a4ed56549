"""The SKM page (supervisors and admins): a period and agency picked with a plain GET form (the semesters
and the year as one-click presets), the IKM and its mutu with "n of S respondents", the per-unsur bars
(the PDF's chart, as SVG), each unit's figures, the follow-up actions with forms to add and update them,
and the report's PDF, XLSX and CSV. Each form goes through the same SkmOffice and request models as
/api/v1/skm, so the page and the API keep one rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from core.survey import QUESTIONNAIRE
from core.wire import ActionStatus, ErrorCode, SkmFigures
from server.api.schemas import SkmActionChange, SkmActionNew
from server.auth import MANAGER_ROLES
from server.console.i18n import texts
from server.console.pages import ConsoleRoute, checked_form, language, redirect, refusal_text, render, signed_in
from server.console.session import ConsoleSession
from server.errors import ApiError
from server.reports import pdf
from server.reports.formats import FileFormat
from server.skm.office import SkmOffice
from server.skm.periods import Period, previous_semester, semester_of, year
from server.skm.report_pdf import unsur_chart

router = APIRouter(route_class=ConsoleRoute)
UNIT_GROUPS = (("agencies", "skm.by_agency"), ("services", "skm.by_service"), ("lokets", "skm.by_loket"),
               ("officers", "skm.by_officer"))


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    period: Period


@dataclass
class Problem:
    """A refused form: which form (``add`` or an action's id), why, and what was typed (kept)."""

    form: str
    message: str
    typed: dict[str, str]


def _office(request: Request) -> SkmOffice:
    return SkmOffice(request.app.state.engine)


def _presets(today: date, lang: str) -> list[Preset]:
    this = semester_of(today)
    last = previous_semester(this)
    return [Preset("this_semester", this.label(lang), this), Preset("last_semester", last.label(lang), last),
            Preset("this_year", year(today.year).label(lang), year(today.year)),
            Preset("last_year", year(today.year - 1).label(lang), year(today.year - 1))]


def _asked(request: Request) -> tuple[date | None, date | None, str | None, list[str]]:
    """The period and agency in the address; a date that cannot be read is named, not guessed."""
    problems, days = [], []
    for name in ("from", "to"):
        text = request.query_params.get(name, "").strip()
        try:
            days.append(date.fromisoformat(text) if text else None)
        except ValueError:
            problems.append("skm.bad_date")
            days.append(None)
    agency = request.query_params.get("agency", "").strip() or None
    return days[0], days[1], agency, problems


def _query(period: Period, agency: str | None, **more: str) -> str:
    return urlencode({"from": period.first.isoformat(), "to": period.last.isoformat(),
                      **({"agency": agency} if agency else {}), **more})


def _read(request: Request, first: date | None, last: date | None, agency: str | None, lang: str) -> dict[str, Any]:
    skm = _office(request)
    period = skm.period(first, last)
    figures = skm.figures(period, agency)
    eng = request.app.state.engine
    cat = eng.catalog()
    return {"period": period, "figures": figures, "agencies": cat.agencies, "presets": _presets(eng.today(cat), lang),
            "chart": pdf.svg(unsur_chart(figures.overall.unsur, texts(lang)("skm.chart_title"), english=lang == "en"),
                             "IKM") if figures.overall.unsur else ""}


async def _page(request: Request, session: ConsoleSession, *, status: int = 200, problem: Problem | None = None,
                notice: str | None = None, period: Period | None = None, agency: str | None = None) -> Response:
    first, last, asked_agency, problems = _asked(request)
    if period is not None:
        first, last, asked_agency = period.first, period.last, agency
    lang = language(request)
    try:
        shown = await run_in_threadpool(_read, request, first, last, asked_agency, lang)
    except ApiError as refusal:
        problems.append(refusal_text(lang, refusal))
        shown = await run_in_threadpool(_read, request, None, None, None, lang)
    figures: SkmFigures = shown["figures"]
    t = texts(lang)
    return render(request, "skm.html", session=session, status=status if not problems else 422, **shown,
                  problems=problems, problem=problem, notice=notice, unit_groups=UNIT_GROUPS,
                  questionnaire=QUESTIONNAIRE, statuses=list(ActionStatus), query=_query,
                  downloads=[(fmt.value, "/console/skm/report?" + _query(shown["period"], figures.agency_id,
                                                                         format=fmt.value)) for fmt in FileFormat],
                  number=lambda value, places=2: _number(value, places, lang),
                  status_word=lambda status: t(f"skm.status_{status}"), mutu_word=lambda mutu: t(f"skm.mutu_{mutu}"),
                  unsur_name=lambda code: _unsur_name(code, lang))


def _number(value: float | int | None, places: int, lang: str) -> str:
    shown = pdf.number(value, places) if not isinstance(value, int) else pdf.number(value)
    return shown if lang == "id" else shown.replace(".", "\0").replace(",", ".").replace("\0", ",")


def _unsur_name(code: str, lang: str) -> str:
    question = next((q for q in QUESTIONNAIRE if q.unsur.value == code), None)
    if question is None:
        return code
    return question.name_en if lang == "en" else question.name_id


@router.get("/console/skm", include_in_schema=False)
async def skm_page(request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    done = request.query_params.get("done", "")
    notice = texts(language(request))(f"skm.{done}_done") if done in ("added", "updated") else None
    return await _page(request, session, notice=notice)


@router.get("/console/skm/report", include_in_schema=False)
async def skm_report(request: Request) -> Response:
    """The same file GET /api/v1/skm/report gives, for the signed-in browser."""
    signed_in(request, MANAGER_ROLES)
    first, last, agency, problems = _asked(request)
    try:
        fmt = FileFormat(request.query_params.get("format", "pdf"))
    except ValueError:
        problems.append("skm.bad_format")
    if problems:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "The period or the format cannot be read.", field="format")
    skm = _office(request)
    period = await run_in_threadpool(skm.period, first, last)
    made = await run_in_threadpool(skm.report, period, agency, fmt)
    return Response(made.content, media_type=made.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{made.filename}"'})


@router.post("/console/skm/actions", include_in_schema=False)
async def add_action(request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    fields = await checked_form(request, session)
    lang = language(request)
    try:
        body = SkmActionNew.model_validate({name: fields.get(name, "") for name in (
            "period_from", "period_to", "unsur", "what", "who", "due", "evidence")} |
            {"agency_id": fields.get("agency_id") or None})
    except ValidationError as invalid:
        return await _refused(request, session, "add", fields, texts(lang)("skm.form_invalid",
                                                                          fields=_fields(invalid)))
    skm = _office(request)
    try:
        period = await run_in_threadpool(skm.period, body.period_from, body.period_to)
        await run_in_threadpool(lambda: skm.add_action(
            session.principal, period=period, unsur=body.unsur.value, agency_id=body.agency_id, what=body.what,
            responsible=body.who, due=body.due, evidence=body.evidence))
    except ApiError as refusal:
        return await _refused(request, session, "add", fields, refusal_text(lang, refusal), refusal.status)
    return redirect(request, f"/console/skm?{_query(period, fields.get('view_agency') or None, done='added')}",
                    session)


@router.post("/console/skm/actions/{action_id}", include_in_schema=False)
async def update_action(action_id: int, request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    fields = await checked_form(request, session)
    lang = language(request)
    try:
        body = SkmActionChange.model_validate({"status": fields.get("status") or None,
                                               "evidence": fields.get("evidence")})
    except ValidationError as invalid:
        return await _refused(request, session, str(action_id), fields,
                              texts(lang)("skm.form_invalid", fields=_fields(invalid)))
    skm = _office(request)
    try:
        await run_in_threadpool(lambda: skm.change_action(session.principal, action_id, status=body.status,
                                                          evidence=body.evidence))
    except ApiError as refusal:
        return await _refused(request, session, str(action_id), fields, refusal_text(lang, refusal),
                              refusal.status)
    back = {key: fields[key] for key in ("from", "to", "agency") if fields.get(key)}
    return redirect(request, f"/console/skm?{urlencode({**back, 'done': 'updated'})}", session)


def _fields(invalid: ValidationError) -> str:
    return ", ".join(sorted({str(error["loc"][0]) for error in invalid.errors() if error["loc"]}))


async def _refused(request: Request, session: ConsoleSession, form: str, fields: dict[str, str],
                   message: str, status: int = 422) -> Response:
    """The page again with the refusal beside its form and what was typed; nothing was changed."""
    first, last = fields.get("from") or fields.get("period_from"), fields.get("to") or fields.get("period_to")
    period = None
    try:
        if first and last:
            period = Period(date.fromisoformat(first), date.fromisoformat(last))
    except ValueError:
        period = None
    return await _page(request, session, status=status, problem=Problem(form, message, fields), period=period,
                       agency=fields.get("view_agency") or fields.get("agency") or None)

