"""The citizen's phone page to be told on WhatsApp: /t/{token}/whatsapp, reached from the ticket's status page
while it waits. A page of its own because the status page reloads itself every 20 seconds, which would wipe
a number being typed. Plain HTML, no script, a form mark bound to the ticket's token; the same rules as
PUT /tickets/status/{token}/contact (server/notify/contacts.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from core.wire import ErrorCode, TicketContact, TicketStatus
from server.api.deps import engine
from server.api.survey_page import HEADERS, language
from server.console import csrf
from server.errors import ApiError
from server.notify.contacts import MOST_CHANGES, current_contact, remove_contact, set_contact
from server.notify.service import Notifications

pages = APIRouter()

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Kabari saya lewat WhatsApp", "Tell me on WhatsApp"),
    "intro": ("Kami kirim dua pesan: saat giliran Anda hampir tiba (kurang dari 3 orang lagi) dan saat nomor Anda "
              "dipanggil. Anda boleh menunggu di luar ruang tunggu.",
              "We send two messages: when your turn is near (fewer than 3 people ahead) and when your number is "
              "called. You may wait outside the waiting area."),
    "current": ("Kami akan mengabari {number}.", "We will message {number}."),
    "phone": ("Nomor WhatsApp", "WhatsApp number"),
    "consent": ("Saya setuju nomor ini dipakai hanya untuk mengabari giliran tiket ini. Nomor dihapus setelah "
                "hari layanan ini.",
                "I agree that this number is used only to tell me about this ticket's turn. It is deleted after "
                "this service day."),
    "save": ("Simpan nomor", "Save the number"),
    "stop": ("Berhenti mengabari saya", "Stop messaging me"),
    "privacy": ("Tanpa nama atau NIK. Pesan tidak berisi data pribadi.",
                "No name or NIK is asked. The messages hold no personal data."),
    "back": ("← Kembali ke tiket", "← Back to the ticket"),
    "other_language": ("English", "Bahasa Indonesia"),
    "bad_phone": ("Bukan nomor ponsel Indonesia. Contoh: 0812-3456-7890.",
                  "Not an Indonesian mobile number. For example: 0812-3456-7890."),
    "no_consent": ("Centang persetujuan agar kami boleh mengirim pesan.",
                   "Tick the agreement so we may send you messages."),
    "not_waiting": ("Tiket ini tidak sedang menunggu, jadi tidak ada yang perlu dikabarkan.",
                    "This ticket is not waiting, so there is nothing to tell you."),
    "too_many": ("Nomor untuk tiket ini sudah diganti {most} kali; tidak dapat diganti lagi.",
                 "The number of this ticket was changed {most} times already; it cannot be changed again."),
    "off": ("Kantor ini belum mengirim pesan WhatsApp.", "This office does not send WhatsApp messages yet."),
    "not_found": ("Tiket tidak ditemukan.", "Ticket not found."),
    "stale_form": ("Formulir ini tidak dapat dikirim. Buka lagi tautan tiket Anda.",
                   "This form could not be sent. Open your ticket's link again."),
    "busy": ("Sedang sibuk; silakan coba lagi.", "Busy just now; please try again."),
}
_REFUSAL_WORDS = {
    ErrorCode.NOTIFY_TICKET_NOT_WAITING: "not_waiting", ErrorCode.NOTIFY_TOO_MANY_CHANGES: "too_many",
    ErrorCode.NOTIFY_CHANNEL_OFF: "off", ErrorCode.TICKET_NOT_FOUND: "not_found",
}
_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
                         undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _say(lang: str) -> Any:
    second = lang == "en"
    return lambda key, **params: TEXT[key][second].format(**params)


def _mark(request: Request, token: str) -> str:
    return csrf.mark_for(engine(request).nik_key, f"contact:{token}")


def _notifications(request: Request) -> Notifications:
    return request.app.state.notifications


def _page(request: Request, token: str, lang: str, *, status: int = 200, message_key: str | None = None,
          typed: str = "") -> HTMLResponse:
    say = _say(lang)
    try:
        ticket = engine(request).by_token(token)
    except ApiError:
        ticket = None
    channel = _notifications(request).citizen_channel()
    if ticket is None:
        message_key, offered, code = "not_found", False, ""
    elif channel is None:
        message_key, offered, code = message_key or "off", False, ticket["code"]
    elif ticket["status"] != TicketStatus.WAITING.value:
        message_key, offered, code = message_key or "not_waiting", False, ticket["code"]
    else:
        offered, code = True, ticket["code"]
    contact: TicketContact | None = current_contact(_notifications(request).db, token) if offered else None
    html = _TEMPLATES.get_template("contact.html").render(
        t=say, lang=lang, other="en" if lang == "id" else "id", token=token, code=code, offered=offered,
        contact=contact, mark=_mark(request, token), typed=typed,
        message=say(message_key, most=MOST_CHANGES) if message_key else None)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


@pages.get("/t/{token}/whatsapp", response_class=HTMLResponse)
def contact_page(token: str, request: Request) -> HTMLResponse:
    return _page(request, token, language(request))


@pages.post("/t/{token}/whatsapp", response_class=HTMLResponse)
async def save_contact(token: str, request: Request) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    lang = language(request, form.get("lang"))
    try:
        csrf.check(request, form.get(csrf.FIELD), _mark(request, token))
    except csrf.CsrfRefused:
        return _page(request, token, lang, status=403, message_key="stale_form")
    told = _notifications(request)
    phone = form.get("phone", "")[:24]
    try:
        if form.get("action") == "remove":
            await run_in_threadpool(remove_contact, told.db, token)
        else:
            await run_in_threadpool(set_contact, told.db, token, phone, form.get("consent") == "yes", lang,
                                    engine(request).clock.now(), told.citizen_channel())
    except ApiError as refusal:
        key = _REFUSAL_WORDS.get(refusal.code)
        if refusal.code == ErrorCode.INVALID_REQUEST:
            key = "no_consent" if refusal.params.get("field") == "consent" else "bad_phone"
        return _page(request, token, lang, status=refusal.status, message_key=key or "busy", typed=phone)
    return RedirectResponse(f"/t/{token}?lang={lang}", status_code=303)
