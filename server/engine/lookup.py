"""Finding one ticket: by its id (staff and kiosks), by its code and date (the status keypad), or
by the unguessable token in its QR (a citizen's phone)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.rules import STATUS_TOKEN, split_code
from core.wire import ErrorCode
from server.db import Database, tickets
from server.engine import statements as sql
from server.engine.answers import Answers
from server.engine.catalog_cache import CatalogCache
from server.engine.site_time import SiteTime
from server.errors import ApiError
from server.views import TicketJson


class TicketLookup:
    def __init__(self, db: Database, catalogs: CatalogCache, site_time: SiteTime, answers: Answers) -> None:
        self.db = db
        self.catalogs = catalogs
        self.site_time = site_time
        self.answers = answers

    def by_id(self, ticket_id: int, staff: bool = False) -> TicketJson:
        """``staff``: asked by a staff member, who may read a transfer's note (a kiosk may not)."""
        cat = self.catalogs.current()
        with self.db.read() as conn:
            return self.answers.ticket(conn, cat, sql.ticket_row(conn, ticket_id), staff=staff)

    def by_code(self, code: str, day: date | None, staff: bool = False) -> TicketJson:
        cat = self.catalogs.current()
        day = day or self.site_time.today(cat)
        with self.db.read() as conn:
            prefix, number = split_code(code)
            row = None
            if number <= sql.MAX_ROW_ID:  # past the 64-bit range a number can only be "not found"
                row = conn.execute(select(tickets).where(
                    tickets.c.prefix == prefix, tickets.c.service_date == day.isoformat(),
                    tickets.c.seq == number)).first()
            if row is None:
                raise ApiError(404, ErrorCode.TICKET_NOT_FOUND, "No ticket with that code on that date.",
                               code=code, date=day.isoformat())
            return self.answers.ticket(conn, cat, row, staff=staff)

    def by_token(self, token: str) -> TicketJson:
        if not STATUS_TOKEN.fullmatch(token):  # e.g. a NUL, which PostgreSQL cannot even compare
            raise ApiError(404, ErrorCode.TICKET_NOT_FOUND, "No ticket for that link.")
        cat = self.catalogs.current()
        with self.db.read() as conn:
            row = conn.execute(select(tickets).where(tickets.c.token == token)).first()
            if row is None:
                raise ApiError(404, ErrorCode.TICKET_NOT_FOUND, "No ticket for that link.")
            return self.answers.ticket(conn, cat, row)
