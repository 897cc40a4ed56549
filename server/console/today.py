"""Today's switches as a page: every service by agency with its state and quota today, and the forms that
close or reopen a service, set today's quota or go back to the catalog's, stop or resume an agency, and set
or clear the boards' running text. Each form calls the engine function behind its /api/v1/today route and
checks its fields with that route's request model, so the page and the API keep one rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from core.config import RUNNING_TEXT_MAX
from core.wire import Catalog, Service, TodaySwitches
from server.api.schemas import CloseToday, QuotaTodayRequest, RunningTextRequest
from server.auth import MANAGER_ROLES, Principal
from server.console.i18n import MESSAGES, texts
from server.console.pages import (
    ConsoleRoute,
    checked_form,
    event_seq,
    language,
    redirect,
    refusal_text,
    render,
    signed_in,
)
from server.console.session import ConsoleSession
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
NOTE_MAX = 120
QUOTA_MAX = 1_000_000

# Each form's action: the field its refusal is shown next to, and the notice once it is done.
ACTIONS = {
    "close": ("note", "today.closed_done"),
    "reopen": ("note", "today.reopened_done"),
    "quota": ("quota", "today.quota_done"),
    "quota_reset": ("quota", "today.quota_reset_done"),
    "stop": ("stop_note", "today.stopped_done"),
    "resume": ("stop_note", "today.resumed_done"),
    "text": ("text", "today.text_done"),
    "text_clear": ("text", "today.text_cleared_done"),
}


@dataclass
class Problem:
    """A refused form: which field of which row it belongs next to, why, and what was typed (kept)."""

    field: str
    subject: str
    message: str
    typed: str = ""


@dataclass
class TodayPage:
    catalog: Catalog
    switches: TodaySwitches
    catalog_quotas: dict[str, int | None]
    zone: Any
    seq: int = 0      # the newest event when it was read: the page's script fetches it again after a newer one
    closed: dict[str, Any] = field(default_factory=dict)
    quotas: dict[str, Any] = field(default_factory=dict)
    stopped: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.closed = {c.service_id: c for c in self.switches.closed_services}
        self.quotas = {q.service_id: q for q in self.switches.quotas}
        self.stopped = {s.agency_id: s for s in self.switches.stopped_agencies}

    def has_row(self, subject: str) -> bool:
        """Whether the page has a form for ``subject`` (a service or agency id; "" is the running text)."""
        return subject == "" or any(subject == a.id or any(subject == s.id for s in a.services)
                                    for a in self.catalog.agencies)

    def clock(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%H.%M")


def _read(request: Request) -> TodayPage:
    eng = request.app.state.engine
    seq = event_seq(request)  # before the switches: a change made meanwhile has a later number
    cat = eng.catalog()
    return TodayPage(catalog=eng.catalog_view(), switches=eng.switches_today(),
                     catalog_quotas={sid: s.quota for sid, s in cat.services.items()}, zone=cat.site.zone, seq=seq)


def state_key(service: Service) -> str:
    """The text key of the service's state now, as the kiosk decides it (its availability)."""
    if service.open:
        return "today.state_open"
    key = f"closed.{service.closed_reason}"
    return key if key in MESSAGES else "closed.closed"


def _service_name(page: TodayPage, lang: str, service_id: str) -> str:
    for agency in page.catalog.agencies:
        for s in agency.services:
            if s.id == service_id:
                return s.name_en if lang == "en" else s.name
    return service_id


def _agency_name(page: TodayPage, agency_id: str) -> str:
    return next((a.short_name for a in page.catalog.agencies if a.id == agency_id), agency_id)


async def _page(request: Request, session: ConsoleSession, *, status: int = 200, problem: Problem | None = None,
                notice: str | None = None) -> Response:
    page = await run_in_threadpool(_read, request)
    if problem is not None and not page.has_row(problem.subject):
        problem.field = "action"  # no row of this page to show it next to: above them all
    return render(request, "today.html", session=session, status=status, notice=notice,
                  **_wording(page, problem))


def _wording(page: TodayPage, problem: Problem | None) -> dict[str, Any]:
    """What the page and its live part word the switches with, and the refusal to show next to its field."""
    return {"page": page, "problem": problem, "state_key": state_key, "note_max": NOTE_MAX,
            "text_max": RUNNING_TEXT_MAX, "quota_max": QUOTA_MAX}


