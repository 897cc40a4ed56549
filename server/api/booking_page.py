"""The public booking page at /booking, for a citizen's phone: agencies and services with today's quota left,
a service's next days, a day's slots, the form for one slot, and the booking's own page with its code, QR
and a cancel step. Plain HTML with inline CSS and an inline SVG QR, no script; GET steps with query
parameters and one POST to make a booking (Post/Redirect/Get). Indonesian first, English by ``?lang=en`` or
the browser's language. Every rule is the booking engine's (QueueEngine.bookings): this module only asks it
and says its answers and refusals in words, with a way on."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from core import booking_code
from core.booking import booking_range, window
from core.wire import Booking, BookingDay, BookingStatus, ErrorCode
from server.api.booking_frame import BookingRoute, NotFound, form_language, notice, refused, render
from server.api.booking_qr import qr_svg, qr_text
from server.api.booking_texts import clock_words, day_words, refusal_words, words
from server.api.bookings import refuse_if_flooding
from server.api.deps import engine
from server.api.survey_page import language
from server.catalog import ServiceInfo, SiteCatalog
from server.console import csrf
from server.errors import ApiError

_SLOT = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")

pages = APIRouter(route_class=BookingRoute)


# ----------------------------------------------------------------- what the pages say


def _name(lang: str, indonesian: str, english: str) -> str:
    return english if lang == "en" and english else indonesian


def _service(cat: SiteCatalog, service_id: str) -> ServiceInfo:
    service = cat.services.get(service_id)
    if service is None:
        raise NotFound()
    return service


def _agency_name(cat: SiteCatalog, service: ServiceInfo, lang: str) -> str:
    agency = next((a for a in cat.agencies if a.id == service.agency_id), None)
    return _name(lang, agency.name, agency.name_en) if agency else ""


def _day(text: str | None) -> date:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        raise NotFound() from None


def _step(service_id: str, day: date | None = None, slot: str | None = None, lang: str | None = None) -> str:
    """The address of a step of the flow: a service's days, a day's slots, or a slot's form."""
    query = {"service": service_id, **({"date": day.isoformat()} if day else {}), **({"slot": slot} if slot else {}),
             **({"lang": lang} if lang else {})}
    return "/booking?" + urlencode(query)


def _places(n: int, lang: str) -> str:
    say = words(lang)
    return say("one_place_left") if n == 1 else say("places_left", n=n)


def _window(lang: str, tz: str, start: str, end: str) -> str:
    return words(lang)("window", start=clock_words(start, lang), end=clock_words(end, lang), tz=tz)


def _check_in_window(service: ServiceInfo, day: date, slot: str) -> tuple[str, str]:
    """The check-in window of a slot as the engine reckons it (core/booking.py), "HH:MM" site time."""
    assert service.booking is not None
    span = window(day, datetime.strptime(slot, "%H:%M").time(), service.booking)
    return span.opens.strftime("%H:%M"), span.closes.strftime("%H:%M")


def _requirements(service: ServiceInfo, lang: str) -> tuple[str, ...]:
    return service.requirements_en if lang == "en" and service.requirements_en else service.requirements


def _next_free(params: Mapping[str, Any], service_id: str, lang: str) -> tuple[str | None, str]:
    """The link and words of a refusal's next free slot, when it names one."""
    next_date, next_slot = params.get("next_free_date"), params.get("next_free_slot")
    if not next_date or not next_slot:
        return None, ""
    try:
        day = date.fromisoformat(str(next_date))
    except ValueError:
        return None, ""
    text = words(lang)("take_next", day=day_words(day, lang), slot=clock_words(str(next_slot), lang))
    return _step(service_id, day, str(next_slot), lang), text


def _form_mark(request: Request, service_id: str, day: str, slot: str) -> str:
    """The form's CSRF mark, bound to the slot it books and keyed with the server's secret."""
    return csrf.mark_for(engine(request).nik_key, f"booking:{service_id}:{day}:{slot}")


