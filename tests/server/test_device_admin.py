"""Kiosks and boards managed from the office over real HTTP: a one-time enrolment code, a new name, lock,
unlock and revoke; each refusal changes nothing, and each change is audited without the code."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import select

from server.db import audit_log, devices, events
from tests.support.server import LiveServer


@pytest.fixture
def server(any_server: LiveServer) -> LiveServer:
    """Each test on SQLite and again on PostgreSQL, where the rows are locked and names are unique."""
    return any_server

def audit(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return conn.execute(select(audit_log).order_by(audit_log.c.id)).all()


def device_rows(server: LiveServer) -> list[Any]:
    with server.services.db.read() as conn:
        return conn.execute(select(devices).order_by(devices.c.id)).all()


def listed(server: LiveServer) -> dict[str, dict[str, Any]]:
    r = server.call("GET", "/devices", "super")
    assert r.status_code == 200, r.text
    return {d["name"]: d for d in r.json()}


def enrol(server: LiveServer, code: str) -> requests.Response:
    return server.call("POST", "/devices/enroll", json={"code": code})


def error_code(r: requests.Response) -> str:
    return r.json()["error"]["code"]


def device_id(server: LiveServer, name: str) -> int:
    return int(listed(server)[name]["id"])


def test_an_enrolment_code_is_answered_once_and_enrols_the_device(server: LiveServer) -> None:
    """GIVEN an admin asks for a code for a new kiosk
    WHEN the server answers
    THEN the code, its expiry 24 hours on and the text the setup takes come once, not cached; the
    office sees the kiosk waiting for its code; the code enrols it; the audit never holds the code."""
    r = server.call("POST", "/devices", "admin", json={"kind": "kiosk", "name": "Kiosk Lobi"})
    assert r.status_code == 201, r.text
    assert r.headers["cache-control"] == "no-store"
    made = r.json()
    assert made["device"]["name"] == "Kiosk Lobi" and made["device"]["kind"] == "kiosk"
    assert made["scan_text"] == made["code"] and made["replaces"] is False
    assert datetime.fromisoformat(made["expires_at"]) == server.clock.now() + timedelta(hours=24)
    waiting = listed(server)["Kiosk Lobi"]
    assert waiting["enrolled"] is False and waiting["enrol_code_expires_at"] == made["expires_at"]
    assert made["code"] not in server.call("GET", "/devices", "admin").text

    r = enrol(server, made["scan_text"])
    assert r.status_code == 200 and r.json()["device"]["id"] == made["device"]["id"]
    token = r.json()["token"]
    assert server.call("GET", "/catalog", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert listed(server)["Kiosk Lobi"]["enrolled"] is True

    entry = audit(server)[-1]
    assert (entry.kind, entry.subject, entry.actor) == ("device.enrol_code_made", "device:Kiosk Lobi", "admin")
    assert entry.detail["kind"] == "kiosk" and made["code"] not in str(entry.detail)
    assert made["code"].replace("-", "") not in str(entry.detail)


def test_a_name_in_use_is_refused_unless_replacing_it_is_asked(server: LiveServer) -> None:
    """GIVEN kiosk-1 enrolled and working
    WHEN an admin asks for a code under its name
    THEN it is refused and kiosk-1 goes on; asked again with replace, the code is made, and kiosk-1
    stops once the new device uses it."""
    before, entries = device_rows(server), len(audit(server))
    r = server.call("POST", "/devices", "admin", json={"kind": "kiosk", "name": "kiosk-1"})
    assert (r.status_code, error_code(r)) == (409, "device_name_taken")
    assert device_rows(server) == before and len(audit(server)) == entries
    assert server.issue("kk").status_code == 201

    r = server.call("POST", "/devices", "admin", json={"kind": "display", "name": "kiosk-1", "replace": True})
    assert (r.status_code, error_code(r)) == (409, "device_name_taken")  # a kiosk's token never turns a board's
    assert device_rows(server) == before and server.issue("kk").status_code == 201
    r = server.call("POST", "/devices", "admin", json={"kind": "kiosk", "name": "kiosk-1", "replace": True})
    assert r.status_code == 201 and r.json()["replaces"] is True
    assert server.issue("kk").status_code == 201  # until the code is used
    assert enrol(server, r.json()["code"]).status_code == 200
    r = server.issue("kk")
    assert (r.status_code, error_code(r)) == (401, "invalid_token")

    pending = server.call("POST", "/devices", "admin", json={"kind": "display", "name": "Papan Baru"})
    assert pending.status_code == 201
    r = server.call("POST", "/devices", "admin", json={"kind": "display", "name": "Papan Baru"})
    assert (r.status_code, error_code(r)) == (409, "device_name_taken")  # its code is not used yet
    assert enrol(server, pending.json()["code"]).status_code == 200


def test_bad_device_requests_are_refused_and_change_nothing(server: LiveServer) -> None:
    before, entries = device_rows(server), len(audit(server))
    for body in ({"kind": "printer", "name": "x"}, {"kind": "kiosk", "name": ""}, {"kind": "kiosk", "name": "   "},
                 {"kind": "kiosk", "name": "a" * 81}):
        r = server.call("POST", "/devices", "admin", json=body)
        assert r.status_code == 422, (body, r.text)
    for method, path, body in (("PUT", "/devices/999999/name", {"name": "baru"}),
                               ("POST", "/devices/999999/lock", None), ("POST", "/devices/999999/unlock", None),
                               ("POST", "/devices/999999/revoke", None)):
        r = server.call(method, path, "admin", json=body)
        assert (r.status_code, error_code(r)) == (404, "device_not_found"), path
    assert device_rows(server) == before and len(audit(server)) == entries


def test_a_rename_holds_against_the_name_in_the_devices_own_setup(server: LiveServer) -> None:
    """GIVEN kiosk-1, whose setup reports the name kiosk-1 in every heartbeat
    WHEN the office renames it "Kiosk Pintu Utara"
    THEN its next heartbeats keep the office's name (the reply tells the kiosk), a name another device
    has is refused, and the rename is audited and announced."""
    beat = {"printer_state": "online", "paper": "ok", "name": "kiosk-1"}
    assert server.call("POST", "/devices/heartbeat", "kiosk", json=beat).json()["name"] == "kiosk-1"
    kiosk = device_id(server, "kiosk-1")
    r = server.call("PUT", f"/devices/{kiosk}/name", "admin", json={"name": "Kiosk Pintu Utara"})
    assert r.status_code == 200 and r.json() == {"id": kiosk, "name": "Kiosk Pintu Utara", "kind": "kiosk"}
    reply = server.call("POST", "/devices/heartbeat", "kiosk", json=beat)
    assert reply.status_code == 200 and reply.json()["name"] == "Kiosk Pintu Utara"
    assert "Kiosk Pintu Utara" in listed(server)

    r = server.call("PUT", f"/devices/{kiosk}/name", "admin", json={"name": "display-1"})
    assert (r.status_code, error_code(r)) == (409, "device_name_taken")
    entry = audit(server)[-1]
    assert (entry.kind, entry.detail) == ("device.renamed", {"from": "kiosk-1", "to": "Kiosk Pintu Utara"})
    with server.services.db.read() as conn:
        announced = [e.data for e in conn.execute(select(events).where(events.c.type == "device.state")).all()]
    assert {"device": "Kiosk Pintu Utara", "renamed_from": "kiosk-1"}.items() <= announced[-1].items()


def test_a_supervisor_locks_and_unlocks_a_kiosk_and_only_an_admin_revokes(server: LiveServer) -> None:
    kiosk = device_id(server, "kiosk-1")
    r = server.call("POST", f"/devices/{kiosk}/lock", "super")
    assert r.status_code == 200
    r = server.issue("kk")
    assert (r.status_code, error_code(r)) == (403, "device_locked")
    assert listed(server)["kiosk-1"]["locked"] is True
    assert server.call("POST", f"/devices/{kiosk}/unlock", "super").status_code == 200
    assert server.issue("kk").status_code == 201

    r = server.call("POST", f"/devices/{kiosk}/revoke", "super")
    assert (r.status_code, error_code(r)) == (403, "forbidden")
    assert server.issue("kk").status_code == 201
    assert server.call("POST", f"/devices/{kiosk}/revoke", "admin").status_code == 200
    r = server.issue("kk")
    assert (r.status_code, error_code(r)) == (401, "invalid_token")
    kinds = [(e.kind, e.actor) for e in audit(server)[-3:]]
    assert kinds == [("device.locked", "super"), ("device.unlocked", "super"), ("device.revoked", "admin")]


def test_the_list_carries_each_devices_last_heartbeat(server: LiveServer) -> None:
    beat = {"printer_state": "offline", "paper": "near_end", "version": "2.3.1", "last_error": "kertas macet"}
    assert server.call("POST", "/devices/heartbeat", "kiosk", json=beat).status_code == 200
    kiosk = listed(server)["kiosk-1"]
    assert (kiosk["printer_state"], kiosk["paper"], kiosk["version"], kiosk["last_error"]) == (
        "offline", "near_end", "2.3.1", "kertas macet")
    assert datetime.fromisoformat(kiosk["last_seen_at"]) == server.clock.now()
    assert kiosk["silent"] is False and kiosk["enrolled"] is True and kiosk["enrol_code_expires_at"] is None
