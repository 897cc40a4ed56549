"""The catalog's parts beyond one service, each a page of plain forms (admin): the site's fields and hours, the
breaks (Friday prayer a named row), the holidays, the agencies and the lokets with the services each serves.
Every form is one edit of the document stored through catalog_forms.save_edit, like the service's form."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from core.schedule import WEEKDAYS
from server.console.catalog import DONE, page_helpers
from server.console.catalog_forms import (
    LONGEST_TYPED,
    Edit,
    Editor,
    Faults,
    Typed,
    based_on,
    hours_typed,
    lines_typed,
    put_hours,
    put_lines,
    put_number,
    put_text,
    save_edit,
    service_entry,
    shown,
    signed_in,
)
from server.console.i18n import texts
from server.console.pages import ConsoleRoute, checked_form, language, render
from server.console.session import ConsoleSession
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
# The form's own fields, not the catalog's.
CONTROLS = ("csrf", "based_on", "entry", "action")
FRIDAY_PRAYER = "sholat_jumat"
SITE_FIELDS = ("name", "short_name", "address", "timezone", "tz_label", "allow_priority", "priority_policy",
               "priority_ratio", "cutoff_minutes", "no_show_after_minutes", "running_text", "footer",
               *(f"hours_{d}" for d in WEEKDAYS), "footer_en")
BREAK_FIELDS = ("start", "end", "reason", *(f"day_{d}" for d in WEEKDAYS))
HOLIDAY_FIELDS = ("date", "name")
AGENCY_FIELDS = ("id", "name", "short_name", "name_en", "order")
LOKET_FIELDS = ("id", "name")
Maker = Callable[[str, Typed], Editor]


@dataclass(frozen=True)
class Part:
    """One page of the catalog: its template, its fields, and per form action the edit it makes."""
    name: str
    fields: tuple[str, ...]
    actions: Mapping[str, Maker]

    @property
    def back(self) -> str:
        return f"/console/catalog/{self.name}"


def _index(entry: str, items: list[Any]) -> int | None:
    return int(entry) if entry.isdigit() and int(entry) < len(items) else None


def _gone(t: Any) -> Edit:
    """The entry the form was made for is no longer in the newest version."""
    return Edit("", "", "", gone=t("catalog.entry_gone"))


# ----------------------------------------------------------------- the site


def _site_typed(document: Mapping[str, Any]) -> dict[str, str]:
    site = document.get("site", {})
    typed = {key: shown(site.get(key)) for key in SITE_FIELDS if not key.startswith("hours_")}
    typed["allow_priority"] = "" if site.get("allow_priority") is False else "1"
    typed["priority_policy"] = site.get("priority_policy", "first")
    typed["footer"] = lines_typed(site.get("footer"))
    typed["footer_en"] = lines_typed(site.get("footer_en"))
    return {**typed, **hours_typed(site.get("hours", {}))}


def _save_site(_: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        site = document.setdefault("site", {})
        faults: Faults = {}
        put_text(site, "name", typed["name"])
        for key in ("short_name", "address", "timezone", "tz_label", "running_text"):
            put_text(site, key, typed[key], optional=True)
        site["allow_priority"] = bool(typed["allow_priority"])
        put_text(site, "priority_policy", typed["priority_policy"] or "first")
        for key in ("priority_ratio", "cutoff_minutes", "no_show_after_minutes"):
            put_number(site, key, typed[key], faults, t)
        put_lines(site, "footer", typed["footer"])
        put_lines(site, "footer_en", typed["footer_en"])
        put_hours(site, typed)
        return Edit("site", "console: site", "/console/catalog/site", faults)
    return edit


# ----------------------------------------------------------------- breaks


def _breaks(document: dict[str, Any], entry: str) -> tuple[str, list[dict[str, Any]]] | None:
    """The list of breaks an entry's row is in, and its path: the site's (entry ``3``, ``new``), or a service's
    own (entry ``ktp/0``, ``ktp/new``); None for a service no longer there."""
    owner, slash, _ = entry.rpartition("/")
    if not slash:
        return "site.breaks", document.setdefault("site", {}).setdefault("breaks", [])
    found = service_entry(document, owner)
    if found is None:
        return None
    return f"{found[0]}.breaks", found[1].setdefault("breaks", [])


def _save_break(entry: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        found = _breaks(document, entry)
        row_entry = entry.rpartition("/")[2]
        if found is None:
            return _gone(t)
        path, breaks = found
        if row_entry.startswith("new"):
            breaks.append({})
            where = len(breaks) - 1
        elif (at := _index(row_entry, breaks)) is not None:
            where = at
        else:
            return _gone(t)
        row = breaks[where]
        row["days"] = [day for day in WEEKDAYS if typed[f"day_{day}"]]
        put_text(row, "start", typed["start"])
        put_text(row, "end", typed["end"])
        put_text(row, "reason", typed["reason"], optional=True)
        return Edit(f"{path}[{where}]", "console: breaks", "/console/catalog/breaks", entry_field="start")
    return edit


def _remove_break(entry: str, _: Typed) -> Editor:
    """A service's own list stays, even empty: empty is "no breaks", where none would follow the site's."""
    def edit(document: dict[str, Any], t: Any) -> Edit:
        found = _breaks(document, entry)
        where = _index(entry.rpartition("/")[2], found[1]) if found else None
        if found is None or where is None:
            return _gone(t)
        found[1].pop(where)
        if not found[1] and found[0] == "site.breaks":
            document["site"].pop("breaks")
        return Edit("site", "console: breaks", "/console/catalog/breaks")
    return edit


# ----------------------------------------------------------------- holidays


def _add_holiday(_: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        holidays = document.setdefault("holidays", [])
        row: dict[str, Any] = {"date": typed["date"].strip()}
        put_text(row, "name", typed["name"])
        holidays.append(row)
        holidays.sort(key=lambda h: str(h.get("date", "")))
        where = next(i for i, h in enumerate(holidays) if h is row)
        return Edit(f"holidays[{where}]", "console: holidays", "/console/catalog/holidays", entry_field="date")
    return edit


def _remove_holiday(entry: str, _: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        holidays = document.get("holidays", [])
        kept = [h for h in holidays if str(h.get("date")) != entry]
        if len(kept) == len(holidays):
            return _gone(t)
        document["holidays"] = kept
        return Edit("holidays", "console: holidays", "/console/catalog/holidays", entry_field="remove")
    return edit


# ----------------------------------------------------------------- agencies


def _agency_at(document: dict[str, Any], entry: str) -> int | None:
    return next((i for i, a in enumerate(document.get("agencies", [])) if a.get("id") == entry), None)


def _put_agency(agency: dict[str, Any], typed: Typed) -> None:
    put_text(agency, "name", typed["name"])
    put_text(agency, "short_name", typed["short_name"], optional=True)
    put_text(agency, "name_en", typed["name_en"], optional=True)


def _save_agency(entry: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        agencies = document.setdefault("agencies", [])
        where = _agency_at(document, entry)
        if where is None:
            return _gone(t)
        _put_agency(agencies[where], typed)
        faults: Faults = {}
        order: dict[str, Any] = {}
        put_number(order, "order", typed["order"], faults, t)
        if "order" in order:
            if not 1 <= order["order"] <= len(agencies):
                faults["order"] = t("catalog.order_range", most=len(agencies))
            else:
                agencies.insert(order["order"] - 1, agencies.pop(where))
                where = order["order"] - 1
        return Edit(f"agencies[{where}]", f"console: agency {entry}", "/console/catalog/agencies", faults)
    return edit


def _add_agency(_: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        agencies = document.setdefault("agencies", [])
        agency: dict[str, Any] = {"id": typed["id"].strip()}
        _put_agency(agency, typed)
        agencies.append(agency)
        return Edit(f"agencies[{len(agencies) - 1}]", f"console: new agency {agency['id']}",
                    "/console/catalog/agencies")
    return edit


def _remove_agency(entry: str, _: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        where = _agency_at(document, entry)
        if where is None:
            return _gone(t)
        if document["agencies"][where].get("services"):
            return Edit("", "", "", faults={"remove": t("catalog.agency_has_services")})
        document["agencies"].pop(where)
        return Edit("agencies", f"console: agency {entry} removed", "/console/catalog/agencies")
    return edit


# ----------------------------------------------------------------- lokets


def _service_ids(document: Mapping[str, Any]) -> list[str]:
    return [str(s.get("id")) for a in document.get("agencies", []) for s in a.get("services", [])]


def _put_loket(document: dict[str, Any], loket: dict[str, Any], typed: Typed) -> None:
    put_text(loket, "name", typed["name"], optional=True)
    loket["services"] = [sid for sid in _service_ids(document) if typed.get(f"serve_{sid}")]


def _save_loket(entry: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        lokets = document.setdefault("lokets", [])
        where = next((i for i, lk in enumerate(lokets) if str(lk.get("id")) == entry), None)
        if where is None:
            return _gone(t)
        _put_loket(document, lokets[where], typed)
        return Edit(f"lokets[{where}]", f"console: loket {entry}", "/console/catalog/lokets", entry_field="services")
    return edit


def _add_loket(_: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        lokets = document.setdefault("lokets", [])
        loket: dict[str, Any] = {}
        faults: Faults = {}
        put_number(loket, "id", typed["id"], faults, t, optional=False)
        _put_loket(document, loket, typed)
        lokets.append(loket)
        return Edit(f"lokets[{len(lokets) - 1}]", f"console: new loket {typed['id'].strip()}",
                    "/console/catalog/lokets", faults, entry_field="services")
    return edit


def _retire_loket(entry: str, _: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        lokets = document.get("lokets", [])
        kept = [lk for lk in lokets if str(lk.get("id")) != entry]
        if len(kept) == len(lokets):
            return _gone(t)
        document["lokets"] = kept
        return Edit("lokets", f"console: loket {entry} retired", "/console/catalog/lokets", entry_field="retire")
    return edit


PARTS = {part.name: part for part in (
    Part("site", SITE_FIELDS, {"save": _save_site}),
    Part("breaks", BREAK_FIELDS, {"save": _save_break, "remove": _remove_break}),
    Part("holidays", HOLIDAY_FIELDS, {"add": _add_holiday, "remove": _remove_holiday}),
    Part("agencies", AGENCY_FIELDS, {"save": _save_agency, "add": _add_agency, "remove": _remove_agency}),
    Part("lokets", LOKET_FIELDS, {"save": _save_loket, "add": _add_loket, "retire": _retire_loket}),
)}


def _today(request: Request) -> date | None:
    eng = request.app.state.engine
    try:
        return eng.today(eng.catalog())
    except ApiError:
        return None


def _part_page(request: Request, session: ConsoleSession, part: Part, *, editing: str = "",
               typed: Typed | None = None, status: int = 200, faults: Faults | None = None,
               problem: str | None = None, based: int | None = None) -> Response:
    """The part's page; after a refused save, the form ``editing`` shows what was typed and its faults."""
    version, document = request.app.state.engine.catalog_versions.newest()
    t = texts(language(request))
    key = DONE.get(request.query_params.get("done", ""))
    notice = t(key, version=request.query_params.get("version", "")) if key and status == 200 else None
    today = _today(request)
    return render(request, f"catalog_{part.name}.html", session=session, status=status, doc=document,
                  version=version, based_on=based or version, editing=editing, typed=typed or {},
                  faults=faults or {}, problem=problem, notice=notice, weekdays=WEEKDAYS,
                  site_typed=_site_typed(document), friday_prayer=FRIDAY_PRAYER,
                  today=today.isoformat() if today else "", **page_helpers(request))


