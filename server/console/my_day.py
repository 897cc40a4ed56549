"""An officer's own figures today (served, per service, mean service time), from the engine's read that
GET /api/v1/me/day serves too: what a staff member signed in to the console sees besides their password."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from server.auth import STAFF_ROLES
from server.console.pages import ConsoleRoute, render, signed_in
from server.console.sign_in import NOTICES

router = APIRouter(route_class=ConsoleRoute)


@router.get("/console/me", include_in_schema=False)
async def my_day(request: Request) -> Response:
    session = signed_in(request, STAFF_ROLES)
    day = await run_in_threadpool(request.app.state.engine.officer_day, session.principal.name)
    return render(request, "my_day.html", session=session, day=day,
                  notice=NOTICES.get(request.query_params.get("notice", "")))
