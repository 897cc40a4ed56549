"""Loket routes: open, close, call next, recall, pause and resume, and the waiting list."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from server.api.deps import engine, require
from server.api.schemas import OpenCounter, PauseCounter, RowId
from server.auth import STAFF_ROLES, Principal, Role

router = APIRouter(prefix="/counters")
WATCHERS = {Role.DISPLAY} | STAFF_ROLES


@router.get("")
def list_counters(request: Request, _: Principal = Depends(require(WATCHERS))) -> list[dict]:
    return engine(request).list_counters()


@router.post("/{counter_id}/open")
def open_counter(counter_id: RowId, request: Request, body: OpenCounter | None = None,
                 who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).open_counter(who, counter_id, body.service_ids if body else None)


@router.post("/{counter_id}/close")
def close_counter(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).close_counter(who, counter_id)


@router.post("/{counter_id}/call-next")
def call_next(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).call_next(who, counter_id)


@router.post("/{counter_id}/recall")
def recall(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).recall(who, counter_id)


@router.post("/{counter_id}/pause")
def pause(counter_id: RowId, request: Request, body: PauseCounter | None = None,
          who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).pause_counter(who, counter_id, body.reason if body else "")


@router.post("/{counter_id}/resume")
def resume(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).resume_counter(who, counter_id)


@router.get("/{counter_id}/queue")
def queue(counter_id: RowId, request: Request, who: Principal = Depends(require(STAFF_ROLES))) -> dict:
    return engine(request).counter_queue(who, counter_id)
