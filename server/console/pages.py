"""How a console page is answered: Jinja2 templates with autoescape, the frame every page shares (who is
signed in, the nav for their role, the language), the security headers on every answer, and every
failure turned into a page in both languages, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from server.accounts import MIN_PASSWORD_LENGTH
from server.api.page_route import Handler, page_route
from server.auth import MANAGER_ROLES, STAFF_ROLES, Role
from server.console import csrf
from server.console.i18n import chosen_language, texts
from server.console.session import SESSION_COOKIE, ConsoleSession, current_session, set_session_cookie
from server.errors import ApiError
from server.events import latest_seq

log = logging.getLogger(__name__)

LANGUAGE_COOKIE = "anjungan_console_lang"
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
                         undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class NavItem:
    key: str      # its text in server/console/i18n.py
    href: str
    roles: frozenset[Role]


# Each page module's entry in the bar, in the order shown; a role sees the pages it may open.
NAV = [
    NavItem("nav.hall", "/console/hall", MANAGER_ROLES),
    NavItem("nav.my_day", "/console/me", frozenset({Role.STAFF})),
    NavItem("nav.today", "/console/today", MANAGER_ROLES),
    NavItem("nav.bookings", "/console/bookings", MANAGER_ROLES),
    NavItem("nav.staff", "/console/staff", frozenset({Role.ADMIN})),
    NavItem("nav.devices", "/console/devices", MANAGER_ROLES),
    NavItem("nav.audit", "/console/audit", MANAGER_ROLES),
    NavItem("nav.catalog", "/console/catalog", frozenset({Role.ADMIN})),
    NavItem("nav.notifications", "/console/notifications", MANAGER_ROLES),
    NavItem("nav.reports", "/console/reports", MANAGER_ROLES),
    NavItem("nav.skm", "/console/skm", MANAGER_ROLES),
    NavItem("nav.password", "/console/password", STAFF_ROLES),
]


class ToSignIn(Exception):
    """No live sign-in: the browser goes to the sign-in page, which says why."""

    def __init__(self, notice: str | None = None) -> None:
        super().__init__(notice)
        self.notice = notice


class ToPasswordChange(Exception):
    """The account's password was set by an admin: only the password page opens."""


class RoleRefused(Exception):
    def __init__(self, session: ConsoleSession) -> None:
        super().__init__(session.principal.role.value)
        self.session = session


def language(request: Request) -> str:
    return chosen_language(request.cookies.get(LANGUAGE_COOKIE))


def signed_in(request: Request, roles: Iterable[Role], *, before_password_change: bool = False) -> ConsoleSession:
    """The page's signed-in staff member, if their role may open it."""
    session = current_session(request)
    if session is None:
        raise ToSignIn("expired" if session_cookie_left(request) else None)
    request.state.console_session = session  # a refusal's page still shows who is signed in, and the way on
    if session.principal.must_change_password and not before_password_change:
        raise ToPasswordChange()
    if session.principal.role not in frozenset(roles):
        raise RoleRefused(session)
    return session


def session_cookie_left(request: Request) -> bool:
    """A session cookie that no longer works: the sign-in ended (signed out elsewhere, disabled, expired)."""
    return SESSION_COOKIE in request.cookies


def csrf_mark(request: Request, session: ConsoleSession) -> str:
    """Keyed with the server's secret (its key file), under a label of its own: the same in every server
    process sharing the database, and no help to anyone trying to learn the key."""
    return csrf.mark_for(request.app.state.engine.nik_key, session.sign_in_id)


async def checked_form(request: Request, session: ConsoleSession) -> dict[str, str]:
    """The POSTed form, once its CSRF mark and origin are right (else CsrfRefused: nothing is done)."""
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    csrf.check(request, fields.get(csrf.FIELD), csrf_mark(request, session))
    return fields


def _site_name(request: Request) -> str:
    try:
        return str(request.app.state.engine.catalog().site.short_name)
    except ApiError:
        return "Anjungan"


def render(request: Request, template: str, *, session: ConsoleSession | None = None, status: int = 200,
           **context: Any) -> HTMLResponse:
    lang = language(request)
    login_mark = context.pop("csrf_mark", "")  # the sign-in form's: there is no sign-in yet
    session = session or getattr(request.state, "console_session", None)
    role = session.principal.role if session else None
    page = _TEMPLATES.get_template(template).render(
        t=texts(lang), lang=lang, session=session, site=_site_name(request), path=request.url.path,
        nav=[n for n in NAV if role in n.roles] if session and not session.principal.must_change_password else [],
        csrf_mark=csrf_mark(request, session) if session else login_mark,
        min_password=MIN_PASSWORD_LENGTH, **context)
    response = HTMLResponse(page, status_code=status)
    keep_cookie(request, response, session)
    return response


