"""The event follower: Server-Sent Events parsed by the rules, every event once and in order, also
across a cut connection, and a stop that does not hang."""

from __future__ import annotations

import threading
import time

import pytest

from core.client import BackendClient
from core.event_stream import EventFollower, SseMessage, SseParser
from core.models import Event
from core.retry import RetryPolicy
from server.events import events_after
from tests.support.net import wait_for
from tests.support.proxy import TcpProxy

FAST = RetryPolicy(base_delay=0.05, max_delay=0.2)


# ----------------------------------------------------------------- the parser


def feed_all(parser: SseParser, *chunks: bytes) -> list[SseMessage]:
    return [m for chunk in chunks for m in parser.feed(chunk)]


def test_parser_joins_data_lines_skips_comments_and_keeps_the_id():
    parser = SseParser()
    out = feed_all(parser, b"retry: 2000\n: connected at 4\n\n",
                   b"id: 5\nevent: ticket.issued\ndata: {\"a\":\ndata:  1}\n\n", b": keepalive\n\n",
                   b"data: again\n\n")
    assert out == [SseMessage("ticket.issued", '{"a":\n 1}', "5"), SseMessage("message", "again", "5")]
    assert parser.retry_ms == 2000 and parser.last_id == "5"


def test_parser_handles_any_line_ending_split_anywhere_and_utf8_split_mid_character():
    parser = SseParser()
    text = "\ufeffid: 7\r\ndata: Antrean B-001 · Loket 1\r\rdata: x\ndata\n\n".encode()
    out = feed_all(parser, *(text[i:i + 1] for i in range(len(text))))
    assert out == [SseMessage("message", "Antrean B-001 · Loket 1", "7"), SseMessage("message", "x\n", "7")]


def test_parser_sends_nothing_for_a_message_without_data_but_takes_its_id():
    parser = SseParser()
    assert feed_all(parser, b"id: 12\n\n", b"retry: soon\n\n") == [] and parser.last_id == "12"
    assert parser.retry_ms is None


# ----------------------------------------------------------------- the follower, real server


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.states: list[str] = []
        self.lock = threading.Lock()

    def on_event(self, event: Event) -> None:
        with self.lock:
            self.events.append(event)

    def on_state(self, state: str) -> None:
        self.states.append(state)

    def seqs(self) -> list[int]:
        with self.lock:
            return [e.seq for e in self.events]


def server_seqs_after(server, seq: int) -> list[int]:
    with server.services.db.read() as conn:
        return [e["seq"] for e in events_after(conn, seq)]


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def follow(server, recorder):
    followers: list[EventFollower] = []

    def start(url: str | None = None, **kw) -> EventFollower:
        kw.setdefault("backoff", FAST)
        follower = EventFollower(url or server.url, recorder.on_event, token=server.tokens["display"],
                                 on_state=recorder.on_state, **kw)
        followers.append(follower)
        follower.start()
        wait_for(lambda: follower.connected, what="the follower to connect")
        return follower

    yield start
    for f in followers:
        f.stop()


def test_the_follower_receives_issued_tickets_in_order(server, recorder, follow):
    follow()
    for _ in range(3):
        server.issue("kk")
    wait_for(lambda: len(recorder.events) == 3, what="three events")
    assert [e.type for e in recorder.events] == ["ticket.issued"] * 3
    assert [e.data["code"] for e in recorder.events] == ["B-001", "B-002", "B-003"]
    assert recorder.seqs() == server_seqs_after(server, recorder.events[0].seq - 1)


def test_a_cut_connection_loses_nothing_and_repeats_nothing(server, recorder, follow):
    """GIVEN a board following through a network that fails, WHEN the connection is cut while two
    tickets are issued and called, THEN after it reconnects it has every event once, in order."""
    with TcpProxy.to(server.url) as proxy:
        follower = follow(proxy.url)
        server.issue("kk")
        wait_for(lambda: len(recorder.events) == 1, what="the first event")
        first = recorder.events[0].seq

        proxy.cut()
        wait_for(lambda: recorder.states[-1] == "disconnected", what="the follower to notice the cut")
        server.issue("kk"), server.issue("kk")
        server.call("POST", "/counters/1/open", "staff")
        for _ in range(2):
            called = server.call("POST", "/counters/1/call-next", "staff").json()["current_ticket"]
            server.call("POST", f"/tickets/{called['id']}/no-show", "staff")
        expected = server_seqs_after(server, first - 1)
        proxy.restore()

        wait_for(lambda: follower.last_event_id == expected[-1], what="the follower to catch up")
        assert recorder.seqs() == expected and len(expected) > 6
        assert recorder.states == ["connected", "disconnected", "connected"]
        resumed = [r for r in proxy.requests if r.path == "/api/v1/events"][-1]
        assert resumed.headers["last-event-id"] == str(first)
        types = [e.type for e in recorder.events]
        assert types.count("ticket.issued") == 3 and types.count("ticket.called") == 2


