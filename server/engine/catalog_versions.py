"""The catalog's versions as an admin sees them: the list (who, when, from where), one version with what it
changed from the one before, and its document; a restore stores an earlier version again as the newest,
through the same import as any other save."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from core.wire import CatalogVersion, CatalogVersionDetail, ErrorCode
from server.catalog import CatalogInvalid
from server.catalog_diff import diff
from server.catalog_reasons import sentence
from server.db import Database, catalogs
from server.errors import ApiError

_LISTED = (catalogs.c.id, catalogs.c.imported_at, catalogs.c.source, catalogs.c.made_by)


def _version(row: Any) -> CatalogVersion:
    return CatalogVersion(id=row.id, imported_at=row.imported_at, source=row.source, made_by=row.made_by)


def not_found(version: int) -> ApiError:
    return ApiError(404, ErrorCode.CATALOG_VERSION_NOT_FOUND, f"There is no catalog version {version}.",
                    version=version)


def field_and_reason(fault: CatalogInvalid) -> tuple[str, str]:
    """A CatalogInvalid's field path (``agencies[0].services[1].quota``) and its reason in English."""
    return fault.path, sentence(fault.reason, fault.params)


def catalog_refusal(fault: CatalogInvalid) -> ApiError:
    """The answer to an invalid catalog: the field's ``path``, the ``reason`` in English, and the reason's
    code and blanks (``reason_code``, ``reason_params``) for a client that words it in its own language."""
    path, reason = field_and_reason(fault)
    return ApiError(422, ErrorCode.CATALOG_INVALID, f"The catalog is not valid: {fault}", path=path, reason=reason,
                    reason_code=fault.reason, reason_params=fault.params)


class CatalogVersions:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[CatalogVersion]:
        """Every version, newest first."""
        with self.db.read() as conn:
            return [_version(row) for row in conn.execute(select(*_LISTED).order_by(catalogs.c.id.desc()))]

    def document(self, version: int) -> Mapping[str, Any]:
        with self.db.read() as conn:
            document = conn.execute(select(catalogs.c.document).where(catalogs.c.id == version)).scalar()
        if document is None:
            raise not_found(version)
        return dict(document)

    def newest(self) -> tuple[int, Mapping[str, Any]]:
        with self.db.read() as conn:
            row = conn.execute(select(catalogs.c.id, catalogs.c.document).order_by(catalogs.c.id.desc())
                               .limit(1)).first()
        if row is None:
            raise ApiError(503, ErrorCode.NO_CATALOG, "The server has no catalog yet.")
        return int(row.id), dict(row.document)

    def detail(self, version: int) -> CatalogVersionDetail:
        """The version and its changes from the one stored before it."""
        with self.db.read() as conn:
            row = conn.execute(select(*_LISTED, catalogs.c.document).where(catalogs.c.id == version)).first()
            if row is None:
                raise not_found(version)
            before = conn.execute(select(catalogs.c.id, catalogs.c.document).where(catalogs.c.id < version)
                                  .order_by(catalogs.c.id.desc()).limit(1)).first()
        return CatalogVersionDetail(version=_version(row), previous=before.id if before else None,
                                    changes=diff(before.document if before else None, row.document))
