"""The HTTP edge over real sockets: oversized heads, heads and bodies that trickle in, a crowd of
slow sockets and the connection cap are refused in the API's error shape, change nothing, and never
stop a kiosk from taking a ticket. A long answer (the event stream) is never cut."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import resource
import selectors
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from server.settings import HttpLimits
from tests.support.net import free_port, wait_for
from tests.support.server import LiveServer, live_server
from ui.counter.controller import CounterTimings
from ui.display.controller import DisplayTimings
from ui.kiosk.controller import KioskTimings

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def hall_with(tmp_path: Path, **limits: float) -> Iterator[LiveServer]:
    with live_server(tmp_path, http_limits=HttpLimits(**limits)) as live:  # type: ignore[arg-type]
        yield live


def connect(hall: LiveServer, timeout: float = 5) -> socket.socket:
    host, port = hall.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=timeout)


def ticket_head(hall: LiveServer, length: int, key: str) -> bytes:
    return (b"POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer " + hall.tokens["kiosk"].encode() + b"\r\n"
            b"Idempotency-Key: " + key.encode() + b"\r\nContent-Length: %d\r\n\r\n" % length)


def read_until_closed(sock: socket.socket, drip: bytes = b"", within: float = 30) -> tuple[bytes, float]:
    """What the server sends until it closes the connection, and when it closed it. With ``drip``,
    one more byte of it goes out each time the server stays silent for a fifth of a second."""
    sock.settimeout(0.2)
    started, received, dripped = time.monotonic(), b"", 0
    while time.monotonic() - started < within:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            if dripped < len(drip):
                sock.sendall(drip[dripped:dripped + 1])
                dripped += 1
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        received += chunk
    else:
        raise AssertionError(f"the server still held the connection after {within} s")
    return received, time.monotonic() - started


def parse(answer: bytes) -> tuple[int, dict[str, str], dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, json.loads(body) if body else {}


def assert_refusal(status: int, headers: dict[str, str], body: dict, expected: int, code: str) -> dict:
    """The API's one error shape, closing the connection."""
    assert status == expected, (status, body)
    assert headers["content-type"] == "application/json" and headers["connection"] == "close"
    err = body["error"]
    assert set(err) == {"code", "message", "params", "request_id"} and err["code"] == code, err
    assert err["request_id"] == headers["x-request-id"]
    return err


def assert_nothing_issued(hall: LiveServer) -> None:
    """The next ticket is the day's first: a refused request took no number."""
    r = hall.issue("kk")
    assert r.status_code == 201 and r.json()["code"] == "B-001", r.text


# Oversized heads


def test_a_head_past_16_kib_is_431_and_issues_nothing(server: LiveServer) -> None:
    key = uuid.uuid4().hex
    for extra in ({"X-Pad": "a" * 20_000}, {f"X-Pad-{i}": "b" * 50 for i in range(400)}):
        r = server.call("POST", "/tickets", "kiosk", json={"service_id": "kk"},
                        headers={"Idempotency-Key": key, **extra})
        assert r.status_code == 431, r.text
        assert r.json()["error"]["code"] == "headers_too_large"
        assert r.json()["error"]["params"] == {"max_bytes": 16 * 1024}
    assert_nothing_issued(server)
    # A big but honest head is still served.
    r = server.call("GET", "/health", headers={"X-Pad": "c" * 12_000})
    assert r.status_code == 200, r.text


def test_a_head_that_never_ends_is_431_once_past_the_cap(server: LiveServer) -> None:
    """GIVEN a client that sends header line after header line and never the blank line
    THEN it is answered 431 as soon as the head passes the cap, not when the head ends."""
    with connect(server) as sock:
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
        for i in range(40):
            try:
                sock.sendall(b"X-Line-%02d: %s\r\n" % (i, b"d" * 1000))
            except (BrokenPipeError, ConnectionResetError):
                break  # refused already
        answer, _ = read_until_closed(sock)
    assert_refusal(*parse(answer), 431, "headers_too_large")


