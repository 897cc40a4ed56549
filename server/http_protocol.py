"""uvicorn's httptools protocol with the limits it lacks: caps on open connections (in all and per
address), on the size of a request's head and on pipelined requests, and deadlines for a head or
a body that trickles in (slowloris). Answers are never timed: an event stream may run all day."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import Counter
from typing import Any

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol, RequestResponseCycle

from core.wire import ErrorCode, ErrorDetail, ErrorDocument
from server.api.middleware import new_request_id
from server.settings import HttpLimits

log = logging.getLogger(__name__)

# After a refusal the client may still be sending; reading it away for a moment before closing
# keeps the kernel from answering with a reset that would destroy the refusal in flight.
LINGER_SECONDS = 1.0
# Clients do not pipeline; one that queues more requests than this is closed, since each queued
# request holds memory until the ones before it are answered.
MAX_PIPELINED = 16


class EdgeLog:
    """Counts what the edge turned away and logs it at most once a minute (a flood must not
    flood the log too); what a flood's last minute refused is logged with the next refusal."""

    def __init__(self, every_seconds: float = 60.0) -> None:
        self.every_seconds = every_seconds
        self.counts: Counter[str] = Counter()
        self.logged_at = -every_seconds

    def count(self, what: str) -> None:
        self.counts[what] += 1
        now = time.monotonic()
        if now - self.logged_at >= self.every_seconds:
            log.warning("refused: %s", ", ".join(f"{n} × {w}" for w, n in sorted(self.counts.items())))
            self.counts.clear()
            self.logged_at = now


class _Refused(Exception):
    """Raised inside a parser callback to stop parsing a request that has been answered."""


def error_answer(status: int, code: ErrorCode, message: str, params: dict[str, Any]) -> bytes:
    """A complete HTTP answer carrying the API's error document, closing the connection."""
    request_id = new_request_id()
    document = ErrorDocument(error=ErrorDetail(code=code, message=message, params=params, request_id=request_id))
    body = json.dumps(document.model_dump(mode="json")).encode()
    retry = b"retry-after: 1\r\n" if status == 503 else b""
    return b"".join([STATUS_LINE[status], b"content-type: application/json\r\n",
                     b"content-length: %d\r\n" % len(body), b"x-request-id: %s\r\n" % request_id.encode(),
                     retry, b"connection: close\r\n\r\n", body])


