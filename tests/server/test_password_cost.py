"""The cost of staff password hashes: production servers hash at the real cost, and a hash made at
any cost, such as the test suite's cheap one, still signs its officer in."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from server.app import build_services
from server.auth import Role, ScryptCost
from server.db import users
from server.settings import ServerSettings
from tests.support.clock import SettableClock


def _stored_hash(settings: ServerSettings) -> tuple[str, bool]:
    """The hash kept for a new officer, and whether their password then signs them in."""
    services = build_services(settings, SettableClock())
    try:
        services.accounts.add_user("budi", "kata-sandi-1", Role.STAFF)
        with services.db.engine.connect() as conn:
            stored = conn.execute(select(users.c.password_hash).where(users.c.username == "budi")).scalar_one()
        signed_in = bool(services.accounts.login("budi", "kata-sandi-1").token)
        return stored, signed_in
    finally:
        services.db.dispose()


def test_a_server_with_default_settings_hashes_at_the_production_cost(tmp_path: Path) -> None:
    settings = ServerSettings(database_url=f"sqlite:///{tmp_path / 'cost.sqlite3'}", secret_file=tmp_path / "key")
    stored, signed_in = _stored_hash(settings)
    assert stored.startswith("scrypt$16384$8$1$") and signed_in


def test_a_lower_cost_is_recorded_in_the_hash_and_still_signs_in(tmp_path: Path) -> None:
    settings = ServerSettings(database_url=f"sqlite:///{tmp_path / 'cost.sqlite3'}", secret_file=tmp_path / "key",
                              password_cost=ScryptCost(n=16, r=1, p=1))
    stored, signed_in = _stored_hash(settings)
    assert stored.startswith("scrypt$16$1$1$") and signed_in
