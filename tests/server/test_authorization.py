"""Who may call what, over real HTTP: every route of the app against every kind of caller, plus
token expiry, renewal, revocation, the login lock, and what the public QR link may reveal."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.routing import iter_route_contexts

from core.wire import ErrorCode
from server.app import create_app
from server.auth import PRODUCTION_COST, Role
from server.errors import ApiError
from tests.console.access import CONSOLE_ACCESS
from tests.support.server import PASSWORD, LiveServer, live_server

KIOSK, DISPLAY, STAFF, SUPER, ADMIN, SURVEY = "kiosk", "display", "staff", "super", "admin", "survey"
ROLES = (KIOSK, DISPLAY, STAFF, SUPER, ADMIN, SURVEY)
EVERYONE = frozenset(ROLES)
OFFICERS = frozenset({STAFF, SUPER, ADMIN})
MANAGERS = frozenset({SUPER, ADMIN})
ADMINS = frozenset({ADMIN})
PUBLIC = None  # anyone, with or without a token

# What each caller needs, from the blueprint. A route missing here fails the completeness test.
ACCESS: dict[tuple[str, str], frozenset[str] | None] = {
    ("GET", "/api/v1/openapi.json"): PUBLIC,
    ("GET", "/api/v1/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/api/v1/health"): PUBLIC,
    ("POST", "/api/v1/auth/login"): PUBLIC,
    ("POST", "/api/v1/devices/enroll"): PUBLIC,
    ("GET", "/api/v1/tickets/status/{token}"): PUBLIC,
    ("GET", "/t/{token}"): PUBLIC,
    ("PUT", "/api/v1/tickets/status/{token}/contact"): PUBLIC,
    ("DELETE", "/api/v1/tickets/status/{token}/contact"): PUBLIC,
    ("GET", "/t/{token}/whatsapp"): PUBLIC,
    ("POST", "/t/{token}/whatsapp"): PUBLIC,
    ("POST", "/api/v1/auth/renew"): OFFICERS,
    ("POST", "/api/v1/auth/logout"): OFFICERS,
    ("POST", "/api/v1/auth/password"): OFFICERS,
    ("GET", "/api/v1/catalog"): EVERYONE,
    ("GET", "/api/v1/events"): EVERYONE,
    ("POST", "/api/v1/devices/heartbeat"): frozenset({KIOSK, DISPLAY, SURVEY}),
    ("GET", "/api/v1/devices"): MANAGERS,
    ("GET", "/api/v1/reports/daily"): MANAGERS,
    ("POST", "/api/v1/tickets"): frozenset({KIOSK}) | MANAGERS,
    ("POST", "/api/v1/tickets/{ticket_id}/print-result"): frozenset({KIOSK}) | MANAGERS,
    ("GET", "/api/v1/tickets/lookup"): frozenset({KIOSK}) | OFFICERS,
    ("GET", "/api/v1/tickets/{ticket_id}"): frozenset({KIOSK}) | OFFICERS,
    ("POST", "/api/v1/tickets/{ticket_id}/start"): OFFICERS,
    ("POST", "/api/v1/tickets/{ticket_id}/finish"): OFFICERS,
    ("POST", "/api/v1/tickets/{ticket_id}/no-show"): OFFICERS,
    ("POST", "/api/v1/tickets/{ticket_id}/cancel"): OFFICERS,
    ("POST", "/api/v1/tickets/{ticket_id}/requeue"): OFFICERS,
    ("POST", "/api/v1/tickets/{ticket_id}/transfer"): OFFICERS,
    ("GET", "/api/v1/counters"): frozenset({DISPLAY}) | OFFICERS,
    ("GET", "/api/v1/calls/recent"): frozenset({DISPLAY}) | OFFICERS,
    ("POST", "/api/v1/counters/{counter_id}/open"): OFFICERS,
    ("POST", "/api/v1/counters/{counter_id}/close"): OFFICERS,
    ("POST", "/api/v1/counters/{counter_id}/call-next"): OFFICERS,
    ("POST", "/api/v1/counters/{counter_id}/recall"): OFFICERS,
    ("POST", "/api/v1/counters/{counter_id}/pause"): OFFICERS,
    ("POST", "/api/v1/counters/{counter_id}/resume"): OFFICERS,
    ("GET", "/api/v1/counters/{counter_id}/queue"): OFFICERS,
    ("GET", "/api/v1/staff"): ADMINS,
    ("POST", "/api/v1/staff"): ADMINS,
    ("POST", "/api/v1/staff/{username}/password-reset"): ADMINS,
    ("PUT", "/api/v1/staff/{username}/role"): ADMINS,
    ("POST", "/api/v1/staff/{username}/disable"): ADMINS,
    ("POST", "/api/v1/staff/{username}/enable"): ADMINS,
    ("POST", "/api/v1/devices"): ADMINS,
    ("PUT", "/api/v1/devices/{device_id}/name"): ADMINS,
    ("POST", "/api/v1/devices/{device_id}/lock"): MANAGERS,
    ("POST", "/api/v1/devices/{device_id}/unlock"): MANAGERS,
    ("POST", "/api/v1/devices/{device_id}/revoke"): ADMINS,
    ("GET", "/api/v1/today"): MANAGERS,
    ("PUT", "/api/v1/today/services/{service_id}/closed"): MANAGERS,
    ("DELETE", "/api/v1/today/services/{service_id}/closed"): MANAGERS,
    ("PUT", "/api/v1/today/services/{service_id}/quota"): MANAGERS,
    ("DELETE", "/api/v1/today/services/{service_id}/quota"): MANAGERS,
    ("PUT", "/api/v1/today/agencies/{agency_id}/stopped"): MANAGERS,
    ("DELETE", "/api/v1/today/agencies/{agency_id}/stopped"): MANAGERS,
    ("PUT", "/api/v1/today/running-text"): MANAGERS,
    ("DELETE", "/api/v1/today/running-text"): MANAGERS,
    ("GET", "/api/v1/audit"): MANAGERS,
    ("GET", "/api/v1/hall"): MANAGERS,
    ("GET", "/api/v1/me/day"): OFFICERS,
    ("GET", "/api/v1/catalog/versions"): ADMINS,
    ("GET", "/api/v1/catalog/versions/{version}"): ADMINS,
    ("POST", "/api/v1/catalog/versions/{version}/restore"): ADMINS,
    ("GET", "/api/v1/catalog/export"): ADMINS,
    ("POST", "/api/v1/catalog/import"): ADMINS,
    ("GET", "/api/v1/notifications"): MANAGERS,
    ("POST", "/api/v1/notifications/{row_id}/retry"): MANAGERS,
    ("POST", "/api/v1/notifications/check"): ADMINS,
    ("GET", "/api/v1/reports/queue"): MANAGERS,
    ("GET", "/api/v1/reports/queue/file"): MANAGERS,
    ("GET", "/api/v1/survey/ticket/{token}"): PUBLIC,
    ("GET", "/api/v1/survey/code/{code}"): frozenset({KIOSK, SURVEY}),
    ("GET", "/api/v1/survey/loket/{loket_id}"): frozenset({SURVEY}),
    ("POST", "/api/v1/survey"): PUBLIC,
    ("POST", "/t/{token}/survey"): PUBLIC,
    ("GET", "/api/v1/catalog/document"): ADMINS,
    ("PUT", "/api/v1/catalog"): ADMINS,
    ("GET", "/api/v1/skm"): MANAGERS,
    ("GET", "/api/v1/skm/report"): MANAGERS,
    ("GET", "/api/v1/skm/actions"): MANAGERS,
    ("POST", "/api/v1/skm/actions"): MANAGERS,
    ("PATCH", "/api/v1/skm/actions/{action_id}"): MANAGERS,
    ("GET", "/api/v1/bookings/services"): PUBLIC,
    ("GET", "/api/v1/bookings/days"): PUBLIC,
    ("GET", "/api/v1/bookings"): MANAGERS,
    ("POST", "/api/v1/bookings"): PUBLIC,
    ("POST", "/api/v1/bookings/check-in"): frozenset({KIOSK}) | OFFICERS,
    ("GET", "/api/v1/bookings/{token}"): PUBLIC,
    ("POST", "/api/v1/bookings/{token}/cancel"): PUBLIC,
    ("GET", "/booking"): PUBLIC,
    ("POST", "/booking"): PUBLIC,
    ("GET", "/booking/{token}"): PUBLIC,
    ("GET", "/booking/{token}/cancel"): PUBLIC,
    ("POST", "/booking/{token}/cancel"): PUBLIC,
    ("GET", "/booking/{rest:path}"): PUBLIC,
}
PROTECTED = [route for route, roles in ACCESS.items() if roles is not PUBLIC]

MISSING_TICKET = 999_999
MISSING_COUNTER = 99
MISSING_DEVICE = 999_999
MISSING_USER = "tidak-ada"


@dataclass(frozen=True)
class Scene:
    """One real ticket issued by the kiosk, for the routes that need a real id or QR token."""

    ticket_id: int
    code: str
    token: str


@dataclass
class Probe:
    """A request that an allowed caller makes with success, or with a plain 404 for an id that
    does not exist (which still proves the door opened: the role check runs before the handler)."""

    expect: int
    path: dict[str, Any] = field(default_factory=dict)
    params: dict[str, str] | None = None
    body: Callable[[LiveServer], Any] | None = None
    headers: Callable[[], dict[str, str]] | None = None
    spends_token: bool = False  # the request revokes its caller's token: probe with a fresh one


def _fresh_enrollment(hall: LiveServer) -> dict[str, str]:
    return {"code": hall.services.accounts.create_enrollment(Role.KIOSK, f"kiosk-{uuid.uuid4().hex[:8]}")}


def _new_key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def _probes(scene: Scene) -> dict[tuple[str, str], Probe]:
    real = {"ticket_id": scene.ticket_id}
    missing = {"ticket_id": MISSING_TICKET}
    loket = {"counter_id": MISSING_COUNTER}
    p = "/api/v1"
    probes = {
        ("GET", f"{p}/openapi.json"): Probe(200),
        ("GET", f"{p}/docs"): Probe(200),
        ("GET", "/docs/oauth2-redirect"): Probe(200),
        ("GET", f"{p}/health"): Probe(200),
        ("POST", f"{p}/auth/login"): Probe(200, body=lambda h: {"username": "staff2", "password": PASSWORD}),
        ("POST", f"{p}/devices/enroll"): Probe(200, body=_fresh_enrollment),
        ("GET", f"{p}/tickets/status/{{token}}"): Probe(200, path={"token": scene.token}),
        ("GET", "/t/{token}"): Probe(200, path={"token": scene.token}),
        # The test server sends no messages: the number is refused, nothing stored; taking back none is no change.
        ("PUT", f"{p}/tickets/status/{{token}}/contact"): Probe(409, path={"token": scene.token},
                                                                body=lambda h: {"phone": "081234567890",
                                                                                "consent": True}),
        ("DELETE", f"{p}/tickets/status/{{token}}/contact"): Probe(200, path={"token": scene.token}),
        ("GET", "/t/{token}/whatsapp"): Probe(200, path={"token": scene.token}),
        ("POST", "/t/{token}/whatsapp"): Probe(403, path={"token": scene.token}),   # no form mark
        ("POST", f"{p}/auth/renew"): Probe(200),
        ("POST", f"{p}/auth/logout"): Probe(200, spends_token=True),
        # The same password again: refused, so the probe changes nothing.
        ("POST", f"{p}/auth/password"): Probe(422, body=lambda h: {"current_password": PASSWORD,
                                                                    "new_password": PASSWORD}),
        ("GET", f"{p}/catalog"): Probe(200),
        ("GET", f"{p}/events"): Probe(200),
        ("POST", f"{p}/devices/heartbeat"): Probe(200, body=lambda h: {"printer_state": "online", "paper": "ok"}),
        ("GET", f"{p}/devices"): Probe(200),
        ("GET", f"{p}/reports/daily"): Probe(200),
        ("POST", f"{p}/tickets"): Probe(201, body=lambda h: {"service_id": "kk"}, headers=_new_key),
        ("POST", f"{p}/tickets/{{ticket_id}}/print-result"): Probe(200, path=real,
                                                                    body=lambda h: {"status": "printed"}),
        ("GET", f"{p}/tickets/lookup"): Probe(200, params={"code": scene.code}),
        ("GET", f"{p}/tickets/{{ticket_id}}"): Probe(200, path=real),
        ("POST", f"{p}/tickets/{{ticket_id}}/transfer"): Probe(404, path=missing,
                                                                body=lambda h: {"service_id": "kk"}),
        ("GET", f"{p}/counters"): Probe(200),
        ("GET", f"{p}/calls/recent"): Probe(200),
        ("GET", f"{p}/hall"): Probe(200),
        ("GET", f"{p}/me/day"): Probe(200),
        ("POST", f"{p}/counters/{{counter_id}}/pause"): Probe(404, path=loket, body=lambda h: {"reason": "rapat"}),
    }
    for action in ("start", "finish", "no-show", "cancel", "requeue"):
        probes[("POST", f"{p}/tickets/{{ticket_id}}/{action}")] = Probe(404, path=missing)
    for action in ("open", "close", "call-next", "recall", "resume"):
        probes[("POST", f"{p}/counters/{{counter_id}}/{action}")] = Probe(404, path=loket)
    probes[("GET", f"{p}/counters/{{counter_id}}/queue")] = Probe(404, path=loket)
    nobody = {"username": MISSING_USER}
    probes[("GET", f"{p}/staff")] = Probe(200)
    probes[("POST", f"{p}/staff")] = Probe(201, body=lambda h: {"username": f"baru-{uuid.uuid4().hex[:8]}",
                                                                "role": "staff"})
    probes[("POST", f"{p}/staff/{{username}}/password-reset")] = Probe(404, path=nobody)
    probes[("PUT", f"{p}/staff/{{username}}/role")] = Probe(404, path=nobody, body=lambda h: {"role": "staff"})
    for action in ("disable", "enable"):
        probes[("POST", f"{p}/staff/{{username}}/{action}")] = Probe(404, path=nobody)
    probes[("POST", f"{p}/devices")] = Probe(201, body=lambda h: {"kind": "kiosk",
                                                                  "name": f"kiosk-{uuid.uuid4().hex[:8]}"})
    gone = {"device_id": MISSING_DEVICE}
    probes[("PUT", f"{p}/devices/{{device_id}}/name")] = Probe(404, path=gone, body=lambda h: {"name": "baru"})
    for action in ("lock", "unlock", "revoke"):
        probes[("POST", f"{p}/devices/{{device_id}}/{action}")] = Probe(404, path=gone)
    # Today's switches on a service or agency that does not exist: refused, so no probe closes one.
    no_service, no_agency = {"service_id": "tidak-ada"}, {"agency_id": "tidak-ada"}
    probes[("GET", f"{p}/today")] = Probe(200)
    probes[("PUT", f"{p}/today/services/{{service_id}}/closed")] = Probe(404, path=no_service,
                                                                         body=lambda h: {"note": "rapat"})
    probes[("DELETE", f"{p}/today/services/{{service_id}}/closed")] = Probe(404, path=no_service)
    probes[("PUT", f"{p}/today/services/{{service_id}}/quota")] = Probe(404, path=no_service,
                                                                        body=lambda h: {"quota": 10})
    probes[("DELETE", f"{p}/today/services/{{service_id}}/quota")] = Probe(404, path=no_service)
    probes[("PUT", f"{p}/today/agencies/{{agency_id}}/stopped")] = Probe(404, path=no_agency)
    probes[("DELETE", f"{p}/today/agencies/{{agency_id}}/stopped")] = Probe(404, path=no_agency)
    probes[("PUT", f"{p}/today/running-text")] = Probe(200, body=lambda h: {"text": "Selamat datang"})
    probes[("DELETE", f"{p}/today/running-text")] = Probe(200)
    probes[("GET", f"{p}/audit")] = Probe(200)
    # Catalog versions: a version that does not exist, and a file that is no catalog, so no probe stores one.
    no_version = {"version": 999_999}
    probes[("GET", f"{p}/catalog/versions")] = Probe(200)
    probes[("GET", f"{p}/catalog/versions/{{version}}")] = Probe(404, path=no_version)
    probes[("POST", f"{p}/catalog/versions/{{version}}/restore")] = Probe(404, path=no_version)
    probes[("GET", f"{p}/catalog/export")] = Probe(200)
    probes[("POST", f"{p}/catalog/import")] = Probe(422, body=lambda h: {"not": "a catalog"})
    # No message 999,999; the test server has no channels, so no test message is written.
    probes[("GET", f"{p}/notifications")] = Probe(200)
    probes[("POST", f"{p}/notifications/{{row_id}}/retry")] = Probe(404, path={"row_id": 999_999})
    probes[("POST", f"{p}/notifications/check")] = Probe(409, body=lambda h: {"channel": "webhook"})
    today = {"from": "2026-11-23", "to": "2026-11-23"}
    probes[("GET", f"{p}/reports/queue")] = Probe(200, params=today)
    probes[("GET", f"{p}/reports/queue/file")] = Probe(200, params={**today, "format": "csv"})
    # The survey: the scene's ticket is still waiting, and a ref this server never gave stores nothing.
    probes[("GET", f"{p}/survey/ticket/{{token}}")] = Probe(409, path={"token": scene.token})
    probes[("GET", f"{p}/survey/code/{{code}}")] = Probe(409, path={"code": scene.code})
    probes[("GET", f"{p}/survey/loket/{{loket_id}}")] = Probe(404, path={"loket_id": MISSING_COUNTER})
    probes[("POST", f"{p}/survey")] = Probe(422, body=lambda h: {"ref": "1.not-ours", "answers": {}})
    probes[("POST", "/t/{token}/survey")] = Probe(403, path={"token": scene.token})   # no form mark
    probes[("GET", f"{p}/catalog/document")] = Probe(200)
    probes[("PUT", f"{p}/catalog")] = Probe(422, body=lambda h: {"document": {"site": {}}})
    # The SKM: an action for an agency that does not exist and one that is not there, so no probe adds one.
    probes[("GET", f"{p}/skm")] = Probe(200)
    probes[("GET", f"{p}/skm/report")] = Probe(200, params={"format": "csv"})
    probes[("GET", f"{p}/skm/actions")] = Probe(200)
    probes[("POST", f"{p}/skm/actions")] = Probe(404, body=lambda h: {
        "period_from": "2026-07-01", "period_to": "2026-12-31", "unsur": "waktu", "agency_id": "tidak-ada",
        "what": "Tambah petugas", "who": "Koordinator", "due": "2027-01-31"})
    probes[("PATCH", f"{p}/skm/actions/{{action_id}}")] = Probe(404, path={"action_id": 999_999},
                                                                 body=lambda h: {"status": "done"})
    # Bookings: a service that takes none, a code and a token no booking has, so no probe makes or ends one.
    probes[("GET", f"{p}/bookings/services")] = Probe(200)
    probes[("GET", f"{p}/bookings/days")] = Probe(200, params={"service_id": "paspor", "date": "2026-11-24"})
    probes[("GET", f"{p}/bookings")] = Probe(200, params={"date": "2026-11-23"})
    probes[("POST", f"{p}/bookings")] = Probe(409, body=lambda h: {
        "service_id": "kk", "date": "2026-11-24", "slot": "09:00", "nik": "3604011709900001"})
    probes[("POST", f"{p}/bookings/check-in")] = Probe(404, body=lambda h: {"code": "000000000",
                                                                             "nik_last4": "0001"},
                                                       headers=_new_key)
    probes[("GET", f"{p}/bookings/{{token}}")] = Probe(404, path={"token": "tidak-ada"})
    probes[("POST", f"{p}/bookings/{{token}}/cancel")] = Probe(404, path={"token": "tidak-ada"})
    # The booking page: its forms without their marks, a token no booking has, an address under it that is none.
    probes[("GET", "/booking")] = Probe(200)
    probes[("POST", "/booking")] = Probe(403)
    probes[("GET", "/booking/{token}")] = Probe(404, path={"token": "tidak-ada"})
    probes[("GET", "/booking/{token}/cancel")] = Probe(404, path={"token": "tidak-ada"})
    probes[("POST", "/booking/{token}/cancel")] = Probe(403, path={"token": "tidak-ada"})
    probes[("GET", "/booking/{rest:path}")] = Probe(404, path={"rest": "tidak/ada"})
    return probes


def send(hall: LiveServer, scene: Scene, route: tuple[str, str], authorization: str | None) -> tuple[int, Any]:
    """Make the route's probe request; returns the status and the JSON body (None if not JSON)."""
    method, template = route
    probe = _probes(scene)[route]
    headers = probe.headers() if probe.headers else {}
    if authorization is not None:
        headers["Authorization"] = _fresh_if_spent(hall, probe, authorization)
    body = probe.body(hall) if probe.body else None
    url = hall.url + template.replace(":path}", "}").format(**probe.path)
    # stream=True so that an allowed GET /events (an endless stream) returns as soon as it starts.
    with requests.request(method, url, json=body, params=probe.params, headers=headers,
                          timeout=10, stream=True) as r:
        if r.headers.get("content-type", "").startswith("application/json"):
            return r.status_code, r.json()
        return r.status_code, None