def test_bytes_that_are_not_http_are_a_json_400(server: LiveServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"\x16\x03\x01 this is not HTTP\r\n\r\n")
        answer, _ = read_until_closed(sock)
    assert_refusal(*parse(answer), 400, "bad_http")


# Slow heads and bodies


@pytest.mark.parametrize("after_a_request", [False, True], ids=["first-request", "kept-alive"])
def test_a_trickled_head_is_408_and_closed_at_the_deadline(tmp_path: Path, after_a_request: bool) -> None:
    """GIVEN a head deadline of 1 s
    WHEN a client sends a head one byte at a time (five bytes a second), on a new connection or on
    one that was already served a request
    THEN the server answers 408 and closes the connection at the deadline."""
    with hall_with(tmp_path, head_timeout_seconds=1) as hall, connect(hall) as sock:
        if after_a_request:
            sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        answer, seconds = read_until_closed(sock, drip=b"e" * 1000)
        err = assert_refusal(*parse(answer), 408, "request_timeout")
        assert err["params"] == {"seconds": 1}
        assert seconds < 10


def test_a_socket_that_sends_nothing_is_closed_at_the_head_deadline(tmp_path: Path) -> None:
    with hall_with(tmp_path, head_timeout_seconds=1) as hall, connect(hall) as sock:
        answer, seconds = read_until_closed(sock)
    assert answer == b"" and seconds < 10


@pytest.mark.parametrize("drip", [b"", b" " * 200], ids=["stalls", "trickles"])
def test_a_ticket_body_that_stalls_or_trickles_is_408_and_issues_nothing(tmp_path: Path, drip: bytes) -> None:
    """GIVEN a body idle deadline of 1 s and a whole-body deadline of 2 s
    WHEN a kiosk request to the ticket route (which reads its own body) sends half its body and
    then nothing, or one byte every fifth of a second
    THEN the server answers 408, closes, and no ticket is issued."""
    with hall_with(tmp_path, body_idle_timeout_seconds=1, body_timeout_seconds=2) as hall:
        with connect(hall) as sock:
            sock.sendall(ticket_head(hall, 300, "slow-body-01") + b'{"service_id": "kk"')
            answer, seconds = read_until_closed(sock, drip=drip)
        err = assert_refusal(*parse(answer), 408, "request_timeout")
        assert err["params"] == {"idle_seconds": 1, "seconds": 2}
        assert seconds < 10
        assert_nothing_issued(hall)


def test_an_event_stream_outlives_every_deadline(tmp_path: Path) -> None:
    """GIVEN deadlines of 1 s for heads, bodies and idle keep-alive
    WHEN a display follows /events for four seconds with nothing to tell
    THEN its stream is still open and carries the next ticket: answers are never timed."""
    limits = {"head_timeout_seconds": 1, "body_idle_timeout_seconds": 1, "body_timeout_seconds": 1,
              "keep_alive_seconds": 1}
    with hall_with(tmp_path, **limits) as hall, connect(hall) as sock:
        sock.sendall(b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
                     b"Authorization: Bearer " + hall.tokens["display"].encode() + b"\r\n\r\n")
        sock.settimeout(0.5)
        opened, received = time.monotonic(), b""
        while time.monotonic() - opened < 4:
            with contextlib.suppress(socket.timeout):
                chunk = sock.recv(65536)
                assert chunk, "the server closed the event stream"
                received += chunk
        assert received.startswith(b"HTTP/1.1 200 ")
        code = hall.issue("kk").json()["code"]
        sock.settimeout(10)
        while code.encode() not in received:
            chunk = sock.recv(65536)
            assert chunk, "the server closed the event stream"
            received += chunk


# Crowds


