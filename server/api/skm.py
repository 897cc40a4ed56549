"""The SKM (supervisors and admins): the figures of a period as JSON, the report as PDF, XLSX or CSV,
and the follow-up actions (list, add, change status or evidence; each change audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from core.wire import ErrorCode as E
from core.wire import SkmAction, SkmActions, SkmFigures
from server.api.deps import engine, require
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import RowId, SkmActionChange, SkmActionNew
from server.auth import MANAGER_ROLES, Principal
from server.reports.formats import MEDIA_TYPES, FileFormat
from server.skm.office import SkmOffice

router = APIRouter(prefix="/skm")
From = Query(default=None, alias="from", description="first service day (site-local ISO date); "
                                                      "by default the current semester's first")
To = Query(default=None, alias="to", description="last service day, included; by default the semester's last "
                                                  "(or today, when only `from` is given)")
Agency = Query(default=None, min_length=1, max_length=64, description="one agency's figures (its id)")
READ = (E.NO_CATALOG, E.AGENCY_NOT_FOUND, E.REPORT_PERIOD_REVERSED, E.REPORT_PERIOD_TOO_LONG)
_FILE_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"content": {media: {"schema": {"type": "string", "format": "binary"}} for media in MEDIA_TYPES.values()},
          "description": "The SKM report of the period as a file (PDF, XLSX or CSV)."}}


def office(request: Request) -> SkmOffice:
    return SkmOffice(engine(request))


@router.get("", response_model=SkmFigures, responses=refusals(READ))
def skm_figures(request: Request, first: date | None = From, last: date | None = To, agency: str | None = Agency,
                _: Principal = Depends(require(MANAGER_ROLES))) -> SkmFigures:
    skm = office(request)
    return skm.figures(skm.period(first, last), agency)


@router.get("/report", response_class=Response, responses={**refusals(READ), **_FILE_ANSWER})
async def skm_report(request: Request, first: date | None = From, last: date | None = To,
                     agency: str | None = Agency, fmt: FileFormat = Query(default=FileFormat.PDF, alias="format"),
                     _: Principal = Depends(require(MANAGER_ROLES))) -> Response:
    skm = office(request)
    period = await run_in_threadpool(skm.period, first, last)
    made = await run_in_threadpool(skm.report, period, agency, fmt)
    return Response(made.content, media_type=made.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{made.filename}"'})


@router.get("/actions", response_model=SkmActions, responses=refusals(READ))
def list_actions(request: Request, first: date | None = Query(default=None, alias="from"),
                 last: date | None = Query(default=None, alias="to"), agency: str | None = Agency,
                 _: Principal = Depends(require(MANAGER_ROLES))) -> SkmActions:
    """Every follow-up action, or those of one period (``from`` and ``to`` both given)."""
    skm = office(request)
    period = skm.period(first, last) if first is not None and last is not None else None
    return SkmActions(actions=tuple(skm.actions(period, agency)))


@router.post("/actions", response_model=SkmAction, status_code=201,
             responses=refusals(WITH_BODY, READ, E.WRITE_CONFLICT))
def add_action(body: SkmActionNew, request: Request, who: Principal = Depends(require(MANAGER_ROLES))) -> SkmAction:
    skm = office(request)
    return skm.add_action(who, period=skm.period(body.period_from, body.period_to), unsur=body.unsur.value,
                          agency_id=body.agency_id, what=body.what, responsible=body.who, due=body.due,
                          evidence=body.evidence)


@router.patch("/actions/{action_id}", response_model=SkmAction,
              responses=refusals(WITH_BODY, E.NO_CATALOG, E.SKM_ACTION_NOT_FOUND, E.WRITE_CONFLICT))
def change_action(body: SkmActionChange, request: Request, action_id: RowId,
                  who: Principal = Depends(require(MANAGER_ROLES))) -> SkmAction:
    return office(request).change_action(who, action_id, status=body.status, evidence=body.evidence)
