"""A ticket holder asks to be told on WhatsApp when their turn is near and when they are called (and can
take it back): public, keyed by the ticket's QR token like its status."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from core.wire import ErrorCode as E
from core.wire import TicketContact
from server.api.deps import engine
from server.api.responses import refusals
from server.api.schemas import ContactRequest
from server.notify.contacts import remove_contact, set_contact
from server.notify.service import Notifications

router = APIRouter()
SET_REFUSALS = (E.TICKET_NOT_FOUND, E.NOTIFY_CHANNEL_OFF, E.NOTIFY_TICKET_NOT_WAITING, E.NOTIFY_TOO_MANY_CHANGES,
                E.WRITE_CONFLICT)


def _notifications(request: Request) -> Notifications:
    return request.app.state.notifications


@router.put("/tickets/status/{token}/contact", response_model=TicketContact,
            responses=refusals(*SET_REFUSALS, signed_in=False))
async def give_number(token: str, body: ContactRequest, request: Request) -> TicketContact:
    told = _notifications(request)
    return await run_in_threadpool(set_contact, told.db, token, body.phone, body.consent, body.language,
                                   engine(request).clock.now(), told.citizen_channel())


@router.delete("/tickets/status/{token}/contact", response_model=TicketContact,
               responses=refusals(E.TICKET_NOT_FOUND, signed_in=False))
async def take_number_back(token: str, request: Request) -> TicketContact:
    return await run_in_threadpool(remove_contact, _notifications(request).db, token)
