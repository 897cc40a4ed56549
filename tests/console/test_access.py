"""Every console route against every kind of caller, over real HTTP with the console's cookie; the security
headers on every answer; the origin check; and that the API's bearer routes never take the cookie."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.console.access import ANYONE, CONSOLE_ACCESS, STAFF
from tests.support.server import PASSWORD, LiveServer, live_server

ROLES = (STAFF, "super", "admin")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(Path(tmp_path_factory.mktemp("console-access"))) as live:
        yield live


@dataclass
class Visitor:
    """A browser-like client: its cookies, and the CSRF mark of its sign-in."""

    server: LiveServer
    http: requests.Session
    mark: str = ""

    def get(self, path: str, **kw) -> requests.Response:
        return self.http.get(self.server.url + path, allow_redirects=False, timeout=10, **kw)

    def post(self, path: str, data: dict[str, str], *, origin: str | None = None, with_mark: bool = True,
             headers: dict[str, str] | None = None) -> requests.Response:
        body = {"csrf": self.mark, **data} if with_mark else data
        return self.http.post(self.server.url + path, data=body, allow_redirects=False, timeout=10,
                              headers={"Origin": origin or self.server.url, **(headers or {})})


def _mark(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]*)"', page)
    assert found, page[:500]
    return found.group(1)


def visitor(server: LiveServer, username: str | None) -> Visitor:
    v = Visitor(server, requests.Session())
    if username is None:
        return v
    v.mark = _mark(v.get("/console/login").text)
    signed = v.post("/console/login", {"username": username, "password": PASSWORD})
    assert signed.status_code == 303, signed.text
    v.mark = _mark(v.get("/console/password").text)
    return v


def probe(v: Visitor, route: tuple[str, str]) -> requests.Response:
    """Each route's request: for the allowed, a success or a refusal that changes nothing."""
    method, template = route
    path = template.replace("{rest:path}", "nowhere/at/all").format(code="en", name="console.css", loket_id=1,
                                                                       username="nobody", device_id=999,
                                                                       version=999_999, service_id="kk",
                                                                       row_id=999_999, action_id=999_999)
    if method == "GET" and template == "/console/hall/events":
        with v.http.get(v.server.url + path, stream=True, allow_redirects=False, timeout=10) as r:
            if r.status_code != 200:
                r.content  # noqa: B018 - a refusal is a page: read it; a stream would never end
            return r
    if method == "GET":
        return v.get(path)
    forms = {"/console/login": {"username": "", "password": ""},
             "/console/password": {"current_password": PASSWORD, "new_password": "baru-sekali",
                                   "confirm_password": "lain-sekali"},
             "/console/hall/lokets/{loket_id}": {"action": "close", "reason": ""}}
    return v.http.request(method, v.server.url + path, data={"csrf": v.mark, **forms.get(template, {})},
                          headers={"Origin": v.server.url}, allow_redirects=False, timeout=10)


