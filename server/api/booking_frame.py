"""How every booking page answers (server/api/booking_page.py's steps): the frame of the page (site name, the
same page in the other language, the security headers of a page that runs no script), and a page in the
citizen's language for whatever goes wrong (unknown address 404, a refusal with its way on, a rate limit 429
with when to try again, a body over the cap 413, a failure 500 with its reference): never JSON, never a
traceback."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from core.wire import ErrorCode
from server.api.booking_texts import clock_words, refusal_words, words
from server.api.deps import engine
from server.api.page_route import Handler, page_route
from server.api.survey_page import HEADERS, language
from server.errors import ApiError
from server.storage import storage_fault

log = logging.getLogger(__name__)
_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
                         undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


class NotFound(Exception):
    """An address, service, date or slot the page does not know: its own 404 page, in the page's language."""


def form_language(request: Request, chosen: str | None) -> str:
    """A posted form's language (its hidden field), kept on the request for a page this frame answers with."""
    request.state.page_language = language(request, chosen)
    return str(request.state.page_language)


async def _answer(handler: Handler, request: Request) -> Response:
    try:
        return await handler(request)
    except Exception as exc:  # noqa: BLE001 - the citizen gets a page whatever failed; the log gets the rest
        return _failed(request, language(request, getattr(request.state, "page_language", None)), exc)


# A booking page's route: whatever happens the answer is a page in the citizen's language, never JSON and
# never a traceback.
BookingRoute = page_route(_answer, HEADERS)


def _failed(request: Request, lang: str, exc: Exception) -> Response:
    """The page for what went wrong: an unknown address, an engine's refusal, a storage fault, or a bug."""
    if isinstance(exc, NotFound | RequestValidationError):
        return notice(request, lang, 404, "not_found_title", words(lang)("not_found"))
    if isinstance(exc, ApiError):
        return refused(request, lang, exc, "/booking")
    if storage_fault(exc) is not None:
        log.error("booking page %s %s: storage fault", request.method, request.url.path)
        return notice(request, lang, 503, "error_title", words(lang)("busy"))
    log.error("booking page %s %s failed", request.method, request.url.path, exc_info=exc)
    ref = getattr(request.state, "request_id", "?")
    return notice(request, lang, 500, "error_title", words(lang)("error", ref=ref))


def render(request: Request, template: str, lang: str, *, heading: str, status: int = 200,
            query: Mapping[str, str] | None = None, headers: Mapping[str, str] | None = None,
            **values: Any) -> HTMLResponse:
    """A page of the booking's frame: the site's name, and the same page in the other language."""
    other = "en" if lang == "id" else "id"
    switch = request.url.path + "?" + urlencode({**(query or {}), "lang": other})
    try:
        site = engine(request).catalog().site.name
    except ApiError:
        site = "Anjungan"
    html = _TEMPLATES.get_template(f"booking/{template}.html").render(
        t=words(lang), lang=lang, other=other, switch=switch, site=site, heading=heading, **values)
    return HTMLResponse(html, status_code=status, headers={**HEADERS, **(headers or {})})


def notice(request: Request, lang: str, status: int, title_key: str, message: str, *, way_on: str = "/booking",
            way_on_key: str = "start", headers: Mapping[str, str] | None = None) -> HTMLResponse:
    say = words(lang)
    return render(request, "notice", lang, heading=say(title_key), status=status, message=message,
                   way_on=f"{way_on}{'&' if '?' in way_on else '?'}lang={lang}", way_on_text=say(way_on_key),
                   headers=headers)


def refused(request: Request, lang: str, refusal: ApiError, way_on: str) -> HTMLResponse:
    """A refusal on a page of its own: a rate limit says when to try again (429 with Retry-After)."""
    if refusal.code is ErrorCode.BOOKING_RATE_LIMITED:
        retry_after = max(1, int(refusal.params.get("retry_after", 60)))
        now = engine(request).local_now(engine(request).catalog())
        message = refusal_words(refusal.code, {"minutes": math.ceil(retry_after / 60), "at": clock_words(
            (now + timedelta(seconds=retry_after)).strftime("%H:%M"), lang)}, lang)
        return notice(request, lang, 429, "rate_title", message, way_on=way_on, way_on_key="try_again",
                       headers={"Retry-After": str(retry_after)})
    if refusal.code is ErrorCode.BOOKING_NOT_FOUND:
        return notice(request, lang, 404, "not_found_title", refusal_words(refusal.code, refusal.params, lang))
    return notice(request, lang, refusal.status, "refused_title", refusal_words(refusal.code, refusal.params, lang),
                   way_on=way_on)


def too_large_page(scope: dict[str, Any], max_bytes: int) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
    """A booking form over the server's body cap (the RequestGuard, before any of it is read): a page in the
    browser's language instead of the API's JSON; None for any other address."""
    path = str(scope.get("path", ""))
    if path != "/booking" and not path.startswith("/booking/"):
        return None
    lang = language(Request(scope))
    html = _TEMPLATES.get_template("booking/notice.html").render(
        t=words(lang), lang=lang, other="en" if lang == "id" else "id", switch=f"/booking?lang={lang}",
        site="Anjungan", heading=words(lang)("refused_title"), message=words(lang)("too_large", kb=max_bytes // 1024),
        way_on=f"/booking?lang={lang}", way_on_text=words(lang)("start"))
    headers = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
    return 413, [(b"content-type", b"text/html; charset=utf-8"), *headers], html.encode()


