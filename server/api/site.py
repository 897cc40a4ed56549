"""Catalog, devices and reports: what kiosks show, what technicians watch, what the office counts."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query, Request

from server.api.deps import accounts, engine, require
from server.api.schemas import Heartbeat
from server.auth import ALL_ROLES, DEVICE_ROLES, MANAGER_ROLES, Principal

router = APIRouter()


@router.get("/catalog")
def catalog(request: Request, _: Principal = Depends(require(ALL_ROLES))) -> dict:
    return engine(request).catalog_view()


@router.post("/devices/heartbeat")
def heartbeat(body: Heartbeat, request: Request,
              who: Principal = Depends(require(DEVICE_ROLES, while_locked=True))) -> dict:
    # Allowed while locked: the heartbeat's answer is how a kiosk learns it is locked.
    return accounts(request).heartbeat(who, body.model_dump())


@router.get("/devices")
def list_devices(request: Request, _: Principal = Depends(require(MANAGER_ROLES))) -> list[dict]:
    return accounts(request).list_devices()


@router.get("/reports/daily")
def daily_report(request: Request, day: date | None = Query(default=None, alias="date"),
                 _: Principal = Depends(require(MANAGER_ROLES))) -> dict:
    return engine(request).daily_report(day)
