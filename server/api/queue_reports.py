"""The queue report of a period for supervisors and admins: as JSON, and as the PDF, XLSX or CSV
file the office files (server/reports/)."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response

from core.wire import ErrorCode as E
from core.wire import QueueReport
from server.api.deps import engine, require
from server.api.responses import refusals
from server.auth import MANAGER_ROLES, Principal
from server.engine import QueueEngine
from server.reports import queue_files
from server.reports.formats import MEDIA_TYPES, FileFormat
from server.reports.period import checked
from server.reports.queue import queue_report

router = APIRouter()
REFUSED = refusals(E.REPORT_PERIOD_REVERSED, E.REPORT_PERIOD_TOO_LONG, E.AGENCY_NOT_FOUND, E.NO_CATALOG)
FILE_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"description": "The report as a file, named in Content-Disposition.",
          "content": {media.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                      for media in MEDIA_TYPES.values()}}}


def report_of(eng: QueueEngine, date_from: date, date_to: date, agency: str | None) -> QueueReport:
    period = checked(date_from, date_to)
    return queue_report(eng.db, eng.catalog(), period, agency or None)


def made_note(eng: QueueEngine) -> str:
    """When the file was made, in the site's time, for its footer."""
    cat = eng.catalog()
    return f"Dibuat {eng.local_now(cat):%Y-%m-%d %H:%M} {cat.site.tz_label}".rstrip()


@router.get("/reports/queue", response_model=QueueReport, responses=REFUSED)
def queue(request: Request, date_from: date = Query(alias="from"), date_to: date = Query(alias="to"),
          agency: str | None = Query(default=None), _: Principal = Depends(require(MANAGER_ROLES))) -> QueueReport:
    return report_of(engine(request), date_from, date_to, agency)


@router.get("/reports/queue/file", response_class=Response, responses={**FILE_ANSWER, **REFUSED})
def queue_file(request: Request, date_from: date = Query(alias="from"), date_to: date = Query(alias="to"),
               agency: str | None = Query(default=None), file_format: FileFormat = Query(alias="format"),
               _: Principal = Depends(require(MANAGER_ROLES))) -> Response:
    eng = engine(request)
    report = report_of(eng, date_from, date_to, agency)
    name = queue_files.file_name(report, file_format)
    return Response(queue_files.render(report, file_format, made_note(eng)), media_type=MEDIA_TYPES[file_format],
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
                             "Cache-Control": "no-store"})
