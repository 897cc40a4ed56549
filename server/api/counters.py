"""Loket routes: open, close, call next, recall, pause and resume, and the waiting list."""

from __future__ import annotations

from datetime import time

from fastapi import APIRouter, Depends, Request

from core.wire import Counter, CounterQueue
from core.wire import ErrorCode as E
from server.api.deps import engine, require
from server.api.responses import refusals
from server.api.schemas import CloseCounter, OpenCounter, PauseCounter, RowId
from server.auth import STAFF_ROLES, Principal, Role

router = APIRouter(prefix="/counters")
WATCHERS = {Role.DISPLAY} | STAFF_ROLES
# What any action on one's own loket may be refused with.
OWN_LOKET = (E.COUNTER_NOT_FOUND, E.COUNTER_CLOSED, E.COUNTER_NOT_YOURS, E.NO_CATALOG, E.WRITE_CONFLICT)
HAND_FREE = (E.TICKET_IN_PROGRESS,)


@router.get("", response_model=list[Counter], responses=refusals(E.NO_CATALOG))
def list_counters(request: Request, who: Principal = Depends(require(WATCHERS))) -> list[Counter]:
    return engine(request).list_counters(staff=who.role in STAFF_ROLES)


@router.post("/{counter_id}/open", response_model=Counter,
             responses=refusals(E.COUNTER_NOT_FOUND, E.COUNTER_TAKEN, E.INVALID_SERVICE_IDS, E.NO_CATALOG,
                                E.WRITE_CONFLICT, E.TAKE_OVER_REASON_REQUIRED))
def open_counter(counter_id: RowId, request: Request, body: OpenCounter | None = None,
                 who: Principal = Depends(require(STAFF_ROLES))) -> Counter:
    return engine(request).open_counter(who, counter_id, body.service_ids if body else None,
                                        body.reason if body else "")


@router.post("/{counter_id}/close", response_model=Counter,
             responses=refusals(OWN_LOKET, HAND_FREE, E.TAKE_OVER_REASON_REQUIRED))
def close_counter(counter_id: RowId, request: Request, body: CloseCounter | None = None,
                  who: Principal = Depends(require(STAFF_ROLES))) -> Counter:
    return engine(request).close_counter(who, counter_id, body.reason if body else "")


@router.post("/{counter_id}/call-next", response_model=Counter,
             responses=refusals(OWN_LOKET, HAND_FREE, E.COUNTER_PAUSED, E.QUEUE_EMPTY, E.QUEUE_BUSY))
def call_next(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> Counter:
    return engine(request).call_next(who, counter_id)


@router.post("/{counter_id}/recall", response_model=Counter, responses=refusals(OWN_LOKET, E.NOTHING_TO_RECALL))
def recall(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> Counter:
    return engine(request).recall(who, counter_id)


@router.post("/{counter_id}/pause", response_model=Counter,
             responses=refusals(OWN_LOKET, HAND_FREE, E.COUNTER_PAUSED, E.PAUSE_UNTIL_PASSED))
def pause(counter_id: RowId, request: Request, body: PauseCounter | None = None,
          who: Principal = Depends(require(STAFF_ROLES))) -> Counter:
    until = time.fromisoformat(body.until) if body and body.until else None
    return engine(request).pause_counter(who, counter_id, body.reason if body else "", until)


@router.post("/{counter_id}/resume", response_model=Counter, responses=refusals(OWN_LOKET, E.COUNTER_NOT_PAUSED))
def resume(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> Counter:
    return engine(request).resume_counter(who, counter_id)


@router.get("/{counter_id}/queue", response_model=CounterQueue, responses=refusals(E.COUNTER_NOT_FOUND, E.NO_CATALOG))
def queue(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> CounterQueue:
    return engine(request).counter_queue(who, counter_id)
