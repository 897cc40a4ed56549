"""The site's wall clock for the header, the board and the technician pages: Asia/Jakarta (WIB) until the
catalog names the site's zone; a zone this machine does not know keeps the one in use rather than falling
to UTC. A technician reads times as the site's, with its label, never the PC's own zone."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

DEFAULT_ZONE = "Asia/Jakarta"
DEFAULT_LABEL = "WIB"


class SiteClock:
    """``now()`` in the site's zone; tests pass their own ``now``."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self.zone = ZoneInfo(DEFAULT_ZONE)
        self.label = DEFAULT_LABEL
        self._now = now

    def now(self) -> datetime:
        return self._now() if self._now is not None else datetime.now(self.zone)

    def use_zone(self, name: str, label: str | None = None) -> None:
        try:
            self.zone = ZoneInfo(name)
        except (KeyError, ValueError):
            log.warning("unknown time zone %s; keeping %s", name, self.zone)
            return
        if label is not None:
            self.label = label

    def local(self, moment: datetime | float) -> datetime:
        """``moment`` (aware, or wall-clock seconds) on the site's clock."""
        if isinstance(moment, int | float):
            return datetime.fromtimestamp(moment, self.zone)
        return moment.astimezone(self.zone)

    def clock_text(self, moment: datetime | float, *, seconds: bool = False) -> str:
        """``14.05 WIB``: the Indonesian way, as the receipts and the board write it."""
        local = self.local(moment)
        text = f"{local:%H.%M.%S}" if seconds else f"{local:%H.%M}"
        return f"{text} {self.label}".strip()


__all__ = ["DEFAULT_LABEL", "DEFAULT_ZONE", "SiteClock"]
