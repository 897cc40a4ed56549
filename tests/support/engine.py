"""The queue engine without HTTP, for tests whose point is a queue rule: the server's own parts,
built as the CLI builds them (server.app.build_services), on a SQLite file in the test's folder,
with the test catalog, a settable clock and the same officers and kiosk as the live server.

    with engine_hall(tmp_path) as hall:
        hall.issue("kk", priority="lansia")
        hall.engine.open_counter(hall.staff, 1, None)
        assert hall.call_next(1).code == "B-001"

Errors come back as the engine raises them (server.errors.ApiError, with the code the API sends).
This module is the one place that names the engine's import path and starts and stops its batch
writer (``running_engine``)."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.models import Ticket, TicketStatus
from server.app import Services, build_services
from server.audit import CLI_ACTOR
from server.auth import Principal, Role
from server.catalog import load_catalog_file, parse_catalog
from server.db import audit_log
from server.engine import QueueEngine
from server.engine.catalog_import import import_catalog
from server.errors import ApiError
from server.events import events_after
from server.service_day import HOLD
from server.settings import ServerSettings
from tests.support.clock import SettableClock
from tests.support.server import CHEAP_PASSWORD_COST, PASSWORD, TEST_CATALOG


@dataclass
class EngineHall:
    services: Services
    clock: SettableClock
    kiosk: Principal
    staff: Principal    # staff1
    staff2: Principal

    @property
    def engine(self) -> QueueEngine:
        return self.services.engine

    def issue(self, service_id: str, *, priority: str | None = None, nik: str | None = None,
              key: str | None = None, by: Principal | None = None) -> dict[str, Any]:
        """A ticket issued as the kiosk's tap issues it; an ApiError when the service refuses."""
        ticket, _ = asyncio.run(self.engine.issue_ticket(by or self.kiosk, service_id=service_id, priority=priority,
                                                         nik=nik, idempotency_key=key or uuid.uuid4().hex))
        return ticket

    def call_next(self, counter_id: int, by: Principal | None = None) -> Ticket:
        """The ticket the loket calls next."""
        ticket = self.engine.call_next(by or self.staff, counter_id).current_ticket
        assert ticket is not None, "the loket called nobody"
        return ticket

    def refusal(self, service_id: str, **kw: Any) -> ApiError:
        """The error a ticket request for ``service_id`` is refused with; fails the test if it is issued."""
        try:
            ticket = self.issue(service_id, **kw)
        except ApiError as refused:
            return refused
        raise AssertionError(f"{service_id} issued {ticket['code']}, expected a refusal")

    def new_day_at(self, moment: datetime) -> None:
        """Move the clock to another date the way a real day change does: the engine reads the new
        date early enough for it to have held (server/service_day.py) by ``moment``."""
        self.clock.set(moment - HOLD)
        self.engine.day_reading(self.engine.catalog())
        self.clock.set(moment)

    def signed_in(self, username: str, role: Role) -> Principal:
        """Another user (a supervisor, an admin, a third officer), signed in."""
        return _principal(self.services, username, role)

    def enrolled_kiosk(self, name: str) -> Principal:
        """Another kiosk of the hall, enrolled as the first one was."""
        return _device(self.services, Role.KIOSK, name)

    def events(self) -> list[tuple[str, dict[str, Any]]]:
        """Every event written so far, oldest first: (type, data)."""
        with self.services.db.read() as conn:
            return [(e["type"], e["data"]) for e in events_after(conn, 0, limit=10_000)]

    def audit(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Every audit entry of the test's own actions, oldest first: (actor, kind, subject, detail). The
        hall's set-up (its accounts and devices, made as the office's command line would) is left out."""
        with self.services.db.read() as conn:
            rows = conn.execute(select(audit_log).where(audit_log.c.actor != CLI_ACTOR).order_by(audit_log.c.id))
            return [(r.actor, r.kind, r.subject, r.detail) for r in rows]

    def serve_next(self, counter_id: int, by: Principal | None = None) -> str:
        """The loket calls, starts and finishes the next ticket; returns its code."""
        who = by or self.staff
        ticket = self.call_next(counter_id, who)
        for step in (TicketStatus.SERVING, TicketStatus.DONE):
            self.engine.ticket_action(who, ticket.id, step)
        return ticket.code


@contextlib.contextmanager
def running_engine(services: Services) -> Iterator[QueueEngine]:
    """The engine with its batch writer running (the app's lifespan does this when serving), stopped
    at the end."""
    with services.engine as engine:
        yield engine


def _device(services: Services, role: Role, name: str) -> Principal:
    code = services.accounts.create_enrollment(role, name)
    principal = services.accounts.principal_for(services.accounts.enroll(code).token)
    assert principal is not None
    return principal


def _principal(services: Services, username: str, role: Role) -> Principal:
    services.accounts.add_user(username, PASSWORD, role)
    principal = services.accounts.principal_for(services.accounts.login(username, PASSWORD).token)
    assert principal is not None
    return principal


@contextlib.contextmanager
def engine_hall(tmp_path: Path, *, clock: SettableClock | None = None, catalog: Path = TEST_CATALOG,
                open_all_hours: bool = False) -> Iterator[EngineHall]:
    clock = clock or SettableClock()
    settings = ServerSettings(database_url=f"sqlite:///{tmp_path / 'engine.sqlite3'}", open_all_hours=open_all_hours,
                              secret_file=tmp_path / "secret.key", password_cost=CHEAP_PASSWORD_COST)
    services = build_services(settings, clock)
    try:
        with running_engine(services) as engine:
            engine.import_catalog(load_catalog_file(catalog), str(catalog))
            yield EngineHall(services, clock, _device(services, Role.KIOSK, "kiosk-1"),
                             _principal(services, "staff1", Role.STAFF), _principal(services, "staff2", Role.STAFF))
    finally:
        services.db.dispose()


def stored_by_another_process(hall: EngineHall, change: str) -> None:
    """A new catalog version stored as the CLI stores it, the server's cached catalog not told: ``change`` is
    "prefix" (paspor's prefix becomes P) or "remove" (paspor and its loket 3 leave the catalog)."""
    document = copy.deepcopy(dict(hall.engine.catalog().document))
    services = document["agencies"][1]["services"]
    if change == "prefix":
        services[0]["prefix"] = "P"
    else:
        document["lokets"] = [loket for loket in document["lokets"] if loket["id"] != 3]
        services.clear()
    import_catalog(hall.engine.unit_of_work, hall.clock, parse_catalog(document), "cli", made_stale=(),
                   today=hall.engine.today(hall.engine.catalog()))