def _fresh_if_spent(hall: LiveServer, probe: Probe, authorization: str) -> str:
    """A staff member's own token is shared by the whole matrix; a probe that spends it (a logout
    ends every sign-in of its officer) signs in a new officer of the same role instead."""
    roles = {"staff1": Role.STAFF, "staff2": Role.STAFF, "super": Role.SUPERVISOR, "admin": Role.ADMIN}
    users = {f"Bearer {hall.tokens[name]}": role for name, role in roles.items()}
    if not probe.spends_token or authorization not in users:
        return authorization
    spare = f"spare-{uuid.uuid4().hex[:8]}"
    hall.services.accounts.add_user(spare, PASSWORD, users[authorization])
    return f"Bearer {hall.login(spare)}"


def assert_error(status: int, body: Any, expected_status: int, code: str) -> dict:
    assert status == expected_status, body
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "params", "request_id"}, body
    assert body["error"]["code"] == code, body
    return body["error"]


def route_id(route: tuple[str, str]) -> str:
    return f"{route[0]} {route[1]}"


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the whole matrix: each probe is answered before it changes anything the
    next probe depends on, and none of them moves the clock."""
    with live_server(Path(tmp_path_factory.mktemp("authz"))) as live:
        live.tokens[SURVEY] = live.enroll("survey", "survey-1")
        yield live


@pytest.fixture(scope="module")
def scene(hall: LiveServer) -> Scene:
    r = hall.issue("kk")
    assert r.status_code == 201, r.text
    t = r.json()
    return Scene(ticket_id=t["id"], code=t["code"], token=t["token"])


# ----------------------------------------------------------------------------- the matrix

def test_every_route_of_the_app_has_an_access_rule(hall: LiveServer, scene: Scene) -> None:
    app = create_app(hall.services)
    routes = {(method, rc.path) for rc in iter_route_contexts(app.routes)
              for method in (rc.methods or ()) if method != "HEAD"}
    pages = {route for route in routes if route[1] == "/console" or route[1].startswith("/console/")}
    assert routes - pages - set(ACCESS) == set(), "new routes need a row in ACCESS"
    assert set(ACCESS) - routes == set(), "ACCESS names routes the app no longer has"
    # The console's pages sign in with a cookie: their rows, checked in tests/console/test_access.py.
    assert pages == set(CONSOLE_ACCESS), "console routes need a row in tests/console/access.py"
    assert set(_probes(scene)) == set(ACCESS)


@pytest.mark.parametrize("route", PROTECTED, ids=route_id)
def test_protected_route_refuses_a_caller_without_a_valid_token(hall: LiveServer, scene: Scene,
                                                                 route: tuple[str, str]) -> None:
    assert_error(*send(hall, scene, route, None), 401, "unauthorized")
    assert_error(*send(hall, scene, route, "Basic c3RhZmYxOnJhaGFzaWE="), 401, "unauthorized")
    assert_error(*send(hall, scene, route, "Bearer not-a-real-token"), 401, "invalid_token")
    # Shaped like real tokens of both kinds, but never issued.
    assert_error(*send(hall, scene, route, "Bearer stf_" + "x" * 43), 401, "invalid_token")
    assert_error(*send(hall, scene, route, "Bearer dev_" + "x" * 43), 401, "invalid_token")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", list(ACCESS), ids=route_id)
def test_each_role_reaches_exactly_its_routes(hall: LiveServer, scene: Scene, route: tuple[str, str],
                                              role: str) -> None:
    allowed = ACCESS[route]
    status, body = send(hall, scene, route, f"Bearer {hall.tokens[role]}")
    if allowed is PUBLIC or role in allowed:
        assert status == _probes(scene)[route].expect, (status, body)
    else:
        err = assert_error(status, body, 403, "forbidden")
        assert err["params"]["role"] == {"super": "supervisor"}.get(role, role)


@pytest.mark.parametrize("route", [r for r, roles in ACCESS.items() if roles is PUBLIC], ids=route_id)
def test_public_route_answers_without_a_token_and_ignores_a_bad_one(hall: LiveServer, scene: Scene,
                                                                   route: tuple[str, str]) -> None:
    expect = _probes(scene)[route].expect
    assert send(hall, scene, route, None)[0] == expect
    assert send(hall, scene, route, "Bearer not-a-real-token")[0] == expect


def test_a_refused_role_changes_nothing(hall: LiveServer) -> None:
    """GIVEN a display, which may watch but not act
    WHEN it tries to issue a ticket and open a loket
    THEN both are refused and neither the day's count nor the loket moved."""
    before = hall.call("GET", "/reports/daily", SUPER).json()["total_issued"]
    assert hall.issue("kk", role=DISPLAY).status_code == 403
    assert hall.call("POST", "/counters/1/open", DISPLAY).status_code == 403
    assert hall.call("GET", "/reports/daily", SUPER).json()["total_issued"] == before
    loket = next(c for c in hall.call("GET", "/counters", DISPLAY).json() if c["id"] == 1)
    assert loket["state"] == "closed" and loket["staff"] is None


