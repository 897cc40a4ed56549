"""The PostgreSQL database of this test process: ANJUNGAN_TEST_PG_URL itself, or under pytest-xdist
a database of its own per worker (``…_gw0``, ``…_gw1``), made on first use, so that workers never
drop each other's schema."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def psycopg_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def worker_url(base_url: str, worker: str | None) -> str:
    """``base_url`` with the worker's name appended to its database name; unchanged outside xdist."""
    if not worker or worker == "master":
        return base_url
    url = make_url(base_url)
    return url.set(database=f"{url.database}_{worker}").render_as_string(hide_password=False)


def ensure_database(base_url: str, url: str) -> None:
    """Create the database of ``url`` (a worker's) through ``base_url``'s if it does not exist yet."""
    name = make_url(url).database
    if name == make_url(base_url).database:
        return
    engine = create_engine(psycopg_url(base_url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is None:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
