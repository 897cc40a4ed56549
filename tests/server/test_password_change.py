"""An officer chooses their own password: an account an admin created or reset must do so at its
first login, and until then every other staff route refuses it."""

from __future__ import annotations

import logging

import pytest
import requests

from server.auth import Role
from tests.support.server import PASSWORD, LiveServer

NEW = "milik-saya-sendiri"


def login(server: LiveServer, username: str, password: str) -> requests.Response:
    return requests.post(f"{server.api}/auth/login", json={"username": username, "password": password}, timeout=10)


def change(server: LiveServer, token: str, current: str, new: str) -> requests.Response:
    return requests.post(f"{server.api}/auth/password", json={"current_password": current, "new_password": new},
                         headers={"Authorization": f"Bearer {token}"}, timeout=10)


def code_of(r: requests.Response) -> str:
    return r.json()["error"]["code"]


def test_an_account_an_admin_reset_must_choose_its_own_password_before_anything_else(
        server: LiveServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    assert server.services.accounts.reset_password("staff1", "sementara-1")
    r = login(server, "staff1", "sementara-1")
    assert r.status_code == 200 and r.json()["must_change_password"] is True
    token = r.json()["token"]
    auth = {"Authorization": f"Bearer {token}"}

    refused = requests.post(f"{server.api}/counters/1/open", headers=auth, timeout=10)
    assert refused.status_code == 403 and code_of(refused) == "password_change_required"
    assert requests.get(f"{server.api}/counters", headers=auth, timeout=10).status_code == 403
    assert server.call("GET", "/counters", "super").json()[0]["state"] == "closed"  # nothing changed

    assert code_of(change(server, token, "salah-salah", NEW)) == "wrong_current_password"
    assert code_of(change(server, token, "sementara-1", "pendek")) == "password_too_short"
    assert code_of(change(server, token, "sementara-1", "sementara-1")) == "password_unchanged"
    ok = change(server, token, "sementara-1", NEW)
    assert ok.status_code == 200, ok.text

    assert requests.post(f"{server.api}/counters/1/open", headers=auth, timeout=10).status_code == 200
    assert login(server, "staff1", "sementara-1").status_code == 401
    again = login(server, "staff1", NEW)
    assert again.status_code == 200 and again.json()["must_change_password"] is False
    assert "sementara-1" not in caplog.text and NEW not in caplog.text


def test_an_officer_changes_their_password_any_time(server: LiveServer) -> None:
    token = login(server, "staff2", PASSWORD).json()["token"]
    assert change(server, token, PASSWORD, NEW).status_code == 200
    assert login(server, "staff2", PASSWORD).status_code == 401
    assert login(server, "staff2", NEW).json()["must_change_password"] is False


def test_five_wrong_current_passwords_lock_changes_for_that_sign_in(server: LiveServer) -> None:
    """A token left on an unattended PC cannot be used to guess the officer's password."""
    token = login(server, "staff2", PASSWORD).json()["token"]
    for _ in range(5):
        assert code_of(change(server, token, "tebak-tebak", NEW)) == "wrong_current_password"
    assert code_of(change(server, token, PASSWORD, NEW)) == "login_locked"
    assert login(server, "staff2", PASSWORD).status_code == 200  # logging in is not locked by it


def test_a_user_added_for_someone_else_must_change_the_password(server: LiveServer) -> None:
    server.services.accounts.add_user("baru", "dari-admin-1", Role.STAFF, must_change_password=True)
    assert login(server, "baru", "dari-admin-1").json()["must_change_password"] is True


def test_the_cli_adds_users_and_resets_passwords_that_must_be_changed_unless_told_to_keep_them(
        server: LiveServer) -> None:
    from tests.server.test_sessions import office  # noqa: PLC0415 - the CLI helper of the sessions tests

    office(server, "add-user", "--username", "siti", "--password", "dari-admin-1", "--role", "staff")
    assert login(server, "siti", "dari-admin-1").json()["must_change_password"] is True
    office(server, "add-user", "--username", "demo", "--password", "dari-admin-1", "--role", "staff",
           "--keep-password")
    assert login(server, "demo", "dari-admin-1").json()["must_change_password"] is False
    out = office(server, "reset-password", "--username", "staff2", "--password", "reset-admin-1")
    assert "reset" in out
    assert login(server, "staff2", "reset-admin-1").json()["must_change_password"] is True