# ----------------------------------------------------------------------------- tokens over time

def test_a_revoked_device_token_is_refused(server: LiveServer) -> None:
    assert server.call("GET", "/catalog", KIOSK).status_code == 200
    assert server.services.accounts.revoke("kiosk-1")
    r = server.call("GET", "/catalog", KIOSK)
    assert_error(r.status_code, r.json(), 401, "invalid_token")
    r = server.issue("kk")
    assert_error(r.status_code, r.json(), 401, "invalid_token")
    assert server.call("GET", "/catalog", DISPLAY).status_code == 200  # only that device


def test_a_staff_token_expires_after_eight_hours(server: LiveServer) -> None:
    server.clock.advance(hours=7, minutes=59)
    assert server.call("GET", "/counters", STAFF).status_code == 200
    server.clock.advance(minutes=1)
    r = server.call("GET", "/counters", STAFF)
    assert_error(r.status_code, r.json(), 401, "invalid_token")
    r = server.call("POST", "/auth/renew", STAFF)  # too late to renew: sign in again
    assert_error(r.status_code, r.json(), 401, "invalid_token")
    assert server.login("staff1")


def test_renewing_before_expiry_gives_a_new_token_that_outlives_the_old(server: LiveServer) -> None:
    """GIVEN a counter app signed in at 09.00
    WHEN it renews at 16.30, before the 8 hours run out
    THEN the new token works past 17.00, until 21.00 (12 hours from the login: a renewal never
    makes a sign-in last longer), and the old one stops."""
    old = server.tokens[STAFF]
    signed_in = server.clock.now()
    server.clock.advance(hours=7, minutes=30)
    r = server.call("POST", "/auth/renew", STAFF)
    assert r.status_code == 200, r.text
    renewed = r.json()
    assert renewed["token"] != old and renewed["username"] == "staff1" and renewed["role"] == "staff"
    assert datetime.fromisoformat(renewed["expires_at"]) == signed_in + timedelta(hours=12)
    new_auth = {"Authorization": f"Bearer {renewed['token']}"}

    server.clock.advance(minutes=45)  # past the first token's 8 hours
    assert server.call("GET", "/counters", headers=new_auth).status_code == 200
    r = server.call("GET", "/counters", STAFF)
    assert_error(r.status_code, r.json(), 401, "invalid_token")

    server.clock.advance(hours=3, minutes=44)
    assert server.call("GET", "/counters", headers=new_auth).status_code == 200
    server.clock.advance(minutes=1)
    assert server.call("GET", "/counters", headers=new_auth).status_code == 401


