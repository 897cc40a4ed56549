"""Bad input over real HTTP: every refusal is a clean 4xx in the one error shape, never a 500, and
leaves the queue exactly as it was, with no gap in the ticket numbers."""

from __future__ import annotations

import contextlib
import logging
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support.server import LiveServer, live_server

SQL = "'; DROP TABLE tickets; --"
HTML = "<script>alert('x')</script>"
NIK = "3604011205850001"  # a man born 12 May 1985 in Kabupaten Serang


def assert_error(r: requests.Response, status: int, code: str | None = None) -> dict:
    """The one error shape, with the request id the response header also carries."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "message", "params", "request_id"}, err
    assert isinstance(err["message"], str) and err["message"] and isinstance(err["params"], dict)
    assert err["request_id"] and err["request_id"] == r.headers["x-request-id"]
    if code is not None:
        assert err["code"] == code, err
    return err


def raw(hall: LiveServer, method: str, path: str, data: bytes | str, role: str | None = "kiosk",
        content_type: str = "application/json", **headers: str) -> requests.Response:
    """A request whose body is sent exactly as given, not encoded by requests."""
    return hall.http.request(method, f"{hall.api}{path}", data=data, timeout=15,
                             headers={**hall.headers(role), "Content-Type": content_type, **headers})


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def snapshot(hall: LiveServer) -> dict[str, Any]:
    """What a refused request must not move: live queue state, the day's count, the lokets."""
    catalog = hall.call("GET", "/catalog", "kiosk").json()
    report = hall.call("GET", "/reports/daily", "super").json()
    lokets = hall.call("GET", "/counters", "display").json()
    return {
        "services": {s["id"]: (s["waiting"], s["quota_left"], s["open"])
                     for a in catalog["agencies"] for s in a["services"]},
        "total_issued": report["total_issued"],
        "issued": {s["service_id"]: s["issued"] for s in report["services"]},
        "lokets": [(c["id"], c["state"], c["staff"], c["pause_reason"], c["current_ticket"]) for c in lokets],
    }


