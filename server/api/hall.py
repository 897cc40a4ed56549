"""The console's reads as API routes: the whole hall for supervisors, and an officer's own day."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from core.wire import ErrorCode as E
from core.wire import Hall, OfficerDay
from server.api.deps import engine, require
from server.api.responses import refusals
from server.auth import MANAGER_ROLES, STAFF_ROLES, Principal

router = APIRouter()


@router.get("/hall", response_model=Hall, responses=refusals(E.NO_CATALOG))
def hall(request: Request, _: Principal = Depends(require(MANAGER_ROLES))) -> Hall:
    return engine(request).hall()


@router.get("/me/day", response_model=OfficerDay, responses=refusals(E.NO_CATALOG))
def my_day(request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> OfficerDay:
    return engine(request).officer_day(who.name)