def test_the_old_token_keeps_working_briefly_after_a_renewal(server: LiveServer) -> None:
    """A request already in flight with the old token must not fail the moment it is renewed."""
    assert server.call("POST", "/auth/renew", STAFF).status_code == 200
    assert server.call("GET", "/counters", STAFF).status_code == 200
    server.clock.advance(minutes=3)
    assert server.call("GET", "/counters", STAFF).status_code == 401


def test_a_renewed_token_cannot_be_renewed_again_nor_outlive_its_grace(server: LiveServer) -> None:
    """GIVEN a token that has been renewed once
    WHEN it asks for renewal again within its two minutes of grace
    THEN it is refused, and its grace was not stretched: it stops two minutes after the renewal."""
    assert server.call("POST", "/auth/renew", STAFF).status_code == 200
    server.clock.advance(minutes=1)
    r = server.call("POST", "/auth/renew", STAFF)
    assert_error(r.status_code, r.json(), 401, "token_renewed")
    server.clock.advance(minutes=1)
    r = server.call("GET", "/counters", STAFF)
    assert_error(r.status_code, r.json(), 401, "invalid_token")


def test_logging_out_with_a_renewed_token_ends_the_earlier_one_too(server: LiveServer) -> None:
    """GIVEN a sign-in renewed once (its first token still in its two minutes of grace)
    WHEN the counter app logs out with the new token
    THEN the first token is refused at once as well, for requests and for renewal, and so is
    the officer's other sign-in."""
    first = {"Authorization": f"Bearer {server.login('staff1')}"}
    second = {"Authorization": f"Bearer {server.call('POST', '/auth/renew', headers=first).json()['token']}"}
    assert server.call("GET", "/counters", headers=first).status_code == 200  # in its grace
    assert server.call("POST", "/auth/logout", headers=second).status_code == 200
    for auth in (first, second):
        for method, path in (("GET", "/counters"), ("POST", "/auth/renew")):
            r = server.call(method, path, headers=auth)
            assert_error(r.status_code, r.json(), 401, "invalid_token")
    r = server.call("GET", "/counters", STAFF)  # staff1's other sign-in
    assert_error(r.status_code, r.json(), 401, "invalid_token")


