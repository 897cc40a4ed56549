"""The notifications' outbox as the office sees it (supervisors and admins): what is waiting, sent and
given up on; a dead message sent again; a test message through a channel (admins)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from core.wire import ErrorCode as E
from core.wire import Notification, NotificationList
from server.api.deps import engine, require
from server.api.responses import refusals
from server.api.schemas import NotificationCheck
from server.auth import MANAGER_ROLES, Principal, Role
from server.notify.service import Notifications

router = APIRouter(prefix="/notifications")
ADMIN = frozenset({Role.ADMIN})
RowId = Path(ge=1, le=2**31 - 1)


def notifications(request: Request) -> Notifications:
    return request.app.state.notifications


@router.get("", response_model=NotificationList, responses=refusals())
async def listing(request: Request, status: Literal["pending", "sent", "dead"] = Query(default="dead"),
                  _: Principal = Depends(require(MANAGER_ROLES))) -> NotificationList:
    return await run_in_threadpool(notifications(request).listing, status)


@router.post("/{row_id}/retry", response_model=Notification,
             responses=refusals(E.NOTIFICATION_NOT_FOUND, E.NOTIFICATION_NOT_DEAD))
async def retry(request: Request, row_id: int = RowId,
                who: Principal = Depends(require(MANAGER_ROLES))) -> Notification:
    return await run_in_threadpool(notifications(request).retry, who, row_id)


@router.post("/check", response_model=Notification, status_code=201,
             responses=refusals(E.NOTIFY_CHANNEL_OFF, E.NO_CATALOG))
async def check(request: Request, body: NotificationCheck,
                who: Principal = Depends(require(ADMIN))) -> Notification:
    site = engine(request).catalog().site.short_name
    return await run_in_threadpool(notifications(request).check, who, body.channel, body.recipient, site)
