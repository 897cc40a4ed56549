"""Tells a booking's holder, on the WhatsApp number they gave with consent, that the booking is made, the
day before and an hour before its slot, and that it is cancelled (by the MPP's staff: said so, with the way
to book again); and tells the site's webhook of every booking change. The messages are written from the
change's own events, in its transaction: a reminder of a booking that is cancelled or checked in is removed
by the same commit, so it is never sent."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection

from core.booking import BookingRules, window
from core.booking_code import shown
from core.schedule import format_hhmm
from core.wire import BookingEvent, BookingStatus, EventType
from server.catalog import SiteCatalog
from server.db import bookings, outbox
from server.notify.outbox import PENDING, WITHDRAWN, enqueue
from server.notify.texts import long_date

log = logging.getLogger(__name__)

# The reminder the day before goes in the afternoon: after work hours' planning, early enough to cancel.
DAY_BEFORE_AT = time(16, 0)
HOUR_BEFORE = timedelta(hours=1)
# What the holder is told before the slot; stale once the booking is checked in, cancelled or missed.
AHEAD_OF_THE_SLOT = ("booking_made", "booking_reminder_day", "booking_reminder_hour")
# Check-in minutes of a service whose booking rules left the catalog after the booking was made.
FALLBACK_RULES = BookingRules(slot_minutes=30, per_slot=1, days_ahead=1, walk_in_percent=0)


class BookingWatch:
    def __init__(self, catalog: Callable[[], SiteCatalog], link: Callable[[str], str],
                 citizen_channel: Callable[[], str | None], webhook: Callable[[], bool], *,
                 start_page: Callable[[str], str]) -> None:
        self.catalog = catalog
        self.link = link                        # the absolute address of a booking's page from its token
        self.citizen_channel = citizen_channel  # where citizens' messages go on this server, if anywhere
        self.webhook = webhook                  # whether the site's webhook is configured
        self.start_page = start_page            # the site's /booking page in a language, to book again

    def on_change(self, conn: Connection, at: datetime, changes: Sequence[tuple[EventType, dict[str, Any]]]) -> None:
        """In a savepoint of the change's transaction: a defect here loses a message, never the booking."""
        changed = [data for kind, data in changes if kind == EventType.BOOKING_CHANGED]
        if not changed:
            return
        try:
            with conn.begin_nested():
                for data in changed:
                    self._write(conn, at, data)
        except Exception:
            log.exception("the messages of this booking change were not written; the change itself stands")

    def _write(self, conn: Connection, at: datetime, data: dict[str, Any]) -> None:
        status = BookingStatus(data["status"])
        cat = self.catalog()
        today = at.astimezone(cat.site.zone).date()
        if self.webhook():  # the event's own payload: no code, token, NIK nor phone
            enqueue(conn, at=at, day=today, channel="webhook", template="booking_changed", language="id",
                    booking_id=data["id"], params={key: data[key] for key in BookingEvent.model_fields})
        if status != BookingStatus.BOOKED:
            forget_ahead_of_the_slot(conn, at, data["id"])
        channel = self.citizen_channel()
        if channel is None or status not in (BookingStatus.BOOKED, BookingStatus.CANCELLED):
            return
        row = conn.execute(select(bookings).where(bookings.c.id == data["id"])).one_or_none()
        if row is None or not row.phone or row.consent_at is None:
            return
        params = _params(cat, row, self.link(row.token))

        def tell(template: str, day: date, send_at: datetime | None = None) -> None:
            enqueue(conn, at=at, day=day, channel=channel, template=template, language=row.language,
                    recipient=row.phone, params=params, send_at=send_at, booking_id=row.id)

        if status == BookingStatus.CANCELLED:
            if row.cancelled_by is None:
                tell("booking_cancelled", today)
            else:  # the holder did not cancel it: a message of its own, with the way to book again
                params["book_again"] = self.start_page(row.language)
                tell("booking_cancelled_by_staff", today)
            return
        tell("booking_made", today)
        booking_day = date.fromisoformat(row.service_date)
        for template, send_at in reminders(cat, booking_day, row.slot_start):
            if at < send_at:
                tell(template, booking_day, send_at)


def reminders(cat: SiteCatalog, booking_day: date, slot_start: datetime) -> tuple[tuple[str, datetime], ...]:
    """When a booking's holder is reminded: at 16.00 site time the day before, and an hour before the slot.
    A reminder whose time has passed when the booking is made is not sent at all."""
    day_before = datetime.combine(booking_day - timedelta(days=1), DAY_BEFORE_AT, tzinfo=cat.site.zone)
    return (("booking_reminder_day", day_before), ("booking_reminder_hour", slot_start - HOUR_BEFORE))


def forget_ahead_of_the_slot(conn: Connection, at: datetime, booking_id: int) -> int:
    """Remove what the holder was still to be told before the slot (a booking checked in, cancelled or
    missed): the pending rows no sender holds now are withdrawn, their number dropped; one being sent this moment
    is sent."""
    return conn.execute(update(outbox).where(
        outbox.c.booking_id == booking_id, outbox.c.status == PENDING, outbox.c.template.in_(AHEAD_OF_THE_SLOT),
        or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < at)).values(
        status=WITHDRAWN, recipient=None)).rowcount


def _params(cat: SiteCatalog, row: Any, link: str) -> dict[str, str]:
    """The values of a booking's messages in its holder's language; its code, never its NIK."""
    english = row.language == "en"
    zone, label = cat.site.zone, cat.site.tz_label
    service = cat.services.get(row.service_id)
    rules = (service.booking if service is not None else None) or FALLBACK_RULES
    start, end = row.slot_start.astimezone(zone), row.slot_end.astimezone(zone)
    check_in = window(start.date(), start.time(), rules)
    if service is None:  # left the catalog since: its id, and the MPP for its agency
        name, agency = row.service_id, cat.site.short_name
    else:
        owner = cat.agency_of(service.id)
        name = service.name_en or service.name if english else service.name
        agency = owner.name_en or owner.name if english else owner.name
    return {"code": shown(row.code), "service": name, "agency": agency,
            "day": long_date(date.fromisoformat(row.service_date), row.language),
            "slot": f"{format_hhmm(start.time())}–{format_hhmm(end.time(), label)}",
            "check_in": f"{format_hhmm(check_in.opens.time())}–{format_hhmm(check_in.closes.time(), label)}",
            "link": link}
