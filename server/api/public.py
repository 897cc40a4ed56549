"""Routes anyone may call (health, sign-in, device enrolment, a citizen's ticket status), and
the signed-in staff's own renewal and sign-out."""

from __future__ import annotations

import html
import time
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from core import __version__
from core.wire import (
    AT_LOKET,
    Enrollment,
    Health,
    LoggedOut,
    Login,
    PasswordChanged,
    PublicTicket,
    TicketStatus,
    WaitUnknown,
)
from core.wire import ErrorCode as E
from server.api.deps import accounts, bearer_token, engine, password_work, require, sign_in
from server.api.responses import WITH_BODY, refusals
from server.api.schemas import ChangePassword, EnrollRequest, LoginRequest
from server.api.survey_page import survey_page
from server.auth import STAFF_ROLES, Principal
from server.errors import ApiError, storage_unavailable
from server.notify.contacts import current_contact
from server.views import TicketJson

router = APIRouter()
pages = APIRouter()
HEALTH_PROBE_EVERY_S = 5.0


@router.get("/health", response_model=Health, responses=refusals(E.NO_CATALOG, signed_in=False))
def health(request: Request) -> Health:
    """200 while the database takes writes; else 503 ``storage_unavailable`` with the reason."""
    eng = engine(request)
    storage = eng.db.storage
    # A real write, at most every few seconds while all is well and on every call while it is not,
    # so the answer turns back to 200 as soon as the disk is back, with no ticket needed to notice.
    fault = storage.fault
    if fault is not None or time.monotonic() - storage.checked_at > HEALTH_PROBE_EVERY_S:
        fault = eng.db.probe_storage()
    if fault is not None:
        raise storage_unavailable(fault.reason, detail=fault.detail,
                                  since=datetime.fromtimestamp(fault.since, UTC).isoformat())
    cat = eng.catalog()
    day = eng.day_reading(cat)
    # clock_settled is false while the clock shows a date the service day has not moved to yet
    # (server/service_day.py): tickets are refused then, and a technician should look at the clock.
    return Health(status="ok", version=__version__, server_time=eng.clock.now(), local_date=day.day,
                  clock_settled=day.settled, site=cat.site.name, database=eng.db.engine.dialect.name)


@router.post("/auth/login", response_model=Login,
             responses=refusals(WITH_BODY, E.BAD_CREDENTIALS, E.LOGIN_LOCKED, signed_in=False))
async def login(body: LoginRequest, request: Request) -> Login:
    return await sign_in(request, body.username, body.password)


@router.post("/auth/renew", response_model=Login, responses=refusals(E.TOKEN_RENEWED))
def renew(request: Request, who: Principal = Depends(require(STAFF_ROLES, before_password_change=True))) -> Login:
    return accounts(request).renew(who, bearer_token(request) or "")


@router.post("/auth/password", response_model=PasswordChanged,
             responses=refusals(WITH_BODY, E.WRONG_CURRENT_PASSWORD, E.PASSWORD_TOO_SHORT, E.PASSWORD_UNCHANGED,
                                E.LOGIN_LOCKED))
async def change_password(body: ChangePassword, request: Request,
                          who: Principal = Depends(require(STAFF_ROLES, before_password_change=True))
                          ) -> PasswordChanged:
    """The officer's own new password; the password checks wait their turn as logins do."""
    return await password_work(request, lambda: accounts(request).change_password(
        who, body.current_password, body.new_password))


@router.post("/auth/logout", response_model=LoggedOut, responses=refusals())
def logout(request: Request,
           _: Principal = Depends(require(STAFF_ROLES, before_password_change=True))) -> LoggedOut:
    return accounts(request).logout(bearer_token(request) or "")


@router.post("/devices/enroll", response_model=Enrollment,
              responses=refusals(WITH_BODY, E.BAD_ENROLLMENT_CODE, signed_in=False))
def enroll(body: EnrollRequest, request: Request) -> Enrollment:
    return accounts(request).enroll(body.code)


def _public_ticket(ticket: TicketJson) -> PublicTicket:
    """What the QR link may show: the queue position, never who holds the ticket (the model keeps
    only those fields)."""
    return PublicTicket.model_validate(ticket)


@router.get("/tickets/status/{token}", response_model=PublicTicket,
            responses=refusals(E.TICKET_NOT_FOUND, E.NO_CATALOG, signed_in=False))
def status_by_token(token: str, request: Request) -> PublicTicket:
    return _public_ticket(engine(request).by_token(token))


_STATUS_TEXT = {
    "waiting": ("Menunggu", "Waiting"), "called": ("Dipanggil", "Called"),
    "serving": ("Sedang dilayani", "Being served"), "done": ("Selesai", "Done"),
    "no_show": ("Tidak hadir", "Missed"), "cancelled": ("Dibatalkan", "Cancelled"),
    "expired": ("Kedaluwarsa", "Expired"),
}