class LimitedHttpProtocol(HttpToolsProtocol):
    """One client connection, read with the limits of ``HttpLimits``; what passes them is served
    exactly as uvicorn serves it."""

    def __init__(self, *args: Any, limits: HttpLimits, edge_log: EdgeLog, per_address: Counter[str],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self.edge_log = edge_log
        self.per_address = per_address  # shared by every connection of the server
        self._address: str | None = None  # counted in per_address while this connection is open
        self._deadline: asyncio.TimerHandle | None = None
        self._running: RequestResponseCycle | None = None
        self._head_open = False
        self._head_bytes = 0
        self._completed_in_feed = False
        self._body_started_at = 0.0
        self._body_seen_at = 0.0
        self._refused = False

    # Narrower than asyncio's BaseTransport, as uvicorn's own protocol declares it: a TCP server's.
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        address = self.client[0] if self.client else None
        if len(self.connections) > self.limits.max_connections:
            self._turn_away(transport, "503 server_busy (connection cap)",
                            {"max_connections": self.limits.max_connections})
            return
        if address is not None and address not in self.limits.unlimited_addresses:
            if self.per_address[address] >= self.limits.max_connections_per_address:
                self._turn_away(transport, "503 server_busy (per-address cap)",
                                {"max_connections_per_address": self.limits.max_connections_per_address})
                return
            self.per_address[address] += 1
            self._address = address
        # An idle socket that never sends a byte is held no longer than a slow head.
        self._arm(self.limits.head_timeout_seconds, self._on_head_deadline)

    def _turn_away(self, transport: asyncio.Transport, what: str, params: dict[str, int]) -> None:
        # Closed at once, not lingering: a flood past the cap must not hold more sockets.
        self.edge_log.count(what)
        self._refused = True
        transport.write(error_answer(503, ErrorCode.SERVER_BUSY, "The server has too many open connections.", params))
        transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._address is not None:
            self.per_address[self._address] -= 1
            if not self.per_address[self._address]:
                del self.per_address[self._address]
            self._address = None
        # uvicorn tells only the newest request; an older pipelined one still running must also
        # stop writing to the closed socket.
        self._disconnect_all()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # answered already: what the client still sends is read away unseen
        if self.timeout_keep_alive_task is not None:
            # Idle between requests, and bytes came: the next head's deadline starts now, also
            # for blank lines, which the parser skips without beginning a request.
            self._unset_keepalive_if_required()
            self._arm(self.limits.head_timeout_seconds, self._on_head_deadline)
        head_was_open, self._completed_in_feed = self._head_open, False
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            if not isinstance(exc.__context__, _Refused):
                self._refuse(400, ErrorCode.BAD_HTTP, "The request is not valid HTTP.", {})
            return
        except httptools.HttpParserError:
            self._refuse(400, ErrorCode.BAD_HTTP, "The request is not valid HTTP.", {})
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        # An unfinished head's size is counted by the chunk: a chunk in which one request ended
        # and the next began is not counted (its head is measured exactly once complete).
        if self._head_open and (head_was_open or not self._completed_in_feed):
            self._head_bytes += len(data)
            if self._head_bytes > self.limits.max_head_bytes:
                self._refuse_head_too_large()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_open, self._head_bytes = True, 0
        if self._deadline is None:
            self._arm(self.limits.head_timeout_seconds, self._on_head_deadline)

    def on_headers_complete(self) -> None:
        self._head_open = False
        self._disarm()
        size = len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)
        if size > self.limits.max_head_bytes:
            self._refuse_head_too_large()
            raise _Refused()
        super().on_headers_complete()
        if len(self.pipeline) > MAX_PIPELINED:
            self._refuse(400, ErrorCode.TOO_MANY_PIPELINED, "Too many requests sent ahead of their answers.", {})
            raise _Refused()
        # A request without a body completes at once and disarms this again.
        self._body_started_at = self._body_seen_at = self.loop.time()
        self._arm(self.limits.body_idle_timeout_seconds, self._on_body_deadline)

    def on_body(self, body: bytes) -> None:
        self._body_seen_at = self.loop.time()
        super().on_body(body)

    def on_message_complete(self) -> None:
        self._disarm()
        self._completed_in_feed = True
        super().on_message_complete()

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: Any) -> None:
        self._running = cycle
        super()._start_asgi_task(cycle, app)

    def _unsupported_upgrade_warning(self) -> None:
        self.edge_log.count("Upgrade header ignored (no WebSocket here)")

    def _arm(self, seconds: float, callback: Any) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, callback)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _on_head_deadline(self) -> None:
        self._deadline = None
        if not self._head_open:
            self.transport.close()  # connected but never sent a byte: nobody to answer
            return
        self._refuse(408, ErrorCode.REQUEST_TIMEOUT, "The request's headers took too long to arrive.",
                     {"seconds": self.limits.head_timeout_seconds})

    def _on_body_deadline(self) -> None:
        self._deadline = None
        now = self.loop.time()
        if self.flow.read_paused:
            # The server stopped reading (the app has not taken what came): not the client's delay.
            self._body_started_at = self._body_seen_at = now
        due = min(self._body_seen_at + self.limits.body_idle_timeout_seconds,
                  self._body_started_at + self.limits.body_timeout_seconds)
        if now < due:
            self._deadline = self.loop.call_later(due - now, self._on_body_deadline)
            return
        self._refuse(408, ErrorCode.REQUEST_TIMEOUT, "The request's body took too long to arrive.",
                     {"idle_seconds": self.limits.body_idle_timeout_seconds,
                      "seconds": self.limits.body_timeout_seconds}, about=self.cycle)

    def _refuse_head_too_large(self) -> None:
        self._refuse(431, ErrorCode.HEADERS_TOO_LARGE, "The request's headers are too large.",
                     {"max_bytes": self.limits.max_head_bytes})

    def _unfinished(self) -> list[RequestResponseCycle]:
        cycles = [self._running, *(cycle for cycle, _ in self.pipeline), self.cycle]
        return list({id(c): c for c in cycles if c is not None and not c.response_complete}.values())

    def _disconnect_all(self) -> None:
        """Every request in flight sees a disconnect, and what it answers goes nowhere."""
        for cycle in self._unfinished():
            cycle.disconnected = True
            cycle.message_event.set()
        self.pipeline.clear()

    def _refuse(self, status: int, code: ErrorCode, message: str, params: dict[str, Any],
                about: RequestResponseCycle | None = None) -> None:
        """Answer ``status`` for the request ``about`` (None: one whose head is not complete),
        stop reading requests, close shortly. The answer is written only if no earlier request
        still waits for its own: answers go out in the order of their requests."""
        self._refused = True
        self._disarm()
        answer = all(cycle is about and not cycle.response_started for cycle in self._unfinished())
        self._disconnect_all()
        if self.transport.is_closing():
            return
        self.edge_log.count(f"{status} {code}")
        if answer:
            self.transport.write(error_answer(status, code, message, params))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.flow.resume_reading()
        self._deadline = self.loop.call_later(LINGER_SECONDS, self.transport.close)