@contextlib.contextmanager
def nothing_changes(hall: LiveServer, service: str = "kk", prefix: str = "B") -> Iterator[None]:
    """Wraps refused requests: afterwards the state is the same, and the next ticket of ``service``
    takes the very next number (a refused request burnt none)."""
    before = snapshot(hall)
    yield
    assert snapshot(hall) == before
    r = hall.issue(service)
    assert r.status_code == 201, r.text
    assert r.json()["code"] == f"{prefix}-{before['issued'].get(service, 0) + 1:03d}"


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for this module: every test compares before and after itself, so the tickets an
    earlier test left behind do not matter."""
    with live_server(Path(tmp_path_factory.mktemp("badinput"))) as live:
        first = live.issue("kk")
        assert first.status_code == 201 and first.json()["code"] == "B-001"
        yield live


# ----------------------------------------------------------------------------- bodies

MALFORMED = ['{"service_id": "kk"', "{service_id: kk}", '{"service_id": "kk"}}', "{'service_id': 'kk'}",
             '{"service_id": "kk",}', "nul", "\ufeff"]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_json_ticket_request_is_400(hall: LiveServer, text: str) -> None:
    with nothing_changes(hall):
        assert_error(raw(hall, "POST", "/tickets", text, **key()), 400, "malformed_json")


def test_a_body_that_is_not_even_utf8_is_malformed_json(hall: LiveServer) -> None:
    with nothing_changes(hall):
        assert_error(raw(hall, "POST", "/tickets", b'{"service_id": "\xff\xfe"}', **key()), 400, "malformed_json")


@pytest.mark.parametrize(("method", "path", "role"), [
    ("POST", "/auth/login", None),
    ("POST", "/devices/enroll", None),
    ("POST", "/devices/heartbeat", "kiosk"),
    ("POST", "/counters/1/open", "staff"),
    ("POST", "/counters/1/pause", "staff"),
    ("POST", "/tickets/1/print-result", "kiosk"),
    ("POST", "/tickets/1/transfer", "super"),
])
def test_malformed_json_elsewhere_is_400(hall: LiveServer, method: str, path: str, role: str | None) -> None:
    with nothing_changes(hall):
        assert_error(raw(hall, method, path, '{"oops": ', role=role), 400, "malformed_json")


@pytest.mark.parametrize("body", [
    {"service_id": 7},
    {"service_id": ["kk"]},
    {"service_id": None},
    {"service_id": "kk", "priority": ["lansia"]},
    {"service_id": "kk", "priority": 1},
    {"service_id": "kk", "nik": int(NIK)},
    {"service_id": "kk", "priority": True},
    {"service_id": ""},
    {"service_id": "k" * 65},
    ["kk"],
    "kk",
    42,
], ids=repr)
def test_wrong_types_are_422_invalid_request(hall: LiveServer, body: Any) -> None:
    with nothing_changes(hall):
        r = hall.call("POST", "/tickets", "kiosk", json=body, headers=key())
        err = assert_error(r, 422, "invalid_request")
        assert err["params"]["errors"], err


@pytest.mark.parametrize(("method", "path", "role", "body"), [
    ("POST", "/auth/login", None, {"username": "staff1", "password": 12345678}),
    ("POST", "/counters/1/open", "staff", {"service_ids": "kk"}),
    ("POST", "/counters/1/pause", "staff", {"reason": ["rapat"]}),
    ("POST", "/devices/heartbeat", "kiosk", {"paper": "sedikit"}),
    ("POST", "/devices/heartbeat", "kiosk", {"uptime_s": -1}),
    ("POST", "/devices/heartbeat", "kiosk", {"uptime_s": True}),
    ("POST", "/devices/heartbeat", "kiosk", {"uptime_s": "12"}),
    ("POST", "/tickets/1/print-result", "kiosk", {"status": "burnt"}),
    ("POST", "/tickets/1/transfer", "super", {"service_id": 3}),
])
def test_wrong_types_in_other_bodies_are_422(hall: LiveServer, method: str, path: str, role: str | None,
                                            body: Any) -> None:
    with nothing_changes(hall):
        assert_error(hall.call(method, path, role, json=body), 422, "invalid_request")


@pytest.mark.parametrize(("method", "path", "role", "body", "field"), [
    ("POST", "/tickets", "kiosk", {}, "service_id"),
    ("POST", "/tickets", "kiosk", {"priority": "lansia"}, "service_id"),
    ("POST", "/auth/login", None, {"username": "staff1"}, "password"),
    ("POST", "/devices/enroll", None, {}, "code"),
    ("POST", "/tickets/1/print-result", "kiosk", {}, "status"),
    ("POST", "/tickets/1/transfer", "super", {}, "service_id"),
])
def test_missing_fields_are_422_missing_field(hall: LiveServer, method: str, path: str, role: str | None,
                                             body: dict, field: str) -> None:
    with nothing_changes(hall):
        err = assert_error(hall.call(method, path, role, json=body, headers=key()), 422, "missing_field")
        assert [e["loc"][-1] for e in err["params"]["errors"]] == [field]


# Text with a NUL in it, which PostgreSQL can neither store nor compare, and numbers JSON cannot
# even write down (Python's json reads them): each is refused before it reaches the database.
UNSTORABLE = [
    ("POST", "/auth/login", None, '{"username": "staff1\\u0000", "password": "kata-sandi"}', 422),
    ("POST", "/counters/1/pause", "staff", '{"reason": "rapat\\u0000"}', 422),
    ("POST", "/tickets/1/print-result", "kiosk", '{"status": "failed", "reason": "macet\\u0000"}', 422),
    ("POST", "/devices/heartbeat", "kiosk", '{"version": "1.0\\u0000"}', 422),
    ("POST", "/devices/heartbeat", "kiosk", '{"last_error": "\\u0000"}', 422),
    ("POST", "/devices/heartbeat", "kiosk", '{"uptime_s": Infinity}', 422),
    ("POST", "/devices/heartbeat", "kiosk", '{"uptime_s": NaN}', 422),
    ("POST", "/devices/heartbeat", "kiosk", '{"uptime_s": 1e400}', 422),
    ("GET", "/tickets/status/abc%00def", None, None, 404),
]


def test_text_and_numbers_a_database_cannot_hold_are_refused_on_both(any_server: LiveServer) -> None:
    """On SQLite and on PostgreSQL (where each of these was a 500): a clean 4xx, nothing changed."""
    hall = any_server
    assert hall.issue("kk").status_code == 201
    devices = hall.call("GET", "/devices", "super").json()
    with nothing_changes(hall):
        for method, path, role, body, status in UNSTORABLE:
            r = raw(hall, method, path, body or "", role=role)
            assert_error(r, status)
        page = hall.http.get(f"{hall.url}/t/abc%00def", timeout=10)
        assert page.status_code == 404 and "Tiket tidak ditemukan" in page.text
    assert hall.call("GET", "/devices", "super").json() == devices
    assert hall.login("staff1")


def test_a_ticket_request_without_any_body_is_missing_field(hall: LiveServer) -> None:
    with nothing_changes(hall):
        assert_error(hall.call("POST", "/tickets", "kiosk", headers=key()), 422, "missing_field")


@pytest.mark.parametrize(("method", "path", "role", "body"), [
    ("POST", "/tickets", "kiosk", {"service_id": "kk", "colour": "red"}),
    ("POST", "/tickets", "kiosk", {"service_id": "kk", "status": "done"}),
    ("POST", "/tickets", "kiosk", {"service_id": "kk", "code": "B-999"}),
    ("POST", "/auth/login", None, {"username": "staff1", "password": "rahasia-123", "role": "admin"}),
    ("POST", "/counters/1/open", "staff", {"service_ids": ["kk"], "staff": "staff2"}),
    ("POST", "/counters/1/pause", "staff", {"reason": "rapat", "back_in_minutes": 10}),
    ("POST", "/devices/heartbeat", "kiosk", {"printer_state": "online", "locked": False}),
    ("POST", "/tickets/1/transfer", "super", {"service_id": "kk", "priority": "lansia"}),
])
def test_unknown_fields_are_422(hall: LiveServer, method: str, path: str, role: str | None, body: dict) -> None:
    with nothing_changes(hall):
        err = assert_error(hall.call(method, path, role, json=body, headers=key()), 422, "invalid_request")
        assert any(e["type"] == "extra_forbidden" for e in err["params"]["errors"]), err


def test_a_body_that_is_not_json_at_all_is_refused_cleanly(hall: LiveServer) -> None:
    with nothing_changes(hall):
        r = raw(hall, "POST", "/tickets", "service_id=kk", content_type="application/x-www-form-urlencoded",
                **key())
        assert_error(r, 422, "invalid_request")
        r = raw(hall, "POST", "/tickets", '{"service_id": "kk"}', content_type="text/plain", **key())
        assert_error(r, 422, "invalid_request")


def test_issue_reads_its_body_as_fastapi_would_and_checks_the_token_first(hall: LiveServer) -> None:
    """POST /tickets answers through its own handler (server/api/direct.py): a JSON type with a
    suffix and parameters is JSON, a request with no content type is not, and a caller without
    a valid token learns nothing about its body."""
    with nothing_changes(hall):
        assert_error(raw(hall, "POST", "/tickets", '{"service_id": "kk"}', content_type="", **key()),
                     422, "invalid_request")
        assert_error(raw(hall, "POST", "/tickets", '{"service_id": ', role=None, **key()), 401, "unauthorized")
        assert_error(raw(hall, "POST", "/tickets", '{"service_id": ', role="display", **key()), 403, "forbidden")
    r = raw(hall, "POST", "/tickets", '{"service_id": "kk"}', content_type="application/vnd.api+json; charset=utf-8",
            **key())
    assert r.status_code == 201, r.text
    assert r.json()["service_id"] == "kk"
    # JSON with a byte-order mark, as some Windows tools write it, is still JSON.
    r = raw(hall, "POST", "/tickets", '\ufeff{"service_id": "kk"}'.encode("utf-8"), **key())
    assert r.status_code == 201, r.text


def test_a_client_gone_halfway_through_its_body_is_no_server_error(hall: LiveServer,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    """A kiosk whose network drops mid-request is routine: no "unexpected error" in the log."""
    host, port = hall.url.removeprefix("http://").split(":")
    with nothing_changes(hall), caplog.at_level(logging.ERROR):
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Authorization: Bearer " + hall.tokens["kiosk"].encode() + b"\r\n"
                         b"Idempotency-Key: gone-halfway-01\r\nContent-Length: 100\r\n\r\n{\"service_id\": ")
        # The server's loop reads the closed connection before these later requests, and runs
        # the dropped request's handler while they wait on its thread pool.
        for _ in range(3):
            assert hall.call("GET", "/health").status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_the_api_document_still_describes_how_to_issue_a_ticket(hall: LiveServer) -> None:
    """The busiest route's handler is not the one FastAPI reads its documentation from: the
    document must still name its body and its Idempotency-Key header."""
    operation = hall.http.get(f"{hall.api}/openapi.json", timeout=10).json()["paths"]["/api/v1/tickets"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/TicketRequest")
    assert [p["name"] for p in operation["parameters"]] == ["idempotency-key"]
    assert "201" in operation["responses"]


# ----------------------------------------------------------------------------- unknown things

@pytest.mark.parametrize("service_id", ["nope", "KK", "kk ", "akte", SQL, HTML, "ktp\x00"])
def test_an_unknown_service_is_404(hall: LiveServer, service_id: str) -> None:
    with nothing_changes(hall):
        err = assert_error(hall.issue(service_id), 404, "service_not_found")
        assert err["params"]["service_id"] == service_id


@pytest.mark.parametrize("ticket_id", [999_999, -1, 2 ** 63 - 1, 10 ** 30])
@pytest.mark.parametrize(("method", "action", "role", "body"), [
    ("GET", "", "staff", None),
    ("POST", "/start", "staff", None),
    ("POST", "/finish", "staff", None),
    ("POST", "/no-show", "super", None),
    ("POST", "/cancel", "super", None),
    ("POST", "/requeue", "super", None),
    ("POST", "/transfer", "super", {"service_id": "kk"}),
    ("POST", "/print-result", "kiosk", {"status": "printed"}),
])
def test_an_unknown_ticket_is_404(hall: LiveServer, ticket_id: int, method: str, action: str, role: str,
                                  body: Any) -> None:
    with nothing_changes(hall):
        assert_error(hall.call(method, f"/tickets/{ticket_id}{action}", role, json=body), 404, "ticket_not_found")


@pytest.mark.parametrize("counter_id", [99, 0, 10 ** 30])
@pytest.mark.parametrize(("method", "action"), [
    ("POST", "/open"), ("POST", "/close"), ("POST", "/call-next"), ("POST", "/recall"),
    ("POST", "/pause"), ("POST", "/resume"), ("GET", "/queue"),
])
def test_an_unknown_loket_is_404(hall: LiveServer, counter_id: int, method: str, action: str) -> None:
    with nothing_changes(hall):
        assert_error(hall.call(method, f"/counters/{counter_id}{action}", "staff"), 404, "counter_not_found")


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/tickets/abc"), ("GET", "/tickets/1.5"), ("GET", "/tickets/1e3"), ("GET", "/tickets/%20"),
    ("POST", "/tickets/abc/start"), ("POST", "/tickets/satu/transfer"), ("POST", "/counters/loket1/open"),
    ("POST", "/counters/1.5/call-next"), ("GET", "/counters/x/queue"),
    # Python's int() reads these as 1 and 10: they must not act on ticket 10 or open loket 1.
    ("GET", "/tickets/+1"), ("POST", "/tickets/1_0/cancel"), ("POST", "/counters/+1/open"),
    ("GET", "/counters/%201/queue"),
])
def test_a_path_id_that_is_not_an_integer_is_422(hall: LiveServer, method: str, path: str) -> None:
    with nothing_changes(hall):
        body = {"service_id": "kk"} if path.endswith("/transfer") else None
        assert_error(hall.call(method, path, "super", json=body), 422, "invalid_request")


@pytest.mark.parametrize("params", [
    {"code": "ZZZ"}, {"code": ""}, {"code": "A-000"}, {"code": "A-001", "date": "kemarin"},
    {"code": "A-001", "date": "2026-02-30"}, {"code": "x" * 21}, {},
    {"code": "B-\u00b3"}, {"code": "A\u2460"},  # a superscript and a circled digit are not numbers
], ids=repr)
def test_a_bad_lookup_is_422(hall: LiveServer, params: dict) -> None:
    with nothing_changes(hall):
        err = assert_error(hall.call("GET", "/tickets/lookup", "kiosk", params=params), 422)
        assert err["code"] in {"invalid_code", "invalid_request", "missing_field"}


def test_a_lookup_of_a_code_nobody_holds_is_404(hall: LiveServer) -> None:
    with nothing_changes(hall):
        assert_error(hall.call("GET", "/tickets/lookup", "kiosk", params={"code": "B-900"}), 404, "ticket_not_found")
        # A number past SQLite's 64-bit range is a code nobody holds, not a server error.
        huge = hall.call("GET", "/tickets/lookup", "kiosk", params={"code": "B" + "9" * 19})
        assert_error(huge, 404, "ticket_not_found")
        r = hall.call("GET", "/tickets/lookup", "kiosk", params={"code": "B-001", "date": "2026-11-22"})
        assert_error(r, 404, "ticket_not_found")


@pytest.mark.parametrize("path", ["/reports/daily?date=besok", "/reports/daily?date=2026-13-01"])
def test_a_bad_report_date_is_422(hall: LiveServer, path: str) -> None:
    assert_error(hall.call("GET", path, "super"), 422, "invalid_request")


@pytest.mark.parametrize("last_event_id", ["abc", "-1", "1.5", "\u00b2", "99999999999999999999999"])
def test_a_bad_last_event_id_is_400_not_a_broken_stream(hall: LiveServer, last_event_id: str) -> None:
    # stream=True: should the value be taken, the endless stream must not hang the test.
    with hall.http.get(f"{hall.api}/events", stream=True, timeout=10,
                       headers={**hall.headers("display"), "Last-Event-ID": last_event_id.encode("latin-1")}) as r:
        assert_error(r, 400, "invalid_last_event_id")
    with hall.http.get(f"{hall.api}/events", params={"last_event_id": last_event_id}, stream=True, timeout=10,
                       headers=hall.headers("display")) as r:
        assert_error(r, 422, "invalid_request")


# ----------------------------------------------------------------------------- size

def test_a_ten_megabyte_body_is_413(hall: LiveServer) -> None:
    with nothing_changes(hall):
        err = assert_error(raw(hall, "POST", "/tickets", b" " * (10 * 1024 * 1024), **key()), 413, "body_too_large")
        assert err["params"]["max_bytes"] < 10 * 1024 * 1024


def test_a_ten_megabyte_chunked_body_is_413(hall: LiveServer) -> None:
    """GIVEN a client that streams its body without announcing the length
    THEN the server still stops it at the cap with the same 413, not a generic 400."""
    def chunks() -> Iterator[bytes]:
        for _ in range(160):
            yield b" " * 65536
    with nothing_changes(hall):
        r = hall.http.post(f"{hall.api}/tickets", data=chunks(), timeout=15,
                           headers={**hall.headers("kiosk"), **key(), "Content-Type": "application/json"})
        assert_error(r, 413, "body_too_large")


# ----------------------------------------------------------------------------- injection

def test_sql_and_html_are_only_ever_data(hall: LiveServer) -> None:
    """GIVEN tickets in the queue
    WHEN SQL and HTML arrive as a service id, a looked-up code, a username and a pause reason
    THEN each is refused cleanly or stored verbatim, and every table still answers as before."""
    earlier = hall.call("GET", "/tickets/lookup", "kiosk", params={"code": "B-001"})
    assert earlier.status_code == 200
    with nothing_changes(hall):
        for text in (SQL, HTML, "A-001' OR '1'='1", "B-001; --"):
            assert_error(hall.issue(text), 404, "service_not_found")
            r = hall.call("GET", "/tickets/lookup", "kiosk", params={"code": text})
            assert_error(r, 422)
            r = hall.call("POST", "/auth/login", json={"username": text, "password": text})
            assert_error(r, 401, "bad_credentials")
        r = hall.call("POST", "/auth/login", json={"username": "staff1' --", "password": "x"})
        assert_error(r, 401, "bad_credentials")
    for reason in (SQL, HTML):
        r = hall.call("POST", "/counters/2/open", "staff2")
        assert r.status_code == 200, r.text
        r = hall.call("POST", "/counters/2/pause", "staff2", json={"reason": reason})
        assert r.status_code == 200 and r.json()["pause_reason"] == reason
        listed = next(c for c in hall.call("GET", "/counters", "display").json() if c["id"] == 2)
        assert listed["pause_reason"] == reason
        assert hall.call("POST", "/counters/2/resume", "staff2").status_code == 200
        assert hall.call("POST", "/counters/2/close", "staff2").status_code == 200
    again = hall.call("GET", "/tickets/lookup", "kiosk", params={"code": "B-001"})
    assert again.status_code == 200 and again.json()["token"] == earlier.json()["token"]
    assert hall.login("staff1")


@pytest.mark.parametrize("token", ["<script>alert(1)<script>", "<img src=x onerror=alert(1)>",
                                   "%3Cscript%3E", "x" * 200, SQL.replace(" ", "")])
def test_the_status_page_of_an_unknown_link_is_a_plain_404(hall: LiveServer, token: str) -> None:
    r = hall.http.get(f"{hall.url}/t/{token}", timeout=10)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Tiket tidak ditemukan" in r.text
    assert "<script" not in r.text and "<img" not in r.text and "onerror" not in r.text
    assert_error(hall.http.get(f"{hall.api}/tickets/status/{token}", timeout=10), 404, "ticket_not_found")


def test_a_status_link_with_a_slash_in_it_is_a_clean_404(hall: LiveServer) -> None:
    r = hall.http.get(f"{hall.url}/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E", timeout=10)
    assert r.status_code == 404 and "<script" not in r.text


# ----------------------------------------------------------------------------- NIK

@pytest.mark.parametrize(("nik", "reason"), [
    ("123", "not_16_digits"),
    ("36040112058500011", "not_16_digits"),
    ("36040112058500O1", "not_16_digits"),
    ("3604011205850\u0661\u0662\u0663", "not_16_digits"),   # Arabic-Indic digits are not digits here
    ("9904011205850001", "bad_province"),
    ("3604013205850001", "bad_date"),     # day 32: neither a man's nor a woman's
    ("3604011213850001", "bad_date"),     # month 13
    ("3604013102850001", "bad_date"),     # 31 February
    ("3604017205850001", "bad_date"),     # day 72 (a woman's 32nd)
    ("3604011205850000", "bad_serial"),
])
def test_an_invalid_nik_is_422_with_its_reason(hall: LiveServer, nik: str, reason: str) -> None:
    with nothing_changes(hall):
        err = assert_error(hall.issue("kk", nik=nik), 422, "invalid_nik")
        assert err["params"] == {"reason": reason}
        assert nik not in err["message"]


def test_a_valid_nik_is_accepted(hall: LiveServer) -> None:
    r = hall.issue("kk", nik=NIK)
    assert r.status_code == 201, r.text
    assert NIK not in r.text


# ----------------------------------------------------------------------------- idempotency

@pytest.mark.parametrize("headers", [{}, {"Idempotency-Key": ""}], ids=["absent", "empty"])
def test_a_ticket_request_without_an_idempotency_key_is_400(hall: LiveServer, headers: dict) -> None:
    with nothing_changes(hall):
        r = hall.call("POST", "/tickets", "kiosk", json={"service_id": "kk"}, headers=headers)
        assert_error(r, 400, "idempotency_key_required")


@pytest.mark.parametrize("bad_key", ["short", "k" * 101, "kunci dengan spasi", "kunci/slash/1", "kunci;DROP"])
def test_a_malformed_idempotency_key_is_400(hall: LiveServer, bad_key: str) -> None:
    with nothing_changes(hall):
        r = hall.call("POST", "/tickets", "kiosk", json={"service_id": "kk"}, headers={"Idempotency-Key": bad_key})
        assert_error(r, 400, "invalid_idempotency_key")


def test_one_key_with_a_different_body_is_422_and_keeps_the_first_ticket(hall: LiveServer) -> None:
    tap = uuid.uuid4().hex
    first = hall.issue("kk", key=tap)
    assert first.status_code == 201
    with nothing_changes(hall):
        for body in ({"service_id": "ktp"}, {"priority": "lansia"}, {"nik": NIK}):
            r = hall.call("POST", "/tickets", "kiosk", json={"service_id": "kk", **body},
                          headers={"Idempotency-Key": tap})
            assert_error(r, 422, "idempotency_key_reused")
        replay = hall.issue("kk", key=tap)
        assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json()["code"] == first.json()["code"] and replay.json()["id"] == first.json()["id"]


# ----------------------------------------------------------------------------- numbering

def test_refused_requests_leave_no_gap_in_the_numbers(server: LiveServer) -> None:
    """GIVEN A-001 issued
    WHEN a run of bad ticket requests for the same service is refused
    THEN the next good request gets A-002."""
    assert server.issue("ktp").json()["code"] == "A-001"
    tap = uuid.uuid4().hex
    assert server.issue("kk", key=tap).status_code == 201
    refusals = [
        raw(server, "POST", "/tickets", '{"service_id": "ktp"', **key()),
        server.call("POST", "/tickets", "kiosk", json={"service_id": "ktp", "priority": ["lansia"]}, headers=key()),
        server.call("POST", "/tickets", "kiosk", json={"service_id": "ktp", "extra": 1}, headers=key()),
        server.call("POST", "/tickets", "kiosk", json={"service_id": "ktp", "priority": "vip"}, headers=key()),
        server.issue("ktp", nik="3604011205850000"),
        server.call("POST", "/tickets", "kiosk", json={"service_id": "ktp"}),
        server.issue("ktp", key=tap),
        server.issue("ktp", role="display"),
        raw(server, "POST", "/tickets", b" " * (1024 * 1024), **key()),
    ]
    assert [r.status_code for r in refusals] == [400, 422, 422, 422, 422, 400, 422, 403, 413]
    for r in refusals:
        assert_error(r, r.status_code)
    catalog = server.call("GET", "/catalog", "kiosk").json()
    ktp = next(s for a in catalog["agencies"] for s in a["services"] if s["id"] == "ktp")
    assert ktp["waiting"] == 1 and ktp["quota_left"] == 4
    assert server.issue("ktp").json()["code"] == "A-002"
