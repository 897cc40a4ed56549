"""The MPP's console at /console: server-rendered pages (Jinja2) for supervisors, admins and officers,
each page a template and a route module, all on the same engine and accounts as the API."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute

from server.console import (
    audit,
    bookings,
    catalog,
    catalog_forms,
    catalog_parts,
    devices,
    hall,
    my_day,
    notifications,
    reports,
    sign_in,
    skm,
    staff,
    static,
    today,
)
from server.console.one_time import OneTimePasswords
from server.console.pages import ConsoleRoute, error_page
from server.console.session import current_session

PAGE_MODULES = (sign_in, my_day, hall, static, today, staff, devices, audit, catalog, catalog_forms, catalog_parts,
                notifications, reports, skm, bookings)
ANY_METHOD = ["GET", "POST", "PUT", "PATCH", "DELETE"]

unknown = APIRouter(route_class=ConsoleRoute)


@unknown.api_route("/console/{rest:path}", methods=ANY_METHOD, include_in_schema=False)
async def unknown_page(rest: str, request: Request) -> Response:
    """Any other console address, or a method a page does not take: a page that says so, never JSON."""
    if not rest and request.method == "GET":
        return RedirectResponse("/console", status_code=303)
    request.state.console_session = current_session(request)
    known = any(route.path_regex.match(request.url.path) for module in PAGE_MODULES
                for route in module.router.routes if isinstance(route, APIRoute))
    if known:
        return error_page(request, 405, "page.method.title", "page.method.text")
    return error_page(request, 404, "page.not_found.title", "page.not_found.text")


def install(app: FastAPI) -> None:
    app.state.one_time_passwords = OneTimePasswords()
    for module in PAGE_MODULES:
        app.include_router(module.router)
    app.include_router(unknown)
