"""Issuing a ticket: checked against the service's rules, numbered, written by the batch writer,
and replayed for a retried tap with the same Idempotency-Key; and the kiosk's report of its print."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from core import nik as nik_rules
from core.rules import format_code
from core.schedule import Availability
from core.wire import ErrorCode, EventType, Priority, TicketStatus
from server.auth import Principal
from server.batch_writer import BatchWriter
from server.catalog import ServiceInfo, SiteCatalog
from server.db import Database, tickets
from server.engine import statements as sql
from server.engine.answers import Answers
from server.engine.catalog_cache import NEWEST_VERSION, CatalogCache
from server.engine.expiry import Expiry
from server.engine.site_time import SiteTime
from server.engine.unit_of_work import UnitOfWork
from server.errors import ApiError
from server.events import PendingEvents
from server.sequences import next_value
from server.views import TicketJson, event_ticket

log = logging.getLogger(__name__)
S = TicketStatus
# A catalog stored between the cache's read and the write is read again; more than this in a row is a storm.
STALE_CATALOG_TRIES = 3


class CatalogMovedOn(Exception):
    """A newer catalog version was stored after the one a ticket was about to be written under."""


class Issuing:
    def __init__(self, db: Database, catalogs: CatalogCache, site_time: SiteTime, expiry: Expiry,
                 answers: Answers, writer: BatchWriter, unit_of_work: UnitOfWork, *, nik_key: bytes,
                 kept: Callable[[Connection, ServiceInfo, date], int]) -> None:
        self.db = db
        self.catalogs = catalogs
        self.site_time = site_time
        self.expiry = expiry
        self.answers = answers
        self.writer = writer
        self.unit_of_work = unit_of_work
        self.nik_key = nik_key
        self.kept = kept

    async def issue(self, principal: Principal, *, service_id: str, priority: str | None,
                    nik: str | None, idempotency_key: str) -> tuple[TicketJson, bool]:
        """Issue one ticket, or return the one this key already made (``created`` False).

        Async on the busiest route: the event loop hands the write straight to the batch writer
        and waits for its commit, with no thread-pool hop in between."""
        cat = self.catalogs.current()
        nik_hash = nik_last4 = None
        if nik:
            try:
                info = nik_rules.parse_nik(nik, today=self.site_time.today(cat))
            except nik_rules.InvalidNik as exc:
                raise ApiError(422, ErrorCode.INVALID_NIK, "That is not a valid NIK.", reason=exc.reason) from None
            nik_hash, nik_last4 = nik_rules.nik_hash(nik, self.nik_key), info.last4
        digest = hashlib.sha256(f"{service_id}|{priority or ''}|{nik_hash or ''}".encode()).hexdigest()
        if self.expiry.due(cat):
            await asyncio.to_thread(self.expiry.run, cat)
        try:
            ticket = await self._write(principal, service_id, priority, nik_hash, nik_last4, idempotency_key, digest)
        except (IntegrityError, ApiError) as exc:
            # A retried tap: its key's insert clashed (or the service has closed or filled since)
            # and was rolled back with its number; the ticket the key made is the answer. Looking
            # only after a refusal spares every new ticket a query.
            replay = await asyncio.to_thread(self._replay, principal, idempotency_key, digest)
            if replay is not None:
                return replay, False
            if isinstance(exc, IntegrityError):
                raise ApiError(409, ErrorCode.CONFLICT, "The ticket could not be issued; please try again.") from None
            raise
        log.debug("issued %s for %s by %s", ticket["code"], service_id, principal.issuer)
        return ticket, True

    async def _write(self, principal: Principal, service_id: str, priority: str | None, nik_hash: str | None,
                     nik_last4: str | None, key: str, digest: str) -> TicketJson:
        """The ticket written under the newest catalog version: one stored since the cache read it (by the
        ``import-catalog`` command, say) is read and the ticket written again under it."""
        for _ in range(STALE_CATALOG_TRIES):
            versioned = self.catalogs.versioned()

            def write(conn: Connection, pending: PendingEvents, versioned: tuple[int, SiteCatalog] = versioned) -> Any:
                row = self._insert(conn, principal, versioned, service_id, priority, nik_hash, nik_last4, key, digest,
                                   pending)
                return self.answers.ticket(conn, versioned[1], row, newest=True)
            try:
                return await self.writer.run(write)
            except CatalogMovedOn:
                self.catalogs.recheck()
        raise ApiError(409, ErrorCode.CONFLICT, "The ticket could not be issued; please try again.")

    def record_print(self, principal: Principal, ticket_id: int, status: str, reason: str) -> TicketJson:
        cat = self.catalogs.current()
        with self.unit_of_work.locking() as unit:
            conn = unit.conn
            row = sql.ticket_row(conn, ticket_id)
            if not principal.is_manager and row.issuer != principal.issuer:
                raise ApiError(403, ErrorCode.NOT_YOUR_TICKET,
                               "Only the device that issued a ticket reports its print.")
            conn.execute(update(tickets).where(tickets.c.id == ticket_id)
                         .values(print_status=status, print_reason=reason[:200] or None))
            if status != "printed":
                log.warning("ticket %s did not print: %s", row.code, status)
            return self.answers.ticket(conn, cat, sql.ticket_row(conn, ticket_id))

    def _replay(self, principal: Principal, key: str, digest: str) -> TicketJson | None:
        """The ticket this key already made, or None; a key reused for another request is refused."""
        cat = self.catalogs.current()
        with self.db.read() as conn:
            row = conn.execute(sql.BY_IDEMPOTENCY_KEY, {"issuer": principal.issuer, "key": key}).first()
            if row is None:
                return None
            if row.request_digest != digest:
                raise ApiError(422, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                               "This Idempotency-Key was used for a different request.")
            return self.answers.ticket(conn, cat, row)

    def _insert(self, conn: Connection, principal: Principal, versioned: tuple[int, SiteCatalog], service_id: str,
                priority: str | None, nik_hash: str | None, nik_last4: str | None, key: str,
                digest: str, pending: PendingEvents) -> Any:
        version, cat = versioned
        service = cat.services.get(service_id)
        if service is None:
            raise ApiError(404, ErrorCode.SERVICE_NOT_FOUND, "No such service.", service_id=service_id)
        if priority and not cat.site.allow_priority:
            raise ApiError(422, ErrorCode.PRIORITY_NOT_ALLOWED, "This site does not offer priority service.")
        today = self.site_time.today(cat).isoformat()
        # The number is taken first: its row lock serialises this service's issuers, and as every
        # ticket of a prefix and day took one number, the one before it is the count issued today.
        # A refusal rolls the number back, leaving no gap.
        seq = next_value(conn, f"ticket:{service.prefix}:{today}")
        # A catalog save that changes this prefix or removes the service takes the same number's lock
        # before it looks for today's tickets (catalog_import.py): either it sees this ticket, or it has
        # committed and this reads its version here and the ticket is written again under it.
        if NEWEST_VERSION.scalar(conn, {}) != version:
            raise CatalogMovedOn
        # A booked place is kept for its holder until their check-in window closes (server/engine/bookings.py).
        kept = self.kept(conn, service, self.site_time.today(cat))
        av = self.site_time.availability(cat, service_id, seq - 1 + kept)
        if not av.open:
            params = {"opens_at": av.opens_at, "closes_at": av.closes_at, **av.params}
            code = ErrorCode(av.reason) if av.reason else ErrorCode.CLOSED
            raise ApiError(409, code, _closed_message(code, av), **params)
        self.site_time.refuse_unless_settled(cat)
        now = self.site_time.clock.now()
        values = {
            "code": format_code(service.prefix, seq), "prefix": service.prefix, "seq": seq,
            "service_date": today, "service_id": service_id, "origin_service_id": service_id,
            "status": S.WAITING.value, "priority": priority, "token": secrets.token_urlsafe(18),
            "issued_at": now, "queued_at": now, "recalls": 0, "transfers": 0, "issuer": principal.issuer,
            "idempotency_key": key, "request_digest": digest, "nik_hash": nik_hash, "nik_last4": nik_last4,
            "called_at": None, "started_at": None, "finished_at": None, "counter_id": None,
            "served_by": None, "print_status": None, "print_reason": None,
            "target_counter_id": None, "transfer_note": None, "booking_id": None,
        }
        # Only the id comes back: the rest is what was just written, and reading 26 columns back
        # through their converters costs more than the insert.
        row = SimpleNamespace(id=sql.INSERT_TICKET.scalar(conn, values), **values)
        pending.add(EventType.TICKET_ISSUED, event_ticket(row, cat))
        return row


def _closed_message(code: ErrorCode, av: Availability) -> str:
    p = av.params
    return {
        ErrorCode.SERVICE_INACTIVE: "This service is not available at the moment.",
        ErrorCode.HOLIDAY: f"Closed for a holiday ({p.get('holiday', '')}).",
        ErrorCode.CLOSED_DAY: "This service is closed today.",
        ErrorCode.NOT_OPEN_YET: f"This service opens at {av.opens_at}.",
        ErrorCode.CLOSED_FOR_TODAY: f"Tickets for today ended at {av.closes_at}.",
        ErrorCode.ON_BREAK: f"Break time; service resumes at {p.get('resumes_at', '')}.",
        ErrorCode.QUOTA_EXHAUSTED: "Today's quota for this service is full.",
        ErrorCode.AGENCY_STOPPED_TODAY: "The office stopped this agency's tickets for the rest of today.",
        ErrorCode.SERVICE_CLOSED_TODAY: "The office closed this service for the rest of today.",
    }.get(code, "This service is closed.")


def valid_priority(value: str | None) -> str | None:
    if value in (None, "", "none", "regular"):
        return None
    try:
        return Priority(value).value
    except ValueError:
        raise ApiError(422, ErrorCode.INVALID_PRIORITY, "Unknown priority group.",
                       allowed=[p.value for p in Priority]) from None
