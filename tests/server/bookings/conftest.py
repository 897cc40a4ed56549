"""A real server whose booking limiter lets a test make many bookings from one address (the limiter has a
test of its own), and helpers to book and check in over HTTP; the booking engine's own tests run on the
engine's fresh hall (tests/server/engine), and both change the test catalog the same way."""

from __future__ import annotations

import itertools
import tomllib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import tomli_w

from tests.conftest import _fresh_pg_url
from tests.server.engine.conftest import hall, hall_dir, make_hall
from tests.support.clock import SettableClock
from tests.support.server import TEST_CATALOG, LiveServer, live_server

__all__ = ["hall", "hall_dir", "make_hall"]

# Valid NIKs (Kabupaten Serang, born 17-09-1990), each with its own last four digits.
_SERIALS = itertools.count(1)


def new_nik() -> str:
    return f"360401170990{next(_SERIALS) % 10000:04d}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path, clock: SettableClock) -> Iterator[LiveServer]:
    """The real server on SQLite, and again on PostgreSQL."""
    url = _fresh_pg_url() if request.param == "postgres" else None
    with live_server(tmp_path, url, clock=clock, booking_attempts=10_000) as live:
        yield live


def book(server: LiveServer, day: str, slot: str, nik: str | None = None, service_id: str = "paspor",
         **extra: Any) -> requests.Response:
    return server.call("POST", "/bookings", json={"service_id": service_id, "date": day, "slot": slot,
                                                  "nik": nik or new_nik(), **extra})


def booked(server: LiveServer, day: str, slot: str, nik: str | None = None, **extra: Any) -> dict[str, Any]:
    r = book(server, day, slot, nik, **extra)
    assert r.status_code == 201, r.text
    return r.json()


def check_in(server: LiveServer, role: str = "kiosk", key: str | None = None, **body: Any) -> requests.Response:
    return server.call("POST", "/bookings/check-in", role, json=body,
                       headers={"Idempotency-Key": key or uuid.uuid4().hex})


def changed_catalog(folder: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The test catalog with ``change`` made to its document, as a file in ``folder``."""
    doc = tomllib.loads(TEST_CATALOG.read_text("utf-8"))
    change(doc)
    path = folder / "catalog.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return path


def paspor_of(doc: dict[str, Any]) -> dict[str, Any]:
    return next(s for a in doc["agencies"] for s in a["services"] if s["id"] == "paspor")
