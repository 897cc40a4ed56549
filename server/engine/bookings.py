"""Bookings: a citizen's place in a slot of a later (or today's not yet started) slot, made, read, cancelled,
checked in at the kiosk as a ticket queued at its slot's start, and a no-show at day end.

Making one is race-proof by two row locks of the sequences table, always in this order: the service-day's
(slot capacity and the day's cap) and then the NIK's (its limits a day and a week), so two makers never wait
on each other in a circle. A check-in locks its booking's row and then takes the ticket number, as issuing
does. The /booking page and the JSON routes both call these methods; none writes its own SQL."""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core import booking_code
from core import nik as nik_rules
from core.booking import (
    BookingRules,
    CheckIn,
    Slot,
    bookable_cap,
    booking_range,
    classify,
    closed_reason,
    day_slots,
    iso_week,
    window,
)
from core.phone import normalise_phone
from core.rules import format_code
from core.schedule import Closed
from core.wire import (
    AuditKind,
    Booking,
    BookingDay,
    BookingEvent,
    BookingQuota,
    BookingSlot,
    BookingStatus,
    ErrorCode,
    EventType,
    TicketStatus,
)
from server import audit
from server.auth import Principal
from server.catalog import ServiceInfo, SiteCatalog
from server.clock import Clock
from server.db import Database, bookings, tickets
from server.engine import statements as sql
from server.engine.answers import Answers
from server.engine.catalog_cache import NEWEST_VERSION, CatalogCache
from server.engine.site_time import SiteTime
from server.engine.unit_of_work import UnitOfWork
from server.errors import ApiError
from server.events import PendingEvents
from server.sequences import current_value, locked_value, next_value
from server.views import TicketJson, event_ticket

B = BookingStatus
# A booking holds its place while booked or checked in; a cancelled one frees it.
HOLDING = (B.BOOKED.value, B.CHECKED_IN.value)
CODE_TRIES = 5
# Closures of the office's own that stop a check-in's ticket too; the hours, a break and the quota do not.
CHECK_IN_STOPPED_BY = frozenset({Closed.INACTIVE, Closed.AGENCY_STOPPED_TODAY, Closed.SERVICE_CLOSED_TODAY})


def hhmm(moment: time | datetime) -> str:
    return moment.strftime("%H:%M")


def _slot_text(text: str) -> str:
    """"9:30", "09.30" and "09:30" all name the slot "09:30"."""
    left, sep, right = text.strip().replace(".", ":").partition(":")
    if not sep or not left.isdigit() or not right.isdigit() or len(right) != 2:
        return text
    return f"{int(left):02d}:{right}"


@dataclass(frozen=True)
class CheckInRequest:
    """Scanned (``token``) or typed (``code`` and the NIK's last four digits)."""

    token: str | None = None
    code: str | None = None
    nik_last4: str | None = None


