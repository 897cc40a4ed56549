"""Builds the FastAPI application from its parts; the only place the parts are wired together."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date

from fastapi import FastAPI

from core import __version__
from server import console
from server.accounts import Accounts
from server.api import (
    admin,
    audit,
    booking_frame,
    booking_page,
    bookings,
    catalog_admin,
    contact_page,
    counters,
    events,
    hall,
    notifications,
    public,
    queue_reports,
    site,
    skm,
    survey,
    survey_page,
    ticket_contact,
    tickets,
    today,
)
from server.api.middleware import RequestGuard
from server.checkpointer import Checkpointer
from server.clock import Clock, SystemClock
from server.console.pages import too_large_page
from server.db import Database
from server.engine import QueueEngine
from server.errors import ApiError, install_error_handlers
from server.events import EventHub
from server.notify.booking_watch import BookingWatch
from server.notify.config import load_channels
from server.notify.service import Notifications
from server.notify.ticket_watch import TicketWatch
from server.periodic import Periodic
from server.settings import ServerSettings, load_secret

API_PREFIX = "/api/v1"
# The clock is read this often with no request needed, so a new day has held by a few minutes
# past midnight, long before the doors open.
DAY_KEEPER_EVERY_S = 30.0


@dataclass
class Services:
    """The server's parts, built once; the CLI uses them without HTTP. Nothing here runs a
    thread until the app's lifespan starts it."""

    settings: ServerSettings
    db: Database
    hub: EventHub
    engine: QueueEngine
    accounts: Accounts
    notifications: Notifications


def build_services(settings: ServerSettings, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    db = Database(settings.database_url)
    db.create_schema()
    hub = EventHub()
    engine = QueueEngine(db, clock, hub, public_url=settings.public_url,
                         nik_key=load_secret(settings.secret_file), open_all_hours=settings.open_all_hours)
    notifications = Notifications(db, clock, load_channels(settings.notify_config), _site_day(engine),
                                  policy=settings.notify_retry)
    watch = TicketWatch(engine.catalogs.current, engine.live, notifications.citizen_channel)
    engine.unit_of_work.watch(watch.on_change)
    booking_watch = BookingWatch(engine.catalogs.current, engine.bookings.link,
                                 notifications.citizen_channel, lambda: "webhook" in notifications.channels,
                                 start_page=engine.bookings.start_page)
    engine.unit_of_work.watch(booking_watch.on_change)
    return Services(settings, db, hub, engine, Accounts(db, clock, hub, password_cost=settings.password_cost),
                    notifications)


def _site_day(engine: QueueEngine) -> Callable[[], date | None]:
    """Today at the site, or None while there is no catalog to say where the site is."""
    def today() -> date | None:
        try:
            return engine.today(engine.catalog())
        except ApiError:
            return None
    return today


def create_app(services: Services) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Each part stops in the reverse order it started: the day keeper hands work to the
        # batch writer, and the writer's commits wake the hub.
        with contextlib.ExitStack() as running:
            services.hub.bind(asyncio.get_running_loop())
            running.callback(services.hub.close)
            services.engine.start()
            running.callback(services.engine.close)
            checkpointer = Checkpointer.for_database(services.db)
            if checkpointer is not None:
                checkpointer.start()
                running.callback(checkpointer.stop)
            # The first reading of the clock is the one the service day starts from: take it now,
            # not at the first ticket, which may come at any moment.
            day_keeper = Periodic("day-keeper", DAY_KEEPER_EVERY_S, services.engine.keep_day)
            day_keeper.start(run_now=True)
            running.callback(day_keeper.stop)
            sender = Periodic("outbox", services.settings.notify_poll_seconds, services.notifications.run)
            sender.start()
            running.callback(sender.stop)
            yield

    app = FastAPI(title="Anjungan", version=__version__, lifespan=lifespan,
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs", redoc_url=None)
    app.state.settings = services.settings
    app.state.engine = services.engine
    app.state.accounts = services.accounts
    app.state.hub = services.hub
    app.state.notifications = services.notifications
    for module in (public, site, tickets, counters, events, admin, today, audit, hall, catalog_admin, notifications,
                   ticket_contact, queue_reports, survey, skm, bookings):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(public.pages)
    app.include_router(survey_page.pages)
    app.include_router(contact_page.pages)
    app.include_router(booking_page.pages)
    console.install(app)
    install_error_handlers(app)
    app.add_middleware(RequestGuard, max_body_bytes=services.settings.max_body_bytes,
                       page_refusal=lambda scope, most: booking_frame.too_large_page(scope, most)
                       or too_large_page(scope, most))
    return app
