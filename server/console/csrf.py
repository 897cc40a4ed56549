"""CSRF protection of the console's forms: a mark per sign-in in a hidden field (or the X-CSRF-Token header
of the script's requests), compared in constant time, and the request's Origin (else its Referer) must
be the console's own. Before sign-in, the login form's mark is a random value also kept in a cookie."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request

from server.console.session import over_tls

FIELD = "csrf"
HEADER = "x-csrf-token"
LOGIN_COOKIE = "anjungan_console_login"


class CsrfRefused(Exception):
    """A form that did not come from the console's own page: nothing it asked for is done."""


def mark_for(key: bytes, sign_in_id: str) -> str:
    """The mark of one sign-in: the same on every page of it, unguessable without the server's key."""
    return hmac.new(key, f"console-csrf:{sign_in_id}".encode(), hashlib.sha256).hexdigest()


def new_login_mark() -> str:
    return secrets.token_urlsafe(32)


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def own_origins(request: Request) -> set[str]:
    """The origins a console page of this server has: the Host it was asked for, and the public URL."""
    scheme = "https" if over_tls(request) else "http"
    origins = {f"{scheme}://{request.headers.get('host', '')}".lower()}
    public = _origin_of(request.app.state.settings.public_url)
    if public:
        origins.add(public)
    return origins


def check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        referer = request.headers.get("referer")
        origin = _origin_of(referer) if referer else None
    if origin is None or origin.lower() not in own_origins(request):
        raise CsrfRefused()


def check(request: Request, sent: str | None, expected: str) -> None:
    """Refuse a POST whose mark (field or header) is missing or wrong, or that came from another origin."""
    check_origin(request)
    given = sent or request.headers.get(HEADER) or ""
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise CsrfRefused()