# ----------------------------------------------------------------------------- login lock

def _login(server: LiveServer, username: str, password: str) -> requests.Response:
    return server.call("POST", "/auth/login", json={"username": username, "password": password})


def test_logging_out_ends_every_sign_in_of_that_officer_and_no_one_else(server: LiveServer) -> None:
    """GIVEN staff1 signed in at two counter PCs, and staff2 at a third
    WHEN staff1 logs out at one of them
    THEN both of staff1's tokens are refused at once, renewal included; staff2 still works."""
    here, there = server.login("staff1"), server.login("staff1")
    r = server.http.post(f"{server.api}/auth/logout", headers={"Authorization": f"Bearer {here}"}, timeout=10)
    assert r.status_code == 200 and r.json() == {"status": "logged_out"}
    for token in (here, there):
        for method, path in (("GET", "/counters"), ("POST", "/auth/renew"), ("POST", "/auth/logout")):
            r = server.http.request(method, f"{server.api}{path}", headers={"Authorization": f"Bearer {token}"},
                                    timeout=10)
            assert_error(r.status_code, r.json(), 401, "invalid_token")
    assert server.call("GET", "/counters", "staff2").status_code == 200


def test_five_wrong_passwords_lock_the_login_for_five_minutes(server: LiveServer) -> None:
    for _ in range(5):
        r = _login(server, "staff1", "salah-sandi")
        assert_error(r.status_code, r.json(), 401, "bad_credentials")
    r = _login(server, "staff1", PASSWORD)  # even the right password now waits
    err = assert_error(r.status_code, r.json(), 429, "login_locked")
    assert datetime.fromisoformat(err["params"]["until"]) == server.clock.now() + timedelta(minutes=5)
    assert _login(server, "staff2", PASSWORD).status_code == 200  # the lock is per user

    server.clock.advance(minutes=4, seconds=59)
    assert _login(server, "staff1", PASSWORD).status_code == 429
    server.clock.advance(seconds=1)
    r = _login(server, "staff1", PASSWORD)
    assert r.status_code == 200, r.text
    assert server.call("GET", "/counters", headers={"Authorization": f"Bearer {r.json()['token']}"}).ok


