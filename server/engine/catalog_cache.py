"""The site catalog the engine works from: the newest imported version, parsed once per version.
Another process (the ``import-catalog`` command) may import one, so the version is looked at
again every couple of seconds."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from core.wire import ErrorCode
from server.catalog import SiteCatalog, parse_catalog
from server.db import Database, catalogs
from server.errors import ApiError

RECHECK_S = 2.0


class CatalogCache:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._catalog: tuple[int, SiteCatalog] | None = None
        self._lock = threading.Lock()
        self._checked = 0.0

    def current(self) -> SiteCatalog:
        cached = self._catalog
        if cached and time.monotonic() - self._checked < RECHECK_S:
            return cached[1]
        with self._lock:
            with self.db.read() as conn:
                version = conn.execute(select(func.max(catalogs.c.id))).scalar()
                if version is None:
                    raise ApiError(503, ErrorCode.NO_CATALOG, "The server has no catalog yet.")
                if not cached or cached[0] != version:
                    doc = conn.execute(select(catalogs.c.document).where(catalogs.c.id == version)).scalar_one()
                    self._catalog = cached = (version, parse_catalog(doc))
            self._checked = time.monotonic()
            return cached[1]

    def recheck(self) -> None:
        """Look at the version at the next call: this process has just imported one."""
        self._checked = 0.0