def _raise_open_file_limit(needed: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        raised = needed if hard == resource.RLIM_INFINITY else min(hard, needed)
        resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        pytest.fail(f"the open-file limit ({soft}) is too low for 300 sockets: raise it (ulimit -n)")


class SlowCrowd:
    """``size`` sockets that each send the start of a head and then one byte every two seconds,
    until the server closes them; the thread that drips stops by itself after ``within`` seconds."""

    def __init__(self, hall: LiveServer, size: int, within: float = 40) -> None:
        self.sockets = [connect(hall) for _ in range(size)]
        self.closed: dict[socket.socket, bytes] = {}
        self.answers: dict[socket.socket, bytes] = dict.fromkeys(self.sockets, b"")
        self.within = within
        for sock in self.sockets:
            sock.setblocking(False)
            sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        self.thread = threading.Thread(target=self._drip, name="slow-crowd", daemon=True)
        self.thread.start()

    def _drip(self) -> None:
        selector = selectors.DefaultSelector()
        for sock in self.sockets:
            selector.register(sock, selectors.EVENT_READ)
        started = last_drip = time.monotonic()
        while len(self.closed) < len(self.sockets) and time.monotonic() - started < self.within:
            for key, _ in selector.select(timeout=0.5):
                self._read(key.fileobj, selector)  # type: ignore[arg-type]
            if time.monotonic() - last_drip >= 2:
                last_drip = time.monotonic()
                for sock in self.sockets:
                    if sock not in self.closed:
                        with contextlib.suppress(OSError):
                            sock.send(b"f")
        selector.close()

    def _read(self, sock: socket.socket, selector: selectors.BaseSelector) -> None:
        try:
            chunk = sock.recv(65536)
        except BlockingIOError:
            return
        except ConnectionResetError:
            chunk = b""
        if chunk:
            self.answers[sock] += chunk
            return
        selector.unregister(sock)
        self.closed[sock] = self.answers[sock]

    def close(self) -> None:
        self.thread.join(timeout=self.within + 5)
        for sock in self.sockets:
            sock.close()


def test_300_slow_sockets_do_not_stop_issuing_and_are_closed_by_the_deadline(server: LiveServer) -> None:
    """GIVEN the real limits (10 s for a head)
    WHEN 300 sockets each start a head and trickle a byte every two seconds
    THEN a kiosk takes tickets as usual while all 300 are connected, and the server closes every
    one of them at the head deadline with a 408."""
    _raise_open_file_limit(300 + 256)
    crowd = SlowCrowd(server, 300)
    try:
        wait_for(lambda: server.open_connections() >= 300, what="the server to hold the crowd's connections")
        codes = []
        for _ in range(10):
            r = server.issue("kk")
            assert r.status_code == 201, r.text
            codes.append(r.json()["code"])
        assert codes == [f"B-{n:03d}" for n in range(1, 11)]
        assert not crowd.closed, "the crowd was closed before the tickets were issued"
        assert server.open_connections() >= 300
        wait_for(lambda: len(crowd.closed) == 300, timeout=40, interval=0.2,
                 what="the server to close every slow socket")
        statuses = {parse(answer)[0] for answer in crowd.closed.values()}
        assert statuses == {408}, statuses
    finally:
        crowd.close()


def test_past_the_connection_cap_a_client_gets_503_and_nothing_changes(tmp_path: Path) -> None:
    """GIVEN a cap of 20 open connections, all held by slow sockets
    WHEN a kiosk asks for a ticket on a new connection
    THEN it gets 503 server_busy with Retry-After at once, no ticket is issued, and once the crowd
    has gone the kiosk is served again."""
    with hall_with(tmp_path, max_connections=20) as hall:
        crowd = [connect(hall) for _ in range(20)]
        try:
            for sock in crowd:
                sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
            wait_for(lambda: hall.open_connections() >= 20, what="the server to hold the crowd")
            with requests.Session() as kiosk:
                r = kiosk.post(f"{hall.api}/tickets", json={"service_id": "kk"}, timeout=10,
                               headers={**hall.headers("kiosk"), "Idempotency-Key": uuid.uuid4().hex})
            assert r.status_code == 503, r.text
            assert r.json()["error"]["code"] == "server_busy" and r.headers["retry-after"] == "1"
            assert r.json()["error"]["params"] == {"max_connections": 20}
        finally:
            for sock in crowd:
                sock.close()
        wait_for(lambda: hall.open_connections() < 20, what="the server to see the crowd go")
        assert_nothing_issued(hall)


# The command line


def test_main_py_server_listens_on_loopback_only_with_the_same_limits(tmp_path: Path) -> None:
    """``python main.py server`` with no --host serves 127.0.0.1 only, behind the same limits."""
    port = free_port()
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    proc = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(port), "--database",
                             f"sqlite:///{tmp_path / 'cli.sqlite3'}"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/v1/health"
    try:
        def healthy() -> bool:
            assert proc.poll() is None, "the server stopped"
            with contextlib.suppress(requests.RequestException):
                return requests.get(url, timeout=2).ok
            return False

        wait_for(healthy, timeout=30, interval=0.1, what="main.py server to answer")
        r = requests.get(url, headers={"X-Pad": "a" * 20_000}, timeout=10)
        assert r.status_code == 431 and r.json()["error"]["code"] == "headers_too_large"
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.2", port), timeout=5).close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_a_pipelining_flood_is_closed_without_a_server_error(tmp_path: Path,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    """GIVEN a client that sends 6,000 requests at once down each of 10 connections, ahead of any answer
    THEN the server closes those connections after a few answers, logs no error, and still serves."""
    req = b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
    with hall_with(tmp_path) as hall, caplog.at_level(logging.ERROR):
        answers = []
        for _ in range(10):
            with connect(hall) as sock:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    sock.sendall(req * 6000)
                answers.append(read_until_closed(sock)[0].count(b"HTTP/1.1 200 "))
        assert all(n <= 64 for n in answers), answers
        assert hall.call("GET", "/health").status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_one_address_past_its_share_gets_503_while_others_are_served(tmp_path: Path) -> None:
    """GIVEN a cap of 5 connections per address (the proxy's own address 127.0.0.1 is exempt)
    WHEN one host (127.0.0.2) holds 5 slow sockets
    THEN its sixth gets 503 server_busy, and a kiosk on another address takes a ticket."""
    with hall_with(tmp_path, max_connections_per_address=5) as hall:
        port = int(hall.url.rsplit(":", 1)[1])

        def from_other_host() -> socket.socket:
            sock = socket.socket()
            sock.bind(("127.0.0.2", 0))
            sock.settimeout(5)
            sock.connect(("127.0.0.1", port))
            return sock

        crowd = [from_other_host() for _ in range(5)]
        try:
            for sock in crowd:
                sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
            with from_other_host() as sixth:
                sixth.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                answer, _ = read_until_closed(sixth)
            err = assert_refusal(*parse(answer), 503, "server_busy")
            assert err["params"] == {"max_connections_per_address": 5}
            assert hall.issue("kk").json()["code"] == "B-001"
        finally:
            for sock in crowd:
                sock.close()


def test_blank_lines_trickled_between_requests_do_not_hold_the_connection(tmp_path: Path) -> None:
    """GIVEN a connection that was served a request (keep-alive 5 s, head deadline 1 s)
    WHEN the client sends only blank lines, which HTTP lets a parser skip, one every fifth of a second
    THEN the server still closes it by the head deadline."""
    with hall_with(tmp_path, head_timeout_seconds=1) as hall, connect(hall) as sock:
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
        answer, seconds = read_until_closed(sock, drip=b"\r\n" * 500, within=20)
        assert answer == b"" and seconds < 10


def test_no_app_reuses_a_connection_just_as_the_server_lets_it_go():
    """An app that sends on a pooled connection at the moment the server's keep-alive runs out gets
    the connection closed under its request; the kiosk's one-try background client then showed
    "server unreachable" (make demo, every few minutes with a 5 s keep-alive and a 5 s health check).
    The server's keep-alive stays clear of every period at which an app reuses its connection."""
    keep = HttpLimits().keep_alive_seconds
    kiosk, board, counter = KioskTimings(), DisplayTimings(), CounterTimings()
    periods_ms = [kiosk.health_interval_ms, kiosk.catalog_interval_ms, kiosk.heartbeat_interval_ms,
                  board.heartbeat_interval_ms, counter.check_ms]
    assert all(abs(ms / 1000 - keep) >= 2 for ms in periods_ms), (keep, periods_ms)
