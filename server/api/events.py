"""``GET /events``: Server-Sent Events whose ``id:`` is the event sequence, resumable with
``Last-Event-ID`` (header, or ``last_event_id`` query for clients that cannot set headers)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from core.wire import ErrorCode as E
from core.wire import Event, RecentCalls
from server.api.deps import accounts, bearer_token, engine, require
from server.api.responses import refusals
from server.auth import ALL_ROLES, DEVICE_ROLES, STAFF_ROLES, Principal, Role
from server.errors import ApiError
from server.events import EventHub, as_seen_by_a_device, events_after, latest_seq
from server.settings import ServerSettings

router = APIRouter()
MAX_SEQ = 2 ** 63 - 1  # the database's integer range; a larger id would break the stream mid-way
RECENT_CALLS_MAX = 50
CALL_WATCHERS = {Role.DISPLAY} | STAFF_ROLES



async def wait_quietly(hub: EventHub, seen: int, settings: ServerSettings, idle: float) -> tuple[float, bool]:
    """Wait for news on the hub, at most one poll; says when an idle stream is due its keepalive comment,
    so a proxy does not close it. Returns the idle time so far and whether the keepalive is due."""
    await hub.wait(seen, settings.sse_poll_seconds)
    idle += settings.sse_poll_seconds
    if idle >= settings.sse_keepalive_seconds:
        return 0.0, True
    return idle, False

@router.get("/calls/recent", response_model=RecentCalls, responses=refusals(E.NO_CATALOG))
def recent_calls(request: Request, limit: int = Query(default=12, ge=1, le=RECENT_CALLS_MAX),
                 loket: list[Annotated[int, Field(ge=1, le=MAX_SEQ)]] = Query(default=[], max_length=RECENT_CALLS_MAX),
                 _: Principal = Depends(require(CALL_WATCHERS))) -> RecentCalls:
    """Today's latest calls, newest first, one per ticket, with each ticket's status now; only those
    of the lokets named (``loket``, repeatable), if any, as a board that shows some lokets asks. A
    board that restarts shows them again from here, then follows ``/events`` from ``last_event_id``."""
    return engine(request).recent_calls(limit, frozenset(loket))


@router.get("/events", response_class=StreamingResponse,
            responses={200: {"model": Event, "content": {"text/event-stream": {}},
                             "description": "Server-Sent Events: `id:` is `seq`, `event:` the type (an "
                                            "`EventType`), `data:` the Event as JSON; its `data` is the "
                                            "payload its type names (core/wire/events.py)."},
                       **refusals(E.INVALID_LAST_EVENT_ID)})
async def stream_events(request: Request, last_event_id: str | None = Header(default=None),
                        last_event_id_q: int | None = Query(default=None, alias="last_event_id",
                                                            ge=0, le=MAX_SEQ),
                        who: Principal = Depends(require(ALL_ROLES))) -> StreamingResponse:
    eng = engine(request)
    settings = request.app.state.settings
    hub = request.app.state.hub
    if last_event_id is not None:
        text = last_event_id.strip()
        # isascii: "²" is a digit to str.isdigit() but not to int().
        if not (text.isascii() and text.isdigit()) or int(text) > MAX_SEQ:
            raise ApiError(400, E.INVALID_LAST_EVENT_ID, "Last-Event-ID must be a sequence number.")
        start = int(text)
    elif last_event_id_q is not None:
        start = last_event_id_q
    else:
        def newest() -> int:
            with eng.db.read() as conn:
                return latest_seq(conn)
        start = await run_in_threadpool(newest)

    token = bearer_token(request) or ""
    acc = accounts(request)

    def fetch(after: int) -> list[dict] | None:
        """The next events, or None once the token was revoked, expired or signed out: a stream
        outlives its request, so it asks again each round (a revoke in this process wakes it)."""
        if acc.principal_for(token) is None:
            return None
        with eng.db.read() as conn:
            batch = events_after(conn, after)
        return [as_seen_by_a_device(e) for e in batch] if who.role in DEVICE_ROLES else batch

    async def body() -> AsyncIterator[bytes]:
        cursor = start
        idle = 0.0
        # The id line sets a new follower's resume point before any event arrives.
        yield f"retry: 2000\nid: {cursor}\n: connected at {cursor}\n\n".encode()
        while not hub.closing:
            seen = hub.version
            batch = await run_in_threadpool(fetch, cursor)
            if batch is None:
                return
            for event in batch:
                cursor = event["seq"]
                yield (f"id: {cursor}\nevent: {event['type']}\n"
                       f"data: {json.dumps(event, separators=(',', ':'))}\n\n").encode()
            if batch:
                idle = 0.0
                continue
            if await request.is_disconnected():
                return
            idle, keepalive_due = await wait_quietly(hub, seen, settings, idle)
            if keepalive_due:
                yield b": keepalive\n\n"

    return StreamingResponse(body(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


