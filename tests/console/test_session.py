"""The console's cookie follows the API token's life: renewed server-side as the counter app would renew,
ended 12 hours after the sign-in, Secure only when the browser came over TLS (directly or through a proxy
the settings trust)."""

from __future__ import annotations

from pathlib import Path

import requests

from tests.console.test_access import visitor
from tests.support.server import PASSWORD, LiveServer, live_server


def test_a_page_renews_the_token_before_it_expires_and_the_sign_in_ends_after_12_hours(server: LiveServer) -> None:
    v = visitor(server, "super")
    first = v.http.cookies["anjungan_console"]
    server.clock.advance(hours=7, minutes=20)
    assert v.get("/console/hall").status_code == 200
    assert v.http.cookies["anjungan_console"] == first  # 40 minutes left: not yet

    server.clock.advance(minutes=15)
    r = v.get("/console/hall")
    assert r.status_code == 200
    second = v.http.cookies["anjungan_console"]
    assert second != first
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie and "Secure" not in cookie
    # The old token lives two more minutes for requests on their way, as the API's renewal says.
    server.clock.advance(minutes=3)
    old = requests.get(f"{server.url}/console/hall", cookies={"anjungan_console": first}, allow_redirects=False,
                       timeout=10)
    assert old.status_code == 303
    # The CSRF mark is the sign-in's: a form loaded before the renewal still goes through.
    assert v.post("/console/hall/lokets/1", {"action": "close", "reason": ""}).status_code == 422

    for _ in range(6):  # renewed each time it comes near its end, until the sign-in's 12 hours are up
        server.clock.advance(hours=1)
        v.get("/console/me")
    r = v.get("/console/hall")
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login")


def test_the_cookie_is_secure_behind_a_trusted_tls_proxy_only(tmp_path: Path) -> None:
    (tmp_path / "proxied").mkdir()
    (tmp_path / "direct").mkdir()
    with live_server(tmp_path / "proxied", trusted_proxies=frozenset({"127.0.0.1"})) as behind_proxy:
        assert "Secure" in _sign_in_cookie(behind_proxy, {"X-Forwarded-Proto": "https"}, tls=True)
        assert "Secure" not in _sign_in_cookie(behind_proxy, {}, tls=False)
    with live_server(tmp_path / "direct") as direct:
        # A client's own header is not believed: this server is not behind a proxy it trusts.
        assert "Secure" not in _sign_in_cookie(direct, {"X-Forwarded-Proto": "https"}, tls=False)


def _sign_in_cookie(server: LiveServer, headers: dict[str, str], *, tls: bool) -> str:
    """The session cookie a sign-in sets; over (proxied) TLS the browser's origin is https, and it sends back
    the Secure login-mark cookie that plain requests would keep to itself."""
    page = requests.get(f"{server.url}/console/login", headers=headers, timeout=10)
    mark = page.text.split('name="csrf" value="')[1].split('"')[0]
    origin = server.url.replace("http:", "https:") if tls else server.url
    r = requests.post(f"{server.url}/console/login", data={"csrf": mark, "username": "admin", "password": PASSWORD},
                      cookies={"anjungan_console_login": page.cookies["anjungan_console_login"]},
                      headers={"Origin": origin, **headers}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    return r.headers["set-cookie"]


def test_the_hall_stream_says_hall_on_each_change_and_ends_when_the_sign_in_does(server: LiveServer) -> None:
    v = visitor(server, "super")
    with v.http.get(f"{server.url}/console/hall/events", stream=True, timeout=10) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines(decode_unicode=True)
        assert next(line for line in lines if line.startswith("event: ")) == "event: hall"
        assert server.issue("kk").status_code == 201
        assert next(line for line in lines if line.startswith("event: ")) == "event: hall"
        token = v.http.cookies["anjungan_console"]
        assert requests.post(f"{server.api}/auth/logout", headers={"Authorization": f"Bearer {token}"},
                             timeout=10).status_code == 200
        assert next(line for line in lines if line.startswith("event: ")) == "event: signed_out"
        # Then the server ends the stream (a stream still open would time out here).
        assert not any(line.startswith("event: ") for line in lines)
