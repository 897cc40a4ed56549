"""Booking routes: the public "quota left today", a day's slots, making, reading and cancelling a booking by
its link's token, the kiosk's check-in (idempotent, as issuing is), and the supervisors' list of a day."""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from core.wire import Booking, BookingDay, BookingQuota, Ticket
from core.wire import ErrorCode as E
from server.api.deps import bearer_token, client_address, engine, require
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import BookingCheckIn, BookingRequest
from server.auth import MANAGER_ROLES, STAFF_ROLES, Principal, Role
from server.booking_limits import BookingLimits
from server.errors import ApiError

router = APIRouter(prefix="/bookings")
CHECKERS = STAFF_ROLES | {Role.KIOSK}
_KEY = re.compile(r"^[A-Za-z0-9._:-]{8,100}$")
MAKE_REFUSALS = (E.SERVICE_NOT_FOUND, E.BOOKING_NOT_OFFERED, E.BOOKING_DAY_OUT_OF_RANGE, E.BOOKING_DAY_CLOSED,
                 E.BOOKING_SLOT_UNKNOWN, E.BOOKING_SLOT_FULL, E.BOOKING_NIK_LIMIT, E.BOOKING_CONSENT_REQUIRED,
                 E.BOOKING_RATE_LIMITED, E.INVALID_NIK, E.CONFLICT, E.WRITE_CONFLICT, E.NO_CATALOG)
CHECK_IN_REFUSALS = (E.IDEMPOTENCY_KEY_REQUIRED, E.INVALID_IDEMPOTENCY_KEY, E.IDEMPOTENCY_KEY_REUSED,
                     E.BOOKING_CODE_INVALID, E.BOOKING_NOT_FOUND, E.BOOKING_CANCELLED, E.BOOKING_ALREADY_CHECKED_IN,
                     E.BOOKING_NOT_TODAY, E.BOOKING_TOO_EARLY, E.BOOKING_TOO_LATE, E.SERVICE_NOT_FOUND,
                     E.SERVICE_INACTIVE, E.SERVICE_CLOSED_TODAY, E.AGENCY_STOPPED_TODAY, E.CLOCK_UNSETTLED,
                     E.DEVICE_LOCKED, E.CONFLICT, E.WRITE_CONFLICT, E.NO_CATALOG)


def limits(request: Request) -> BookingLimits:
    """The app's one limiter of booking attempts per client address (the /booking page uses it too)."""
    state = request.app.state
    if getattr(state, "booking_limits", None) is None:
        state.booking_limits = BookingLimits(attempts=state.settings.booking_attempts)
    return state.booking_limits


def refuse_if_flooding(request: Request) -> None:
    """Count this attempt of the client's; past the limit, 429 with the seconds to wait."""
    wait = limits(request).attempt(client_address(request), engine(request).clock.now())
    if wait is not None:
        raise ApiError(429, E.BOOKING_RATE_LIMITED, "Too many booking attempts from this address; wait a while.",
                       retry_after=wait)


@router.get("/services", response_model=tuple[BookingQuota, ...], responses=refusals(E.NO_CATALOG, signed_in=False))
def quota_today(request: Request) -> tuple[BookingQuota, ...]:
    """Every service's places today: still bookable, and walk-in tickets still possible (public)."""
    return engine(request).bookings.quota_today()


@router.get("/days", response_model=BookingDay,
            responses=refusals(E.SERVICE_NOT_FOUND, E.BOOKING_NOT_OFFERED, E.NO_CATALOG, signed_in=False))
def booking_day(request: Request, service_id: str = Query(min_length=1, max_length=64),
                day: date = Query(alias="date")) -> BookingDay:
    return engine(request).bookings.day(service_id, day)


@router.get("", response_model=tuple[Booking, ...], responses=refusals(E.NO_CATALOG))
def listing(request: Request, day: date = Query(alias="date"),
            service_id: str | None = Query(default=None, min_length=1, max_length=64),
            who: Principal = Depends(require(MANAGER_ROLES))) -> tuple[Booking, ...]:
    """A day's bookings, by slot: the console's list (supervisors and admins)."""
    return engine(request).bookings.listing(day, service_id)


@router.post("", response_model=Booking, status_code=201, responses=refusals(WITH_BODY, MAKE_REFUSALS,
                                                                             signed_in=False))
def make(body: BookingRequest, request: Request) -> Booking:
    refuse_if_flooding(request)
    return engine(request).bookings.make(service_id=body.service_id, day=body.date, slot=body.slot, nik=body.nik,
                                         phone=body.phone, consent=body.consent, language=body.language)


@router.post("/check-in", response_model=Ticket, status_code=201,
             responses={200: {"model": Ticket, "description": "The ticket this Idempotency-Key made before "
                              "(header `Idempotent-Replayed: true`)."},
                        **refusals(WITH_BODY, CHECK_IN_REFUSALS)})
async def check_in(body: BookingCheckIn, request: Request, idempotency_key: str | None = Header(default=None),
                   who: Principal = Depends(require(CHECKERS))) -> JSONResponse:
    """A booking inside its window becomes a ticket at once: 201, or 200 with the one this key made."""
    if not idempotency_key:
        raise ApiError(400, E.IDEMPOTENCY_KEY_REQUIRED, "Send an Idempotency-Key header, made once per tap.")
    if not _KEY.match(idempotency_key):
        raise ApiError(400, E.INVALID_IDEMPOTENCY_KEY, "The Idempotency-Key must be 8–100 letters, digits or -_.:")
    if not body.token and not (body.code and body.nik_last4):
        raise ApiError(422, E.INVALID_REQUEST, "Send the scanned token, or the code and the NIK's last four digits.",
                       field="token")
    ticket, created = await run_in_threadpool(engine(request).bookings.check_in, who, token=body.token,
                                              code=body.code, nik_last4=body.nik_last4,
                                              idempotency_key=idempotency_key)
    if created:
        return JSONResponse(ticket, status_code=201)
    return JSONResponse(ticket, status_code=200, headers={"Idempotent-Replayed": "true"})


@router.get("/{token}", response_model=Booking, responses=refusals(E.BOOKING_NOT_FOUND, E.NO_CATALOG,
                                                                   signed_in=False))
def get_booking(token: str, request: Request) -> Booking:
    return engine(request).bookings.get(token)


@router.post("/{token}/cancel", response_model=Booking,
             responses=refusals(E.BOOKING_NOT_FOUND, E.BOOKING_NOT_CANCELLABLE, E.WRITE_CONFLICT, E.NO_CATALOG,
                                signed_in=False))
def cancel(token: str, request: Request) -> Booking:
    """The holder cancels by the link's token; a supervisor's or admin's cancel (their bearer token) is
    audited. Any other token is no one's in particular: the holder's cancel."""
    return engine(request).bookings.cancel(token, _manager(request))


def _manager(request: Request) -> Principal | None:
    token = bearer_token(request)
    who = request.app.state.accounts.principal_for(token) if token else None
    return who if who is not None and who.role in MANAGER_ROLES and not who.must_change_password else None
