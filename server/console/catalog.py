"""The catalog (admin): the current version at a glance, every version with who made it and what it changed,
a restore with a confirm step, and the TOML file out and in (the forms of each part: catalog_forms.py and
catalog_parts.py). Every save goes through the same validation and engine import as ``import-catalog``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from core.wire import CatalogChange, ErrorCode
from server.api.catalog_admin import TOML_TYPE, export_file, import_file
from server.auth import Role
from server.catalog_diff import diff
from server.catalog_reasons import sentence
from server.console.i18n import MESSAGES, texts
from server.console.pages import ConsoleRoute, checked_form, keep_cookie, language, redirect, refusal_text, render
from server.console.pages import signed_in as page_signed_in
from server.console.session import ConsoleSession
from server.errors import ApiError

router = APIRouter(route_class=ConsoleRoute)
ADMIN = frozenset({Role.ADMIN})
LISTED_VERSIONS = 100
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


def page_helpers(request: Request) -> dict[str, Any]:
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
                  refusal=refusal, **context, **page_helpers(request))


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
            why = sentence(str(refused.params.get("reason_code", "")), refused.params.get("reason_params") or {},
                           language(request))
            return await _catalog_page(request, session, status=422, problem=(str(refused.params["path"]), why))
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
                  changes=list(detail.changes), current=newest[0], **page_helpers(request))


def _restore_changes(request: Request, version: int) -> tuple[int, list[CatalogChange]]:
    versions = request.app.state.engine.catalog_versions
    current, now = versions.newest()
    return current, list(diff(now, versions.document(version)))


async def _restore_page(request: Request, session: ConsoleSession, version: int, *, status: int = 200,
                        refusal: str | None = None) -> Response:
    current, changes = await run_in_threadpool(_restore_changes, request, version)
    return render(request, "catalog_restore.html", session=session, status=status, version=version,
                  current=current, changes=changes, refusal=refusal, **page_helpers(request))


@router.get("/console/catalog/versions/{version}/restore", include_in_schema=False)
async def restore_confirm(version: int, request: Request) -> Response:
    """The confirm step: what restoring would change in the current catalog."""
    return await _restore_page(request, _signed_in(request), version)


def based_on(fields: Mapping[str, str]) -> int | None:
    """The version the page showed; a form without one is checked against nothing."""
    text = fields.get("based_on", "")
    return int(text) if text.isdigit() and len(text) < 10 else None


def save_refusal(request: Request, refused: ApiError) -> str:
    if refused.params.get("reason") == "catalog_changed":
        return texts(language(request))("catalog.changed_meanwhile", version=refused.params.get("newest", ""))
    return refusal_text(language(request), refused)


@router.post("/console/catalog/versions/{version}/restore", include_in_schema=False)
async def restore(version: int, request: Request) -> Response:
    session = _signed_in(request)
    fields = await checked_form(request, session)
    eng = request.app.state.engine
    try:
        made = await run_in_threadpool(eng.restore_catalog, session.principal, version, based_on(fields))
    except ApiError as refused:
        if refused.code == ErrorCode.CATALOG_VERSION_NOT_FOUND:
            raise
        return await _restore_page(request, session, version, status=refused.status,
                                   refusal=save_refusal(request, refused))
    return redirect(request, f"/console/catalog?done=restored&version={made}")
