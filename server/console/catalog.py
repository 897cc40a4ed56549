"""The catalog (admin): the current version at a glance, every version with who made it and what it changed,
a restore with a confirm step, the TOML file out and in, and one service's form. Every save goes through the
same validation and the same engine import as ``import-catalog`` and POST /api/v1/catalog/import."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from core.schedule import WEEKDAYS
from core.wire import AuditKind, CatalogChange, ErrorCode
from server.api.catalog_admin import TOML_TYPE, export_file, import_file
from server.auth import Role
from server.catalog import CatalogInvalid, parse_catalog
from server.catalog_diff import diff
from server.console.i18n import MESSAGES, texts
from server.console.pages import ConsoleRoute, checked_form, keep_cookie, language, redirect, refusal_text, render
from server.console.pages import signed_in as page_signed_in
from server.console.session import ConsoleSession
from server.engine.catalog_versions import field_and_reason
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
ADMIN = frozenset({Role.ADMIN})
LISTED_VERSIONS = 100
# The service form's fields, in the order shown; each is the catalog's own key.
SERVICE_FIELDS = ("prefix", "name", "name_en", "quota", "mean_service_minutes", "target_wait_minutes",
                  "requirements", "requirements_en")
LISTS = ("requirements", "requirements_en")
# The opening hours: the site's (no ``hours`` of its own) or one span a weekday, blank for closed.
HOURS_FIELDS = ("use_site_hours", *(f"hours_{day}" for day in WEEKDAYS), "cutoff_minutes")
FORM_FIELDS = (*SERVICE_FIELDS, *HOURS_FIELDS)
DONE = {"saved": "catalog.saved_done", "restored": "catalog.restored_done"}


def _signed_in(request: Request) -> ConsoleSession:
    return page_signed_in(request, ADMIN)


def field_label(t: Any, field: str) -> str:
    """A catalog field in the page's words ("kuota"), a weekday's hours as "jam buka (mon)"; else its own key."""
    head, _, rest = field.partition(".")
    label = t(f"field.{head}") if f"field.{head}" in MESSAGES else head
    return f"{label} ({rest})" if rest else label


def _when(moment: datetime, zone: Any) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H.%M")


def _page_helpers(request: Request) -> dict[str, Any]:
    t = texts(language(request))
    try:
        zone = request.app.state.engine.catalog().site.zone
    except ApiError:
        zone = None
    return {"label": lambda field: field_label(t, field), "when": lambda moment: _when(moment, zone)}


def _overview(request: Request) -> dict[str, Any]:
    eng = request.app.state.engine
    versions = eng.catalog_versions.all()
    return {"cat": eng.catalog(), "versions": versions[:LISTED_VERSIONS],
            "more_versions": len(versions) > LISTED_VERSIONS, "current": versions[0].id if versions else None}


async def _catalog_page(request: Request, session: ConsoleSession, *, status: int = 200,
                        problem: tuple[str, str] | None = None, refusal: str | None = None) -> Response:
    context = await run_in_threadpool(_overview, request)
    t = texts(language(request))
    key = DONE.get(request.query_params.get("done", ""))
    notice = t(key, version=request.query_params.get("version", "")) if key and status == 200 else None
    return render(request, "catalog.html", session=session, status=status, notice=notice, problem=problem,
                  refusal=refusal, **context, **_page_helpers(request))


@router.get("/console/catalog", include_in_schema=False)
async def catalog_page(request: Request) -> Response:
    return await _catalog_page(request, _signed_in(request))


@router.get("/console/catalog/export", include_in_schema=False)
async def export(request: Request) -> Response:
    session = _signed_in(request)
    version, text = await run_in_threadpool(export_file, request)
    response = PlainTextResponse(text, media_type=TOML_TYPE, headers={
        "Content-Disposition": f'attachment; filename="catalog-v{version}.toml"'})
    keep_cookie(request, response, session)
    return response


@router.post("/console/catalog/import", include_in_schema=False)
async def import_upload(request: Request) -> Response:
    """A TOML file as the next version; on any fault the page lists the field and its reason, nothing stored."""
    session = _signed_in(request)
    await checked_form(request, session)
    upload = (await request.form()).get("file")
    t = texts(language(request))
    if not isinstance(upload, UploadFile) or not upload.filename:
        return await _catalog_page(request, session, status=422, refusal=t("catalog.import_no_file"))
    data = await upload.read()  # no larger than the server's body limit (RequestGuard)
    try:
        version = await run_in_threadpool(import_file, request, session.principal, data, upload.filename[:200])
    except ApiError as refused:
        if refused.code == ErrorCode.CATALOG_INVALID:
            return await _catalog_page(request, session, status=422,
                                       problem=(str(refused.params["path"]), str(refused.params["reason"])))
        return await _catalog_page(request, session, status=refused.status,
                                   refusal=refusal_text(language(request), refused))
    return redirect(request, f"/console/catalog?done=saved&version={version}")


# ----------------------------------------------------------------- versions


@router.get("/console/catalog/versions/{version}", include_in_schema=False)
async def version_page(version: int, request: Request) -> Response:
    session = _signed_in(request)
    eng = request.app.state.engine
    detail = await run_in_threadpool(eng.catalog_versions.detail, version)
    newest = await run_in_threadpool(eng.catalog_versions.newest)
    return render(request, "catalog_version.html", session=session, detail=detail,
                  changes=list(detail.changes), current=newest[0], **_page_helpers(request))


def _restore_changes(request: Request, version: int) -> tuple[int, list[CatalogChange]]:
    versions = request.app.state.engine.catalog_versions
    current, now = versions.newest()
    return current, list(diff(now, versions.document(version)))


async def _restore_page(request: Request, session: ConsoleSession, version: int, *, status: int = 200,
                        refusal: str | None = None) -> Response:
    current, changes = await run_in_threadpool(_restore_changes, request, version)
    return render(request, "catalog_restore.html", session=session, status=status, version=version,
                  current=current, changes=changes, refusal=refusal, **_page_helpers(request))


@router.get("/console/catalog/versions/{version}/restore", include_in_schema=False)
async def restore_confirm(version: int, request: Request) -> Response:
    """The confirm step: what restoring would change in the current catalog."""
    return await _restore_page(request, _signed_in(request), version)


def _based_on(fields: Mapping[str, str]) -> int | None:
    """The version the page showed; a form without one is checked against nothing."""
    text = fields.get("based_on", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


def _save_refusal(request: Request, refused: ApiError) -> str:
    if refused.params.get("reason") == "catalog_changed":
        return texts(language(request))("catalog.changed_meanwhile", version=refused.params.get("newest", ""))
    return refusal_text(language(request), refused)


@router.post("/console/catalog/versions/{version}/restore", include_in_schema=False)
async def restore(version: int, request: Request) -> Response:
    session = _signed_in(request)
    fields = await checked_form(request, session)
    eng = request.app.state.engine
    try:
        made = await run_in_threadpool(eng.restore_catalog, session.principal, version, _based_on(fields))
    except ApiError as refused:
        if refused.code == ErrorCode.CATALOG_VERSION_NOT_FOUND:
            raise
        return await _restore_page(request, session, version, status=refused.status,
                                   refusal=_save_refusal(request, refused))
    return redirect(request, f"/console/catalog?done=restored&version={made}")


# ----------------------------------------------------------------- one service


def _service_entry(document: Mapping[str, Any], service_id: str) -> tuple[str, dict[str, Any]] | None:
    """The service's table in the document and its path (``agencies[0].services[1]``)."""
    for a, agency in enumerate(document.get("agencies", [])):
        for s, service in enumerate(agency.get("services", [])):
            if service.get("id") == service_id:
                return f"agencies[{a}].services[{s}]", service
    return None


