"""A fault-injecting TCP proxy on loopback between a client and the real server: it can lose the
server's answer after the server acted, answer for the server, cut open connections, refuse new ones."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class _Fault:
    remaining: float  # float("inf") for "until told otherwise"
    match: bytes | None = None
    response: bytes = b""

    def take(self, head: bytes) -> bool:
        if self.remaining <= 0 or (self.match is not None and not head.startswith(self.match)):
            return False
        self.remaining -= 1
        return True


@dataclass(eq=False)  # hashed by identity: kept in a set
class _Link:
    client: socket.socket
    server: socket.socket | None = None
    drop_next_answer: bool = False
    closed: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for sock in (self.client, self.server):
            if sock is None:
                continue
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


class TcpProxy:
    """``with TcpProxy(host, port) as proxy: BackendClient(proxy.url)``. Requests are read whole
    (head and Content-Length body), so each fault applies to one request."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[SeenRequest] = []
        self.dropped = 0
        self.accepted = 0
        self._links: set[_Link] = set()
        self._drops: list[_Fault] = []
        self._answers: list[_Fault] = []
        self._refusing = False
        self._lock = threading.Lock()
        self._closing = False
        self._thread = threading.Thread(target=self._accept_loop, name="tcp-proxy", daemon=True)

    @classmethod
    def to(cls, url: str) -> TcpProxy:
        host, _, port = url.removeprefix("http://").partition("/")[0].partition(":")
        return cls(host, int(port)).start()

    def start(self) -> TcpProxy:
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing = True
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone won't
        except OSError:
            pass
        self._listener.close()
        self.kill_connections()
        self._thread.join(5)

    def __enter__(self) -> TcpProxy:
        return self if self._thread.is_alive() else self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- faults

    def drop_responses(self, count: float = 1, match: bytes | None = None) -> None:
        """For the next ``count`` requests (starting with ``match``, e.g. ``b"POST /api/v1/tickets"``):
        forward the request, wait for the server's answer, then close the client's connection
        without passing the answer on. ``float("inf")`` keeps doing it; ``0`` stops it."""
        with self._lock:
            self._drops = [_Fault(count, match)] if count else []

    def answer(self, status: int, *, count: float = 1, headers: dict[str, str] | None = None,
               body: bytes = b"", match: bytes | None = None) -> None:
        """Answer the next ``count`` requests itself; the server never sees them."""
        lines = [f"HTTP/1.1 {status} Injected", f"Content-Length: {len(body)}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        with self._lock:
            self._answers.append(_Fault(count, match, raw))

    def kill_connections(self) -> int:
        """Cut every open connection at once (both sides); returns how many were cut."""
        with self._lock:
            links, self._links = list(self._links), set()
        for link in links:
            link.close()
        return len(links)

    def cut(self) -> None:
        """An outage: cut open connections and refuse new ones until ``restore()``."""
        self._refusing = True
        self.kill_connections()

    def restore(self) -> None:
        self._refusing = False

    # ----------------------------------------------------------------- the pumps

    def _accept_loop(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._refusing:
                client.close()
                continue
            self.accepted += 1
            link = _Link(client)
            with self._lock:
                self._links.add(link)
            threading.Thread(target=self._client_to_server, args=(link,), daemon=True).start()

    def _client_to_server(self, link: _Link) -> None:
        buffer = b""
        try:
            while True:
                request, buffer = _read_request(link.client, buffer)
                if request is None:
                    return
                head = request.split(b"\r\n\r\n", 1)[0]
                self._record(head)
                with self._lock:
                    answer = next((f for f in self._answers if f.take(head)), None)
                    drop = any(f.take(head) for f in self._drops)
                if answer is not None:
                    link.client.sendall(answer.response)
                    return
                if link.server is None:
                    link.server = socket.create_connection(self.target, timeout=5)
                    link.server.settimeout(None)
                    threading.Thread(target=self._server_to_client, args=(link,), daemon=True).start()
                link.drop_next_answer = drop  # set before the request leaves: the answer comes after
                link.server.sendall(request)
        except OSError:
            return
        finally:
            with self._lock:
                self._links.discard(link)
            link.close()

    def _server_to_client(self, link: _Link) -> None:
        try:
            while True:
                assert link.server is not None
                data = link.server.recv(65536)
                if not data:
                    return
                if link.drop_next_answer:
                    self.dropped += 1
                    return  # the server has answered; the client never hears it
                link.client.sendall(data)
        except OSError:
            return
        finally:
            link.close()

    def _record(self, head: bytes) -> None:
        lines = head.decode("latin-1").split("\r\n")
        method, path = (lines[0].split(" ") + ["", ""])[:2]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        self.requests.append(SeenRequest(method, path, headers))


def _read_request(sock: socket.socket, buffer: bytes) -> tuple[bytes | None, bytes]:
    """One whole HTTP request (head and Content-Length body) from ``sock``; None at end of stream."""
    while b"\r\n\r\n" not in buffer:
        data = sock.recv(65536)
        if not data:
            return None, b""
        buffer += data
    head, _, rest = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        data = sock.recv(65536)
        if not data:
            return None, b""
        rest += data
    return head + b"\r\n\r\n" + rest[:length], rest[length:]
