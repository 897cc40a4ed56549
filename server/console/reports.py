"""The reports page (supervisors and admins): the queue report of a day, a month or any range, for
the site or one agency, with its tables, the hourly chart (the PDF's chart code, as SVG) and the
files to download. The period is a plain GET form, so a report's address can be shared."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from core.wire import QueueFigures, QueueReport
from server.api.queue_reports import made_note, report_of
from server.auth import MANAGER_ROLES
from server.console.i18n import text
from server.console.pages import ConsoleRoute, language, refusal_text, render, signed_in
from server.console.session import ConsoleSession
from server.errors import ApiError
from server.reports import pdf, queue_files
from server.reports.bookings import lead_text
from server.reports.formats import MEDIA_TYPES, FileFormat

router = APIRouter(route_class=ConsoleRoute)


@dataclass(frozen=True)
class Chosen:
    """What the form asked for: the period's ends and the agency, or the key of what could not be read."""

    date_from: date | None
    date_to: date | None
    agency: str | None
    problem: str | None = None


def read_period(query: dict[str, str], today: date) -> Chosen:
    """The form's three ways to name a period (a day, a month, a range), by the button pressed;
    a link's ``from`` and ``to``; or today."""
    agency = query.get("agency") or None
    way = query.get("period", "")
    try:
        if way == "month" and query.get("month"):
            first = date.fromisoformat(query["month"] + "-01")
            return Chosen(first, first.replace(day=calendar.monthrange(first.year, first.month)[1]), agency)
        if way == "day" and query.get("day"):
            day = date.fromisoformat(query["day"])
            return Chosen(day, day, agency)
        if query.get("from") or query.get("to"):
            first = date.fromisoformat(query.get("from") or query.get("to", ""))
            return Chosen(first, date.fromisoformat(query.get("to") or query["from"]), agency)
    except ValueError:
        return Chosen(None, None, agency, "reports.bad_date")
    return Chosen(today, today, agency)


@router.get("/console/reports", include_in_schema=False)
async def reports_page(request: Request) -> Response:
    return await _page(request, signed_in(request, MANAGER_ROLES))


async def _page(request: Request, session: ConsoleSession, refused_file: bool = False) -> Response:
    """The page for the period in the address; ``refused_file``: a download asked for what it could not
    read (a format or a date), said on the page."""
    engine = request.app.state.engine
    lang = language(request)
    catalog = await run_in_threadpool(engine.catalog)
    today = engine.today(catalog)
    query = {key: request.query_params.get(key, "") for key in ("period", "day", "month", "from", "to", "agency")}
    chosen = read_period(query, today)
    report: QueueReport | None = None
    problem = None
    if chosen.problem or refused_file:
        problem = text(lang, chosen.problem or "reports.bad_file")
    elif chosen.date_from and chosen.date_to:
        try:
            report = await run_in_threadpool(report_of, engine, chosen.date_from, chosen.date_to, chosen.agency)
        except ApiError as refused:
            problem = refusal_text(lang, refused)
    shown_from, shown_to = chosen.date_from or today, chosen.date_to or today
    link = {"from": shown_from.isoformat(), "to": shown_to.isoformat(),
            **({"agency": chosen.agency} if chosen.agency else {})}
    chart = None
    if report is not None and not report.empty:
        chart = pdf.svg(pdf.hourly_chart({int(h.key): h.issued for h in report.hours}, width=640, height=200),
                        label=text(lang, "reports.chart_hours"))
    return render(request, "reports.html", session=session, status=422 if problem else 200, report=report,
                  minutes=lambda value: _minutes(lang, value), share=lambda row: _share(lang, row),
                  lead=lambda hours: lead_text(hours, (text(lang, "reports.hours"), text(lang, "reports.days")),
                                               lambda value: _number(lang, value)),
                  problem=problem, chart=chart, agencies=catalog.agencies, chosen=chosen,
                  shown_from=shown_from, shown_to=shown_to, month=shown_from.strftime("%Y-%m"),
                  downloads=[(fmt.value.upper(), f"/console/reports/file?{urlencode({**link, 'format': fmt.value})}")
                             for fmt in FileFormat])


@router.get("/console/reports/file", include_in_schema=False)
async def report_file(request: Request) -> Response:
    """A report's file for the browser to save; a refused period shows the page with the reason."""
    session = signed_in(request, MANAGER_ROLES)
    engine = request.app.state.engine
    try:
        fmt = FileFormat(request.query_params.get("format", ""))
        first = date.fromisoformat(request.query_params.get("from", ""))
        last = date.fromisoformat(request.query_params.get("to", ""))
    except ValueError:
        return await _page(request, session, refused_file=True)
    agency = request.query_params.get("agency") or None
    try:
        report = await run_in_threadpool(report_of, engine, first, last, agency)
    except ApiError:
        return await _page(request, session)
    data = await run_in_threadpool(queue_files.render, report, fmt, made_note(engine))
    name = queue_files.file_name(report, fmt)
    return Response(data, media_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
                             "Cache-Control": "no-store"})


def _number(lang: str, value: float) -> str:
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if lang == "id" else shown


def _minutes(lang: str, value: float | None) -> str:
    return text(lang, "none") if value is None else _number(lang, value)


def _share(lang: str, row: QueueFigures) -> str:
    share = row.within_target_share
    return text(lang, "none") if share is None else f"{_number(lang, share * 100)}%"