def test_a_cut_before_the_first_event_still_misses_nothing(server, recorder, follow):
    with TcpProxy.to(server.url) as proxy:
        follower = follow(proxy.url)
        proxy.cut()
        wait_for(lambda: recorder.states[-1] == "disconnected", what="the follower to notice the cut")
        server.issue("kk")
        proxy.restore()
        wait_for(lambda: len(recorder.events) == 1 and follower.connected, what="the missed event")
    assert recorder.events[0].data["code"] == "B-001"


def test_the_follower_says_connected_only_once_it_knows_where_to_resume(server, recorder):
    """A stream whose head arrived but not its greeting has no resume point: were it reported
    connected (a board showing "online"), a cut then would reconnect from "now" and lose what was
    issued meanwhile. GIVEN a first answer that is a stream's head and nothing more, THEN the
    follower reports connected only on the real stream, with its resume point known."""
    with TcpProxy.to(server.url) as proxy:
        proxy.answer(200, headers={"Content-Type": "text/event-stream"})
        seen: list[tuple[str, int | None]] = []
        follower = EventFollower(proxy.url, recorder.on_event, token=server.tokens["display"],
                                 on_state=lambda state: seen.append((state, follower.last_event_id)),
                                 backoff=FAST)
        follower.start()
        try:
            wait_for(lambda: follower.connected, what="the follower to connect")
            server.issue("kk")
            wait_for(lambda: len(recorder.events) == 1, what="the ticket's event")
        finally:
            follower.stop()
    assert [state for state, _ in seen if state == "connected"] == ["connected"]
    assert all(resume is not None for state, resume in seen if state == "connected")


def test_a_silent_connection_is_given_up_and_reopened(server, recorder, follow):
    """The test server's keepalive comes every 15 s; with a 0.5 s read timeout the follower takes
    the silence for a dead link, reconnects, and still gets what follows exactly once."""
    follower = follow(read_timeout=0.5)
    wait_for(lambda: recorder.states.count("connected") >= 2, what="a reconnect after silence")
    server.issue("kk")
    wait_for(lambda: recorder.events, what="the event after the reconnect")
    wait_for(lambda: recorder.states.count("connected") >= 4, what="two more quiet reconnects")
    assert [e.data["code"] for e in recorder.events] == ["B-001"] and follower.last_event_id == recorder.events[0].seq


def test_stop_returns_at_once_while_the_follower_waits_for_the_next_event(server, recorder, follow):
    follower = follow()
    started = time.monotonic()
    follower.stop()
    assert time.monotonic() - started < 1.0
    assert not follower._thread.is_alive() and recorder.states[-1] == "disconnected"


def test_a_failing_handler_does_not_stop_the_following(server, recorder):
    def on_event(event: Event) -> None:
        recorder.on_event(event)
        if len(recorder.events) == 1:
            raise RuntimeError("the board's handler broke")

    client = BackendClient(server.url, server.tokens["display"])
    follower = EventFollower(client, on_event, backoff=FAST, on_state=recorder.on_state)
    follower.start()
    try:
        wait_for(lambda: follower.connected, what="the follower to connect")
        server.issue("kk"), server.issue("kk")
        wait_for(lambda: len(recorder.events) == 2, what="both events")
    finally:
        follower.stop()
    assert [e.data["code"] for e in recorder.events] == ["B-001", "B-002"]


def test_a_refused_token_keeps_it_disconnected_and_says_why(server, recorder):
    follower = EventFollower(server.url, recorder.on_event, token="dev_revoked", backoff=FAST,
                             on_state=recorder.on_state)
    follower.start()
    try:
        wait_for(lambda: follower.last_error is not None, what="the refusal")
    finally:
        follower.stop()
    assert follower.last_error.code == "invalid_token" and "connected" not in recorder.states