@pages.get("/t/{token}", response_class=HTMLResponse)
def status_page(token: str, request: Request) -> HTMLResponse:
    """A page a citizen's phone opens from the QR; refreshes itself every 20 seconds until the ticket is
    done, when it turns into the survey (server/api/survey_page.py)."""
    try:
        t = _public_ticket(engine(request).by_token(token))
    except ApiError:
        body = "<h1>Tiket tidak ditemukan</h1><p>Ticket not found.</p>"
        return HTMLResponse(_page("Anjungan", body), status_code=404)
    if t.status is TicketStatus.DONE:
        return survey_page(request, token)
    e = html.escape
    status = t.status.value
    id_text, en_text = _STATUS_TEXT.get(status, (status, status))
    rows = [f"<p class='state {e(status)}'>{e(id_text)} <small>/ {e(en_text)}</small></p>"]
    if t.status is TicketStatus.WAITING:
        if t.transferred:
            rows.append(f"<p class='transfer'>Dialihkan ke / transferred to <b>{e(t.service_name)}</b>"
                        + (f" <small>/ {e(t.service_name_en)}</small>" if t.service_name_en != t.service_name
                           else "") + "</p>")
        if t.booked_for:
            # Why a citizen who came later may be called first: their booked slot is their place.
            rows.append(f"<p class='booked'>Booking <b>{e(t.booked_for.replace(':', '.'))}</b> · antrean menurut jam "
                        f"booking <small>/ booked for {e(t.booked_for)}, queued by the booked time</small></p>")
        rows.append(f"<p>Di depan Anda / ahead of you: <b>{t.people_ahead}</b> orang · {_wait_text(t)}</p>")
        if t.lokets:
            rows.append(f"<p class='lokets'>Dilayani di / served at <b>{e(', '.join(t.lokets))}</b></p>")
        rows.append(_told_on_whatsapp(request, token))
    if t.counter and t.status in AT_LOKET:
        rows.append(f"<p class='loket'>Silakan menuju / please go to <b>{e(t.counter.name)}</b></p>")
    if t.status is TicketStatus.NO_SHOW:
        # The officer can put the ticket back in the queue the same day: a new ticket would start at the end.
        where = e(t.counter.name) if t.counter else "loket"
        rows.append(f"<p class='loket'>Nomor Anda sudah dipanggil. Jangan mengambil tiket baru: silakan temui "
                    f"petugas di <b>{where}</b>.</p><p><small>Your number was called. Do not take a new ticket: "
                    f"please see the officer at <b>{where}</b>.</small></p>")
    body = (f"<p class='agency'>{e(t.agency_name)}</p><h1>{e(t.code)}</h1>"
            f"<p>{e(t.service_name)}</p>{''.join(rows)}<p class='date'>{e(t.service_date.isoformat())}</p>")
    return HTMLResponse(_page(f"Antrean {t.code}", body, refresh=20))


def _told_on_whatsapp(request: Request, token: str) -> str:
    """The way to be told on WhatsApp (server/api/contact_page.py), or the number already given, masked."""
    told = request.app.state.notifications
    if told.citizen_channel() is None:
        return ""
    given = current_contact(told.db, token)
    link = f"<a id='whatsapp' href='/t/{html.escape(token)}/whatsapp'>"
    if given is not None and given.recipient:
        return (f"<p class='told'>Kami akan mengabari {html.escape(given.recipient)} lewat WhatsApp / we will message "
                f"this number · {link}ubah / change</a></p>")
    return f"<p class='told'>{link}Kabari saya lewat WhatsApp / tell me on WhatsApp</a></p>"


_WAIT_UNKNOWN_TEXT = {
    WaitUnknown.NO_LOKET_OPEN: ("Loket belum buka", "no loket open yet"),
    WaitUnknown.LOKETS_PAUSED: ("loket sedang jeda, belum dapat diperkirakan", "lokets on a pause, no estimate yet"),
}


def _wait_text(t: PublicTicket) -> str:
    """The estimate said once in each language, or why there is none."""
    if t.wait_unknown is not None:
        id_text, en_text = _WAIT_UNKNOWN_TEXT[t.wait_unknown]
        return f"{id_text} / {en_text}"
    if t.eta_minutes <= 0:
        return "segera dilayani / served soon"
    return f"perkiraan {t.eta_minutes} menit / about {t.eta_minutes} min"


def _page(title: str, body: str, refresh: int | None = None) -> str:
    meta = f"<meta http-equiv='refresh' content='{refresh}'>" if refresh else ""
    return (f"<!doctype html><html lang='id'><head><meta charset='utf-8'>{meta}"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title><style>"
            "body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;text-align:center;"
            "color:#102a43}"
            "h1{font-size:4rem;margin:.2em 0}.state{font-size:1.6rem;font-weight:bold}"
            ".called,.serving{color:#0b7a3e}.agency{color:#486581}.loket{font-size:1.4rem}"
            f"</style></head><body>{body}</body></html>")
