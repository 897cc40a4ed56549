"""The audit log's page (supervisors and admins): who did what and when, newest first, from the engine's
read that GET /api/v1/audit serves too. The filter is a plain GET form, so a page's address is the
filter and can be shared; "older" follows the log's cursor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from core.wire import AuditKind
from server.auth import MANAGER_ROLES
from server.console.audit_words import kind_key, shown
from server.console.i18n import texts
from server.console.pages import ConsoleRoute, language, render, signed_in

router = APIRouter(route_class=ConsoleRoute)

PAGE_SIZE = 50
FILTERS = ("actor", "actor_text", "kind", "date")
# What GET /api/v1/audit takes as a username: printable, at most 80 characters.
_USERNAME = re.compile(r"^[^\x00-\x1f]{1,80}$")


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None
    kind: AuditKind | None
    day: date | None
    before: int | None
    problems: tuple[str, ...]   # i18n keys of the fields that could not be read


def read_filter(query: dict[str, str]) -> AuditFilter:
    """The form's fields, each checked as the API checks it; a typed name wins over the chosen one."""
    problems = []
    actor = (query.get("actor_text") or "").strip() or (query.get("actor") or "").strip() or None
    if actor is not None and not _USERNAME.match(actor):
        problems.append("audit.bad_actor")
        actor = None
    kind = None
    if query.get("kind"):
        try:
            kind = AuditKind(query["kind"])
        except ValueError:
            problems.append("audit.bad_kind")
    day = None
    if query.get("date"):
        try:
            day = date.fromisoformat(query["date"])
        except ValueError:
            problems.append("audit.bad_date")
    before = None
    if query.get("before"):
        text = query["before"]
        if text.isdigit() and 1 <= int(text) < 2 ** 63:
            before = int(text)
        else:
            problems.append("audit.bad_cursor")
    return AuditFilter(actor, kind, day, before, tuple(problems))


@router.get("/console/audit", include_in_schema=False)
async def audit_page(request: Request) -> Response:
    session = signed_in(request, MANAGER_ROLES)
    engine = request.app.state.engine
    query = {key: request.query_params.get(key, "") for key in (*FILTERS, "before")}
    chosen = read_filter(query)
    lang = language(request)
    t = texts(lang)
    catalog = await run_in_threadpool(engine.catalog)
    people = await run_in_threadpool(engine.audit_actors)
    users = await run_in_threadpool(request.app.state.accounts.staff.all_users)
    names = {user.username: user.display_name for user in users if user.display_name != user.username}
    entries: tuple = ()
    next_cursor = None
    if not chosen.problems:
        page = await run_in_threadpool(lambda: engine.audit_page(
            actor=chosen.actor, kind=chosen.kind, day=chosen.day, before=chosen.before, limit=PAGE_SIZE))
        entries = tuple(shown(entry, catalog, t, lang) for entry in page.entries)
        next_cursor = page.next_cursor
    kept = {key: value for key, value in query.items() if key in FILTERS and value}
    return render(
        request, "audit.html", session=session, entries=entries, problems=chosen.problems, people=people, names=names,
        kinds=[(kind.value, t(kind_key(kind.value))) for kind in AuditKind], query=query, chosen=chosen,
        filtered=bool(kept), older=f"?{urlencode({**kept, 'before': next_cursor})}" if next_cursor else None,
        newest=f"?{urlencode(kept)}" if chosen.before else None)
