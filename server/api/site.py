"""Catalog, devices and reports: what kiosks show, what technicians watch, what the office counts."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query, Request

from core.wire import Catalog, DailyReport, Device, HeartbeatReply
from core.wire import ErrorCode as E
from server.api.deps import accounts, engine, require
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import Heartbeat
from server.auth import ALL_ROLES, DEVICE_ROLES, MANAGER_ROLES, Principal

router = APIRouter()


@router.get("/catalog", response_model=Catalog, responses=refusals(E.NO_CATALOG))
def catalog(request: Request, _: Principal = Depends(require(ALL_ROLES))) -> Catalog:
    return engine(request).catalog_view()


@router.post("/devices/heartbeat", response_model=HeartbeatReply, responses=refusals(WITH_BODY))
def heartbeat(body: Heartbeat, request: Request,
              who: Principal = Depends(require(DEVICE_ROLES, while_locked=True))) -> HeartbeatReply:
    # Allowed while locked: the heartbeat's answer is how a kiosk learns it is locked.
    return accounts(request).heartbeat(who, body.model_dump())


@router.get("/devices", response_model=list[Device], responses=refusals())
def list_devices(request: Request, _: Principal = Depends(require(MANAGER_ROLES))) -> list[Device]:
    return accounts(request).list_devices()


@router.get("/reports/daily", response_model=DailyReport, responses=refusals(E.NO_CATALOG))
def daily_report(request: Request, day: date | None = Query(default=None, alias="date"),
                 _: Principal = Depends(require(MANAGER_ROLES))) -> DailyReport:
    return engine(request).daily_report(day)
