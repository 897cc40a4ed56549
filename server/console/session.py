"""The console's sign-in: the staff token of POST /auth/login, kept in an HttpOnly, SameSite=Strict cookie.

The token is the API's own, so it has its lifetime, renewal and 12-hour limit, and a logout, reset or
disabling ends it here too. The API's bearer routes never read this cookie: a page elsewhere cannot
make a browser act through the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import Request, Response

from core.wire import ErrorCode
from server.accounts import Accounts
from server.auth import STAFF_ROLES, Principal
from server.errors import ApiError

SESSION_COOKIE = "anjungan_console"
# The counter app renews its token this long before it expires; the console does the same, server-side.
RENEW_BEFORE = timedelta(minutes=30)


@dataclass(frozen=True)
class ConsoleSession:
    principal: Principal
    token: str
    sign_in_id: str     # the sign-in, the same across renewals: its forms' CSRF mark is bound to it
    renewed_token: str | None = None
    expires_at: datetime | None = None


def over_tls(request: Request) -> bool:
    """Whether the browser reached us over TLS: directly, or through a proxy the settings trust
    (deploy/nginx-anjungan.conf sets X-Forwarded-Proto); a client's own header is never believed."""
    if request.url.scheme == "https":
        return True
    peer = request.client.host if request.client else ""
    if peer not in request.app.state.settings.trusted_proxies:
        return False
    return request.headers.get("x-forwarded-proto", "").split(",")[-1].strip().lower() == "https"


def current_session(request: Request) -> ConsoleSession | None:
    """The signed-in staff member behind the request's cookie, renewing the token as the counter app
    would; None without a cookie or once it is revoked, expired or disabled."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    accounts: Accounts = request.app.state.accounts
    principal = accounts.principal_for(token)
    if principal is None or principal.role not in STAFF_ROLES:
        return None
    sign_in = accounts.token_sign_in(token)
    if sign_in is None:
        return None
    expires_at, sign_in_id = sign_in
    if expires_at - accounts.clock.now() > RENEW_BEFORE:
        return ConsoleSession(principal, token, sign_in_id)
    try:
        login = accounts.renew(principal, token)
    except ApiError as refusal:
        if refusal.code != ErrorCode.TOKEN_RENEWED:
            return None
        # A request sent at the same moment renewed it: this token still works for its grace minutes,
        # and the browser already has the new one.
        return ConsoleSession(principal, token, sign_in_id)
    return ConsoleSession(principal, login.token, sign_in_id,
                          renewed_token=login.token if login.token != token else None, expires_at=login.expires_at)


def set_session_cookie(request: Request, response: Response, token: str, expires_at: datetime, now: datetime) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=max(0, int((expires_at - now).total_seconds())), path="/",
                        httponly=True, samesite="strict", secure=over_tls(request))


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=over_tls(request))