def _shown(value: Any) -> str:
    if value is None or value is False:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _typed(document: Mapping[str, Any], service: Mapping[str, Any]) -> dict[str, str]:
    """The service's fields as the form shows them; with no hours of its own, the site's hours it follows."""
    typed = {key: _shown(service.get(key)) for key in SERVICE_FIELDS if key not in LISTS}
    typed.update({key: "\n".join(str(line) for line in service.get(key, [])) for key in LISTS})
    own = service.get("hours")
    hours = own if isinstance(own, Mapping) else document.get("site", {}).get("hours", {})
    typed["use_site_hours"] = "" if isinstance(own, Mapping) else "1"
    typed.update({f"hours_{day}": _shown(hours.get(day)) for day in WEEKDAYS})
    typed["cutoff_minutes"] = _shown(service.get("cutoff_minutes"))
    return typed


def _number(text: str, *, whole: bool) -> int | float:
    """A typed number; a decimal comma is read as the point, and 10.0 is kept as 10."""
    if whole:
        return int(text)
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _apply(service: dict[str, Any], typed: Mapping[str, str], t: Any) -> dict[str, str]:
    """Write the typed values into the service's table; a value that is not a number at all is that field's
    fault here (the catalog's own rules judge the rest)."""
    faults: dict[str, str] = {}
    for key in ("prefix", "name", "name_en"):
        if key == "name_en" and not typed[key].strip():
            service.pop(key, None)
        else:
            service[key] = typed[key].strip()
    for key, whole in (("quota", True), ("mean_service_minutes", False), ("target_wait_minutes", True)):
        text = typed[key].strip()
        if not text and key != "mean_service_minutes":
            service.pop(key, None)
            continue
        try:
            service[key] = _number(text, whole=whole)
        except ValueError:
            faults[key] = t("catalog.not_a_whole_number" if whole else "catalog.not_a_number")
    cutoff = typed["cutoff_minutes"].strip()
    if not cutoff:
        service.pop("cutoff_minutes", None)
    else:
        try:
            service["cutoff_minutes"] = int(cutoff)
        except ValueError:
            faults["cutoff_minutes"] = t("catalog.not_a_whole_number")
    if typed["use_site_hours"]:
        service.pop("hours", None)
    else:
        service["hours"] = {day: typed[f"hours_{day}"].strip() for day in WEEKDAYS if typed[f"hours_{day}"].strip()}
    for key in LISTS:
        lines = [line.strip() for line in typed[key].splitlines() if line.strip()]
        if lines:
            service[key] = lines
        else:
            service.pop(key, None)
    return faults


