"""Follows the server's event stream (``GET /events``, Server-Sent Events) in a plain thread: every
event once and in order, resuming with ``Last-Event-ID`` after any drop. The UI wraps it in signals."""

from __future__ import annotations

import codecs
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

import requests

from core.client import API_PREFIX, BackendClient, status_error, translate
from core.errors import BackendError
from core.models import Event
from core.retry import RetryPolicy

log = logging.getLogger(__name__)
_LINE_END = re.compile(r"\r\n|\r|\n")
# The server greets with ": connected at N". Used only while no id is known, so a drop before the
# first event does not restart "from now" and lose what happened in between.
_GREETING = re.compile(r"^ ?connected at ([0-9]+)\s*$")


def _seq(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


@dataclass(frozen=True)
class SseMessage:
    event: str
    data: str
    id: str


class SseParser:
    """Incremental ``text/event-stream`` parser following the WHATWG rules: lines end in CRLF, LF or
    CR (also split across chunks), ``data`` lines join with newlines, ``:`` starts a comment,
    ``id`` persists across messages, ``retry`` sets the reconnection time."""

    def __init__(self, on_comment: Callable[[str], None] | None = None) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._tail = ""
        self._skip_lf = False
        self._started = False
        self._data: list[str] = []
        self._event = ""
        self._on_comment = on_comment
        self.last_id = ""
        self.retry_ms: int | None = None

    def feed(self, chunk: bytes) -> list[SseMessage]:
        text = self._decoder.decode(chunk)
        if not text:
            return []
        if self._skip_lf and text.startswith("\n"):
            text = text[1:]
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        text = self._tail + text
        self._skip_lf = text.endswith("\r")
        lines = _LINE_END.split(text)
        self._tail = lines.pop()
        out: list[SseMessage] = []
        for line in lines:
            message = self._line(line)
            if message is not None:
                out.append(message)
        return out

    def _line(self, line: str) -> SseMessage | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            if self._on_comment:
                self._on_comment(line[1:])
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self.last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> SseMessage | None:
        data, event = self._data, self._event
        self._data, self._event = [], ""
        if not data:
            return None
        return SseMessage(event or "message", "\n".join(data), self.last_id)


class EventFollower:
    """``on_event`` and ``on_state`` ("connected" / "disconnected") run on the follower's thread."""

    def __init__(self, source: BackendClient | str, on_event: Callable[[Event], None], *,
                 token: str | None = None, last_event_id: int | None = None,
                 on_state: Callable[[str], None] | None = None, connect_timeout: float = 3.05,
                 read_timeout: float = 20.0, backoff: RetryPolicy | None = None,
                 session: requests.Session | None = None) -> None:
        if isinstance(source, BackendClient):
            self._url = f"{source.base_url}{API_PREFIX}/events"
            self._token: Callable[[], str | None] = lambda: source.token  # follows renewals
        else:
            self._url = f"{source.rstrip('/').removesuffix(API_PREFIX)}{API_PREFIX}/events"
            self._token = lambda: token
        self._on_event = on_event
        self._on_state = on_state
        # Longer than the server's 15 s keepalive: silence beyond it means a dead connection.
        self._timeout = (connect_timeout, read_timeout)
        self._backoff = backoff or RetryPolicy(base_delay=0.5, max_delay=15.0)
        self._own_session = session is None
        self._session = session or requests.Session()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._response: requests.Response | None = None
        self._thread: threading.Thread | None = None
        self._state: str | None = None
        self.last_event_id = last_event_id
        self.last_error: BackendError | None = None

    @property
    def connected(self) -> bool:
        return self._state == "connected"

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("an EventFollower starts once")
        self._thread = threading.Thread(target=self._run, name="event-follower", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Return promptly even while the thread is blocked reading: its socket is shut down."""
        self._stop.set()
        with self._lock:
            response = self._response
        if response is not None:
            try:
                response.raw.shutdown()
            except (AttributeError, ValueError, RuntimeError, OSError):
                pass  # already closed or released: the thread is not blocked on it
        if self._thread is not None:
            self._thread.join(timeout)
        if self._own_session:
            self._session.close()

    # ----------------------------------------------------------------- the thread

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                if self._follow_once():
                    failures = 0
            except Exception:
                log.exception("event stream: unexpected failure")
            self._set_state("disconnected")
            if self._stop.is_set():
                break
            failures += 1
            self._stop.wait(self._backoff.delay(failures))

    def _follow_once(self) -> bool:
        """One connection, read to its end; True if it was established."""
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
        token = self._token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if self.last_event_id is not None:
            headers["Last-Event-ID"] = str(self.last_event_id)
        try:
            response = self._session.get(self._url, headers=headers, stream=True, timeout=self._timeout)
        except requests.RequestException as e:
            self.last_error = translate(e)
            log.info("event stream: cannot connect (%s)", type(e).__name__)
            return False
        with self._lock:
            self._response = response
        try:
            if self._stop.is_set():
                return False
            if response.status_code != 200:
                self.last_error = status_error(response)
                log.warning("event stream refused: %s", self.last_error)
                return False
            self.last_error = None
            self._read(response)
        except requests.RequestException as e:
            self.last_error = translate(e)
            if not self._stop.is_set():
                log.info("event stream dropped (%s); resuming after %s", type(e).__name__, self.last_event_id)
        finally:
            with self._lock:
                self._response = None
            response.close()
        return True

    def _read(self, response: requests.Response) -> None:
        parser = SseParser(on_comment=self._on_comment)
        # chunk_size=None hands over each chunk as it arrives instead of waiting for a full buffer.
        for chunk in response.iter_content(chunk_size=None):
            for message in parser.feed(chunk):
                self._deliver(message)
            if self.last_event_id is None:
                self.last_event_id = _seq(parser.last_id)
            # Connected once the resume point is known: a stream cut before its greeting would
            # reconnect from "now" and miss what was issued meanwhile, so it must not count.
            if not self.connected and self.last_event_id is not None:
                self._set_state("connected")
            if parser.retry_ms is not None:
                self._backoff = replace(self._backoff, base_delay=parser.retry_ms / 1000)
            if self._stop.is_set():
                return

    def _on_comment(self, text: str) -> None:
        match = _GREETING.match(text)
        if match and self.last_event_id is None:
            self.last_event_id = int(match.group(1))

    def _deliver(self, message: SseMessage) -> None:
        try:
            event = Event.model_validate_json(message.data)
        except (ValueError, KeyError, TypeError) as e:
            log.warning("event stream: unreadable event %s skipped (%s)", message.id, type(e).__name__)
            skipped = _seq(message.id)
            if skipped is not None:
                self.last_event_id = max(self.last_event_id or 0, skipped)
            return
        if self.last_event_id is not None and event.seq <= self.last_event_id:
            return  # already delivered before a reconnect
        self.last_event_id = event.seq
        try:
            self._on_event(event)
        except Exception:
            log.exception("event handler failed on event %d", event.seq)

    def _set_state(self, state: str) -> None:
        if state == self._state:
            return
        self._state = state
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("event stream state handler failed")
