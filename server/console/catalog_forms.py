"""The catalog's forms (admin): one path for every part of the document — read the typed values into a copy of
the newest version, store it through the engine's ``save_catalog`` (the same validation and import as
``import-catalog`` and PUT /api/v1/catalog), and on a fault show the page again with the typed values kept and
the reason, in the page's language, next to its field. Here too the forms of one service: edit, add, delete, with
how it takes bookings."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from core.schedule import WEEKDAYS
from core.wire import ErrorCode
from server.catalog_reasons import sentence
from server.console.catalog import ADMIN, based_on, page_helpers, save_refusal
from server.console.i18n import texts
from server.console.pages import ConsoleRoute, checked_form, language, redirect, render
from server.console.pages import signed_in as page_signed_in
from server.console.session import ConsoleSession
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
Faults = dict[str, str]
Typed = Mapping[str, str]
# A page shown again after a refused save: (status, faults by field, a problem for the whole form).
ShowAgain = Callable[[int, Faults, str | None], Response]
LONGEST_TYPED = 2000
# The service form's fields, in the order shown; each is the catalog's own key.
SERVICE_FIELDS = ("prefix", "name", "name_en", "quota", "mean_service_minutes", "target_wait_minutes",
                  "requirements", "requirements_en")
LISTS = ("requirements", "requirements_en")
# The opening hours: the site's (no ``hours`` of its own) or one span a weekday, blank for closed.
HOURS_FIELDS = tuple(f"hours_{day}" for day in WEEKDAYS)
# How the service takes bookings: its ``booking`` table's keys, each a field ``booking_KEY``; off: no table.
BOOKING_KEYS = ("slot_minutes", "per_slot", "days_ahead", "walk_in_percent", "early_minutes", "late_minutes",
                "per_nik_day", "per_nik_week")
BOOKING_FIELDS = tuple(f"booking_{key}" for key in BOOKING_KEYS)
# What a service that takes no bookings yet is offered; blank early/late/per-NIK keys take the catalog's defaults.
BOOKING_SUGGESTED = {"slot_minutes": 30, "per_slot": 4, "days_ahead": 14, "walk_in_percent": 50, "early_minutes": 60,
                     "late_minutes": 15, "per_nik_day": 1, "per_nik_week": 2}
BOOKING_REQUIRED = ("slot_minutes", "per_slot", "days_ahead", "walk_in_percent")
FORM_FIELDS = (*SERVICE_FIELDS, "use_site_hours", *HOURS_FIELDS, "cutoff_minutes", "active", "booking_on",
               *BOOKING_FIELDS)
NEW_SERVICE_FIELDS = ("agency", "id", *FORM_FIELDS)


@dataclass
class Edit:
    """What a form did to the document: the entry it changed (a fault under it is one of its fields'), the
    words for the version's source, the page to go back to, and the faults of values that are no value at all."""
    base: str
    source: str
    back: str
    faults: Faults = field(default_factory=dict)
    # Where a fault about the entry as a whole is shown, and a refusal for today's tickets; none: above the form.
    entry_field: str = ""
    in_use_field: str = ""
    # The form's entry is no longer in the newest version: said above the forms, nothing stored.
    gone: str | None = None


Editor = Callable[[dict[str, Any], Any], Edit]


def signed_in(request: Request) -> ConsoleSession:
    return page_signed_in(request, ADMIN)


def typed_fields(fields: Mapping[str, str], names: tuple[str, ...] | list[str]) -> dict[str, str]:
    return {name: fields.get(name, "")[:LONGEST_TYPED] for name in names}


def form_field(rest: str) -> str:
    """The form's field for a fault's path inside the entry: ``hours.mon`` is ``hours_mon``,
    ``requirements[2]`` is ``requirements``."""
    head, _, tail = rest.partition(".")
    head = head.split("[")[0]
    if head == "booking" and tail in BOOKING_KEYS:
        return f"booking_{tail}"
    return f"hours_{tail}" if head == "hours" and tail in WEEKDAYS else head


def save_edit(request: Request, session: ConsoleSession, editor: Editor, based: int | None,
              again: ShowAgain) -> Response:
    """Edit a copy of the newest version and store it as the next; a refusal shows the page again."""
    eng = request.app.state.engine
    lang = language(request)
    _, current = eng.catalog_versions.newest()
    document = copy.deepcopy(dict(current))
    edit = editor(document, texts(lang))
    if edit.gone:
        return again(409, {}, edit.gone)
    if edit.faults:
        return again(422, edit.faults, None)
    try:
        version = eng.save_catalog(session.principal, document, edit.source, based)
    except ApiError as refused:
        if refused.code == ErrorCode.CATALOG_INVALID:
            path = str(refused.params.get("path", ""))
            why = sentence(str(refused.params.get("reason_code", "")), refused.params.get("reason_params") or {}, lang)
            if path == edit.base and edit.entry_field:
                return again(422, {edit.entry_field: why}, None)
            if edit.base and path.startswith(f"{edit.base}."):
                return again(422, {form_field(path.removeprefix(f"{edit.base}.")): why}, None)
            return again(422, {}, f"{path}: {why}")
        message = save_refusal(request, refused)
        if refused.code in (ErrorCode.PREFIX_IN_USE_TODAY, ErrorCode.SERVICE_IN_USE_TODAY) and edit.in_use_field:
            return again(refused.status, {edit.in_use_field: message}, None)
        return again(refused.status, {}, message)
    return redirect(request, f"{edit.back}?done=saved&version={version}", session)


# ----------------------------------------------------------------- reading typed values into a table


def shown(value: Any) -> str:
    if value is None or value is False:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def put_text(table: dict[str, Any], key: str, typed: str, *, optional: bool = False) -> None:
    """A blank optional text is left out, so the catalog's default (the name, nothing) applies."""
    if optional and not typed.strip():
        table.pop(key, None)
    else:
        table[key] = typed.strip()


def put_number(table: dict[str, Any], key: str, typed: str, faults: Faults, t: Any, *, whole: bool = True,
               optional: bool = True) -> None:
    """A typed number; a decimal comma is read as the point, and 10.0 is kept as 10. A value that is not a
    number at all is that field's fault here (the catalog's own rules judge the rest)."""
    text = typed.strip()
    if not text and optional:
        table.pop(key, None)
        return
    try:
        value = int(text) if whole else float(text.replace(",", "."))
    except ValueError:
        faults[key] = t("catalog.not_a_whole_number" if whole else "catalog.not_a_number")
        return
    table[key] = int(value) if isinstance(value, float) and value.is_integer() else value


def put_lines(table: dict[str, Any], key: str, typed: str) -> None:
    lines = [line.strip() for line in typed.splitlines() if line.strip()]
    if lines:
        table[key] = lines
    else:
        table.pop(key, None)


def put_hours(table: dict[str, Any], typed: Typed) -> None:
    table["hours"] = {day: typed[f"hours_{day}"].strip() for day in WEEKDAYS if typed[f"hours_{day}"].strip()}


def hours_typed(hours: Mapping[str, Any]) -> dict[str, str]:
    return {f"hours_{day}": shown(hours.get(day)) for day in WEEKDAYS}


def lines_typed(value: Any) -> str:
    return "\n".join(str(line) for line in value or [])


# ----------------------------------------------------------------- one service: edit, add, delete


def service_entry(document: Mapping[str, Any], service_id: str) -> tuple[str, dict[str, Any]] | None:
    """The service's table in the document and its path (``agencies[0].services[1]``)."""
    for a, agency in enumerate(document.get("agencies", [])):
        for s, service in enumerate(agency.get("services", [])):
            if service.get("id") == service_id:
                return f"agencies[{a}].services[{s}]", service
    return None


def service_typed(document: Mapping[str, Any], service: Mapping[str, Any]) -> dict[str, str]:
    """The service's fields as the form shows them; with no hours of its own, the site's hours it follows."""
    typed = {key: shown(service.get(key)) for key in SERVICE_FIELDS if key not in LISTS}
    typed.update({key: lines_typed(service.get(key)) for key in LISTS})
    own = service.get("hours")
    typed["use_site_hours"] = "" if isinstance(own, Mapping) else "1"
    typed.update(hours_typed(own if isinstance(own, Mapping) else document.get("site", {}).get("hours", {})))
    typed["cutoff_minutes"] = shown(service.get("cutoff_minutes"))
    typed["active"] = "" if service.get("active") is False else "1"
    typed.update(booking_typed(service.get("booking")))
    return typed


def booking_typed(table: Any) -> dict[str, str]:
    """The booking fields: the service's own rules, or the suggested ones to switch on with a tick."""
    own = isinstance(table, Mapping)
    values = table if own else BOOKING_SUGGESTED
    return {"booking_on": "1" if own else "",
            **{f"booking_{key}": shown(values.get(key)) for key in BOOKING_KEYS}}


def apply_booking(service: dict[str, Any], typed: Typed, t: Any) -> Faults:
    """The ``booking`` table from the typed rules (the catalog's own checks judge their ranges), or none."""
    if not typed["booking_on"]:
        service.pop("booking", None)
        return {}
    table = service["booking"] = dict(service["booking"]) if isinstance(service.get("booking"), Mapping) else {}
    faults: Faults = {}
    for key in BOOKING_KEYS:
        put_number(table, key, typed[f"booking_{key}"], faults, t, optional=key not in BOOKING_REQUIRED)
    return {f"booking_{key}": why for key, why in faults.items()}


def apply_service(service: dict[str, Any], typed: Typed, t: Any) -> Faults:
    """Write the typed values into the service's table."""
    faults: Faults = {}
    put_text(service, "prefix", typed["prefix"])
    put_text(service, "name", typed["name"])
    put_text(service, "name_en", typed["name_en"], optional=True)
    put_number(service, "quota", typed["quota"], faults, t)
    put_number(service, "mean_service_minutes", typed["mean_service_minutes"], faults, t, whole=False,
               optional=False)
    put_number(service, "target_wait_minutes", typed["target_wait_minutes"], faults, t)
    put_number(service, "cutoff_minutes", typed["cutoff_minutes"], faults, t)
    if typed["use_site_hours"]:
        service.pop("hours", None)
    else:
        put_hours(service, typed)
    for key in LISTS:
        put_lines(service, key, typed[key])
    if typed["active"]:
        service.pop("active", None)
    else:
        service["active"] = False
    return {**faults, **apply_booking(service, typed, t)}


def _service_page(request: Request, session: ConsoleSession, service_id: str | None, typed: Typed | None, *,
                  status: int = 200, faults: Faults | None = None, problem: str | None = None,
                  based: int | None = None) -> Response:
    """The form of one service (``service_id`` None: a new one); re-shown after a fault, it stays based on the
    version it was first opened on."""
    version, document = request.app.state.engine.catalog_versions.newest()
    if service_id is not None:
        found = service_entry(document, service_id)
        if found is None:
            return render(request, "error.html", session=session, status=404, title_key="page.not_found.title",
                          text_key="error.service_not_found", params={}, message=None)
        typed = typed or service_typed(document, found[1])
    elif typed is None:
        typed = {**dict.fromkeys(NEW_SERVICE_FIELDS, ""), "use_site_hours": "1", "active": "1",
                 "mean_service_minutes": "10", "agency": request.query_params.get("agency", ""),
                 **booking_typed(None)}
    return render(request, "catalog_service.html", session=session, status=status, service_id=service_id,
                  version=version, typed=typed, faults=faults or {}, problem=problem, based_on=based or version,
                  fields=SERVICE_FIELDS, weekdays=WEEKDAYS, agencies=document.get("agencies", []),
                  booking_keys=BOOKING_KEYS,
                  lokets=document.get("lokets", []), **page_helpers(request))


@router.get("/console/catalog/new-service", include_in_schema=False)
async def new_service_page(request: Request) -> Response:
    session = signed_in(request)
    return await run_in_threadpool(_service_page, request, session, None, None)


def _add_service(typed: Typed, chosen_lokets: set[str]) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        agencies = document.setdefault("agencies", [])
        where = next((i for i, a in enumerate(agencies) if a.get("id") == typed["agency"]), None)
        if where is None:
            return Edit("", "", "", faults={"agency": t("catalog.choose_agency")})
        service: dict[str, Any] = {"id": typed["id"].strip()}
        faults = apply_service(service, typed, t)
        services = agencies[where].setdefault("services", [])
        services.append(service)
        for loket in document.get("lokets", []):
            if str(loket.get("id")) in chosen_lokets:
                loket.setdefault("services", []).append(service["id"])
        return Edit(f"agencies[{where}].services[{len(services) - 1}]", f"console: new service {service['id']}",
                    "/console/catalog", faults, entry_field="lokets")
    return edit


@router.post("/console/catalog/new-service", include_in_schema=False)
async def add_service(request: Request) -> Response:
    session = signed_in(request)
    fields = await checked_form(request, session)
    typed = typed_fields(fields, NEW_SERVICE_FIELDS)
    chosen = {name.removeprefix("loket_") for name in fields if name.startswith("loket_")}
    typed_with_lokets = {**typed, **{f"loket_{n}": "1" for n in chosen}}
    based = based_on(fields)

    def again(status: int, faults: Faults, problem: str | None) -> Response:
        return _service_page(request, session, None, typed_with_lokets, status=status, faults=faults,
                             problem=problem, based=based)
    return await run_in_threadpool(save_edit, request, session, _add_service(typed, chosen), based, again)


@router.get("/console/catalog/services/{service_id}", include_in_schema=False)
async def service_page(service_id: str, request: Request) -> Response:
    session = signed_in(request)
    return await run_in_threadpool(_service_page, request, session, service_id, None)


def _edit_service(service_id: str, typed: Typed) -> Editor:
    def edit(document: dict[str, Any], t: Any) -> Edit:
        base, service = service_entry(document, service_id) or ("", {})
        return Edit(base, f"console: service {service_id}", "/console/catalog", apply_service(service, typed, t),
                    in_use_field="prefix")
    return edit


def _delete_service(service_id: str) -> Editor:
    """The service leaves its agency and every loket; refused while it has tickets today."""
    def edit(document: dict[str, Any], t: Any) -> Edit:
        base, _ = service_entry(document, service_id) or ("", {})
        for agency in document.get("agencies", []):
            agency["services"] = [s for s in agency.get("services", []) if s.get("id") != service_id]
        for loket in document.get("lokets", []):
            loket["services"] = [sid for sid in loket.get("services", []) if sid != service_id]
        return Edit(base, f"console: service {service_id} deleted", "/console/catalog", in_use_field="delete")
    return edit


@router.post("/console/catalog/services/{service_id}", include_in_schema=False)
async def save_service(service_id: str, request: Request) -> Response:
    """Saves the form, or with ``action=delete`` removes the service."""
    session = signed_in(request)
    fields = await checked_form(request, session)
    typed = typed_fields(fields, FORM_FIELDS)
    based = based_on(fields)
    deleting = fields.get("action") == "delete"

    def again(status: int, faults: Faults, problem: str | None) -> Response:
        return _service_page(request, session, service_id, None if deleting else typed, status=status,
                             faults=faults, problem=problem, based=based)

    def save() -> Response:
        _, document = request.app.state.engine.catalog_versions.newest()
        if service_entry(document, service_id) is None:
            return _service_page(request, session, service_id, typed)
        editor = _delete_service(service_id) if deleting else _edit_service(service_id, typed)
        return save_edit(request, session, editor, based, again)
    return await run_in_threadpool(save)
