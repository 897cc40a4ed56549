"""The hall, live: every loket and every queue from the engine's one hall read (the same as GET /api/v1/hall),
a stream that tells the open page when to fetch its figures again, and a loket's page where a supervisor
closes or takes it over, with a reason, through the same engine calls as the counter app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from core.wire import CounterState, Hall, HallLoket
from server.api.events import wait_quietly
from server.auth import MANAGER_ROLES
from server.console.i18n import MESSAGES, texts
from server.console.pages import ConsoleRoute, checked_form, language, redirect, refusal_text, render, signed_in
from server.console.session import ConsoleSession
from server.errors import ApiError
from server.events import latest_seq

router = APIRouter(route_class=ConsoleRoute)
DONE_NOTICES = {"closed": "loket.closed_done", "taken": "loket.taken_done"}


def _clock(moment: datetime, zone: Any) -> str:
    return moment.astimezone(zone).strftime("%H.%M.%S")


def _hall_context(request: Request) -> dict[str, Any]:
    eng = request.app.state.engine
    hall: Hall = eng.hall()
    zone = eng.catalog().site.zone
    return {"hall": hall, "updated": _clock(hall.at, zone), "elapsed": _elapsed,
            "alert_text": _alert_texts(texts(language(request)), hall), "closed_key": _closed_key}


def _closed_key(reason: str | None) -> str:
    """The text key of why a service is closed; a reason this console has no words for reads "closed"."""
    key = f"closed.{reason}"
    return key if key in MESSAGES else "hall.closed_now"


def _elapsed(since: datetime | None, now: datetime) -> str:
    if since is None:
        return ""
    seconds = max(0, int((now - since).total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _alert_texts(t: Any, hall: Hall) -> list[tuple[str, str]]:
    """Each alert as (kind, sentence); a service is named as the page names it."""
    services = {s.id: s for s in hall.services}
    out = []
    for alert in hall.alerts:
        kind = alert.kind.value
        if kind == "wait_over_target":
            svc = services[alert.subject]
            out.append((kind, t("alert.wait_over_target", subject=f"{svc.prefix} · {svc.name}",
                                 minutes=alert.minutes, target=svc.target_wait_minutes)))
        elif kind == "device_silent" and alert.minutes is None:
            out.append((kind, t("alert.device_silent_never", subject=alert.subject)))
        else:
            out.append((kind, t(f"alert.{kind}", subject=alert.subject, minutes=alert.minutes)))
    return out


@router.get("/console/hall", include_in_schema=False)
async def hall_page(request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    context = await run_in_threadpool(_hall_context, request)
    notice = _done_notice(request, context["hall"])
    return render(request, "hall.html", session=session, notice=notice, **context)


def _done_notice(request: Request, hall: Hall) -> str | None:
    key = DONE_NOTICES.get(request.query_params.get("done", ""))
    loket = next((c for c in hall.lokets if str(c.id) == request.query_params.get("loket")), None)
    return texts(language(request))(key, name=loket.name) if key and loket else None


@router.get("/console/hall/live", include_in_schema=False)
async def hall_live(request: Request) -> Response:
    """The live part of the hall page alone, for its script to put in place."""
    session = signed_in(request, MANAGER_ROLES)
    context = await run_in_threadpool(_hall_context, request)
    return render(request, "hall_live.html", session=session, **context)


@router.get("/console/hall/events", include_in_schema=False)
async def hall_events(request: Request) -> Response:
    """``event: hall`` each time the events log grows, so the page fetches its figures again; the stream
    ends (``event: signed_out``) once the sign-in behind it ends."""
    session = signed_in(request, MANAGER_ROLES)
    app = request.app
    hub, eng, accounts, settings = app.state.hub, app.state.engine, app.state.accounts, app.state.settings

    def newest_while_signed_in() -> int | None:
        if accounts.principal_for(session.token) is None:
            return None
        with eng.db.read() as conn:
            return latest_seq(conn)

    async def body() -> AsyncIterator[bytes]:
        yield b"retry: 2000\n: connected\n\n"
        sent = None
        idle = 0.0
        while not hub.closing:
            seen = hub.version
            newest = await run_in_threadpool(newest_while_signed_in)
            if newest is None:
                yield b"event: signed_out\ndata: \n\n"
                return
            if newest != sent:
                sent = newest
                idle = 0.0
                yield f"event: hall\ndata: {newest}\n\n".encode()
            if await request.is_disconnected():
                return
            idle, keepalive_due = await wait_quietly(hub, seen, settings, idle)
            if keepalive_due:
                yield b": keepalive\n\n"

    return StreamingResponse(body(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})


def _loket(request: Request, loket_id: int) -> tuple[Hall, HallLoket | None]:
    hall = request.app.state.engine.hall()
    return hall, next((c for c in hall.lokets if c.id == loket_id), None)


async def _loket_page(request: Request, session: ConsoleSession, loket_id: int, *, status: int = 200,
                      message: str | None = None, reason: str = "") -> Response:
    hall, loket = await run_in_threadpool(_loket, request, loket_id)
    if loket is None:
        return render(request, "error.html", session=session, status=404, title_key="page.not_found.title",
                      text_key="error.counter_not_found", params={}, message=None)
    return render(request, "loket.html", session=session, status=status, loket=loket, hall=hall, message=message,
                  reason=reason, elapsed=_elapsed, closed=loket.state == CounterState.CLOSED,
                  mine=loket.staff == session.principal.name)


@router.get("/console/hall/lokets/{loket_id}", include_in_schema=False)
async def loket_page(loket_id: int, request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    return await _loket_page(request, session, loket_id)


@router.post("/console/hall/lokets/{loket_id}", include_in_schema=False)
async def loket_action(loket_id: int, request: Request) -> Response:
    """Close or take over a loket, the reason required even for one's own: it is what the audit log keeps."""
    session = signed_in(request, MANAGER_ROLES)
    fields = await checked_form(request, session)
    action, reason = fields.get("action", ""), fields.get("reason", "").strip()
    t = texts(language(request))
    if action not in ("close", "take_over"):
        return await _loket_page(request, session, loket_id, status=422, message=t("error.other", code=action[:40]))
    if not reason:
        return await _loket_page(request, session, loket_id, status=422,
                                 message=t("error.take_over_reason_required"))
    eng = request.app.state.engine
    try:
        if action == "close":
            await run_in_threadpool(eng.close_counter, session.principal, loket_id, reason)
        else:
            _, loket = await run_in_threadpool(_loket, request, loket_id)
            if loket is not None and loket.state == CounterState.CLOSED:
                # Closed meanwhile (by its officer, or another supervisor): there is nothing to take over,
                # and opening it in this supervisor's name was not what the form asked.
                return await _loket_page(request, session, loket_id, status=409, reason=reason,
                                         message=t("error.counter_closed"))
            serving = list(loket.service_ids) if loket else None
            await run_in_threadpool(eng.open_counter, session.principal, loket_id, serving, reason)
    except ApiError as refusal:
        return await _loket_page(request, session, loket_id, status=refusal.status, reason=reason,
                                 message=refusal_text(language(request), refusal))
    done = "closed" if action == "close" else "taken"
    return redirect(request, f"/console/hall?done={done}&loket={loket_id}")
