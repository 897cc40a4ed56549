"""The notifications page (supervisors and admins): the outbox's messages by state with today's counts,
"send again" for a failed one, and for admins a test message through a channel. A client of the same
Notifications calls as /api/v1/notifications…, with the same roles."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from core.wire import ErrorCode
from server.auth import MANAGER_ROLES, Role
from server.console.i18n import texts
from server.console.pages import ConsoleRoute, checked_form, language, redirect, refusal_text, render, signed_in
from server.console.session import ConsoleSession
from server.console.site_time import site_clock
from server.errors import ApiError
from server.notify.service import STATUSES, Notifications

router = APIRouter(route_class=ConsoleRoute)
ADMIN = frozenset({Role.ADMIN})


def reason_words(reason: str | None, t: Callable[..., str]) -> str:
    """Why a message was not sent, in the page's words where the sender's reason is one of its own."""
    if not reason:
        return ""
    if reason in ("unreachable", "timeout"):
        return t(f"notify.reason.{reason}")
    if reason.startswith("HTTP ") and reason[5:].isdigit():
        return t("notify.reason.http", status=reason[5:])
    return reason


def _notifications(request: Request) -> Notifications:
    return request.app.state.notifications


async def _page(request: Request, session: ConsoleSession, *, status: int = 200, message: str | None = None,
                typed: dict[str, str] | None = None) -> Response:
    chosen = request.query_params.get("status", "dead")
    chosen = chosen if chosen in STATUSES else "dead"
    listing = await run_in_threadpool(_notifications(request).listing, chosen)
    t = texts(language(request))
    done, row = request.query_params.get("done"), request.query_params.get("id", "")
    notice = t(f"notify.{done}", id=row) if done in ("retried", "checked") and row.isdigit() else None
    return render(request, "notifications.html", session=session, status=status, listing=listing, chosen=chosen,
                  statuses=STATUSES, notice=notice, message=message, shown=site_clock(request),
                  reason=lambda text: reason_words(text, t),
                  admin=session.principal.role == Role.ADMIN, typed=typed or {"channel": "whatsapp", "recipient": ""})


@router.get("/console/notifications", include_in_schema=False)
async def notifications_page(request: Request) -> Response:
    return await _page(request, signed_in(request, MANAGER_ROLES))


@router.post("/console/notifications/{row_id}/retry", include_in_schema=False)
async def retry(row_id: int, request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    await checked_form(request, session)
    try:
        await run_in_threadpool(_notifications(request).retry, session.principal, row_id)
    except ApiError as refusal:
        return await _page(request, session, status=refusal.status,
                           message=refusal_text(language(request), refusal))
    return redirect(request, f"/console/notifications?status=pending&done=retried&id={row_id}", session)


@router.post("/console/notifications/check", include_in_schema=False)
async def check(request: Request) -> Response:
    session = signed_in(request, ADMIN)
    fields = await checked_form(request, session)
    typed = {"channel": fields.get("channel", "")[:16], "recipient": fields.get("recipient", "")[:24]}
    site = request.app.state.engine.catalog().site.short_name
    try:
        made = await run_in_threadpool(_notifications(request).check, session.principal, typed["channel"],
                                       typed["recipient"] or None, site)
    except ApiError as refusal:
        bad_number = refusal.code == ErrorCode.INVALID_REQUEST
        message = texts(language(request))("notify.bad_number") if bad_number else \
            refusal_text(language(request), refusal)
        return await _page(request, session, status=refusal.status, message=message, typed=typed)
    return redirect(request, f"/console/notifications?status=pending&done=checked&id={made.id}", session)