def keep_cookie(request: Request, response: Response, session: ConsoleSession | None) -> None:
    """Hand the browser its renewed token, if this request renewed it."""
    if session is not None and session.renewed_token and session.expires_at is not None:
        set_session_cookie(request, response, session.renewed_token, session.expires_at,
                           request.app.state.accounts.clock.now())


def redirect(request: Request, to: str, session: ConsoleSession | None = None) -> RedirectResponse:
    response = RedirectResponse(to, status_code=303)
    keep_cookie(request, response, session or getattr(request.state, "console_session", None))
    return response


def error_page(request: Request, status: int, title: str, text_key: str, **params: Any) -> HTMLResponse:
    return render(request, "error.html", status=status, title_key=title, text_key=text_key, params=params,
                  message=None)


def refusal_text(lang: str, refusal: ApiError) -> str:
    """An API refusal in the page's language: its own words where the console has them, else the code."""
    t = texts(lang)
    key = f"error.{refusal.code.value}"
    try:
        return t(key, **{k: v for k, v in refusal.params.items() if isinstance(v, (str, int, float))})
    except (KeyError, IndexError):
        return t("error.other", code=refusal.code.value)


def landing(session: ConsoleSession) -> str:
    if session.principal.must_change_password:
        return "/console/password"
    return "/console/hall" if session.principal.is_manager else "/console/me"


async def _answer(handler: Handler, request: Request) -> Response:
    try:
        return await handler(request)
    except ToSignIn as out:
        target = "/console/login"
        if request.method == "GET" and request.url.path.startswith("/console/") and request.url.path != target:
            target += f"?next={quote(request.url.path)}"
            target += f"&notice={out.notice}" if out.notice else ""
        elif out.notice:
            target += f"?notice={out.notice}"
        return RedirectResponse(target, status_code=303)
    except ToPasswordChange:
        return redirect(request, "/console/password")
    except RoleRefused as refused:
        return error_page(request, 403, "page.forbidden.title", "page.forbidden.text",
                          role=texts(language(request))(f"role.{refused.session.principal.role.value}"))
    except csrf.CsrfRefused:
        return error_page(request, 403, "page.csrf.title", "page.csrf.text")
    except RequestValidationError:
        return error_page(request, 404, "page.not_found.title", "page.not_found.text")
    except ApiError as refusal:
        return render(request, "error.html", status=refusal.status, title_key="page.refused.title",
                      message=refusal_text(language(request), refusal), text_key=None, params={})
    except Exception:
        log.exception("console page %s %s failed", request.method, request.url.path)
        return error_page(request, 500, "page.error.title", "page.error.text",
                          request_id=getattr(request.state, "request_id", "?"))


# A console route: whatever happens, the answer is a page (or a redirect).
ConsoleRoute = page_route(_answer, HEADERS)


def event_seq(request: Request) -> int:
    """The newest event's number, read before a live part's figures: the page's script fetches the part again
    only for a later event (static/console.js)."""
    with request.app.state.engine.db.read() as conn:
        return latest_seq(conn)


def too_large_page(scope: dict[str, Any], max_bytes: int) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
    """A console form or upload over the body cap (the API's RequestGuard): a page in the browser's language
    with the way back to the page it came from, in place of the API's JSON. Nothing of the body was read; the
    page has no session (no token check on this path), only the language cookie and the catalog's cached name."""
    if not str(scope.get("path", "")).startswith("/console"):
        return None
    request = Request(scope)
    came_from = urlsplit(request.headers.get("referer", ""))
    back = came_from.path + (f"?{came_from.query}" if came_from.query else "")
    page = _TEMPLATES.get_template("error.html").render(
        t=texts(language(request)), lang=language(request), session=None, site=_site_name(request),
        path=request.url.path, nav=[], csrf_mark="", min_password=MIN_PASSWORD_LENGTH, title_key="page.too_large.title",
        text_key="page.too_large.text", params={"kb": max_bytes // 1024}, message=None,
        back=back if back.startswith("/console/") else "/console")
    headers = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
    return 413, [(b"content-type", b"text/html; charset=utf-8"), *headers], page.encode()
