"""The site's wall clock for the header and the board: Asia/Jakarta (WIB) until the catalog names the
site's zone; a zone this machine does not know keeps the one in use rather than falling to UTC."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

DEFAULT_ZONE = "Asia/Jakarta"


class SiteClock:
    """``now()`` in the site's zone; tests pass their own ``now``."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self.zone = ZoneInfo(DEFAULT_ZONE)
        self._now = now

    def now(self) -> datetime:
        return self._now() if self._now is not None else datetime.now(self.zone)

    def use_zone(self, name: str) -> None:
        try:
            self.zone = ZoneInfo(name)
        except (KeyError, ValueError):
            log.warning("unknown time zone %s; keeping %s", name, self.zone)


__all__ = ["DEFAULT_ZONE", "SiteClock"]