@router.get("/console/today", include_in_schema=False)
async def today_page(request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    notice = None
    done = ACTIONS.get(request.query_params.get("done", ""))
    if done is not None:
        page = await run_in_threadpool(_read, request)
        lang = language(request)
        subject = request.query_params.get("subject", "")
        t = texts(lang)
        notice = t(done[1], service=_service_name(page, lang, subject), agency=_agency_name(page, subject),
                   quota=request.query_params.get("quota") or t("hall.no_quota"))
    return await _page(request, session, notice=notice)


@router.get("/console/today/live", include_in_schema=False)
async def today_live(request: Request) -> Response:
    """The switches and their forms alone, for the page's script to put in place when the hall's stream says
    something changed (a switch set by another supervisor, the API or the command line)."""
    session = signed_in(request, MANAGER_ROLES)
    page = await run_in_threadpool(_read, request)
    return render(request, "today_live.html", session=session, **_wording(page, None))


@router.post("/console/today", include_in_schema=False)
async def today_action(request: Request) -> Response:
    """One form's change, through the engine call its API route makes; a refusal is shown next to the field
    with what was typed, and changes nothing."""
    session = signed_in(request, MANAGER_ROLES)
    fields = await checked_form(request, session)
    action = fields.get("action", "")
    lang = language(request)
    t = texts(lang)
    if action not in ACTIONS:
        return await _page(request, session, status=422,
                           problem=Problem("action", "", t("error.other", code=action[:40])))
    subject = fields.get("agency" if action in ("stop", "resume") else "service", "").strip()
    place = ACTIONS[action][0]
    typed = fields.get(place, "")
    try:
        extra = await run_in_threadpool(_apply, request, session.principal, action, subject, fields)
    except _Invalid as invalid:
        why = t(invalid.key, max=_number(invalid.limit, lang))
        return await _page(request, session, status=422, problem=Problem(place, subject, why, typed))
    except ApiError as refusal:
        return await _page(request, session, status=refusal.status,
                           problem=Problem(place, subject, refusal_text(lang, refusal), typed))
    done = {"done": action, "subject": subject} | ({"quota": str(extra)} if extra is not None else {})
    return redirect(request, f"/console/today?{urlencode(done)}", session)


class _Invalid(Exception):
    """A field the API's request model would refuse; ``key`` says why in the console's words."""

    def __init__(self, key: str, limit: int) -> None:
        super().__init__(key)
        self.key = key
        self.limit = limit


def _apply(request: Request, who: Principal, action: str, subject: str, fields: dict[str, str]) -> int | None:
    """Make the change; the quota now in force, for the notices that name it."""
    eng = request.app.state.engine
    if action == "close":
        eng.close_service_today(who, subject, _note(fields.get("note", "")))
    elif action == "reopen":
        eng.reopen_service_today(who, subject)
    elif action == "quota":
        quota = _quota(fields.get("quota", ""))
        eng.set_quota_today(who, subject, quota)
        return quota
    elif action == "quota_reset":
        eng.reset_quota_today(who, subject)
        return eng.catalog().services[subject].quota
    elif action == "stop":
        eng.stop_agency_today(who, subject, _note(fields.get("stop_note", "")))
    elif action == "resume":
        eng.resume_agency_today(who, subject)
    elif action == "text":
        eng.set_running_text_today(who, _running_text(fields.get("text", "")))
    else:
        eng.clear_running_text_today(who)
    return None


def _number(n: int, lang: str) -> str:
    """A limit as its reader writes numbers: 1,000,000 in English, 1.000.000 in Indonesian."""
    grouped = f"{n:,}"
    return grouped if lang == "en" else grouped.replace(",", ".")


def _note(typed: str) -> str:
    try:
        return CloseToday(note=typed.strip()).note
    except ValidationError:
        raise _Invalid("today.note_invalid", NOTE_MAX) from None


def _quota(typed: str) -> int:
    try:
        return QuotaTodayRequest(quota=int(typed.strip())).quota
    except (ValueError, ValidationError):
        raise _Invalid("today.quota_invalid", QUOTA_MAX) from None


def _running_text(typed: str) -> str:
    try:
        return RunningTextRequest(text=typed.strip()).text
    except ValidationError:
        raise _Invalid("today.text_invalid", RUNNING_TEXT_MAX) from None
