"""Events on ``/events`` and their payloads as typed models, so a board or counter reads fields,
not raw mappings. ``payload_of`` gives the payload model an event's type says it carries."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field, ValidationError, model_validator

from core.wire.answers import CounterRef
from core.wire.base import WireDateTime, WireModel, none_if_empty
from core.wire.codes import BookingStatus, CounterState, EventType, Priority, TicketStatus


class Event(WireModel):
    """One entry of the server's event stream; ``seq`` is strictly increasing. ``type`` stays a
    plain string (it equals an ``EventType``), so a newer server's new type is skipped, not fatal."""

    seq: int
    type: str
    at: WireDateTime
    data: dict[str, Any] = Field(default_factory=dict)


class TicketEvent(WireModel):
    """What an event says of a ticket (issued, called, recalled, status): enough for a board to
    show and speak it, nothing personal. A transfer adds where it came from; a return to the queue,
from which status and the staff member who did it (the audit of who and, by the event's ``at``, when)."""

    id: int
    code: str
    status: TicketStatus
    priority: Priority | None = None
    service_id: str = ""
    service_name: str = ""
    agency_name: str = ""
    agency_name_en: str = ""
    agency_short_name: str = ""
    service_date: date | None = None
    counter: CounterRef | None = None
    recalls: int = 0
    transferred_from: str | None = None
    status_change: TicketStatus | None = None
    requeued_from: TicketStatus | None = None  # put back to waiting from this status, by ``by``
    by: str | None = None
    # A transfer's: the one loket it was sent to, and the note for its officer (staff streams only).
    target_counter: CounterRef | None = None
    note: str | None = None
    # The loket it was sent to closed or stopped serving its service: any loket calls it now.
    released_from: CounterRef | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return none_if_empty(data, "counter", "priority", "target_counter", "released_from")


class DayExpired(WireModel):
    """``ticket.status`` at day end: the tickets left from before ``before`` expired at once."""

    expired: int
    before: date


class CounterStateEvent(WireModel):
    counter: CounterRef
    state: CounterState = CounterState.CLOSED
    staff: str | None = None
    pause_reason: str | None = None
    current_code: str | None = None  # the ticket at the loket now (called or being served)
    # A supervisor who took the loket over or closed it from another officer: who, from whom, why.
    changed_by: str | None = None
    previous_staff: str | None = None
    reason: str | None = None
    pause_until: WireDateTime | None = None  # a paused loket's expected return, if its officer said


class CatalogChanged(WireModel):
    version: int


class DeviceStateEvent(WireModel):
    """A device's printer changed, or it was renamed in its setup; the fields are those of its heartbeat
    that changed."""

    device: str
    kind: str
    printer_state: str | None = None
    paper: str | None = None
    last_error: str | None = None
    renamed_from: str | None = None   # the name it had before, when its heartbeat or the office renamed it
    locked: bool | None = None        # the office locked or unlocked it
    revoked: bool | None = None       # the office revoked it: its token no longer works


class TodayChanged(WireModel):
    """The office set or cleared one of today's switches: ``switch`` is ``service_closed``,
    ``quota``, ``agency_stopped`` or ``running_text``; ``subject`` the service or agency id ("" for
    the running text). Boards load the catalog again for its running text; GET /today has every switch."""

    service_date: date
    switch: str
    subject: str = ""


class StaffChanged(WireModel):
    """A staff account changed: ``change`` is its audit entry's kind (``user.disabled``, …). No secret: a
    one-time password stays on the admin's page; open staff lists fetch the accounts again."""

    username: str
    change: str


class RecentCall(WireModel):
    """One call of today, for a board that starts (or restarts) with nothing in memory: the call's
    event as the stream sent it, and the ticket's status now, so a ticket transferred, put back in
    the queue or cancelled since is known to be no longer called there."""

    event: Event
    status_now: TicketStatus


class RecentCalls(WireModel):
    """``GET /calls/recent``: today's latest calls, newest first, one per ticket (its latest call or
    recall). ``last_event_id`` is the newest event when they were read: a board follows ``/events``
    from there and misses nothing between the two."""

    last_event_id: int
    calls: list[RecentCall] = Field(default_factory=list)


class SurveyAnsweredEvent(WireModel):
    """A served ticket answered the survey: which, where it was served; never the answers."""

    code: str
    service_id: str
    service_date: date | None = None
    counter: CounterRef | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return none_if_empty(data, "counter")


class BookingEvent(WireModel):
    """A booking changed (made, cancelled, checked in, no-show at day end): which slot of which day, and
    its status now. No code, token, NIK nor phone: boards read the stream."""

    id: int
    service_id: str
    service_date: date
    slot_start: str
    status: BookingStatus


EventPayload = (TicketEvent | DayExpired | CounterStateEvent | CatalogChanged | DeviceStateEvent | TodayChanged
                | SurveyAnsweredEvent | StaffChanged | BookingEvent)

PAYLOADS: dict[EventType, tuple[type[EventPayload], ...]] = {
    EventType.TICKET_ISSUED: (TicketEvent,),
    EventType.TICKET_CALLED: (TicketEvent,),
    EventType.TICKET_RECALLED: (TicketEvent,),
    EventType.TICKET_STATUS: (TicketEvent, DayExpired),
    EventType.COUNTER_STATE: (CounterStateEvent,),
    EventType.CATALOG_CHANGED: (CatalogChanged,),
    EventType.DEVICE_STATE: (DeviceStateEvent,),
    EventType.TODAY_CHANGED: (TodayChanged,),
    EventType.SURVEY_ANSWERED: (SurveyAnsweredEvent,),
    EventType.STAFF_CHANGED: (StaffChanged,),
    EventType.BOOKING_CHANGED: (BookingEvent,),
}


def payload_of(event: Event) -> EventPayload | None:
    """The event's payload as the model its type names; None for an unknown type or a payload
    that fits none (a follower skips what it cannot read rather than stop)."""
    try:
        kinds = PAYLOADS[EventType(event.type)]
    except ValueError:
        return None
    for kind in kinds:
        try:
            return kind.model_validate(event.data)
        except ValidationError:
            continue
    return None