def _cancel_mark(request: Request, token: str) -> str:
    return csrf.mark_for(engine(request).nik_key, f"booking-cancel:{token}")


# ----------------------------------------------------------------- the steps


@pages.get("/booking", response_class=HTMLResponse)
def booking_steps(request: Request) -> HTMLResponse:
    """Every GET step of the flow, chosen by its query: none, ``service``, ``&date=``, ``&slot=``."""
    lang = language(request)
    query = request.query_params
    service_id = query.get("service")
    if not service_id:
        return _home(request, lang)
    cat = engine(request).catalog()
    service = _service(cat, service_id)
    _refuse_unless_bookable(service)
    try:
        return _service_step(request, lang, cat, service, query.get("date"), query.get("slot"))
    except ApiError as refusal:
        return refused(request, lang, refusal, _step(service.id))


def _refuse_unless_bookable(service: ServiceInfo) -> None:
    """A service that takes no bookings (or no longer does, the catalog changed): said on a page of its own."""
    if service.booking is None:
        raise ApiError(409, ErrorCode.BOOKING_NOT_OFFERED, "The service takes no bookings.")


def _service_step(request: Request, lang: str, cat: SiteCatalog, service: ServiceInfo, day_text: str | None,
                  slot: str | None) -> HTMLResponse:
    """A service's days, one day's slots, or one slot's form; a slot that cannot be taken shows its day."""
    if day_text is None:
        return _days(request, lang, cat, service)
    day = _day(day_text)
    if slot is None:
        return _slots(request, lang, cat, service, day)
    if not _SLOT.fullmatch(slot):
        raise NotFound()
    booking_day = engine(request).bookings.day(service.id, day)
    offered = next((s for s in booking_day.slots if s.start == slot), None)
    if not booking_day.open:
        return _slots(request, lang, cat, service, day, status=409, booking_day=booking_day)
    if offered is None:
        return _slots(request, lang, cat, service, day, status=422, booking_day=booking_day,
                      message=refusal_words(ErrorCode.BOOKING_SLOT_UNKNOWN, {"slot": slot}, lang))
    if offered.left <= 0:
        return _slots(request, lang, cat, service, day, status=409, booking_day=booking_day,
                      message=refusal_words(ErrorCode.BOOKING_SLOT_FULL, {"slot": slot, "date": day.isoformat()},
                                            lang))
    return _form(request, lang, cat, service, day, slot)


def _home(request: Request, lang: str) -> HTMLResponse:
    """The services that take bookings, by agency, each with today's quota left and the way to book; then the
    walk-in-only ones in a short list, each with the walk-in tickets left today."""
    say = words(lang)
    eng = engine(request)
    cat = eng.catalog()
    quotas = {q.service_id: q for q in eng.bookings.quota_today()}
    bookable: list[dict[str, Any]] = []
    walk_in: list[dict[str, Any]] = []
    for agency in cat.agencies:
        shown: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
        for service_id in agency.service_ids:
            quota = quotas.get(service_id)
            if quota is None:
                continue
            service = cat.services[service_id]
            if quota.bookable:
                walk_in_text = (say("no_quota") if quota.walk_in_left is None
                                else say("walk_in_left", n=quota.walk_in_left))
                text = " · ".join([say("booking_left", n=quota.booking_left or 0), walk_in_text])
            else:
                text = (say("no_quota") if quota.walk_in_left is None
                        else say("walk_in_left_short", n=quota.walk_in_left))
            shown[quota.bookable].append({"id": service_id, "name": _name(lang, service.name, service.name_en),
                                          "quota_text": text, "link": _step(service_id, lang=lang)})
        for listing, services in ((bookable, shown[True]), (walk_in, shown[False])):
            if services:
                listing.append({"name": _name(lang, agency.name, agency.name_en), "services": services})
    return render(request, "home", lang, heading=say("title"), bookable=bookable, walk_in=walk_in)


