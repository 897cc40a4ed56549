"""Staff accounts managed by an admin over real HTTP: add, reset, role, disable and enable; each refusal
changes nothing, each change is audited without a secret, and there is always one active admin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from server.db import audit_log, users
from tests.support.server import PASSWORD, LiveServer

ROOT = Path(__file__).resolve().parents[2]
STAFF_FIELDS = {"username", "display_name", "role", "active", "locked_until", "must_change_password", "created_at",
                "last_login_at"}


def staff(server: LiveServer) -> dict[str, dict[str, Any]]:
    r = server.call("GET", "/staff", "admin")
    assert r.status_code == 200, r.text
    return {u["username"]: u for u in r.json()}



@pytest.fixture
def server(any_server: LiveServer) -> LiveServer:
    """Each test on SQLite and again on PostgreSQL, where the rows are locked and names are unique."""
    return any_server

def audit(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return conn.execute(select(audit_log).order_by(audit_log.c.id)).all()


def user_rows(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return conn.execute(select(users).order_by(users.c.id)).all()


def login(server: LiveServer, username: str, password: str) -> requests.Response:
    return server.call("POST", "/auth/login", json={"username": username, "password": password})


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error_code(r: requests.Response) -> str:
    return r.json()["error"]["code"]


def test_the_list_shows_each_account_and_never_a_password(server: LiveServer) -> None:
    r = server.call("GET", "/staff", "admin")
    assert r.status_code == 200
    listed = {u["username"]: u for u in r.json()}
    assert set(listed) == {"staff1", "staff2", "super", "admin"}
    for user in listed.values():
        assert set(user) == STAFF_FIELDS
    assert listed["super"]["role"] == "supervisor" and listed["super"]["active"] is True
    assert listed["admin"]["last_login_at"] is not None and listed["admin"]["created_at"] is not None
    assert "scrypt" not in r.text and "password_hash" not in r.text


def test_an_account_added_with_a_server_made_password_must_choose_its_own(server: LiveServer) -> None:
    """GIVEN an admin adds Budi without giving a password
    WHEN the server answers
    THEN it gives a one-time password once (not cached), Budi signs in with it and may do nothing
    but change it, and the audit names who added him, never the password."""
    r = server.call("POST", "/staff", "admin", json={"username": "budi", "role": "staff",
                                                     "display_name": "Budi Santoso"})
    assert r.status_code == 201, r.text
    assert r.headers["cache-control"] == "no-store"
    answer = r.json()
    one_time = answer["one_time_password"]
    assert len(one_time) >= 8
    assert answer["user"]["username"] == "budi" and answer["user"]["must_change_password"] is True
    assert answer["user"]["display_name"] == "Budi Santoso" and answer["user"]["role"] == "staff"

    signed_in = login(server, "budi", one_time)
    assert signed_in.status_code == 200 and signed_in.json()["must_change_password"] is True
    token = signed_in.json()["token"]
    r = server.call("GET", "/counters", headers=auth(token))
    assert r.status_code == 403 and error_code(r) == "password_change_required"
    r = server.call("POST", "/auth/password", headers=auth(token),
                    json={"current_password": one_time, "new_password": "sandi-budi-sendiri"})
    assert r.status_code == 200
    assert server.call("GET", "/counters", headers=auth(token)).status_code == 200

    entry = next(e for e in audit(server) if e.kind == "user.added" and e.subject == "user:budi")
    assert (entry.actor, entry.actor_role) == ("admin", "admin")
    assert entry.detail["role"] == "staff" and entry.detail["generated"] is True
    assert one_time not in json.dumps([list(map(str, e)) for e in audit(server)])


def test_an_admin_may_set_the_first_password_and_it_must_still_be_changed(server: LiveServer) -> None:
    r = server.call("POST", "/staff", "admin", json={"username": "siti", "role": "supervisor",
                                                     "password": "sandi-awal-siti"})
    assert r.status_code == 201 and r.json()["one_time_password"] is None
    r = login(server, "siti", "sandi-awal-siti")
    assert r.status_code == 200 and r.json()["must_change_password"] is True and r.json()["role"] == "supervisor"


def test_refused_additions_change_nothing(server: LiveServer) -> None:
    before, entries = user_rows(server), len(audit(server))
    cases = [({"username": "staff1", "role": "admin"}, 409, "user_exists"),
             ({"username": "budi santoso", "role": "staff"}, 422, "invalid_username"),
             ({"username": "-budi", "role": "staff"}, 422, "invalid_username"),
             ({"username": "budi", "role": "staff", "password": "pendek"}, 422, "password_too_short"),
             ({"username": "budi", "role": "kiosk"}, 422, "invalid_request")]
    for body, status, code in cases:
        r = server.call("POST", "/staff", "admin", json=body)
        assert (r.status_code, error_code(r)) == (status, code), body
    assert user_rows(server) == before and len(audit(server)) == entries
    assert login(server, "staff1", PASSWORD).status_code == 200  # the existing staff1 is untouched


def test_a_password_reset_ends_every_sign_in_and_forces_a_change(server: LiveServer) -> None:
    other_pc = server.login("staff1")
    r = server.call("POST", "/staff/staff1/password-reset", "admin")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    one_time = r.json()["one_time_password"]
    assert r.json()["user"]["must_change_password"] is True
    for token in (server.tokens["staff1"], other_pc):
        r = server.call("GET", "/counters", headers=auth(token))
        assert r.status_code == 401 and error_code(r) == "invalid_token"
    assert login(server, "staff1", PASSWORD).status_code == 401
    r = login(server, "staff1", one_time)
    assert r.status_code == 200 and r.json()["must_change_password"] is True
    entry = audit(server)[-1]
    assert (entry.kind, entry.subject, entry.actor) == ("user.password_reset", "user:staff1", "admin")
    assert one_time not in str(entry.detail)

    r = server.call("POST", "/staff/tidak-ada/password-reset", "admin", json={"password": "sandi-baru-123"})
    assert r.status_code == 404 and error_code(r) == "user_not_found"


def test_a_new_role_holds_from_the_next_request(server: LiveServer) -> None:
    assert server.call("GET", "/devices", "staff1").status_code == 403
    r = server.call("PUT", "/staff/staff1/role", "admin", json={"role": "supervisor"})
    assert r.status_code == 200 and r.json()["role"] == "supervisor"
    assert server.call("GET", "/devices", "staff1").status_code == 200  # the same token
    entry = audit(server)[-1]
    assert (entry.kind, entry.detail) == ("user.role_set", {"from": "staff", "to": "supervisor"})
    r = server.call("PUT", "/staff/tidak-ada/role", "admin", json={"role": "staff"})
    assert r.status_code == 404 and error_code(r) == "user_not_found"


def test_the_last_active_admin_can_be_neither_demoted_nor_disabled(server: LiveServer) -> None:
    """GIVEN one active admin
    WHEN they try to demote or disable themselves
    THEN both are refused with last_admin and nothing changes; with a second admin, both are allowed."""
    before, entries = user_rows(server), len(audit(server))
    for method, path, body in (("PUT", "/staff/admin/role", {"role": "supervisor"}),
                               ("POST", "/staff/admin/disable", None)):
        r = server.call(method, path, "admin", json=body)
        assert (r.status_code, error_code(r)) == (409, "last_admin"), r.text
    assert user_rows(server) == before and len(audit(server)) == entries

    assert server.call("PUT", "/staff/super/role", "admin", json={"role": "admin"}).status_code == 200
    r = server.call("PUT", "/staff/admin/role", "admin", json={"role": "supervisor"})
    assert r.status_code == 200
    assert server.call("POST", "/staff/admin/disable", "super").status_code == 200  # no admin any more
    r = server.call("POST", "/staff/super/disable", "super")  # super is the only admin now
    assert (r.status_code, error_code(r)) == (409, "last_admin")


def test_disabling_ends_every_sign_in_at_once_and_enabling_lets_them_in_again(server: LiveServer) -> None:
    other_pc = server.login("staff2")
    r = server.call("POST", "/staff/staff2/disable", "admin")
    assert r.status_code == 200 and r.json()["active"] is False
    for token in (server.tokens["staff2"], other_pc):
        for method, path in (("GET", "/counters"), ("POST", "/auth/renew")):
            r = server.call(method, path, headers=auth(token))
            assert r.status_code == 401 and error_code(r) == "account_disabled"
    assert login(server, "staff2", PASSWORD).status_code == 401
    assert staff(server)["staff2"]["active"] is False

    r = server.call("POST", "/staff/staff2/enable", "admin")
    assert r.status_code == 200 and r.json()["active"] is True
    r = server.call("GET", "/counters", headers=auth(other_pc))  # its sign-ins stay ended
    assert r.status_code == 401 and error_code(r) == "invalid_token"
    assert login(server, "staff2", PASSWORD).status_code == 200
    kinds = [(e.kind, e.subject) for e in audit(server)[-2:]]
    assert kinds == [("user.disabled", "user:staff2"), ("user.enabled", "user:staff2")]
    for action in ("disable", "enable"):
        r = server.call("POST", f"/staff/tidak-ada/{action}", "admin")
        assert r.status_code == 404 and error_code(r) == "user_not_found"


def test_a_supervisor_manages_no_account(server: LiveServer) -> None:
    before = user_rows(server)
    for method, path, body in (("POST", "/staff", {"username": "budi", "role": "admin"}),
                               ("PUT", "/staff/super/role", {"role": "admin"}),
                               ("POST", "/staff/staff1/disable", None),
                               ("POST", "/staff/staff1/password-reset", None)):
        r = server.call(method, path, "super", json=body)
        assert (r.status_code, error_code(r)) == (403, "forbidden"), path
    assert user_rows(server) == before


def test_the_command_line_uses_the_same_rules_and_is_audited_as_cli(server: LiveServer) -> None:
    """``server disable-user`` on the last admin is refused as the API refuses it; on an officer it
    is written to the audit log with the actor ``cli``."""
    def office(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "main.py", "server", *args,
                               "--database", server.services.settings.database_url],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)

    refused = office("disable-user", "admin")
    assert refused.returncode == 2 and "last_admin" in refused.stderr and "Traceback" not in refused.stderr
    done = office("disable-user", "staff1")
    assert done.returncode == 0, done.stderr
    entry = audit(server)[-1]
    assert (entry.kind, entry.subject, entry.actor) == ("user.disabled", "user:staff1", "cli")
    bad = office("add-user", "--username", "budi santoso", "--password", PASSWORD, "--role", "staff")
    assert bad.returncode == 2 and "invalid_username" in bad.stderr
    before, entries = user_rows(server), len(audit(server))
    demoted = office("add-user", "--username", "admin", "--password", "sandi-baru-99", "--role", "staff")
    assert demoted.returncode == 2 and "last_admin" in demoted.stderr
    assert user_rows(server) == before and len(audit(server)) == entries
    assert login(server, "admin", PASSWORD).status_code == 200  # neither the role nor the password moved

    again = office("add-user", "--username", "staff1", "--password", "sandi-baru-99", "--role", "supervisor")
    assert again.returncode == 0, again.stderr
    assert [(e.kind, e.actor) for e in audit(server)[-3:]] == [
        ("user.role_set", "cli"), ("user.enabled", "cli"), ("user.password_reset", "cli")]
    assert staff(server)["staff1"]["active"] is True and staff(server)["staff1"]["role"] == "supervisor"


def test_an_officers_own_password_change_is_audited_without_the_password(server: LiveServer) -> None:
    r = server.call("POST", "/auth/password", "staff1", json={"current_password": PASSWORD,
                                                              "new_password": "sandi-sendiri-99"})
    assert r.status_code == 200
    entry = audit(server)[-1]
    assert (entry.kind, entry.subject, entry.actor, entry.actor_role) == (
        "user.password_changed", "user:staff1", "staff1", "staff")
    assert "sandi-sendiri-99" not in str(entry.detail) and PASSWORD not in str(entry.detail)
    r = server.call("POST", "/auth/password", "staff1", json={"current_password": "salah-sandi-1",
                                                              "new_password": "sandi-lain-123"})
    assert r.status_code == 403 and audit(server)[-1].id == entry.id  # a refused change is not an entry


def test_a_name_no_account_could_have_is_refused_as_bad_input(server: LiveServer) -> None:
    """A NUL in the path would make PostgreSQL fail (a 500); it is refused before any query."""
    r = server.call("POST", "/staff/budi%00x/disable", "admin")
    assert r.status_code == 422 and error_code(r) == "invalid_request"