def test_a_good_login_clears_the_count_of_wrong_passwords(server: LiveServer) -> None:
    for _ in range(4):
        assert _login(server, "staff1", "salah-sandi").status_code == 401
    assert _login(server, "staff1", PASSWORD).status_code == 200
    for _ in range(4):
        assert _login(server, "staff1", "salah-sandi").status_code == 401
    assert _login(server, "staff1", PASSWORD).status_code == 200


def test_an_unknown_user_and_a_wrong_password_look_the_same(server: LiveServer) -> None:
    a = _login(server, "tidak-ada", "salah-sandi")
    b = _login(server, "staff1", "salah-sandi")
    assert (a.status_code, a.json()["error"]["code"], a.json()["error"]["message"]) == \
           (b.status_code, b.json()["error"]["code"], b.json()["error"]["message"])


def test_an_unknown_name_is_locked_after_five_tries_as_a_real_one_is(server: LiveServer) -> None:
    """Otherwise the sixth try would tell which names belong to staff."""
    for name in ("tidak-ada", "staff2"):
        answers = [_login(server, name, "salah-sandi") for _ in range(6)]
        assert [a.status_code for a in answers] == [401] * 5 + [429], name
        assert answers[-1].json()["error"]["code"] == "login_locked"


@pytest.fixture
def server_at_real_cost(tmp_path: Path) -> Iterator[LiveServer]:
    """Passwords hashed at the production cost: the suite's cheap hashes would hide a skipped one."""
    with live_server(tmp_path, password_cost=PRODUCTION_COST) as live:
        yield live


