"""The bookings page (supervisors and admins): a day's bookings by service and slot with the day's counts, and a
supervisor's cancel for a citizen, asked twice, through the engine's own cancel (audited
booking.cancelled_by_staff) — a client of the same Bookings calls as GET /api/v1/bookings and its cancel route.
A booking's token is the secret of the citizen's link: it never reaches the page; a form names the code and the
token is found here. The NIK shows as its last four digits only, a phone number masked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from sqlalchemy import or_, select
from starlette.concurrency import run_in_threadpool

from core.booking_code import LENGTH as CODE_LENGTH
from core.booking_code import shown as code_shown
from core.phone import masked
from core.wire import Booking, BookingStatus
from server.auth import MANAGER_ROLES
from server.console.i18n import texts
from server.console.pages import ConsoleRoute, checked_form, event_seq, language, redirect, refusal_text, render
from server.console.pages import signed_in as page_signed_in
from server.console.session import ConsoleSession
from server.console.site_time import site_clock
from server.db import bookings
from server.engine import QueueEngine
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
COUNTED = ("made", "booked", "checked_in", "cancelled", "no_show")


@dataclass(frozen=True)
class Chosen:
    """The day and service the page shows; ``bad_day``: the address named a day that is no date."""

    day: date
    service: str | None
    bad_day: bool = False

    def query(self, **more: str) -> str:
        return urlencode({"date": self.day.isoformat(), **({"service": self.service} if self.service else {}), **more})


@dataclass
class SlotRows:
    start: str
    end: str
    rows: list[Booking] = field(default_factory=list)

    @property
    def taken(self) -> int:
        """The places its bookings hold: all but the cancelled (a no-show held its place to the end)."""
        return sum(1 for b in self.rows if b.status != BookingStatus.CANCELLED)


@dataclass
class ServiceRows:
    service_id: str
    name: str
    per_slot: int | None  # the catalog's places a slot; None: the service takes no bookings now
    slots: dict[str, SlotRows] = field(default_factory=dict)


@dataclass(frozen=True)
class DayView:
    chosen: Chosen
    services: list[tuple[str, str]]  # the filter's choices: every bookable service and its name
    groups: list[ServiceRows]
    counts: dict[str, int]
    phones: dict[str, str]  # code → the number masked
    seq: int
    cancellers: dict[str, str] = field(default_factory=dict)  # code → the username of the staff who cancelled it


def signed_in(request: Request) -> ConsoleSession:
    return page_signed_in(request, MANAGER_ROLES)


def _engine(request: Request) -> QueueEngine:
    engine: QueueEngine = request.app.state.engine
    return engine


def _today(request: Request) -> date:
    eng = _engine(request)
    return eng.today(eng.catalog())


def chosen_of(values: Any, today: date) -> Chosen:
    service = str(values.get("service", "") or "")[:64] or None
    typed = str(values.get("date", "") or "")
    if not typed:
        return Chosen(today, service)
    try:
        return Chosen(date.fromisoformat(typed[:10]), service)
    except ValueError:
        return Chosen(today, service, bad_day=True)


def _office_only(request: Request, day: date) -> tuple[dict[str, str], dict[str, str]]:
    """What the office sees and the holder's own answer never carries, by code: the day's numbers, masked
    (enough to recognise one a citizen reads out), and which staff member cancelled a booking."""
    b = bookings.c
    with _engine(request).db.read() as conn:
        rows = conn.execute(select(b.code, b.phone, b.cancelled_by).where(
            b.service_date == day.isoformat(), or_(b.phone.is_not(None), b.cancelled_by.is_not(None)))).all()
    phones = {row.code: masked(row.phone) or "" for row in rows if row.phone}
    cancellers = {row.code: row.cancelled_by.removeprefix("user:") for row in rows if row.cancelled_by}
    return phones, cancellers


def _read(request: Request, chosen: Chosen, lang: str) -> DayView:
    eng = _engine(request)
    seq = event_seq(request)
    catalog = eng.catalog()
    services = [(sid, s.name_en if lang == "en" and s.name_en else s.name)
                for sid, s in catalog.services.items() if s.booking is not None]
    listed: list[Booking] = list(eng.bookings.listing(chosen.day, chosen.service))
    place = {sid: n for n, sid in enumerate(catalog.services)}  # the catalog's order, agency by agency
    groups: dict[str, ServiceRows] = {}
    for booking in sorted(listed, key=lambda b: (place.get(b.service_id, len(place)), b.service_id, b.slot_start,
                                                 b.made_at)):
        name = booking.service_name_en if lang == "en" else booking.service_name
        rules = catalog.services[booking.service_id].booking if booking.service_id in catalog.services else None
        group = groups.setdefault(booking.service_id, ServiceRows(booking.service_id, name,
                                                                  rules.per_slot if rules else None))
        group.slots.setdefault(booking.slot_start, SlotRows(booking.slot_start, booking.slot_end)).rows.append(booking)
    statuses = Counter(b.status.value for b in listed)
    counts = {"made": len(listed), **{key: statuses.get(key, 0) for key in COUNTED[1:]}}
    phones, cancellers = _office_only(request, chosen.day)
    return DayView(chosen, services, list(groups.values()), counts, phones, seq, cancellers)


def _helpers(request: Request) -> dict[str, Any]:
    return {"code_shown": code_shown, "when": site_clock(request), "booked": BookingStatus.BOOKED}


async def _page(request: Request, session: ConsoleSession, chosen: Chosen, *, status: int = 200,
                notice: str | None = None, problem: str | None = None) -> Response:
    lang = language(request)
    view = await run_in_threadpool(_read, request, chosen, lang)
    if chosen.bad_day and problem is None:
        problem, status = texts(lang)("bookings.bad_date"), 422
    return render(request, "bookings.html", session=session, status=status, view=view, notice=notice,
                  problem=problem, live_url=f"/console/bookings/live?{chosen.query()}", **_helpers(request))


@router.get("/console/bookings", include_in_schema=False)
async def bookings_page(request: Request) -> Response:
    session = signed_in(request)
    today = await run_in_threadpool(_today, request)
    chosen = chosen_of(request.query_params, today)
    code = request.query_params.get("code", "")
    notice = None
    if request.query_params.get("done") == "cancelled" and code.isdigit() and len(code) == CODE_LENGTH:
        notice = texts(language(request))("bookings.cancelled_done", code=code_shown(code))
    return await _page(request, session, chosen, notice=notice)


@router.get("/console/bookings/live", include_in_schema=False)
async def bookings_live(request: Request) -> Response:
    """The counts and the list alone, for the page's script when the hall's stream says something changed."""
    session = signed_in(request)
    today = await run_in_threadpool(_today, request)
    view = await run_in_threadpool(_read, request, chosen_of(request.query_params, today), language(request))
    return render(request, "bookings_live.html", session=session, view=view, **_helpers(request))


def _find(request: Request, day: date, code: str) -> Booking | None:
    return next((b for b in _engine(request).bookings.listing(day, None) if b.code == code), None)


@router.post("/console/bookings/{code}/cancel", include_in_schema=False)
async def cancel(code: str, request: Request) -> Response:
    """The list's button asks again (a page of its own naming the booking); only that page's form cancels."""
    session = signed_in(request)
    fields = await checked_form(request, session)
    today = await run_in_threadpool(_today, request)
    chosen = chosen_of(fields, today)
    lang = language(request)
    found = await run_in_threadpool(_find, request, chosen.day, code) if not chosen.bad_day else None
    if found is None:
        return await _page(request, session, chosen, status=404, problem=texts(lang)("error.booking_not_found"))
    if fields.get("confirm") != "yes":
        name = found.service_name_en if lang == "en" else found.service_name
        return render(request, "bookings_confirm.html", session=session, booking=found, service_name=name,
                      chosen=chosen, back=f"/console/bookings?{chosen.query()}", **_helpers(request))
    try:
        await run_in_threadpool(_engine(request).bookings.cancel, found.token, session.principal)
    except ApiError as refused:
        return await _page(request, session, chosen, status=refused.status, problem=refusal_text(lang, refused))
    return redirect(request, f"/console/bookings?{chosen.query(done='cancelled', code=found.code)}", session)
