"""A messaging gateway on a loopback port for the notification tests: it answers like a Fonnte-style
gateway, the WhatsApp Cloud API or a webhook receiver, records every request, and can be told to fail
the next few, to be down for good, or to hold a request without answering."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from tests.support.net import free_port


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}

    @property
    def json(self) -> object:
        return json.loads(self.body)


@dataclass
class Gateway:
    port: int
    received: list[Received] = field(default_factory=list)
    fail_next: int = 0            # answer this many requests with 503 first
    down: bool = False            # answer every request with 503
    hold: threading.Event | None = None  # while set to an unset Event, requests wait on it unanswered
    delivered: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answer(self, got: Received) -> tuple[int, dict[str, object]]:
        with self.lock:
            self.received.append(got)
            if self.down or self.fail_next > 0:
                self.fail_next = max(0, self.fail_next - 1)
                return 503, {"status": False, "reason": "gateway busy"}
            self.delivered.append(got)
            n = len(self.delivered)
        if "/messages" in got.path:
            return 200, {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.{n}"}]}
        return 200, {"status": True, "id": [n], "detail": "success! message in queue"}


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            got = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            if gateway.hold is not None:
                with gateway.lock:
                    gateway.received.append(got)
                gateway.hold.wait(30)
                return
            status, answer = gateway.answer(got)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def local_gateway() -> Iterator[Gateway]:
    gateway = Gateway(free_port())
    server = ThreadingHTTPServer(("127.0.0.1", gateway.port), _handler(gateway))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="test-gateway", daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        if gateway.hold is not None:
            gateway.hold.set()
        server.shutdown()
        server.server_close()
