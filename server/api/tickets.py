"""Ticket routes: issue (idempotent), print result, look-up, and the counter's actions on a ticket."""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from core.rules import CODE_MAX_LENGTH, normalise_code
from core.wire import ErrorCode as E
from core.wire import Ticket, TicketStatus
from server.api.deps import authorise, engine, require
from server.api.direct import direct_route, json_body
from server.api.responses import CLOSED_SERVICE, WITH_BODY, refusals
from server.api.schemas import PrintResult, RowId, TicketRequest, Transfer
from server.auth import MANAGER_ROLES, STAFF_ROLES, Principal, Role
from server.engine import valid_priority
from server.errors import ApiError

router = APIRouter(prefix="/tickets")
ISSUERS = MANAGER_ROLES | {Role.KIOSK}
LOOKERS = STAFF_ROLES | {Role.KIOSK}
_KEY = re.compile(r"^[A-Za-z0-9._:-]{8,100}$")


async def issue(body: TicketRequest, request: Request,
                idempotency_key: str | None = Header(default=None),
                who: Principal = Depends(require(ISSUERS))) -> JSONResponse:
    """Issue a ticket: 201 with a new one, or 200 with the one this Idempotency-Key made."""
    if not idempotency_key:
        raise ApiError(400, E.IDEMPOTENCY_KEY_REQUIRED, "Send an Idempotency-Key header, made once per tap.")
    if not _KEY.match(idempotency_key):
        raise ApiError(400, E.INVALID_IDEMPOTENCY_KEY, "The Idempotency-Key must be 8–100 letters, digits or -_.:")
    ticket, created = await engine(request).issue_ticket(
        who, service_id=body.service_id, priority=valid_priority(body.priority), nik=body.nik,
        idempotency_key=idempotency_key)
    # Returned as is: the engine's dict is already JSON, and skipping FastAPI's encoder is
    # measurably faster on the busiest route.
    if created:
        return JSONResponse(ticket, status_code=201)
    return JSONResponse(ticket, status_code=200, headers={"Idempotent-Replayed": "true"})


async def _issue_directly(request: Request) -> Response:
    """``issue`` without FastAPI's per-request machinery (server/api/direct.py says why): the
    token, then the body, then the route's own checks."""
    who = authorise(request, ISSUERS)
    body = await json_body(request, TicketRequest)
    return await issue(body, request, request.headers.get("idempotency-key"), who)


# The answer is declared for OpenAPI only: the direct route never runs FastAPI's response checks,
# so the busiest route pays nothing for them (the engine's dict already has the Ticket's shape).
router.add_api_route("", issue, methods=["POST"], status_code=201, response_class=JSONResponse,
                     route_class_override=direct_route(_issue_directly), response_model=Ticket,
                     responses={200: {"model": Ticket, "description": "The ticket this Idempotency-Key made before "
                                      "(header `Idempotent-Replayed: true`)."},
                                **refusals(WITH_BODY, CLOSED_SERVICE, E.IDEMPOTENCY_KEY_REQUIRED,
                                           E.INVALID_IDEMPOTENCY_KEY, E.IDEMPOTENCY_KEY_REUSED, E.SERVICE_NOT_FOUND,
                                           E.INVALID_PRIORITY, E.PRIORITY_NOT_ALLOWED, E.INVALID_NIK, E.CONFLICT,
                                           E.DEVICE_LOCKED, E.CLOCK_UNSETTLED, E.NO_CATALOG, E.QUEUE_BUSY)})
TICKET_AT_A_LOKET = (E.TICKET_NOT_FOUND, E.TICKET_NOT_AT_YOUR_COUNTER, E.INVALID_TRANSITION, E.WRITE_CONFLICT,
                     E.NO_CATALOG)


@router.post("/{ticket_id}/print-result", response_model=Ticket,
             responses=refusals(WITH_BODY, E.TICKET_NOT_FOUND, E.NOT_YOUR_TICKET, E.DEVICE_LOCKED, E.NO_CATALOG))
def print_result(ticket_id: RowId, body: PrintResult, request: Request,
                 who: Principal = Depends(require({Role.KIOSK} | MANAGER_ROLES))) -> dict:
    return engine(request).record_print(who, ticket_id, body.status, body.reason)


@router.get("/lookup", response_model=Ticket, responses=refusals(E.INVALID_CODE, E.TICKET_NOT_FOUND, E.NO_CATALOG))
def lookup(request: Request, code: str = Query(max_length=CODE_MAX_LENGTH),
           day: date | None = Query(default=None, alias="date"), who: Principal = Depends(require(LOOKERS))) -> dict:
    eng = engine(request)
    prefixes = [s.prefix for s in eng.catalog().services.values()]
    normal = normalise_code(code, prefixes)
    if normal is None:
        raise ApiError(422, E.INVALID_CODE, "A ticket code looks like A-001.", code=code)
    return eng.lookup(normal, day, staff=who.role in STAFF_ROLES)


@router.get("/{ticket_id}", response_model=Ticket, responses=refusals(E.TICKET_NOT_FOUND, E.NO_CATALOG))
def get_ticket(ticket_id: RowId, request: Request, who: Principal = Depends(require(LOOKERS))) -> dict:
    return engine(request).ticket_by_id(ticket_id, staff=who.role in STAFF_ROLES)


def _action(target: TicketStatus):
    def route(ticket_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> dict:
        return engine(request).ticket_action(who, ticket_id, target)
    return route


# Each action with the refusals of its own beside those of any action at a loket.
for _path, _target, _own in (("start", TicketStatus.SERVING, ()), ("finish", TicketStatus.DONE, ()),
                             ("no-show", TicketStatus.NO_SHOW, (E.NO_SHOW_TOO_EARLY,)),
                             ("cancel", TicketStatus.CANCELLED, ()),
                             # Back to waiting: a called or serving ticket, or a no-show the same day.
                             ("requeue", TicketStatus.WAITING, (E.TICKET_OF_ANOTHER_DAY,))):
    router.post(f"/{{ticket_id}}/{_path}", name=f"ticket_{_path.replace('-', '_')}", response_model=Ticket,
                responses=refusals(TICKET_AT_A_LOKET, _own, also={E.TICKET_NOT_AT_YOUR_COUNTER: 403}))(
        _action(_target))


@router.post("/{ticket_id}/transfer", response_model=Ticket,
             responses=refusals(WITH_BODY, TICKET_AT_A_LOKET, E.INVALID_TRANSFER_TARGET, E.SERVICE_NOT_FOUND,
                                E.TRANSFER_LOKET_NOT_FOUND, E.TRANSFER_LOKET_NOT_SERVING, E.TRANSFER_LOKET_NOT_OPEN,
                                also={E.TICKET_NOT_AT_YOUR_COUNTER: 403}))
def transfer(ticket_id: RowId, body: Transfer, request: Request,
             who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    """To another service's queue; with ``counter_id``, to that loket only while it is open; with
    ``note``, words the officer there reads when they call it (staff only, never a device)."""
    return engine(request).ticket_action(who, ticket_id, TicketStatus.TRANSFERRED, transfer_to=body.service_id,
                                         to_loket=body.counter_id, note=body.note)
