"""Moments on the office's pages in the site's own time with its label (``02-12-2026 14.05 WIB``),
whatever zone the server runs in, as the command line shows them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from fastapi import Request

from server.errors import ApiError


def _site_zone(request: Request) -> tuple[tzinfo, str]:
    """Asia/Jakarta, WIB while the server has no catalog yet: staff and devices are managed before it."""
    try:
        site = request.app.state.engine.catalog().site
        return site.zone, site.tz_label
    except ApiError:
        return ZoneInfo("Asia/Jakarta"), "WIB"


def site_clock(request: Request) -> Callable[[datetime | None], str]:
    """A page's formatter: a moment (None shown as nothing) in the site's zone, with its label."""
    zone, label = _site_zone(request)

    def shown(moment: datetime | None) -> str:
        if moment is None:
            return ""
        return f"{moment.astimezone(zone):%d-%m-%Y %H.%M} {label}".rstrip()

    return shown
