"""The catalog's versions (admin): the list, one version with what it changed, a restore, and the current
version as a TOML file to download or a TOML file to store as the next version, or as a JSON document to read
and store back edited. The console's catalog page calls the same engine functions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import PlainTextResponse
from starlette.concurrency import run_in_threadpool

from core.wire import AuditKind, CatalogDocument, CatalogVersion, CatalogVersionDetail
from core.wire import ErrorCode as E
from server.api.deps import engine, require
from server.api.responses import refusals
from server.auth import Principal, Role
from server.catalog import CatalogInvalid, load_catalog_bytes
from server.catalog_toml import dumps
from server.engine.catalog_versions import catalog_refusal

router = APIRouter(prefix="/catalog")
ADMIN = frozenset({Role.ADMIN})
TOML_TYPE = "application/toml"
VersionId = Path(ge=1, le=2**31 - 1)
# The version the change was made from: if another is newest by now, 409 write_conflict and nothing stored.
BasedOn = Query(default=None, ge=1, le=2**31 - 1)
SAVE_REFUSALS = (E.CATALOG_INVALID, E.PREFIX_IN_USE_TODAY, E.SERVICE_IN_USE_TODAY, E.WRITE_CONFLICT)
_TOML_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"content": {TOML_TYPE: {"schema": {"type": "string"}}},
          "description": "The current catalog as a TOML file that `import-catalog` reads back."}}


def export_file(request: Request) -> tuple[int, str]:
    """The newest version's number and its TOML text, headed with where it came from."""
    version, document = engine(request).catalog_versions.newest()
    return version, dumps(document, heading=f"Anjungan catalog, version {version}")


def import_file(request: Request, who: Principal, data: bytes, name: str, based_on: int | None = None) -> int:
    """Validate a TOML file as ``import-catalog`` does and store it as the newest version."""
    try:
        cat = load_catalog_bytes(data, name)
    except CatalogInvalid as exc:
        raise catalog_refusal(exc) from None
    return engine(request).import_catalog(cat, name, by=who, audit_kind=AuditKind.CATALOG_SAVED, based_on=based_on)


def _version(request: Request, version: int) -> CatalogVersion:
    return engine(request).catalog_versions.detail(version).version


@router.get("/versions", response_model=list[CatalogVersion], responses=refusals())
def versions(request: Request, _: Principal = Depends(require(ADMIN))) -> list[CatalogVersion]:
    return engine(request).catalog_versions.all()


@router.get("/versions/{version}", response_model=CatalogVersionDetail,
            responses=refusals(E.CATALOG_VERSION_NOT_FOUND))
def version_detail(request: Request, version: int = VersionId,
                   _: Principal = Depends(require(ADMIN))) -> CatalogVersionDetail:
    return engine(request).catalog_versions.detail(version)


@router.post("/versions/{version}/restore", response_model=CatalogVersion, status_code=201,
             responses=refusals(E.CATALOG_VERSION_NOT_FOUND, SAVE_REFUSALS))
def restore(request: Request, version: int = VersionId, based_on: int | None = BasedOn,
            who: Principal = Depends(require(ADMIN))) -> CatalogVersion:
    """A new version equal to ``version``; the one made is answered."""
    return _version(request, engine(request).restore_catalog(who, version, based_on))


@router.get("/export", responses={**refusals(E.NO_CATALOG), **_TOML_ANSWER})
def export(request: Request, _: Principal = Depends(require(ADMIN))) -> PlainTextResponse:
    version, text = export_file(request)
    return PlainTextResponse(text, media_type=TOML_TYPE, headers={
        "Content-Disposition": f'attachment; filename="catalog-v{version}.toml"'})


@router.post("/import", response_model=CatalogVersion, status_code=201, responses=refusals(SAVE_REFUSALS),
             openapi_extra={"requestBody": {"required": True, "content": {TOML_TYPE: {"schema": {"type": "string"}}}}})
async def import_toml(request: Request, based_on: int | None = BasedOn,
                      who: Principal = Depends(require(ADMIN))) -> CatalogVersion:
    """The body is a catalog file; every field is checked as ``import-catalog`` checks it, and the first
    fault is answered with its ``path`` and ``reason`` (nothing is stored)."""
    data = await request.body()
    version = await run_in_threadpool(import_file, request, who, data, "upload", based_on)
    return await run_in_threadpool(_version, request, version)


@router.get("/document", response_model=CatalogDocument, responses=refusals(E.NO_CATALOG))
def document(request: Request, _: Principal = Depends(require(ADMIN))) -> CatalogDocument:
    """The newest version's whole document with its number: what PUT /catalog takes back, edited."""
    version, doc = engine(request).catalog_versions.newest()
    return CatalogDocument(document=dict(doc), version=version)


@router.put("", response_model=CatalogVersion, status_code=201, responses=refusals(SAVE_REFUSALS))
def save(body: CatalogDocument, request: Request, who: Principal = Depends(require(ADMIN))) -> CatalogVersion:
    """The whole catalog document as the next version, checked as ``import-catalog`` checks a file (the first
    fault answered with its ``path`` and ``reason``, nothing stored); the console's catalog forms call the
    same engine function."""
    version = engine(request).save_catalog(who, body.document, "api", body.based_on)
    return _version(request, version)