class Bookings:
    def __init__(self, db: Database, clock: Clock, catalogs: CatalogCache, site_time: SiteTime, answers: Answers,
                 unit_of_work: UnitOfWork, *, nik_key: bytes, public_url: str) -> None:
        self.db = db
        self.clock = clock
        self.catalogs = catalogs
        self.site_time = site_time
        self.answers = answers
        self.unit_of_work = unit_of_work
        self.nik_key = nik_key
        self.public_url = public_url.rstrip("/")
        self.new_code: Callable[[], str] = booking_code.new_code

    # ----------------------------------------------------------------- reading

    def quota_today(self) -> tuple[BookingQuota, ...]:
        """Every service's places today: still bookable, and walk-in tickets still possible."""
        cat = self.catalogs.current()
        today = self.site_time.today(cat)
        out = []
        with self.db.read() as conn:
            for agency in cat.agencies:
                for sid in agency.service_ids:
                    svc = cat.services[sid]
                    rules = svc.booking if svc.schedule.active else None
                    quota = self.site_time.switches.of(today).quota(svc)
                    walk_in_left = None
                    if quota is not None:
                        walk_in_left = max(0, quota - self._issued(conn, svc, today)
                                           - self.kept(conn, svc, today))
                    booking_left = None
                    if rules is not None:
                        booking_left = sum(s.left for s in self._offered(conn, cat, svc, rules, today))
                    out.append(BookingQuota(service_id=sid, date=today, bookable=rules is not None,
                                            booking_left=booking_left, walk_in_left=walk_in_left))
        return tuple(out)

    def day(self, service_id: str, day: date) -> BookingDay:
        """A day's slots and the places left in each; a closed day has none and says why."""
        cat = self.catalogs.current()
        svc, rules = self._bookable(cat, service_id)
        reason = self._closed_reason(cat, svc, day)
        if reason is not None:
            return BookingDay(service_id=service_id, date=day, open=False, closed_reason=reason)
        first, last = booking_range(self.site_time.today(cat), rules)
        if not first <= day <= last:
            return BookingDay(service_id=service_id, date=day, open=False,
                              closed_reason=ErrorCode.BOOKING_DAY_OUT_OF_RANGE.value)
        with self.db.read() as conn:
            slots = self._offered(conn, cat, svc, rules, day)
        return BookingDay(service_id=service_id, date=day, open=True, slots=slots)

    def get(self, token: str) -> Booking:
        cat = self.catalogs.current()
        with self.db.read() as conn:
            return self._view(conn, cat, self._by_token(conn, token))

    def listing(self, day: date, service_id: str | None = None) -> tuple[Booking, ...]:
        """A day's bookings (of one service, or all), by slot: the console's list."""
        cat = self.catalogs.current()
        where = [bookings.c.service_date == day.isoformat()]
        if service_id:
            where.append(bookings.c.service_id == service_id)
        with self.db.read() as conn:
            rows = conn.execute(select(bookings).where(*where)
                                .order_by(bookings.c.slot_start, bookings.c.service_id, bookings.c.id)).all()
            return tuple(self._view(conn, cat, row) for row in rows)

    # ----------------------------------------------------------------- making and cancelling

    def make(self, *, service_id: str, day: date, slot: str, nik: str, phone: str | None = None,
             consent: bool = False, language: str = "id", made_by: str = "web") -> Booking:
        """Book a place; refused (nothing written) on a closed day, an unknown or full slot, or past a NIK's
        limits, each with the next free slot where one helps."""
        cat = self.catalogs.current()
        svc, rules = self._bookable(cat, service_id)
        today = self.site_time.today(cat)
        try:
            info = nik_rules.parse_nik(nik, today=today)
        except nik_rules.InvalidNik as exc:
            raise ApiError(422, ErrorCode.INVALID_NIK, "That is not a valid NIK.", reason=exc.reason) from None
        number = None
        if phone:
            if consent is not True:
                raise ApiError(422, ErrorCode.BOOKING_CONSENT_REQUIRED,
                               "A WhatsApp number is kept only with the holder's consent.")
            number = normalise_phone(phone)
            if number is None:
                raise ApiError(422, ErrorCode.INVALID_REQUEST, "Not an Indonesian mobile number.", field="phone")
        first, last = booking_range(today, rules)
        if not first <= day <= last:
            raise ApiError(422, ErrorCode.BOOKING_DAY_OUT_OF_RANGE, "Bookings are taken from today up to "
                           f"{rules.days_ahead} days ahead.", date=day.isoformat(), first=first.isoformat(),
                           last=last.isoformat())
        reason = self._closed_reason(cat, svc, day)
        if reason is not None:
            with self.db.read() as conn:
                free = self._next_free(conn, cat, svc, rules, day, after=None)
            raise ApiError(409, ErrorCode.BOOKING_DAY_CLOSED, "The service takes no bookings that day.",
                           date=day.isoformat(), reason=reason, holiday=cat.holidays.get(day),
                           **_free_params(free))
        label = _slot_text(slot)
        chosen = next((s for s in self._slots(cat, svc, rules, day) if s.label == label), None)
        if chosen is None:
            raise ApiError(422, ErrorCode.BOOKING_SLOT_UNKNOWN, "That is not a slot of that day.", slot=slot)
        nik_hash = nik_rules.nik_hash(nik, self.nik_key)
        zone = cat.site.zone
        with self.unit_of_work.locking() as unit:
            conn = unit.conn
            locked_value(conn, f"booking:{service_id}:{day.isoformat()}")
            locked_value(conn, f"booking-nik:{nik_hash}")
            self._refuse_over_limits(conn, svc, rules, day, nik_hash)
            left = {s.start: s.left for s in self._offered(conn, cat, svc, rules, day)}
            if left.get(label, 0) <= 0:
                free = self._next_free(conn, cat, svc, rules, day, after=chosen.start)
                raise ApiError(409, ErrorCode.BOOKING_SLOT_FULL, "That slot is full.", date=day.isoformat(),
                               slot=label, **_free_params(free))
            now = self.clock.now()
            values = {
                "token": secrets.token_urlsafe(24), "service_id": service_id, "service_date": day.isoformat(),
                "slot_start": datetime.combine(day, chosen.start, zone),
                "slot_end": datetime.combine(day, chosen.end, zone),
                "nik_hash": nik_hash, "nik_last4": info.last4, "phone": number,
                "language": language if language in ("id", "en") else "id",
                "consent_at": now if number else None, "status": B.BOOKED.value, "made_at": now,
                "checked_in_at": None, "cancelled_at": None, "ticket_id": None, "made_by": made_by[:80],
            }
            booking_id = self._insert(conn, values)
            row = conn.execute(select(bookings).where(bookings.c.id == booking_id)).one()
            unit.events.add(EventType.BOOKING_CHANGED, self._event(cat, row))
            return self._view(conn, cat, row)

    def cancel(self, token: str, principal: Principal | None = None) -> Booking:
        """The holder's cancel (by the link's token), or a supervisor's (audited); a booking cancelled
        already is answered as it is. Checked in, a no-show, or its slot begun: refused."""
        cat = self.catalogs.current()
        with self.unit_of_work.locking() as unit:
            conn = unit.conn
            row = self._by_token(conn, token, lock=True)
            if row.status == B.CANCELLED.value:
                return self._view(conn, cat, row)
            if row.status != B.BOOKED.value:
                raise ApiError(409, ErrorCode.BOOKING_NOT_CANCELLABLE, "This booking can no longer be cancelled.",
                               status=row.status)
            now = self.clock.now()
            if now >= row.slot_start:
                raise ApiError(409, ErrorCode.BOOKING_NOT_CANCELLABLE, "This booking's slot has begun.",
                               status="slot_passed")
            # Who cancelled tells the holder's message and page apart: NULL the holder, "user:NAME" staff.
            by = f"user:{principal.name}"[:80] if principal is not None else None
            conn.execute(update(bookings).where(bookings.c.id == row.id)
                         .values(status=B.CANCELLED.value, cancelled_at=now, cancelled_by=by))
            if principal is not None:
                audit.record(conn, at=now, actor=principal, kind=AuditKind.BOOKING_CANCELLED_BY_STAFF,
                             subject=f"booking:{row.code}",
                             detail={"service_id": row.service_id, "service_date": row.service_date,
                                     "slot": hhmm(row.slot_start.astimezone(cat.site.zone)),
                                     "nik_last4": row.nik_last4})
            row = conn.execute(select(bookings).where(bookings.c.id == row.id)).one()
            unit.events.add(EventType.BOOKING_CHANGED, self._event(cat, row))
            return self._view(conn, cat, row)

    # ----------------------------------------------------------------- checking in

    def check_in(self, principal: Principal, *, token: str | None = None, code: str | None = None,
                 nik_last4: str | None = None, idempotency_key: str) -> tuple[TicketJson, bool]:
        """A ticket for a booking inside its check-in window, the booking scanned (``token``) or typed (``code``
        and ``nik_last4``); ``created`` False: the ticket this key made before."""
        request = CheckInRequest(token=token, code=code, nik_last4=nik_last4)
        for _ in range(3):
            versioned = self.catalogs.versioned()
            try:
                return self._check_in(principal, request, idempotency_key, versioned)
            except _CatalogMovedOn:
                self.catalogs.recheck()
        raise ApiError(409, ErrorCode.CONFLICT, "The check-in could not be made; please try again.")

    def _check_in(self, principal: Principal, request: CheckInRequest, key: str,
                  versioned: tuple[int, SiteCatalog]) -> tuple[TicketJson, bool]:
        version, cat = versioned
        with self.unit_of_work.locking() as unit:
            conn = unit.conn
            row = self._find_for_check_in(conn, request)
            digest = hashlib.sha256(f"booking:{row.id}".encode()).hexdigest()
            earlier = conn.execute(sql.BY_IDEMPOTENCY_KEY, {"issuer": principal.issuer, "key": key}).first()
            if earlier is not None:
                if earlier.request_digest != digest:
                    raise ApiError(422, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                   "This Idempotency-Key was used for a different request.")
                return self.answers.ticket(conn, cat, earlier), False
            self._refuse_unless_checkable(conn, cat, row)
            svc = cat.services.get(row.service_id)
            if svc is None:
                raise ApiError(404, ErrorCode.SERVICE_NOT_FOUND, "No such service.", service_id=row.service_id)
            rules = svc.booking or BookingRules(0, 0, 0, 0)
            zone = cat.site.zone
            day = date.fromisoformat(row.service_date)
            start = row.slot_start.astimezone(zone)
            where = classify(day, start.time(), rules, self.site_time.local_now(cat))
            if where is CheckIn.OTHER_DAY:
                raise ApiError(409, ErrorCode.BOOKING_NOT_TODAY, "This booking is for another day.",
                               date=row.service_date)
            if where is CheckIn.TOO_EARLY:
                raise ApiError(409, ErrorCode.BOOKING_TOO_EARLY, "Check-in for this booking has not opened yet.",
                               slot=hhmm(start), come_back_at=hhmm(window(day, start.time(), rules).opens))
            today = self.site_time.today(cat)
            if where is CheckIn.TOO_LATE:
                walk_in = self.site_time.availability(
                    cat, svc.id, self._issued(conn, svc, today) + self.kept(conn, svc, today)).open
                raise ApiError(409, ErrorCode.BOOKING_TOO_LATE, "The check-in window of this booking has closed.",
                               slot=hhmm(start), late_minutes=rules.late_minutes, walk_in=walk_in,
                               service_id=svc.id)
            self.site_time.refuse_unless_settled(cat)
            av = self.site_time.availability(cat, svc.id, 0)
            if not av.open and av.reason in CHECK_IN_STOPPED_BY:
                raise ApiError(409, ErrorCode(av.reason), "This service takes no tickets now.", **av.params)
            seq = next_value(conn, f"ticket:{svc.prefix}:{today.isoformat()}")
            if NEWEST_VERSION.scalar(conn, {}) != version:
                raise _CatalogMovedOn
            now = self.clock.now()
            values = {
                "code": format_code(svc.prefix, seq), "prefix": svc.prefix, "seq": seq,
                "service_date": today.isoformat(), "service_id": svc.id, "origin_service_id": svc.id,
                "status": TicketStatus.WAITING.value, "priority": None, "token": secrets.token_urlsafe(18),
                # Queued at its slot's start: called after those who came before it, before those after.
                "issued_at": now, "queued_at": row.slot_start, "recalls": 0, "transfers": 0,
                "issuer": principal.issuer, "idempotency_key": key, "request_digest": digest,
                "nik_hash": row.nik_hash, "nik_last4": row.nik_last4, "called_at": None, "started_at": None,
                "finished_at": None, "counter_id": None, "served_by": None, "print_status": None,
                "print_reason": None, "target_counter_id": None, "transfer_note": None, "booking_id": row.id,
            }
            ticket = SimpleNamespace(id=sql.INSERT_TICKET.scalar(conn, values), **values)
            conn.execute(update(bookings).where(bookings.c.id == row.id)
                         .values(status=B.CHECKED_IN.value, checked_in_at=now, ticket_id=ticket.id))
            unit.events.add(EventType.TICKET_ISSUED, event_ticket(ticket, cat))
            unit.events.add(EventType.BOOKING_CHANGED, BookingEvent(
                id=row.id, service_id=row.service_id, service_date=day, slot_start=hhmm(start),
                status=B.CHECKED_IN))
            return self.answers.ticket(conn, cat, ticket), True

    def _find_for_check_in(self, conn: Connection, request: CheckInRequest) -> Any:
        if request.token:
            return self._by_token(conn, request.token, lock=True)
        code = booking_code.typed(request.code or "")
        if not booking_code.is_valid(code):
            raise ApiError(422, ErrorCode.BOOKING_CODE_INVALID, "A booking code is nine digits with a check digit.")
        row = conn.execute(select(bookings).where(bookings.c.code == code).with_for_update()).first()
        # One answer for no such code and a wrong NIK: the pair is no oracle of which codes exist.
        if row is None or not secrets.compare_digest(row.nik_last4, (request.nik_last4 or "").strip()):
            raise ApiError(404, ErrorCode.BOOKING_NOT_FOUND, "No booking has that code and NIK.")
        return row

    def _refuse_unless_checkable(self, conn: Connection, cat: SiteCatalog, row: Any) -> None:
        if row.status == B.CANCELLED.value:
            raise ApiError(409, ErrorCode.BOOKING_CANCELLED, "This booking was cancelled.",
                           by_staff=row.cancelled_by is not None)
        if row.status == B.CHECKED_IN.value:
            code = conn.execute(select(tickets.c.code).where(tickets.c.id == row.ticket_id)).scalar()
            raise ApiError(409, ErrorCode.BOOKING_ALREADY_CHECKED_IN, "This booking has checked in already.",
                           code=code or "")
        if row.status == B.NO_SHOW.value:
            raise ApiError(409, ErrorCode.BOOKING_NOT_TODAY, "This booking is for another day.",
                           date=row.service_date)

    def link(self, token: str) -> str:
        """The booking's page, its QR's content too; "" on a server that has no public address."""
        return f"{self.public_url}/booking/{token}" if self.public_url else ""

    def start_page(self, language: str = "id") -> str:
        """The site's /booking page, where a new booking starts; "" on a server that has no public address."""
        if not self.public_url:
            return ""
        return f"{self.public_url}/booking?lang=en" if language == "en" else f"{self.public_url}/booking"

    # ----------------------------------------------------------------- day end and walk-ins

    def close_day(self, day: date) -> int:
        """End the bookings of ``day`` and every day before (the day-end job's part): booked → no-show,
        their phone numbers deleted; each no-show's event lets server/notify take back its reminders. Returns
        the no-shows."""
        with self.unit_of_work.locking() as unit:
            return self.close_days_before(unit.conn, unit.events, day + timedelta(days=1))

    def close_days_before(self, conn: Connection, pending: PendingEvents, before: date) -> int:
        cat = self.catalogs.current()
        earlier = bookings.c.service_date < before.isoformat()
        missed = conn.execute(select(bookings).where(earlier, bookings.c.status == B.BOOKED.value)).all()
        if missed:
            conn.execute(update(bookings).where(bookings.c.id.in_([r.id for r in missed]))
                         .values(status=B.NO_SHOW.value))
            for row in missed:
                pending.add(EventType.BOOKING_CHANGED, BookingEvent(
                    id=row.id, service_id=row.service_id, service_date=date.fromisoformat(row.service_date),
                    slot_start=hhmm(row.slot_start.astimezone(cat.site.zone)), status=B.NO_SHOW))
        conn.execute(update(bookings).where(earlier, bookings.c.phone.is_not(None)).values(phone=None))
        return len(missed)

    def kept(self, conn: Connection, svc: ServiceInfo, today: date) -> int:
        """Today's bookings still ``booked`` whose check-in window has not closed: their places are kept
        from walk-ins (0 for a service that takes no bookings)."""
        if svc.booking is None:
            return 0
        now = self.clock.now().replace(second=0, microsecond=0)
        return int(conn.execute(select(func.count()).select_from(bookings).where(
            bookings.c.service_id == svc.id, bookings.c.service_date == today.isoformat(),
            bookings.c.status == B.BOOKED.value,
            bookings.c.slot_start >= now - timedelta(minutes=svc.booking.late_minutes))).scalar_one())

    # ----------------------------------------------------------------- the rules' parts

    def _bookable(self, cat: SiteCatalog, service_id: str) -> tuple[ServiceInfo, BookingRules]:
        svc = cat.services.get(service_id)
        if svc is None:
            raise ApiError(404, ErrorCode.SERVICE_NOT_FOUND, "No such service.", service_id=service_id)
        if svc.booking is None:
            raise ApiError(409, ErrorCode.BOOKING_NOT_OFFERED, "This service takes no bookings.",
                           service_id=service_id)
        return svc, svc.booking

    def _closed_reason(self, cat: SiteCatalog, svc: ServiceInfo, day: date) -> str | None:
        closure = self.site_time.switches.of(day).closure(svc)
        return closure.reason if closure is not None else closed_reason(svc.schedule, day, cat.holidays)

    def _slots(self, cat: SiteCatalog, svc: ServiceInfo, rules: BookingRules, day: date) -> tuple[Slot, ...]:
        """The day's slots still to be offered: today's only those not begun yet."""
        slots = day_slots(svc.schedule, rules, day, cat.holidays)
        local = self.site_time.local_now(cat)
        if day == local.date():
            slots = tuple(s for s in slots if s.start > local.time())
        elif day < local.date():
            return ()
        return slots

    def _offered(self, conn: Connection, cat: SiteCatalog, svc: ServiceInfo, rules: BookingRules,
                 day: date) -> tuple[BookingSlot, ...]:
        """Each offered slot with its places left: its own, within the day's cap, and today within what the
        quota has left after the tickets issued and the places kept."""
        slots = self._slots(cat, svc, rules, day)
        if not slots:
            return ()
        taken = self._taken(conn, svc.id, [day]).get(day, Counter())
        room = None
        quota = self.site_time.switches.of(day).quota(svc)
        cap = bookable_cap(quota, rules.walk_in_percent)
        if cap is not None:
            room = cap - sum(taken.values())
        if quota is not None and day == self.site_time.today(cat):
            today_room = quota - self._issued(conn, svc, day) - self.kept(conn, svc, day)
            room = today_room if room is None else min(room, today_room)
        out = []
        for slot in slots:
            left = rules.per_slot - taken.get(slot.label, 0)
            if room is not None:
                left = min(left, room)
            out.append(BookingSlot(start=slot.label, end=hhmm(slot.end), capacity=rules.per_slot, left=max(0, left)))
        return tuple(out)

    def _taken(self, conn: Connection, service_id: str, days: Iterable[date]) -> dict[date, Counter[str]]:
        """Places held per day and slot ("HH:MM", site time) by bookings booked or checked in."""
        names = [d.isoformat() for d in days]
        rows = conn.execute(select(bookings.c.service_date, bookings.c.slot_start, func.count())
                            .where(bookings.c.service_id == service_id, bookings.c.service_date.in_(names),
                                   bookings.c.status.in_(HOLDING))
                            .group_by(bookings.c.service_date, bookings.c.slot_start)).all()
        cat = self.catalogs.current()
        out: dict[date, Counter[str]] = {}
        for day, start, count in rows:
            out.setdefault(date.fromisoformat(day), Counter())[hhmm(start.astimezone(cat.site.zone))] += count
        return out

    def _next_free(self, conn: Connection, cat: SiteCatalog, svc: ServiceInfo, rules: BookingRules, day: date,
                   after: time | None) -> tuple[date, str] | None:
        """The first slot with a place left: later that day (after ``after``), then on the days that follow
        up to the last bookable one."""
        today = self.site_time.today(cat)
        last = booking_range(today, rules)[1]
        candidate = max(day, today)
        while candidate <= last:
            if self._closed_reason(cat, svc, candidate) is None:
                for slot in self._offered(conn, cat, svc, rules, candidate):
                    if slot.left > 0 and (candidate != day or after is None or slot.start > hhmm(after)):
                        return candidate, slot.start
            candidate += timedelta(days=1)
        return None

    def _refuse_over_limits(self, conn: Connection, svc: ServiceInfo, rules: BookingRules, day: date,
                            nik_hash: str) -> None:
        monday, sunday = iso_week(day)
        held = conn.execute(select(bookings.c.service_date).where(
            bookings.c.nik_hash == nik_hash, bookings.c.service_id == svc.id,
            bookings.c.service_date >= monday.isoformat(), bookings.c.service_date <= sunday.isoformat(),
            bookings.c.status.in_(HOLDING))).scalars().all()
        if sum(1 for d in held if d == day.isoformat()) >= rules.per_nik_day:
            raise ApiError(409, ErrorCode.BOOKING_NIK_LIMIT, "This NIK has booked this service that day already.",
                           period="day", most=rules.per_nik_day)
        if len(held) >= rules.per_nik_week:
            raise ApiError(409, ErrorCode.BOOKING_NIK_LIMIT, "This NIK has booked this service that week already.",
                           period="week", most=rules.per_nik_week)

    def _issued(self, conn: Connection, svc: ServiceInfo, day: date) -> int:
        """Tickets numbered today for the service's prefix (every ticket takes one number)."""
        return current_value(conn, f"ticket:{svc.prefix}:{day.isoformat()}")

    def _insert(self, conn: Connection, values: dict[str, Any]) -> int:
        """The row with a fresh random code; a clash with an existing code is tried again with another."""
        for _ in range(CODE_TRIES):
            try:
                with conn.begin_nested():
                    return int(conn.execute(bookings.insert().values(code=self.new_code(), **values)
                                            .returning(bookings.c.id)).scalar_one())
            except IntegrityError:
                continue
        raise ApiError(409, ErrorCode.CONFLICT, "The booking could not be made; please try again.")

    def _by_token(self, conn: Connection, token: str, lock: bool = False) -> Any:
        query = select(bookings).where(bookings.c.token == token)
        row = conn.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise ApiError(404, ErrorCode.BOOKING_NOT_FOUND, "No such booking.")
        return row

    # ----------------------------------------------------------------- answers

    def _event(self, cat: SiteCatalog, row: Any) -> BookingEvent:
        return BookingEvent(id=row.id, service_id=row.service_id, service_date=date.fromisoformat(row.service_date),
                            slot_start=hhmm(row.slot_start.astimezone(cat.site.zone)), status=B(row.status))

    def _view(self, conn: Connection, cat: SiteCatalog, row: Any) -> Booking:
        zone = cat.site.zone
        svc = cat.services.get(row.service_id)
        agency = cat.agency_of(row.service_id) if svc else None
        day = date.fromisoformat(row.service_date)
        start, end = row.slot_start.astimezone(zone), row.slot_end.astimezone(zone)
        rules = svc.booking if svc and svc.booking else BookingRules(0, 0, 0, 0)
        span = window(day, start.time().replace(tzinfo=None), rules)
        ticket_code = None
        if row.ticket_id is not None:
            ticket_code = conn.execute(select(tickets.c.code).where(tickets.c.id == row.ticket_id)).scalar()
        return Booking(
            code=row.code, token=row.token, service_id=row.service_id,
            service_name=svc.name if svc else row.service_id, service_name_en=svc.name_en if svc else "",
            agency_name=agency.name if agency else "", agency_name_en=agency.name_en if agency else "",
            service_date=day, slot_start=hhmm(start), slot_end=hhmm(end), check_in_from=hhmm(span.opens),
            check_in_until=hhmm(span.closes), status=B(row.status), nik_last4=row.nik_last4,
            has_phone=row.phone is not None, requirements=svc.requirements if svc else (),
            requirements_en=svc.requirements_en if svc else (), ticket_code=ticket_code, made_at=row.made_at,
            link=self.link(row.token), cancelled_by_staff=row.cancelled_by is not None)


class _CatalogMovedOn(Exception):
    """A newer catalog was stored between the cache's read and the check-in's number."""


def _free_params(free: tuple[date, str] | None) -> dict[str, Any]:
    return {"next_free_date": free[0].isoformat() if free else None, "next_free_slot": free[1] if free else None}