def _service_form(request: Request, session: ConsoleSession, service_id: str, typed: Mapping[str, str] | None, *,
                  status: int = 200, faults: Mapping[str, str] | None = None, problem: str | None = None,
                  based_on: int | None = None) -> Response:
    """The form; re-shown after a fault, it stays based on the version it was first opened on."""
    eng = request.app.state.engine
    version, document = eng.catalog_versions.newest()
    found = _service_entry(document, service_id)
    if found is None:
        return render(request, "error.html", session=session, status=404, title_key="page.not_found.title",
                      text_key="error.service_not_found", params={}, message=None)
    return render(request, "catalog_service.html", session=session, status=status, service_id=service_id,
                  version=version, typed=typed or _typed(document, found[1]), faults=faults or {}, problem=problem,
                  based_on=based_on or version,
                  fields=SERVICE_FIELDS, weekdays=WEEKDAYS, **_page_helpers(request))


@router.get("/console/catalog/services/{service_id}", include_in_schema=False)
async def service_page(service_id: str, request: Request) -> Response:
    session = _signed_in(request)
    return await run_in_threadpool(_service_form, request, session, service_id, None)


def _form_field(path: str) -> str:
    """The form's field for a fault's path inside the service: ``hours.mon`` is ``hours_mon``,
    ``requirements[2]`` is ``requirements``."""
    head, _, rest = path.partition(".")
    head = head.split("[")[0]
    return f"hours_{rest}" if head == "hours" and rest in WEEKDAYS else head


def _save_service(request: Request, session: ConsoleSession, service_id: str, typed: dict[str, str],
                  based_on: int | None) -> Response:
    eng = request.app.state.engine
    t = texts(language(request))
    _, current = eng.catalog_versions.newest()
    document = copy.deepcopy(dict(current))
    found = _service_entry(document, service_id)
    if found is None:
        return _service_form(request, session, service_id, typed)
    base, service = found
    faults = _apply(service, typed, t)
    if faults:
        return _service_form(request, session, service_id, typed, status=422, faults=faults, based_on=based_on)
    try:
        cat = parse_catalog(document)
    except CatalogInvalid as exc:
        path, reason = field_and_reason(exc)
        field = _form_field(path.removeprefix(f"{base}.")) if path.startswith(f"{base}.") else ""
        if field in FORM_FIELDS or field == "hours":
            return _service_form(request, session, service_id, typed, status=422, faults={field: reason},
                                 based_on=based_on)
        return _service_form(request, session, service_id, typed, status=422, problem=f"{path}: {reason}",
                             based_on=based_on)
    try:
        version = eng.import_catalog(cat, f"console: service {service_id}", by=session.principal,
                                     audit_kind=AuditKind.CATALOG_SAVED, based_on=based_on)
    except ApiError as refused:
        message = _save_refusal(request, refused)
        if refused.code in (ErrorCode.PREFIX_IN_USE_TODAY, ErrorCode.SERVICE_IN_USE_TODAY):
            return _service_form(request, session, service_id, typed, status=refused.status,
                                 faults={"prefix": message}, based_on=based_on)
        return _service_form(request, session, service_id, typed, status=refused.status, problem=message)
    return redirect(request, f"/console/catalog?done=saved&version={version}", session)


@router.post("/console/catalog/services/{service_id}", include_in_schema=False)
async def save_service(service_id: str, request: Request) -> Response:
    session = _signed_in(request)
    fields = await checked_form(request, session)
    typed = {key: fields.get(key, "")[:2000] for key in FORM_FIELDS}
    return await run_in_threadpool(_save_service, request, session, service_id, typed, _based_on(fields))
