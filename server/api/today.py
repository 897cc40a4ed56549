"""Today's switches (supervisors and admins): close a service or stop an agency for the rest of the
day, today's quota, the boards' running text. Each answer is every switch of the day."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request

from core.wire import ErrorCode as E
from core.wire import TodaySwitches
from server.api.deps import engine, require
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import CloseToday, QuotaTodayRequest, RunningTextRequest
from server.auth import MANAGER_ROLES, Principal

router = APIRouter(prefix="/today")
ServiceId = Path(min_length=1, max_length=64)
AgencyId = Path(min_length=1, max_length=64)
WRITE = (E.NO_CATALOG, E.WRITE_CONFLICT)


@router.get("", response_model=TodaySwitches, responses=refusals(E.NO_CATALOG))
def switches(request: Request, _: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).switches_today()


@router.put("/services/{service_id}/closed", response_model=TodaySwitches,
            responses=refusals(WITH_BODY, WRITE, E.SERVICE_NOT_FOUND))
def close_service(request: Request, service_id: str = ServiceId, body: CloseToday | None = None,
                  who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).close_service_today(who, service_id, body.note if body else "")


@router.delete("/services/{service_id}/closed", response_model=TodaySwitches,
               responses=refusals(WRITE, E.SERVICE_NOT_FOUND))
def reopen_service(request: Request, service_id: str = ServiceId,
                   who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).reopen_service_today(who, service_id)


@router.put("/services/{service_id}/quota", response_model=TodaySwitches,
            responses=refusals(WITH_BODY, WRITE, E.SERVICE_NOT_FOUND, E.QUOTA_BELOW_ISSUED))
def set_quota(body: QuotaTodayRequest, request: Request, service_id: str = ServiceId,
              who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).set_quota_today(who, service_id, body.quota)


@router.delete("/services/{service_id}/quota", response_model=TodaySwitches,
               responses=refusals(WRITE, E.SERVICE_NOT_FOUND, E.QUOTA_BELOW_ISSUED))
def reset_quota(request: Request, service_id: str = ServiceId,
                who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).reset_quota_today(who, service_id)


@router.put("/agencies/{agency_id}/stopped", response_model=TodaySwitches,
            responses=refusals(WITH_BODY, WRITE, E.AGENCY_NOT_FOUND))
def stop_agency(request: Request, agency_id: str = AgencyId, body: CloseToday | None = None,
                who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).stop_agency_today(who, agency_id, body.note if body else "")


@router.delete("/agencies/{agency_id}/stopped", response_model=TodaySwitches,
               responses=refusals(WRITE, E.AGENCY_NOT_FOUND))
def resume_agency(request: Request, agency_id: str = AgencyId,
                  who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).resume_agency_today(who, agency_id)


@router.put("/running-text", response_model=TodaySwitches, responses=refusals(WITH_BODY, WRITE))
def set_running_text(body: RunningTextRequest, request: Request,
                     who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).set_running_text_today(who, body.text)


@router.delete("/running-text", response_model=TodaySwitches, responses=refusals(WRITE))
def clear_running_text(request: Request, who: Principal = Depends(require(MANAGER_ROLES))) -> TodaySwitches:
    return engine(request).clear_running_text_today(who)