def _days(request: Request, lang: str, cat: SiteCatalog, service: ServiceInfo) -> HTMLResponse:
    """The service's next days, each with its places left, or greyed with why it cannot be booked."""
    say = words(lang)
    eng = engine(request)
    today = eng.today(cat)
    rules = service.booking
    assert rules is not None
    days = []
    for offset in range(rules.days_ahead + 1):
        day = today + timedelta(days=offset)
        booking_day = eng.bookings.day(service.id, day)
        if booking_day.closed_reason != ErrorCode.BOOKING_DAY_OUT_OF_RANGE.value:
            days.append(_day_entry(booking_day, cat, today, lang, say))
    return render(request, "days", lang, heading=_name(lang, service.name, service.name_en),
                   agency=_agency_name(cat, service, lang), query={"service": service.id},
                   back=f"/booking?lang={lang}", back_text=say("back_services"), message=None, day_words="",
                   slots=[], days=days, no_days=say("no_days", n=rules.days_ahead))


def _day_entry(booking_day: BookingDay, cat: SiteCatalog, today: date, lang: str,
               say: Callable[..., str]) -> dict[str, Any]:
    """One day of the list: its places left and the link to its slots, or why it cannot be chosen."""
    day = booking_day.date
    words_of_day = day_words(day, lang, year=False)
    entry = {"date": day.isoformat(), "words": say("today", day=words_of_day) if day == today else words_of_day,
             "link": None}
    if not booking_day.open:
        reason = booking_day.closed_reason
        if reason == ErrorCode.HOLIDAY.value:
            entry["note"] = say("closed_holiday", name=cat.holidays.get(day, ""))
        elif reason == ErrorCode.SERVICE_INACTIVE.value:
            entry["note"] = say("closed_inactive")
        else:
            entry["note"] = say("closed_day")
        return entry
    left = sum(s.left for s in booking_day.slots)
    entry["note"] = _places(left, lang) if left > 0 else say("day_full" if booking_day.slots else "no_more_slots")
    entry["link"] = _step(booking_day.service_id, day, lang=lang) if left > 0 else None
    return entry


def _slots(request: Request, lang: str, cat: SiteCatalog, service: ServiceInfo, day: date, *,
           message: str | None = None, status: int = 200, booking_day: BookingDay | None = None) -> HTMLResponse:
    """One day's slots with their places left; a full slot is shown but cannot be chosen."""
    say = words(lang)
    booking_day = booking_day or engine(request).bookings.day(service.id, day)
    if not booking_day.open and message is None:
        message = _closed_words(booking_day, cat, service, engine(request).today(cat), lang)
    slots = [{"id": s.start.replace(":", ""), "start": clock_words(s.start, lang), "end": clock_words(s.end, lang),
              "left": s.left, "left_text": _places(s.left, lang), "link": _step(service.id, day, s.start, lang)}
             for s in booking_day.slots] if booking_day.open else []
    return render(request, "days", lang, heading=_name(lang, service.name, service.name_en), status=status,
                   agency=_agency_name(cat, service, lang), query={"service": service.id, "date": day.isoformat()},
                   back=_step(service.id, lang=lang), back_text=say("back_days"), message=message,
                   day_words=day_words(day, lang), slots=slots, days=[], no_days="")


def _closed_words(booking_day: BookingDay, cat: SiteCatalog, service: ServiceInfo, today: date, lang: str) -> str:
    """Why a day has no slots: a holiday (its name), a closed day, or a day past those that can be booked."""
    day = booking_day.date
    reason = booking_day.closed_reason or ErrorCode.CLOSED_DAY.value
    if reason == ErrorCode.BOOKING_DAY_OUT_OF_RANGE.value and service.booking is not None:
        first, last = booking_range(today, service.booking)
        return refusal_words(ErrorCode.BOOKING_DAY_OUT_OF_RANGE, {"date": day.isoformat(), "first": first.isoformat(),
                                                                  "last": last.isoformat()}, lang)
    return refusal_words(ErrorCode.BOOKING_DAY_CLOSED, {"date": day.isoformat(), "reason": reason,
                                                        "holiday": cat.holidays.get(day, "")}, lang)