EXPECTED_ALLOWED = {
    ("GET", "/console"): 303, ("GET", "/console/login"): 303, ("POST", "/console/login"): 403,
    ("GET", "/console/lang/{code}"): 303, ("GET", "/console/static/{name}"): 200,
    ("POST", "/console/logout"): 303, ("GET", "/console/password"): 200, ("POST", "/console/password"): 422,
    ("GET", "/console/me"): 200, ("GET", "/console/hall"): 200, ("GET", "/console/hall/live"): 200,
    ("GET", "/console/hall/events"): 200, ("GET", "/console/hall/lokets/{loket_id}"): 200,
    ("POST", "/console/hall/lokets/{loket_id}"): 422,
    ("GET", "/console/today"): 200, ("POST", "/console/today"): 422,
    # The staff and devices pages: refusals that change nothing (no such user or device, an empty form).
    ("GET", "/console/staff"): 200, ("POST", "/console/staff"): 422, ("GET", "/console/staff/{username}"): 404,
    ("POST", "/console/staff/{username}/password-reset"): 404, ("POST", "/console/staff/{username}/role"): 404,
    ("POST", "/console/staff/{username}/disable"): 404, ("POST", "/console/staff/{username}/enable"): 404,
    ("GET", "/console/devices"): 200, ("POST", "/console/devices"): 422, ("GET", "/console/devices/{device_id}"): 404,
    ("POST", "/console/devices/{device_id}/name"): 404, ("POST", "/console/devices/{device_id}/lock"): 404,
    ("POST", "/console/devices/{device_id}/unlock"): 404, ("POST", "/console/devices/{device_id}/revoke"): 404,
    ("GET", "/console/devices/live"): 200,
    ("GET", "/console/audit"): 200,
    ("GET", "/console/catalog"): 200, ("GET", "/console/catalog/export"): 200, ("POST", "/console/catalog/import"): 422,
    ("GET", "/console/catalog/versions/{version}"): 404, ("GET", "/console/catalog/versions/{version}/restore"): 404,
    ("POST", "/console/catalog/versions/{version}/restore"): 404,
    ("GET", "/console/catalog/services/{service_id}"): 200, ("POST", "/console/catalog/services/{service_id}"): 422,
    # No message 999,999; the test server has no notification channels, so no test message is written.
    ("GET", "/console/notifications"): 200, ("POST", "/console/notifications/{row_id}/retry"): 404,
    ("POST", "/console/notifications/check"): 409,
    ("GET", "/console/reports"): 200, ("GET", "/console/reports/file"): 422,
    ("GET", "/console/today/live"): 200, ("GET", "/console/staff/_live"): 200,
    ("GET", "/console/staff/_one-time"): 410,  # nothing waiting for this sign-in
    ("GET", "/console/staff/{username}/live"): 404,
    # The catalog's part forms: an empty form (no action) changes nothing.
    ("GET", "/console/catalog/new-service"): 200, ("POST", "/console/catalog/new-service"): 422,
    ("GET", "/console/catalog/site"): 200, ("POST", "/console/catalog/site"): 422,
    ("GET", "/console/catalog/breaks"): 200, ("POST", "/console/catalog/breaks"): 422,
    ("GET", "/console/catalog/holidays"): 200, ("POST", "/console/catalog/holidays"): 422,
    ("GET", "/console/catalog/agencies"): 200, ("POST", "/console/catalog/agencies"): 422,
    ("GET", "/console/catalog/lokets"): 200, ("POST", "/console/catalog/lokets"): 422,
    ("GET", "/console/skm"): 200, ("GET", "/console/skm/report"): 200, ("POST", "/console/skm/actions"): 422,
    ("POST", "/console/skm/actions/{action_id}"): 404,
    # The bookings page: no booking "en" on today's list, so a cancel finds nothing and changes nothing.
    ("GET", "/console/bookings"): 200, ("GET", "/console/bookings/live"): 200,
    ("POST", "/console/bookings/{code}/cancel"): 404,
}


def route_id(route: tuple[str, str]) -> str:
    return f"{route[0]} {route[1]}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", list(CONSOLE_ACCESS), ids=route_id)
def test_each_role_reaches_exactly_its_console_pages(hall: LiveServer, route: tuple[str, str], role: str) -> None:
    allowed = CONSOLE_ACCESS[route]
    r = probe(visitor(hall, {STAFF: "staff1"}.get(role, role)), route)
    for name, value in {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                        "Referrer-Policy": "same-origin", "Cache-Control": "no-store"}.items():
        assert r.headers.get(name) == value, (name, r.headers)
    if "{rest:path}" in route[1]:
        assert r.status_code == 404 and "Halaman tidak ditemukan" in r.text
    elif allowed is ANYONE or role in allowed:
        assert r.status_code == EXPECTED_ALLOWED[route], (r.status_code, r.text[:300])
    else:
        assert r.status_code == 403 and "Tidak diizinkan" in r.text, r.text[:300]
    assert "Traceback" not in r.text


@pytest.mark.parametrize("route", [r for r, roles in CONSOLE_ACCESS.items() if roles is not ANYONE], ids=route_id)
def test_a_console_page_without_a_sign_in_leads_to_the_sign_in_page(hall: LiveServer, route: tuple[str, str]) -> None:
    for cookie in (None, "stf_" + "x" * 43, hall.tokens["kiosk"]):
        v = visitor(hall, None)
        if cookie:
            v.http.cookies.set("anjungan_console", cookie)
        r = probe(v, route)
        assert r.status_code == 303 and r.headers["location"].startswith("/console/login"), (cookie, r.text[:200])


