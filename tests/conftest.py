"""Test set-up shared by every suite: offscreen Qt, private folders, and the live server fixtures."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_scratch = Path(tempfile.mkdtemp(prefix="anjungan-tests-"))
for var, sub in (("ANJUNGAN_DATA_DIR", "data"), ("ANJUNGAN_CONFIG_DIR", "config"),
                 ("ANJUNGAN_LOG_DIR", "log"), ("ESCPOS_CAPABILITIES_PICKLE_DIR", "escpos")):
    os.environ[var] = str(_scratch / sub)
    (_scratch / sub).mkdir(parents=True, exist_ok=True)

import pytest
from sqlalchemy import create_engine, text

from core import technician_pin
from tests.support.clock import SettableClock
from tests.support.postgres import ensure_database, psycopg_url, worker_url
from tests.support.server import LiveServer, live_server

# PINs made by the apps and the tests hash in microseconds; tests/setup/test_pin.py checks the real cost.
technician_pin.cost = {"n": 16, "r": 1, "p": 1}

BASE_PG_URL = os.environ.get("ANJUNGAN_TEST_PG_URL")
PG_URL = worker_url(BASE_PG_URL, os.environ.get("PYTEST_XDIST_WORKER")) if BASE_PG_URL else None
REQUIRE_PG = os.environ.get("ANJUNGAN_REQUIRE_PG") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """PostgreSQL tests run where a server is given; CI sets ANJUNGAN_REQUIRE_PG so they can't vanish."""
    if PG_URL or REQUIRE_PG:
        return
    marker = pytest.mark.skip(reason="no PostgreSQL: set ANJUNGAN_TEST_PG_URL (make test does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(marker)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock()


@pytest.fixture
def server(tmp_path: Path, clock: SettableClock):
    """The real server on a free loopback port, SQLite, the test catalog, Monday 23 Nov 2026 09.00 WIB."""
    with live_server(tmp_path, clock=clock) as live:
        yield live


@pytest.fixture(scope="module")
def reading_server(tmp_path_factory: pytest.TempPathFactory):
    """One real server for a module whose tests only read from it, as ``server`` starts it: such a module
    defines its ``server`` fixture as this one. Nothing may change its state or move its clock; a test
    that does takes a ``server`` of its own. Stopped with the module, so no later test meets its threads."""
    with live_server(tmp_path_factory.mktemp("reading-server")) as live:
        yield live


def _fresh_pg_url() -> str:
    """An empty schema for each test: drop everything the last test left."""
    if not BASE_PG_URL or not PG_URL:
        raise RuntimeError("ANJUNGAN_REQUIRE_PG is set but ANJUNGAN_TEST_PG_URL is not")
    ensure_database(BASE_PG_URL, PG_URL)
    engine = create_engine(psycopg_url(PG_URL))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_server(request: pytest.FixtureRequest, tmp_path: Path, clock: SettableClock):
    """The real server on SQLite, and again on PostgreSQL: for the store's tests."""
    url = _fresh_pg_url() if request.param == "postgres" else None
    with live_server(tmp_path, url, clock=clock) as live:
        yield live


__all__ = ["LiveServer"]
