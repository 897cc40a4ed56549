"""The audit log (supervisors and admins): who changed what and when, newest first, a page at a time."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query, Request

from core.wire import AuditKind, AuditPage
from core.wire import ErrorCode as E
from server.api.deps import engine, require
from server.api.responses import refusals
from server.audit import PAGE_MOST
from server.auth import MANAGER_ROLES, Principal

router = APIRouter()


@router.get("/audit", response_model=AuditPage, responses=refusals(E.NO_CATALOG))
def audit_log(request: Request,
              actor: str | None = Query(default=None, min_length=1, max_length=80, pattern=r"^[^\x00-\x1f]+$",
                                        description="who: a username"),
              kind: AuditKind | None = Query(default=None, description="what: an AuditKind value"),
              day: date | None = Query(default=None, alias="date", description="a site-local date"),
              before: int | None = Query(default=None, ge=1, le=2 ** 63 - 1,
                                         description="the next_cursor of the page before"),
              limit: int = Query(default=50, ge=1, le=PAGE_MOST),
              _: Principal = Depends(require(MANAGER_ROLES))) -> AuditPage:
    return engine(request).audit_page(actor=actor, kind=kind, day=day, before=before, limit=limit)
