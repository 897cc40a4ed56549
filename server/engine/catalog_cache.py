"""The site catalog the engine works from: the newest imported version, parsed once per version.
Another process (the ``import-catalog`` command) may import one, so the version is looked at
again every couple of seconds."""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import func, select

from core.wire import ErrorCode
from server.catalog import CatalogInvalid, SiteCatalog, parse_catalog
from server.db import Database, catalogs
from server.driver_sql import DriverStatement
from server.errors import ApiError

RECHECK_S = 2.0
# Run inside a write after its locks are taken, on every ticket: compiled once (server/driver_sql.py).
NEWEST_VERSION = DriverStatement(select(func.max(catalogs.c.id)))
log = logging.getLogger(__name__)


class StoredCatalogInvalid(ApiError):
    """The newest stored catalog breaks a rule of this version (an older one imported it): no
    request can be served from it, and the server must not start on it nor replace it."""

    def __init__(self, version: int, reason: CatalogInvalid) -> None:
        super().__init__(503, ErrorCode.NO_CATALOG,
                         f"The current catalog (version {version}) is not valid: {reason}. "
                         "Correct the catalog file and import it again.")
        self.version = version
        self.reason = str(reason)


class CatalogCache:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._catalog: tuple[int, SiteCatalog] | None = None
        self._lock = threading.Lock()
        self._checked = 0.0
        # The newest stored version found invalid: refused again without reading and parsing it anew.
        self._refused: tuple[int, CatalogInvalid] | None = None

    def current(self) -> SiteCatalog:
        return self.versioned()[1]

    def versioned(self) -> tuple[int, SiteCatalog]:
        """The catalog and its version number: a write that depends on the catalog checks, in its own
        transaction, that this version is still the newest (``NEWEST_VERSION``)."""
        cached = self._catalog
        if cached and time.monotonic() - self._checked < RECHECK_S:
            return cached
        with self._lock:
            with self.db.read() as conn:
                version = conn.execute(select(func.max(catalogs.c.id))).scalar()
                if version is None:
                    raise ApiError(503, ErrorCode.NO_CATALOG, "The server has no catalog yet.")
                if not cached or cached[0] != version:
                    if self._refused is not None and self._refused[0] == version:
                        raise StoredCatalogInvalid(*self._refused)
                    doc = conn.execute(select(catalogs.c.document).where(catalogs.c.id == version)).scalar_one()
                    try:
                        self._catalog = cached = (version, parse_catalog(doc))
                    except CatalogInvalid as exc:
                        log.error("catalog version %d in the database is not valid: %s", version, exc)
                        self._refused = (version, exc)
                        raise StoredCatalogInvalid(version, exc) from None
            self._checked = time.monotonic()
            return cached

    def recheck(self) -> None:
        """Look at the version at the next call: this process has just imported one."""
        self._checked = 0.0