def _form(request: Request, lang: str, cat: SiteCatalog, service: ServiceInfo, day: date, slot: str, *,
          typed: Mapping[str, str] | None = None, message: str | None = None, next_link: str | None = None,
          next_text: str = "", status: int = 200) -> HTMLResponse:
    """The form for one slot: the persyaratan first, then the NIK, an optional WhatsApp number and its consent.
    After a refusal it comes back with what was typed, the reason and, when there is one, the next free slot."""
    start, until = _check_in_window(service, day, slot)
    typed = typed or {}
    return render(request, "form", lang, heading=_name(lang, service.name, service.name_en), status=status,
                   agency=_agency_name(cat, service, lang),
                   query={"service": service.id, "date": day.isoformat(), "slot": slot},
                   back=_step(service.id, day, lang=lang), message=message, next_link=next_link, next_text=next_text,
                   day_words=day_words(day, lang), slot_words=clock_words(slot, lang),
                   window=_window(lang, cat.site.tz_label, start, until),
                   requirements=_requirements(service, lang), service_id=service.id, date=day.isoformat(), slot=slot,
                   mark=_form_mark(request, service.id, day.isoformat(), slot),
                   typed={"nik": typed.get("nik", ""), "phone": typed.get("phone", ""),
                          "consent": typed.get("consent") == "yes"})


@pages.post("/booking", response_class=HTMLResponse)
async def make_booking(request: Request) -> Response:
    """The form's one POST: the booking made and the browser sent to its page (303), or the form again with
    the reason and what was typed. Nothing is made without this slot's mark."""
    typed = {k: v[:100] for k, v in (await request.form()).items() if isinstance(v, str)}
    lang = form_language(request, typed.get("lang"))
    slot = typed.get("slot", "")
    try:
        csrf.check(request, typed.get(csrf.FIELD),
                   _form_mark(request, typed.get("service", ""), typed.get("date", ""), slot))
    except csrf.CsrfRefused:
        return notice(request, lang, 403, "refused_title", words(lang)("stale_form"))
    cat = engine(request).catalog()
    service = _service(cat, typed.get("service", ""))
    _refuse_unless_bookable(service)
    day = _day(typed.get("date"))
    if not _SLOT.fullmatch(slot):
        raise NotFound()
    try:
        refuse_if_flooding(request)
        booking: Booking = await run_in_threadpool(
            partial(engine(request).bookings.make, service_id=service.id, day=day, slot=slot,
                    nik=typed.get("nik", ""), phone=typed.get("phone", "").strip() or None,
                    consent=typed.get("consent") == "yes", language=lang))
    except ApiError as refusal:
        if refusal.code is ErrorCode.BOOKING_RATE_LIMITED:
            return refused(request, lang, refusal, _step(service.id, day, slot))
        next_link, next_text = _next_free(refusal.params, service.id, lang)
        return _form(request, lang, cat, service, day, slot, typed=typed, status=refusal.status,
                     message=words(lang)("fix", reason=refusal_words(refusal.code, refusal.params, lang)),
                     next_link=next_link, next_text=next_text)
    return RedirectResponse(f"/booking/{booking.token}?lang={lang}", status_code=303)


# ----------------------------------------------------------------- a booking's own page