async def _show(request: Request, name: str) -> Response:
    session = signed_in(request)
    return await run_in_threadpool(_part_page, request, session, PARTS[name])


async def _post(request: Request, name: str) -> Response:
    """One form of the part: its ``action`` on its ``entry`` (an index, an id, a date), saved as a new version."""
    part = PARTS[name]
    session = signed_in(request)
    fields = await checked_form(request, session)
    entry, maker = fields.get("entry", "")[:100], part.actions.get(fields.get("action", ""))
    typed = {**dict.fromkeys(part.fields, ""),
             **{k: v[:LONGEST_TYPED] for k, v in fields.items() if k not in CONTROLS}}
    based = based_on(fields)

    def again(status: int, faults: Faults, problem: str | None) -> Response:
        return _part_page(request, session, part, editing=entry, typed=typed, status=status, faults=faults,
                          problem=problem, based=based)
    if maker is None:
        t = texts(language(request))
        return await run_in_threadpool(again, 422, {}, t("catalog.no_action"))
    return await run_in_threadpool(save_edit, request, session, maker(entry, typed), based, again)


@router.get("/console/catalog/site", include_in_schema=False)
async def site_page(request: Request) -> Response:
    return await _show(request, "site")


@router.post("/console/catalog/site", include_in_schema=False)
async def save_site(request: Request) -> Response:
    return await _post(request, "site")


@router.get("/console/catalog/breaks", include_in_schema=False)
async def breaks_page(request: Request) -> Response:
    return await _show(request, "breaks")


@router.post("/console/catalog/breaks", include_in_schema=False)
async def save_breaks(request: Request) -> Response:
    return await _post(request, "breaks")


@router.get("/console/catalog/holidays", include_in_schema=False)
async def holidays_page(request: Request) -> Response:
    return await _show(request, "holidays")


@router.post("/console/catalog/holidays", include_in_schema=False)
async def save_holidays(request: Request) -> Response:
    return await _post(request, "holidays")


@router.get("/console/catalog/agencies", include_in_schema=False)
async def agencies_page(request: Request) -> Response:
    return await _show(request, "agencies")


@router.post("/console/catalog/agencies", include_in_schema=False)
async def save_agencies(request: Request) -> Response:
    return await _post(request, "agencies")


@router.get("/console/catalog/lokets", include_in_schema=False)
async def lokets_page(request: Request) -> Response:
    return await _show(request, "lokets")


@router.post("/console/catalog/lokets", include_in_schema=False)
async def save_lokets(request: Request) -> Response:
    return await _post(request, "lokets")
