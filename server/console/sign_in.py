"""Signing in and out of the console, one's own password, and the language: the same rules as the API's
/auth routes, through the same Accounts calls."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from core.wire import ErrorCode
from server.api.deps import password_work, sign_in
from server.auth import STAFF_ROLES
from server.console import csrf
from server.console.i18n import LANGUAGES, texts
from server.console.pages import (
    LANGUAGE_COOKIE,
    ConsoleRoute,
    checked_form,
    landing,
    language,
    redirect,
    refusal_text,
    render,
    signed_in,
)
from server.console.session import (
    SESSION_COOKIE,
    clear_session_cookie,
    current_session,
    over_tls,
    set_session_cookie,
)
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
NOTICES = {"signed_out": "sign_in.signed_out", "expired": "sign_in.expired", "password_changed": "password.changed"}
LANGUAGE_KEPT_S = 365 * 24 * 3600


def _safe_next(target: str | None) -> str | None:
    """Only a console path of this server: never another site (an open redirect)."""
    if not target or not target.startswith("/console/") or target.startswith("//") or "\\" in target:
        return None
    return target


@router.get("/console", include_in_schema=False)
async def console_home(request: Request) -> Response:
    session = current_session(request)
    if session is None:
        return redirect(request, "/console/login")
    request.state.console_session = session
    return redirect(request, landing(session))


def _login_page(request: Request, *, status: int = 200, message: str | None = None, username: str = "",
                next_path: str | None = None) -> Response:
    mark = csrf.new_login_mark()
    notice = NOTICES.get(request.query_params.get("notice", ""))
    response = render(request, "login.html", status=status, csrf_mark=mark, message=message, username=username,
                      notice=notice, next_path=next_path or "")
    response.set_cookie(csrf.LOGIN_COOKIE, mark, path="/console/login", httponly=True, samesite="strict",
                        secure=over_tls(request))
    return response


@router.get("/console/login", include_in_schema=False)
async def login_page(request: Request) -> Response:
    session = current_session(request)
    if session is not None:
        request.state.console_session = session
        return redirect(request, landing(session))
    response = _login_page(request, next_path=_safe_next(request.query_params.get("next")))
    if SESSION_COOKIE in request.cookies:
        clear_session_cookie(request, response)  # it no longer signs anyone in: said once, then forgotten
    return response


@router.post("/console/login", include_in_schema=False)
async def login(request: Request) -> Response:
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    csrf.check(request, fields.get(csrf.FIELD), request.cookies.get(csrf.LOGIN_COOKIE, ""))
    username, password = fields.get("username", "").strip(), fields.get("password", "")
    t = texts(language(request))
    next_path = _safe_next(fields.get("next"))
    if not username or not password:
        return _login_page(request, status=422, message=t("sign_in.missing"), username=username, next_path=next_path)
    try:
        answer = await sign_in(request, username, password)
    except ApiError as refusal:
        return _login_page(request, status=refusal.status, message=refusal_text(language(request), refusal),
                           username=username, next_path=next_path)
    target = "/console/password" if answer.must_change_password else (
        next_path or ("/console/hall" if answer.role in ("supervisor", "admin") else "/console/me"))
    response = redirect(request, target)
    set_session_cookie(request, response, answer.token, answer.expires_at, request.app.state.accounts.clock.now())
    response.delete_cookie(csrf.LOGIN_COOKIE, path="/console/login")
    return response


@router.post("/console/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    session = signed_in(request, STAFF_ROLES, before_password_change=True)
    await checked_form(request, session)
    request.app.state.accounts.logout(session.token)
    response = RedirectResponse("/console/login?notice=signed_out", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.get("/console/password", include_in_schema=False)
async def password_page(request: Request) -> Response:
    session = signed_in(request, STAFF_ROLES, before_password_change=True)
    return render(request, "password.html", session=session, message=None,
                  notice=NOTICES.get(request.query_params.get("notice", "")))


@router.post("/console/password", include_in_schema=False)
async def change_password(request: Request) -> Response:
    session = signed_in(request, STAFF_ROLES, before_password_change=True)
    fields = await checked_form(request, session)
    current, new = fields.get("current_password", ""), fields.get("new_password", "")
    t = texts(language(request))
    if new != fields.get("confirm_password", ""):
        return render(request, "password.html", session=session, status=422, message=t("password.mismatch"),
                      notice=None)
    accounts = request.app.state.accounts
    try:
        await password_work(request, lambda: accounts.change_password(session.principal, current, new))
    except ApiError as refusal:
        if refusal.code == ErrorCode.INVALID_TOKEN:
            raise
        return render(request, "password.html", session=session, status=refusal.status,
                      message=refusal_text(language(request), refusal), notice=None)
    fresh = current_session(request)
    target = landing(fresh) if fresh else "/console/login"
    return redirect(request, f"{target}?notice=password_changed")


@router.get("/console/lang/{code}", include_in_schema=False)
async def choose_language(code: str, request: Request) -> Response:
    """Remembered in a cookie; then back to the page it was chosen on."""
    response = redirect(request, _safe_next(request.query_params.get("next")) or "/console")
    if code in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, code, max_age=LANGUAGE_KEPT_S, path="/", samesite="strict",
                            secure=over_tls(request))
    return response