@pages.get("/booking/{token}", response_class=HTMLResponse)
def booking_page(token: str, request: Request) -> HTMLResponse:
    """The booking as its holder keeps it: the code in groups, the QR, the day and window, the persyaratan and
    how to check in; once cancelled, checked in or missed, that in words and the way to book again."""
    lang = language(request)
    say = words(lang)
    cat = engine(request).catalog()
    booking = engine(request).bookings.get(token)
    service = cat.services.get(booking.service_id)
    code = booking_code.shown(booking.code)
    status_text = {
        BookingStatus.BOOKED: say("status_booked"),
        BookingStatus.CHECKED_IN: say("status_checked_in", ticket=booking.ticket_code or ""),
        BookingStatus.CANCELLED: say("status_cancelled_by_staff" if booking.cancelled_by_staff else "status_cancelled"),
        BookingStatus.NO_SHOW: say("status_no_show"),
    }[booking.status]
    qr = qr_svg(qr_text(booking.link, token), str(escape(say("qr_label", code=code))))
    # The factory's own SVG, its one label escaped above: markup the template takes as it is.
    return render(request, "show", lang, heading=say("booked_heading"), state=booking.status.value,
                   status_text=status_text, code=code, qr=Markup(qr),
                   staff_note=say("cancelled_by_staff") if booking.cancelled_by_staff else "",
                   service=_name(lang, booking.service_name, booking.service_name_en),
                   agency=_name(lang, booking.agency_name, booking.agency_name_en),
                   day_words=day_words(booking.service_date, lang), nik_last4=booking.nik_last4,
                   slot_words=f"{clock_words(booking.slot_start, lang)}–{clock_words(booking.slot_end, lang)}",
                   window=_window(lang, cat.site.tz_label, booking.check_in_from, booking.check_in_until),
                   requirements=booking.requirements_en if lang == "en" and booking.requirements_en
                   else booking.requirements, has_phone=booking.has_phone,
                   cancel_link=f"/booking/{token}/cancel?lang={lang}",
                   again_link=_step(booking.service_id, lang=lang) if service and service.booking
                   else f"/booking?lang={lang}")


@pages.get("/booking/{token}/cancel", response_class=HTMLResponse)
def confirm_cancel(token: str, request: Request) -> Response:
    """The step before cancelling: what will be lost, and the two ways on."""
    lang = language(request)
    say = words(lang)
    booking = engine(request).bookings.get(token)
    if booking.status is not BookingStatus.BOOKED:
        return RedirectResponse(f"/booking/{token}?lang={lang}", status_code=303)
    return render(request, "cancel", lang, heading=say("cancel_heading"), token=token,
                   code=booking_code.shown(booking.code), mark=_cancel_mark(request, token),
                   service=_name(lang, booking.service_name, booking.service_name_en),
                   day_words=day_words(booking.service_date, lang), slot_words=clock_words(booking.slot_start, lang),
                   back=f"/booking/{token}?lang={lang}")


@pages.post("/booking/{token}/cancel", response_class=HTMLResponse)
async def cancel_booking(token: str, request: Request) -> Response:
    """The cancel itself, with this booking's mark; then its page, which says it is cancelled."""
    form = {k: v[:100] for k, v in (await request.form()).items() if isinstance(v, str)}
    lang = form_language(request, form.get("lang"))
    back = f"/booking/{token}"
    try:
        csrf.check(request, form.get(csrf.FIELD), _cancel_mark(request, token))
    except csrf.CsrfRefused:
        return notice(request, lang, 403, "refused_title", words(lang)("stale_form"), way_on=back,
                       way_on_key="try_again")
    try:
        await run_in_threadpool(engine(request).bookings.cancel, token, None)
    except ApiError as refusal:
        if refusal.code is not ErrorCode.BOOKING_CANCELLED:
            return refused(request, lang, refusal, back)
    return RedirectResponse(f"{back}?lang={lang}", status_code=303)


@pages.get("/booking/{rest:path}", include_in_schema=False)
async def unknown_page(request: Request) -> Response:
    """Any other address under /booking (a link mistyped or cut short): a page that says so, never JSON."""
    raise NotFound()