def test_a_form_from_another_origin_is_refused_even_with_the_right_mark(hall: LiveServer) -> None:
    # The matrix signs users out of the console (and so of the API): fresh tokens for the set-up.
    bearer = {"Authorization": f"Bearer {hall.login('staff2')}"}
    assert requests.post(f"{hall.api}/counters/3/open", headers=bearer, timeout=10).status_code == 200
    v = visitor(hall, "super")
    for origin in ("http://evil.example", "null"):
        r = v.post("/console/hall/lokets/3", {"action": "close", "reason": "palsu"}, origin=origin)
        assert r.status_code == 403 and "Formulir ditolak" in r.text
    r = v.post("/console/hall/lokets/3", {"action": "close", "reason": "palsu"}, with_mark=False)
    assert r.status_code == 403
    loket = next(c for c in hall.call("GET", "/counters", "display").json() if c["id"] == 3)
    assert (loket["state"], loket["staff"]) == ("open", "staff2")
    # The same form from the console's own origin goes through.
    r = v.post("/console/hall/lokets/3", {"action": "close", "reason": "Petugas pulang"})
    assert r.status_code == 303 and r.headers["location"] == "/console/hall?done=closed&loket=3"


def test_the_login_form_needs_its_own_mark_and_origin(hall: LiveServer) -> None:
    v = visitor(hall, None)
    v.mark = _mark(v.get("/console/login").text)
    r = v.post("/console/login", {"username": "super", "password": PASSWORD}, origin="http://evil.example")
    assert r.status_code == 403
    r = v.post("/console/login", {"username": "super", "password": PASSWORD, "csrf": "salah"}, with_mark=False)
    assert r.status_code == 403
    assert "anjungan_console" not in v.http.cookies


def test_the_api_never_takes_the_console_cookie(hall: LiveServer) -> None:
    v = visitor(hall, "admin")
    assert v.get("/console/hall").status_code == 200
    r = v.http.get(f"{hall.api}/hall", timeout=10)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = v.http.post(f"{hall.api}/counters/4/open", timeout=10, headers={"Origin": hall.url})
    assert r.status_code == 401


def test_an_open_redirect_is_not_offered(hall: LiveServer) -> None:
    v = visitor(hall, None)
    for target in ("https://evil.example/", "//evil.example/console/", "/console\\..\\x"):
        r = v.get(f"/console/lang/en?next={target}")
        assert r.headers["location"] == "/console"
        page = v.get(f"/console/login?next={target}").text
        assert 'name="next" value=""' in page


def test_an_unexpected_failure_is_a_page_with_its_log_number_never_a_traceback(
        server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(server.services.engine, "hall", broken)
    r = visitor(server, "super").get("/console/hall")
    assert r.status_code == 500 and "Terjadi kesalahan di server" in r.text
    assert f"nomor {r.headers['x-request-id']}" in r.text
    assert "secret internals" not in r.text and "Traceback" not in r.text
    assert r.headers["content-security-policy"] == CSP


def _other(mark: str) -> str:
    """The mark with its last letter changed: wrong by one letter."""
    return mark[:-1] + ("1" if mark.endswith("0") else "0")


def test_the_mark_may_come_in_the_scripts_header_instead_of_the_field(server: LiveServer) -> None:
    v = visitor(server, "super")
    form = {"action": "close", "reason": ""}
    r = v.post("/console/hall/lokets/1", form, with_mark=False, headers={"X-CSRF-Token": v.mark})
    assert r.status_code == 422  # past the CSRF check, refused for the missing reason
    r = v.post("/console/hall/lokets/1", form, with_mark=False, headers={"X-CSRF-Token": _other(v.mark)})
    assert r.status_code == 403 and "Formulir ditolak" in r.text


def test_the_console_with_a_trailing_slash_is_the_console(hall: LiveServer) -> None:
    r = visitor(hall, None).get("/console/")
    assert r.status_code == 303 and r.headers["location"] == "/console"


def test_taking_over_a_loket_closed_meanwhile_is_refused_and_leaves_it_closed(server: LiveServer) -> None:
    """GIVEN a supervisor's loket page, loaded while staff1 had loket 2 open
    WHEN staff1 closes it before the take-over form arrives
    THEN the take-over is refused, saying the loket is closed, and nobody has it."""
    bearer = {"Authorization": f"Bearer {server.tokens['staff1']}"}
    assert requests.post(f"{server.api}/counters/2/open", headers=bearer, timeout=10).status_code == 200
    v = visitor(server, "super")
    assert v.get("/console/hall/lokets/2").status_code == 200
    assert requests.post(f"{server.api}/counters/2/close", headers=bearer, timeout=10).status_code == 200
    r = v.post("/console/hall/lokets/2", {"action": "take_over", "reason": "Petugas sakit"})
    assert r.status_code == 409 and "Loket ini sudah tutup." in r.text
    loket = next(c for c in server.call("GET", "/counters", "display").json() if c["id"] == 2)
    assert (loket["state"], loket["staff"]) == ("closed", None)