def test_an_unknown_name_takes_as_long_to_refuse_as_a_wrong_password(server_at_real_cost: LiveServer) -> None:
    """The password is hashed either way (scrypt, tens of ms); a name that skipped it would be
    refused in a fraction of a millisecond and so be told apart. Both refusals over real HTTP, then the
    same sign-in of the running server measured in this process's CPU time (the hash runs in the
    server's password-check thread), which a busy machine does not stretch as it does wall time
    (medians of five)."""
    for name in ("staff1", "tidak-ada"):
        refused = _login(server_at_real_cost, name, "salah-sandi")
        assert (refused.status_code, refused.json()["error"]["code"]) == (401, ErrorCode.BAD_CREDENTIALS), refused.text
    accounts = server_at_real_cost.services.accounts

    def median_cpu_seconds(name: str) -> float:
        times = []
        for _ in range(5):
            start = time.process_time()
            with pytest.raises(ApiError):
                accounts.login(name, "salah-sandi", "203.0.113.9")
            times.append(time.process_time() - start)
        return sorted(times)[len(times) // 2]
    known, unknown = median_cpu_seconds("staff1"), median_cpu_seconds("tidak-ada")
    assert unknown > known / 3, (unknown, known)


# ----------------------------------------------------------------------------- the public QR link

PUBLIC_STATUS_FIELDS = {"code", "service_name", "service_name_en", "agency_name", "agency_name_en", "service_date",
                        "status", "people_ahead", "eta_minutes", "counter", "issued_at",
                        "wait_unknown", "lokets", "transferred",   # the service's, not the citizen's
                        "target_counter",  # the one loket a transfer sent it to; never the transfer's note
                        "booked_for"}      # a checked-in booking's slot time; never its code, token or holder
NIK = "3604015205850007"  # a woman born 12 May 1985 in Kabupaten Serang


def test_the_public_status_reveals_the_queue_position_and_nothing_personal(server: LiveServer) -> None:
    """GIVEN a priority ticket issued with a NIK
    WHEN anyone opens its QR link, as JSON or as the page
    THEN they see the code and the position, never the NIK, its last digits, the token or the issuer."""
    issued = server.issue("ktp", nik=NIK, priority="ibu_hamil")
    assert issued.status_code == 201, issued.text
    token = issued.json()["token"]

    r = requests.get(f"{server.api}/tickets/status/{token}", timeout=10)
    assert r.status_code == 200
    status = r.json()
    assert set(status) == PUBLIC_STATUS_FIELDS
    for secret in ("nik", "nik_last4", "nik_hash", "token", "issuer", "idempotency_key", "request_digest",
                   "id", "priority"):
        assert secret not in status
    assert status["code"] == "A-001" and status["status"] == "waiting"
    page = requests.get(f"{server.url}/t/{token}", timeout=10)
    assert page.status_code == 200 and "A-001" in page.text
    for text in (r.text, page.text, issued.text):
        assert NIK not in text and NIK[-4:] not in text.replace(token, "").replace(server.url, "")
